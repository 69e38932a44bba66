/**
 * Diff pages over HTTP (MediaWiki's DifferenceEngine): which two revisions
 * `diff=` and `oldid=` select, word-level markup, diffonly, and errors.
 */
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';

/** The revision ids the two diff headers link to: [left, right] (left null when absent). */
function sides(page: string): [number | null, number | null] {
  const left = /<div id="mw-diff-otitle1"><strong><a href="[^"]*oldid=(\d+)">/.exec(page);
  const right = /<div id="mw-diff-ntitle1"><strong><a href="[^"]*oldid=(\d+)">/.exec(page);
  return [left ? Number(left[1]) : null, right ? Number(right[1]) : null];
}

function expectNoStackTrace(page: string): void {
  expect(page).not.toMatch(/\n\s+at [\w.<>]+ \(/);
  expect(page).not.toMatch(/\.(ts|js):\d+/);
  expect(page).not.toMatch(/node_modules|\/work\//);
}

describe.each(testDatabaseKinds())('DifferenceEngine over HTTP on %s', (kind) => {
  let wiki: TestWiki;
  const r: number[] = [];
  let otherPageRev = 0;

  async function save(title: string, text: string, summary = ''): Promise<number> {
    const result = await wiki.edit(title, text, { summary });
    if (result.status !== 'saved') throw new Error(`setup save: ${result.status}`);
    return result.change.revision.id;
  }

  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    r.push(await save('Diff page', 'alpha beta gamma\nsecond line', 'first'));
    r.push(await save('Diff page', 'alpha BETA gamma\nsecond line', 'second'));
    r.push(await save('Diff page', 'alpha BETA gamma\nsecond line\nthird line', 'third'));
    // Same text as r[1]: a revert.
    r.push(await save('Diff page', 'alpha BETA gamma\nsecond line', 'revert'));
    otherPageRev = await save('Other diff page', 'unrelated text');
  });
  afterAll(async () => wiki.close());

  test('diff=X&oldid=Y compares Y (left) with X (right), marking changed words', async () => {
    const res = await wiki.agent.get(`/w/index.php?title=Diff_page&diff=${r[1]}&oldid=${r[0]}`);
    expect(res.status).toBe(200);
    expect(sides(res.text)).toEqual([r[0], r[1]]);
    expect(res.text).toContain('<table class="diff diff-type-table diff-contentalign-left" data-mw="interface">');
    expect(res.text).toContain('<td class="diff-deletedline diff-side-deleted"><div>alpha <del class="diffchange diffchange-inline">beta</del> gamma</div></td>');
    expect(res.text).toContain('<td class="diff-addedline diff-side-added"><div>alpha <ins class="diffchange diffchange-inline">BETA</ins> gamma</div></td>');
    // Unchanged lines are context.
    expect(res.text).toContain('<td class="diff-context diff-side-deleted"><div>second line</div></td>');
    expect(res.text).toContain('<div id="mw-diff-otitle3"><span class="comment">(first)</span></div>');
    expect(res.text).toContain('<div id="mw-diff-ntitle3"><span class="comment">(second)</span></div>');
    expect(res.text).toContain('<title>Diff page: Difference between revisions - API Portal</title>');
    expect(res.text).toContain('<meta name="robots" content="noindex,nofollow">');
  });

  test('diff=prev&oldid=Y compares Y with the revision before it', async () => {
    const res = await wiki.agent.get(`/w/index.php?title=Diff_page&diff=prev&oldid=${r[2]}`);
    expect(res.status).toBe(200);
    expect(sides(res.text)).toEqual([r[1], r[2]]);
    expect(res.text).toMatch(/<td class="diff-addedline diff-side-added"><div>third line<\/div><\/td>/);
    expect(res.text).toContain('<div id="mw-diff-ntitle1"><strong><a href="/w/index.php?title=Diff_page&amp;oldid=' + r[2] + '">Revision as of ');
  });

  test('diff=next&oldid=Y compares Y with the revision after it', async () => {
    const res = await wiki.agent.get(`/w/index.php?title=Diff_page&diff=next&oldid=${r[0]}`);
    expect(res.status).toBe(200);
    expect(sides(res.text)).toEqual([r[0], r[1]]);
  });

  test('diff=cur&oldid=Y compares Y with the latest revision', async () => {
    const res = await wiki.agent.get(`/w/index.php?title=Diff_page&diff=cur&oldid=${r[0]}`);
    expect(res.status).toBe(200);
    expect(sides(res.text)).toEqual([r[0], r[3]]);
    expect(res.text).toContain('">Latest revision as of ');
  });

  test('diff=X alone (no oldid, no title) compares X with its previous revision', async () => {
    const res = await wiki.agent.get(`/w/index.php?diff=${r[2]}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1 id="firstHeading" class="firstHeading mw-first-heading">Diff page</h1>');
    expect(sides(res.text)).toEqual([r[1], r[2]]);
  });

  test('reversed ids still put the older revision on the left', async () => {
    const res = await wiki.agent.get(`/w/index.php?title=Diff_page&diff=${r[0]}&oldid=${r[2]}`);
    expect(res.status).toBe(200);
    expect(sides(res.text)).toEqual([r[0], r[2]]);
    expect(res.text).toContain('<del class="diffchange diffchange-inline">beta</del>');
    expect(res.text).toContain('<ins class="diffchange diffchange-inline">BETA</ins>');
  });

  test('the newer revision\'s content is shown below the diff, unless diffonly=1', async () => {
    const full = await wiki.agent.get(`/w/index.php?title=Diff_page&diff=${r[2]}&oldid=${r[1]}`);
    expect(full.text).toContain('<hr class="diff-hr" id="mw-oldid"><h2 class="diff-currentversion-title">');
    expect(full.text).toContain('<div class="mw-parser-output"><p>alpha BETA gamma\nsecond line\nthird line\n</p></div>');

    const only = await wiki.agent.get(`/w/index.php?title=Diff_page&diff=${r[2]}&oldid=${r[1]}&diffonly=1`);
    expect(only.status).toBe(200);
    expect(only.text).toContain('<table class="diff diff-type-table');
    expect(only.text).not.toContain('diff-currentversion-title');
    expect(only.text).not.toContain('mw-parser-output');
  });

  test('the headers link to the neighbouring diffs and offer undo', async () => {
    const res = await wiki.agent.get(`/w/index.php?title=Diff_page&diff=${r[2]}&oldid=${r[1]}`);
    expect(res.text).toContain(`<a href="/w/index.php?title=Diff_page&amp;diff=prev&amp;oldid=${r[1]}" id="differences-prevlink">← Older edit</a>`);
    expect(res.text).toContain(`<a href="/w/index.php?title=Diff_page&amp;diff=next&amp;oldid=${r[2]}" id="differences-nextlink">Newer edit →</a>`);
    expect(res.text).toContain(`<a href="/w/index.php?title=Diff_page&amp;action=edit&amp;undoafter=${r[1]}&amp;undo=${r[2]}">undo</a>`);
  });

  test('revisions of different pages cannot be compared: an error page, no diff', async () => {
    const res = await wiki.agent.get(`/w/index.php?title=Diff_page&diff=${otherPageRev}&oldid=${r[0]}`);
    expect(res.status).toBe(404);
    expect(res.text).toContain(`The revision #${otherPageRev} of the page does not exist.`);
    expect(res.text).not.toContain('<table class="diff');
    expect(res.text).not.toContain('unrelated text');
    expectNoStackTrace(res.text);

    const noTitle = await wiki.agent.get(`/w/index.php?diff=${otherPageRev}&oldid=${r[0]}`);
    expect(noTitle.status).toBe(404);
    expect(noTitle.text).not.toContain('<table class="diff');
    expectNoStackTrace(noTitle.text);
  });

  test('identical revisions show "(No difference)"', async () => {
    const same = await wiki.agent.get(`/w/index.php?title=Diff_page&diff=${r[1]}&oldid=${r[1]}`);
    expect(same.status).toBe(200);
    expect(same.text).toContain('<div class="mw-diff-empty">(No difference)</div>');

    // Two different revisions with the same text (a revert) too.
    const reverted = await wiki.agent.get(`/w/index.php?title=Diff_page&diff=${r[3]}&oldid=${r[1]}`);
    expect(reverted.status).toBe(200);
    expect(sides(reverted.text)).toEqual([r[1], r[3]]);
    expect(reverted.text).toContain('<div class="mw-diff-empty">(No difference)</div>');
    expect(reverted.text).not.toContain('diffchange');
  });

  test('unknown or malformed revision ids are error pages without stack traces', async () => {
    for (const query of ['diff=999999&oldid=' + r[0], `diff=${r[1]}&oldid=999999`, 'diff=abc&oldid=' + r[0]]) {
      const res = await wiki.agent.get(`/w/index.php?title=Diff_page&${query}`);
      expect(res.status).toBe(404);
      expect(res.text).toContain('Missing revision');
      expect(res.text).not.toContain('<table class="diff');
      expectNoStackTrace(res.text);
    }
    expect(wiki.errors).toEqual([]);
  });
});
