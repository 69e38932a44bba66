/**
 * The portal skin in a real browser (Debian's Chromium via playwright-core)
 * against the real application on a free port, with the seeded content and
 * pages of our own where a test needs a known structure:
 * - the header dropdown opens and navigates; active states;
 * - the sidebar follows DEFAULTSORT, and a changed key reorders it;
 * - the menu button at 375 px; search submits to Special:Search;
 * - page tools for anonymous visitors, ordinary users and docs editors;
 * - 775 px on a docs page but not on an API reference page;
 * - anchors land below the fixed header; printing hides the navigation;
 * - without JavaScript the dropdowns and the menu still work;
 * - the dropdown and the menu button by keyboard alone;
 * - screenshots at 375, 1024 and 1440 px into test/browser/screenshots/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { LaunchedBrowser, launchChromium, logIn, newPage, SCREENSHOT_DIR } from './support/Chromium';
import { PortalServer, startPortalServer } from './support/PortalServer';

// Browser globals used inside page.evaluate() callbacks, which run in the page
// (the project's tsconfig has no DOM library; these are module-local).
declare const document: {
  activeElement: { id: string; textContent: string | null; classList: { contains(name: string): boolean } } | null;
  documentElement: { scrollWidth: number; clientWidth: number };
};
declare const location: { hash: string };
declare function getComputedStyle(element: unknown): { borderBottomColor: string; color: string };

const DOCS_PAGE = 'Documentation/Getting_started';
const REFERENCE_PAGE = 'API_reference/Core/Pages/Get_page';

jest.setTimeout(180_000);

let server: PortalServer;
let chromium: LaunchedBrowser;
/** One browser context per kind of visitor (cookies), reused by the tests; a new page each time. */
const contexts = new Map<string, BrowserContext>();
const pages: Page[] = [];

beforeAll(async () => {
  [server, chromium] = await Promise.all([startPortalServer(), launchChromium()]);
  await server.edit('Browser tour', 'The root of a tree made for these tests.\n== First section ==\nText.\n== Second section ==\nMore text.');
  await server.edit('Browser tour/Alpha', '{{DEFAULTSORT:2}}Alpha.');
  await server.edit('Browser tour/Beta', '{{DEFAULTSORT:1}}Beta.');
  await server.edit('Browser tour/Gamma', '{{DEFAULTSORT:3}}Gamma.');
  await server.edit('Talk:Browser tour/Alpha', 'Talk about Alpha.');
  await server.edit('Anchors', `${Array.from({ length: 12 }, (_, i) => `== Part ${i + 1} ==\n${'Lorem ipsum dolor sit amet. '.repeat(30)}`).join('\n')}`);
  await server.createUser('Browser reader');
  await server.createUser('Browser editor', ['docseditor']);
  await server.createUser('Browser admin', ['sysop']);
  await server.edit('Move tour', 'A tree for the move and delete tests.');
  await server.edit('Move tour/Old name', '{{DEFAULTSORT:1}}A page that will be renamed.');
  await server.edit('Move tour/Doomed', '{{DEFAULTSORT:2}}A page that will be deleted.');
});

afterEach(async () => {
  for (const page of pages.splice(0)) await page.close().catch(() => undefined);
});

afterAll(async () => {
  for (const context of contexts.values()) await context.close().catch(() => undefined);
  await chromium?.close();
  await server?.close();
});

async function open(width = 1440, options: { user?: string; javaScript?: boolean; height?: number; fresh?: boolean } = {}): Promise<Page> {
  const key = `${options.user ?? ''}|${options.javaScript ?? true}`;
  let context = options.fresh ? undefined : contexts.get(key);
  if (!context) {
    const created = await newPage(chromium.browser, width, options.height ?? 900, options.javaScript ?? true);
    context = created.context;
    if (options.user) await logIn(created.page, server.url, options.user);
    await created.page.close();
    contexts.set(options.fresh ? `${key}|${contexts.size}` : key, context);
  }
  const page = await context.newPage();
  await page.setViewportSize({ width, height: options.height ?? 900 });
  pages.push(page);
  return page;
}

async function go(page: Page, pathOrTitle: string): Promise<void> {
  const res = await page.goto(pathOrTitle.startsWith('/') ? `${server.url}${pathOrTitle}` : `${server.url}/wiki/${pathOrTitle}`);
  expect([pathOrTitle, res?.status()]).toEqual([pathOrTitle, 200]);
}

