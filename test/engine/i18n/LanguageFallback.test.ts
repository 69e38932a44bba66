import { getFallbackChain, isValidLanguageCode, resolveIntlLocale, toBcp47 } from '../../../engine/i18n/LanguageFallback';

describe('getFallbackChain', () => {
  it.each([
    ['de-at', ['de', 'en']],
    ['de-ch', ['de', 'en']],
    ['de-formal', ['de', 'en']],
    ['pt-br', ['pt', 'en']],
    ['zh-hk', ['zh-hant', 'zh-hans', 'en']],
    ['zh-tw', ['zh-hant', 'zh-hans', 'en']],
    ['zh-mo', ['zh-hk', 'zh-hant', 'zh-hans', 'en']],
    ['zh-hant', ['zh-hans', 'en']],
    ['zh-hans', ['en']],
    ['zh', ['zh-hans', 'en']],
    ['en-gb', ['en']],
    ['en-ca', ['en']],
    ['es-formal', ['es', 'en']],
    ['nl-informal', ['nl', 'en']],
    ['sr-el', ['sr-latn', 'en']],
    ['fr-ca', ['fr', 'en']],
    ['nds-nl', ['nds', 'nl', 'en']],
    ['de', ['en']],
    ['ru', ['en']],
    ['qqx', ['en']],
  ])('%s → %j', (code, chain) => {
    expect(getFallbackChain(code)).toEqual(chain);
  });

  it('gives English an empty chain', () => {
    expect(getFallbackChain('en')).toEqual([]);
  });

  it('falls back from an unknown variant to its base language, then English', () => {
    expect(getFallbackChain('xx-yy')).toEqual(['xx', 'en']);
    expect(getFallbackChain('de-xx')).toEqual(['de', 'en']);
    expect(getFallbackChain('zh-xx')).toEqual(['zh', 'zh-hans', 'en']);
    expect(getFallbackChain('xx')).toEqual(['en']);
  });

  it('is case-insensitive, never contains the language itself, and always ends in en', () => {
    expect(getFallbackChain('DE-AT')).toEqual(['de', 'en']);
    for (const code of ['de-at', 'zh-mo', 'pt', 'pt-br', 'sr', 'als', 'xx-yy']) {
      const chain = getFallbackChain(code);
      expect(chain[chain.length - 1]).toBe('en');
      expect(chain).not.toContain(code);
      expect(new Set(chain).size).toBe(chain.length);
    }
  });

  it('returns just English for an invalid code', () => {
    expect(getFallbackChain('../etc')).toEqual(['en']);
  });
});

describe('isValidLanguageCode', () => {
  it('accepts MediaWiki codes', () => {
    for (const code of ['en', 'de-formal', 'zh-hant', 'be-tarask', 'qqx', 'EN-gb', 'es-419']) {
      expect(isValidLanguageCode(code)).toBe(true);
    }
  });

  it('rejects paths, markup, whitespace and absurd lengths', () => {
    for (const code of ['', 'e', '..', '../en', 'en/../x', 'en<script>', 'en gb', 'en_GB', 'en.', '-en', 'en-', 'en--gb', 'a'.repeat(65)]) {
      expect(isValidLanguageCode(code)).toBe(false);
    }
  });
});

describe('toBcp47 / resolveIntlLocale', () => {
  it('converts MediaWiki codes to BCP 47', () => {
    expect(toBcp47('en-gb')).toBe('en-GB');
    expect(toBcp47('zh-hant')).toBe('zh-Hant');
    expect(toBcp47('sr-el')).toBe('sr-Latn');
    expect(toBcp47('de-formal')).toBe('de-x-formal');
    expect(toBcp47('simple')).toBe('en-simple');
  });

  it('resolves unknown languages to a fallback Intl knows', () => {
    expect(resolveIntlLocale('de')).toBe('de');
    expect(resolveIntlLocale('xx')).toBe('en');
    expect(resolveIntlLocale('not valid!')).toBe('en');
  });
});
