/**
 * Category pages and the category box on every database kind: the member
 * sections with their counts, first-letter groups and sort keys
 * (DEFAULTSORT, explicit keys), paging by 200 with pagefrom/pageuntil,
 * missing category pages that still list members, and hidden categories.
 */
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';
import { mainContent } from '../../helpers/pageHtml';
import { categorySortKey } from '../../../engine/storage/LinksUpdate';
import { toMwTimestamp } from '../../../engine/util/Timestamp';

/** The #catlinks box of a skinned page, or '' when there is none. */
function catlinks(page: string): string {
  const m = /<div id="catlinks"[\s\S]*?<\/ul><\/div>(?:<div id="mw-hidden-catlinks"[\s\S]*?<\/ul><\/div>)?<\/div>/.exec(page);
  return m ? m[0] : '';
}

/** Link texts of one section (#mw-pages, #mw-subcategories, #mw-category-media), in order. */
function members(page: string, sectionId: string): string[] {
  const start = page.indexOf(`<div id="${sectionId}">`);
  if (start < 0) return [];
  const end = page.indexOf('\n</div>', start);
  return [...page.slice(start, end).matchAll(/<li>(?:<span class="redirect-in-category">)?<a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);
}

/** First-letter headings of one section. */
function groupHeadings(page: string, sectionId: string): string[] {
  const start = page.indexOf(`<div id="${sectionId}">`);
  const end = page.indexOf('\n</div>', start);
  return [...page.slice(start, end).matchAll(/<h3>([^<]*)<\/h3>/g)].map((m) => m[1]);
}

describe.each(testDatabaseKinds())('category pages on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    await wiki.edit('Category:Fruit', 'All about fruit.');
    await wiki.edit('Apple', 'An apple. [[Category:Fruit]]');
    await wiki.edit('Banana', '{{DEFAULTSORT:Yellow}}A banana. [[Category:Fruit]]');
    await wiki.edit('Help:Cherry', '[[Category:Fruit|Cherry]]');
    await wiki.edit('Category:Citrus', 'Sour ones. [[Category:Fruit]]');
    await wiki.edit('File:Fig.png', 'A picture. [[Category:Fruit]]');
    await wiki.edit('Pear', '#REDIRECT [[Apple]] [[Category:Fruit]]');
  });
  afterAll(async () => wiki.close());

  test('the page text, then subcategories, pages and media with their count lines', async () => {
    const res = await wiki.agent.get('/wiki/Category:Fruit');
    expect(res.status).toBe(200);
    const body = mainContent(res.text);
    expect(body.indexOf('All about fruit.')).toBeLessThan(body.indexOf('<div class="mw-category-generated" lang="en" dir="ltr">'));
    expect(body).toContain('<div id="mw-subcategories">\n<h2>Subcategories</h2>\n<p>This category has only the following subcategory.</p>');
    expect(members(body, 'mw-subcategories')).toEqual(['Citrus']);
    expect(body).toContain('<div id="mw-pages">\n<h2>Pages in category &quot;Fruit&quot;</h2>\n<p>The following 4 pages are in this category, out of 4 total.</p>');
    expect(body).toContain('<div id="mw-category-media">\n<h2>Media in category &quot;Fruit&quot;</h2>\n<p>This category contains only the following file.</p>');
    expect(members(body, 'mw-category-media')).toEqual(['File:Fig.png']);
    // Sorted by sort key: Apple, Cherry (explicit key), Pear, Yellow (Banana's DEFAULTSORT).
    expect(members(body, 'mw-pages')).toEqual(['Apple', 'Help:Cherry', 'Pear', 'Banana']);
    expect(groupHeadings(body, 'mw-pages')).toEqual(['A', 'C', 'P', 'Y']);
    // Up to six entries: the short list form.
    expect(body).toContain('<div lang="en" dir="ltr" class="mw-content-ltr"><div class="mw-category"><div class="mw-category-group"><h3>A</h3>\n<ul><li><a href="/wiki/Apple" title="Apple">Apple</a></li></ul></div>');
    // A redirect in a category is set apart.
    expect(body).toContain('<li><span class="redirect-in-category"><a href="/wiki/Pear" class="mw-redirect" title="Pear">Pear</a></span></li>');
    expect(body).not.toContain('previous page');
  });

  test('more than six entries are set in columns; entries sharing a letter share a group', async () => {
    for (const name of ['Ant', 'Bee', 'Bug', 'Cat', 'Dog', 'Eel', 'Emu']) await wiki.edit(name, '[[Category:Animals]]');
    const body = mainContent((await wiki.agent.get('/wiki/Category:Animals')).text);
    expect(body).toContain('<div class="mw-category mw-category-columns"><div class="mw-category-group"><h3>A</h3>');
    expect(body).toContain('<h3>B</h3>\n<ul><li><a href="/wiki/Bee" title="Bee">Bee</a></li>\n<li><a href="/wiki/Bug" title="Bug">Bug</a></li></ul></div>');
    expect(groupHeadings(body, 'mw-pages')).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  test('a missing category page with members lists them with status 200; one without members is a plain 404', async () => {
    // Animals has no page of its own.
    const res = await wiki.agent.get('/wiki/Category:Animals');
    expect(res.status).toBe(200);
    const body = mainContent(res.text);
    expect(body).toContain('There is currently no text in this page.');
    expect(body).toContain('The following 7 pages are in this category, out of 7 total.');

    const empty = await wiki.agent.get('/wiki/Category:Nothing_here');
    expect(empty.status).toBe(404);
    expect(mainContent(empty.text)).not.toContain('mw-category-generated');
  });

  test('an existing category page without members says so', async () => {
    await wiki.edit('Category:Empty shelf', 'Nothing yet.');
    const body = mainContent((await wiki.agent.get('/wiki/Category:Empty_shelf')).text);
    expect(body).toContain('<div class="mw-category-generated" lang="en" dir="ltr"><p><em>This category currently contains no pages or media.</em></p></div>');
  });

  test('the category box: "Categories:" linking Special:Categories, blue and red category links', async () => {
    await wiki.edit('Boxed page', 'Text [[Category:Fruit]] [[Category:No page yet]]');
    const box = catlinks((await wiki.agent.get('/wiki/Boxed_page')).text);
    expect(box).toBe(
      '<div id="catlinks" class="catlinks" data-mw="interface"><div id="mw-normal-catlinks" class="mw-normal-catlinks"><a href="/wiki/Special:Categories" title="Special:Categories">Categories</a>: <ul>' +
        '<li><a href="/wiki/Category:Fruit" title="Category:Fruit">Fruit</a></li>' +
        '<li><a href="/w/index.php?title=Category:No_page_yet&amp;action=edit&amp;redlink=1" class="new" title="Category:No page yet (page does not exist)">No page yet</a></li>' +
        '</ul></div></div>',
    );
    // One category: the singular label.
    expect(catlinks((await wiki.agent.get('/wiki/Apple')).text)).toContain('title="Special:Categories">Category</a>: <ul>');
  });

  test('hidden categories are left out of the box of ordinary pages and listed apart on category pages', async () => {
    await wiki.edit('Category:Needs review', 'Maintenance. __HIDDENCAT__');
    await wiki.edit('Reviewed page', '[[Category:Fruit]] [[Category:Needs review]]');
    const box = catlinks((await wiki.agent.get('/wiki/Reviewed_page')).text);
    expect(box).toContain('>Fruit</a>');
    expect(box).not.toContain('Needs review');
    expect(box).not.toContain('mw-hidden-catlinks');

    await wiki.edit('Category:Reviewed things', '[[Category:Fruit]] [[Category:Needs review]]');
    const categoryBox = catlinks((await wiki.agent.get('/wiki/Category:Reviewed_things')).text);
    expect(categoryBox).toContain(
      '<div id="mw-hidden-catlinks" class="mw-hidden-catlinks mw-hidden-cats-ns-shown">Hidden category: <ul><li><a href="/wiki/Category:Needs_review" title="Category:Needs review">Needs review</a></li></ul></div>',
    );

    // The hidden category itself is in the "Hidden categories" tracking category.
    const hiddenPage = await wiki.agent.get('/wiki/Category:Needs_review');
    expect(catlinks(hiddenPage.text)).toContain('>Hidden categories</a>');
    expect(members(mainContent(hiddenPage.text), 'mw-pages')).toEqual(['Reviewed page']);
    expect(members(mainContent(hiddenPage.text), 'mw-subcategories')).toEqual(['Reviewed things']);
  });

  test('category names and sort keys are escaped', async () => {
    await wiki.edit('Escaped member', '[[Category:Tom & "Jerry"]]');
    const box = catlinks((await wiki.agent.get('/wiki/Escaped_member')).text);
    expect(box).toContain('<a href="/w/index.php?title=Category:Tom_%26_%22Jerry%22&amp;action=edit&amp;redlink=1" class="new" title="Category:Tom &amp; &quot;Jerry&quot; (page does not exist)">Tom &amp; &quot;Jerry&quot;</a>');
    await wiki.edit('Sort escaped', '[[Category:Escapes|<script>]]');
    const body = mainContent((await wiki.agent.get('/wiki/Category:Escapes')).text);
    expect(body).toContain('<h3>&lt;</h3>');
    expect(body).not.toContain('<script');
  });

  describe('paging by 200', () => {
    const CATEGORY = 'Big_list';
    beforeAll(async () => {
      // 205 members, written straight into page and categorylinks: the listing reads only those.
      const now = toMwTimestamp();
      const pages = Array.from({ length: 205 }, (_v, i) => ({ page_namespace: 0, page_title: `Member_${String(i).padStart(3, '0')}`, page_touched: now, page_latest: 0, page_len: 0 }));
      for (let i = 0; i < pages.length; i += 50) await wiki.services.db('page').insert(pages.slice(i, i + 50));
      const rows: Array<{ page_id: number; page_title: string }> = [];
      for (let i = 0; i < pages.length; i += 100) {
        rows.push(...(await wiki.services.db('page').where('page_namespace', 0).whereIn('page_title', pages.slice(i, i + 100).map((p) => p.page_title)).select('page_id', 'page_title')));
      }
      const links = rows.map((r) => ({
        cl_from: r.page_id,
        cl_to: CATEGORY,
        cl_sortkey: categorySortKey(r.page_title.replace(/_/g, ' ')),
        cl_sortkey_prefix: '',
        cl_timestamp: now,
        cl_collation: 'uppercase',
        cl_type: 'page',
      }));
      for (let i = 0; i < links.length; i += 50) await wiki.services.db('categorylinks').insert(links.slice(i, i + 50));
      await wiki.services.db('category').insert({ cat_title: CATEGORY, cat_pages: 205, cat_subcats: 0, cat_files: 0 });
      await wiki.edit(`Category:${CATEGORY}`, 'Many members.');
    });

    test('the first 200, with a next-page link carrying pagefrom', async () => {
      const body = mainContent((await wiki.agent.get('/wiki/Category:Big_list')).text);
      const listed = members(body, 'mw-pages');
      expect(listed).toHaveLength(200);
      expect(listed[0]).toBe('Member 000');
      expect(listed[199]).toBe('Member 199');
      expect(body).toContain('<p>The following 200 pages are in this category, out of 205 total.</p>');
      expect(body).toContain('(previous page) (<a href="/w/index.php?title=Category:Big_list&amp;pagefrom=Member+200#mw-pages" title="Category:Big list">next page</a>)');
    });

    test('pagefrom shows the rest, with a previous-page link carrying pageuntil', async () => {
      const body = mainContent((await wiki.agent.get('/w/index.php?title=Category:Big_list&pagefrom=Member+200')).text);
      expect(members(body, 'mw-pages')).toEqual(['Member 200', 'Member 201', 'Member 202', 'Member 203', 'Member 204']);
      expect(body).toContain('<p>The following 5 pages are in this category, out of 205 total.</p>');
      expect(body).toContain('(<a href="/w/index.php?title=Category:Big_list&amp;pageuntil=Member+200#mw-pages" title="Category:Big list">previous page</a>) (next page)');
    });

    test('pageuntil goes backwards from a point and keeps alphabetical order', async () => {
      const body = mainContent((await wiki.agent.get('/w/index.php?title=Category:Big_list&pageuntil=Member+204')).text);
      const listed = members(body, 'mw-pages');
      expect(listed).toHaveLength(200);
      expect(listed[0]).toBe('Member 004');
      expect(listed[199]).toBe('Member 203');
      expect(body).toContain('pageuntil=Member+004#mw-pages');
      expect(body).toContain('pagefrom=Member+204#mw-pages');
    });

    test('the old from parameter applies to every section', async () => {
      const body = mainContent((await wiki.agent.get('/w/index.php?title=Category:Big_list&from=Member+203')).text);
      expect(members(body, 'mw-pages')).toEqual(['Member 203', 'Member 204']);
      expect(body).toContain('pageuntil=Member+203');
    });
  });

  test('subcategory and file sections page with subcatfrom and filefrom of their own', async () => {
    const body = mainContent((await wiki.agent.get('/w/index.php?title=Category:Fruit&subcatfrom=S&filefrom=A')).text);
    expect(members(body, 'mw-subcategories')).toEqual([]);
    expect(members(body, 'mw-category-media')).toEqual(['File:Fig.png']);
    // The media section offers to go back before "A", keeping the other section's position.
    expect(body).toContain('(<a href="/w/index.php?title=Category:Fruit&amp;subcatfrom=S&amp;fileuntil=A#mw-category-media" title="Category:Fruit">previous page</a>) (next page)');
    expect(members(body, 'mw-pages')[0]).toBe('Apple');
  });
});
