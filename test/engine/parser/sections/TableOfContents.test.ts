/** TOC numbering and markup (TOCData::processHeading, HandleTOCMarkers::generateTOC). */
import type { SectionMetadata } from '../../../../engine/parser/sections/SectionState';
import { tableOfContentsHtml, TocNumbering } from '../../../../engine/parser/sections/TableOfContents';
import { TOC_START } from './sectionTestWiki';

function numbered(levels: number[]): { tocLevel: number; number: string }[] {
  const numbering = new TocNumbering();
  return levels.map((level) => numbering.next(level));
}

function sections(headings: [number, string][]): SectionMetadata[] {
  const numbering = new TocNumbering();
  return headings.map(([level, text], i) => ({
    level,
    ...numbering.next(level),
    line: text,
    index: String(i + 1),
    anchor: text.replace(/ /g, '_'),
    linkAnchor: text.replace(/ /g, '_'),
    fromTitle: 'Parser test',
    codepointOffset: null,
  }));
}

describe('TocNumbering', () => {
  it('nests by level, skipped levels taking one step ("Section headings with TOC")', () => {
    expect(numbered([2, 3, 5, 6, 2, 3])).toEqual([
      { tocLevel: 1, number: '1' },
      { tocLevel: 2, number: '1.1' },
      { tocLevel: 3, number: '1.1.1' },
      { tocLevel: 4, number: '1.1.1.1' },
      { tocLevel: 1, number: '2' },
      { tocLevel: 2, number: '2.1' },
    ]);
  });

  it('goes back to the last heading of the same level or just below a lower one ("Out-of-order TOC heading levels")', () => {
    expect(numbered([2, 6, 3, 1, 5, 2]).map((n) => n.number)).toEqual(['1', '1.1', '1.2', '2', '2.1', '2.2']);
  });
});

describe('tableOfContentsHtml', () => {
  const labels = { title: 'Contents', language: 'en' };

  it('leaves out levels from $wgMaxTocLevel down ("TOC with wgMaxTocLevel=3 and two level four headings (T8204)")', () => {
    const html = tableOfContentsHtml(sections([[2, 'Section 1'], [3, 'Section 1.1'], [4, 'Section 1.1.1'], [4, 'Section 1.1.1.1'], [2, 'Section 2']]), labels, 3);
    expect(html).toBe(
      [
        TOC_START,
        '<ul>',
        '<li class="toclevel-1 tocsection-1"><a href="#Section_1"><span class="tocnumber">1</span> <span class="toctext">Section 1</span></a>',
        '<ul>',
        '<li class="toclevel-2 tocsection-2"><a href="#Section_1.1"><span class="tocnumber">1.1</span> <span class="toctext">Section 1.1</span></a></li>',
        '</ul>',
        '</li>',
        '<li class="toclevel-1 tocsection-5"><a href="#Section_2"><span class="tocnumber">2</span> <span class="toctext">Section 2</span></a></li>',
        '</ul>',
        '</div>',
        '',
      ].join('\n'),
    );
  });

  it('is empty when no heading is shallow enough to list', () => {
    expect(tableOfContentsHtml(sections([[2, 'A']]), labels, 1)).toBe('');
    expect(tableOfContentsHtml([], labels, 999)).toBe('');
  });

  it('marks the title with the language and its direction', () => {
    const html = tableOfContentsHtml(sections([[2, 'A']]), { title: 'תוכן עניינים', language: 'he' }, 999);
    expect(html).toContain('<div class="toctitle" lang="he" dir="rtl"><h2 id="mw-toc-heading">תוכן עניינים</h2>');
  });

  it('escapes link anchors as attribute values', () => {
    const [section] = sections([[2, 'x']]);
    const html = tableOfContentsHtml([{ ...section, linkAnchor: 'Hey_<_#_"_>_\'' }], labels, 999);
    expect(html).toContain('<a href="#Hey_&lt;_#_&quot;_&gt;_&#39;">');
  });
});
