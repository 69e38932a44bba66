/**
 * Log entries (MediaWiki's ManualLogEntry): a `logging` row plus its
 * recentchanges row, written in one transaction.
 */
import { Knex } from 'knex';
import { toMwTimestamp } from '../util/Timestamp';
import { insertRecentChange, RC_LOG } from './RecentChangeWriter';

export interface NewLogEntry {
  type: string;
  action: string;
  actorId: number;
  namespace: number;
  dbKey: string;
  pageId?: number | null;
  comment?: string;
  params?: Record<string, unknown>;
  ip?: string;
  timestamp?: string;
}

export interface LogEntryRecord {
  id: number;
  type: string;
  action: string;
  timestamp: string;
  actorId: number;
  actorName: string;
  namespace: number;
  dbKey: string;
  pageId: number | null;
  comment: string;
  params: Record<string, unknown>;
}

export interface LogQuery {
  type?: string;
  /** Several types at once (LogEventsList::showLogExtract with a list of types). */
  types?: readonly string[];
  actorId?: number;
  page?: { namespace: number; dbKey: string };
  limit: number;
  /** log_id strictly below this (older), for paging. */
  beforeId?: number;
}

export class LogStore {
  constructor(private readonly db: Knex) {}

  async insert(entry: NewLogEntry, trx: Knex): Promise<number> {
    const timestamp = entry.timestamp ?? toMwTimestamp();
    const params = JSON.stringify(entry.params ?? {});
    const [inserted] = await trx('logging')
      .insert({
        log_type: entry.type,
        log_action: entry.action,
        log_timestamp: timestamp,
        log_actor: entry.actorId,
        log_namespace: entry.namespace,
        log_title: entry.dbKey,
        log_page: entry.pageId ?? null,
        log_comment: entry.comment ?? '',
        log_params: params,
      })
      .returning('log_id');
    const logId = typeof inserted === 'object' ? inserted.log_id : inserted;
    await insertRecentChange(trx, {
      timestamp,
      actorId: entry.actorId,
      namespace: entry.namespace,
      dbKey: entry.dbKey,
      comment: entry.comment ?? '',
      minor: false,
      bot: false,
      type: RC_LOG,
      pageId: entry.pageId ?? 0,
      thisOldId: 0,
      lastOldId: 0,
      oldLength: null,
      newLength: null,
      ip: entry.ip ?? '',
      logId,
      logType: entry.type,
      logAction: entry.action,
      params,
    });
    return logId;
  }

  async query(query: LogQuery): Promise<LogEntryRecord[]> {
    const q = this.db('logging').join('actor', 'actor_id', 'log_actor').select('logging.*', 'actor_name');
    if (query.type) q.where('log_type', query.type);
    if (query.types) q.whereIn('log_type', [...query.types]);
    if (query.actorId !== undefined) q.where('log_actor', query.actorId);
    if (query.page) q.where({ log_namespace: query.page.namespace, log_title: query.page.dbKey });
    if (query.beforeId !== undefined) q.where('log_id', '<', query.beforeId);
    const rows = await q.orderBy('log_id', 'desc').limit(query.limit);
    return rows.map((row) => ({
      id: row.log_id,
      type: row.log_type,
      action: row.log_action,
      timestamp: row.log_timestamp,
      actorId: row.log_actor,
      actorName: row.actor_name,
      namespace: row.log_namespace,
      dbKey: row.log_title,
      pageId: row.log_page,
      comment: row.log_comment,
      params: JSON.parse(row.log_params || '{}'),
    }));
  }

  async getLogTypes(): Promise<string[]> {
    const rows = await this.db('logging').distinct('log_type').orderBy('log_type');
    return rows.map((r) => r.log_type as string);
  }
}
