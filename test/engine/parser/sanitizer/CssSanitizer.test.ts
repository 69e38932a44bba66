/**
 * Sanitizer::checkCss / normalizeCss, with the cases of MediaWiki's
 * sanitizer.txt parser tests (the style values and the expected results).
 */
import { checkCss, CSS_INSECURE_INPUT, CSS_INVALID_CONTROL_CHAR, isCssAcceptable, normalizeCss } from '../../../../engine/parser/sanitizer/CssSanitizer';

describe('checkCss: MediaWiki parser test cases (sanitizer.txt)', () => {
  test.each([
    ['dangerous style template (T4304)', 'border-size: expression(alert(document.cookie))', CSS_INSECURE_INPUT],
    ['safe parameter (T4304)', 'float: right; width: 200px', 'float: right; width: 200px'],
    ['unsafe parameter (T4304)', 'float: right; width: expression(alert(document.cookie))', CSS_INSECURE_INPUT],
    ['extension; safe (T5244)', 'background:blue', 'background:blue'],
    ['extension; unsafe (T5244)', 'border-left:expression(alert(document.cookie))', CSS_INSECURE_INPUT],
    ['MSIE: spurious slash', "background-image:u\\rl(javascript:alert('boo'))", CSS_INSECURE_INPUT],
    ['MSIE: hex code', "background-image:u\\72l(javascript:alert('boo'))", CSS_INSECURE_INPUT],
    ['MSIE: comment in url', "background-image:u/**/rl(javascript:alert('boo'))", "background-image:u rl(javascript:alert('boo'))"],
    ['MSIE: comment in expression', "background-image:expres/**/sion(alert('boo4'))", "background-image:expres sion(alert('boo4'))"],
    ['vertical tab (T57332 / CVE-2013-4567)', 'font-size: 100px; background-image:url\\b(https://www.google.com/images/srpr/logo6w.png)', CSS_INVALID_CONTROL_CHAR],
    ['Opera -o-link', '-o-link:attr(title);-o-link-source:current', CSS_INSECURE_INPUT],
    ['table attribute safety', 'border-width:expression(0+alert(document.cookie))', CSS_INSECURE_INPUT],
    ['line continuation 1', 'background-image: u\\&#10;rl(test.jpg);', CSS_INSECURE_INPUT],
    ['line continuation 2', 'background-image: u\\&#13;rl(test.jpg); ', CSS_INVALID_CONTROL_CHAR],
    ['strip comments', 'margin:/*negate mbox-text padding */-0.125em -0.45em; /*rainbow*/rgba(255, 0, 0, 0.3)', 'margin: -0.125em -0.45em;  rgba(255, 0, 0, 0.3)'],
  ])('%s', (_name, input, expected) => {
    expect(checkCss(input)).toBe(expected);
  });
});

describe('checkCss', () => {
  test('the escape in the task: background:\\75rl(javascript:alert(1))', () => {
    expect(checkCss('background:\\75rl(javascript:alert(1))')).toBe(CSS_INSECURE_INPUT);
  });

  test.each([
    ['six-digit escape with its trailing space', 'background:\\000075 rl(x)'],
    ['escape of a letter', 'background:\\u\\r\\l(x)'],
    ['upper case', 'BACKGROUND:URL(x)'],
    ['whitespace before the parenthesis', 'background:url  (x)'],
    ['image()', 'background:image("x.png")'],
    ['image-set()', "background:image-set('x.png' 1x)"],
    ['src()', 'background:src(x)'],
    ['accelerator', 'accelerator : true'],
    ['-o-replace', '-o-replace: x'],
    ['attr() with url', 'content: attr(title url)'],
    ['expression anywhere', 'width: EXPRESSION(1)'],
    ['decimal reference', 'background:&#117;rl(x)'],
    ['hex reference', 'background:&#x75;rl(x)'],
    ['reference without semicolon (a browser decodes it)', 'background:&#117rl(x)'],
    ['named parenthesis reference', 'background:url&lpar;x)'],
    ['named backslash reference', 'background:u&bsol;72l(x)'],
    ['full-width letters', 'background:ｕｒｌ(x)'],
    ['IPA look-alikes', 'background:uʀl(x)'],
    ['IPA look-alike i', 'background:ɪmage(x)'],
    ['superscript parenthesis', 'background:url⁽x)'],
  ])('rejects %s', (_name, input) => {
    expect(checkCss(input)).toBe(CSS_INSECURE_INPUT);
  });

  test.each([
    ['NUL escape', 'color:\\0 red'],
    ['control character reference', 'color:&#1;red'],
    ['invalid reference', 'color:&#xD800;red'],
    ['escape beyond Unicode', 'color:\\110000 red'],
    ['DEL', 'color:red\x7F'],
  ])('rejects a control character: %s', (_name, input) => {
    expect(checkCss(input)).toBe(CSS_INVALID_CONTROL_CHAR);
  });

  test.each([
    'color: red; background-color: #fff',
    'font-family: "ＭＳ ゴシック", sans-serif',
    'width: calc(100% - 2em)',
    'filter: blur(2px)',
    'content: attr(title)',
    'background: linear-gradient(to right, red, blue)',
    '',
  ])('keeps %p unchanged', (input) => {
    expect(checkCss(input)).toBe(input);
    expect(isCssAcceptable(input)).toBe(true);
  });

  test('a value that is one comment passes as it is', () => {
    expect(checkCss('/* insecure input */')).toBe('/* insecure input */');
    expect(checkCss('  /* note */ ')).toBe('  /* note */ ');
  });

  test('an unterminated comment cuts the value', () => {
    expect(checkCss('color:red; /* background:url(x)')).toBe('color:red; ');
    expect(checkCss('color:red /*/ x')).toBe('color:red ');
  });
});

describe('normalizeCss', () => {
  test('decodes escapes, and writes back the string-breaking characters as clean escapes', () => {
    expect(normalizeCss('\\41 \\62')).toBe('Ab');
    expect(normalizeCss('content:"\\"\\\'\\\\"')).toBe('content:"\\22 \\27 \\5c "');
    expect(normalizeCss('content:"\\A"')).toBe('content:"\\a "');
    expect(normalizeCss('a\\\nb')).toBe('ab');
    expect(normalizeCss('end\\')).toBe('end\\5c ');
  });

  test('decodes character references first', () => {
    expect(normalizeCss('color:&#114;ed&amp;')).toBe('color:red&');
    expect(normalizeCss('a&eacute;b')).toBe('a&eacute;b');
  });
});
