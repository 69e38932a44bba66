/**
 * Page lookups (MediaWiki's PageStore / LinkBatch): by title, by id, and
 * existence of many titles in one query.
 */
import { Knex } from 'knex';
import { PageRecord, pageFromRow } from './PageRecord';

export interface PageKey {
  namespace: number;
  dbKey: string;
}

/** Anything with a namespace and DB key (a Title). */
export interface TitleLike {
  getNamespace(): number;
  getDBkey(): string;
}

/** `${ns}:${dbKey}`: how existence results are keyed. */
export function pageKeyOf(page: PageKey | TitleLike): string {
  return 'getDBkey' in page ? `${page.getNamespace()}:${page.getDBkey()}` : `${page.namespace}:${page.dbKey}`;
}

export class PageStore {
  constructor(private readonly db: Knex) {}

  async getPage(key: PageKey, trx: Knex = this.db): Promise<PageRecord | null> {
    const row = await trx('page').where({ page_namespace: key.namespace, page_title: key.dbKey }).first();
    return row ? pageFromRow(row) : null;
  }

  async getPageById(id: number): Promise<PageRecord | null> {
    const row = await this.db('page').where({ page_id: id }).first();
    return row ? pageFromRow(row) : null;
  }

  /** Existing pages among `keys`, in one query per namespace (LinkBatch). Key: `${ns}:${dbKey}`. */
  async getExisting(keys: readonly PageKey[]): Promise<Map<string, PageRecord>> {
    const found = new Map<string, PageRecord>();
    const byNs = new Map<number, Set<string>>();
    for (const key of keys) {
      if (key.namespace < 0) continue;
      if (!byNs.has(key.namespace)) byNs.set(key.namespace, new Set());
      byNs.get(key.namespace)!.add(key.dbKey);
    }
    if (byNs.size === 0) return found;
    const rows = await this.db('page').where((q) => {
      for (const [ns, titles] of byNs) {
        q.orWhere((inner) => inner.where('page_namespace', ns).whereIn('page_title', [...titles]));
      }
    });
    for (const row of rows) {
      const page = pageFromRow(row);
      found.set(pageKeyOf(page), page);
    }
    return found;
  }

  /** Keys (pageKeyOf) of the titles that exist; titles that cannot exist are never found. */
  async existingTitles(titles: readonly TitleLike[]): Promise<Set<string>> {
    const keys = titles.filter((t) => t.getNamespace() >= 0 && t.getDBkey() !== '').map((t) => ({ namespace: t.getNamespace(), dbKey: t.getDBkey() }));
    return new Set((await this.getExisting(keys)).keys());
  }

  async countPages(): Promise<number> {
    const row = await this.db('page').count({ n: '*' }).first();
    return Number(row?.n ?? 0);
  }

  async getPageProps(pageId: number): Promise<Record<string, string>> {
    const rows = await this.db('page_props').where({ pp_page: pageId }).select('pp_propname', 'pp_value');
    return Object.fromEntries(rows.map((r) => [r.pp_propname, r.pp_value]));
  }
}
