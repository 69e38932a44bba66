/**
 * LinksUpdate on every database kind: the link tables a save writes (and
 * rewrites only where they changed), category counts, page_props, the
 * redirect table; the save and its link rows as one transaction; the
 * rendering made for the save serving the first view (render-on-save); and
 * parser-cache invalidation through the link tables.
 */
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';
import { mainContent } from '../../helpers/pageHtml';
import { externalLinkIndexes, LinksUpdate } from '../../../engine/storage/LinksUpdate';
import { ParserCache } from '../../../engine/parser/ParserCache';
import { PageRenderer } from '../../../engine/page/PageRenderer';
import type { SaveResult } from '../../../engine/storage/PageUpdater';

function saved(result: SaveResult) {
  if (result.status !== 'saved') throw new Error(`expected saved, got ${result.status}`);
  return result.change;
}

describe('externalLinkIndexes (LinkFilter::makeIndexes)', () => {
  test('reverses the host, lower-cases it and keeps port, path, query and fragment apart', () => {
    expect(externalLinkIndexes('https://www.Example.org/A/b?c=d#e')).toEqual([['https://org.example.www.', '/A/b?c=d#e']]);
    expect(externalLinkIndexes('http://example.com:8080')).toEqual([['http://com.example.:8080', '/']]);
  });

  test('protocol-relative links are indexed as http and https; IP hosts are not reversed', () => {
    expect(externalLinkIndexes('//example.com/x')).toEqual([
      ['http://com.example.', '/x'],
      ['https://com.example.', '/x'],
    ]);
    expect(externalLinkIndexes('http://192.0.2.1/p')).toEqual([['http://192.0.2.1', '/p']]);
  });

  test('mailto: puts the reversed domain first; unparsable URLs are kept whole', () => {
    expect(externalLinkIndexes('mailto:someone@Mail.Example.org')).toEqual([['mailto:org.example.mail@someone', '']]);
    expect(externalLinkIndexes('news:comp.lang')).toEqual([['news:comp.lang', '']]);
  });
});

