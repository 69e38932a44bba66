/**
 * formatnum, plural, padleft/padright, lc/uc/lcfirst/ucfirst, grammar,
 * gender and the NUMBEROF* / PAGESINCATEGORY counters, end to end through
 * the renderer. Expected outputs are MediaWiki's (parserTests.txt,
 * magicWords.txt) or follow its Language class.
 */
import { createHarness, Harness, paragraph } from './coreFunctionsHarness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ grammarForms: { en: { genitive: { Wikipedia: "Wikipedia's" } } } });
});
afterAll(async () => h.close());

const lines = (html: string): string[] => paragraph(html).split('\n');

describe('formatnum', () => {
  test('groups digits and keeps the written decimals', async () => {
    expect(lines(await h.html('{{formatnum:1234567.891}}\n{{formatnum:1.50}}\n{{formatnum:007}}\n{{formatnum:-1234}}\n{{formatnum:.5}}'))).toEqual([
      '1,234,567.891',
      '1.50',
      '007',
      '\u22121,234', // U+2212 MINUS SIGN (T10327)
      '.5',
    ]);
  });

  test('R reads a formatted number back; NOSEP leaves the separators out', async () => {
    expect(lines(await h.html('{{formatnum:1,234,567.891|R}}\n{{formatnum:1234567.891|NOSEP}}\n{{formatnum:abc|R}}'))).toEqual(['1234567.891', '1234567.891', 'abc']);
  });

  test('strip markers are skipped (parserTests: Strip marker in formatNum)', async () => {
    expect(lines(await h.html('{{formatnum:1<nowiki/>2}}\n{{formatnum:1<nowiki/>2|R}}'))).toEqual(['12', '12']);
  });

  test('an unknown option is ignored (T58199)', async () => {
    const text = "{{formatnum:1,234.56|Random}}\n{{formatnum:1,234.56|EVERYTHING}}\n{{formatnum:1234.56|any argument that has the string 'NOSEP'}}";
    expect(lines(await h.html(text))).toEqual(['1,234.56', '1,234.56', '1,234.56']);
  });

  test('numbers pass through a float unless LOSSLESS (parserTests: Check lossless in formatNum)', async () => {
    expect(lines(await h.html('{{formatnum:9999999999999999}}\n{{formatnum:9999999999999999|LOSSLESS}}'))).toEqual(['10,000,000,000,000,000', '9999999999999999']);
    expect(lines(await h.html('{{formatnum:999999999999999|NOSEP|LOSSLESS}}\n{{formatnum:9999999999999999|NOSEP|LOSSLESS}}'))).toEqual(['999999999999999', '9999999999999999']);
  });

  test('numbers inside text are formatted one by one', async () => {
    expect(paragraph(await h.html('{{formatnum:about 1234 or 5678.5 people}}'))).toBe('about 1,234 or 5,678.5 people');
  });

  test('the page language decides the separators (MediaWiki:…/de is in German)', async () => {
    expect(lines(await h.html('{{formatnum:1234567.5}}\n{{formatnum:1.234.567,5|R}}\n{{formatnum:1234567.5|NOSEP}}', 'MediaWiki:Test/de'))).toEqual(['1.234.567,5', '1234567.5', '1234567.5']);
  });
});

describe('plural', () => {
  test('English: one and other, explicit forms first', async () => {
    expect(paragraph(await h.html('{{PLURAL:1|is|are}} {{plural:2|is|are}} {{PLURAL:0|is|are}} {{PLURAL:1.0|is|are}} {{PLURAL:1,000|one|many}} {{PLURAL:0|0=none|one|many}} {{PLURAL:3|one}}'))).toBe(
      'is are are is many none one',
    );
  });

  test('the page language’s CLDR rules apply (Russian: one, few, many)', async () => {
    expect(paragraph(await h.html('{{PLURAL:1|файл|файла|файлов}} {{PLURAL:3|файл|файла|файлов}} {{PLURAL:5|файл|файла|файлов}} {{PLURAL:21|файл|файла|файлов}}', 'MediaWiki:Test/ru'))).toBe(
      'файл файла файлов файл',
    );
  });
});

