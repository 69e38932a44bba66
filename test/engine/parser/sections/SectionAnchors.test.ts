/** Heading ids in each $wgFragmentMode ("HTML5 ids: …" tests of headings.txt). */
import { AnchorAllocator, normalizeSectionName, sectionIdFromText } from '../../../../engine/parser/sections/SectionAnchors';

const HEADINGS = ['Foo bar', 'foo Bar', 'Тест', 'Тест', 'тест', 'Hey < # " > % : \''];

describe('AnchorAllocator', () => {
  it('html5: ids as written, unique ignoring ASCII case ("HTML5 ids: no legacy")', () => {
    const anchors = new AnchorAllocator(['html5']);
    expect(HEADINGS.map((h) => anchors.allocate(sectionIdFromText(h)))).toEqual([
      { anchor: 'Foo_bar', fallbackAnchor: false, linkAnchor: 'Foo_bar' },
      { anchor: 'foo_Bar_2', fallbackAnchor: false, linkAnchor: 'foo_Bar_2' },
      { anchor: 'Тест', fallbackAnchor: false, linkAnchor: 'Тест' },
      { anchor: 'Тест_2', fallbackAnchor: false, linkAnchor: 'Тест_2' },
      { anchor: 'тест', fallbackAnchor: false, linkAnchor: 'тест' },
      { anchor: 'Hey_<_#_"_>_%_:_\'', fallbackAnchor: false, linkAnchor: 'Hey_<_#_"_>_%_:_\'' },
    ]);
  });

  it('html5 with a legacy fallback ("HTML5 ids: fallback to legacy")', () => {
    const anchors = new AnchorAllocator(['html5', 'legacy']);
    const result = HEADINGS.map((h) => anchors.allocate(sectionIdFromText(h)));
    expect(result.map((r) => r.fallbackAnchor)).toEqual([false, false, '.D0.A2.D0.B5.D1.81.D1.82', '.D0.A2.D0.B5.D1.81.D1.82_2', '.D1.82.D0.B5.D1.81.D1.82', 'Hey_.3C_.23_.22_.3E_.25_:_.27']);
    expect(result[1].anchor).toBe('foo_Bar_2');
  });

  it('legacy with an html5 fallback ("HTML5 ids: legacy with a fallback to modern")', () => {
    const anchors = new AnchorAllocator(['legacy', 'html5']);
    const result = HEADINGS.map((h) => anchors.allocate(sectionIdFromText(h)));
    expect(result.map((r) => r.anchor)).toEqual(['Foo_bar', 'foo_Bar_2', '.D0.A2.D0.B5.D1.81.D1.82', '.D0.A2.D0.B5.D1.81.D1.82_2', '.D1.82.D0.B5.D1.81.D1.82', 'Hey_.3C_.23_.22_.3E_.25_:_.27']);
    expect(result.map((r) => r.fallbackAnchor)).toEqual([false, false, 'Тест', 'Тест_2', 'тест', 'Hey_<_#_"_>_%_:_\'']);
  });

  it('escapes percent signs in link anchors only', () => {
    expect(new AnchorAllocator(['html5']).allocate('100%25')).toEqual({ anchor: '100%25', fallbackAnchor: false, linkAnchor: '100%2525' });
  });
});

describe('sectionIdFromText', () => {
  it('normalises spaces as a link fragment would (T90902, T235684)', () => {
    expect(sectionIdFromText('Foo\u00a0bar')).toBe('Foo bar');
    expect(sectionIdFromText('\u00a0 A \u00a0 B \u00a0')).toBe(' A B');
    expect(sectionIdFromText('a__b  c')).toBe('a b c');
    expect(normalizeSectionName('left\u200eto\u200fright')).toBe('lefttoright');
  });
});
