import { pluralCategories, pluralFormIndex, selectPluralForm } from '../../../engine/i18n/PluralRules';

describe('pluralCategories', () => {
  it('lists the CLDR categories in MediaWiki form order', () => {
    expect(pluralCategories('en')).toEqual(['one', 'other']);
    expect(pluralCategories('ru')).toEqual(['one', 'few', 'many', 'other']);
    expect(pluralCategories('ar')).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    expect(pluralCategories('ja')).toEqual(['other']);
  });

  it('uses the fallback chain for MediaWiki-only codes and English for unknown ones', () => {
    expect(pluralCategories('de-formal')).toEqual(['one', 'other']);
    expect(pluralCategories('qqx')).toEqual(['one', 'other']);
    expect(pluralCategories('xx')).toEqual(['one', 'other']);
  });
});

describe('selectPluralForm', () => {
  it('picks English singular and plural (0 is plural)', () => {
    const forms = ['one file', 'files'];
    expect(selectPluralForm('en', 1, forms)).toBe('one file');
    expect(selectPluralForm('en', 2, forms)).toBe('files');
    expect(selectPluralForm('en', 0, forms)).toBe('files');
  });

  it('treats a visible fraction digit as plural in English ("1.0")', () => {
    expect(selectPluralForm('en', 1, ['one', 'other'], 1)).toBe('other');
  });

  it('picks Russian one/few/many, and reuses the last form for fractions', () => {
    const forms = ['файл', 'файла', 'файлов'];
    expect(selectPluralForm('ru', 1, forms)).toBe('файл');
    expect(selectPluralForm('ru', 2, forms)).toBe('файла');
    expect(selectPluralForm('ru', 5, forms)).toBe('файлов');
    expect(selectPluralForm('ru', 21, forms)).toBe('файл');
    expect(selectPluralForm('ru', 11, forms)).toBe('файлов');
    // 1.5 is CLDR 'other' (index 3); only three forms, so the last is used.
    expect(selectPluralForm('ru', 1.5, forms)).toBe('файлов');
    expect(selectPluralForm('ru', 1.5, [...forms, 'файла (дробь)'])).toBe('файла (дробь)');
  });

  it('picks all six Arabic forms', () => {
    const forms = ['zero', 'one', 'two', 'few', 'many', 'other'];
    expect(selectPluralForm('ar', 0, forms)).toBe('zero');
    expect(selectPluralForm('ar', 1, forms)).toBe('one');
    expect(selectPluralForm('ar', 2, forms)).toBe('two');
    expect(selectPluralForm('ar', 3, forms)).toBe('few');
    expect(selectPluralForm('ar', 11, forms)).toBe('many');
    expect(selectPluralForm('ar', 100, forms)).toBe('other');
  });

  it('lets explicit N= forms win and removes them from the numbering', () => {
    const forms = ['0=no files', '12=a dozen files', 'one file', 'many files'];
    expect(selectPluralForm('en', 0, forms)).toBe('no files');
    expect(selectPluralForm('en', 12, forms)).toBe('a dozen files');
    expect(selectPluralForm('en', 1, forms)).toBe('one file');
    expect(selectPluralForm('en', 3, forms)).toBe('many files');
  });

  it('reuses the last form when fewer forms than categories are given', () => {
    expect(selectPluralForm('ar', 100, ['a', 'b'])).toBe('b');
    expect(selectPluralForm('ar', 3, ['a', 'b'])).toBe('b');
    // ...but a category before the last given form still gets its own form.
    expect(selectPluralForm('ar', 0, ['a', 'b'])).toBe('a');
    expect(selectPluralForm('en', 5, ['only'])).toBe('only');
  });

  it('returns an empty string when no regular forms are left', () => {
    expect(selectPluralForm('en', 5, [])).toBe('');
    expect(selectPluralForm('en', 5, ['1=one'])).toBe('');
  });

  it('exposes the raw form index', () => {
    expect(pluralFormIndex('ru', 5)).toBe(2);
    expect(pluralFormIndex('en', 1)).toBe(0);
  });
});
