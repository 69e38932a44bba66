/**
 * Special:WhatLinksHere on every database kind: links, transclusions and
 * redirects (with what links through them nested below), the namespace and
 * hide filters, paging by (namespace, page id) with limit/offset/dir and the
 * legacy from=, bad input (invalid target, limits out of range), and the
 * toolbox link to it.
 */
import { createTestWiki, TestWiki } from '../../../helpers/TestWiki';
import { testDatabaseKinds } from '../../../helpers/testDatabases';
import { mainContent } from '../../../helpers/pageHtml';

/** Titles of the top-level entries of #mw-whatlinkshere-list, in order. */
function listed(body: string): string[] {
  const start = body.indexOf('<ul id="mw-whatlinkshere-list">');
  if (start < 0) return [];
  const titles: string[] = [];
  let depth = 0;
  const re = /<ul[^>]*>|<\/ul>|<li><a [^>]*>([^<]*)<\/a>/g;
  re.lastIndex = start;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[0].startsWith('<ul')) depth++;
    else if (m[0] === '</ul>') {
      if (--depth === 0) break;
    } else if (depth === 1) titles.push(m[1]);
  }
  return titles;
}

function heading(page: string): string {
  return /<h1 id="firstHeading"[^>]*>([\s\S]*?)<\/h1>/.exec(page)![1];
}

