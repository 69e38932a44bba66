/**
 * Interface messages over HTTP: uselang=qqx shows message keys instead of
 * texts (MediaWiki's debugging pseudo-language), and on-wiki overrides in
 * the MediaWiki namespace take effect at once, per language.
 */
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';

function saveButton(page: string): string | null {
  const m = /<button type="submit" id="wpSave" name="wpSave" value="1" accesskey="s">([^<]*)<\/button>/.exec(page);
  return m ? m[1] : null;
}

function heading(page: string): string {
  const m = /<h1 id="firstHeading"[^>]*>([\s\S]*?)<\/h1>/.exec(page);
  if (!m) throw new Error('No #firstHeading');
  return m[1];
}

describe.each(testDatabaseKinds())('interface messages over HTTP on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    await wiki.edit('Qqx page', 'Some content');
  });
  afterAll(async () => wiki.close());

  describe('uselang=qqx', () => {
    test('the edit form shows message keys, with parameters listed', async () => {
      const res = await wiki.agent.get('/w/index.php?title=Qqx_page&action=edit&uselang=qqx');
      expect(res.status).toBe(200);
      expect(saveButton(res.text)).toBe('(savechanges)');
      expect(res.text).toContain('>(showpreview)</button>');
      expect(res.text).toContain('>(showdiff)</button>');
      expect(heading(res.text)).toBe('(editing: Qqx page)');
      expect(res.text).toContain('<html lang="qqx"');
      expect(res.headers['content-language']).toBe('qqx');
    });

    test('a view shows keys in the skin and the missing-page notice', async () => {
      const view = await wiki.agent.get('/wiki/Qqx_page?uselang=qqx');
      expect(view.status).toBe(200);
      expect(view.text).toContain('<div id="siteSub">(tagline)</div>');
      // Page content is not an interface message.
      expect(view.text).toContain('Some content');

      const missing = await wiki.agent.get('/wiki/No_qqx_page?uselang=qqx');
      expect(missing.status).toBe(404);
      expect(missing.text).toContain('(noarticletext');
      expect(missing.text).not.toContain('There is currently no text in this page');
    });

    test('error pages and the history show keys too', async () => {
      const bad = await wiki.agent.get('/w/index.php?title=Foo%5Bbar%5D&uselang=qqx');
      expect(bad.status).toBe(400);
      expect(heading(bad.text)).toBe('(badtitle)');
      expect(bad.text).toContain('(title-invalid-characters: Foo[bar])');

      const history = await wiki.agent.get('/w/index.php?title=Qqx_page&action=history&uselang=qqx');
      expect(history.status).toBe(200);
      expect(heading(history.text)).toBe('(history-title: Qqx page)');
      expect(history.text).toContain('(compareselectedversions)');
    });

    test('without uselang the texts are shown', async () => {
      const res = await wiki.agent.get('/w/index.php?title=Qqx_page&action=edit');
      expect(saveButton(res.text)).toBe('Save changes');
      expect(heading(res.text)).toBe('Editing Qqx page');
    });
  });

  describe('on-wiki overrides', () => {
    test('saving MediaWiki:Savechanges changes the edit form button at once', async () => {
      expect(saveButton((await wiki.agent.get('/w/index.php?title=Qqx_page&action=edit')).text)).toBe('Save changes');
      const result = await wiki.edit('MediaWiki:Savechanges', 'Publish!');
      expect(result.status).toBe('saved');
      const res = await wiki.agent.get('/w/index.php?title=Qqx_page&action=edit');
      expect(saveButton(res.text)).toBe('Publish!');
      // The edit-conflict explanation names the button by the same message.
      expect(wiki.services.messages.msg('savechanges', 'en').text()).toBe('Publish!');
    });

    test('MediaWiki:Savechanges/de only affects uselang=de (and languages falling back to it)', async () => {
      const result = await wiki.edit('MediaWiki:Savechanges/de', 'Veröffentlichen!');
      expect(result.status).toBe('saved');
      expect(saveButton((await wiki.agent.get('/w/index.php?title=Qqx_page&action=edit&uselang=de')).text)).toBe('Veröffentlichen!');
      expect(saveButton((await wiki.agent.get('/w/index.php?title=Qqx_page&action=edit&uselang=de-at')).text)).toBe('Veröffentlichen!');
      // The content language keeps its own override; other languages fall back to English, i.e. to it.
      expect(saveButton((await wiki.agent.get('/w/index.php?title=Qqx_page&action=edit')).text)).toBe('Publish!');
      expect(saveButton((await wiki.agent.get('/w/index.php?title=Qqx_page&action=edit&uselang=en')).text)).toBe('Publish!');
      expect(saveButton((await wiki.agent.get('/w/index.php?title=Qqx_page&action=edit&uselang=fr')).text)).toBe('Publish!');
      // qqx always shows keys.
      expect(saveButton((await wiki.agent.get('/w/index.php?title=Qqx_page&action=edit&uselang=qqx')).text)).toBe('(savechanges)');
    });

    test('an override is escaped like the message it replaces', async () => {
      await wiki.edit('MediaWiki:Showpreview', '<b>Look</b> & "see"');
      const res = await wiki.agent.get('/w/index.php?title=Qqx_page&action=edit');
      expect(res.text).toContain('accesskey="p">&lt;b&gt;Look&lt;/b&gt; &amp; &quot;see&quot;</button>');
    });

    test('editing the override again, and viewing it, show the new text', async () => {
      await wiki.edit('MediaWiki:Savechanges', 'Publish page');
      expect(saveButton((await wiki.agent.get('/w/index.php?title=Qqx_page&action=edit')).text)).toBe('Publish page');
      const view = await wiki.agent.get('/wiki/MediaWiki:Savechanges');
      expect(view.status).toBe(200);
      expect(view.text).toContain('Publish page');
    });
  });
});
