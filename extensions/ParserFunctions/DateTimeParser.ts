/**
 * Reads the date argument of {{#time:}} the way `new DateTime( $date, UTC )`
 * does in PHP (timelib's strtotime scanner), which is what MediaWiki's
 * ParserFunctions calls.
 *
 * The scanner works like timelib's: at each position every format is tried,
 * the longest match wins (the earlier format on a tie), and its action fills
 * in date, time, zone or relative fields. Unmatched characters and double
 * dates, times or zones are errors ("Error: Invalid time."). Afterwards the
 * missing fields come from the current time, relative parts are applied,
 * out-of-range values roll over (2001-02-30 is 2001-03-02) and the zone
 * offset is taken off.
 *
 * Supported, as in PHP: "now", "today", "midnight", "noon", "tomorrow",
 * "yesterday"; "@1234567890" (and "@1.5"); ISO 8601 dates and times
 * ("2001-01-15", "2001-01-15T10:00:00Z", "+01:00" offsets, fractions, week
 * dates "2008-W27-3", ordinal dates "2008.197"); MediaWiki timestamps
 * "20010115103000"; "15 January 2001", "January 15, 2001", "Jan 2001",
 * "2001 Jan", "1/15/2001", "15.01.2001", "15-01-2001"; 12- and 24-hour times
 * ("10:30pm", "t1030"); zone names ("UTC", "EST", "Europe/Paris", "GMT+2");
 * weekdays ("monday", "next friday", "last sunday"); relative offsets ("+1
 * day", "-2 weeks", "3 months ago", "+2 weekdays"); "first day of next
 * month", "last day of", "first monday of January 2020", "next week",
 * "back of 7pm"; and timelib's rarer formats (PostgreSQL, EXIF, Common Log
 * Format, MSSQL times). Not supported: most of timelib's long table of zone
 * abbreviations (the common ones are in TimeZones.ts); an unknown one is an
 * invalid time, as an unknown zone is in PHP.
 */
import { DateTimeFields, dayOfWeek, epochSecondsOf, fieldsFromEpochSeconds, normalizeFields } from './CivilCalendar';
import { abbreviationOffset, isKnownZoneId, localToEpochSeconds } from './TimeZones';

/** An instant: whole seconds since 1970-01-01T00:00:00Z, and microseconds. */
export interface ParsedInstant {
  epochSeconds: number;
  microsecond: number;
}

type Zone = { kind: 'offset'; seconds: number } | { kind: 'id'; id: string };

/** timelib's special relatives: "+3 weekdays", "first monday of", "last friday of". */
type Special = 'none' | 'weekdays' | 'dayOfWeekInMonth' | 'lastDayOfWeekInMonth';

/** "first day of" / "last day of". */
type FirstLast = 'none' | 'firstDayOfMonth' | 'lastDayOfMonth';

interface RelativeParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  microsecond: number;
  weekday: number;
  /** timelib's weekday_behavior: 0 "next monday", 1 "monday", 2 "monday this week". */
  weekdayBehavior: number;
  haveWeekdayRelative: boolean;
  special: Special;
  specialAmount: number;
  firstLastDayOf: FirstLast;
}

/** What the scanner has read (timelib_time while parsing); null fields are unset. */
interface ScanState {
  year: number | null;
  month: number | null;
  day: number | null;
  hour: number | null;
  minute: number | null;
  second: number | null;
  microsecond: number | null;
  /** Counted: a second bare "HHMM" after a time is a year (timelib's gnunocolon). */
  haveTime: number;
  haveDate: boolean;
  haveZone: number;
  haveRelative: boolean;
  zone: Zone | null;
  relative: RelativeParts;
  failed: boolean;
}

// ---------------------------------------------------------------------------
// Building blocks of the formats (timelib's parse_date.re definitions).
// Alternatives are ordered longest first so the regular expression engine
// finds the match timelib's longest-match scanner finds.

/** Case-insensitive spelling of a word (re2c's 'word'); other parts of the formats are case-sensitive. */
function ci(word: string): string {
  return word.replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
}

function anyOf(words: readonly string[]): string {
  return `(?:${[...words].sort((a, b) => b.length - a.length).map(ci).join('|')})`;
}

const SPACE = '(?:[ \\t]+|\\u00a0+|\\u202f+)';
const FRAC = '\\.[0-9]+';
const HOUR24 = '(?:2[0-4]|[01]?[0-9])';
const HOUR24LZ = '(?:2[0-4]|[01][0-9])';
const HOUR12 = '(?:1[0-2]|0?[1-9])';
const MINUTE = '[0-5]?[0-9]';
const MINUTELZ = '[0-5][0-9]';
const SECOND = '(?:60|[0-5]?[0-9])';
const SECONDLZ = '(?:60|[0-5][0-9])';
const MERIDIAN = '[AaPp]\\.?[Mm]\\.?[\\0\\t ]';
const TZ = '(?:[A-Z][a-z]+(?:[_/-][A-Za-z]+)+|\\(?[A-Za-z]{1,6}\\)?)';
const TZCORRECTION = `(?:GMT)?[+-](?:${HOUR24LZ}:${MINUTELZ}:${SECONDLZ}|${HOUR24LZ}${MINUTELZ}${SECONDLZ}|${HOUR24}(?::?${MINUTE})?)`;
const DAYSUF = '(?:st|nd|rd|th)';
const MONTH = '(?:1[0-2]|0?[0-9])';
const DAY = `(?:(?:3[01]|[0-2]?[0-9])${DAYSUF}?)`;
const YEAR = '[0-9]{1,4}';
const YEAR2 = '[0-9]{2}';
const YEAR4 = '[0-9]{4}';
const YEAR4_WITH_SIGN = '[+-]?[0-9]{4}';
const YEARX = '[+-][0-9]{5,19}';
const DAY_OF_YEAR = '(?:36[0-6]|3[0-5][0-9]|[12][0-9][0-9]|0[1-9][0-9]|00[1-9])';
const WEEK_OF_YEAR = '(?:5[0-3]|[1-4][0-9]|0[1-9])';
const MONTHLZ = '(?:1[0-2]|0[0-9])';
const DAYLZ = '(?:3[01]|[12][0-9]|0[0-9])';

