/**
 * What the skin ships: every stylesheet and script a page references,
 * gzipped, stays under 60 KB (the budget, with MediaWiki:Common.css
 * from the seed); the Codex token subset is what the build script makes
 * from the installed package and defines every token the styles use; the
 * print stylesheet hides the navigation; the messages are documented.
 */
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { seedIfEmpty } from '../../../engine/seed/Seeder';
import { generate, TOKENS_FILE } from '../../../skins/WikimediaApiPortal/tools/buildTokens';
import { createTestWiki, portalPermissions, TestWiki } from '../../helpers/TestWiki';
import { Dom } from './dom';

const SKIN_DIR = path.resolve(__dirname, '../../../skins/WikimediaApiPortal');
const BUDGET_BYTES = 60 * 1024;
const read = (file: string) => fs.readFileSync(path.join(SKIN_DIR, file), 'utf8');

describe('the skin\'s CSS and JavaScript', () => {
  let wiki: TestWiki;
  let server: Server;
  let baseUrl: string;
  beforeAll(async () => {
    wiki = await createTestWiki('sqlite', { skins: ['WikimediaApiPortal'], defaultSkin: 'wikimediaapiportal', ...portalPermissions() });
    await seedIfEmpty(wiki.services);
    await wiki.createUser('Budget editor', { groups: ['docseditor'] });
    await wiki.login('Budget editor');
    server = wiki.app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  const sizes: Record<string, number> = {};
  afterAll(async () => {
    process.stdout.write(`WikimediaApiPortal CSS+JS gzipped per page: ${JSON.stringify(sizes)}\n`);
    await new Promise((resolve) => server.close(resolve));
    await wiki.close();
  });

  test.each(['/wiki/Main_Page', '/wiki/Documentation/Getting_started', '/wiki/API_reference/Core', '/w/index.php?title=Documentation&action=edit', '/w/index.php?title=Documentation&action=history'])(
    'everything %s references is under 60 KB gzipped',
    async (url) => {
      const res = await wiki.agent.get(url);
      expect(res.status).toBe(200);
      const dom = new Dom(res.text);
      const urls = [...dom.all('link[rel=stylesheet]').map((l) => l.attribs.href), ...dom.all('script[src]').map((s) => s.attribs.src)];
      expect(urls.length).toBeGreaterThanOrEqual(4);
      // No inline scripts or styles: the Content-Security-Policy allows our own files only.
      expect(dom.all('script').every((s) => s.attribs.src)).toBe(true);
      let total = 0;
      for (const resource of urls) {
        // Over a real socket: supertest's one-request servers close before a file stream ends.
        const body = await fetch(`${baseUrl}${resource}`);
        expect([resource, body.status, body.headers.get('content-type')?.split(';')[0]]).toEqual([resource, 200, resource.includes('.js') ? 'text/javascript' : 'text/css']);
        total += gzipSync(Buffer.from(await body.arrayBuffer()), { level: 9 }).length;
      }
      expect(total).toBeLessThan(BUDGET_BYTES);
      sizes[url] = total;
    },
  );
});

describe('Codex tokens', () => {
  test('codex-tokens.css is what tools/buildTokens.ts makes from the installed package', () => {
    expect(fs.readFileSync(TOKENS_FILE, 'utf8')).toBe(generate());
  });

  test('every custom property the skin uses is defined, and no colour is hand-picked outside the logo', () => {
    const tokens = read('resources/codex-tokens.css');
    const css = read('resources/skin.css');
    const defined = new Set([...`${tokens}\n${css}`.matchAll(/(--[a-z0-9-]+)\s*:/g)].map((m) => m[1]));
    const used = new Set([...css.matchAll(/var\(\s*(--[a-z0-9-]+)/g)].map((m) => m[1]));
    expect([...used].filter((name) => !defined.has(name))).toEqual([]);
    const withoutDataUris = css.replace(/url\(\s*"data:[^"]*"\s*\)/g, '');
    expect(withoutDataUris.match(/#[0-9a-f]{3,8}\b|rgba?\(/gi)).toEqual(['#000']);
  });
});

describe('stylesheet rules the issue asks for', () => {
  const css = read('resources/skin.css');
  const print = css.slice(css.indexOf('@media print'));

  test('print hides the navigation, search, user menu and footer links', () => {
    for (const selector of ['.wm-header', '.wm-page-nav-column', '.wm-page-tools', '.wm-search', '.wm-user-menu', '.wm-footer-links', '.mw-jump-link']) {
      expect([selector, print.includes(selector)]).toEqual([selector, true]);
    }
  });

  test('anchors clear the fixed header; the menu replaces the navigation below 992 px', () => {
    expect(css).toMatch(/html \{\s*\/\*[^*]*\*\/\s*scroll-padding-top: calc\( var\( --wm-header-height \)/);
    expect(css).toMatch(/@media \( min-width: 992px \) \{\s*\.wm-menu \{\s*display: none;\s*\}\s*\.wm-primary-nav \{\s*display: block;/);
  });
});

describe('messages', () => {
  test('en.json and qqq.json have the same keys, all documented', () => {
    const en = JSON.parse(read('i18n/en.json')) as Record<string, unknown>;
    const qqq = JSON.parse(read('i18n/qqq.json')) as Record<string, string>;
    expect(Object.keys(qqq).sort()).toEqual(Object.keys(en).sort());
    for (const [key, doc] of Object.entries(qqq)) if (key !== '@metadata') expect([key, doc.length > 10]).toEqual([key, true]);
  });

  test('the skin uses no message it does not define or core does not have', async () => {
    const source = read('WikimediaApiPortalSkin.ts');
    const en = JSON.parse(read('i18n/en.json')) as Record<string, unknown>;
    const keys = [...source.matchAll(/msg\('([a-z0-9-]+)'/g)].map((m) => m[1]).filter((k) => k.startsWith('wikimediaapiportal') || k.startsWith('tooltip-wikimediaapiportal'));
    expect(keys.filter((k) => !(k in en))).toEqual([]);
  });
});
