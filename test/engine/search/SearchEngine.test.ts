import type { Knex } from 'knex';
import { createSearchEngine } from '../../../engine/search/createSearchEngine';
import { PostgresSearchEngine } from '../../../engine/search/PostgresSearchEngine';
import type { SearchEngine, SearchQuery } from '../../../engine/search/SearchEngine';
import { SqliteSearchEngine } from '../../../engine/search/SqliteSearchEngine';
import type { SavedChange } from '../../../engine/storage/PageUpdater';
import type { RevisionRecord } from '../../../engine/storage/RevisionRecord';
import type { Title } from '../../../engine/title/Title';
import { createTestDatabase, testDatabaseKinds, TestDatabase } from '../../helpers/testDatabases';

const TOUCHED = '20260101000000';

describe.each(testDatabaseKinds())('SearchEngine on %s', (kind) => {
  let tdb: TestDatabase;
  let db: Knex;
  let engine: SearchEngine;

  beforeAll(async () => {
    tdb = await createTestDatabase(kind);
    db = tdb.db;
    engine = createSearchEngine(db);
  });

  afterAll(async () => {
    await tdb.destroy();
  });

  beforeEach(async () => {
    await db('searchindex').del();
    await db('page').del();
  });

  /** What PageUpdater hands to derived-data updaters; only the fields the search engine reads are real. */
  function fakeChange(id: number, namespace: number, dbKey: string, text: string): SavedChange {
    const titleText = dbKey.replace(/_/g, ' ');
    return {
      title: { getText: () => titleText } as unknown as Title,
      page: {
        id, namespace, dbKey, isRedirect: false, isNew: true, touched: TOUCHED, latest: 1,
        length: Buffer.byteLength(text), contentModel: 'wikitext',
      },
      revision: {} as RevisionRecord,
      text,
      created: true,
    };
  }

  /** Creates the page row and indexes the text, inside a transaction as PageUpdater does. */
  async function addPage(dbKey: string, text: string, namespace = 0, isRedirect = false): Promise<number> {
    const [row] = await db('page')
      .insert({
        page_namespace: namespace,
        page_title: dbKey,
        page_touched: TOUCHED,
        page_latest: 1,
        page_len: Buffer.byteLength(text),
        page_is_redirect: isRedirect,
      })
      .returning('page_id');
    const id = Number(typeof row === 'object' ? (row as { page_id: number }).page_id : row);
    await db.transaction((trx) => engine.update(trx, fakeChange(id, namespace, dbKey, text)));
    return id;
  }

  function search(text: string, extra: Partial<SearchQuery> = {}) {
    return engine.searchText({ text, namespaces: [0], limit: 20, offset: 0, ...extra });
  }

  it('is the backend for the database kind', () => {
    expect(engine).toBeInstanceOf(kind === 'pg' ? PostgresSearchEngine : SqliteSearchEngine);
  });

  it('finds a word in the text and describes the page', async () => {
    const id = await addPage('Musical_instruments', "The '''xylophone''' is a [[percussion]] instrument.");
    await addPage('Unrelated', 'Nothing to see here.');
    const result = await search('xylophone');
    expect(result.total).toBe(1);
    expect(result.hits).toHaveLength(1);
    expect(result.hits[0]).toEqual({
      pageId: id,
      namespace: 0,
      dbKey: 'Musical_instruments',
      snippetHtml: 'The <span class="searchmatch">xylophone</span> is a percussion instrument.',
      size: Buffer.byteLength("The '''xylophone''' is a [[percussion]] instrument."),
      wordCount: 6,
      timestamp: TOUCHED,
      isRedirect: false,
    });
  });

  it('matches stemmed word forms', async () => {
    await addPage('Rivers', 'Water keeps running downhill.');
    const result = await search('runs');
    expect(result.hits.map((h) => h.dbKey)).toEqual(['Rivers']);
  });

  it('requires every word, and phrases in order', async () => {
    await addPage('A', 'red apples and green pears');
    await addPage('B', 'green apples and red pears');
    expect((await search('red apples')).total).toBe(2);
    expect((await search('"red apples"')).hits.map((h) => h.dbKey)).toEqual(['A']);
    expect((await search('red bananas')).total).toBe(0);
  });

  it('finds pages by title words and ranks title matches first', async () => {
    await addPage('Gardening', 'Some notes that mention a telescope once.');
    await addPage('Telescope', 'An optical instrument for looking at distant things.');
    const result = await search('telescope');
    expect(result.total).toBe(2);
    expect(result.hits.map((h) => h.dbKey)).toEqual(['Telescope', 'Gardening']);
    // No match in the text: the snippet is the beginning of the text.
    expect(result.hits[0].snippetHtml).toBe('An optical instrument for looking at distant things.');
  });

  it('searches only the requested namespaces (main when none)', async () => {
    await addPage('Zebra', 'A zebra article.', 0);
    await addPage('Zebra', 'A zebra help page.', 12);
    await addPage('Zebra', 'Talk about the zebra.', 1);
    expect((await search('zebra')).hits.map((h) => h.namespace)).toEqual([0]);
    expect((await search('zebra', { namespaces: [] })).hits.map((h) => h.namespace)).toEqual([0]);
    const both = await search('zebra', { namespaces: [1, 12] });
    expect(both.total).toBe(2);
    expect(both.hits.map((h) => h.namespace).sort()).toEqual([1, 12]);
  });

  it('pages with limit and offset and reports the total', async () => {
    for (let i = 0; i < 7; i++) await addPage(`Page_${i}`, `common word number ${i}`);
    const first = await search('common', { limit: 3, offset: 0 });
    const second = await search('common', { limit: 3, offset: 3 });
    const third = await search('common', { limit: 3, offset: 6 });
    const beyond = await search('common', { limit: 3, offset: 10 });
    expect([first.total, second.total, third.total, beyond.total]).toEqual([7, 7, 7, 7]);
    expect([first.hits.length, second.hits.length, third.hits.length, beyond.hits.length]).toEqual([3, 3, 1, 0]);
    const ids = [...first.hits, ...second.hits, ...third.hits].map((h) => h.pageId);
    expect(new Set(ids).size).toBe(7);
    expect((await search('common', { limit: 0 })).hits).toEqual([]);
  });

  it('escapes page text in snippets and highlights the match', async () => {
    await addPage('Security', 'Never run &lt;script&gt;alert("pwned")&lt;/script&gt; from a stranger & friend.');
    const [hit] = (await search('stranger')).hits;
    expect(hit.snippetHtml).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(hit.snippetHtml).toContain('<span class="searchmatch">stranger</span> &amp; friend.');
    expect(hit.snippetHtml).not.toContain('<script');
  });

  it('reports redirects', async () => {
    await addPage('Old_name', '#REDIRECT [[Quokka]]', 0, true);
    const [hit] = (await search('quokka')).hits;
    expect(hit.isRedirect).toBe(true);
  });

  it.each([
    '', '   ', '"', '""', '*', 'NEAR(', 'NEAR(foo bar', 'AND OR', 'OR', 'NOT', '-', '-foo', ':', 'si_title:foo',
    "'", "O'Brien", '\\', '\\"', '(', ')', '^', '{', 'foo"bar', '\u0001\u0002', '%', '?', '$1', 'a & b | !c <-> d',
  ])('treats the hostile query %j as text, never as syntax', async (q) => {
    await addPage('Hostile', 'foo bar and or not near obrien');
    await expect(search(q)).resolves.toEqual(expect.objectContaining({ total: expect.any(Number) }));
  });

  it('returns no hits for empty and punctuation-only queries', async () => {
    await addPage('Something', 'Anything at all.');
    for (const q of ['', '   ', '"', '*', '-', ':', "'", '\\']) {
      expect(await search(q)).toEqual({ hits: [], total: 0 });
    }
  });

  it('finds operator words as plain words', async () => {
    await addPage('Logic', 'Rules for and, or and not, near and far.');
    expect((await search('NEAR(')).total).toBe(1);
    expect((await search('-far')).total).toBe(1);
    expect((await search('far OR missing')).total).toBe(0);
  });

  it('replaces the old text on update', async () => {
    const id = await addPage('Changing', 'The first version mentions marmalade.');
    await db.transaction((trx) => engine.update(trx, fakeChange(id, 0, 'Changing', 'The second version mentions porridge.')));
    expect((await search('marmalade')).total).toBe(0);
    expect((await search('porridge')).hits.map((h) => h.pageId)).toEqual([id]);
    expect(await db('searchindex').count({ n: '*' }).first()).toEqual({ n: kind === 'pg' ? '1' : 1 });
  });

  it('removes a page from the index', async () => {
    const id = await addPage('Doomed', 'This page about kumquats will be deleted.');
    const keep = await addPage('Kept', 'Kumquats are small citrus fruits.');
    await db.transaction((trx) => engine.remove(trx, id));
    expect((await search('kumquats')).hits.map((h) => h.pageId)).toEqual([keep]);
  });

  it('rolls the index back with the edit', async () => {
    const id = await addPage('Stable', 'Original words about walruses.');
    await expect(
      db.transaction(async (trx) => {
        await engine.update(trx, fakeChange(id, 0, 'Stable', 'Replacement words about narwhals.'));
        throw new Error('edit failed');
      }),
    ).rejects.toThrow('edit failed');
    expect((await search('walruses')).total).toBe(1);
    expect((await search('narwhals')).total).toBe(0);
  });
});
