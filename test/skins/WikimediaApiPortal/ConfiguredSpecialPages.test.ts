/**
 * The dashboard sidebar ($wgWMAPIPSidebarSpecialPages) and the user menu's
 * extra entries ($wgWMAPIPExtraUserMenuSpecialPages) list the configured
 * special pages that are installed and skip the others, as upstream's
 * SecondaryNavComponent and UserMenuComponent do with SpecialPageFactory::exists.
 * Special:HelloWorld comes from the test extension (an extension page, as
 * Special:AppManagement will be).
 */
import { createTestWiki, portalPermissions, TestWiki } from '../../helpers/TestWiki';
import { Dom } from './dom';

describe('configured special pages in the WikimediaApiPortal skin', () => {
  let wiki: TestWiki;

  beforeAll(async () => {
    wiki = await createTestWiki('sqlite', {
      skins: ['WikimediaApiPortal'],
      defaultSkin: 'wikimediaapiportal',
      extensions: ['test/fixtures/extensions/TestExtension'],
      config: {
        WMAPIPSidebarSpecialPages: ['HelloWorld', 'NoSuchSpecialPage', 'Preferences'],
        WMAPIPExtraUserMenuSpecialPages: ['NoSuchSpecialPage', 'HelloWorld'],
      },
      ...portalPermissions(),
    });
    await wiki.createUser('Reader');
    await wiki.login('Reader');
  });
  afterAll(async () => wiki.close());

  test('the user menu lists the installed extra pages by description, then Preferences and Log out', async () => {
    const dom = new Dom((await wiki.agent.get('/wiki/Main_Page')).text);
    expect(dom.texts('#p-personal .wm-dropdown-menu a')).toEqual(['Hello world page', 'Preferences', 'Log out']);
    expect(dom.all('#p-personal .wm-dropdown-menu a')[0].attribs.href).toBe('/wiki/Special:HelloWorld');
  });

  test('the dashboard appears on each configured page, lists the installed ones and marks the current one', async () => {
    for (const [path, active] of [['/wiki/Special:HelloWorld', 'Hello world page'], ['/wiki/Special:Preferences', 'Preferences']]) {
      const dom = new Dom((await wiki.agent.get(path)).text);
      expect(dom.texts('#wm-page-nav a')).toEqual(['Hello world page', 'Preferences']);
      expect(dom.text('#wm-page-nav li.active > a')).toBe(active);
    }
  });

  test('an unconfigured special page has no dashboard', async () => {
    const dom = new Dom((await wiki.agent.get('/wiki/Special:RecentChanges')).text);
    expect(dom.one('#wm-page-nav')).toBeNull();
  });
});
