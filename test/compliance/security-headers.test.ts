/**
 * Security headers on every kind of response: a Content-Security-Policy
 * that forbids framing by other sites and inline scripts, nosniff, and
 * clickjacking protection — on pages, error pages, raw text and redirects.
 */
import supertest from 'supertest';
import { createTestWiki, TestWiki } from '../helpers/TestWiki';
import { testDatabaseKinds } from '../helpers/testDatabases';

function directives(csp: string | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of (csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), values);
  }
  return out;
}

describe.each(testDatabaseKinds())('security headers on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    await wiki.edit('Headers page', 'Some text');
    let failed = false;
    // Fails once, so the error page itself can still be shown.
    wiki.services.hooks.register('BeforePageDisplay', (out) => {
      if (!failed && out.getHtmlTitle() === 'Header failure page') {
        failed = true;
        throw new Error('forced failure');
      }
    });
  });
  afterAll(async () => wiki.close());

  const requests: Array<[string, () => Promise<{ status: number; headers: Record<string, string> }>, number]> = [
    ['an article view', () => wiki.agent.get('/wiki/Headers_page'), 200],
    ['the edit form', () => wiki.agent.get('/w/index.php?title=Headers_page&action=edit'), 200],
    ['the history', () => wiki.agent.get('/w/index.php?title=Headers_page&action=history'), 200],
    ['a missing page', () => wiki.agent.get('/wiki/Missing_headers_page'), 404],
    ['a bad title', () => wiki.agent.get('/wiki/Bad%5Btitle%5D'), 400],
    ['an unknown action', () => wiki.agent.get('/w/index.php?title=Headers_page&action=frobnicate'), 404],
    ['an unknown special page', () => wiki.agent.get('/wiki/Special:No_such_special'), 404],
  ];

  test.each(requests.map(([name, request, status]) => ({ name, request, status })))('$name has CSP with frame-ancestors and nosniff', async ({ request, status }) => {
    const res = await request();
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = directives(res.headers['content-security-policy']);
    expect(csp.get('frame-ancestors')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    // No inline or eval'd scripts are ever allowed.
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  test('an internal error page (500) has the same headers', async () => {
    const res = await wiki.agent.get('/w/index.php?title=Header_failure_page');
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(directives(res.headers['content-security-policy']).get('frame-ancestors')).toEqual(["'self'"]);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  test('raw text, redirects and static files carry nosniff and CSP too', async () => {
    const raw = await wiki.agent.get('/w/index.php?title=Headers_page&action=raw');
    expect(raw.status).toBe(200);
    expect(raw.headers['x-content-type-options']).toBe('nosniff');
    expect(directives(raw.headers['content-security-policy']).get('frame-ancestors')).toEqual(["'self'"]);

    const redirect = await wiki.agent.get('/wiki/headers_page').redirects(0);
    expect(redirect.status).toBe(301);
    expect(redirect.headers['x-content-type-options']).toBe('nosniff');

    const css = await wiki.agent.get('/w/resources/fallback.css');
    expect(css.status).toBe(200);
    expect(css.headers['x-content-type-options']).toBe('nosniff');
  });

  test('HTML pages are not cacheable by shared caches', async () => {
    const res = await wiki.agent.get('/w/index.php?title=Headers_page&action=edit');
    expect(res.headers['cache-control']).toBe('private, must-revalidate, max-age=0');
  });

  test('the session cookie is HttpOnly and SameSite=Lax', async () => {
    // A fresh client, so the form starts a new session.
    const res = await supertest(wiki.app.callback()).get('/w/index.php?title=Headers_page&action=edit');
    expect(res.status).toBe(200);
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const session = cookies.find((c) => c.startsWith('apiportal_session='));
    expect(session).toBeDefined();
    expect(session!.toLowerCase()).toContain('httponly');
    expect(session!.toLowerCase()).toContain('samesite=lax');
    // Plain reads start no session.
    const read = await supertest(wiki.app.callback()).get('/wiki/Headers_page');
    expect(read.headers['set-cookie']).toBeUndefined();
  });
});
