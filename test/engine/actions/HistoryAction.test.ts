/**
 * action=history over HTTP (MediaWiki's HistoryAction / HistoryPager): order,
 * size deltas, minor marks, paging in both directions, the compare form, and
 * bad limits.
 */
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';

function decodeHtml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#039;/g, "'").replace(/&amp;/g, '&');
}

/** The history rows: revision id → row HTML, in page order. */
function rows(page: string): Array<{ id: number; html: string }> {
  const out: Array<{ id: number; html: string }> = [];
  const re = /<li data-mw-revid="(\d+)"[\s\S]*?<\/li>/g;
  for (let m = re.exec(page); m; m = re.exec(page)) out.push({ id: Number(m[1]), html: m[0] });
  return out;
}

/** The decoded href of the first link with this class, or null. */
function linkWithClass(page: string, cls: string): string | null {
  const m = new RegExp(`<a href="([^"]+)" class="${cls}"`).exec(page);
  return m ? decodeHtml(m[1]) : null;
}

describe.each(testDatabaseKinds())('HistoryAction on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
  });
  afterAll(async () => wiki.close());

  async function save(title: string, text: string, options: { minor?: boolean; summary?: string } = {}): Promise<number> {
    const result = await wiki.edit(title, text, options);
    if (result.status !== 'saved') throw new Error(`setup save: ${result.status}`);
    return result.change.revision.id;
  }

  describe('rows', () => {
    const ids: number[] = [];
    beforeAll(async () => {
      ids.push(await save('Sized page', 'aaaa', { summary: 'created' }));
      ids.push(await save('Sized page', 'aaaaaaaaaa', { summary: 'grew' }));
      ids.push(await save('Sized page', 'aaa', { minor: true, summary: 'shrank' }));
    });

    test('lists revisions newest first', async () => {
      const res = await wiki.agent.get('/w/index.php?title=Sized_page&action=history');
      expect(res.status).toBe(200);
      expect(res.text).toContain('<h1 id="firstHeading" class="firstHeading mw-first-heading">Sized page: Revision history</h1>');
      expect(rows(res.text).map((r) => r.id)).toEqual([ids[2], ids[1], ids[0]]);
      expect(res.text).toContain('<meta name="robots" content="noindex,nofollow">');
    });

    test('shows sizes and size deltas: +N in mw-plusminus-pos, −N in mw-plusminus-neg', async () => {
      const res = await wiki.agent.get('/w/index.php?title=Sized_page&action=history');
      const [newest, middle, oldest] = rows(res.text);
      expect(newest.html).toContain('<span class="history-size mw-diff-bytes" data-mw-bytes="3">3 bytes</span>');
      expect(newest.html).toContain('<span dir="ltr" class="mw-plusminus-neg mw-diff-bytes">(−7)</span>');
      expect(middle.html).toContain('data-mw-bytes="10">10 bytes</span>');
      expect(middle.html).toContain('<span dir="ltr" class="mw-plusminus-pos mw-diff-bytes">(+6)</span>');
      // The first revision's delta is its whole size.
      expect(oldest.html).toContain('data-mw-bytes="4">4 bytes</span>');
      expect(oldest.html).toContain('<span dir="ltr" class="mw-plusminus-pos mw-diff-bytes">(+4)</span>');
    });

    test('marks minor edits only', async () => {
      const res = await wiki.agent.get('/w/index.php?title=Sized_page&action=history');
      const [newest, middle, oldest] = rows(res.text);
      expect(newest.html).toContain('<abbr class="minoredit" title="This is a minor edit">m</abbr>');
      expect(middle.html).not.toContain('minoredit');
      expect(oldest.html).not.toContain('minoredit');
    });

    test('shows summaries and cur/prev links', async () => {
      const res = await wiki.agent.get('/w/index.php?title=Sized_page&action=history');
      const [newest, middle, oldest] = rows(res.text);
      expect(newest.html).toContain('<span class="comment comment--without-parentheses">shrank</span>');
      expect(middle.html).toContain(`<a href="/w/index.php?title=Sized_page&amp;diff=${ids[2]}&amp;oldid=${ids[1]}" class="mw-history-histlinks-cur">cur</a>`);
      expect(middle.html).toContain(`<a href="/w/index.php?title=Sized_page&amp;diff=prev&amp;oldid=${ids[1]}" class="mw-history-histlinks-previous">prev</a>`);
      // The newest has no "cur" link and the oldest no "prev" link.
      expect(newest.html).not.toContain('mw-history-histlinks-cur');
      expect(oldest.html).not.toContain('mw-history-histlinks-previous');
      expect(middle.html).toContain(`<a href="/w/index.php?title=Sized_page&amp;oldid=${ids[1]}" class="mw-changeslist-date">`);
    });

    test('has a compare form with oldid/diff radio buttons that leads to a diff', async () => {
      const res = await wiki.agent.get('/w/index.php?title=Sized_page&action=history');
      expect(res.text).toContain('<form action="/w/index.php" id="mw-history-compare" method="get">');
      expect(res.text).toContain('<input type="hidden" name="title" value="Sized_page">');
      for (const id of ids) {
        expect(res.text).toContain(`<input type="radio" value="${id}" name="oldid" id="mw-oldid-${id}"`);
        expect(res.text).toContain(`<input type="radio" value="${id}" name="diff" id="mw-diff-${id}"`);
      }
      // By default the newest is "diff" and the one before it "oldid".
      const checkedOld = /<input type="radio" value="(\d+)" name="oldid"[^>]* checked/.exec(res.text);
      const checkedDiff = /<input type="radio" value="(\d+)" name="diff"[^>]* checked/.exec(res.text);
      expect(Number(checkedOld?.[1])).toBe(ids[1]);
      expect(Number(checkedDiff?.[1])).toBe(ids[2]);

      const compare = await wiki.agent.get(`/w/index.php?title=Sized_page&oldid=${ids[0]}&diff=${ids[2]}`);
      expect(compare.status).toBe(200);
      expect(compare.text).toContain('<table class="diff diff-type-table');
      expect(compare.text).toContain(`<div id="mw-diff-otitle1"><strong><a href="/w/index.php?title=Sized_page&amp;oldid=${ids[0]}">`);
      expect(compare.text).toContain(`<div id="mw-diff-ntitle1"><strong><a href="/w/index.php?title=Sized_page&amp;oldid=${ids[2]}">`);
    });

    test('a page without history answers 404', async () => {
      const res = await wiki.agent.get('/w/index.php?title=Never_edited&action=history');
      expect(res.status).toBe(404);
      expect(res.text).toContain('This page does not have an edit history.');
    });
  });

  describe('paging', () => {
    const ids: number[] = [];
    beforeAll(async () => {
      for (let i = 1; i <= 7; i++) ids.push(await save('Paged page', `version ${i}`));
    });

    test('limit=3 shows three rows with an "older 3" link and no "newer" link', async () => {
      const res = await wiki.agent.get('/w/index.php?title=Paged_page&action=history&limit=3');
      expect(res.status).toBe(200);
      expect(rows(res.text).map((r) => r.id)).toEqual([ids[6], ids[5], ids[4]]);
      expect(linkWithClass(res.text, 'mw-nextlink')).not.toBeNull();
      expect(res.text).toContain('rel="next">older 3</a>');
      expect(linkWithClass(res.text, 'mw-prevlink')).toBeNull();
      expect(res.text).not.toContain('rel="prev">newer 3</a>');
    });

    test('following "older", then "older" again, then "newer" pages through the history', async () => {
      const first = await wiki.agent.get('/w/index.php?title=Paged_page&action=history&limit=3');
      const olderUrl = linkWithClass(first.text, 'mw-nextlink')!;
      expect(olderUrl).toMatch(/^\/w\/index\.php\?title=Paged_page&action=history&offset=\d{14}%7C\d+&limit=3$/);

      const second = await wiki.agent.get(olderUrl);
      expect(second.status).toBe(200);
      expect(rows(second.text).map((r) => r.id)).toEqual([ids[3], ids[2], ids[1]]);
      expect(linkWithClass(second.text, 'mw-prevlink')).not.toBeNull();
      expect(linkWithClass(second.text, 'mw-nextlink')).not.toBeNull();

      const third = await wiki.agent.get(linkWithClass(second.text, 'mw-nextlink')!);
      expect(rows(third.text).map((r) => r.id)).toEqual([ids[0]]);
      // The last page has nothing older.
      expect(linkWithClass(third.text, 'mw-nextlink')).toBeNull();
      expect(linkWithClass(third.text, 'mw-prevlink')).not.toBeNull();

      // "newer" from the second page leads back to the first.
      const back = await wiki.agent.get(linkWithClass(second.text, 'mw-prevlink')!);
      expect(back.status).toBe(200);
      expect(rows(back.text).map((r) => r.id)).toEqual([ids[6], ids[5], ids[4]]);

      // "newer" from the last page leads to the second.
      const backFromThird = await wiki.agent.get(linkWithClass(third.text, 'mw-prevlink')!);
      expect(rows(backFromThird.text).map((r) => r.id)).toEqual([ids[3], ids[2], ids[1]]);
    });

    test('"oldest" shows the oldest revisions, with a "newer" link and no "older" link', async () => {
      const first = await wiki.agent.get('/w/index.php?title=Paged_page&action=history&limit=3');
      const oldestUrl = linkWithClass(first.text, 'mw-lastlink');
      expect(oldestUrl).toBe('/w/index.php?title=Paged_page&action=history&dir=prev&limit=3');
      const oldest = await wiki.agent.get(oldestUrl!);
      expect(oldest.status).toBe(200);
      expect(rows(oldest.text).map((r) => r.id)).toEqual([ids[2], ids[1], ids[0]]);
      expect(linkWithClass(oldest.text, 'mw-nextlink')).toBeNull();
      // Newer revisions exist, so there must be a way to them.
      const newerUrl = linkWithClass(oldest.text, 'mw-prevlink');
      expect(newerUrl).not.toBeNull();
      const newer = await wiki.agent.get(newerUrl!);
      expect(rows(newer.text).map((r) => r.id)).toEqual([ids[5], ids[4], ids[3]]);
      expect(linkWithClass(oldest.text, 'mw-firstlink')).toBe('/w/index.php?title=Paged_page&action=history&limit=3');
    });

    test('limit=abc falls back to the default of 50', async () => {
      const res = await wiki.agent.get('/w/index.php?title=Paged_page&action=history&limit=abc');
      expect(res.status).toBe(200);
      expect(rows(res.text)).toHaveLength(7);
      expect(res.text).toContain('older 50');
      expect(res.text).toContain('newer 50');
      expect(res.text).not.toContain('NaN');
    });

    test('a limit above the maximum is clamped to 500', async () => {
      const res = await wiki.agent.get('/w/index.php?title=Paged_page&action=history&limit=100000');
      expect(res.status).toBe(200);
      expect(rows(res.text)).toHaveLength(7);
      expect(res.text).toContain('older 500');
    });

    test('a malformed offset is ignored (first page), never an internal error', async () => {
      const res = await wiki.agent.get('/w/index.php?title=Paged_page&action=history&limit=3&offset=garbage');
      expect(res.status).toBe(200);
      expect(rows(res.text).map((r) => r.id)).toEqual([ids[6], ids[5], ids[4]]);
      expect(wiki.errors).toEqual([]);
    });
  });
});
