/** A row of the page table, typed (booleans normalised across SQLite and PostgreSQL). */
export interface PageRecord {
  id: number;
  namespace: number;
  dbKey: string;
  isRedirect: boolean;
  isNew: boolean;
  touched: string;
  latest: number;
  length: number;
  contentModel: string;
}

// knex returns untyped rows; this is the one place that maps them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function pageFromRow(row: any): PageRecord {
  return {
    id: row.page_id,
    namespace: row.page_namespace,
    dbKey: row.page_title,
    isRedirect: Boolean(row.page_is_redirect),
    isNew: Boolean(row.page_is_new),
    touched: row.page_touched,
    latest: row.page_latest,
    length: row.page_len,
    contentModel: row.page_content_model,
  };
}
