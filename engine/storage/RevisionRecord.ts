/** A revision with its actor's name resolved. Text is loaded separately (it can be large). */
export interface RevisionRecord {
  id: number;
  pageId: number;
  parentId: number | null;
  textId: number;
  comment: string;
  actorId: number;
  actorName: string;
  /** user id of the actor, 0 for anonymous */
  userId: number;
  timestamp: string;
  minor: boolean;
  length: number;
  sha1: string;
}

export const REVISION_COLUMNS = [
  'rev_id', 'rev_page', 'rev_parent_id', 'rev_text_id', 'rev_comment', 'rev_actor', 'rev_timestamp',
  'rev_minor_edit', 'rev_len', 'rev_sha1', 'actor_name', 'actor_user',
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function revisionFromRow(row: any): RevisionRecord {
  return {
    id: row.rev_id,
    pageId: row.rev_page,
    parentId: row.rev_parent_id ?? null,
    textId: row.rev_text_id,
    comment: row.rev_comment,
    actorId: row.rev_actor,
    actorName: row.actor_name,
    userId: row.actor_user ?? 0,
    timestamp: row.rev_timestamp,
    minor: Boolean(row.rev_minor_edit),
    length: row.rev_len,
    sha1: row.rev_sha1,
  };
}
