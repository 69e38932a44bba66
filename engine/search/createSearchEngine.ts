/**
 * Picks the search backend for the database in use, as MediaWiki picks
 * SearchSqlite / SearchPostgres from the database type ($wgSearchType unset).
 */
import type { Knex } from 'knex';
import { databaseKind } from '../db/Database';
import { PostgresSearchEngine } from './PostgresSearchEngine';
import type { SearchEngine } from './SearchEngine';
import { SqliteSearchEngine } from './SqliteSearchEngine';

export function createSearchEngine(db: Knex): SearchEngine {
  return databaseKind(db) === 'pg' ? new PostgresSearchEngine(db) : new SqliteSearchEngine(db);
}
