/**
 * action=edit / action=submit over HTTP (MediaWiki's EditPage): the form,
 * saving, preview, "show changes", CSRF refusal, section editing, summaries,
 * null edits, automatic merges and the edit-conflict screen, and undo.
 */
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';

function decodeHtml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#039;/g, "'").replace(/&amp;/g, '&');
}

/** Decoded contents of the textarea with this id, or null. */
function textarea(page: string, id: string): string | null {
  const m = new RegExp(`<textarea id="${id}"[^>]*>([\\s\\S]*?)</textarea>`).exec(page);
  return m ? decodeHtml(m[1]) : null;
}

/** Decoded value of the <input> with this name, or null. */
function inputValue(page: string, name: string): string | null {
  const m = new RegExp(`<input [^>]*name="${name}"[^>]*value="([^"]*)"`).exec(page);
  return m ? decodeHtml(m[1]) : null;
}

function heading(page: string): string {
  const m = /<h1 id="firstHeading"[^>]*>([\s\S]*?)<\/h1>/.exec(page);
  if (!m) throw new Error('No #firstHeading');
  return m[1];
}

function expectNoStackTrace(page: string): void {
  expect(page).not.toMatch(/\n\s+at [\w.<>]+ \(/);
  expect(page).not.toMatch(/\.(ts|js):\d+/);
  expect(page).not.toMatch(/node_modules|\/work\//);
}

describe.each(testDatabaseKinds())('EditAction on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
  });
  afterAll(async () => wiki.close());

  const editUrl = (title: string, query = '') => `/w/index.php?title=${encodeURIComponent(title)}&action=edit${query}`;
  const submitUrl = (title: string) => `/w/index.php?title=${encodeURIComponent(title)}&action=submit`;

  async function submit(title: string, fields: Record<string, string>, withToken = true) {
    const token = withToken ? await wiki.getEditToken(editUrl(title)) : undefined;
    return wiki.agent
      .post(submitUrl(title))
      .type('form')
      .send({ ...(token ? { wpEditToken: token } : {}), ...fields });
  }

  async function pageOf(title: string) {
    const t = wiki.services.titleFactory.newFromTextThrow(title);
    return wiki.services.pageStore.getPage({ namespace: t.getNamespace(), dbKey: t.getDBkey() });
  }

  async function revisionCount(title: string): Promise<number> {
    const page = await pageOf(title);
    return page ? wiki.services.revisionStore.countRevisions(page.id) : 0;
  }

  async function currentText(title: string): Promise<string | null> {
    const page = await pageOf(title);
    return page ? wiki.services.revisionStore.getTextByRevisionId(page.latest) : null;
  }

  async function latestRevision(title: string) {
    const page = await pageOf(title);
    if (!page) throw new Error(`${title} does not exist`);
    return (await wiki.services.revisionStore.getRevisionById(page.latest))!;
  }

  async function saved(title: string, text: string, summary = ''): Promise<number> {
    const result = await wiki.edit(title, text, { summary });
    if (result.status !== 'saved') throw new Error(`setup save of ${title}: ${result.status}`);
    return result.change.revision.id;
  }

  describe('the form', () => {
    test('GET shows a token, the current text in the textarea and the base revision', async () => {
      const revId = await saved('Form page', 'Current <text> & "quotes"');
      const res = await wiki.agent.get(editUrl('Form page'));
      expect(res.status).toBe(200);
      expect(heading(res.text)).toBe('Editing Form page');
      expect(textarea(res.text, 'wpTextbox1')).toBe('Current <text> & "quotes"');
      expect(res.text).toContain('<textarea id="wpTextbox1" name="wpTextbox1" rows="25" cols="80" aria-label="Wikitext source editor" accesskey=",">Current &lt;text&gt; &amp; &quot;quotes&quot;</textarea>');
      const token = inputValue(res.text, 'wpEditToken');
      expect(token).toMatch(/^[A-Za-z0-9_-]{20,}\+\\$/);
      expect(inputValue(res.text, 'editRevId')).toBe(String(revId));
      expect(res.text).toContain('<form id="editform" name="editform" class="mw-editform" method="post" action="/w/index.php?title=Form_page&amp;action=submit"');
      expect(res.text).toContain('<meta name="robots" content="noindex,nofollow">');
      // Showing the form starts a session so the token can be checked later.
      expect(String(res.headers['set-cookie'])).toContain('apiportal_session=');
    });

    test('GET on a missing page shows "Creating …" with an empty textarea and base revision 0', async () => {
      const res = await wiki.agent.get(editUrl('Brand new page'));
      expect(res.status).toBe(200);
      expect(heading(res.text)).toBe('Creating Brand new page');
      expect(textarea(res.text, 'wpTextbox1')).toBe('');
      expect(inputValue(res.text, 'editRevId')).toBe('0');
      expect(res.text).toContain('class="mw-newarticletext"');
    });
  });

  describe('saving', () => {
    test('POST with a valid token saves a revision and redirects with 303 to the page', async () => {
      const res = await submit('Saved page', { wpTextbox1: "Hello '''world'''", wpSummary: 'my summary', wpSave: '1', editRevId: '0' });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/wiki/Saved_page');
      expect(await currentText('Saved page')).toBe("Hello '''world'''");
      const rev = await latestRevision('Saved page');
      expect(rev.comment).toBe('my summary');
      expect(rev.actorName).toBe('127.0.0.1');
      expect(await revisionCount('Saved page')).toBe(1);

      const view = await wiki.agent.get('/wiki/Saved_page');
      expect(view.text).toContain('Hello <b>world</b>');
    });

    test('a second save appends a revision whose parent is the first', async () => {
      const first = await latestRevision('Saved page');
      const res = await submit('Saved page', { wpTextbox1: 'Second text', wpSave: '1', editRevId: String(first.id) });
      expect(res.status).toBe(303);
      const second = await latestRevision('Saved page');
      expect(second.id).toBeGreaterThan(first.id);
      expect(second.parentId).toBe(first.id);
      expect(await revisionCount('Saved page')).toBe(2);
    });

    test('trailing whitespace and CRLF are normalised before saving', async () => {
      const res = await submit('Normalised page', { wpTextbox1: 'line one\r\nline two  \r\n\r\n', wpSave: '1', editRevId: '0' });
      expect(res.status).toBe(303);
      expect(await currentText('Normalised page')).toBe('line one\nline two');
    });

    test('an anonymous user cannot mark an edit minor', async () => {
      const base = await saved('Minor page', 'one');
      const res = await submit('Minor page', { wpTextbox1: 'two', wpMinoredit: '1', wpSave: '1', editRevId: String(base) });
      expect(res.status).toBe(303);
      expect((await latestRevision('Minor page')).minor).toBe(false);
    });

    test('saving the identical text creates no revision (null edit) and still redirects', async () => {
      const base = await saved('Null edit page', 'Unchanged text');
      const res = await submit('Null edit page', { wpTextbox1: 'Unchanged text\n', wpSummary: 'nothing', wpSave: '1', editRevId: String(base) });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/wiki/Null_edit_page');
      expect(await revisionCount('Null edit page')).toBe(1);
      expect((await latestRevision('Null edit page')).id).toBe(base);
    });

    test('a summary longer than 500 characters is truncated to at most 500', async () => {
      const res = await submit('Long summary page', { wpTextbox1: 'text', wpSummary: 'x'.repeat(600), wpSave: '1', editRevId: '0' });
      expect(res.status).toBe(303);
      const comment = (await latestRevision('Long summary page')).comment;
      expect([...comment].length).toBeLessThanOrEqual(500);
      expect(comment.startsWith('x'.repeat(490))).toBe(true);
    });

    test('the 500 limit counts characters (code points), never splitting one', async () => {
      // MediaWiki's CommentStore::COMMENT_CHARACTER_LIMIT counts characters
      // (mb_strlen), so 301 characters (601 UTF-16 code units) fit; cutting at
      // 500 code units would also leave half a surrogate pair (stored as U+FFFD).
      const summary = 'a' + '\u{1F600}'.repeat(300);
      const res = await submit('Emoji summary page', { wpTextbox1: 'text', wpSummary: summary, wpSave: '1', editRevId: '0' });
      expect(res.status).toBe(303);
      const comment = (await latestRevision('Emoji summary page')).comment;
      expect(comment).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|\uFFFD/);
      expect([...comment].length).toBe(301);
      expect(comment === summary).toBe(true);
    });
  });

  describe('preview and show changes', () => {
    test('preview renders the text with the preview note and saves nothing', async () => {
      const base = await saved('Preview page', 'Original');
      const res = await submit('Preview page', { wpTextbox1: "Previewed '''bold'''", wpSummary: 'sum', wpPreview: '1', editRevId: String(base) });
      expect(res.status).toBe(200);
      expect(res.text).toContain('<div id="wikiPreview" class="ontop">');
      expect(res.text).toContain('<strong>Remember that this is only a preview.</strong>');
      expect(res.text).toContain('Previewed <b>bold</b>');
      expect(textarea(res.text, 'wpTextbox1')).toBe("Previewed '''bold'''");
      expect(inputValue(res.text, 'wpSummary')).toBe('sum');
      expect(await currentText('Preview page')).toBe('Original');
      expect(await revisionCount('Preview page')).toBe(1);
    });

    test('preview of a page that does not exist does not create it', async () => {
      const res = await submit('Never created by preview', { wpTextbox1: 'Some text', wpPreview: '1', editRevId: '0' });
      expect(res.status).toBe(200);
      expect(res.text).toContain('<div id="wikiPreview"');
      expect(await pageOf('Never created by preview')).toBeNull();
    });

    test('show changes displays a diff table against the current text and saves nothing', async () => {
      const base = await saved('Diff preview page', 'alpha beta\nsecond line');
      const res = await submit('Diff preview page', { wpTextbox1: 'alpha gamma\nsecond line\nthird line', wpDiff: '1', editRevId: String(base) });
      expect(res.status).toBe(200);
      expect(res.text).toContain('<div id="wikiDiff"><table class="diff diff-type-table');
      expect(res.text).toContain('<del class="diffchange diffchange-inline">beta</del>');
      expect(res.text).toContain('<ins class="diffchange diffchange-inline">gamma</ins>');
      expect(res.text).toMatch(/<td class="diff-addedline[^"]*"><div>third line<\/div><\/td>/);
      expect(textarea(res.text, 'wpTextbox1')).toBe('alpha gamma\nsecond line\nthird line');
      expect(await currentText('Diff preview page')).toBe('alpha beta\nsecond line');
    });
  });

  describe('CSRF token', () => {
    test('a POST without a token saves nothing and shows the text again with an error', async () => {
      const base = await saved('Token page', 'Safe text');
      await wiki.agent.get(editUrl('Token page'));
      const res = await submit('Token page', { wpTextbox1: 'Text without token', wpSave: '1', editRevId: String(base) }, false);
      expect(res.status).not.toBe(303);
      expect(res.text).toContain('id="mw-edit-session-fail"');
      expect(res.text).toContain('We could not process your edit due to a loss of session data.');
      expect(textarea(res.text, 'wpTextbox1')).toBe('Text without token');
      expect(await currentText('Token page')).toBe('Safe text');
      expect(await revisionCount('Token page')).toBe(1);
    });

    test('a POST with a wrong token saves nothing and keeps the text', async () => {
      const res = await wiki.agent
        .post(submitUrl('Token page'))
        .type('form')
        .send({ wpEditToken: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+\\', wpTextbox1: 'Text with wrong token', wpSave: '1' });
      expect(res.status).not.toBe(303);
      expect(res.text).toContain('id="mw-edit-session-fail"');
      expect(textarea(res.text, 'wpTextbox1')).toBe('Text with wrong token');
      expect(await currentText('Token page')).toBe('Safe text');
    });

    test('a POST to a new page without a token does not create it', async () => {
      const res = await submit('Not created without token', { wpTextbox1: 'x', wpSave: '1', editRevId: '0' }, false);
      expect(res.status).not.toBe(303);
      expect(res.text).toContain('id="mw-edit-session-fail"');
      expect(await pageOf('Not created without token')).toBeNull();
    });
  });

  describe('sections', () => {
    const text = 'Intro text\n\n== Alpha ==\nalpha body\n\n== Beta ==\nbeta body';

    test('GET section=1 edits only that section, with an automatic "/* Alpha */" summary', async () => {
      await saved('Sectioned page', text);
      const res = await wiki.agent.get(editUrl('Sectioned page', '&section=1'));
      expect(res.status).toBe(200);
      expect(heading(res.text)).toBe('Editing Sectioned page (section)');
      expect(textarea(res.text, 'wpTextbox1')).toBe('== Alpha ==\nalpha body');
      expect(inputValue(res.text, 'wpSection')).toBe('1');
      expect(inputValue(res.text, 'wpSummary')).toBe('/* Alpha */ ');
    });

    test('POST wpSection=1 replaces only that section and returns to it', async () => {
      const base = (await latestRevision('Sectioned page')).id;
      const res = await submit('Sectioned page', { wpSection: '1', wpTextbox1: '== Alpha ==\nALPHA CHANGED', wpSummary: '/* Alpha */ ', wpSave: '1', editRevId: String(base) });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/wiki/Sectioned_page#Alpha');
      expect(await currentText('Sectioned page')).toBe('Intro text\n\n== Alpha ==\nALPHA CHANGED\n\n== Beta ==\nbeta body');
      expect((await latestRevision('Sectioned page')).comment).toBe('/* Alpha */ ');
    });

    test('section=new appends "== Subject ==" and the text, with the new-section summary', async () => {
      const base = (await latestRevision('Sectioned page')).id;
      const form = await wiki.agent.get(editUrl('Sectioned page', '&section=new'));
      expect(form.status).toBe(200);
      expect(textarea(form.text, 'wpTextbox1')).toBe('');
      const res = await submit('Sectioned page', { wpSection: 'new', wpSummary: 'Subject', wpTextbox1: 'New section body', wpSave: '1', editRevId: String(base) });
      expect(res.status).toBe(303);
      expect(await currentText('Sectioned page')).toBe('Intro text\n\n== Alpha ==\nALPHA CHANGED\n\n== Beta ==\nbeta body\n\n== Subject ==\n\nNew section body');
      expect((await latestRevision('Sectioned page')).comment).toBe('/* Subject */ new section');
    });

    test('a section edit from a stale base merges with a change to another section', async () => {
      const base = await saved('Stale section page', 'Intro\n\n== One ==\nfirst body\n\n== Two ==\nsecond body');
      await saved('Stale section page', 'Intro\n\n== One ==\nfirst body CHANGED BY OTHER\n\n== Two ==\nsecond body');
      const res = await submit('Stale section page', { wpSection: '2', wpTextbox1: '== Two ==\nsecond body CHANGED BY ME', wpSave: '1', editRevId: String(base) });
      expect(res.status).toBe(303);
      expect(await currentText('Stale section page')).toBe('Intro\n\n== One ==\nfirst body CHANGED BY OTHER\n\n== Two ==\nsecond body CHANGED BY ME');
    });

    test('section=new on a page that does not exist creates it with the heading', async () => {
      const res = await submit('New talk page', { wpSection: 'new', wpSummary: 'Hello', wpTextbox1: 'First message', wpSave: '1', editRevId: '0' });
      expect(res.status).toBe(303);
      expect(await currentText('New talk page')).toBe('== Hello ==\n\nFirst message');
    });

    test('a section that does not exist is an error page', async () => {
      const res = await wiki.agent.get(editUrl('Sectioned page', '&section=9'));
      expect(res.status).toBe(404);
      expect(res.text).toContain('You tried to edit a section that does not exist (9).');
      expectNoStackTrace(res.text);
    });
  });

  describe('edit conflicts', () => {
    const lines = 'one\ntwo\nthree\nfour\nfive\nsix\nseven';

    test('a stale base with a non-overlapping change is merged automatically', async () => {
      const base = await saved('Merge page', lines);
      await saved('Merge page', lines.replace('one', 'ONE (other user)'));
      const res = await submit('Merge page', { wpTextbox1: lines.replace('seven', 'SEVEN (me)'), wpSave: '1', editRevId: String(base) });
      expect(res.status).toBe(303);
      expect(res.text).not.toContain('Edit conflict');
      expect(await currentText('Merge page')).toBe('ONE (other user)\ntwo\nthree\nfour\nfive\nsix\nSEVEN (me)');
      expect(await revisionCount('Merge page')).toBe(3);
    });

    test('an overlapping change shows the conflict screen (409) with my text in wpTextbox2, saving nothing', async () => {
      const base = await saved('Conflict page', lines);
      const theirs = lines.replace('four', 'FOUR (other user)');
      const latest = await saved('Conflict page', theirs);
      const mine = lines.replace('four', 'FOUR (me)');
      const res = await submit('Conflict page', { wpTextbox1: mine, wpSummary: 'my edit', wpSave: '1', editRevId: String(base) });
      expect(res.status).toBe(409);
      expect(heading(res.text)).toBe('Edit conflict: Conflict page');
      expect(res.text).toContain('Someone else has changed this page since you started editing it.');
      expect(textarea(res.text, 'wpTextbox1')).toBe(theirs);
      expect(textarea(res.text, 'wpTextbox2')).toBe(mine);
      // The form is now based on the latest revision, so resubmitting is not another conflict.
      expect(inputValue(res.text, 'editRevId')).toBe(String(latest));
      expect(inputValue(res.text, 'wpSummary')).toBe('my edit');
      expect(await currentText('Conflict page')).toBe(theirs);
      expect(await revisionCount('Conflict page')).toBe(2);
    });
  });

  describe('undo', () => {
    test('undo=N&undoafter=M prefills the reversed text and an "Undo revision" summary', async () => {
      const r1 = await saved('Undo page', 'l1\nl2\nl3\nl4\nl5');
      const r2 = await saved('Undo page', 'L1 changed\nl2\nl3\nl4\nl5');
      await saved('Undo page', 'L1 changed\nl2\nl3\nl4\nL5 changed');
      const res = await wiki.agent.get(editUrl('Undo page', `&undo=${r2}&undoafter=${r1}`));
      expect(res.status).toBe(200);
      expect(res.text).toContain('The edit can be undone.');
      expect(textarea(res.text, 'wpTextbox1')).toBe('l1\nl2\nl3\nl4\nL5 changed');
      expect(inputValue(res.text, 'wpSummary')).toBe(`Undo revision [[Special:Diff/${r2}|${r2}]] by [[Special:Contributions/127.0.0.1|127.0.0.1]] ([[User talk:127.0.0.1|talk]])`);
      expect(res.text).toContain('<table class="diff diff-type-table');
      // Nothing is saved by looking at the undo form.
      expect(await revisionCount('Undo page')).toBe(3);
    });

    test('saving the prefilled undo form reverts that change and keeps the later one', async () => {
      const page = (await pageOf('Undo page'))!;
      const [r3, r2, r1] = await wiki.services.revisionStore.getHistory(page.id, { limit: 10 });
      const form = await wiki.agent.get(editUrl('Undo page', `&undo=${r2.id}&undoafter=${r1.id}`));
      expect(inputValue(form.text, 'editRevId')).toBe(String(r3.id));
      const fields = { wpTextbox1: textarea(form.text, 'wpTextbox1')!, wpSummary: inputValue(form.text, 'wpSummary')!, editRevId: inputValue(form.text, 'editRevId')!, wpSave: '1' };
      const res = await submit('Undo page', fields);
      expect(res.status).toBe(303);
      expect(await currentText('Undo page')).toBe('l1\nl2\nl3\nl4\nL5 changed');
      expect((await latestRevision('Undo page')).comment).toBe(`Undo revision [[Special:Diff/${r2.id}|${r2.id}]] by [[Special:Contributions/127.0.0.1|127.0.0.1]] ([[User talk:127.0.0.1|talk]])`);
    });

    test('an undo that conflicts with later edits says it could not be undone', async () => {
      const r1 = await saved('Undo conflict page', 'a\nb\nc');
      const r2 = await saved('Undo conflict page', 'a\nB one\nc');
      await saved('Undo conflict page', 'a\nB two\nc');
      const res = await wiki.agent.get(editUrl('Undo conflict page', `&undo=${r2}&undoafter=${r1}`));
      expect(res.status).toBe(200);
      expect(res.text).toContain('The edit could not be undone due to conflicting intermediate edits.');
      expect(textarea(res.text, 'wpTextbox1')).toBe('a\nB two\nc');
      expect(inputValue(res.text, 'wpSummary')).not.toContain('Undo revision');
    });
  });

  describe('editing an old revision', () => {
    test('action=edit&oldid= shows the old text with the out-of-date warning; saving it reverts', async () => {
      const r1 = await saved('Old edit page', 'version one');
      const r2 = await saved('Old edit page', 'version two');
      const form = await wiki.agent.get(editUrl('Old edit page', `&oldid=${r1}`));
      expect(form.status).toBe(200);
      expect(textarea(form.text, 'wpTextbox1')).toBe('version one');
      expect(form.text).toContain('Warning: You are editing an out-of-date revision of this page.');
      // The save is based on the latest revision: a revert, not a conflict.
      expect(inputValue(form.text, 'editRevId')).toBe(String(r2));
      const res = await submit('Old edit page', { wpTextbox1: 'version one', wpSave: '1', editRevId: String(r2) });
      expect(res.status).toBe(303);
      expect(await currentText('Old edit page')).toBe('version one');
      expect(await revisionCount('Old edit page')).toBe(3);
    });
  });

  describe('bad input', () => {
    test('editing a bad title is a 400 error page', async () => {
      const res = await wiki.agent.get('/w/index.php?title=Foo%5Bbar%5D&action=edit');
      expect(res.status).toBe(400);
      expect(heading(res.text)).toBe('Bad title');
      expect(res.text).not.toContain('wpTextbox1');
      expectNoStackTrace(res.text);

      const post = await wiki.agent.post('/w/index.php?title=Foo%7Cbar&action=submit').type('form').send({ wpTextbox1: 'x', wpSave: '1' });
      expect(post.status).toBe(400);
      expect(heading(post.text)).toBe('Bad title');
    });

    test('a non-numeric section is a 400 error page', async () => {
      await saved('Plain page for sections', 'text');
      const res = await wiki.agent.get(editUrl('Plain page for sections', '&section=abc'));
      expect(res.status).toBe(400);
      expectNoStackTrace(res.text);
    });

    test('an anonymous user cannot save a MediaWiki: page over HTTP', async () => {
      // The protected page's own form has no token ("View source"), so take one from another form.
      const token = await wiki.getEditToken(editUrl('Form page'));
      const res = await wiki.agent.post(submitUrl('MediaWiki:Sitenotice')).type('form').send({ wpEditToken: token, wpTextbox1: 'Defaced!', wpSave: '1', editRevId: '0' });
      expect(res.status).toBe(403);
      expect(await pageOf('MediaWiki:Sitenotice')).toBeNull();
    });
  });

  test('a posted text with a malformed section is kept on screen and nothing is saved', async () => {
    await wiki.edit('Bad section target', '== A ==\nOriginal');
    const res = await submit('Bad section target', { wpTextbox1: 'My careful words', wpSection: 'x1', wpSave: '1', wpSummary: '' });
    expect(res.status).toBe(400);
    expect(textarea(res.text, 'wpTextbox2')).toBe('My careful words');
    expect(textarea(res.text, 'wpTextbox1')).toBe('== A ==\nOriginal');
    expect(await revisionCount('Bad section target')).toBe(1);
    const get = await wiki.agent.get(editUrl('Bad section target', '&section=x1'));
    expect(get.status).toBe(400);
    expectNoStackTrace(get.text);
  });
});
