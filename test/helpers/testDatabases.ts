/**
 * Databases for tests: every database test runs on SQLite, and also on
 * PostgreSQL when TEST_DATABASE_URL is set (each test database is a fresh
 * schema there, dropped afterwards).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import knexFactory from 'knex';
import { migrateToLatest, openDatabase } from '../../engine/db/Database';

export interface TestDatabase {
  kind: 'sqlite' | 'pg';
  db: Knex;
  /** Options to pass to openDatabase / settings to reach the same database. */
  url?: string;
  sqliteFile?: string;
  pgSchema?: string;
  destroy(): Promise<void>;
}

export function testDatabaseKinds(): Array<'sqlite' | 'pg'> {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'pg'] : ['sqlite'];
}

export async function createTestDatabase(kind: 'sqlite' | 'pg', migrate = true): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apiportal-test-'));
    const sqliteFile = path.join(dir, 'wiki.sqlite');
    const db = openDatabase({ sqliteFile });
    if (migrate) await migrateToLatest(db);
    return {
      kind,
      db,
      sqliteFile,
      async destroy() {
        await db.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const pgSchema = `t_${randomBytes(6).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
  await admin.raw(`CREATE SCHEMA "${pgSchema}"`);
  await admin.destroy();
  const db = openDatabase({ url, pgSchema });
  if (migrate) await migrateToLatest(db);
  return {
    kind,
    db,
    url,
    pgSchema,
    async destroy() {
      await db.destroy();
      const cleanup = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
      await cleanup.raw(`DROP SCHEMA IF EXISTS "${pgSchema}" CASCADE`);
      await cleanup.destroy();
    },
  };
}
