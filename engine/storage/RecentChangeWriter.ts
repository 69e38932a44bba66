/**
 * Inserts recentchanges rows (MediaWiki's RecentChange::save), always inside
 * the transaction of the change they describe.
 */
import { Knex } from 'knex';

export const RC_EDIT = 0;
export const RC_NEW = 1;
export const RC_LOG = 3;

export interface RecentChangeRow {
  timestamp: string;
  actorId: number;
  namespace: number;
  dbKey: string;
  comment: string;
  minor: boolean;
  bot: boolean;
  type: typeof RC_EDIT | typeof RC_NEW | typeof RC_LOG;
  pageId: number;
  thisOldId: number;
  lastOldId: number;
  oldLength: number | null;
  newLength: number | null;
  ip: string;
  logId?: number;
  logType?: string;
  logAction?: string;
  params?: string;
}

const SOURCES = { [RC_EDIT]: 'mw.edit', [RC_NEW]: 'mw.new', [RC_LOG]: 'mw.log' } as const;

export async function insertRecentChange(trx: Knex, rc: RecentChangeRow): Promise<void> {
  await trx('recentchanges').insert({
    rc_timestamp: rc.timestamp,
    rc_actor: rc.actorId,
    rc_namespace: rc.namespace,
    rc_title: rc.dbKey,
    rc_comment: rc.comment,
    rc_minor: rc.minor,
    rc_bot: rc.bot,
    rc_new: rc.type === RC_NEW,
    rc_cur_id: rc.pageId,
    rc_this_oldid: rc.thisOldId,
    rc_last_oldid: rc.lastOldId,
    rc_type: rc.type,
    rc_source: SOURCES[rc.type],
    rc_old_len: rc.oldLength,
    rc_new_len: rc.newLength,
    rc_ip: rc.ip,
    rc_logid: rc.logId ?? 0,
    rc_log_type: rc.logType ?? null,
    rc_log_action: rc.logAction ?? null,
    rc_params: rc.params ?? null,
  });
}
