/**
 * {{#formatdate:date|format}} (alias #dateformat): MediaWiki's DateFormatter,
 * which recognises a whole date written as "15 January 2001", "January 15,
 * 2001", "2001 January 15", "2001, 15 January", "2001-01-15", "15 January"
 * or "January 15" and rewrites it in the preferred order, wrapped in
 * <span class="mw-formatted-date" title="ISO date">. Readers have no date
 * preference here, so the second argument (or no change) decides.
 */
import type { ParserHookRegistry } from '../ParserHooks';
import type { CoreFunctionDeps } from './CoreFunctionDeps';
import { monthAbbreviation, monthName } from './DateTimeVariables';
import { targetLanguage } from './LanguageFunctions';
import { phpTrim } from './WikitextEscaping';

/** Date formats, as DateFormatter's class constants ('none': keep the date's own format). */
type DateFormat = 'mdy' | 'dmy' | 'ymd' | 'iso' | 'ydm' | 'dm' | 'md';
type Format = 'none' | DateFormat;

/** Preference names accepted as the second argument. */
const PREFERENCES: Readonly<Record<string, Format>> = { default: 'none', dmy: 'dmy', mdy: 'mdy', ymd: 'ymd', 'ISO 8601': 'iso' };

/** date()-like patterns of the target formats. */
const TARGET_FORMATS: Readonly<Record<DateFormat, string>> = {
  mdy: 'F j, Y',
  dmy: 'j F Y',
  ymd: 'Y F j',
  iso: 'y-m-d',
  ydm: 'Y, j F',
  dm: 'j F',
  md: 'F j',
};

/** DateFormatter::RULES: preference → source format → target format. */
const RULES: Readonly<Partial<Record<Format | 'all', Partial<Record<DateFormat, DateFormat>>>>> = {
  all: { md: 'md', dm: 'dm' },
  none: { iso: 'iso' },
  mdy: { dm: 'md' },
  dmy: { md: 'dm' },
};

interface DateMatch {
  whole: string;
  day?: string;
  monthName?: string;
  year?: string;
  isoYear?: string;
  isoMonth?: string;
  isoDay?: string;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** makeIsoYear(): '-1199' from '1200 BC'. */
function makeIsoYear(year: string): string {
  if (year.endsWith('BC')) return `-${String(parseInt(year.slice(0, -3), 10) - 1).padStart(4, '0')}`;
  return String(parseInt(year, 10)).padStart(4, '0');
}

/**
 * makeNormalYear(): '400 BC' from '-0399'; year 0 is 1 BC. "BC" is not
 * translated in MediaWiki either: it is the same token the input may use.
 */
function makeNormalYear(iso: string): string {
  return Number(iso) <= 0 ? `${parseInt(iso.slice(1), 10) + 1} BC` : String(parseInt(iso, 10));
}

export function registerFormatDate(registry: ParserHookRegistry, deps: CoreFunctionDeps): void {
  registry.setFunctionHook('formatdate', (args, frame) => {
    const language = targetLanguage(frame);
    const names: string[] = [];
    const months = new Map<string, number>();
    const regexParts: string[] = [];
    for (let m = 1; m <= 12; m++) {
      const name = monthName(deps, m, language);
      const abbreviation = monthAbbreviation(deps, m, language);
      names[m] = name;
      regexParts.push(escapeRegExp(name), escapeRegExp(abbreviation));
      months.set(name.toLowerCase(), m);
      months.set(abbreviation.toLowerCase(), m);
    }
    const monthRe = regexParts.join('|');
    const dm = `(?<day>\\d{1,2})[ _](?<monthName>${monthRe})`;
    const md = `(?<monthName>${monthRe})[ _](?<day>\\d{1,2})`;
    const y = '(?<year>\\d{1,4}(?:[ _]BC|))';
    const iso = '(?<isoYear>-?\\d{4})-(?<isoMonth>\\d{2})-(?<isoDay>\\d{2})';
    const sources: [DateFormat, RegExp][] = [
      ['mdy', new RegExp(`^${md}(?: *, *| +)${y}$`, 'iu')],
      ['dmy', new RegExp(`^${dm}(?: *, *| +)${y}$`, 'iu')],
      ['ymd', new RegExp(`^${y}(?: *, *| +)${md}$`, 'iu')],
      ['iso', new RegExp(`^${iso}$`, 'iu')],
      ['ydm', new RegExp(`^${y}(?: *, *| +)${dm}$`, 'iu')],
      ['dm', new RegExp(`^${dm}$`, 'iu')],
      ['md', new RegExp(`^${md}$`, 'iu')],
    ];

    let text = phpTrim(args[0] ?? '');
    // ParserOptions::getDateFormat() is 'default' for every reader, so the
    // page's own preference (second argument) applies.
    const preference = PREFERENCES[phpTrim(args[1] ?? '')] ?? 'none';
    for (const [source, regex] of sources) {
      const target: DateFormat = RULES[preference]?.[source] ?? RULES.all?.[source] ?? (preference === 'none' ? source : preference);
      const m = regex.exec(text);
      if (!m) continue;
      const match: DateMatch = { whole: m[0], ...m.groups };
      text = formatMatch(match, TARGET_FORMATS[target], months, names) ?? text;
    }
    return text;
  });
}

/** DateFormatter's replacement callback; null when the date is not a real date (then it stays as written). */
function formatMatch(match: DateMatch, format: string, months: ReadonlyMap<string, number>, names: readonly string[]): string | null {
  if (match.isoYear === undefined && match.year !== undefined) match.isoYear = makeIsoYear(match.year);
  if (match.year === undefined && match.isoYear !== undefined) match.year = makeNormalYear(match.isoYear);
  if (match.isoMonth === undefined) {
    const month = months.get((match.monthName ?? '').toLowerCase());
    if (month === undefined) return null;
    match.isoMonth = String(month).padStart(2, '0');
  }
  if (match.isoDay === undefined) match.isoDay = String(Number(match.day)).padStart(2, '0');

  let text = '';
  for (const ch of format) {
    switch (ch) {
      case 'd':
        text += match.isoDay;
        break;
      case 'm':
        text += match.isoMonth;
        break;
      case 'y':
        text += match.isoYear;
        break;
      case 'j':
        text += match.day ?? String(Number(match.isoDay));
        break;
      case 'F': {
        const month = Number(match.isoMonth);
        if (month < 1 || month > 12) return null;
        text += names[month];
        break;
      }
      case 'Y':
        text += match.year;
        break;
      default:
        text += ch;
    }
  }
  const isoDate = [match.isoYear, match.isoMonth, match.isoDay].filter((part) => part !== undefined).join('-');
  // Html::rawElement: the title is an attribute value, the text is inserted as is.
  return `<span class="mw-formatted-date" title="${isoDate}">${text}</span>`;
}
