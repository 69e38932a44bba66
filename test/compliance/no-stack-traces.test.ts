/**
 * Errors never leak internals: malformed URLs, oversized or malformed
 * bodies and unexpected exceptions end in a MediaWiki-style error page with
 * the right status, and no stack trace, source path or exception message.
 */
import { createTestWiki, TestWiki } from '../helpers/TestWiki';
import { testDatabaseKinds } from '../helpers/testDatabases';

const SECRET = 'SECRET-INTERNAL-DETAIL-4711';

function expectNoInternals(body: string): void {
  expect(body).not.toMatch(/\n\s+at [\w.<>[\]]+ \(/);
  expect(body).not.toMatch(/\bat (?:async )?[\w.]+ \(\/|\.(?:ts|js):\d+:\d+/);
  expect(body).not.toMatch(/node_modules|\/work\/|engine\/|\/tmp\//);
  expect(body).not.toMatch(/\b(?:TypeError|ReferenceError|RangeError|URIError|SyntaxError|Error):/);
  expect(body).not.toContain(SECRET);
}

function heading(page: string): string {
  const m = /<h1 id="firstHeading"[^>]*>([\s\S]*?)<\/h1>/.exec(page);
  return m ? m[1] : '';
}

describe.each(testDatabaseKinds())('no stack traces on %s', (kind) => {
  let wiki: TestWiki;
  let alwaysFail = false;
  beforeAll(async () => {
    wiki = await createTestWiki(kind, { maxRequestBodyBytes: 4096 });
    await wiki.edit('Existing page', 'Text');
    let failedOnce = false;
    wiki.services.hooks.register('BeforePageDisplay', (out) => {
      if (alwaysFail) throw new Error(`${SECRET} in an error page`);
      if (!failedOnce && out.getHtmlTitle() === 'Failing page') {
        failedOnce = true;
        throw new TypeError(`${SECRET}: cannot read properties of undefined`);
      }
    });
  });
  afterAll(async () => wiki.close());

  beforeEach(() => {
    wiki.errors.length = 0;
  });

  test('a malformed percent escape in the path is a 400 bad-title page', async () => {
    const res = await wiki.agent.get('/wiki/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(heading(res.text)).toBe('Bad title');
    expect(res.text).toContain('The requested page title contains invalid characters: &quot;%E0%A4%A&quot;.');
    expectNoInternals(res.text);
    expect(wiki.errors).toEqual([]);
  });

  test.each([
    ['/wiki/%ED%A0%80', 400], // a lone surrogate
    ['/wiki/%', 400],
    ['/wiki/Foo%00bar', 400],
    [`/wiki/${'x'.repeat(300)}`, 400], // over 255 bytes
    ['/wiki/Foo[bar]', 400],
    ['/w/index.php?title=%E0%A4%A', 400],
    ['/w/index.php?title=Existing_page&action=frobnicate', 404],
    ['/w/index.php?title=Existing_page&oldid=99999999999999999999999', 200],
    ['/w/index.php?title=Existing_page&diff=-1', 404],
    ['/w/index.php?curid=-5', 404], // ignored: the (missing) main page
    ['/w/index.php?title=Existing_page&title=Other', 404],
    ['/w/index.php?title=Existing_page&action=history&limit=-7&offset=%27%20OR%201%3D1', 200],
    ['/w/index.php?title=Existing_page&action=edit&section=99999999999999999999', 404],
    ['/wiki/Special:No_such_special_page', 404],
  ])('%s answers %d with an error page or the page, never internals', async (url, status) => {
    const res = await wiki.agent.get(url);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expectNoInternals(res.text);
    expect(wiki.errors).toEqual([]);
  });

  test('a request body over the limit is a 413 error page', async () => {
    const token = await wiki.getEditToken('/w/index.php?title=Existing_page&action=edit');
    const res = await wiki.agent.post('/w/index.php?title=Existing_page&action=submit').type('form').send({ wpEditToken: token, wpTextbox1: 'x'.repeat(20000), wpSave: '1' });
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('The request body is too large.');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expectNoInternals(res.text);
    expect(wiki.errors).toEqual([]);
    expect(await wiki.services.revisionStore.getTextByRevisionId((await wiki.services.pageStore.getPage({ namespace: 0, dbKey: 'Existing_page' }))!.latest)).toBe('Text');
  });

  test('a malformed JSON body is a 400 error page', async () => {
    const res = await wiki.agent.post('/w/index.php?title=Existing_page&action=submit').set('Content-Type', 'application/json').send('{"wpTextbox1": "unterminated');
    expect(res.status).toBe(400);
    expect(res.text).toContain('The request could not be understood.');
    expectNoInternals(res.text);
    expect(wiki.errors).toEqual([]);
  });

  test('an unexpected exception is a 500 page with a logged error id, and no details', async () => {
    const res = await wiki.agent.get('/w/index.php?title=Failing_page');
    expect(res.status).toBe(500);
    expect(heading(res.text)).toBe('Internal error');
    const shown = /\[([0-9a-f]{12})\] An internal error occurred\. It has been logged\./.exec(res.text);
    expect(shown).not.toBeNull();
    expectNoInternals(res.text);
    // The details go to the log, under the id the user sees.
    expect(wiki.errors).toHaveLength(1);
    expect(wiki.errors[0]).toContain(`[${shown![1]}] GET /w/index.php`);
    expect(wiki.errors[0]).toContain(SECRET);
  });

  test('an exception while showing the error page still shows no internals', async () => {
    alwaysFail = true;
    let res;
    try {
      res = await wiki.agent.get('/wiki/Existing_page');
    } finally {
      alwaysFail = false;
    }
    expect(res.status).toBe(500);
    expect(res.text).toBe('Internal error');
    expectNoInternals(res.text);
    expect(wiki.errors).toHaveLength(2);
    expect(wiki.errors[1]).toMatch(/^error page failed: /);
  });

  test('a method other than GET/HEAD/POST on an article is 405 with Allow', async () => {
    const res = await wiki.agent.delete('/wiki/Existing_page');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, POST');
    expectNoInternals(res.text);
  });
});
