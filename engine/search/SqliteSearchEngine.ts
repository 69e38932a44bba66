/**
 * Search on SQLite with FTS5 (the role of MediaWiki's SearchSqlite).
 *
 * `searchindex` is an FTS5 table (si_page UNINDEXED, si_title, si_text) with
 * the porter stemmer. Each page's row has rowid = page id: FTS5 can find a
 * row by rowid directly, whereas a lookup by the UNINDEXED si_page column
 * would scan the whole table on every edit. si_page holds the same id so the
 * table reads the same as MediaWiki's.
 */
import type { Knex } from 'knex';
import type { SavedChange } from '../storage/PageUpdater';
import type { SearchEngine, SearchHit, SearchQuery, SearchResultSet } from './SearchEngine';
import {
  countWords,
  MATCH_END,
  MATCH_START,
  normalizePaging,
  parseSearchTerms,
  snippetHtmlFromHighlighted,
  stripWikitext,
} from './stripWikitext';

/**
 * bm25() weights per column (si_page, si_title, si_text): a word in the title
 * counts ten times a word in the text, as title matches rank first in
 * MediaWiki's search.
 */
const RANK = 'bm25(searchindex, 0, 10, 1)';

/**
 * The FTS5 MATCH expression for the terms: every term is an FTS5 string
 * ("…", with " doubled), so nothing the user typed is ever read as FTS5
 * syntax (AND, OR, NOT, NEAR, *, ^, :, parentheses, column filters). FTS5
 * tokenises a string into a phrase, so a one-word term matches that word
 * and a quoted phrase matches the words in order. Terms are ANDed by
 * juxtaposition. Null when there is nothing to search for.
 */
export function ftsMatchExpression(userText: string): string | null {
  const terms = parseSearchTerms(userText);
  if (terms.length === 0) return null;
  return terms.map((term) => `"${term.replace(/"/g, '""')}"`).join(' ');
}

export class SqliteSearchEngine implements SearchEngine {
  constructor(private readonly db: Knex) {}

  async update(trx: Knex.Transaction, change: SavedChange): Promise<void> {
    // FTS5 has no upsert: the old row goes, the new one comes.
    const id = change.page.id;
    await this.remove(trx, id);
    await trx.raw('INSERT INTO searchindex (rowid, si_page, si_title, si_text) VALUES (?, ?, ?, ?)', [
      id,
      id,
      change.title.getText(),
      stripWikitext(change.text),
    ]);
  }

  async remove(trx: Knex.Transaction, pageId: number): Promise<void> {
    await trx.raw('DELETE FROM searchindex WHERE rowid = ?', [pageId]);
  }

  async searchText(query: SearchQuery): Promise<SearchResultSet> {
    const match = ftsMatchExpression(query.text);
    if (match === null) return { hits: [], total: 0 };
    const { namespaces, limit, offset } = normalizePaging(query);

    // FTS5's auxiliary functions (bm25, highlight) only work in the query
    // that does the MATCH, so the join to page happens here as well.
    const base = () =>
      this.db('searchindex')
        .join('page', 'page.page_id', 'searchindex.rowid')
        .whereRaw('searchindex MATCH ?', [match])
        .whereIn('page.page_namespace', namespaces);

    const countRow = (await base().count({ n: '*' }).first()) as { n: number | string } | undefined;
    const total = Number(countRow?.n ?? 0);
    if (total === 0 || limit === 0 || offset >= total) return { hits: [], total };

    const rows = (await base()
      .select(
        'page.page_id',
        'page.page_namespace',
        'page.page_title',
        'page.page_len',
        'page.page_touched',
        'page.page_is_redirect',
        // The whole text with the matches marked; the snippet is cut from it in
        // JS, since FTS5's snippet() gives only one fragment.
        this.db.raw('highlight(searchindex, 2, ?, ?) AS hl', [MATCH_START, MATCH_END]),
      )
      .orderByRaw(RANK)
      .orderBy('page.page_id')
      .limit(limit)
      .offset(offset)) as SqliteHitRow[];

    return { hits: rows.map(hitFromRow), total };
  }
}

interface SqliteHitRow {
  page_id: number;
  page_namespace: number;
  page_title: string;
  page_len: number;
  page_touched: string;
  page_is_redirect: number | boolean;
  hl: string | null;
}

function hitFromRow(row: SqliteHitRow): SearchHit {
  const highlighted = row.hl ?? '';
  return {
    pageId: row.page_id,
    namespace: row.page_namespace,
    dbKey: row.page_title,
    snippetHtml: snippetHtmlFromHighlighted(highlighted),
    size: row.page_len,
    wordCount: countWords(highlighted.replaceAll(MATCH_START, '').replaceAll(MATCH_END, '')),
    timestamp: row.page_touched,
    isRedirect: Boolean(row.page_is_redirect),
  };
}