const DAY_FULL_PLURAL = ['sundays', 'mondays', 'tuesdays', 'wednesdays', 'thursdays', 'fridays', 'saturdays'];
const DAY_FULL = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY_ABBR = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DAY_SPECIAL = ['weekday', 'weekdays'];
const DAY_TEXT_WORDS = [...DAY_FULL_PLURAL, ...DAY_FULL, ...DAY_ABBR, ...DAY_SPECIAL];
const DAY_TEXT = anyOf(DAY_TEXT_WORDS);
const MONTH_FULL_WORDS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBR_WORDS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'];
const MONTH_ABBR = anyOf(MONTH_ABBR_WORDS);
const MONTH_ROMAN = '(?:VIII|XII|III|VII|XI|IX|IV|VI|II|X|V|I)';
const MONTH_TEXT = `(?:${anyOf(MONTH_FULL_WORDS)}|${MONTH_ABBR}|${MONTH_ROMAN})`;

const REL_TEXT_NUMBER_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eight', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
const REL_TEXT_TEXT_WORDS = ['next', 'last', 'previous', 'this'];
const REL_TEXT = anyOf([...REL_TEXT_NUMBER_WORDS, ...REL_TEXT_TEXT_WORDS]);
const REL_TEXT_TEXT = anyOf(REL_TEXT_TEXT_WORDS);
const UNIT_WORDS = ['msec', 'millisecond', 'µsec', 'microsecond', 'usec', 'sec', 'second', 'min', 'minute', 'hour', 'day', 'fortnight', 'forthnight', 'month', 'year'];
const REL_TEXT_UNIT_WORDS = ['ms', 'µs', ...UNIT_WORDS, ...UNIT_WORDS.map((w) => `${w}s`), 'weeks', ...DAY_TEXT_WORDS];
const REL_TEXT_UNIT = anyOf(REL_TEXT_UNIT_WORDS);
const RELATIVE_UNIT = anyOf([...REL_TEXT_UNIT_WORDS, 'week']);
const REL_NUMBER = '[+-]*[ \\t]*[0-9]{1,13}';

const TIME_SHORT12 = `${HOUR12}[:.]${MINUTELZ}${SPACE}?${MERIDIAN}`;
const TIME_LONG12 = `${HOUR12}[:.]${MINUTE}[:.]${SECONDLZ}${SPACE}?${MERIDIAN}`;
const TIME_SHORT24 = `[tT]?${HOUR24}[:.]${MINUTE}`;
const TIME_LONG24 = `[tT]?${HOUR24}[:.]${MINUTE}[:.]${SECOND}`;
const ISO8601_NORM_TZ = `[tT]?${HOUR24}[:.]${MINUTE}[:.]${SECONDLZ}${SPACE}?(?:${TZCORRECTION}|${TZ})`;
const DATE_NO_YEAR = `${MONTH_TEXT}[ .\\t-]*${DAY}(?:[,.stndrh\\t ]+|\\0)`;

// ---------------------------------------------------------------------------
// Lookup tables (timelib's relunit, reltext and month tables).

type RelativeUnit = { unit: 'microsecond' | 'second' | 'minute' | 'hour' | 'day' | 'month' | 'year'; multiplier: number } | { unit: 'weekday'; weekday: number } | { unit: 'weekdays' };

const RELATIVE_UNITS: ReadonlyMap<string, RelativeUnit> = (() => {
  const map = new Map<string, RelativeUnit>();
  const add = (names: string[], unit: RelativeUnit) => names.forEach((n) => map.set(n, unit));
  add(['ms', 'msec', 'msecs', 'millisecond', 'milliseconds'], { unit: 'microsecond', multiplier: 1000 });
  add(['µs', 'usec', 'usecs', 'µsec', 'µsecs', 'microsecond', 'microseconds'], { unit: 'microsecond', multiplier: 1 });
  add(['sec', 'secs', 'second', 'seconds'], { unit: 'second', multiplier: 1 });
  add(['min', 'mins', 'minute', 'minutes'], { unit: 'minute', multiplier: 1 });
  add(['hour', 'hours'], { unit: 'hour', multiplier: 1 });
  add(['day', 'days'], { unit: 'day', multiplier: 1 });
  add(['week', 'weeks'], { unit: 'day', multiplier: 7 });
  add(['fortnight', 'fortnights', 'forthnight', 'forthnights'], { unit: 'day', multiplier: 14 });
  add(['month', 'months'], { unit: 'month', multiplier: 1 });
  add(['year', 'years'], { unit: 'year', multiplier: 1 });
  DAY_FULL.forEach((name, weekday) => add([DAY_FULL_PLURAL[weekday], name, DAY_ABBR[weekday]], { unit: 'weekday', weekday }));
  add(['weekday', 'weekdays'], { unit: 'weekdays' });
  return map;
})();

/** timelib_reltext_lookup: amount and weekday behaviour of "next", "third", "this" … */
const RELATIVE_TEXT: ReadonlyMap<string, { amount: number; behavior: number }> = new Map([
  ...Object.entries({ first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eight: 8, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12 }).map(
    ([word, amount]): [string, { amount: number; behavior: number }] => [word, { amount, behavior: 0 }],
  ),
  ['next', { amount: 1, behavior: 0 }],
  ['last', { amount: -1, behavior: 0 }],
  ['previous', { amount: -1, behavior: 0 }],
  ['this', { amount: 0, behavior: 1 }],
]);

