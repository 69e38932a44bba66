/**
 * Opens the wiki's database: PostgreSQL when a URL is configured, otherwise
 * the embedded SQLite file under the data directory. Everything above this
 * file talks to knex and never to a driver.
 */
import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';

export type DatabaseKind = 'sqlite' | 'pg';

export interface DatabaseOptions {
  /** postgres:// URL; SQLite when absent. */
  url?: string;
  /** PostgreSQL connection settings as knex parsed them from a URL (render workers reach the request thread's database with them). */
  pgConnection?: Knex.PgConnectionConfig;
  /** SQLite file path (default `<dataDir>/wiki.sqlite`). */
  sqliteFile?: string;
  dataDir?: string;
  /** PostgreSQL schema to use (tests isolate themselves in one). */
  pgSchema?: string;
}

export const MIGRATIONS_DIR = path.resolve(__dirname, '../../db/migrations');

export function databaseKind(db: Knex): DatabaseKind {
  return db.client.config.client === 'pg' ? 'pg' : 'sqlite';
}

export function openDatabase(options: DatabaseOptions): Knex {
  if (options.url || options.pgConnection) {
    return knexFactory({
      client: 'pg',
      connection: options.pgConnection ?? options.url,
      searchPath: options.pgSchema ? [options.pgSchema] : undefined,
      pool: { min: 0, max: 10 },
    });
  }
  const file = options.sqliteFile ?? path.join(options.dataDir ?? './data', 'wiki.sqlite');
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return knexFactory({
    client: 'better-sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
    // One connection: SQLite serialises writers anyway, and a single connection
    // makes knex queue transactions instead of failing them with SQLITE_BUSY.
    pool: {
      min: 1,
      max: 1,
      afterCreate(conn: { pragma(sql: string): unknown }, done: (err: Error | null, conn: unknown) => void) {
        conn.pragma('journal_mode = WAL');
        conn.pragma('foreign_keys = ON');
        conn.pragma('busy_timeout = 5000');
        conn.pragma('synchronous = NORMAL');
        done(null, conn);
      },
    },
  });
}

/** Applies every pending migration (MediaWiki's update.php). */
export async function migrateToLatest(db: Knex): Promise<string[]> {
  const [, applied] = (await db.migrate.latest({ directory: MIGRATIONS_DIR, loadExtensions: ['.js'] })) as [number, string[]];
  return applied;
}
