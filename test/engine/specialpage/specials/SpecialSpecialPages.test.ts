import { createTestWiki, TestWiki } from '../../../helpers/TestWiki';
import { testDatabaseKinds } from '../../../helpers/testDatabases';
import { mainContent } from '../../../helpers/pageHtml';
import type { RequestContext } from '../../../../engine/context/RequestContext';
import { SpecialPage } from '../../../../engine/specialpage/SpecialPage';

/** A page only sysops may use (like MediaWiki's Special:Block). */
class RestrictedPage extends SpecialPage {
  override readonly group = 'users';
  constructor() {
    super('Secretthing', 'block');
  }
  async execute(_context: RequestContext): Promise<void> {}
}

class UnlistedPage extends SpecialPage {
  override readonly listed = false;
  constructor() {
    super('Hiddenthing');
  }
  async execute(_context: RequestContext): Promise<void> {}
}

class OddGroupPage extends SpecialPage {
  override readonly group = 'zzcustom';
  constructor() {
    super('Oddthing');
  }
  async execute(_context: RequestContext): Promise<void> {}
}

describe.each(testDatabaseKinds())('Special:SpecialPages on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    // Add pages the way an extension's SpecialPage_initList handler would, and rebuild the list.
    wiki.services.hooks.register('SpecialPage_initList', (list) => {
      list.set('Secretthing', () => new RestrictedPage());
      list.set('Hiddenthing', () => new UnlistedPage());
      list.set('Oddthing', () => new OddGroupPage());
    });
    await wiki.services.specialPageFactory.initialize();
  });
  afterAll(async () => wiki.close());

  test('every listed page under its localized group heading, linked by its description', async () => {
    const res = await wiki.agent.get('/wiki/Special:SpecialPages');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1 id="firstHeading" class="firstHeading mw-first-heading">Special pages</h1>');
    const body = mainContent(res.text);
    expect(body).toContain('<h2 class="mw-specialpagesgroup" id="mw-specialpagesgroup-changes">Recent changes and logs</h2>');
    expect(body).toContain('<h2 class="mw-specialpagesgroup" id="mw-specialpagesgroup-pages">Lists of pages</h2>');
    expect(body).toContain('<h2 class="mw-specialpagesgroup" id="mw-specialpagesgroup-wiki">Data and tools</h2>');
    expect(body).toContain('<li><a href="/wiki/Special:AllPages" title="Special:AllPages">All pages</a></li>');
    expect(body).toContain('<li><a href="/wiki/Special:PrefixIndex" title="Special:PrefixIndex">All pages with prefix</a></li>');
    expect(body).toContain('<li><a href="/wiki/Special:RecentChanges" title="Special:RecentChanges">Recent changes</a></li>');
    expect(body).toContain('<li><a href="/wiki/Special:Log" title="Special:Log">Logs</a></li>');
    expect(body).toContain('<li><a href="/wiki/Special:Version" title="Special:Version">Version</a></li>');
    // Within a group, sorted by description: "Logs" before "Recent changes".
    expect(body.indexOf('>Logs</a>')).toBeLessThan(body.indexOf('>Recent changes</a>'));
    // Groups in MediaWiki's order, unknown groups after the known ones, "other" last.
    const groups = [...body.matchAll(/id="mw-specialpagesgroup-([a-z]+)"/g)].map((m) => m[1]);
    expect(groups.indexOf('pages')).toBeLessThan(groups.indexOf('users'));
    expect(groups.indexOf('users')).toBeLessThan(groups.indexOf('changes'));
    expect(groups.indexOf('changes')).toBeLessThan(groups.indexOf('wiki'));
    expect(groups.indexOf('wiki')).toBeLessThan(groups.indexOf('zzcustom'));
    expect(groups[groups.length - 1]).toBe('other');
  });

  test('restricted pages are marked, unlisted pages left out, unknown groups named by their key', async () => {
    const body = mainContent((await wiki.agent.get('/wiki/Special:SpecialPages')).text);
    // No message exists for these descriptions or this group: MediaWiki's ⧼key⧽ and the bare group name.
    expect(body).toMatch(/<li class="mw-specialpagerestricted[^"]*"><strong><a href="\/wiki\/Special:Secretthing" title="Special:Secretthing">⧼secretthing⧽<\/a><\/strong><\/li>/);
    expect(body).toContain('<h2 class="mw-specialpagesgroup" id="mw-specialpagesgroup-zzcustom">zzcustom</h2>');
    expect(body).not.toContain('Special:Hiddenthing');
    expect(body).toContain('<h2 id="mw-specialpages-note-top">Legend</h2>');
    expect(body).toContain('<p class="mw-specialpagerestricted-note"><strong>Restricted special pages</strong> (in bold)');
    // The anonymous reader cannot use it.
    expect(body).toContain('class="mw-specialpagerestricted mw-specialpagerestricted-unusable"');
  });

  test('the name is matched case-insensitively', async () => {
    for (const url of ['/wiki/Special:Specialpages', '/wiki/special:specialpages', '/w/index.php?title=Special:SPECIALPAGES']) {
      const res = await wiki.agent.get(url);
      expect(res.status).toBe(200);
      expect(res.text).toContain('mw-specialpagesgroup');
    }
  });
});
