/**
 * Accessibility of the portal skin: axe-core (injected into the page through
 * the DevTools protocol, so the site's Content-Security-Policy still applies
 * to the page itself) on the main page, a docs page, an API reference page,
 * a history page, the editor (as a docs editor) and Special:Preferences (as
 * a logged-in user), at desktop and phone widths, and with the menu and a
 * dropdown open. No serious or critical violation may remain.
 */
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { LaunchedBrowser, launchChromium, logIn, newPage } from './support/Chromium';
import { PortalServer, startPortalServer } from './support/PortalServer';

jest.setTimeout(180_000);

interface AxeNode {
  target: string[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let server: PortalServer;
let chromium: LaunchedBrowser;
const contexts = new Map<string, BrowserContext>();

beforeAll(async () => {
  [server, chromium] = await Promise.all([startPortalServer(), launchChromium()]);
  await server.createUser('Axe reader');
  await server.createUser('Axe editor', ['docseditor']);
});

afterAll(async () => {
  for (const context of contexts.values()) await context.close().catch(() => undefined);
  await chromium?.close();
  await server?.close();
});

async function open(width: number, user?: string): Promise<Page> {
  const key = user ?? '';
  let context = contexts.get(key);
  if (!context) {
    const created = await newPage(chromium.browser, width, 900);
    context = created.context;
    if (user) await logIn(created.page, server.url, user);
    await created.page.close();
    contexts.set(key, context);
  }
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  return page;
}

/** Serious and critical violations, described for the failure message. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations)')) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `  ${n.target.join(' ')}: ${n.html.slice(0, 160)}\n    ${(n.failureSummary ?? '').replace(/\n/g, ' ')}`).join('\n')}`);
}

const PAGES: Array<[string, string, string | undefined]> = [
  ['main page', '/wiki/Main_Page', undefined],
  ['docs page', '/wiki/Documentation/Getting_started', undefined],
  ['API reference page', '/wiki/API_reference/Core/Pages/Get_page', undefined],
  ['history', '/w/index.php?title=Documentation/Getting_started&action=history', undefined],
  ['editor (docs editor)', '/w/index.php?title=Documentation/Getting_started&action=edit', 'Axe editor'],
  ['docs page (docs editor)', '/wiki/Documentation/Getting_started', 'Axe editor'],
  ['Special:Preferences', '/wiki/Special:Preferences', 'Axe reader'],
];

describe.each([1440, 375])('axe-core at %i px', (width) => {
  test.each(PAGES)('%s has no serious or critical violations', async (_name, url, user) => {
    const page = await open(width, user);
    const res = await page.goto(`${server.url}${url}`);
    if (url.includes('Special:Preferences') && res?.status() === 404) {
      // Special:Preferences is the engine's; until it exists there is nothing to check.
      process.stdout.write('Special:Preferences does not exist yet (404): skipped\n');
      await page.close();
      return;
    }
    expect([url, res?.status()]).toEqual([url, 200]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

test('with the menu open at 375 px', async () => {
  const page = await open(375);
  await page.goto(`${server.url}/wiki/Documentation/Getting_started`);
  await page.locator('summary.wm-menu-button').click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.close();
});

test('with a header dropdown and the user menu open at 1440 px', async () => {
  const page = await open(1440, 'Axe reader');
  await page.goto(`${server.url}/wiki/Documentation/Getting_started`);
  await page.locator('#mw-navigation li.wm-nav-dropdown summary').first().click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.locator('#p-personal summary').click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.close();
});

test('with the search field open at 375 px', async () => {
  const page = await open(375);
  await page.goto(`${server.url}/wiki/API_reference/Core`);
  await page.locator('a.wm-search-link').click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.close();
});
