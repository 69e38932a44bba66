/**
 * Output escaping: whatever users control — page titles, edit summaries,
 * wikitext, request parameters — reaches the HTML escaped, in views,
 * history, diffs, edit forms and error pages.
 */
import { createTestWiki, TestWiki } from '../helpers/TestWiki';
import { testDatabaseKinds } from '../helpers/testDatabases';

const SCRIPT = '<script>alert(1)</script>';
const SUMMARY = `Summary ${SCRIPT} <img src=x onerror=alert(2)> "quoted" & 'single'`;
const ESCAPED_SUMMARY = 'Summary &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt; &quot;quoted&quot; &amp; &#039;single&#039;';
/** A legal title with every HTML-special character a title may contain. */
const TITLE = `Quote "A" & 'B'`;
const ESCAPED_TITLE = 'Quote &quot;A&quot; &amp; &#039;B&#039;';

/** Every real tag's attributes (quoted values respected, so escaped text inside a value is not mistaken for markup). */
function attributesOfTags(page: string): Array<{ tag: string; name: string; value: string }> {
  const out: Array<{ tag: string; name: string; value: string }> = [];
  const tagRe = /<([a-z][a-z0-9]*)((?:\s+[^\s=>"'/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/gi;
  const attrRe = /\s+([^\s=>"'/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
  for (let tag = tagRe.exec(page); tag; tag = tagRe.exec(page)) {
    for (let attr = attrRe.exec(tag[2]); attr; attr = attrRe.exec(tag[2])) {
      out.push({ tag: tag[1].toLowerCase(), name: attr[1].toLowerCase(), value: attr[2] ?? attr[3] ?? attr[4] ?? '' });
    }
  }
  return out;
}

/** No executable markup from user input anywhere in the page. */
function expectNoInjectedMarkup(page: string): void {
  expect(page).not.toMatch(/<script\b(?![^>]*\bsrc=)/i);
  const attributes = attributesOfTags(page);
  expect(attributes.filter((a) => a.name.startsWith('on'))).toEqual([]);
  expect(attributes.filter((a) => ['href', 'src', 'action', 'formaction'].includes(a.name) && /^\s*javascript:/i.test(a.value))).toEqual([]);
}

function heading(page: string): string {
  const m = /<h1 id="firstHeading"[^>]*>([\s\S]*?)<\/h1>/.exec(page);
  if (!m) throw new Error('No #firstHeading');
  return m[1];
}

describe.each(testDatabaseKinds())('output escaping on %s', (kind) => {
  let wiki: TestWiki;
  const revs: number[] = [];
  let titleUrl = '';

  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    for (const text of ['First text', 'Second text']) {
      const result = await wiki.edit(TITLE, text, { summary: SUMMARY });
      if (result.status !== 'saved') throw new Error('setup');
      revs.push(result.change.revision.id);
    }
    titleUrl = wiki.services.titleFactory.newFromTextThrow(TITLE).getLocalURL();
  });
  afterAll(async () => wiki.close());

  test('the title is escaped in the heading, <title> and links of a view', async () => {
    expect(titleUrl).toBe('/wiki/Quote_%22A%22_%26_%27B%27');
    const res = await wiki.agent.get(titleUrl);
    expect(res.status).toBe(200);
    expect(heading(res.text)).toBe(ESCAPED_TITLE);
    expect(res.text).toContain(`<title>${ESCAPED_TITLE} - API Portal</title>`);
    expect(res.text).not.toContain(TITLE);
    expectNoInjectedMarkup(res.text);
  });

  test('the title and summaries are escaped in the history', async () => {
    const res = await wiki.agent.get(wiki.services.titleFactory.newFromTextThrow(TITLE).getLocalURL({ action: 'history' }));
    expect(res.status).toBe(200);
    expect(heading(res.text)).toBe(`${ESCAPED_TITLE}: Revision history`);
    expect(res.text).toContain(`<span class="comment comment--without-parentheses">${ESCAPED_SUMMARY}</span>`);
    expect(res.text).toContain(`<input type="hidden" name="title" value="Quote_&quot;A&quot;_&amp;_&#039;B&#039;">`);
    expect(res.text).not.toContain(TITLE);
    expectNoInjectedMarkup(res.text);
  });

  test('the title and summaries are escaped in diff headers', async () => {
    const res = await wiki.agent.get(wiki.services.titleFactory.newFromTextThrow(TITLE).getLocalURL({ diff: revs[1], oldid: revs[0] }));
    expect(res.status).toBe(200);
    expect(heading(res.text)).toBe(ESCAPED_TITLE);
    expect(res.text).toContain(`<title>${ESCAPED_TITLE}: Difference between revisions - API Portal</title>`);
    expect(res.text).toContain(`<div id="mw-diff-otitle3"><span class="comment">(${ESCAPED_SUMMARY})</span></div>`);
    expect(res.text).toContain(`<div id="mw-diff-ntitle3"><span class="comment">(${ESCAPED_SUMMARY})</span></div>`);
    expectNoInjectedMarkup(res.text);
  });

  test('the title is escaped in the edit form, and the text inside the textarea', async () => {
    await wiki.edit('Textarea breakout', `</textarea>${SCRIPT}<textarea>`);
    const res = await wiki.agent.get('/w/index.php?title=Textarea_breakout&action=edit');
    expect(res.status).toBe(200);
    expect(res.text).toContain('accesskey=",">&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;textarea&gt;</textarea>');
    expectNoInjectedMarkup(res.text);

    const titled = await wiki.agent.get(wiki.services.titleFactory.newFromTextThrow(TITLE).getLocalURL({ action: 'edit' }));
    expect(heading(titled.text)).toBe(`Editing ${ESCAPED_TITLE}`);
    expect(titled.text).not.toContain(TITLE);
  });

  test('a redirect from a title with special characters is escaped in "Redirected from"', async () => {
    await wiki.edit(`Redirect "R" & 'S'`, '#REDIRECT [[Textarea breakout]]');
    const res = await wiki.agent.get(wiki.services.titleFactory.newFromTextThrow(`Redirect "R" & 'S'`).getLocalURL());
    expect(res.status).toBe(200);
    expect(res.text).toContain('class="mw-redirect" title="Redirect &quot;R&quot; &amp; &#039;S&#039;">Redirect &quot;R&quot; &amp; &#039;S&#039;</a>');
    expectNoInjectedMarkup(res.text);
  });

  test('<script> in a requested title is echoed escaped on the bad-title page', async () => {
    const res = await wiki.agent.get(`/wiki/${encodeURIComponent(SCRIPT)}`);
    expect(res.status).toBe(400);
    // "&#60;" and "&lt;" are equally safe.
    expect(res.text).toMatch(/(?:&lt;|&#60;)script&gt;alert\(1\)(?:&lt;|&#60;)\/script&gt;/);
    expectNoInjectedMarkup(res.text);

    const viaQuery = await wiki.agent.get(`/w/index.php?title=${encodeURIComponent(SCRIPT)}&action=history`);
    expect(viaQuery.status).toBe(400);
    expectNoInjectedMarkup(viaQuery.text);
  });

  test('wikitext <script> renders as escaped text', async () => {
    await wiki.edit('Script page', `Before ${SCRIPT} after`);
    const res = await wiki.agent.get('/wiki/Script_page');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Before &lt;script&gt;alert(1)&lt;/script&gt; after');
    expectNoInjectedMarkup(res.text);
  });

  test('event handlers, javascript: links and DISPLAYTITLE markup are neutralised', async () => {
    const text = [
      '<div onclick="alert(1)" onmouseover=alert(1) style="color:red">styled</div>',
      '[javascript:alert(1) external]',
      '<a href="javascript:alert(1)">anchor</a>',
      '<img src=x onerror=alert(2)>',
      '{{DISPLAYTITLE:<script>alert(1)</script>Shown}}',
    ].join('\n\n');
    await wiki.edit('Handlers page', text);
    const res = await wiki.agent.get('/wiki/Handlers_page');
    expect(res.status).toBe(200);
    expect(res.text).toContain('styled</div>');
    expect(heading(res.text)).not.toContain('<script');
    expectNoInjectedMarkup(res.text);
  });

  test('preview and show changes escape <script> too', async () => {
    const token = await wiki.getEditToken('/w/index.php?title=Script_page&action=edit');
    const preview = await wiki.agent.post('/w/index.php?title=Script_page&action=submit').type('form').send({ wpEditToken: token, wpTextbox1: `Preview ${SCRIPT}`, wpSummary: SUMMARY, wpPreview: '1' });
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('Preview &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(preview.text).toContain(`value="${ESCAPED_SUMMARY}"`);
    expectNoInjectedMarkup(preview.text);

    const changes = await wiki.agent.post('/w/index.php?title=Script_page&action=submit').type('form').send({ wpEditToken: token, wpTextbox1: `Changed ${SCRIPT}`, wpDiff: '1' });
    expect(changes.status).toBe(200);
    expect(changes.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expectNoInjectedMarkup(changes.text);
  });

  test('request parameters echoed in the page are escaped (search box, uselang)', async () => {
    const res = await wiki.agent.get(`/wiki/Script_page?search=${encodeURIComponent(`"><script>alert(1)</script>`)}&uselang=${encodeURIComponent('"><script>')}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(res.text).toContain('<html lang="en" dir="ltr"');
    expectNoInjectedMarkup(res.text);
  });
});
