import { sectionOutputFlags } from '../../../../engine/parser/sections/OutputFlags';
import { removeTableOfContents, tableOfContentsHtml } from '../../../../engine/parser/sections/TableOfContents';

const sections = (n: number) => Array.from({ length: n }, () => ({ tocLevel: 1 }));

describe('sectionOutputFlags', () => {
  const flags = (properties: Record<string, string>, count: number, extra: { canUseNoindex?: boolean; suppressToc?: boolean; maxTocLevel?: number } = {}) =>
    sectionOutputFlags({ properties, sections: sections(count), canUseNoindex: extra.canUseNoindex ?? false, suppressToc: extra.suppressToc, maxTocLevel: extra.maxTocLevel });

  it('sets show-toc for four headings, __TOC__ or __FORCETOC__, and never without headings', () => {
    expect(flags({}, 3)).toEqual([]);
    expect(flags({}, 4)).toEqual(['show-toc']);
    expect(flags({ toc: '' }, 1)).toEqual(['show-toc']);
    expect(flags({ forcetoc: '' }, 1)).toEqual(['show-toc']);
    expect(flags({ forcetoc: '' }, 0)).toEqual([]);
    expect(flags({ toc: '' }, 0)).toEqual([]);
  });

  it('sets no-toc for __NOTOC__ on a page with headings, unless __TOC__ brings the TOC back', () => {
    expect(flags({ notoc: '' }, 4)).toEqual(['no-toc']);
    expect(flags({ notoc: '' }, 1)).toEqual(['no-toc']);
    expect(flags({ notoc: '' }, 0)).toEqual([]);
    expect(flags({ notoc: '', toc: '' }, 1)).toEqual(['show-toc']);
  });

  it('sets no TOC flags when the TOC is suppressed, nor show-toc when no heading is listed', () => {
    expect(flags({ notoc: '' }, 4, { suppressToc: true })).toEqual([]);
    expect(flags({}, 4, { maxTocLevel: 1 })).toEqual([]);
  });

  it('maps the other behaviour switches, sorted', () => {
    expect(flags({ newsectionlink: '', nonewsectionlink: '' }, 0)).toEqual(['mw-HideNewSection', 'mw-NewSection']);
    expect(flags({ nogallery: '' }, 0)).toEqual(['mw-NoGallery']);
    expect(flags({ noeditsection: '' }, 2)).toEqual([]);
  });

  it('sets the index policy only where the namespace lets pages choose', () => {
    expect(flags({ index: '', noindex: '' }, 0)).toEqual([]);
    expect(flags({ index: '', noindex: '' }, 0, { canUseNoindex: true })).toEqual(['mw-IndexPolicy', 'mw-NoIndexPolicy']);
  });
});

describe('removeTableOfContents', () => {
  it('drops the TOC box and its line break, and nothing else', () => {
    const toc = tableOfContentsHtml(
      [
        { level: 2, tocLevel: 1, line: 'a', number: '1', index: '1', anchor: 'a', linkAnchor: 'a', fromTitle: 'X', codepointOffset: 0 },
        { level: 3, tocLevel: 2, line: 'b', number: '1.1', index: '2', anchor: 'b', linkAnchor: 'b', fromTitle: 'X', codepointOffset: 6 },
      ],
      { title: 'Contents', language: 'en' },
      999,
    );
    expect(removeTableOfContents(`<p>Lead</p>\n${toc}\n<h2 id="a">a</h2>`)).toBe('<p>Lead</p>\n<h2 id="a">a</h2>');
    expect(removeTableOfContents('<div id="x">y</div>')).toBe('<div id="x">y</div>');
  });
});
