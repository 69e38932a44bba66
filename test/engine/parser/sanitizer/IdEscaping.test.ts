/**
 * Sanitizer::escapeIdForAttribute / escapeIdForLink / escapeIdReferenceList,
 * with MediaWiki's own examples (sanitizer.txt and SanitizerTest).
 */
import {
  escapeClass, escapeIdForAttribute, escapeIdForExternalInterwiki, escapeIdForLink, escapeIdReferenceList, ID_FALLBACK,
  ID_PRIMARY, normalizeSectionNameWhitespace,
} from '../../../../engine/parser/sanitizer/IdEscaping';

describe('escapeIdForAttribute', () => {
  test('html5 (the default): whitespace becomes underscores, everything else stays', () => {
    // sanitizer.txt "Escaping of spaces, multibyte characters, colons & other stuff in id"
    expect(escapeIdForAttribute('æ: v')).toBe('æ:_v');
    expect(escapeIdForAttribute('a space')).toBe('a_space');
    expect(escapeIdForAttribute('tab\there\nnl\rcr\fff')).toBe('tab_here_nl_cr_ff');
    expect(escapeIdForAttribute('%20 "quoted" <b>&amp;')).toBe('%20_"quoted"_<b>&amp;');
    expect(escapeIdForAttribute('')).toBe('');
  });

  test('legacy: PHP urlencode with %3A as a colon and other % as a dot', () => {
    // sanitizer.txt "… in id="" (legacy)"
    expect(escapeIdForAttribute('æ: v', ID_PRIMARY, ['legacy'])).toBe('.C3.A6:_v');
    expect(escapeIdForAttribute('a~b!c', ID_PRIMARY, ['legacy'])).toBe('a.7Eb.21c');
    expect(escapeIdForAttribute('Foo_Bar-1.2', ID_PRIMARY, ['legacy'])).toBe('Foo_Bar-1.2');
  });

  test('the fallback encoding: false unless configured', () => {
    expect(escapeIdForAttribute('æ: v', ID_FALLBACK)).toBe(false);
    expect(escapeIdForAttribute('æ: v', ID_FALLBACK, ['html5', 'legacy'])).toBe('.C3.A6:_v');
  });

  test('ids are cut at 1024 characters (code points)', () => {
    expect(escapeIdForAttribute('x'.repeat(2000))).toBe('x'.repeat(1024));
    expect(Array.from(escapeIdForAttribute('😀'.repeat(1100)) as string)).toHaveLength(1024);
  });
});

describe('escapeIdForLink', () => {
  test('html5: like an id, with %XX kept literal (T238385)', () => {
    expect(escapeIdForLink('æ: v')).toBe('æ:_v');
    expect(escapeIdForLink('100%25 a')).toBe('100%2525_a');
    expect(escapeIdForLink('50%')).toBe('50%');
  });

  test('legacy', () => {
    expect(escapeIdForLink('æ: v', ['legacy'])).toBe('.C3.A6:_v');
  });
});

test('escapeIdForExternalInterwiki uses the legacy mode by default', () => {
  expect(escapeIdForExternalInterwiki('æ: v')).toBe('.C3.A6:_v');
  expect(escapeIdForExternalInterwiki('æ: v', 'html5')).toBe('æ:_v');
});

describe('escapeIdReferenceList', () => {
  test('each id escaped, joined by one space', () => {
    expect(escapeIdReferenceList('  id1   id2\tid3 ')).toBe('id1 id2 id3');
    expect(escapeIdReferenceList('æ:v x', ['legacy'])).toBe('.C3.A6:v x');
    expect(escapeIdReferenceList('')).toBe('');
  });
});

test('escapeClass', () => {
  expect(escapeClass('foo bar')).toBe('foo_bar');
  expect(escapeClass('1abc')).toBe('_abc');
  expect(escapeClass('a!!b__')).toBe('a_b');
  expect(escapeClass('-x\u00A0y')).toBe('_x_y');
});

test('normalizeSectionNameWhitespace', () => {
  expect(normalizeSectionNameWhitespace('  a__b  _ c ')).toBe('a b c');
});