const sidebar = (page: Page) => page.locator('#wm-page-nav .wm-page-nav-list > li > a').allTextContents();

describe('header navigation', () => {
  test('a dropdown opens on click and its link navigates', async () => {
    const page = await open();
    await go(page, 'Browser_tour');
    const dropdown = page.locator('#mw-navigation li.wm-nav-dropdown').first();
    const heading = (await dropdown.locator('summary').textContent())!.trim();
    const firstLink = dropdown.locator('.wm-dropdown-menu a').first();
    expect(await firstLink.isVisible()).toBe(false);
    await dropdown.locator('summary').click();
    expect(await firstLink.isVisible()).toBe(true);
    const href = (await firstLink.getAttribute('href'))!;
    await Promise.all([page.waitForURL(`${server.url}${href}`), firstLink.click()]);
    // The page we arrived at marks that section active.
    expect((await page.locator('#mw-navigation li.active summary, #mw-navigation li.active > a').first().textContent())!.trim()).toBe(heading);
  });

  test('a click elsewhere or opening another dropdown closes the open one', async () => {
    const page = await open();
    await go(page, 'Browser_tour');
    const dropdowns = page.locator('#mw-navigation li.wm-nav-dropdown');
    if ((await dropdowns.count()) < 2) return;
    await dropdowns.nth(0).locator('summary').click();
    await dropdowns.nth(1).locator('summary').click();
    expect(await dropdowns.nth(0).locator('details').getAttribute('open')).toBeNull();
    expect(await dropdowns.nth(1).locator('details').getAttribute('open')).not.toBeNull();
    await page.mouse.click(700, 600);
    expect(await dropdowns.nth(1).locator('details').getAttribute('open')).toBeNull();
  });

  test('active states: the section of the current page, and the current branch of the sidebar', async () => {
    const page = await open();
    await go(page, DOCS_PAGE);
    const active = page.locator('#mw-navigation li.active');
    expect(await active.count()).toBe(1);
    const link = active.locator('summary, > a').first();
    const style = await link.evaluate((el) => { const s = getComputedStyle(el); return { border: s.borderBottomColor, color: s.color }; });
    expect(style.border).toBe('rgb(51, 102, 204)');
    expect(await page.locator('#wm-page-nav li.active > a').first().textContent()).toBe('Getting started');
    expect(await page.locator('#wm-page-nav a[aria-current=page]').textContent()).toBe('Getting started');
  });
});

describe('sidebar', () => {
  test('follows DEFAULTSORT, and changing a key reorders it', async () => {
    const page = await open();
    await go(page, 'Browser_tour/Alpha');
    expect(await sidebar(page)).toEqual(['Beta', 'Alpha', 'Gamma']);
    await server.edit('Browser tour/Gamma', '{{DEFAULTSORT:0}}Gamma goes first now.');
    await page.reload();
    expect(await sidebar(page)).toEqual(['Gamma', 'Beta', 'Alpha']);
    await server.edit('Browser tour/Gamma', '{{DEFAULTSORT:3}}Gamma.');
  });

  test('a talk page shows its subject\'s sidebar; the title shows the last segment', async () => {
    const page = await open();
    await go(page, 'Talk:Browser_tour/Alpha');
    expect(await sidebar(page)).toEqual(['Beta', 'Alpha', 'Gamma']);
    expect(await page.locator('#wm-page-nav li.active > a').textContent()).toBe('Alpha');
    expect(await page.locator('#firstHeading').textContent()).toBe('Talk:Alpha');
  });
});

