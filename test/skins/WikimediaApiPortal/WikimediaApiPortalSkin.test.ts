/**
 * The WikimediaApiPortal skin over HTTP (checklist items 48–64 of
 * portal-anchors.md as server HTML): header and logo, navigation from
 * MediaWiki:Sidebar with active states and on-wiki edits taking effect at
 * once, the subpage sidebar ordered by DEFAULTSORT (with duplicate keys kept),
 * talk pages, the dashboard, short titles, the user menu, search, page tools
 * per kind of user, footer, main page, the 775 px rule, MediaWiki:Common.css
 * after the skin's styles, and `useskin=fallback`.
 */
import type TestAgent from 'supertest/lib/agent';
import type { NavLink, Skin } from '../../../engine/skin/Skin';
import { createTestWiki, portalPermissions, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';
import { Dom } from './dom';

const SIDEBAR = `* navigation
** mainpage|mainpage-description
* Guides
** Guides|Introduction
** Guides/Setup|Setup
* Reference
** API reference|Reference
* SEARCH
* TOOLBOX
* LANGUAGES
`;

describe.each(testDatabaseKinds())('WikimediaApiPortal skin on %s', (kind) => {
  let wiki: TestWiki;
  let anon: TestAgent;
  let reader: TestAgent;
  let writer: TestAgent;

  beforeAll(async () => {
    wiki = await createTestWiki(kind, { skins: ['WikimediaApiPortal'], defaultSkin: 'wikimediaapiportal', ...portalPermissions() });
    await wiki.edit('MediaWiki:Sidebar', SIDEBAR);
    await wiki.edit('Main Page', 'Welcome to the portal.');
    await wiki.edit('Guides', 'All guides.\n== Section ==\nText.');
    await wiki.edit('Guides/Setup', '{{DEFAULTSORT:2}}Setup.');
    await wiki.edit('Guides/Setup/Linux', '{{DEFAULTSORT:b}}Linux.');
    await wiki.edit('Guides/Setup/Mac', '{{DEFAULTSORT:a}}Mac.');
    await wiki.edit('Guides/Auth', '{{DEFAULTSORT:1}}Auth.');
    await wiki.edit('Guides/Zeta', 'No sort key: sorted by "Zeta".');
    await wiki.edit('Guides/Dup B', '{{DEFAULTSORT:5}}Second of two with key 5.');
    await wiki.edit('Guides/Dup A', '{{DEFAULTSORT:5}}First of two with key 5.');
    await wiki.edit('Guides/Ten', '{{DEFAULTSORT:10}}Numeric keys compare as numbers.');
    await wiki.edit('Guides/Nine', '{{DEFAULTSORT:9}}Nine.');
    await wiki.edit('Guides/Missing parent/Child', 'Its parent page does not exist.');
    await wiki.edit('Talk:Guides/Setup', 'Talk about setup.');
    await wiki.edit('Lonely', 'A page without subpages.');
    await wiki.edit('API reference', 'Reference overview.');
    await wiki.edit('API reference/Core/Get page', 'An endpoint.');
    await wiki.edit('API reference/Core', 'Core.');
    await wiki.edit('API referenced', 'Not under API reference/.');
    await wiki.createUser('Reader');
    await wiki.createUser('Writer', { groups: ['docseditor'] });
    anon = wiki.newAgent();
    reader = wiki.newAgent();
    writer = wiki.newAgent();
    await wiki.login('Reader', undefined, reader);
    await wiki.login('Writer', undefined, writer);
  });
  afterAll(async () => wiki.close());

  async function page(url: string, agent: TestAgent = anon): Promise<Dom> {
    const res = await agent.get(url);
    expect([200, 404]).toContain(res.status);
    expect(res.text).toContain('</html>');
    return new Dom(res.text);
  }

  const sidebarTexts = (dom: Dom) => dom.texts('#wm-page-nav .wm-page-nav-list > li > a');
  /** Header items: a link, or a dropdown's summary. */
  const navItems = (dom: Dom) => dom.all('#mw-navigation .wm-nav-list > li').map((li) => dom.text('a', li) !== null && !dom.one('details', li) ? dom.text('a', li) : dom.text('summary', li));

  describe('header (items 48, 49, 50, 64)', () => {
    test('logo with "Wikimedia / API Portal" links to the main page, and to # on the main page', async () => {
      const dom = await page('/wiki/Guides');
      expect(dom.text('#p-logo .wm-site-name-main')).toBe('Wikimedia');
      expect(dom.text('#p-logo .wm-site-name-sub')).toBe('API Portal');
      expect(dom.attr('#p-logo', 'href')).toBe('/wiki/Main_Page');
      expect((await page('/wiki/Main_Page')).attr('#p-logo', 'href')).toBe('#');
      expect(dom.one('header#wm-header.wm-header')).not.toBeNull();
    });

    test('viewport meta tag and the jump link to #content', async () => {
      const dom = await page('/wiki/Guides');
      expect(dom.attr('meta[name=viewport]', 'content')).toContain('width=device-width');
      expect(dom.attr('a.mw-jump-link', 'href')).toBe('#content');
      expect(dom.one('main#content')).not.toBeNull();
    });

    test('one-link sections are links labelled with the heading; several links make a dropdown; placeholders are ignored', async () => {
      const dom = await page('/wiki/Lonely');
      expect(navItems(dom)).toEqual(['Navigation', 'Guides', 'Reference']);
      expect(dom.attr('#mw-navigation #n-mainpage-description', 'href')).toBe('/wiki/Main_Page');
      expect(dom.text('#mw-navigation #n-mainpage-description')).toBe('Navigation');
      expect(dom.one('#mw-navigation li.wm-nav-dropdown details summary')).not.toBeNull();
      expect(dom.texts('#mw-navigation li.wm-nav-dropdown .wm-dropdown-menu a')).toEqual(['Introduction', 'Setup']);
      expect(dom.text('#mw-navigation #n-Reference')).toBe('Reference');
      const html = dom.texts('#mw-navigation').join(' ');
      for (const placeholder of ['SEARCH', 'TOOLBOX', 'LANGUAGES']) expect(html).not.toContain(placeholder);
    });

    test('an item is active on its target page and on the pages below it', async () => {
      const active = async (url: string) => (await page(url)).all('#mw-navigation li.active').map((li) => li.attribs.class);
      expect(await active('/wiki/Lonely')).toEqual([]);
      expect(await active('/wiki/Guides')).toHaveLength(1);
      expect((await page('/wiki/Guides/Setup/Linux')).texts('#mw-navigation li.active > details > summary')).toEqual(['Guides']);
      expect((await page('/wiki/API_reference/Core')).texts('#mw-navigation li.active > a')).toEqual(['Reference']);
      expect((await page('/wiki/API_referenced')).all('#mw-navigation li.active')).toHaveLength(0);
      expect((await page('/wiki/Guides/Setup')).attr('#n-Setup', 'aria-current')).toBe('page');
    });

    test('editing MediaWiki:Sidebar changes the header at once', async () => {
      expect(navItems(await page('/wiki/Lonely'))).toEqual(['Navigation', 'Guides', 'Reference']);
      await wiki.edit('MediaWiki:Sidebar', `${SIDEBAR}* Community\n** Lonely|Lonely page\n`);
      expect(navItems(await page('/wiki/Lonely'))).toEqual(['Navigation', 'Guides', 'Reference', 'Community']);
      await wiki.edit('MediaWiki:Sidebar', SIDEBAR);
      expect(navItems(await page('/wiki/Lonely'))).toEqual(['Navigation', 'Guides', 'Reference']);
    });

    test('search form submits search with title=Special:Search (item 57)', async () => {
      const dom = await page('/wiki/Guides');
      expect(dom.attr('form#searchform', 'action')).toBe('/w/index.php');
      expect(dom.attr('form#searchform', 'method')).toBe('get');
      expect(dom.attr('#searchform input[name=title]', 'value')).toBe('Special:Search');
      expect(dom.attr('#searchform input#searchInput', 'name')).toBe('search');
      expect(dom.one('label[for=searchInput]')).not.toBeNull();
      const res = await anon.get('/w/index.php?title=Special:Search&search=Linux');
      expect(res.status).toBe(200);
      expect(res.text).toContain('Guides/Setup/Linux');
    });
  });

  describe('sidebar (items 51, 52, 53)', () => {
    test('lists the root page\'s subtree without the root, ordered by DEFAULTSORT; duplicate keys both appear, by title; orphans are left out', async () => {
      const dom = await page('/wiki/Guides/Setup');
      expect(sidebarTexts(dom)).toEqual(['Auth', 'Setup', 'Dup A', 'Dup B', 'Nine', 'Ten', 'Zeta']);
      expect(dom.texts('#wm-page-nav .wm-page-nav-sub a')).toEqual(['Mac', 'Linux']);
      expect(dom.texts('#wm-page-nav a')).not.toContain('Guides');
      expect(dom.texts('#wm-page-nav a')).not.toContain('Child');
      expect(dom.attr('#wm-page-nav .wm-page-nav-list > li > a', 'href')).toBe('/wiki/Guides/Auth');
    });

    test('the current branch is marked active', async () => {
      const dom = await page('/wiki/Guides/Setup/Linux');
      expect(dom.texts('#wm-page-nav li.active > a')).toEqual(['Setup', 'Linux']);
      expect(dom.texts('#wm-page-nav a[aria-current=page]')).toEqual(['Linux']);
      expect((await page('/wiki/Guides')).all('#wm-page-nav li.active')).toHaveLength(0);
    });

    test('changing a DEFAULTSORT key changes the order at once', async () => {
      await wiki.edit('Guides/Zeta', '{{DEFAULTSORT:0}}Now first.');
      expect(sidebarTexts(await page('/wiki/Guides/Auth'))).toEqual(['Zeta', 'Auth', 'Setup', 'Dup A', 'Dup B', 'Nine', 'Ten']);
      await wiki.edit('Guides/Zeta', 'No sort key: sorted by "Zeta".');
      expect(sidebarTexts(await page('/wiki/Guides/Auth'))).toEqual(['Auth', 'Setup', 'Dup A', 'Dup B', 'Nine', 'Ten', 'Zeta']);
    });

    test('a new subpage appears at once', async () => {
      await wiki.edit('Guides/Setup/Windows', '{{DEFAULTSORT:c}}Windows.');
      expect((await page('/wiki/Guides/Setup')).texts('#wm-page-nav .wm-page-nav-sub a')).toEqual(['Mac', 'Linux', 'Windows']);
    });

    test('talk pages use the sidebar of their subject page', async () => {
      const dom = await page('/wiki/Talk:Guides/Setup');
      expect(sidebarTexts(dom)).toContain('Setup');
      expect(dom.texts('#wm-page-nav li.active > a')).toEqual(['Setup']);
    });

    test('a root page with subpages shows the tree; a page without subpages shows none and the full content column', async () => {
      expect(sidebarTexts(await page('/wiki/Guides'))).toHaveLength(7);
      const lonely = await page('/wiki/Lonely');
      expect(lonely.one('#wm-page-nav')).toBeNull();
      expect(lonely.one('body.wm-no-page-nav')).not.toBeNull();
      expect((await page('/wiki/Guides')).one('body.wm-has-page-nav')).not.toBeNull();
    });

    test('the menu (below 992 px) holds the tree, a link back to the main page and the page tools', async () => {
      const dom = await page('/wiki/Guides/Setup');
      const menu = dom.one('details#wm-menu')!;
      expect(dom.one('summary.wm-menu-button', menu)).not.toBeNull();
      expect(dom.texts('.wm-menu-tree .wm-page-nav-list > li > a', menu)).toEqual(sidebarTexts(dom));
      expect(dom.one('a.wm-menu-mainpage[href=/wiki/Main_Page]', menu)).not.toBeNull();
      expect(dom.one('.wm-menu-tools', menu)).not.toBeNull();
      // Without a tree the menu holds the header navigation.
      const lonely = await page('/wiki/Lonely');
      expect(lonely.texts('#wm-menu .wm-menu-site a')).toEqual(['Navigation', 'Introduction', 'Setup', 'Reference']);
    });
  });

  describe('special pages (item 54)', () => {
    test('Special:Preferences shows the dashboard with itself active; other special pages have no sidebar', async () => {
      const prefs = await page('/wiki/Special:Preferences', reader);
      expect(prefs.texts('#wm-page-nav a')).toEqual(['Preferences']);
      expect(prefs.attr('#wm-page-nav li.active > a', 'aria-current')).toBe('page');
      expect(prefs.one('#wm-page-tools')).toBeNull();
      const rc = await page('/wiki/Special:RecentChanges', reader);
      expect(rc.one('#wm-page-nav')).toBeNull();
      expect(rc.one('#wm-page-tools')).toBeNull();
    });
  });

  describe('titles (item 55)', () => {
    test('subpages show only their last segment on view; the <title> keeps the full name', async () => {
      const res = await anon.get('/wiki/Guides/Setup/Linux');
      const dom = new Dom(res.text);
      expect(dom.text('h1#firstHeading')).toBe('Linux');
      expect(dom.text('title')).toBe('Guides/Setup/Linux - API Portal');
      expect(dom.text('#firstHeading')).not.toContain('Guides');
      expect((await page('/wiki/Talk:Guides/Setup')).text('#firstHeading')).toBe('Talk:Setup');
      expect((await page('/wiki/Guides')).text('#firstHeading')).toBe('Guides');
    });

    test('no subpage breadcrumb, and other actions keep the full title', async () => {
      const dom = await page('/wiki/Guides/Setup/Linux');
      expect(dom.one('.subpages')).toBeNull();
      expect((await page('/w/index.php?title=Guides/Setup/Linux&action=history')).text('#firstHeading')).toContain('Guides/Setup/Linux');
    });
  });

  describe('user menu (item 56)', () => {
    test('anonymous visitors see "Log in" returning to the current page', async () => {
      const dom = await page('/wiki/Guides/Setup');
      expect(dom.text('#p-personal #pt-login')).toBe('Log in');
      expect(dom.attr('#pt-login', 'href')).toBe('/w/index.php?title=Special:UserLogin&returnto=Guides%2FSetup');
      expect(dom.all('#p-personal a')).toHaveLength(1);
    });

    test('logged-in users get an avatar menu with Preferences and Log out only', async () => {
      const dom = await page('/wiki/Guides/Setup', reader);
      expect(dom.one('#p-personal details summary .wm-icon-user')).not.toBeNull();
      expect(dom.attr('#p-personal summary', 'title')).toContain('Reader');
      expect(dom.texts('#p-personal .wm-dropdown-menu a')).toEqual(['Preferences', 'Log out']);
      expect(dom.attr('#pt-preferences a', 'href')).toBe('/wiki/Special:Preferences');
      expect(dom.one('#pt-login')).toBeNull();
    });
  });

  describe('page tools (items 58, 59)', () => {
    const tools = (dom: Dom) => [...dom.all('#wm-page-tools > a'), ...dom.all('#wm-page-tools summary')].map((el) => el.attribs.id);

    test('anonymous visitors: discussion switch and "Updated" only, on content and talk pages', async () => {
      expect(tools(await page('/wiki/Guides/Setup'))).toEqual(['ca-talk', 'wm-last-edit']);
      expect(tools(await page('/wiki/Talk:Guides/Setup'))).toEqual(['ca-nstab-main', 'wm-last-edit']);
    });

    test('ordinary users: Edit only on talk pages', async () => {
      expect(tools(await page('/wiki/Guides/Setup', reader))).toEqual(['ca-talk', 'wm-last-edit']);
      const talk = await page('/wiki/Talk:Guides/Setup', reader);
      expect(tools(talk)).toEqual(['ca-nstab-main', 'wm-last-edit', 'ca-edit']);
      expect(talk.text('#ca-nstab-main')).toBe('Return to page');
      expect(talk.attr('#ca-nstab-main', 'href')).toBe('/wiki/Guides/Setup');
    });

    test('docs editors: Edit on content pages and talk pages, and "…" with Move (they may move pages)', async () => {
      const dom = await page('/wiki/Guides/Setup', writer);
      expect(tools(dom)).toEqual(['ca-talk', 'wm-last-edit', 'ca-edit', 'wm-page-tools-more']);
      expect(dom.attr('#ca-edit', 'href')).toBe('/w/index.php?title=Guides/Setup&action=edit');
      expect(tools(await page('/wiki/Talk:Guides/Setup', writer))).toEqual(['ca-nstab-main', 'wm-last-edit', 'ca-edit', 'wm-page-tools-more']);
    });

    test('section edit links are hidden from those who cannot edit the page', async () => {
      expect((await page('/wiki/Guides', anon)).one('body.wm-no-edit')).not.toBeNull();
      expect((await page('/wiki/Guides', writer)).one('body.wm-no-edit')).toBeNull();
    });

    test('"Updated <date>" links to the history; the discussion switch links to the talk page', async () => {
      const dom = await page('/wiki/Guides/Setup');
      expect(dom.text('#wm-last-edit')).toMatch(/^Updated \d{1,2} \w+ \d{4}$/);
      expect(dom.attr('#wm-last-edit', 'href')).toBe('/w/index.php?title=Guides/Setup&action=history');
      expect(dom.text('#ca-talk')).toBe('Discussion');
      expect(dom.attr('#ca-talk', 'href')).toBe('/wiki/Talk:Guides/Setup');
    });

    test('history shows "Return to page"; edit, special pages and the main page show no page tools', async () => {
      const history = await page('/w/index.php?title=Guides/Setup&action=history', writer);
      expect(tools(history)).toEqual(['ca-view']);
      expect(history.text('#ca-view')).toBe('Return to page');
      expect(history.attr('#ca-view', 'href')).toBe('/wiki/Guides/Setup');
      expect((await page('/w/index.php?title=Guides/Setup&action=edit', writer)).one('#wm-page-tools')).toBeNull();
      expect((await page('/wiki/Special:RecentChanges', writer)).one('#wm-page-tools')).toBeNull();
      expect((await page('/wiki/Main_Page', writer)).one('#wm-page-tools')).toBeNull();
    });

    test('Move and Delete go under "…" for docs editors when the engine offers them, never for others', async () => {
      const skin = wiki.services.skinRegistry.get('wikimediaapiportal') as Skin;
      const render = skin.render.bind(skin);
      const extra: NavLink[] = [
        { id: 'ca-move', text: 'Move', href: '/wiki/Special:MovePage/Guides/Setup' },
        { id: 'ca-delete', text: 'Delete', href: '/w/index.php?title=Guides/Setup&action=delete' },
      ];
      skin.render = (data) => render({ ...data, actions: [...data.actions, ...extra] });
      try {
        const dom = await page('/wiki/Guides/Setup', writer);
        expect(dom.texts('#wm-page-tools details.wm-page-tools-more .wm-dropdown-menu a')).toEqual(['Move', 'Delete']);
        expect(dom.one('#ca-delete.wm-destructive')).not.toBeNull();
        expect((await page('/wiki/Guides/Setup', reader)).one('#ca-move')).toBeNull();
        expect((await page('/wiki/Talk:Guides/Setup', reader)).one('#ca-move')).toBeNull();
      } finally {
        skin.render = render;
      }
      // The engine itself offers docs editors Move (their `move` right) but not Delete (sysops only).
      const real = await page('/wiki/Guides/Setup', writer);
      expect(real.texts('#wm-page-tools details.wm-page-tools-more .wm-dropdown-menu a')).toEqual(['Move']);
      expect(real.one('#ca-delete')).toBeNull();
    });
  });

  describe('layout (items 61, 62, 63)', () => {
    test('the main page hides its title and page tools and has no sidebar', async () => {
      const dom = await page('/wiki/Main_Page', writer);
      expect(dom.one('body.wm-mainpage')).not.toBeNull();
      expect(dom.one('#wm-page-nav')).toBeNull();
      expect(dom.one('#wm-page-tools')).toBeNull();
      // The heading stays for screen readers; the stylesheet hides it visually.
      expect(dom.one('h1#firstHeading')).not.toBeNull();
    });

    test('775 px on content pages, full width under API reference/', async () => {
      expect((await page('/wiki/Guides/Setup')).one('body.wm-content-narrow')).not.toBeNull();
      expect((await page('/wiki/Lonely')).one('body.wm-content-narrow')).not.toBeNull();
      expect((await page('/wiki/API_referenced')).one('body.wm-content-narrow')).not.toBeNull();
      for (const url of ['/wiki/API_reference', '/wiki/API_reference/Core', '/wiki/API_reference/Core/Get_page']) {
        const dom = await page(url);
        expect([url, dom.one('body.wm-content-wide') !== null, dom.one('body.wm-content-narrow') !== null]).toEqual([url, true, false]);
      }
      const css = await anon.get(new Dom((await anon.get('/wiki/Lonely')).text).all('link[rel=stylesheet]').map((l) => l.attribs.href)[1]);
      expect(css.text).toMatch(/\.wm-content-narrow \.mw-body \{\s*max-width: 775px;/);
    });

    test('footer: blurb, Contact and About buttons, link groups from the message, licence', async () => {
      const dom = await page('/wiki/Guides');
      expect(dom.text('#footer .wm-footer-info')).toContain('Wikimedia Foundation');
      expect(dom.texts('#footer .wm-footer-buttons a')).toEqual(['Contact', 'About Wikimedia']);
      expect(dom.attr('#footer .wm-footer-buttons a', 'href')).toBe('https://wikimediafoundation.org/about/contact/');
      expect(dom.texts('#footer .wm-footer-group-name')).toEqual(['Wikimedia projects', 'Movement affiliates', 'Policies']);
      expect(dom.all('#footer .wm-footer-group-first a')).toHaveLength(12);
      expect(dom.attr('#footer .wm-footer-disclaimer a', 'href')).toBe('https://creativecommons.org/licenses/by-sa/4.0/');
    });

    test('editing the footer-links message changes the footer at once', async () => {
      await wiki.edit('MediaWiki:Wikimediaapiportal-skin-footer-links', '* Elsewhere\n** https://example.org/|Example\n** Lonely|A local page');
      const dom = await page('/wiki/Guides');
      expect(dom.texts('#footer .wm-footer-group-name')).toEqual(['Elsewhere']);
      expect(dom.texts('#footer .wm-footer-group a')).toEqual(['Example', 'A local page']);
      expect(dom.all('#footer .wm-footer-group a').map((a) => a.attribs.href)).toEqual(['https://example.org/', '/wiki/Lonely']);
      await wiki.edit('MediaWiki:Wikimediaapiportal-skin-footer-links', '-');
      expect((await page('/wiki/Guides')).one('#footer .wm-footer-links')).toBeNull();
    });
  });

  describe('styles (item 4 of the issue)', () => {
    test('MediaWiki:Common.css loads after the skin\'s styles, on every page, and an edit shows at once', async () => {
      for (const url of ['/wiki/Guides', '/wiki/Main_Page', '/wiki/Special:RecentChanges', '/w/index.php?title=Guides&action=history']) {
        const hrefs = (await page(url)).all('link[rel=stylesheet]').map((l) => l.attribs.href);
        expect(hrefs[0]).toMatch(/^\/w\/skins\/WikimediaApiPortal\/codex-tokens\.css\?v=/);
        expect(hrefs[1]).toMatch(/^\/w\/skins\/WikimediaApiPortal\/skin\.css\?v=/);
        expect(hrefs[hrefs.length - 1]).toBe('/w/index.php?title=MediaWiki:Common.css&action=raw&ctype=text%2Fcss');
      }
      await wiki.edit('MediaWiki:Common.css', '.portal-test { color: #123456; }');
      const css = await anon.get('/w/index.php?title=MediaWiki:Common.css&action=raw&ctype=text/css');
      expect(css.headers['content-type']).toMatch(/^text\/css/);
      expect(css.text).toContain('#123456');
    });
  });

  describe('skin selection (item 1 of the issue)', () => {
    test('the portal skin is the default; useskin=fallback still renders the plain skin', async () => {
      const portal = await anon.get('/wiki/Guides');
      expect(portal.text).toContain('skin-wikimediaapiportal');
      const plain = await anon.get('/wiki/Guides?useskin=fallback');
      expect(plain.status).toBe(200);
      expect(plain.text).toContain('skin-fallback');
      expect(plain.text).not.toContain('wm-header');
      expect(plain.text).toContain('id="mw-content-text"');
    });

    test('Special:Preferences offers the skin under its name', async () => {
      const res = await reader.get('/wiki/Special:Preferences');
      expect(res.status).toBe(200);
      expect(res.text).toContain('Wikimedia API Portal');
      expect(res.text).toContain('value="wikimediaapiportal"');
    });

    test('uselang=qqx shows the skin\'s message keys', async () => {
      const dom = await page('/wiki/Guides?uselang=qqx');
      expect(dom.text('#p-logo .wm-site-name-sub')).toBe('(wikimediaapiportal-skin-site-name-sub)');
      expect(dom.text('#pt-login')).toBe('(wikimediaapiportal-skin-login-link-label)');
    });
  });

  test('no internal errors were logged', () => {
    expect(wiki.errors).toEqual([]);
  });
});
