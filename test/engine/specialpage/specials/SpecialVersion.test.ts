import fs from 'node:fs';
import path from 'node:path';
import { createTestWiki, TestWiki } from '../../../helpers/TestWiki';
import { testDatabaseKinds } from '../../../helpers/testDatabases';
import { mainContent } from '../../../helpers/pageHtml';

const ROOT = path.resolve(__dirname, '../../../..');
const engineVersion = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const parserVersion = (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/wikiparser-node/package.json'), 'utf8')) as { version: string }).version;

describe.each(testDatabaseKinds())('Special:Version on %s', (kind) => {
  let wiki: TestWiki;
  let withModules: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind, { extensions: [] });
    withModules = await createTestWiki(kind, { extensions: ['test/fixtures/extensions/TestExtension'], skins: ['test/fixtures/skins/TestSkin'] });
  });
  afterAll(async () => {
    await wiki.close();
    await withModules.close();
  });

  test('installed software: engine, Node.js, database server, parser', async () => {
    const res = await wiki.agent.get('/wiki/Special:Version');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1 id="firstHeading" class="firstHeading mw-first-heading">Version</h1>');
    const body = mainContent(res.text);
    expect(body).toContain('<h2 id="mw-version-software">Installed software</h2>');
    expect(body).toContain(`<tr><td>API Portal</td><td dir="ltr">${engineVersion}</td></tr>`);
    expect(body).toContain(`<tr><td>Node.js</td><td dir="ltr">${process.versions.node}</td></tr>`);
    expect(body).toContain(`<tr><td>wikiparser-node</td><td dir="ltr">${parserVersion}</td></tr>`);
    if (kind === 'pg') expect(body).toMatch(/<tr><td>PostgreSQL<\/td><td dir="ltr">\d+\.\d+[^<]*<\/td><\/tr>/);
    else expect(body).toMatch(/<tr><td>SQLite<\/td><td dir="ltr">3\.\d+\.\d+<\/td><\/tr>/);
    expect(body).toContain('GPL-3.0-or-later');
  });

  test('entry point URLs', async () => {
    const body = mainContent((await wiki.agent.get('/wiki/Special:Version')).text);
    expect(body).toContain('<table class="wikitable plainlinks" id="mw-version-entrypoints-table" dir="ltr">');
    expect(body).toContain('<tr><td>Article path</td><td dir="ltr"><code>/wiki/$1</code></td></tr>');
    expect(body).toContain('<tr><td>Script path</td><td dir="ltr"><code>/w</code></td></tr>');
    expect(body).toContain('<tr><td>index.php</td><td dir="ltr"><code><a href="http://localhost/w/index.php">/w/index.php</a></code></td></tr>');
    expect(body).toContain('<tr><td>rest.php</td><td dir="ltr"><code><a href="http://localhost/w/rest.php">/w/rest.php</a></code></td></tr>');
  });

  test('without modules: notes instead of empty tables; the special page count; libraries', async () => {
    const body = mainContent((await wiki.agent.get('/wiki/Special:Version')).text);
    expect(body).toContain('No skins are installed');
    expect(body).toContain('No extensions are installed.');
    const count = wiki.services.specialPageFactory.getNames().length;
    expect(body).toContain(`This wiki has ${count} special pages; see <a href="/wiki/Special:SpecialPages" title="Special:SpecialPages">the list of special pages</a>.`);
    expect(body).toMatch(/<table class="wikitable plainlinks" id="sv-libraries">[\s\S]*>knex<\/a><\/td><td dir="ltr">\d+\.\d+\.\d+<\/td><td>MIT<\/td>/);
  });

  test('skins and extensions from the registry, with their description messages', async () => {
    const body = mainContent((await withModules.agent.get('/wiki/Special:Version')).text);
    expect(body).toContain('<h2 id="mw-version-skin">Installed skins</h2>');
    expect(body).toContain(
      '<tr class="mw-version-ext" id="mw-version-ext-skin-TestSkin"><td><em><span class="mw-version-ext-name">TestSkin</span></em></td><td class="mw-version-ext-version" dir="ltr">0.1.0</td><td class="mw-version-ext-license"></td><td class="mw-version-ext-description">A minimal skin for tests.</td><td class="mw-version-ext-authors"></td></tr>',
    );
    expect(body).toContain('<h2 id="mw-version-ext">Installed extensions</h2>');
    expect(body).toContain('<tr><th colspan="5" id="sv-ext-other">Other</th></tr>');
    expect(body).toContain(
      '<tr class="mw-version-ext" id="mw-version-ext-other-TestExtension"><td><em><a href="https://example.org/TestExtension" class="external mw-version-ext-name" rel="nofollow">TestExtension</a></em></td><td class="mw-version-ext-version" dir="ltr">1.2.3</td><td class="mw-version-ext-license">GPL-3.0-or-later</td><td class="mw-version-ext-description">A fixture that exercises every manifest field.</td><td class="mw-version-ext-authors">API Portal contributors</td></tr>',
    );
    expect(body).not.toContain('No extensions are installed.');
    // The extension's special pages are counted.
    const count = withModules.services.specialPageFactory.getNames().length;
    expect(count).toBeGreaterThan(wiki.services.specialPageFactory.getNames().length);
    expect(body).toContain(`This wiki has ${count} special pages`);
  });

  test('the name is matched case-insensitively', async () => {
    for (const url of ['/wiki/Special:version', '/wiki/special:VERSION', '/w/index.php?title=Special:Version']) {
      const res = await wiki.agent.get(url);
      expect(res.status).toBe(200);
      expect(res.text).toContain('id="sv-software"');
    }
  });
});
