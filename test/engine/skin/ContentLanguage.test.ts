/**
 * #mw-content-text carries the page's language, not the reader's interface
 * language (Title::getPageViewLanguage()): with ?uselang=de a content page's
 * text stays lang="en" while the interface (<html lang>) is German; a special
 * page's content is in the interface language. Both skins follow it.
 */
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { Dom } from '../../skins/WikimediaApiPortal/dom';

describe('content language of #mw-content-text', () => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki('sqlite', { skins: ['WikimediaApiPortal'] });
    await wiki.edit('Sprachen', 'English content.');
  });
  afterAll(async () => wiki.close());

  test.each(['fallback', 'wikimediaapiportal'])('%s skin', async (skin) => {
    const page = new Dom((await wiki.agent.get(`/wiki/Sprachen?uselang=de&useskin=${skin}`)).text);
    expect(page.attr('html', 'lang')).toBe('de');
    expect(page.attr('#mw-content-text', 'lang')).toBe('en');
    expect(page.attr('#mw-content-text', 'dir')).toBe('ltr');
    const special = new Dom((await wiki.agent.get(`/wiki/Special:RecentChanges?uselang=de&useskin=${skin}`)).text);
    expect(special.attr('#mw-content-text', 'lang')).toBe('de');
    const rtl = new Dom((await wiki.agent.get(`/wiki/Sprachen?uselang=he&useskin=${skin}`)).text);
    expect(rtl.attr('html', 'dir')).toBe('rtl');
    expect(rtl.attr('#mw-content-text', 'dir')).toBe('ltr');
  });
});