describe.each(testDatabaseKinds())('Special:WhatLinksHere on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    await wiki.edit('Target', 'The target.');
    await wiki.edit('Plain linker', 'See [[Target]].');
    await wiki.edit('Template:Target box', 'Box');
    await wiki.edit('Help:Transcluder', '{{:Target}}');
    await wiki.edit('Redirect to target', '#REDIRECT [[Target]]');
    await wiki.edit('Section redirect', '#REDIRECT [[Target#History]]');
    await wiki.edit('Through redirect', 'Via [[Redirect to target]].');
    await wiki.edit('Help:Also linking', '[[Target]] twice [[target]]');
  });
  afterAll(async () => wiki.close());

  test('links, transclusions and redirects, with pages linking through a redirect nested under it', async () => {
    const res = await wiki.agent.get('/wiki/Special:WhatLinksHere/Target');
    expect(res.status).toBe(200);
    expect(heading(res.text)).toBe('Pages that link to &quot;Target&quot;');
    expect(res.text).toContain('<div id="contentSub"><span class="mw-backlink">← <a href="/wiki/Target" title="Target">Target</a></span></div>');
    const body = mainContent(res.text);
    expect(body).toContain('<p>The following pages link to <strong><a href="/wiki/Target" title="Target">Target</a></strong>:</p>');
    // Namespace, then page id.
    expect(listed(body)).toEqual(['Plain linker', 'Redirect to target', 'Section redirect', 'Help:Transcluder', 'Help:Also linking']);
    expect(body).toContain(
      '<li><a href="/wiki/Plain_linker" title="Plain linker">Plain linker</a>  \u200e <span class="mw-whatlinkshere-tools">(<a href="/w/index.php?title=Special:WhatLinksHere&amp;target=Plain+linker" title="Special:WhatLinksHere">← links</a> | <a href="/w/index.php?title=Plain_linker&amp;action=edit" title="Plain linker">edit</a>)</span></li>',
    );
    expect(body).toContain('<a href="/wiki/Help:Transcluder" title="Help:Transcluder">Help:Transcluder</a> (transclusion) ');
    expect(body).toMatch(
      /<li><a href="\/w\/index.php\?title=Redirect_to_target&amp;redirect=no" class="mw-redirect" title="Redirect to target">Redirect to target<\/a> \(redirect page\) [^\n]*\n<ul><li><a href="\/wiki\/Through_redirect" title="Through redirect">Through redirect<\/a>/,
    );
    expect(body).toContain('(redirect to <a href="/wiki/Target#History" title="Target">History</a>)');
    expect(body).toContain('<div class="mw-pager-navigation-bar">View (<span class="mw-prevlink">previous 50</span> | <span class="mw-nextlink">next 50</span>)');
  });

  test('the target parameter works like the subpage, which wins over it', async () => {
    const viaParam = mainContent((await wiki.agent.get('/w/index.php?title=Special:WhatLinksHere&target=Target')).text);
    expect(listed(viaParam)).toContain('Plain linker');
    const both = mainContent((await wiki.agent.get('/w/index.php?title=Special:WhatLinksHere/Redirect_to_target&target=Target')).text);
    expect(listed(both)).toEqual(['Through redirect']);
  });

  test('the form: target, namespace with invert, the three filters, as a GET to index.php', async () => {
    const body = mainContent((await wiki.agent.get('/wiki/Special:WhatLinksHere/Target?hidetrans=1&namespace=12&invert=1')).text);
    expect(body).toContain('<form method="get" action="/w/index.php" class="mw-htmlform" id="mw-whatlinkshere-form"><input type="hidden" name="title" value="Special:WhatLinksHere">');
    expect(body).toContain('<input type="text" id="mw-whatlinkshere-target" name="target" size="40" value="Target">');
    expect(body).toContain('<option value="12" selected>Help</option>');
    expect(body).toContain('<input type="checkbox" id="nsinvert" name="invert" value="1" checked>');
    expect(body).toContain('<input type="checkbox" id="mw-input-hidetrans" name="hidetrans" value="1" checked>');
    expect(body).toContain('<input type="checkbox" id="mw-input-hidelinks" name="hidelinks" value="1">');
    expect(body).toContain('<input type="checkbox" id="mw-input-hideredirs" name="hideredirs" value="1">');
  });

  test('the namespace filter and its inversion', async () => {
    expect(listed(mainContent((await wiki.agent.get('/wiki/Special:WhatLinksHere/Target?namespace=12')).text))).toEqual(['Help:Transcluder', 'Help:Also linking']);
    expect(listed(mainContent((await wiki.agent.get('/wiki/Special:WhatLinksHere/Target?namespace=12&invert=1')).text))).toEqual([
      'Plain linker',
      'Redirect to target',
      'Section redirect',
    ]);
    const none = await wiki.agent.get('/wiki/Special:WhatLinksHere/Target?namespace=4');
    expect(none.status).toBe(404);
    expect(mainContent(none.text)).toContain('<p>No pages link to <strong><a href="/wiki/Target" title="Target">Target</a></strong> in the chosen namespace.</p>');
  });

  test('hidelinks, hidetrans and hideredirs', async () => {
    expect(listed(mainContent((await wiki.agent.get('/wiki/Special:WhatLinksHere/Target?hidetrans=1')).text))).toEqual([
      'Plain linker',
      'Redirect to target',
      'Section redirect',
      'Help:Also linking',
    ]);
    expect(listed(mainContent((await wiki.agent.get('/wiki/Special:WhatLinksHere/Target?hideredirs=1')).text))).toEqual(['Plain linker', 'Help:Transcluder', 'Help:Also linking']);
    // Links hidden: redirects come from the redirect table, transclusions stay.
    expect(listed(mainContent((await wiki.agent.get('/wiki/Special:WhatLinksHere/Target?hidelinks=1')).text))).toEqual([
      'Redirect to target',
      'Section redirect',
      'Help:Transcluder',
    ]);
    expect(listed(mainContent((await wiki.agent.get('/wiki/Special:WhatLinksHere/Target?hidelinks=1&hideredirs=1')).text))).toEqual(['Help:Transcluder']);
  });

  test('a page nothing links to: the form and "No pages link to", status 404', async () => {
    const res = await wiki.agent.get('/wiki/Special:WhatLinksHere/Lonely_page');
    expect(res.status).toBe(404);
    const body = mainContent(res.text);
    expect(body).toContain('id="mw-whatlinkshere-form"');
    expect(body).toContain(
      '<p>No pages link to <strong><a href="/w/index.php?title=Lonely_page&amp;action=edit&amp;redlink=1" class="new" title="Lonely page (page does not exist)">Lonely page</a></strong>.</p>',
    );
    expect(body).not.toContain('mw-whatlinkshere-list');
  });

  test('no target: only the form, under the page name', async () => {
    const res = await wiki.agent.get('/wiki/Special:WhatLinksHere');
    expect(res.status).toBe(200);
    expect(heading(res.text)).toBe('What links here');
    expect(mainContent(res.text)).toContain('value=""');
    expect(mainContent(res.text)).not.toContain('mw-whatlinkshere-list');
  });

  test('an invalid target title: the form with MediaWiki\'s title error on the field, the input escaped', async () => {
    const res = await wiki.agent.get('/w/index.php?title=Special:WhatLinksHere&target=%3Cscript%3EFoo');
    expect(res.status).toBe(200);
    const body = mainContent(res.text);
    expect(body).toContain('<div class="mw-htmlform-field mw-htmlform-invalid-input">');
    expect(body).toContain('value="&lt;script&gt;Foo"');
    expect(body).toContain('The requested page title contains invalid characters: &quot;&#60;&quot;.');
    expect(body).not.toContain('<script>');
    expect(heading(res.text)).toBe('What links here');
  });

  describe('paging', () => {
    let ids: number[] = [];
    beforeAll(async () => {
      await wiki.edit('Paged target', 'x');
      ids = [];
      for (let i = 0; i < 5; i++) {
        const result = await wiki.edit(`Pager ${i}`, '[[Paged target]]');
        if (result.status === 'saved') ids.push(result.change.page.id);
      }
      await wiki.edit('Help:Pager help', '[[Paged target]]');
    });

    test('limit and the next link: offset names the namespace and id of the last entry shown', async () => {
      const body = mainContent((await wiki.agent.get('/wiki/Special:WhatLinksHere/Paged_target?limit=2')).text);
      expect(listed(body)).toEqual(['Pager 0', 'Pager 1']);
      expect(body).toContain(`<a href="/w/index.php?title=Special:WhatLinksHere/Paged_target&amp;limit=2&amp;dir=next&amp;offset=0%7C${ids[1]}" class="mw-nextlink" rel="next">next 2</a>`);
      expect(body).toContain('<span class="mw-prevlink">previous 2</span>');
    });

    test('offset continues after that entry, across namespaces, and links back with dir=prev', async () => {
      const second = mainContent((await wiki.agent.get(`/wiki/Special:WhatLinksHere/Paged_target?limit=2&offset=0|${ids[3]}`)).text);
      expect(listed(second)).toEqual(['Pager 4', 'Help:Pager help']);
      expect(second).toContain(`dir=prev&amp;offset=0%7C${ids[4]}" class="mw-prevlink" rel="prev">previous 2</a>`);
      expect(second).toContain('<span class="mw-nextlink">next 2</span>');
      const back = mainContent((await wiki.agent.get(`/wiki/Special:WhatLinksHere/Paged_target?limit=2&dir=prev&offset=0|${ids[4]}`)).text);
      expect(listed(back)).toEqual(['Pager 2', 'Pager 3']);
      expect(back).toContain(`dir=prev&amp;offset=0%7C${ids[2]}" class="mw-prevlink"`);
      expect(back).toContain(`dir=next&amp;offset=0%7C${ids[3]}" class="mw-nextlink"`);
    });

    test('the legacy from= names the first page shown', async () => {
      expect(listed(mainContent((await wiki.agent.get(`/wiki/Special:WhatLinksHere/Paged_target?from=${ids[3]}`)).text))).toEqual(['Pager 3', 'Pager 4', 'Help:Pager help']);
    });

    test('limits out of range are clamped to 0…5000; a malformed one is the default', async () => {
      const huge = mainContent((await wiki.agent.get('/wiki/Special:WhatLinksHere/Paged_target?limit=999999')).text);
      expect(huge).toContain('next 5,000');
      expect(listed(huge)).toHaveLength(6);
      const negative = await wiki.agent.get('/wiki/Special:WhatLinksHere/Paged_target?limit=-4');
      expect(negative.status).toBe(200);
      expect(listed(mainContent(negative.text))).toEqual([]);
      expect(mainContent(negative.text)).toContain('<ul id="mw-whatlinkshere-list"></ul>');
      const junk = mainContent((await wiki.agent.get('/wiki/Special:WhatLinksHere/Paged_target?limit=lots&offset=garbage&namespace=x')).text);
      expect(listed(junk)).toHaveLength(6);
      expect(junk).toContain('next 50');
    });
  });

  test('the toolbox links to it from every page that can exist, not from special pages', async () => {
    const page = await wiki.agent.get('/wiki/Plain_linker');
    expect(page.text).toContain(
      '<li id="t-whatlinkshere"><a href="/wiki/Special:WhatLinksHere/Plain_linker" title="A list of all wiki pages that link here" accesskey="j">What links here</a></li>',
    );
    const missing = await wiki.agent.get('/wiki/Not_there_yet');
    expect(missing.text).toContain('href="/wiki/Special:WhatLinksHere/Not_there_yet"');
    const special = await wiki.agent.get('/wiki/Special:WhatLinksHere/Target');
    expect(special.text).not.toContain('id="t-whatlinkshere"');
  });
});
