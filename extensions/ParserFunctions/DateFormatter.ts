/**
 * The format language of {{#time:}}: MediaWiki's Language::sprintfDate(), a
 * workalike of PHP's date() with localised names and MediaWiki's extensions.
 *
 * Codes: d D j l N w z W F m M n t L o Y y a A g h G H i s U e I O P T Z c r
 * (as in PHP's date()), and
 *   xn  the next number in ASCII digits      xN  toggle that for all numbers
 *   xr  the next number in Roman numerals    xh  the next number in Hebrew numerals
 *   xg  genitive month name                  xx  a literal "x"
 *   xkY Thai solar year                      xoY Minguo year
 *   xtY Japanese era (nengō) and year
 * `\` escapes the next character and "text in double quotes" is literal.
 *
 * Not supported: the Iranian (xi…), Hebrew (xj…) and Hijri (xm…) calendars.
 * Their codes are read like MediaWiki reads them (so the characters after
 * them are not misread as other codes) and produce no output. Numbers are
 * written with ASCII digits in every language (MediaWiki converts them to the
 * language's digits, e.g. for Persian).
 */
import { DateTimeFields, dayOfWeek, dayOfYear, daysInMonth, epochSecondsOf, isLeapYear, isoWeek } from './CivilCalendar';

/** The localised names sprintfDate takes from interface messages. */
export interface DateNames {
  /** 1–12 → "January" (message 'january' … 'december', May is 'may_long'). */
  monthName(month: number): string;
  /** 1–12 → genitive month name ('january-gen' …). */
  monthGenitive(month: number): string;
  /** 1–12 → "Jan" ('jan' … 'dec'). */
  monthAbbreviation(month: number): string;
  /** 0 (Sunday) – 6 → "Sunday" ('sunday' …). */
  weekdayName(weekday: number): string;
  /** 0 (Sunday) – 6 → "Sun" ('sun' …). */
  weekdayAbbreviation(weekday: number): string;
}

/** The zone the formatted time is in (for e, T, O, P, Z, I, c, r, U). */
export interface OutputZone {
  /** Zone identifier, PHP's 'e' ("UTC", "Europe/Paris"). */
  id: string;
  /** PHP's 'T' ("UTC", "CET"). */
  abbreviation: string;
  /** Seconds east of UTC. */
  offsetSeconds: number;
  isDst: boolean;
}

export const UTC_ZONE: OutputZone = { id: 'UTC', abbreviation: 'UTC', offsetSeconds: 0, isDst: false };

/** English names PHP's date() uses in 'r' (never localised). */
const ENGLISH_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const ENGLISH_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Calendar prefixes after which sprintfDate reads one more character (xiY, xjF, xkY …). */
const CALENDAR_PREFIXES = new Set(['xi', 'xj', 'xk', 'xm', 'xo', 'xt']);

/** Codes of the calendars we do not implement (see the file comment) that name a month. */
const UNSUPPORTED_CALENDAR_NAMES = new Set(['xiF', 'xjF', 'xjx', 'xmF']);
/** … and those that are numbers: they use up a pending xn/xr/xh as the number would have. */
const UNSUPPORTED_CALENDAR_NUMBERS = new Set(['xij', 'xin', 'xiy', 'xiY', 'xit', 'xiz', 'xjj', 'xjt', 'xjn', 'xjY', 'xmj', 'xmn', 'xmY']);

const pad = (n: number, width: number): string => (n < 0 ? '-' : '') + String(Math.abs(n)).padStart(width, '0');

function formatOffset(seconds: number, colon: boolean): string {
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  return `${sign}${pad(Math.floor(abs / 3600), 2)}${colon ? ':' : ''}${pad(Math.floor((abs % 3600) / 60), 2)}`;
}

/**
 * Formats `time` (fields already in `zone`, year 0–9999) with a sprintfDate
 * format string.
 */
