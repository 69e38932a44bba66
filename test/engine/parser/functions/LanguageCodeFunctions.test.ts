/**
 * #dir, #bcp47, #contentmodel, #special with MediaWiki's core page names and
 * Finnish {{GRAMMAR:}}; expected outputs are MediaWiki's (parserTests.txt).
 */
import { bcp47, bcp47ToInternal } from '../../../../engine/parser/functions/LanguageFunctions';
import { finnishGrammar } from '../../../../engine/parser/functions/TextFunctions';
import { createHarness, Harness, paragraph } from './coreFunctionsHarness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());

describe('#bcp47', () => {
  test('LanguageCode::bcp47 mappings', () => {
    expect(['sr-ec', 'zh-yue', 'de-formal', 'simple', 'eml', 'egl', 'als', 'fiu-vro', 'zh-classical', 'roa-rup', 'nrm', 'roa-tara', 'be-x-old', 'en'].map(bcp47)).toEqual([
      'sr-Cyrl', 'yue', 'de-x-formal', 'en-simple', 'egl', 'egl', 'gsw', 'vro', 'lzh', 'rup', 'nrf', 'nap-x-tara', 'be-tarask', 'en',
    ]);
    expect(bcp47ToInternal('sr-Cyrl')).toBe('sr-ec');
  });

  test('the argument trimmed; without one, the page language', async () => {
    expect(paragraph(await h.html('{{#bcp47: de-formal}}'))).toBe('de-x-formal');
    expect(paragraph(await h.html('{{#bcp47}}/{{#bcp47:}}'))).toBe('en/en');
  });
});

describe('#dir', () => {
  test('direction of the code, or of the page language', async () => {
    expect(paragraph(await h.html('{{#dir:he}} {{#dir:en}} {{#dir}} {{#dir:}}'))).toBe('rtl ltr ltr ltr');
    expect(paragraph(await h.html('{{#dir:he-Hebr|bcp47}}'))).toBe('rtl');
  });

  test('an invalid code is ltr and puts the page in a tracking category', async () => {
    const output = await h.render('{{#dir:blah<blah}}');
    expect(paragraph(output.html)).toBe('ltr');
    expect(output.categories.map((c) => c.name)).toContain('Pages_with_invalid_language_codes');
  });
});

describe('#contentmodel', () => {
  test('localised by default, canonical on request, of another title as second argument', async () => {
    expect(paragraph(await h.html('{{#contentmodel}} {{#contentmodel:local}} {{#contentmodel:canonical}}'))).toBe('wikitext wikitext wikitext');
    expect(paragraph(await h.html('{{#contentmodel}}', 'MediaWiki:Common.css'))).toBe('CSS');
    expect(paragraph(await h.html('{{#contentmodel: canonical}}', 'MediaWiki:Common.css'))).toBe('css');
    expect(paragraph(await h.html('{{#contentmodel: canonical | MediaWiki:Common.js}}'))).toBe('javascript');
  });
});

describe('#special', () => {
  test("MediaWiki's core special pages by their aliases, unknown names as written", async () => {
    expect(paragraph(await h.html('{{#special:RandomPage}} {{#special:BaDtItLe}} {{#special:Foobar}}'))).toBe('Special:Random Special:Badtitle Special:Foobar');
  });
});

describe('Finnish GRAMMAR', () => {
  test('LanguageFi::convertGrammar rules', () => {
    expect(finnishGrammar('foobar', 'elative')).toBe('foobarista');
    expect(finnishGrammar('Wikipedia', 'genitive')).toBe('Wikipedian');
    expect(finnishGrammar('Wikipedia', 'partitive')).toBe('Wikipediaa');
    expect(finnishGrammar('Wiki', 'inessive')).toBe('Wikissä');
    expect(finnishGrammar('talo', 'illative')).toBe('taloon');
  });
});
