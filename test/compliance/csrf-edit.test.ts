/**
 * Cross-site request forgery against the edit form: a POST that did not come
 * from our own form (no token, a token of another session, MediaWiki's
 * anonymous "+\" token, a GET carrying the fields) never saves anything.
 */
import supertest from 'supertest';
import { createTestWiki, TestWiki } from '../helpers/TestWiki';
import { testDatabaseKinds } from '../helpers/testDatabases';

describe.each(testDatabaseKinds())('CSRF protection of edits on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    await wiki.edit('Victim page', 'Original text');
  });
  afterAll(async () => wiki.close());

  const submitUrl = '/w/index.php?title=Victim_page&action=submit';

  async function state(title = 'Victim_page') {
    const page = await wiki.services.pageStore.getPage({ namespace: 0, dbKey: title });
    if (!page) return null;
    return { text: await wiki.services.revisionStore.getTextByRevisionId(page.latest), revisions: await wiki.services.revisionStore.countRevisions(page.id) };
  }

  function attacker() {
    // A browser on another site: no session cookie of ours.
    return supertest.agent(wiki.app.callback());
  }

  test('a cross-site form POST without a token saves nothing', async () => {
    const res = await attacker()
      .post(submitUrl)
      .set('Origin', 'https://evil.example')
      .set('Referer', 'https://evil.example/attack.html')
      .type('form')
      .send({ wpTextbox1: 'Defaced', wpSummary: 'pwned', wpSave: '1' });
    expect(res.status).not.toBe(303);
    expect(res.headers.location).toBeUndefined();
    expect(res.text).toContain('id="mw-edit-session-fail"');
    expect(await state()).toEqual({ text: 'Original text', revisions: 1 });
  });

  test("a cross-site POST that carries the victim's session cookie but no token saves nothing", async () => {
    // Older browsers send cookies on cross-site POSTs despite SameSite=Lax.
    await wiki.getEditToken('/w/index.php?title=Victim_page&action=edit');
    const res = await wiki.agent.post(submitUrl).set('Origin', 'https://evil.example').type('form').send({ wpTextbox1: 'Defaced', wpSave: '1' });
    expect(res.status).not.toBe(303);
    expect(res.text).toContain('id="mw-edit-session-fail"');
    expect(await state()).toEqual({ text: 'Original text', revisions: 1 });
  });

  test('a cross-site POST cannot create a page either', async () => {
    const res = await attacker().post('/w/index.php?title=Planted_page&action=submit').set('Origin', 'https://evil.example').type('form').send({ wpTextbox1: 'Spam', wpSave: '1' });
    expect(res.status).not.toBe(303);
    expect(await state('Planted_page')).toBeNull();
  });

  test("MediaWiki's anonymous token \"+\\\" is not accepted", async () => {
    const res = await attacker().post(submitUrl).type('form').send({ wpEditToken: '+\\', wpTextbox1: 'Defaced', wpSave: '1' });
    expect(res.status).not.toBe(303);
    expect(await state()).toEqual({ text: 'Original text', revisions: 1 });
  });

  test("a token from the attacker's own session does not work in the victim's session", async () => {
    const evil = attacker();
    const form = await evil.get('/w/index.php?title=Victim_page&action=edit');
    const token = /name="wpEditToken" value="([^"]+)"/.exec(form.text)![1];
    expect(token.endsWith('+\\')).toBe(true);
    // The victim has a session of their own.
    await wiki.getEditToken('/w/index.php?title=Victim_page&action=edit');
    const res = await wiki.agent.post(submitUrl).type('form').send({ wpEditToken: token, wpTextbox1: 'Defaced', wpSave: '1' });
    expect(res.status).not.toBe(303);
    expect(res.text).toContain('id="mw-edit-session-fail"');
    expect(await state()).toEqual({ text: 'Original text', revisions: 1 });
  });

  test('a tampered token is refused', async () => {
    const token = await wiki.getEditToken('/w/index.php?title=Victim_page&action=edit');
    const tampered = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
    const res = await wiki.agent.post(submitUrl).type('form').send({ wpEditToken: tampered, wpTextbox1: 'Defaced', wpSave: '1' });
    expect(res.status).not.toBe(303);
    expect(await state()).toEqual({ text: 'Original text', revisions: 1 });
    // Without the "+\" suffix the real token is refused too.
    const unsuffixed = await wiki.agent.post(submitUrl).type('form').send({ wpEditToken: token.slice(0, -2), wpTextbox1: 'Defaced', wpSave: '1' });
    expect(unsuffixed.status).not.toBe(303);
    expect(await state()).toEqual({ text: 'Original text', revisions: 1 });
  });

  test('a GET carrying the form fields and a valid token never saves (saving needs POST)', async () => {
    const token = await wiki.getEditToken('/w/index.php?title=Victim_page&action=edit');
    const query = new URLSearchParams({ title: 'Victim_page', action: 'submit', wpTextbox1: 'Defaced by GET', wpSave: '1', wpEditToken: token });
    const res = await wiki.agent.get(`/w/index.php?${query.toString()}`);
    expect(res.status).toBe(200);
    expect(await state()).toEqual({ text: 'Original text', revisions: 1 });
  });

  test('the same session with its own valid token can save (the checks above are not vacuous)', async () => {
    const token = await wiki.getEditToken('/w/index.php?title=Victim_page&action=edit');
    const res = await wiki.agent.post(submitUrl).type('form').send({ wpEditToken: token, wpTextbox1: 'Legitimate change', wpSave: '1' });
    expect(res.status).toBe(303);
    expect(await state()).toEqual({ text: 'Legitimate change', revisions: 2 });
  });
});
