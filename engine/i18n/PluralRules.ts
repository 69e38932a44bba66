/**
 * Plural form selection for {{PLURAL:}}.
 *
 * MediaWiki (Language::convertPlural) numbers a message's plural forms by the
 * order of the language's rules in CLDR's plurals.xml: zero, one, two, few,
 * many, and finally 'other', keeping only the categories that language has.
 * So for Russian (one, few, many, other) `{{PLURAL:$1|файл|файла|файлов}}`
 * gives form 0 for 1, form 1 for 2, form 2 for 5 — and for 1.5 ('other',
 * index 3) the last given form, because MediaWiki clamps the index to the
 * number of forms supplied. We take the categories and the selection from
 * ICU via Intl.PluralRules rather than carrying our own copy of CLDR.
 */
import { resolveIntlLocale } from './LanguageFallback';

/** CLDR's category order, which is also MediaWiki's form order. */
const CANONICAL_ORDER: readonly Intl.LDMLPluralRule[] = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** Intl caps fraction digits at 20. */
const MAX_FRACTION_DIGITS = 20;

const rulesCache = new Map<string, Intl.PluralRules>();

function rulesFor(language: string, fractionDigits: number): Intl.PluralRules {
  const locale = resolveIntlLocale(language);
  const digits = Math.max(0, Math.min(MAX_FRACTION_DIGITS, Math.floor(fractionDigits)));
  const key = `${locale}|${digits}`;
  let rules = rulesCache.get(key);
  if (!rules) {
    // minimumFractionDigits makes "1.0" count as having a visible fraction
    // digit (CLDR operand v = 1), so en "1.0" is 'other' as in MediaWiki,
    // which evaluates the CLDR rules on the number's string form.
    rules = new Intl.PluralRules(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: Math.max(3, digits),
    });
    rulesCache.set(key, rules);
  }
  return rules;
}

/** The plural categories of a language, in MediaWiki's form order. */
export function pluralCategories(language: string): string[] {
  const present = new Set<string>(rulesFor(language, 0).resolvedOptions().pluralCategories);
  return CANONICAL_ORDER.filter((c) => present.has(c));
}

/**
 * Index of the plural form for `n` (before clamping to the forms supplied).
 * `fractionDigits` is the number of visible fraction digits in the written
 * number (2 for "1.50"); it only matters for languages whose rules look at it.
 */
export function pluralFormIndex(language: string, n: number, fractionDigits = 0): number {
  const category = rulesFor(language, fractionDigits).select(Number.isFinite(n) ? n : 0);
  const index = pluralCategories(language).indexOf(category);
  // 'other' is always present, so index is only -1 if ICU changes under us.
  return index < 0 ? pluralCategories(language).length - 1 : index;
}

/** `N=text`: an explicit form for exactly the number N (MediaWiki 1.23+). */
const EXPLICIT_FORM = /^\s*(\d+)\s*=([\s\S]*)$/;

/**
 * Chooses among a message's plural forms, as Language::convertPlural does:
 *
 * 1. An explicit `N=text` form whose N equals the number wins outright.
 *    All explicit forms are then removed from the list, whether they matched
 *    or not, so `{{PLURAL:$1|0=none|one|other}}` still numbers 'one' as 0.
 * 2. The remaining forms are indexed by the language's CLDR category order.
 * 3. With fewer forms than categories, the last form is reused
 *    (`{{PLURAL:$1|item|items}}` works in Russian, Arabic, …).
 * 4. No forms at all gives ''.
 */
export function selectPluralForm(language: string, n: number, forms: string[], fractionDigits = 0): string {
  const regular: string[] = [];
  for (const form of forms) {
    const explicit = EXPLICIT_FORM.exec(form);
    if (explicit) {
      if (Number(explicit[1]) === n) return explicit[2];
      continue;
    }
    regular.push(form);
  }
  if (regular.length === 0) return '';
  const index = pluralFormIndex(language, n, fractionDigits);
  return regular[Math.min(index, regular.length - 1)];
}