const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map([
  ...MONTH_FULL_WORDS.map((w, i): [string, number] => [w, i + 1]),
  ...['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((w, i): [string, number] => [w, i + 1]),
  ['sept', 9],
  ...['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'].map((w, i): [string, number] => [w, i + 1]),
]);

// ---------------------------------------------------------------------------
// Reading numbers and words out of a matched token (timelib_get_nr & co.).

class TokenReader {
  position = 0;
  constructor(readonly text: string) {}

  /** The character at the reading position ('' at the end). */
  peek(): string {
    return this.text[this.position] ?? '';
  }

  atEnd(): boolean {
    return this.position >= this.text.length || this.peek() === '\0';
  }

  /** timelib_get_nr: skips to the next digit, reads up to `maxLength` digits; null when none is left. */
  number(maxLength: number): { value: number; length: number } | null {
    while (!this.atEnd() && !isDigit(this.peek())) this.position++;
    if (this.atEnd()) return null;
    const start = this.position;
    while (isDigit(this.peek()) && this.position - start < maxLength) this.position++;
    return { value: Number(this.text.slice(start, this.position)), length: this.position - start };
  }

  /** timelib_get_signed_nr: any run of + and - (each - flips the sign), then up to `maxLength` digits. */
  signedNumber(maxLength: number): bigint | null {
    while (!this.atEnd() && !isDigit(this.peek()) && this.peek() !== '+' && this.peek() !== '-') this.position++;
    let negative = false;
    while (this.peek() === '+' || this.peek() === '-') {
      if (this.peek() === '-') negative = !negative;
      this.position++;
    }
    while (!this.atEnd() && !isDigit(this.peek())) this.position++;
    if (this.atEnd()) return null;
    const start = this.position;
    while (isDigit(this.peek()) && this.position - start < maxLength) this.position++;
    const value = BigInt(this.text.slice(start, this.position));
    return negative ? -value : value;
  }

  /** timelib_get_frac_nr: ".5" → 500000 microseconds. */
  fraction(): number {
    while (!this.atEnd() && this.peek() !== '.' && this.peek() !== ':' && !isDigit(this.peek())) this.position++;
    const start = this.position;
    while (this.peek() === '.' || this.peek() === ':' || isDigit(this.peek())) this.position++;
    const digits = this.text.slice(start + 1, this.position);
    return Math.trunc(Number(`0.${digits.replace(/\D/g, '')}`) * 1_000_000);
  }

  /** A run of ASCII letters. */
  word(): string {
    const start = this.position;
    while (/[A-Za-z]/.test(this.peek())) this.position++;
    return this.text.slice(start, this.position);
  }

  skip(characters: string): void {
    while (!this.atEnd() && characters.includes(this.peek())) this.position++;
  }

  /** timelib_get_month: skips separators, reads a month name or roman numeral. */
  month(): number {
    this.skip(' \t-./');
    return MONTH_NUMBERS.get(this.word().toLowerCase()) ?? 0;
  }

  /** timelib_skip_day_suffix. */
  skipDaySuffix(): void {
    if (/^(?:nd|rd|st|th)/i.test(this.text.slice(this.position, this.position + 2))) this.position += 2;
  }

  /** timelib_eat_spaces. */
  skipSpaces(): void {
    while (this.peek() === ' ' || this.peek() === '\t' || this.peek() === '\u00a0' || this.peek() === '\u202f') this.position++;
  }

  /** timelib_lookup_relunit: the unit word up to the next separator. */
  relativeUnit(): RelativeUnit | undefined {
    const start = this.position;
    while (!this.atEnd() && !' ,\t;:/.-()'.includes(this.peek())) this.position++;
    return RELATIVE_UNITS.get(this.text.slice(start, this.position).toLowerCase());
  }

  /** timelib_get_relative_text. */
  relativeText(): { amount: number; behavior: number } {
    this.skip(' \t-/');
    return RELATIVE_TEXT.get(this.word().toLowerCase()) ?? { amount: 0, behavior: 0 };
  }

  /** timelib_meridian: hour correction for "am"/"pm" after `hour`. */
  meridianCorrection(hour: number): number {
    while (!this.atEnd() && !'AaPp'.includes(this.peek())) this.position++;
    const isAm = this.peek() === 'a' || this.peek() === 'A';
    this.position++;
    if (this.peek() === '.') this.position++;
    if (this.peek() === 'm' || this.peek() === 'M') this.position++;
    if (this.peek() === '.') this.position++;
    if (isAm) return hour === 12 ? -12 : 0;
    return hour !== 12 ? 12 : 0;
  }
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** TIMELIB_PROCESS_YEAR: a one- or two-digit year is 1970–2069. */
function processYear(year: number | null, length: number): number | null {
  if (year === null || length >= 4 || year >= 100) return year;
  return year < 70 ? year + 2000 : year + 1900;
}

// ---------------------------------------------------------------------------
// State changes shared by the actions (timelib's TIMELIB_HAVE_* macros).

function haveTime(state: ScanState): boolean {
  if (state.haveTime) {
    state.failed = true; // "Double time specification"
    return false;
  }
  state.haveTime = 1;
  state.hour = state.minute = state.second = state.microsecond = 0;
  return true;
}

function unhaveTime(state: ScanState): void {
  state.haveTime = 0;
  state.hour = state.minute = state.second = state.microsecond = 0;
}

function haveDate(state: ScanState): boolean {
  if (state.haveDate) {
    state.failed = true; // "Double date specification"
    return false;
  }
  state.haveDate = true;
  return true;
}

function unhaveDate(state: ScanState): void {
  state.haveDate = false;
  state.year = state.month = state.day = 0;
}

/** TIMELIB_HAVE_TZ: a second zone is only a warning (and ignored), a third an error. */
function haveZone(state: ScanState): boolean {
  if (state.haveZone) {
    if (state.haveZone > 1) state.failed = true;
    state.haveZone++;
    return false;
  }
  state.haveZone++;
  return true;
}

/** timelib_set_relative: adds `amount` of the unit named at the reader's position. */
function setRelative(state: ScanState, reader: TokenReader, amount: number, behavior: number, keepTime: boolean): void {
  const unit = reader.relativeUnit();
  if (!unit) return;
  const rel = state.relative;
  switch (unit.unit) {
    case 'microsecond':
      rel.microsecond += amount * unit.multiplier;
      break;
    case 'second':
      rel.second += amount * unit.multiplier;
      break;
    case 'minute':
      rel.minute += amount * unit.multiplier;
      break;
    case 'hour':
      rel.hour += amount * unit.multiplier;
      break;
    case 'day':
      rel.day += amount * unit.multiplier;
      break;
    case 'month':
      rel.month += amount * unit.multiplier;
      break;
    case 'year':
      rel.year += amount * unit.multiplier;
      break;
    case 'weekday':
      state.haveRelative = true;
      rel.haveWeekdayRelative = true;
      if (!keepTime) unhaveTime(state);
      rel.day += (amount > 0 ? amount - 1 : amount) * 7;
      rel.weekday = unit.weekday;
      rel.weekdayBehavior = behavior;
      break;
    case 'weekdays':
      state.haveRelative = true;
      if (!keepTime) unhaveTime(state);
      rel.special = 'weekdays';
      rel.specialAmount = amount;
      break;
  }
}

/** timelib_parse_tz_cor: "5", "05", "5:30", "0530", "05:30", "053000", "05:30:00" → seconds. */
function parseOffset(text: string): number | null {
  const m = /^[0-9:]*/.exec(text)![0];
  const n = (s: string) => parseInt(s, 10) || 0;
  switch (m.length) {
    case 1:
    case 2:
      return n(m) * 3600;
    case 3:
    case 4:
      if (m[1] === ':') return n(m) * 3600 + n(m.slice(2)) * 60;
      if (m[2] === ':') return n(m) * 3600 + n(m.slice(3)) * 60;
      return Math.trunc(n(m) / 100) * 3600 + (n(m) % 100) * 60;
    case 5:
      return m[2] === ':' ? n(m) * 3600 + n(m.slice(3)) * 60 : null;
    case 6:
      return Math.trunc(n(m) / 10000) * 3600 + (Math.trunc(n(m) / 100) % 100) * 60 + (n(m) % 100);
    case 8:
      return m[2] === ':' && m[5] === ':' ? n(m) * 3600 + n(m.slice(3)) * 60 + n(m.slice(6)) : null;
    default:
      return null;
  }
}

/** timelib_parse_zone on the rest of a token; marks the scan failed when the zone is unknown. */
function parseZone(state: ScanState, reader: TokenReader): void {
  let parens = 0;
  while (reader.peek() === ' ' || reader.peek() === '\t' || reader.peek() === '(') {
    if (reader.peek() === '(') parens++;
    reader.position++;
  }
  const rest = reader.text.slice(reader.position);
  if (/^GMT[+-]/.test(rest)) reader.position += 3;
  const sign = reader.peek();
  if (sign === '+' || sign === '-') {
    reader.position++;
    const digits = /^[0-9:]*/.exec(reader.text.slice(reader.position))![0];
    const offset = parseOffset(digits);
    reader.position += digits.length;
    if (offset === null) state.failed = true;
    else state.zone = { kind: 'offset', seconds: sign === '-' ? -offset : offset };
  } else {
    const start = reader.position;
    while (/[A-Za-z0-9/_+-]/.test(reader.peek())) reader.position++;
    const word = reader.text.slice(start, reader.position);
    // Abbreviations are at most five characters (timelib's MAX_ABBR_LEN); "UTC" is also a zone identifier.
    const abbreviation = word.length < 6 ? abbreviationOffset(word) : undefined;
    if (abbreviation !== undefined) state.zone = { kind: 'offset', seconds: abbreviation };
    else if (word !== '' && isKnownZoneId(word)) state.zone = { kind: 'id', id: word };
    else state.failed = true; // "The timezone could not be found in the database"
  }
  while (parens > 0 && reader.peek() === ')') {
    reader.position++;
    parens--;
  }
}

/** Reads hour, minute, optional second and fraction of a 24-hour time. */
function readClockTime(state: ScanState, reader: TokenReader): void {
  state.hour = reader.number(2)?.value ?? 0;
  if (reader.peek() === ':' || reader.peek() === '.') {
    state.minute = reader.number(2)?.value ?? 0;
    if (reader.peek() === ':' || reader.peek() === '.') {
      state.second = reader.number(2)?.value ?? 0;
      if (reader.peek() === '.') state.microsecond = reader.fraction();
    }
  }
}

/** timelib_daynr_from_weeknr: day offset from 1 January of `year` to day `weekday` of ISO week `week`. */
function dayNumberFromIsoWeek(year: number, week: number, weekday: number): number {
  const dow = dayOfWeek(year, 1, 1);
  const day = 0 - (dow > 4 ? dow - 7 : dow);
  return day + (week - 1) * 7 + weekday;
}

// ---------------------------------------------------------------------------
// The formats, in timelib's order (earlier wins a tie in length).

interface Format {
  pattern: RegExp;
  action(state: ScanState, token: string): void;
}

const formats: Format[] = [];
function format(patterns: string[], action: (state: ScanState, token: string) => void): void {
  for (const p of patterns) formats.push({ pattern: new RegExp(p, 'y'), action });
}

format([ci('yesterday')], (state) => {
  state.haveRelative = true;
  unhaveTime(state);
  state.relative.day = -1;
});
format([ci('now')], () => {});
format([ci('noon')], (state) => {
  unhaveTime(state);
  haveTime(state);
  state.hour = 12;
});
format([ci('midnight'), ci('today')], (state) => unhaveTime(state));
format([ci('tomorrow')], (state) => {
  state.haveRelative = true;
  unhaveTime(state);
  state.relative.day = 1;
});
const timestampAction = (state: ScanState, token: string) => {
  state.haveRelative = true;
  unhaveDate(state);
  unhaveTime(state);
  if (!haveZone(state)) return;
  const reader = new TokenReader(token);
  const seconds = reader.signedNumber(24);
  if (seconds === null || seconds > 2n ** 63n - 1n || seconds < -(2n ** 63n)) {
    state.failed = true; // "Number out of range"
    return;
  }
  if (reader.peek() === '.') {
    const digits = /^\.([0-9]{0,6})/.exec(reader.text.slice(reader.position))![1];
    if (digits === '') {
      state.failed = true; // "@1." has no fraction digits: "Found unexpected data"
      return;
    }
    const micro = Number(digits.padEnd(6, '0'));
    state.relative.microsecond = token.startsWith('@-') ? -micro : micro;
  }
  state.year = 1970;
  state.month = 1;
  state.day = 1;
  state.hour = state.minute = state.second = state.microsecond = 0;
  state.relative.second += Number(seconds);
  state.zone = { kind: 'offset', seconds: 0 };
};
format(['@-?[0-9]+', '@-?[0-9]+\\.[0-9]{0,6}'], timestampAction);
format([`${ci('first day of')}`, `${ci('last day of')}`], (state, token) => {
  // PHP keeps the time of day here (timelib alone resets it).
  state.haveRelative = true;
  state.relative.firstLastDayOf = /^l/i.test(token) ? 'lastDayOfMonth' : 'firstDayOfMonth';
});
format([`${ci('back of ')}${HOUR24}(?:${SPACE}?${MERIDIAN})?`, `${ci('front of ')}${HOUR24}(?:${SPACE}?${MERIDIAN})?`], (state, token) => {
  unhaveTime(state);
  haveTime(state);
  const reader = new TokenReader(token);
  const hour = reader.number(2)?.value ?? 0;
  if (/^b/i.test(token)) {
    state.hour = hour;
    state.minute = 15;
  } else {
    state.hour = hour - 1;
    state.minute = 45;
  }
  if (!reader.atEnd()) {
    reader.skipSpaces();
    state.hour += reader.meridianCorrection(state.hour);
  }
});
format([`${REL_TEXT}${SPACE}${anyOf([...DAY_FULL_PLURAL, ...DAY_FULL, ...DAY_ABBR])}${SPACE}${ci('of')}`], (state, token) => {
  state.haveRelative = true;
  const reader = new TokenReader(token);
  const { amount, behavior } = reader.relativeText();
  reader.skipSpaces();
  if (amount > 0) {
    state.relative.special = 'dayOfWeekInMonth';
    setRelative(state, reader, amount, 1, false);
  } else {
    state.relative.special = 'lastDayOfWeekInMonth';
    setRelative(state, reader, amount, behavior, false);
  }
});
format([`${HOUR12}${SPACE}?${MERIDIAN}`, TIME_SHORT12, TIME_LONG12], (state, token) => {
  if (!haveTime(state)) return;
  const reader = new TokenReader(token);
  state.hour = reader.number(2)?.value ?? 0;
  if (reader.peek() === ':' || reader.peek() === '.') {
    state.minute = reader.number(2)?.value ?? 0;
    if (reader.peek() === ':' || reader.peek() === '.') state.second = reader.number(2)?.value ?? 0;
  }
  reader.skipSpaces();
  state.hour += reader.meridianCorrection(state.hour);
});
format([`${HOUR12}:${MINUTELZ}:${SECONDLZ}[:.][0-9]+${MERIDIAN}`], (state, token) => {
  if (!haveTime(state)) return;
  const reader = new TokenReader(token);
  state.hour = reader.number(2)?.value ?? 0;
  state.minute = reader.number(2)?.value ?? 0;
  if (reader.peek() === ':' || reader.peek() === '.') {
    state.second = reader.number(2)?.value ?? 0;
    if (reader.peek() === ':' || reader.peek() === '.') state.microsecond = reader.fraction();
  }
  reader.skipSpaces();
  state.hour += reader.meridianCorrection(state.hour);
});
format([`[tT]${HOUR24}`, TIME_SHORT24, TIME_LONG24, `[tT]?${HOUR24}[:.]${MINUTE}[:.]${SECOND}${FRAC}`], (state, token) => {
  if (!haveTime(state)) return;
  readClockTime(state, new TokenReader(token));
});
format([`[tT]?${HOUR24LZ}${MINUTELZ}`], (state, token) => {
  const reader = new TokenReader(token);
  if (state.haveTime === 0) {
    state.hour = reader.number(2)?.value ?? 0;
    state.minute = reader.number(2)?.value ?? 0;
    state.second = 0;
  } else if (state.haveTime === 1) {
    // A second "HHMM" after a time is a year: "00:00 2001" (MediaWiki relies on this for bare years).
    state.year = reader.number(4)?.value ?? 0;
  } else {
    state.failed = true;
    return;
  }
  state.haveTime++;
});
format([`[tT]?${HOUR24LZ}${MINUTELZ}${SECONDLZ}`], (state, token) => {
  if (!haveTime(state)) return;
  const reader = new TokenReader(token);
  state.hour = reader.number(2)?.value ?? 0;
  state.minute = reader.number(2)?.value ?? 0;
  state.second = reader.number(2)?.value ?? 0;
});
format([`${MONTH}/${DAY}`, `${MONTH}/${DAY}/${YEAR}`], (state, token) => {
  if (!haveDate(state)) return;
  const reader = new TokenReader(token);
  state.month = reader.number(2)?.value ?? 0;
  state.day = reader.number(2)?.value ?? 0;
  if (reader.peek() === '/') {
    const year = reader.number(4);
    state.year = processYear(year?.value ?? null, year?.length ?? 0);
  }
});
format([`${YEAR4_WITH_SIGN}-${MONTHLZ}-${DAYLZ}`, `${YEAR4}/${MONTHLZ}/${DAYLZ}/?`, `${YEAR4}/${MONTH}/${DAY}`], (state, token) => {
  if (!haveDate(state)) return;
  const reader = new TokenReader(token);
  state.year = Number(reader.signedNumber(4) ?? 0n);
  state.month = reader.number(2)?.value ?? 0;
  state.day = reader.number(2)?.value ?? 0;
});
format([`${YEAR2}-${MONTHLZ}-${DAYLZ}`], (state, token) => {
  if (!haveDate(state)) return;
  const reader = new TokenReader(token);
  const year = reader.number(4);
  state.month = reader.number(2)?.value ?? 0;
  state.day = reader.number(2)?.value ?? 0;
  state.year = processYear(year?.value ?? null, year?.length ?? 0);
});
format([`${YEARX}-${MONTHLZ}-${DAYLZ}`], (state, token) => {
  if (!haveDate(state)) return;
  const reader = new TokenReader(token);
  state.year = Number(reader.signedNumber(19) ?? 0n);
  state.month = reader.number(2)?.value ?? 0;
  state.day = reader.number(2)?.value ?? 0;
});
format([`${YEAR4}-${MONTH}`], (state, token) => {
  if (!haveDate(state)) return;
  const reader = new TokenReader(token);
  const year = reader.number(4);
  state.month = reader.number(2)?.value ?? 0;
  state.day = 1;
  state.year = processYear(year?.value ?? null, year?.length ?? 0);
});
format([`${YEAR}-${MONTH}-${DAY}`], (state, token) => {
  if (!haveDate(state)) return;
  const reader = new TokenReader(token);
  const year = reader.number(4);
  state.month = reader.number(2)?.value ?? 0;
  state.day = reader.number(2)?.value ?? 0;
  state.year = processYear(year?.value ?? null, year?.length ?? 0);
});
format([`${DAY}[ \\t.-]*${MONTH_TEXT}[ \\t.-]*${YEAR}`], (state, token) => {
  if (!haveDate(state)) return;
  const reader = new TokenReader(token);
  state.day = reader.number(2)?.value ?? 0;
  reader.skipDaySuffix();
  state.month = reader.month();
  const year = reader.number(4);
  state.year = processYear(year?.value ?? null, year?.length ?? 0);
});
format([`${DAY}[.\\t-]${MONTH}[.-]${YEAR4}`], (state, token) => {
  if (!haveDate(state)) return;
  const reader = new TokenReader(token);
  state.day = reader.number(2)?.value ?? 0;
  state.month = reader.number(2)?.value ?? 0;
  state.year = reader.number(4)?.value ?? 0;
});
format([`${DAY}[.\\t]${MONTH}\\.${YEAR2}`], (state, token) => {
  if (!haveDate(state)) return;
  const reader = new TokenReader(token);
  state.day = reader.number(2)?.value ?? 0;
  state.month = reader.number(2)?.value ?? 0;
  const year = reader.number(2);
  state.year = processYear(year?.value ?? null, year?.length ?? 0);
});
format([`${MONTH_TEXT}[ .\\t-]*${YEAR4}`], (state, token) => {
  if (!haveDate(state)) return;
  const reader = new TokenReader(token);
  state.month = reader.month();
  const year = reader.number(4);
  state.year = processYear(year?.value ?? null, year?.length ?? 0);
  state.day = 1;
});
format([`${YEAR4}[ .\\t-]*${MONTH_TEXT}`], (state, token) => {
  if (!haveDate(state)) return;
  const reader = new TokenReader(token);
  const year = reader.number(4);
  state.year = processYear(year?.value ?? null, year?.length ?? 0);
  state.month = reader.month();
  state.day = 1;
});
format([`${MONTH_TEXT}[ .\\t-]*${DAY}[,.stndrh\\t ]+${YEAR}`, DATE_NO_YEAR], (state, token) => {
  if (!haveDate(state)) return;
  const reader = new TokenReader(token);
  state.month = reader.month();
  state.day = reader.number(2)?.value ?? 0;
  const year = reader.number(4);
  state.year = processYear(year?.value ?? null, year?.length ?? 0);
});
format([`${DAY}[ .\\t-]*${MONTH_TEXT}`], (state, token) => {
  if (!haveDate(state)) return;
  const reader = new TokenReader(token);
  state.day = reader.number(2)?.value ?? 0;
  reader.skipDaySuffix();
  state.month = reader.month();
});
format([`${YEAR4}${MONTHLZ}${DAYLZ}`], (state, token) => {
  if (!haveDate(state)) return;
  const reader = new TokenReader(token);
  state.year = reader.number(4)?.value ?? 0;
  state.month = reader.number(2)?.value ?? 0;
  state.day = reader.number(2)?.value ?? 0;
});
format(
  [
    `${YEAR4}${MONTHLZ}${DAYLZ}T${HOUR24}:${MINUTELZ}:${SECONDLZ}`,
    `${YEAR4}${MONTHLZ}${DAYLZ}[tT]${HOUR24}${MINUTELZ}${SECONDLZ}`,
    `${YEAR4}-${MONTHLZ}-${DAYLZ}T${HOUR24LZ}:${MINUTELZ}:${SECONDLZ}${FRAC}(?:${TZCORRECTION})?`,
    `${YEAR4}-${MONTH}-${DAY}T${HOUR24}:${MINUTE}:${SECOND}`,
    `${YEAR4}:${MONTHLZ}:${DAYLZ} ${HOUR24LZ}:${MINUTELZ}:${SECONDLZ}`,
  ],
  (state, token) => {
    if (!haveTime(state) || !haveDate(state)) return;
    const reader = new TokenReader(token);
    state.year = reader.number(4)?.value ?? 0;
    state.month = reader.number(2)?.value ?? 0;
    state.day = reader.number(2)?.value ?? 0;
    state.hour = reader.number(2)?.value ?? 0;
    state.minute = reader.number(2)?.value ?? 0;
    state.second = reader.number(2)?.value ?? 0;
    if (reader.peek() === '.') {
      state.microsecond = reader.fraction();
      if (!reader.atEnd()) parseZone(state, reader);
    }
  },
);
format([`${YEAR4}[.-]?${DAY_OF_YEAR}`], (state, token) => {
  if (!haveDate(state)) return;
  const reader = new TokenReader(token);
  const year = reader.number(4);
  state.day = reader.number(3)?.value ?? 0;
  state.month = 1;
  state.year = processYear(year?.value ?? null, year?.length ?? 0);
});
format([`${YEAR4}-?W${WEEK_OF_YEAR}-?[0-7]`, `${YEAR4}-?W${WEEK_OF_YEAR}`], (state, token) => {
  if (!haveDate(state)) return;
  state.haveRelative = true;
  const reader = new TokenReader(token);
  const year = reader.number(4)?.value ?? 0;
  const week = reader.number(2)?.value ?? 0;
  const weekday = reader.number(1)?.value ?? 1;
  state.year = year;
  state.month = 1;
  state.day = 1;
  state.relative.day = dayNumberFromIsoWeek(year, week, weekday);
});
format([`${MONTH_ABBR}-${DAYLZ}-${YEAR}`], (state, token) => {
  if (!haveDate(state)) return;
  const reader = new TokenReader(token);
  state.month = reader.month();
  state.day = reader.number(2)?.value ?? 0;
  const year = reader.number(4);
  state.year = processYear(year?.value ?? null, year?.length ?? 0);
});
format([`${YEAR}-${MONTH_ABBR}-${DAYLZ}`], (state, token) => {
  if (!haveDate(state)) return;
  const reader = new TokenReader(token);
  const year = reader.number(4);
  state.month = reader.month();
  state.day = reader.number(2)?.value ?? 0;
  state.year = processYear(year?.value ?? null, year?.length ?? 0);
});
format([`${DAY}/${MONTH_ABBR}/${YEAR4}:${HOUR24LZ}:${MINUTELZ}:${SECONDLZ}${SPACE}${TZCORRECTION}`], (state, token) => {
  if (!haveTime(state) || !haveDate(state)) return;
  const reader = new TokenReader(token);
  state.day = reader.number(2)?.value ?? 0;
  state.month = reader.month();
  state.year = reader.number(4)?.value ?? 0;
  state.hour = reader.number(2)?.value ?? 0;
  state.minute = reader.number(2)?.value ?? 0;
  state.second = reader.number(2)?.value ?? 0;
  reader.skipSpaces();
  parseZone(state, reader);
});
format([YEAR4], (state, token) => {
  state.year = Number(token);
});
format([ci('ago')], (state) => {
  const rel = state.relative;
  rel.year = -rel.year;
  rel.month = -rel.month;
  rel.day = -rel.day;
  rel.hour = -rel.hour;
  rel.minute = -rel.minute;
  rel.second = -rel.second;
  rel.weekday = -rel.weekday;
  if (rel.weekday === 0) rel.weekday = -7;
  if (rel.special === 'weekdays') rel.specialAmount = -rel.specialAmount;
});
format([DAY_TEXT], (state, token) => {
  state.haveRelative = true;
  state.relative.haveWeekdayRelative = true;
  unhaveTime(state);
  const unit = new TokenReader(token).relativeUnit();
  // "weekday" names no day; timelib takes its table value (1) as Monday.
  state.relative.weekday = unit?.unit === 'weekday' ? unit.weekday : 1;
  if (state.relative.weekdayBehavior !== 2) state.relative.weekdayBehavior = 1;
});
format([`${REL_TEXT_TEXT}${SPACE}${ci('week')}`], (state, token) => {
  state.haveRelative = true;
  const reader = new TokenReader(token);
  while (!reader.atEnd()) {
    const { amount, behavior } = reader.relativeText();
    reader.skipSpaces();
    setRelative(state, reader, amount, behavior, false);
    state.relative.weekdayBehavior = 2;
    // "next week" alone means Monday of that week.
    if (!state.relative.haveWeekdayRelative) {
      state.relative.haveWeekdayRelative = true;
      state.relative.weekday = 1;
    }
  }
});
format([`${REL_TEXT}${SPACE}${REL_TEXT_UNIT}`], (state, token) => {
  state.haveRelative = true;
  const reader = new TokenReader(token);
  while (!reader.atEnd()) {
    const { amount, behavior } = reader.relativeText();
    reader.skipSpaces();
    setRelative(state, reader, amount, behavior, false);
  }
});
format([anyOf(MONTH_FULL_WORDS), MONTH_ABBR], (state, token) => {
  if (!haveDate(state)) return;
  state.month = MONTH_NUMBERS.get(token.toLowerCase()) ?? 0;
});
format([TZCORRECTION, TZ], (state, token) => {
  if (!haveZone(state)) return;
  const reader = new TokenReader(token);
  reader.skipSpaces();
  parseZone(state, reader);
});
format([`${DATE_NO_YEAR}${TIME_SHORT12}`, `${DATE_NO_YEAR}${TIME_LONG12}`], (state, token) => {
  if (!haveDate(state)) return;
  const reader = new TokenReader(token);
  state.month = reader.month();
  state.day = reader.number(2)?.value ?? 0;
  if (!haveTime(state)) return;
  state.hour = reader.number(2)?.value ?? 0;
  state.minute = reader.number(2)?.value ?? 0;
  if (reader.peek() === ':' || reader.peek() === '.') {
    state.second = reader.number(2)?.value ?? 0;
    if (reader.peek() === '.') state.microsecond = reader.fraction();
  }
  state.hour += reader.meridianCorrection(state.hour);
});
format([`${DATE_NO_YEAR}${TIME_SHORT24}`, `${DATE_NO_YEAR}${TIME_LONG24}`, `${DATE_NO_YEAR}${ISO8601_NORM_TZ}`], (state, token) => {
  if (!haveDate(state)) return;
  const reader = new TokenReader(token);
  state.month = reader.month();
  state.day = reader.number(2)?.value ?? 0;
  if (!haveTime(state)) return;
  state.hour = reader.number(2)?.value ?? 0;
  state.minute = reader.number(2)?.value ?? 0;
  if (reader.peek() === ':') {
    state.second = reader.number(2)?.value ?? 0;
    if (reader.peek() === '.') state.microsecond = reader.fraction();
  }
  if (!reader.atEnd()) parseZone(state, reader);
});
format([`${REL_NUMBER}${SPACE}?${RELATIVE_UNIT}`], (state, token) => {
  state.haveRelative = true;
  const reader = new TokenReader(token);
  while (!reader.atEnd()) {
    const amount = reader.signedNumber(24);
    if (amount === null) break;
    reader.skipSpaces();
    setRelative(state, reader, Number(amount), 1, true);
  }
});
format(['[.,]', SPACE, '[\\0\\n]'], () => {});

function newScanState(): ScanState {
  return {
    year: null,
    month: null,
    day: null,
    hour: null,
    minute: null,
    second: null,
    microsecond: null,
    haveTime: 0,
    haveDate: false,
    haveZone: 0,
    haveRelative: false,
    zone: null,
    relative: {
      year: 0,
      month: 0,
      day: 0,
      hour: 0,
      minute: 0,
      second: 0,
      microsecond: 0,
      weekday: 0,
      weekdayBehavior: 0,
      haveWeekdayRelative: false,
      special: 'none',
      specialAmount: 0,
      firstLastDayOf: 'none',
    },
    failed: false,
  };
}

/** Scans the text; null when timelib would report an error. */
function scan(input: string): ScanState | null {
  // timelib trims C whitespace and reads the string with NUL padding, which the formats can match.
  const text = `${input.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '')}\0`;
  if (text === '\0') return null; // "Empty string"
  const state = newScanState();
  let position = 0;
  while (position < text.length) {
    let best: { length: number; format: Format } | null = null;
    for (const candidate of formats) {
      candidate.pattern.lastIndex = position;
      const m = candidate.pattern.exec(text);
      if (m && m[0].length > 0 && (best === null || m[0].length > best.length)) best = { length: m[0].length, format: candidate };
    }
    if (!best) return null; // "Unexpected character"
    best.format.action(state, text.slice(position, position + best.length));
    if (state.failed) return null;
    position += best.length;
  }
  return state;
}

/** do_adjust_for_weekday: moves the date to the weekday a "monday"/"next monday"/"monday this week" names. */
function adjustForWeekday(f: DateTimeFields, rel: RelativeParts): DateTimeFields {
  const currentDow = dayOfWeek(f.year, f.month, f.day);
  let weekday = rel.weekday;
  if (rel.weekdayBehavior === 2) {
    // Weeks run Monday to Sunday here: "this week" on a Sunday is the week that ends that day.
    if (currentDow === 0 && weekday !== 0) weekday -= 7;
    if (weekday === 0 && currentDow !== 0) weekday = 7;
    return { ...f, day: f.day - currentDow + weekday };
  }
  let difference = weekday - currentDow;
  if ((rel.day < 0 && difference < 0) || (rel.day >= 0 && difference <= -rel.weekdayBehavior)) difference += 7;
  if (weekday >= 0) return { ...f, day: f.day + difference };
  return { ...f, day: f.day - (7 - (Math.abs(weekday) - currentDow)) };
}

/** do_adjust_special_weekday: "+3 weekdays" skips Saturdays and Sundays. */
function addWeekdays(f: DateTimeFields, count: number): DateTimeFields {
  const dow = dayOfWeek(f.year, f.month, f.day);
  let day = f.day + Math.trunc(count / 5) * 7;
  const rest = count % 5;
  if (count > 0) {
    if (rest === 0) {
      if (dow === 0) day -= 2;
      else if (dow === 6) day -= 1;
    } else if (dow === 6) {
      day += 1;
    } else if (dow + rest > 5) {
      day += 2;
    }
  } else if (rest === 0) {
    if (dow === 6) day += 2;
    else if (dow === 0) day += 1;
  } else if (dow === 0) {
    day -= 1;
  } else if (dow + rest < 1) {
    day -= 2;
  }
  return { ...f, day: day + rest };
}

function applyFirstLastDayOf(f: DateTimeFields, which: FirstLast): DateTimeFields {
  if (which === 'firstDayOfMonth') return { ...f, day: 1 };
  if (which === 'lastDayOfMonth') return { ...f, day: 0, month: f.month + 1 };
  return f;
}

/** timelib_update_ts: relative parts, then the zone, give the instant. */
function resolve(state: ScanState, fields: DateTimeFields): ParsedInstant {
  const rel = state.relative;
  let f = fields;
  // do_adjust_special_early
  if (rel.special === 'dayOfWeekInMonth') {
    f = { ...f, day: 1, month: f.month + rel.month };
    rel.month = 0;
  } else if (rel.special === 'lastDayOfWeekInMonth') {
    f = { ...f, day: 1, month: f.month + rel.month + 1 };
    rel.month = 0;
  }
  f = normalizeFields(applyFirstLastDayOf(f, rel.firstLastDayOf));
  // do_adjust_relative
  if (rel.haveWeekdayRelative) f = adjustForWeekday(f, rel);
  f = normalizeFields(f);
  if (state.haveRelative) {
    f = {
      year: f.year + rel.year,
      month: f.month + rel.month,
      day: f.day + rel.day,
      hour: f.hour + rel.hour,
      minute: f.minute + rel.minute,
      second: f.second + rel.second,
      microsecond: f.microsecond + rel.microsecond,
    };
  }
  f = normalizeFields(applyFirstLastDayOf(f, rel.firstLastDayOf));
  // do_adjust_special
  if (rel.special === 'weekdays') f = normalizeFields(addWeekdays(f, rel.specialAmount));
  const local = epochSecondsOf(f);
  let epochSeconds = local;
  if (state.zone?.kind === 'offset') epochSeconds = local - state.zone.seconds;
  else if (state.zone?.kind === 'id') epochSeconds = localToEpochSeconds(state.zone.id, local);
  return { epochSeconds, microsecond: f.microsecond };
}

/**
 * `new DateTime( $text, new DateTimeZone( 'UTC' ) )`: the instant the text
 * names, with missing parts taken from `now` (read in UTC); null when PHP
 * would throw.
 */
export function parseDateTime(text: string, now: Date): ParsedInstant | null {
  const state = scan(text);
  if (!state) return null;
  const nowMs = now.getTime();
  const nowFields = fieldsFromEpochSeconds(Math.floor(nowMs / 1000), (nowMs - Math.floor(nowMs / 1000) * 1000) * 1000);
  // timelib_fill_holes with TIMELIB_NO_CLOBBER: a date without a time is midnight; other gaps come from now.
  if (state.haveDate && !state.haveTime) state.hour = state.minute = state.second = state.microsecond = 0;
  const anySet = [state.year, state.month, state.day, state.hour, state.minute, state.second].some((v) => v !== null);
  const fields: DateTimeFields = {
    year: state.year ?? nowFields.year,
    month: state.month ?? nowFields.month,
    day: state.day ?? nowFields.day,
    hour: state.hour ?? nowFields.hour,
    minute: state.minute ?? nowFields.minute,
    second: state.second ?? nowFields.second,
    microsecond: state.microsecond ?? (anySet ? 0 : nowFields.microsecond),
  };
  return resolve(state, fields);
}
