/**
 * A digest of everything a wiki's database holds (every table except the
 * session and rate-limit bookkeeping), so a test can tell that a request
 * changed nothing at all.
 */
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';

const IGNORED = new Set(['session', 'rate_limit', 'knex_migrations', 'knex_migrations_lock', 'searchindex']);

async function tableNames(db: Knex): Promise<string[]> {
  if (db.client.config.client === 'pg') {
    const result = await db.raw('select tablename from pg_tables where schemaname = current_schema() order by tablename');
    return result.rows.map((r: { tablename: string }) => r.tablename);
  }
  const rows = await db.raw("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'searchindex_%' order by name");
  return rows.map((r: { name: string }) => r.name);
}

export async function databaseFingerprint(db: Knex): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of await tableNames(db)) {
    if (IGNORED.has(table)) continue;
    const rows = await db(table).select('*');
    const lines = rows.map((row) => JSON.stringify(Object.keys(row).sort().map((k) => [k, row[k] === null ? null : String(row[k])]))).sort();
    out[table] = createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16) + `:${rows.length}`;
  }
  return out;
}
