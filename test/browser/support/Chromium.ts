/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser):
 * /usr/bin/chromium, or CHROMIUM_PATH. Every launch starts from a fresh
 * profile: playwright-core creates a new temporary user-data-dir for each
 * launch() and deletes it on close. `.ci/run` installs the package with
 * apt-get when it is missing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, Browser, BrowserContext, Page } from 'playwright-core';
import { PASSWORD } from './PortalServer';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve(__dirname, '..', 'screenshots');

export interface LaunchedBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<LaunchedBrowser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: run "apt-get install -y chromium" (as .ci/run does) or set CHROMIUM_PATH.`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

/** A new browser context (own cookies) with a viewport width. */
export async function newPage(browser: Browser, width = 1440, height = 900, javaScriptEnabled = true): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height }, javaScriptEnabled, reducedMotion: 'reduce' });
  const page = await context.newPage();
  return { context, page };
}

/** Logs in through Special:UserLogin as a user would. */
export async function logIn(page: Page, baseUrl: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}/w/index.php?title=Special:UserLogin`);
  await page.fill('input[name="wpName"]', name);
  await page.fill('input[name="wpPassword"]', PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.search.includes('Special:UserLogin') && !url.pathname.includes('Special:UserLogin')), page.click('#wpLoginAttempt')]);
}