export function formatDate(format: string, time: DateTimeFields, names: DateNames, zone: OutputZone = UTC_ZONE): string {
  const { year, month, day, hour, minute, second } = time;
  const weekday = dayOfWeek(year, month, day);
  // The timestamp string sprintfDate reads numbers out of: YYYYmmddHHiiss.
  const ts = pad(year, 4) + pad(month, 2) + pad(day, 2) + pad(hour, 2) + pad(minute, 2) + pad(second, 2);
  const epochSeconds = epochSecondsOf(time) - zone.offsetSeconds;

  let out = '';
  let raw = false;
  let rawToggle = false;
  let roman = false;
  let hebrew = false;

  for (let p = 0; p < format.length; p++) {
    let code = format[p];
    if (code === 'x' && p < format.length - 1) code += format[++p];
    if (CALENDAR_PREFIXES.has(code) && p < format.length - 1) code += format[++p];

    // A number goes through the numeral options below; text is appended directly.
    let num: string | null = null;
    switch (code) {
      case 'xx':
        out += 'x';
        break;
      case 'xn':
        raw = true;
        break;
      case 'xN':
        rawToggle = !rawToggle;
        break;
      case 'xr':
        roman = true;
        break;
      case 'xh':
        hebrew = true;
        break;
      case 'xg':
        out += names.monthGenitive(month);
        break;
      case 'd':
        num = ts.slice(6, 8);
        break;
      case 'D':
        out += names.weekdayAbbreviation(weekday);
        break;
      case 'j':
        num = String(day);
        break;
      case 'l':
        out += names.weekdayName(weekday);
        break;
      case 'F':
        out += names.monthName(month);
        break;
      case 'm':
        num = ts.slice(4, 6);
        break;
      case 'M':
        out += names.monthAbbreviation(month);
        break;
      case 'n':
        num = String(month);
        break;
      case 'Y':
        num = ts.slice(0, 4);
        break;
      case 'y':
        num = ts.slice(2, 4);
        break;
      case 'xkY':
        num = String(thaiSolarYear(year, month));
        break;
      case 'xoY':
        // Minguo (and Juche) years count from 1912.
        num = String(year - 1911);
        break;
      case 'xtY':
        num = japaneseEraYear(ts);
        break;
      case 'a':
        out += hour < 12 ? 'am' : 'pm';
        break;
      case 'A':
        out += hour < 12 ? 'AM' : 'PM';
        break;
      case 'g':
        num = String(hour % 12 || 12);
        break;
      case 'G':
        num = String(hour);
        break;
      case 'h':
        num = pad(hour % 12 || 12, 2);
        break;
      case 'H':
        num = ts.slice(8, 10);
        break;
      case 'i':
        num = ts.slice(10, 12);
        break;
      case 's':
        num = ts.slice(12, 14);
        break;
      case 'c':
        out += `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}${formatOffset(zone.offsetSeconds, true)}`;
        break;
      case 'r':
        out += `${ENGLISH_WEEKDAYS[weekday]}, ${pad(day, 2)} ${ENGLISH_MONTHS[month - 1]} ${pad(year, 4)} ${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)} ${formatOffset(zone.offsetSeconds, false)}`;
        break;
      case 'e':
        out += zone.id;
        break;
      case 'T':
        out += zone.abbreviation;
        break;
      case 'O':
        out += formatOffset(zone.offsetSeconds, false);
        break;
      case 'P':
        out += formatOffset(zone.offsetSeconds, true);
        break;
      case 'w':
        num = String(weekday);
        break;
      case 'N':
        num = String(weekday === 0 ? 7 : weekday);
        break;
      case 'z':
        num = String(dayOfYear(year, month, day));
        break;
      case 'W':
        num = pad(isoWeek(year, month, day).week, 2);
        break;
      case 't':
        num = String(daysInMonth(year, month));
        break;
      case 'L':
        num = isLeapYear(year) ? '1' : '0';
        break;
      case 'o':
        num = String(isoWeek(year, month, day).year);
        break;
      case 'U':
        num = String(epochSeconds);
        break;
      case 'I':
        num = zone.isDst ? '1' : '0';
        break;
      case 'Z':
        num = String(zone.offsetSeconds);
        break;
      case '\\':
        // Backslash escaping; a backslash at the very end is literal.
        out += p < format.length - 1 ? format[++p] : '\\';
        break;
      case '"': {
        // Quoted literal; an unmatched quote is literal.
        const endQuote = p < format.length - 1 ? format.indexOf('"', p + 1) : -1;
        if (endQuote === -1) {
          out += '"';
        } else {
          out += format.slice(p + 1, endQuote);
          p = endQuote;
        }
        break;
      }
      default:
        if (UNSUPPORTED_CALENDAR_NUMBERS.has(code)) {
          applyNumeralOption();
        } else if (!UNSUPPORTED_CALENDAR_NAMES.has(code)) {
          // Unknown codes (and plain characters) output their last character, as sprintfDate does.
          out += format[p];
        }
    }

    if (num !== null) out += applyNumeralOption()(num);
  }
  return out;

  /** Uses up the first pending numeral option (xn/xN, xr, xh) and returns how to write the number. */
  function applyNumeralOption(): (num: string) => string {
    if (rawToggle || raw) {
      raw = false;
      return (num) => num;
    }
    if (roman) {
      roman = false;
      return (num) => romanNumeral(Number.parseInt(num, 10));
    }
    if (hebrew) {
      hebrew = false;
      return (num) => hebrewNumeral(Number.parseInt(num, 10));
    }
    return (num) => num;
  }
}

