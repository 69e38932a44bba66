/**
 * The edit links of a rendered page and section editing number sections
 * alike: following `section=N` of any edit link and cutting that section out
 * with SectionEditor gives the heading the link was next to.
 */
import { getSection, getSectionHeading } from '../../../../engine/edit/SectionEditor';
import { removeSectionEditLinks } from '../../../../engine/parser/sections/EditSectionLink';
import { createSectionTestWiki, SectionTestWiki } from './sectionTestWiki';

let t: SectionTestWiki;

beforeAll(async () => {
  t = await createSectionTestWiki({
    'Template:Two': '== From template ==\nx\n<noinclude>\n== Template doc ==\n</noinclude>\n== Also from template ==',
    'Template:Same': '== Same ==',
    'Template:Wrap': '<div>{{{1}}}</div>',
  });
});

afterAll(async () => {
  await t.close();
});

/** Each edit link of the HTML as [page, section, tooltip heading]. */
function editLinks(html: string): [string, string, string][] {
  return [...html.matchAll(/<a href="\/index\.php\?title=([^&]+)&amp;action=edit&amp;section=([^"]+)" title="Edit section: ([^"]*)">/g)].map((m) => [m[1], m[2], m[3]]);
}

describe('edit links and section editing agree', () => {
  const page = [
    // A template's heading is a heading only at the start of a line, as in MediaWiki.
    'Intro',
    '{{Two}}',
    '== One ==',
    '<nowiki>',
    '== Not a heading (nowiki) ==',
    '</nowiki>',
    '<pre>',
    '== Not a heading (pre) ==',
    '</pre>',
    '<!--',
    '== Not a heading (comment) ==',
    '-->',
    '=== Two === <!-- trailing comment -->',
    '{{Two}}',
    '{{Wrap|1=',
    '== In an argument ==',
    '}}',
    '<includeonly>',
    '== Only when transcluded ==',
    '</includeonly>',
    '== Three ==',
    '{{Same}}',
    '== Same ==',
    '==== Four ====',
  ].join('\n');

  it('numbers the page\'s own headings as section editing does', async () => {
    const { html } = await t.render(page, 'Numbering');
    const links = editLinks(html);
    expect(links).toEqual([
      ['Template:Two', 'T-1', 'From template'],
      ['Template:Two', 'T-2', 'Also from template'],
      ['Numbering', '1', 'One'],
      ['Numbering', '2', 'Two'],
      ['Template:Two', 'T-1', 'From template'],
      ['Template:Two', 'T-2', 'Also from template'],
      ['Numbering', '4', 'Three'],
      ['Template:Same', 'T-1', 'Same'],
      ['Numbering', '5', 'Same'],
      ['Numbering', '6', 'Four'],
    ]);
    for (const [title, section, heading] of links) {
      if (title !== 'Numbering') continue;
      expect(getSectionHeading(page, Number(section))).toBe(heading);
    }
    // The heading inside the template argument took number 3, as in MediaWiki, but is no section: no link, nothing to edit.
    expect(getSectionHeading(page, 3)).toBeNull();
    // The (trimmed) named argument lands after "<div>", not at a line start, so it renders as text.
    expect(html).toContain('<div>== In an argument ==</div>');
  });

  it('numbers a template\'s headings as section editing does with T-N', async () => {
    const template = '== From template ==\nx\n<noinclude>\n== Template doc ==\n</noinclude>\n== Also from template ==';
    // Read for inclusion, the <noinclude> heading does not exist; on the template page it is the second section.
    expect(getSectionHeading(template, 'T-1')).toBe('From template');
    expect(getSectionHeading(template, 'T-2')).toBe('Also from template');
    expect(getSectionHeading(template, 2)).toBe('Template doc');
    expect(getSectionHeading(template, 3)).toBe('Also from template');
  });
});

describe('removeSectionEditLinks', () => {
  it('leaves the headings without their edit links', async () => {
    const { html } = await t.render('== A ==\n{{Same}}');
    expect(removeSectionEditLinks(html)).toBe('<div class="mw-heading mw-heading2"><h2 id="A">A</h2></div>\n<div class="mw-heading mw-heading2"><h2 id="Same">Same</h2></div>');
  });
});

describe('T-N sections of a transcluded page', () => {
  const text = 'lead\n<noinclude>\n== Doc ==\n</noinclude>\n== A ==\na\n<includeonly>\n== B ==\nb\n</includeonly>';

  it('are cut out of the text read for inclusion', () => {
    expect(getSection(text, 'T-1')).toBe('== A ==\na\n<includeonly>');
    expect(getSection(text, 'T-2')).toBe('== B ==\nb\n</includeonly>');
    expect(getSection(text, 'T-0')).toBe('lead\n<noinclude>\n== Doc ==\n</noinclude>');
    expect(getSection(text, 'T-3')).toBeNull();
    expect(getSection(text, '1')).toBe('== Doc ==\n</noinclude>');
  });

  it('with <onlyinclude>, count only what it encloses', () => {
    const only = '== Outside ==\n<onlyinclude>\n== Inside ==\n</onlyinclude>\n== After ==\n<onlyinclude>\n== Again ==\n</onlyinclude>';
    expect(getSectionHeading(only, 'T-1')).toBe('Inside');
    expect(getSectionHeading(only, 'T-2')).toBe('Again');
    expect(getSectionHeading(only, 'T-3')).toBeNull();
    expect(getSectionHeading(only, 3)).toBe('After');
    // Right after the tag is not the start of a line, as in the preprocessor.
    expect(getSectionHeading('x\n<onlyinclude>== Not ==</onlyinclude>', 'T-1')).toBeNull();
  });

  it('reject malformed section ids', () => {
    expect(getSection(text, 'T-x')).toBeNull();
    expect(getSection(text, 'X-1')).toBeNull();
    expect(getSection(text, -1)).toBeNull();
  });
});
