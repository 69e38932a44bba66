/**
 * Reading and validating a Special:Preferences submission against the
 * descriptor, as MediaWiki's HTMLForm fields do: each field comes as
 * `wp<name>`; a toggle is on when present; a select or radio value must be
 * one of its options (`htmlform-select-badoption`); an int must be an
 * integer (`htmlform-int-invalid`) and a float a number
 * (`htmlform-float-invalid`), both within min/max (`htmlform-int-toolow`,
 * `htmlform-int-toohigh` — MediaWiki uses the "int" messages for floats
 * too). Disabled and info fields are not read.
 */
import type { WebRequest } from '../context/WebRequest';
import type { UserOptionValue } from '../user/UserOptionsManager';
import type { PreferenceField } from './PreferencesFactory';

export interface FieldError {
  key: string;
  params: Array<string | number>;
}

export interface PreferenceSubmission {
  /** Valid values by preference name (only for fields that were read). */
  values: Record<string, UserOptionValue>;
  /** What was submitted, to show again when something is wrong. */
  raw: Record<string, string | boolean>;
  errors: Map<string, FieldError>;
}

/** The form field name of a preference (HTMLForm's "wp" prefix). */
export function fieldName(name: string): string {
  return `wp${name}`;
}

/** Whether a field is submitted with the form (not shown-only). */
export function isEditable(field: PreferenceField): boolean {
  return field.type !== 'info' && !field.disabled;
}

/** A number as MediaWiki prints a bound (PHP's float precision: 1/24 is 0.041666666666667). */
export function formatBound(n: number): string {
  return String(Number(n.toPrecision(14)));
}

const FLOAT = /^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i;
const INT = /^[+-]?\d+$/;

function own(map: Record<string, string> | undefined, key: string): boolean {
  return map !== undefined && Object.prototype.hasOwnProperty.call(map, key);
}

/** Validates one submitted value; returns the stored value or an error. */
export function validateField(field: PreferenceField, value: string | boolean): { value: UserOptionValue } | { error: FieldError } {
  switch (field.type) {
    case 'toggle':
      return { value: value === true };
    case 'select':
    case 'radio': {
      const text = typeof value === 'string' ? value : '';
      if (!own(field.options, text)) return { error: { key: 'htmlform-select-badoption', params: [] } };
      return { value: text };
    }
    case 'int':
    case 'float': {
      const text = typeof value === 'string' ? value.trim() : '';
      if (text !== '' && field.type === 'int' && !INT.test(text)) return { error: { key: 'htmlform-int-invalid', params: [] } };
      if (text !== '' && !FLOAT.test(text)) return { error: { key: 'htmlform-float-invalid', params: [] } };
      // An empty value is below any minimum, as in MediaWiki's HTMLFloatField.
      const n = text === '' ? Number.NaN : Number(text);
      if (field.min !== undefined && (Number.isNaN(n) || n < field.min)) return { error: { key: 'htmlform-int-toolow', params: [formatBound(field.min)] } };
      if (field.max !== undefined && n > field.max) return { error: { key: 'htmlform-int-toohigh', params: [formatBound(field.max)] } };
      if (Number.isNaN(n)) return { error: { key: field.type === 'int' ? 'htmlform-int-invalid' : 'htmlform-float-invalid', params: [] } };
      return { value: field.type === 'int' ? Math.trunc(n) : n };
    }
    case 'text':
    default:
      return { value: typeof value === 'string' ? value : '' };
  }
}

/** Reads every editable field of the descriptor from the request and validates it. */
export function readSubmission(descriptor: Readonly<Record<string, PreferenceField>>, request: WebRequest): PreferenceSubmission {
  const values: Record<string, UserOptionValue> = {};
  const raw: Record<string, string | boolean> = {};
  const errors = new Map<string, FieldError>();
  for (const [name, field] of Object.entries(descriptor)) {
    if (!isEditable(field)) continue;
    const submitted: string | boolean = field.type === 'toggle' ? request.getCheck(fieldName(name)) : request.getVal(fieldName(name)) ?? '';
    raw[name] = submitted;
    const result = validateField(field, submitted);
    if ('error' in result) errors.set(name, result.error);
    else values[name] = result.value;
  }
  return { values, raw, errors };
}