/** Thai solar year: Gregorian + 543; from 1912 to 1940 the year began on 1 April. */
function thaiSolarYear(year: number, month: number): number {
  return year + 543 - (year >= 1912 && year <= 1940 && month <= 3 ? 1 : 0);
}

/** Japanese era and year in it, from the Meiji era's switch to the Gregorian calendar in 1873; the first year of an era is 元. */
function japaneseEraYear(ts: string): string {
  const eras: [string, number, string][] = [
    ['20190501000000', 2019, '令和'],
    ['19890108000000', 1989, '平成'],
    ['19261225000000', 1926, '昭和'],
    ['19120730000000', 1912, '大正'],
    ['18730101000000', 1868, '明治'],
  ];
  const year = Number(ts.slice(0, 4));
  for (const [start, firstYear, name] of eras) {
    if (ts >= start) {
      const yearOfEra = year - firstYear + 1;
      return `${name}${yearOfEra === 1 ? '元' : yearOfEra}`;
    }
  }
  return `西暦${year}`;
}

/** Language::romanNumeral(): 1–10000 ("MMXXVI"); other numbers in digits. */
export function romanNumeral(num: number): string {
  if (!(num > 0 && num <= 10000)) return String(Number.isNaN(num) ? 0 : num);
  const units: [number, string][] = [
    [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = 'M'.repeat(Math.floor(num / 1000));
  let rest = num % 1000;
  for (const [value, letters] of units) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

const HEBREW_ONES = ['', 'א', 'ב', 'ג', 'ד', 'ה', 'ו', 'ז', 'ח', 'ט'];
const HEBREW_TENS = ['', 'י', 'כ', 'ל', 'מ', 'נ', 'ס', 'ע', 'פ', 'צ'];
const HEBREW_HUNDREDS = ['', 'ק', 'ר', 'ש', 'ת', 'תק', 'תר', 'תש', 'תת', 'תתק'];
const HEBREW_FINAL_FORMS: Readonly<Record<string, string>> = { 'כ': 'ך', 'מ': 'ם', 'נ': 'ן', 'פ': 'ף', 'צ': 'ץ' };

/**
 * Language::hebrewNumeral(): Hebrew gematria for 1–9999, with a geresh after
 * thousands and one-letter numbers, gershayim before the last letter, final
 * letter forms, and 15/16 written ט״ו/ט״ז as custom requires.
 */
export function hebrewNumeral(num: number): string {
  if (!(num > 0 && num <= 9999)) return String(Number.isNaN(num) ? 0 : num);
  if (num === 1000) return "א' אלף";
  if (num % 1000 === 0) return `${HEBREW_ONES[num / 1000]}' אלפים`;
  const letters: string[] = [];
  const thousands = Math.floor(num / 1000);
  if (thousands > 0) letters.push(HEBREW_ONES[thousands], "'");
  const hundreds = Math.floor((num % 1000) / 100);
  if (hundreds > 0) letters.push(...HEBREW_HUNDREDS[hundreds]);
  const belowHundred = num % 100;
  if (belowHundred === 15 || belowHundred === 16) {
    // Not י״ה / י״ו, which spell divine names.
    letters.push('ט', HEBREW_ONES[belowHundred - 9]);
  } else {
    if (belowHundred >= 10) letters.push(HEBREW_TENS[Math.floor(belowHundred / 10)]);
    if (belowHundred % 10 > 0) letters.push(HEBREW_ONES[belowHundred % 10]);
  }
  if (letters.length === 1) return `${letters[0]}'`;
  const last = letters.length - 1;
  letters[last] = HEBREW_FINAL_FORMS[letters[last]] ?? letters[last];
  if (letters[1] === "'" && letters.length === 3) return `${letters.join('')}'`;
  return `${letters.slice(0, last).join('')}"${letters[last]}`;
}