describe('padleft and padright', () => {
  test('pad to the length, cut the padding to fit', async () => {
    expect(lines(await h.html('{{padleft:7|3}}\n{{padleft:7|3|ab}}\n{{padright:7|4|ab}}\n{{padleft:12345|3}}\n{{padleft:x|5|}}'))).toEqual(['007', 'ab7', '7aba', '12345', 'x']);
  });

  test('multibyte characters count as one (parserTests)', async () => {
    expect(lines(await h.html('{{padleft:-Hello|7|Æ}}\n{{padright:-Hello|7|Æ}}'))).toEqual(['Æ-Hello', '-HelloÆ']);
  });

  test('a non-numeric length pads nothing; the length is at most 500', async () => {
    expect(lines(await h.html('{{padleft:|3|abcde}}\n{{padright:|3|abcde}}\n{{padleft:x|abc|y}}'))).toEqual(['abc', 'abc', 'x']);
    expect(paragraph(await h.html('{{padleft:|1000|x}}')).length).toBe(500);
  });

  test('strip markers are removed from the padding', async () => {
    expect(paragraph(await h.html('{{padleft:|2|x<nowiki/>y}}'))).toBe('xy');
  });
});

describe('case functions', () => {
  test('lc, uc, lcfirst, ucfirst', async () => {
    expect(paragraph(await h.html('{{lc:ÀBC DÉF}} {{uc:àbc déf}} {{lcfirst:ABC}} {{ucfirst:abc}} {{ucfirst:ß}} {{LC:X}}'))).toBe('àbc déf ÀBC DÉF aBC Abc SS x');
  });

  test('strip markers are kept, their content untouched', async () => {
    expect(paragraph(await h.html('{{lc:x<nowiki/>Y}} {{uc:x<nowiki/>y}} {{lc:<nowiki>ABC</nowiki>DEF}}'))).toBe('xy XY ABCdef');
  });
});

describe('grammar and gender', () => {
  test('grammar: English has no forms; $wgGrammarForms can add some', async () => {
    expect(paragraph(await h.html('{{GRAMMAR:genitive|Foo}} {{grammar:genitive|Wikipedia}} {{GRAMMAR:x|a<nowiki/>b}}'))).toBe("Foo Wikipedia's ab");
  });

  test('gender: the user’s preference, else the neutral form, else the first', async () => {
    h.data.genders.set('Alice', 'female');
    h.data.genders.set('Bob', 'male');
    expect(paragraph(await h.html('{{GENDER:Alice|he|she|they}} {{GENDER:User:Bob|he|she|they}} {{GENDER:Carol|he|she|they}} {{GENDER:Carol|he|she}} {{GENDER:Alice|he}} {{GENDER:Alice}}.'))).toBe(
      'she he they he he .',
    );
  });
});

describe('site and category counters', () => {
  beforeEach(() => {
    h.data.statistics = { pages: 12345, articles: 1001, files: 10, edits: 987654, users: 4321, activeUsers: 42, admins: 3 };
  });

  test('NUMBEROF* are formatted, or raw with R', async () => {
    const words = ['NUMBEROFPAGES', 'NUMBEROFARTICLES', 'NUMBEROFFILES', 'NUMBEROFEDITS', 'NUMBEROFUSERS', 'NUMBEROFACTIVEUSERS', 'NUMBEROFADMINS'];
    expect(paragraph(await h.html(words.map((w) => `{{${w}}}`).join(' ')))).toBe('12,345 1,001 10 987,654 4,321 42 3');
    expect(paragraph(await h.html(words.map((w) => `{{${w}:R}}`).join(' ')))).toBe('12345 1001 10 987654 4321 42 3');
  });

  test('R is case-sensitive', async () => {
    expect(paragraph(await h.html('{{NUMBEROFEDITS:r}}'))).toBe('987,654');
  });

  test('NUMBERINGROUP counts a group’s members', async () => {
    h.data.groups.set('bureaucrat', 1234);
    expect(paragraph(await h.html('{{NUMBERINGROUP:bureaucrat}} {{NUMINGROUP:Bureaucrat|R}} {{NUMBERINGROUP:nobody}}'))).toBe('1,234 1234 0');
  });

  test('PAGESINCATEGORY: all members, or pages, subcats or files, with R before or after', async () => {
    h.data.categories.set('Big', { members: 2500, subcats: 20, files: 480 });
    const text = '{{PAGESINCATEGORY:Big}} {{PAGESINCATEGORY:Big|pages}} {{PAGESINCAT:Big|subcats}} {{PAGESINCATEGORY:Big|files}} {{PAGESINCATEGORY:Big|R}} {{PAGESINCATEGORY:Big|pages|R}} {{PAGESINCATEGORY:Big|R|files}} {{PAGESINCATEGORY:Empty}} {{PAGESINCATEGORY:<bad>}}';
    expect(paragraph(await h.html(text))).toBe('2,500 2,000 20 480 2500 2000 480 0 0');
  });
});
