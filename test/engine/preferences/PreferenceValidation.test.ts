/**
 * Validation of preference values as MediaWiki's HTMLForm fields do it
 * (no database): select/radio options, integers, floats with bounds, toggles.
 */
import { WebRequest } from '../../../engine/context/WebRequest';
import type { PreferenceField } from '../../../engine/preferences/PreferencesFactory';
import { formatBound, readSubmission, validateField } from '../../../engine/preferences/PreferenceValidation';

const select: PreferenceField = { type: 'select', section: 'personal/i18n', options: { en: 'en', de: 'de' } };
const int: PreferenceField = { type: 'int', section: 'watchlist/displaywatchlist', min: 1, max: 1000 };
const float: PreferenceField = { type: 'float', section: 'watchlist/displaywatchlist', min: 1 / 24, max: 90 };

describe('validateField', () => {
  test('select and radio values must be options (own keys only)', () => {
    expect(validateField(select, 'de')).toEqual({ value: 'de' });
    expect(validateField(select, 'xx')).toEqual({ error: { key: 'htmlform-select-badoption', params: [] } });
    expect(validateField(select, 'constructor')).toEqual({ error: { key: 'htmlform-select-badoption', params: [] } });
    expect(validateField({ ...select, type: 'radio' }, '')).toEqual({ error: { key: 'htmlform-select-badoption', params: [] } });
  });

  test('int: whole numbers within the bounds', () => {
    expect(validateField(int, ' 42 ')).toEqual({ value: 42 });
    expect(validateField(int, '+7')).toEqual({ value: 7 });
    expect(validateField(int, '2.5')).toEqual({ error: { key: 'htmlform-int-invalid', params: [] } });
    expect(validateField(int, 'ten')).toEqual({ error: { key: 'htmlform-int-invalid', params: [] } });
    expect(validateField(int, '0')).toEqual({ error: { key: 'htmlform-int-toolow', params: ['1'] } });
    expect(validateField(int, '1001')).toEqual({ error: { key: 'htmlform-int-toohigh', params: ['1000'] } });
    expect(validateField(int, '')).toEqual({ error: { key: 'htmlform-int-toolow', params: ['1'] } });
  });

  test('float: numbers within the bounds, with MediaWiki\'s "int" messages for the bounds', () => {
    expect(validateField(float, '0.5')).toEqual({ value: 0.5 });
    expect(validateField(float, '1e1')).toEqual({ value: 10 });
    expect(validateField(float, 'abc')).toEqual({ error: { key: 'htmlform-float-invalid', params: [] } });
    expect(validateField(float, '0.01')).toEqual({ error: { key: 'htmlform-int-toolow', params: ['0.041666666666667'] } });
    expect(validateField(float, '90.5')).toEqual({ error: { key: 'htmlform-int-toohigh', params: ['90'] } });
  });

  test('toggle and text', () => {
    expect(validateField({ type: 'toggle', section: 'x' }, true)).toEqual({ value: true });
    expect(validateField({ type: 'toggle', section: 'x' }, false)).toEqual({ value: false });
    expect(validateField({ type: 'text', section: 'x' }, 'Some Name')).toEqual({ value: 'Some Name' });
  });

  test('formatBound prints like PHP floats', () => {
    expect(formatBound(1 / 24)).toBe('0.041666666666667');
    expect(formatBound(1000)).toBe('1000');
  });
});

describe('readSubmission', () => {
  test('reads wp<name> fields, toggles by presence, and skips info and disabled fields', () => {
    const descriptor: Record<string, PreferenceField> = {
      language: select,
      wllimit: int,
      watchdefault: { type: 'toggle', section: 'watchlist/pageswatchlist' },
      watchcreations: { type: 'toggle', section: 'watchlist/pageswatchlist' },
      realname: { type: 'text', section: 'personal/info', disabled: true },
      note: { type: 'info', section: 'personal/info' },
    };
    const request = new WebRequest({}, { wplanguage: 'de', wpwllimit: 'x', wpwatchdefault: '1', wprealname: 'Ignored', wpnote: 'Ignored' }, 'POST');
    const result = readSubmission(descriptor, request);
    expect(result.values).toEqual({ language: 'de', watchdefault: true, watchcreations: false });
    expect(result.raw).toEqual({ language: 'de', wllimit: 'x', watchdefault: true, watchcreations: false });
    expect([...result.errors.keys()]).toEqual(['wllimit']);
  });
});
