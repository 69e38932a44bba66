/**
 * The CURRENT* and LOCAL* magic variables (MediaWiki's CoreMagicVariables),
 * from the render's clock (frame.now; the parser-test clock is
 * 1970-01-01T00:02:03Z). LOCAL* use $wgLocaltimezone. Month and weekday
 * names are the language's interface messages ('january', 'january-gen',
 * 'jan', 'sunday' …), as Language::getMonthName() and friends read them.
 */
import type { ParserHookRegistry, RenderFrame } from '../ParserHooks';
import type { CoreFunctionDeps } from './CoreFunctionDeps';
import { targetLanguage } from './LanguageFunctions';
import { formatNum, formatNumNoSeparators, nanText } from './NumberFormatting';
import { zonedDateFormatter } from '../../util/ZonedDateFormatter';

/** Calendar fields of an instant in a time zone (what PHP's DateTime::format reads). */
export interface DateParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 (Sunday) – 6, PHP's 'w'. */
  weekday: number;
}

/** The date and time of `date` in `timeZone` (an IANA name; 'UTC' by default). */
export function dateParts(date: Date, timeZone = 'UTC'): DateParts {
  if (timeZone === 'UTC') {
    return {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
      weekday: date.getUTCDay(),
    };
  }
  const fmt = zonedDateFormatter(timeZone);
  if (!fmt) throw new RangeError(`Unknown time zone: ${timeZone}`);
  const parts = fmt.formatToParts(date);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  // Intl writes years before 1 CE as "n BC"; PHP counts astronomically (1 BC is year 0).
  const era = parts.find((p) => p.type === 'era')?.value ?? 'AD';
  const year = era.startsWith('B') ? 1 - get('year') : get('year');
  const month = get('month');
  const day = get('day');
  return { year, month, day, hour: get('hour'), minute: get('minute'), second: get('second'), weekday: utcDate(year, month, day).getUTCDay() };
}

/** Midnight UTC of a calendar date (setUTCFullYear keeps years 0–99 as written). */
function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

const pad = (n: number, width: number): string => String(Math.abs(n)).padStart(width, '0');

/** PHP's 'Y': at least four digits, '-' before years BCE. */
function phpYear(year: number): string {
  return (year < 0 ? '-' : '') + pad(year, 4);
}

/** TS_MW: YYYYMMDDHHMMSS, the form of {{CURRENTTIMESTAMP}} and {{REVISIONTIMESTAMP}}. */
export function mwTimestamp(p: DateParts): string {
  return phpYear(p.year) + pad(p.month, 2) + pad(p.day, 2) + pad(p.hour, 2) + pad(p.minute, 2) + pad(p.second, 2);
}

/** PHP's 'W': ISO-8601 week number (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(p: DateParts): number {
  const thursday = utcDate(p.year, p.month, p.day);
  thursday.setUTCDate(thursday.getUTCDate() - ((p.weekday + 6) % 7) + 3);
  const firstThursday = utcDate(thursday.getUTCFullYear(), 1, 1);
  firstThursday.setUTCDate(1 + ((4 - firstThursday.getUTCDay() + 7) % 7));
  return 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / (7 * 86400000));
}

/** Language::MONTH_MESSAGES and friends. */
const MONTH_MESSAGES = ['january', 'february', 'march', 'april', 'may_long', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_GENITIVE_MESSAGES = MONTH_MESSAGES.map((m) => `${m === 'may_long' ? 'may' : m}-gen`);
const MONTH_ABBREVIATED_MESSAGES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAY_MESSAGES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Looks a name up; a missing message shows as ⧼key⧽, as MediaWiki's Message does. */
function nameMessage(deps: CoreFunctionDeps, key: string, language: string): string {
  return deps.message(key, [], language) ?? `⧼${key}⧽`;
}

/** Language::getMonthName(). */
export function monthName(deps: CoreFunctionDeps, month: number, language: string): string {
  return nameMessage(deps, MONTH_MESSAGES[month - 1], language);
}

/** Language::getMonthAbbreviation(). */
export function monthAbbreviation(deps: CoreFunctionDeps, month: number, language: string): string {
  return nameMessage(deps, MONTH_ABBREVIATED_MESSAGES[month - 1], language);
}

/** Language::time() with the default 'H:i' format. */
function timeOfDay(p: DateParts, language: string, deps: CoreFunctionDeps): string {
  return digits(`${pad(p.hour, 2)}:${pad(p.minute, 2)}`, language, deps);
}

/** formatNumNoSeparators(): the language's digits. */
function digits(text: string, language: string, deps: CoreFunctionDeps): string {
  return formatNumNoSeparators(text, language, nanText(deps, language));
}

type DateVariable = (p: DateParts, language: string, deps: CoreFunctionDeps) => string;

/** CoreMagicVariables::expand() for the date words, by suffix after CURRENT/LOCAL. */
const DATE_VARIABLES: Readonly<Record<string, DateVariable>> = {
  year: (p, lang, deps) => digits(phpYear(p.year), lang, deps),
  month: (p, lang, deps) => digits(pad(p.month, 2), lang, deps),
  month1: (p, lang, deps) => digits(String(p.month), lang, deps),
  monthname: (p, lang, deps) => monthName(deps, p.month, lang),
  monthnamegen: (p, lang, deps) => nameMessage(deps, MONTH_GENITIVE_MESSAGES[p.month - 1], lang),
  monthabbrev: (p, lang, deps) => monthAbbreviation(deps, p.month, lang),
  day: (p, lang, deps) => digits(String(p.day), lang, deps),
  day2: (p, lang, deps) => digits(pad(p.day, 2), lang, deps),
  // getWeekdayName( w + 1 )
  dayname: (p, lang, deps) => nameMessage(deps, WEEKDAY_MESSAGES[p.weekday], lang),
  time: (p, lang, deps) => timeOfDay(p, lang, deps),
  hour: (p, lang, deps) => digits(pad(p.hour, 2), lang, deps),
  // T6594: the week number without zero padding, and with separators (formatNum).
  week: (p, lang, deps) => formatNum(String(isoWeek(p)), lang, nanText(deps, lang)),
  dow: (p, lang, deps) => formatNum(String(p.weekday), lang, nanText(deps, lang)),
  // The timestamp is a machine-readable value: no digit transformation.
  timestamp: (p) => mwTimestamp(p),
};

/** Registers CURRENT* (UTC) and LOCAL* ($wgLocaltimezone) variables. */
export function registerDateTimeVariables(registry: ParserHookRegistry, deps: CoreFunctionDeps): void {
  for (const [suffix, variable] of Object.entries(DATE_VARIABLES)) {
    // These are variables only; an argument ({{CURRENTYEAR:x}}) is ignored.
    registry.setFunctionHook(`current${suffix}`, (_args, frame: RenderFrame) => variable(dateParts(frame.now, 'UTC'), targetLanguage(frame), deps), { noHash: true });
    registry.setFunctionHook(`local${suffix}`, (_args, frame: RenderFrame) => variable(dateParts(frame.now, deps.localTimezone ?? 'UTC'), targetLanguage(frame), deps), { noHash: true });
  }
}