describe('small screens', () => {
  test('at 375 px the menu button replaces the navigation and shows the tree', async () => {
    const page = await open(375, { height: 740 });
    await go(page, 'Browser_tour/Alpha');
    expect(await page.locator('#mw-navigation').isVisible()).toBe(false);
    expect(await page.locator('#wm-page-nav').isVisible()).toBe(false);
    const button = page.locator('summary.wm-menu-button');
    expect(await button.isVisible()).toBe(true);
    await button.click();
    const panel = page.locator('#mw-navigation--small');
    expect(await panel.isVisible()).toBe(true);
    expect(await panel.locator('.wm-menu-tree .wm-page-nav-list > li > a').allTextContents()).toEqual(['Beta', 'Alpha', 'Gamma']);
    expect(await panel.locator('a.wm-menu-mainpage').isVisible()).toBe(true);
    const box = (await panel.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(375);
    await Promise.all([page.waitForURL(/Browser_tour\/Gamma$/), panel.locator('a', { hasText: 'Gamma' }).click()]);
    expect(await page.locator('#mw-navigation--small').isVisible()).toBe(false);
  });

  test('at 375 px a page without a tree has the header navigation in its menu', async () => {
    const page = await open(375, { height: 740 });
    await go(page, 'Main_Page');
    await page.locator('summary.wm-menu-button').click();
    const links = page.locator('#mw-navigation--small .wm-menu-site a');
    expect(await links.count()).toBeGreaterThan(2);
    expect(await links.first().isVisible()).toBe(true);
  });

  test('at 375 px the search button opens the field over the header', async () => {
    const page = await open(375, { height: 740 });
    await go(page, 'Browser_tour');
    expect(await page.locator('#searchInput').isVisible()).toBe(false);
    await page.locator('a.wm-search-link').click();
    expect(await page.locator('#searchInput').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('searchInput');
    await page.keyboard.press('Escape');
    expect(await page.locator('#searchInput').isVisible()).toBe(false);
  });
});

describe('search', () => {
  test('the header search submits to Special:Search', async () => {
    const page = await open();
    await go(page, 'Browser_tour');
    await page.fill('#searchInput', 'Alpha');
    await Promise.all([page.waitForURL(/title=Special(:|%3A)Search/), page.press('#searchInput', 'Enter')]);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/w/index.php');
    expect(url.searchParams.get('title')).toBe('Special:Search');
    expect(url.searchParams.get('search')).toBe('Alpha');
    expect(await page.locator('#mw-content-text').textContent()).toContain('Browser tour/Alpha');
  });
});

describe('page tools by kind of user', () => {
  const toolIds = (page: Page) => page.locator('#wm-page-tools > a, #wm-page-tools summary').evaluateAll((els) => els.map((el) => el.id));

  test('anonymous visitors: discussion and "Updated"; a Log in link that returns here', async () => {
    const page = await open(1440, { fresh: true });
    await go(page, 'Browser_tour/Alpha');
    expect(await toolIds(page)).toEqual(['ca-talk', 'wm-last-edit']);
    await go(page, 'Talk:Browser_tour/Alpha');
    expect(await toolIds(page)).toEqual(['ca-nstab-main', 'wm-last-edit']);
    const login = page.locator('#pt-login');
    expect(await login.textContent()).toBe('Log in');
    await Promise.all([page.waitForURL(/Special:UserLogin/), login.click()]);
    await page.fill('input[name="wpName"]', 'Browser reader');
    await page.fill('input[name="wpPassword"]', 'correct horse battery staple');
    await Promise.all([page.waitForURL(/Talk:Browser_tour\/Alpha/), page.click('#wpLoginAttempt')]);
  });

  test('ordinary users: Edit on talk pages only; the user menu has Preferences and Log out', async () => {
    const page = await open(1440, { user: 'Browser reader' });
    await go(page, 'Browser_tour/Alpha');
    expect(await toolIds(page)).toEqual(['ca-talk', 'wm-last-edit']);
    await go(page, 'Talk:Browser_tour/Alpha');
    expect(await toolIds(page)).toEqual(['ca-nstab-main', 'wm-last-edit', 'ca-edit']);
    await page.locator('#p-personal summary').click();
    expect(await page.locator('#p-personal .wm-dropdown-menu a').allTextContents()).toEqual(['Preferences', 'Log out']);
    await Promise.all([page.waitForURL(/Special:Preferences/), page.locator('#pt-preferences a').click()]);
    expect(await page.locator('#wm-page-nav a[aria-current=page]').textContent()).toBe('Preferences');
  });

  test('docs editors: Edit on content pages (and "…" with Move), and it opens the editor', async () => {
    const page = await open(1440, { user: 'Browser editor' });
    await go(page, 'Browser_tour/Alpha');
    expect(await toolIds(page)).toEqual(['ca-talk', 'wm-last-edit', 'ca-edit', 'wm-page-tools-more']);
    await Promise.all([page.waitForURL(/action=edit/), page.locator('#ca-edit').click()]);
    expect(await page.locator('textarea#wpTextbox1').isVisible()).toBe(true);
    expect(await page.locator('#wm-page-tools').count()).toBe(0);
  });

  test('docs editors move a page from the "…" menu; the sidebar and the old title follow', async () => {
    const page = await open(1440, { user: 'Browser editor' });
    await go(page, 'Move_tour/Old_name');
    expect(await page.locator('#wm-page-tools-more').count()).toBe(1);
    await page.locator('#wm-page-tools-more').click();
    expect(await page.locator('#ca-delete').count()).toBe(0);
    await Promise.all([page.waitForURL(/Special:MovePage/), page.locator('#ca-move').first().click()]);
    await page.fill('#wpNewTitleMain', 'Move tour/New name');
    await Promise.all([page.waitForNavigation(), page.click('#wpMove')]);
    expect(await page.locator('#mw-content-text').textContent()).toContain('"Move tour/Old name" has been moved to "Move tour/New name"');
    await go(page, 'Move_tour/New_name');
    expect(await page.locator('#wm-page-nav .wm-page-nav-list a').allTextContents()).toEqual(['New name', 'Doomed']);
    // The old title is a redirect to the new one now.
    await go(page, 'Move_tour/Old_name');
    expect(await page.locator('#mw-content-text').textContent()).toContain('A page that will be renamed.');
    expect(await page.locator('#contentSub').textContent()).toContain('Redirected from');
  });

  test('sysops delete a page from the "…" menu; it leaves the sidebar', async () => {
    const page = await open(1440, { user: 'Browser admin' });
    await go(page, 'Move_tour/Doomed');
    await page.locator('#wm-page-tools-more').click();
    await Promise.all([page.waitForURL(/action=delete/), page.locator('#ca-delete').first().click()]);
    await Promise.all([page.waitForNavigation(), page.click('#wpConfirmB')]);
    expect(await page.locator('#mw-content-text').textContent()).toContain('"Move tour/Doomed" has been deleted.');
    await go(page, 'Move_tour');
    expect(await page.locator('#wm-page-nav .wm-page-nav-list a').allTextContents()).not.toContain('Doomed');
  });

  test('"Updated" leads to the history, where "Return to page" leads back', async () => {
    const page = await open();
    await go(page, 'Browser_tour/Alpha');
    await Promise.all([page.waitForURL(/action=history/), page.locator('#wm-last-edit').click()]);
    await Promise.all([page.waitForURL(/\/wiki\/Browser_tour\/Alpha$/), page.locator('#ca-view').click()]);
  });
});

describe('layout', () => {
  test('775 px on a docs page, the full width on an API reference page', async () => {
    const page = await open(1440);
    await go(page, DOCS_PAGE);
    const docs = (await page.locator('#content').boundingBox())!;
    expect(docs.width).toBe(775);
    await go(page, REFERENCE_PAGE);
    const reference = (await page.locator('#content').boundingBox())!;
    expect(reference.width).toBeGreaterThan(900);
  });

  test('the main page: no visible title, no page tools, no sidebar, full width', async () => {
    const page = await open(1440, { user: 'Browser editor' });
    await go(page, 'Main_Page');
    expect(await page.locator('#firstHeading').evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
    expect(await page.locator('#wm-page-tools').count()).toBe(0);
    expect(await page.locator('#wm-page-nav').count()).toBe(0);
    expect((await page.locator('#content').boundingBox())!.width).toBeGreaterThan(1100);
  });

  test('a linked anchor lands below the fixed header', async () => {
    for (const width of [375, 1440]) {
      const page = await open(width, { height: 700 });
      await go(page, 'Anchors#Part_7');
      const header = (await page.locator('#wm-header').boundingBox())!;
      const heading = (await page.locator('#Part_7').boundingBox())!;
      expect([width, heading.y >= header.y + header.height]).toEqual([width, true]);
      expect(heading.y).toBeLessThan(header.height + 60);
      // And a link within the page.
      await go(page, 'Anchors');
      await page.evaluate(() => { location.hash = '#Part_9'; });
      await page.waitForFunction(() => location.hash === '#Part_9');
      const after = (await page.locator('#Part_9').boundingBox())!;
      expect([width, after.y >= header.height]).toEqual([width, true]);
    }
  });

  test('printing hides the header, sidebar, page tools and footer links', async () => {
    const page = await open(1024);
    await go(page, 'Browser_tour/Alpha');
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['#wm-header', '#wm-page-nav', '#wm-page-tools', '.wm-footer-links', '#searchform']) {
      expect([selector, await page.locator(selector).isVisible()]).toEqual([selector, false]);
    }
    expect(await page.locator('#mw-content-text').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(1000);
  });
});

describe('without JavaScript', () => {
  test('the dropdowns open and their links work', async () => {
    const page = await open(1440, { javaScript: false });
    await go(page, 'Browser_tour');
    expect(await page.locator('html').getAttribute('class')).toContain('client-nojs');
    const dropdown = page.locator('#mw-navigation li.wm-nav-dropdown').first();
    await dropdown.locator('summary').click();
    const link = dropdown.locator('.wm-dropdown-menu a').first();
    expect(await link.isVisible()).toBe(true);
    const href = (await link.getAttribute('href'))!;
    await Promise.all([page.waitForURL(`${server.url}${href}`), link.click()]);
  });

  test('the menu button opens the menu at 375 px, and the search button leads to Special:Search', async () => {
    const page = await open(375, { javaScript: false, height: 740 });
    await go(page, 'Browser_tour/Alpha');
    await page.locator('summary.wm-menu-button').click();
    expect(await page.locator('#mw-navigation--small .wm-page-nav-list a').first().isVisible()).toBe(true);
    await page.locator('summary.wm-menu-button').click();
    await Promise.all([page.waitForURL(/Special:Search/), page.locator('a.wm-search-link').click()]);
    expect(await page.locator('#searchText').isVisible()).toBe(true);
  });
});

describe('keyboard', () => {
  async function focusedText(page: Page): Promise<string> {
    return page.evaluate(() => (document.activeElement?.textContent ?? '').trim());
  }

  test('the header dropdown: Tab to it, Enter opens, arrows move, Escape closes and returns the focus', async () => {
    const page = await open(1440);
    await go(page, 'Browser_tour');
    const summary = page.locator('#mw-navigation li.wm-nav-dropdown summary').first();
    const heading = (await summary.textContent())!.trim();
    // From the top of the page: the jump link, the logo, then the navigation.
    let found = false;
    for (let i = 0; i < 10 && !found; i++) {
      await page.keyboard.press('Tab');
      found = (await focusedText(page)) === heading;
    }
    expect(found).toBe(true);
    await page.keyboard.press('Enter');
    const details = page.locator('#mw-navigation li.wm-nav-dropdown details').first();
    expect(await details.getAttribute('open')).not.toBeNull();
    const links = await details.locator('.wm-dropdown-menu a').allTextContents();
    await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toBe(links[0]);
    await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toBe(links[1]);
    await page.keyboard.press('ArrowUp');
    expect(await focusedText(page)).toBe(links[0]);
    await page.keyboard.press('Escape');
    expect(await details.getAttribute('open')).toBeNull();
    expect(await focusedText(page)).toBe(heading);
    // Tab also reaches the links without arrows, and Enter follows one.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe(links[0]);
    const href = (await details.locator('.wm-dropdown-menu a').first().getAttribute('href'))!;
    await Promise.all([page.waitForURL(`${server.url}${href}`), page.keyboard.press('Enter')]);
  });

  test('the menu button at 375 px: Tab to it, Enter opens, Tab reaches the tree, Escape closes', async () => {
    const page = await open(375, { height: 740 });
    await go(page, 'Browser_tour/Alpha');
    await page.keyboard.press('Tab'); // jump link
    expect(await focusedText(page)).toBe('Jump to content');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('wm-menu-button'))).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.locator('#mw-navigation--small').isVisible()).toBe(true);
    const texts: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      texts.push(await focusedText(page));
    }
    expect(texts).toEqual(expect.arrayContaining(['Beta', 'Alpha', 'Gamma']));
    await page.keyboard.press('Escape');
    expect(await page.locator('#mw-navigation--small').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('wm-menu-button'))).toBe(true);
    // Space toggles it too.
    await page.keyboard.press(' ');
    expect(await page.locator('#mw-navigation--small').isVisible()).toBe(true);
  });

  test('the jump link is visible when focused and skips to the content', async () => {
    const page = await open(1024);
    await go(page, 'Browser_tour');
    await page.keyboard.press('Tab');
    const jump = page.locator('a.mw-jump-link');
    const box = (await jump.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#content');
  });
});

describe('screenshots', () => {
  const shots: Array<[string, string]> = [
    ['main-page', 'Main_Page'],
    ['docs-page', DOCS_PAGE],
    ['api-reference-page', REFERENCE_PAGE],
  ];
  test.each([375, 1024, 1440])('at %i px', async (width) => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    for (const [name, target] of shots) {
      const page = await open(width, { height: 900 });
      await go(page, target);
      // Nothing sticks out sideways: no horizontal scrolling at any width.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect([name, width, overflow]).toEqual([name, width, 0]);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${width}.png`), fullPage: true });
    }
  });
});

test('no internal errors were logged', () => {
  expect(server.errors).toEqual([]);
});
