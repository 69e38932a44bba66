/**
 * Full-text search over page titles and text (MediaWiki's SearchEngine /
 * SearchDatabase). Backends: SQLite FTS5 and PostgreSQL tsvector. The index
 * is updated inside the edit's transaction (it is a DerivedDataUpdater).
 */
import type { Knex } from 'knex';
import type { DerivedDataUpdater, SavedChange } from '../storage/PageUpdater';

export interface SearchQuery {
  /** What the user typed. Operators are not interpreted beyond words and "quoted phrases". */
  text: string;
  namespaces: number[];
  limit: number;
  offset: number;
}

export interface SearchHit {
  pageId: number;
  namespace: number;
  dbKey: string;
  /** Snippet of the text around matches, HTML-escaped, matches wrapped in <span class="searchmatch">. */
  snippetHtml: string;
  /** Byte size of the page. */
  size: number;
  wordCount: number;
  /** TS_MW timestamp of the latest revision. */
  timestamp: string;
  isRedirect: boolean;
}

export interface SearchResultSet {
  hits: SearchHit[];
  /** Total number of matches (for paging). */
  total: number;
}

export interface SearchEngine extends DerivedDataUpdater {
  update(trx: Knex.Transaction, change: SavedChange): Promise<void>;
  /** Removes a page from the index (page deletion). */
  remove(trx: Knex.Transaction, pageId: number): Promise<void>;
  searchText(query: SearchQuery): Promise<SearchResultSet>;
}