describe.each(testDatabaseKinds())('LinksUpdate on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
  });
  afterAll(async () => wiki.close());

  const db = () => wiki.services.db;
  const pageLinks = async (id: number) =>
    (await db()('pagelinks').where('pl_from', id).orderBy(['pl_namespace', 'pl_title'])).map((r) => `${r.pl_namespace}:${r.pl_title}@${r.pl_from_namespace}`);
  const templateLinks = async (id: number) => (await db()('templatelinks').where('tl_from', id).orderBy(['tl_namespace', 'tl_title'])).map((r) => `${r.tl_namespace}:${r.tl_title}`);
  const categoryRow = async (name: string) => db()('category').where('cat_title', name).first('cat_pages', 'cat_subcats', 'cat_files');

  describe('what a save writes', () => {
    test('pagelinks: internal links with the linking namespace, not special or media links, not the page itself', async () => {
      const change = saved(await wiki.edit('Help:Linking page', '[[Alpha]] [[Help:Beta|b]] [[alpha]] [[Special:RecentChanges]] [[Media:X.png]] [[Help:Linking page]] [[:Category:Gamma]] [[#Local]]'));
      expect(await pageLinks(change.page.id)).toEqual(['0:Alpha@12', '12:Beta@12', '14:Gamma@12']);
    });

    test('templatelinks: direct, nested and missing templates', async () => {
      await wiki.edit('Template:Inner TL', 'inner');
      await wiki.edit('Template:Outer TL', 'outer {{Inner TL}}');
      const change = saved(await wiki.edit('Transcluding page', '{{Outer TL}} {{No such template}} {{:Alpha}}'));
      expect(await templateLinks(change.page.id)).toEqual(['0:Alpha', '10:Inner_TL', '10:No_such_template', '10:Outer_TL']);
    });

    test('externallinks: one row per distinct URL, by domain index and path', async () => {
      const change = saved(await wiki.edit('External page', 'https://www.example.org/a?b=1 [http://Example.COM/x y] [http://example.com/x again]'));
      const rows = await db()('externallinks').where('el_from', change.page.id).orderBy('el_to_domain_index');
      expect(rows.map((r) => [r.el_to_domain_index, r.el_to_path])).toEqual([
        ['http://com.example.', '/x'],
        ['https://org.example.www.', '/a?b=1'],
      ]);
    });

    test('categorylinks: sort key prefix from the link, else DEFAULTSORT; the collation key is upper case', async () => {
      const change = saved(await wiki.edit('Sorted page', '{{DEFAULTSORT:Zulu}}[[Category:Letters]] [[Category:Names|Mike]] [[Category:Letters]]'));
      const rows = await db()('categorylinks').where('cl_from', change.page.id).orderBy('cl_to');
      expect(rows.map((r) => [r.cl_to, r.cl_sortkey_prefix, r.cl_sortkey, r.cl_type, r.cl_collation])).toEqual([
        ['Letters', 'Zulu', 'ZULU\nSORTED PAGE', 'page', 'uppercase'],
        ['Names', 'Mike', 'MIKE\nSORTED PAGE', 'page', 'uppercase'],
      ]);
      expect(rows[0].cl_timestamp >= change.revision.timestamp).toBe(true);
      const props = await db()('page_props').where('pp_page', change.page.id);
      expect(props.map((p) => [p.pp_propname, p.pp_value])).toEqual([['defaultsort', 'Zulu']]);
    });

    test('a category page is a subcategory member; a file page a file member', async () => {
      const sub = saved(await wiki.edit('Category:Child kind', '[[Category:Parent kind]]'));
      const file = saved(await wiki.edit('File:Picture kind.png', '[[Category:Parent kind]]'));
      expect((await db()('categorylinks').where('cl_from', sub.page.id).first()).cl_type).toBe('subcat');
      expect((await db()('categorylinks').where('cl_from', file.page.id).first()).cl_type).toBe('file');
      expect(await categoryRow('Parent_kind')).toEqual({ cat_pages: 2, cat_subcats: 1, cat_files: 1 });
    });

    test('__HIDDENCAT__ on a category page: page_props hiddencat and the "Hidden categories" tracking category', async () => {
      const change = saved(await wiki.edit('Category:Maintenance things', 'Hidden. __HIDDENCAT__'));
      const props = await db()('page_props').where('pp_page', change.page.id);
      expect(props.map((p) => [p.pp_propname, p.pp_value])).toEqual([['hiddencat', '']]);
      expect((await db()('categorylinks').where('cl_from', change.page.id)).map((r) => r.cl_to)).toEqual(['Hidden_categories']);
      // Outside the Category namespace the switch is only a property.
      const article = saved(await wiki.edit('Not a category', '__HIDDENCAT__'));
      expect(await db()('categorylinks').where('cl_from', article.page.id)).toEqual([]);
    });

    test('redirect: the redirect row with its fragment, and a pagelinks row to the target', async () => {
      const change = saved(await wiki.edit('Redirecting page', '#REDIRECT [[Help:Target page#Part two]]'));
      const row = await db()('redirect').where('rd_from', change.page.id).first();
      expect([Number(row.rd_namespace), row.rd_title, row.rd_fragment, row.rd_interwiki]).toEqual([12, 'Target_page', 'Part two', '']);
      expect(await pageLinks(change.page.id)).toEqual(['12:Target_page@0']);
      // No longer a redirect: the row goes.
      await wiki.edit('Redirecting page', 'Now an article about [[Alpha]].');
      expect(await db()('redirect').where('rd_from', change.page.id)).toEqual([]);
      expect(await pageLinks(change.page.id)).toEqual(['0:Alpha@0']);
    });
  });

  describe('later saves change only what changed', () => {
    test('links added and removed; an unchanged category keeps its row and timestamp', async () => {
      const first = saved(await wiki.edit('Changing page', '[[One]] [[Two]] {{Inner TL}} [[Category:Stays]] [[Category:Goes]] https://one.example/'));
      const id = first.page.id;
      const before = await db()('categorylinks').where({ cl_from: id, cl_to: 'Stays' }).first();
      await wiki.edit('Changing page', '[[Two]] [[Three]] [[Category:Stays]] [[Category:Comes]] https://two.example/', { summary: 'later' });
      expect(await pageLinks(id)).toEqual(['0:Three@0', '0:Two@0']);
      expect(await templateLinks(id)).toEqual([]);
      expect((await db()('categorylinks').where('cl_from', id).orderBy('cl_to')).map((r) => r.cl_to)).toEqual(['Comes', 'Stays']);
      const after = await db()('categorylinks').where({ cl_from: id, cl_to: 'Stays' }).first();
      expect(after.cl_timestamp).toBe(before.cl_timestamp);
      expect((await db()('externallinks').where('el_from', id)).map((r) => r.el_to_domain_index)).toEqual(['https://example.two.']);
    });

    test('category counts follow membership; an emptied category without a page loses its row, one with a page keeps it at zero', async () => {
      await wiki.edit('Category:Kept category', 'This category page exists.');
      await wiki.edit('Member one', '[[Category:Counted]] [[Category:Kept category]]');
      await wiki.edit('Member two', '[[Category:Counted]]');
      expect(await categoryRow('Counted')).toEqual({ cat_pages: 2, cat_subcats: 0, cat_files: 0 });
      expect(await categoryRow('Kept_category')).toEqual({ cat_pages: 1, cat_subcats: 0, cat_files: 0 });

      // A changed sort key rewrites the row but is not a new membership.
      await wiki.edit('Member two', '[[Category:Counted|Sorted differently]]');
      expect(await categoryRow('Counted')).toEqual({ cat_pages: 2, cat_subcats: 0, cat_files: 0 });

      await wiki.edit('Member one', 'No categories any more.');
      expect(await categoryRow('Counted')).toEqual({ cat_pages: 1, cat_subcats: 0, cat_files: 0 });
      expect(await categoryRow('Kept_category')).toEqual({ cat_pages: 0, cat_subcats: 0, cat_files: 0 });
      await wiki.edit('Member two', 'None here either.');
      expect(await categoryRow('Counted')).toBeUndefined();
    });

    test('parallel saves adding pages to the same new categories count every one of them', async () => {
      const results = await Promise.all(Array.from({ length: 8 }, (_v, i) => wiki.edit(`Parallel member ${i}`, i % 2 ? '[[Category:Shared B]] [[Category:Shared A]]' : '[[Category:Shared A]] [[Category:Shared B]]')));
      expect(results.map((r) => r.status)).toEqual(Array(8).fill('saved'));
      expect(await categoryRow('Shared_A')).toEqual({ cat_pages: 8, cat_subcats: 0, cat_files: 0 });
      expect(await categoryRow('Shared_B')).toEqual({ cat_pages: 8, cat_subcats: 0, cat_files: 0 });
      expect(await db()('categorylinks').where('cl_to', 'Shared_A')).toHaveLength(8);
    });

    test('a null edit refreshes the link tables, e.g. after a template it uses changed', async () => {
      await wiki.edit('Template:Categorising', '[[Category:Before]]');
      const change = saved(await wiki.edit('Uses categorising', '{{Categorising}}'));
      await wiki.edit('Template:Categorising', '[[Category:After]]');
      // The page's own rows are as it was last saved until it is saved again.
      expect((await db()('categorylinks').where('cl_from', change.page.id)).map((r) => r.cl_to)).toEqual(['Before']);
      const nullEdit = await wiki.edit('Uses categorising', '{{Categorising}}');
      expect(nullEdit.status).toBe('nochange');
      expect((await db()('categorylinks').where('cl_from', change.page.id)).map((r) => r.cl_to)).toEqual(['After']);
      expect(await db()('revision').where('rev_page', change.page.id)).toHaveLength(1);
    });

    test('a save merged with a concurrent one writes the links of the merged text', async () => {
      const base = saved(await wiki.edit('Merged links', 'first line\nmiddle\nlast line'));
      await wiki.edit('Merged links', 'first line [[From A]]\nmiddle\nlast line', { baseRevId: base.revision.id });
      const result = await wiki.edit('Merged links', 'first line\nmiddle\nlast line [[From B]]', { baseRevId: base.revision.id });
      expect(result.status === 'saved' && result.merged).toBe(true);
      expect(await pageLinks(base.page.id)).toEqual(['0:From_A@0', '0:From_B@0']);
    });
  });

  describe('one transaction', () => {
    test('a failing link update rolls the whole save back: no page, revision or link rows', async () => {
      const update = jest.spyOn(LinksUpdate.prototype, 'update').mockRejectedValueOnce(new Error('link tables unavailable'));
      await expect(wiki.edit('Never saved', '[[Alpha]] [[Category:Nowhere]]')).rejects.toThrow('link tables unavailable');
      update.mockRestore();
      expect(await db()('page').where({ page_namespace: 0, page_title: 'Never_saved' })).toEqual([]);
      expect(await db()('recentchanges').where({ rc_namespace: 0, rc_title: 'Never_saved' })).toEqual([]);
      expect(await categoryRow('Nowhere')).toBeUndefined();
    });

    test('on an existing page the failed edit leaves the previous revision current and its links in place', async () => {
      const first = saved(await wiki.edit('Kept revision', '[[Old link]]'));
      const update = jest.spyOn(LinksUpdate.prototype, 'update').mockRejectedValueOnce(new Error('boom'));
      await expect(wiki.edit('Kept revision', '[[New link]]')).rejects.toThrow('boom');
      update.mockRestore();
      const page = await db()('page').where('page_id', first.page.id).first();
      expect(Number(page.page_latest)).toBe(first.revision.id);
      expect(await db()('revision').where('rev_page', first.page.id)).toHaveLength(1);
      expect(await pageLinks(first.page.id)).toEqual(['0:Old_link@0']);
    });
  });

  describe('render-on-save and the parser cache', () => {
    test('the first view after a save is a parser-cache hit, and renders nothing', async () => {
      const change = saved(await wiki.edit('Fresh page', 'Some [[Alpha]] text.'));
      const render = jest.spyOn(wiki.services.renderer, 'render');
      const before = wiki.services.parserCache.stats();
      const res = await wiki.agent.get('/wiki/Fresh_page').expect(200);
      const after = wiki.services.parserCache.stats();
      expect(after.hits - before.hits).toBe(1);
      expect(after.misses - before.misses).toBe(0);
      expect(render).not.toHaveBeenCalled();
      render.mockRestore();
      expect(mainContent(res.text)).toContain('Some <a href="/w/index.php?title=Alpha&amp;action=edit&amp;redlink=1" class="new"');
      // Cached under the revision that was saved, with its id.
      const key = ParserCache.key(change.page.id, change.revision.id, PageRenderer.optionsHash({ language: 'en' }));
      expect(wiki.services.parserCache.get(key)?.revisionId).toBe(change.revision.id);
    });

    test('the rendering made before the save knows the new revision: REVISIONID, PAGEID and REVISIONUSER are right on the first view', async () => {
      const change = saved(await wiki.edit('Revision facts', 'rev={{REVISIONID}} page={{PAGEID}} by={{REVISIONUSER}}', { user: { id: 0, name: '192.0.2.44' } }));
      const before = wiki.services.parserCache.stats();
      const body = mainContent((await wiki.agent.get('/wiki/Revision_facts')).text);
      expect(wiki.services.parserCache.stats().hits - before.hits).toBe(1);
      expect(body).toContain(`rev=${change.revision.id} page=${change.page.id} by=192.0.2.44`);
    });

    test('a failed save does not stop the next one from serving its first view from the cache', async () => {
      const update = jest.spyOn(LinksUpdate.prototype, 'update').mockRejectedValueOnce(new Error('once'));
      await expect(wiki.edit('After a failure', 'first try')).rejects.toThrow('once');
      update.mockRestore();
      await wiki.edit('After a failure', 'second try');
      const before = wiki.services.parserCache.stats();
      expect(mainContent((await wiki.agent.get('/wiki/After_a_failure')).text)).toContain('second try');
      expect(wiki.services.parserCache.stats().hits - before.hits).toBe(1);
    });

    test('creating a page turns the red links to it blue in pages already cached', async () => {
      await wiki.edit('Links to later', 'See [[Created later]].');
      const red = mainContent((await wiki.agent.get('/wiki/Links_to_later')).text);
      expect(red).toContain('<a href="/w/index.php?title=Created_later&amp;action=edit&amp;redlink=1" class="new" title="Created later (page does not exist)">Created later</a>');
      await wiki.edit('Created later', 'Now it exists.');
      const blue = mainContent((await wiki.agent.get('/wiki/Links_to_later')).text);
      expect(blue).toContain('<a href="/wiki/Created_later" title="Created later">Created later</a>');
      expect(blue).not.toContain('class="new"');
    });

    test('pagelinks find cached pages the in-process index does not know (an entry from before a restart)', async () => {
      const linker = saved(await wiki.edit('Old entry linker', '[[Created after restart]]'));
      const key = ParserCache.key(linker.page.id, linker.revision.id, PageRenderer.optionsHash({ language: 'en' }));
      const cached = wiki.services.parserCache.get(key)!;
      // Re-stored without its link list: only the pagelinks table knows it links there.
      wiki.services.parserCache.set(key, { ...cached, links: [] });
      await wiki.edit('Created after restart', 'x');
      expect(wiki.services.parserCache.get(key)).toBeUndefined();
    });

    test('templatelinks find pages that use a template through another one, beyond the in-process index', async () => {
      await wiki.edit('Template:Deep inner', 'deep-v1');
      await wiki.edit('Template:Deep outer', '{{Deep inner}}');
      const user = saved(await wiki.edit('Deep user', '{{Deep outer}}'));
      expect(await templateLinks(user.page.id)).toEqual(['10:Deep_inner', '10:Deep_outer']);
      const key = ParserCache.key(user.page.id, user.revision.id, PageRenderer.optionsHash({ language: 'en' }));
      wiki.services.parserCache.set(key, { ...wiki.services.parserCache.get(key)!, templates: [] });
      await wiki.edit('Template:Deep inner', 'deep-v2');
      expect(wiki.services.parserCache.get(key)).toBeUndefined();
      expect(mainContent((await wiki.agent.get('/wiki/Deep_user')).text)).toContain('deep-v2');
    });

    test('creating a missing template re-renders the pages that asked for it', async () => {
      await wiki.edit('Wants template', '{{Made later}}');
      expect(mainContent((await wiki.agent.get('/wiki/Wants_template')).text)).toContain('class="new"');
      await wiki.edit('Template:Made later', 'template-text-now');
      expect(mainContent((await wiki.agent.get('/wiki/Wants_template')).text)).toContain('template-text-now');
    });
  });
});
