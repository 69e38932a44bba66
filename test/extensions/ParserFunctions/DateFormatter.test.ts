import type { DateTimeFields } from '../../../extensions/ParserFunctions/CivilCalendar';
import { DateNames, formatDate, hebrewNumeral, OutputZone, romanNumeral } from '../../../extensions/ParserFunctions/DateFormatter';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const ENGLISH: DateNames = {
  monthName: (m) => MONTHS[m - 1],
  monthGenitive: (m) => `${MONTHS[m - 1]}-gen`,
  monthAbbreviation: (m) => MONTHS[m - 1].slice(0, 3),
  weekdayName: (w) => WEEKDAYS[w],
  weekdayAbbreviation: (w) => WEEKDAYS[w].slice(0, 3),
};

/** Fields of a MediaWiki timestamp (YYYYMMDDHHMMSS). */
function ts(timestamp: string): DateTimeFields {
  const n = (from: number, to: number) => Number(timestamp.slice(from, to));
  return { year: n(0, 4), month: n(4, 6), day: n(6, 8), hour: n(8, 10), minute: n(10, 12), second: n(12, 14), microsecond: 0 };
}

/**
 * MediaWiki core's LanguageTest::provideSprintfDateSamples (format, timestamp,
 * expected in UTC), without the calendars we do not implement.
 */
const MEDIAWIKI_SAMPLES: [string, string, string, string][] = [
  ['o', '20120101235000', '2011', 'ISO 8601 (week) year'],
  ['W', '20120101235000', '52', 'Week number'],
  ['W', '20120102235000', '01', 'Week number'],
  ['o-\\WW-N', '20091231235000', '2009-W53-4', 'leap week'],
  ['Y', '20120102090705', '2012', 'Full year'],
  ['y', '20120102090705', '12', '2 digit year'],
  ['L', '20120102090705', '1', 'Leap year'],
  ['n', '20120102090705', '1', 'Month index, not zero pad'],
  ['N', '20120102090705', '1', 'Day of the week'],
  ['M', '20120102090705', 'Jan', 'Month abbrev'],
  ['F', '20120102090705', 'January', 'Full month'],
  ['j', '20120102090705', '2', 'Day of month (not zero pad)'],
  ['d', '20120102090705', '02', 'Day of month (zero-pad)'],
  ['z', '20120102090705', '1', 'Day of year (zero-indexed)'],
  ['D', '20120102090705', 'Mon', 'Day of week (abbrev)'],
  ['l', '20120102090705', 'Monday', 'Full day of week'],
  ['N', '20120101090705', '7', 'Day of week (Mon=1, Sun=7)'],
  ['w', '20120101090705', '0', 'Day of week (Sun=0, Sat=6)'],
  ['a', '20120102090705', 'am', 'am vs pm'],
  ['A', '20120102120000', 'PM', 'AM vs PM'],
  ['a', '20120102000000', 'am', 'AM vs PM'],
  ['g', '20120102090705', '9', '12 hour, not Zero'],
  ['h', '20120102090705', '09', '12 hour, zero padded'],
  ['G', '20120102090705', '9', '24 hour, not zero'],
  ['H', '20120102090705', '09', '24 hour, zero'],
  ['H', '20120102110705', '11', '24 hour, zero'],
  ['i', '20120102090705', '07', 'Minutes'],
  ['s', '20120102090705', '05', 'seconds'],
  ['U', '20120102090705', '1325495225', 'unix time'],
  ['t', '20120102090705', '31', 'Days in current month'],
  ['c', '20120102090705', '2012-01-02T09:07:05+00:00', 'ISO 8601 timestamp'],
  ['r', '20120102090705', 'Mon, 02 Jan 2012 09:07:05 +0000', 'RFC 5322'],
  ['e', '20120102090705', 'UTC', 'Timezone identifier'],
  ['I', '19880602090705', '0', 'DST indicator'],
  ['O', '20120102090705', '+0000', 'Timezone offset'],
  ['P', '20120102090705', '+00:00', 'Timezone offset with colon'],
  ['T', '20120102090705', 'UTC', 'Timezone abbreviation'],
  ['Z', '20120102090705', '0', 'Timezone offset in seconds'],
  ['xkY', '20120102090705', '2555', 'Thai year'],
  ['xkY', '19410101090705', '2484', 'Thai year'],
  ['xoY', '20120102090705', '101', 'Minguo'],
  ['xtY', '18660101000000', '西暦1866', 'nengo - before meiji'],
  ['xtY', '18721231235959', '西暦1872', 'nengo - meiji, but Lunisolar calendar'],
  ['xtY', '18730101000000', '明治6', 'nengo - meiji 6th'],
  ['xtY', '19120729235959', '明治45', 'nengo - meiji 45th last day'],
  ['xtY', '19120730000000', '大正元', 'nengo - taisho first day'],
  ['xtY', '19130101000000', '大正2', 'nengo - taisho 2nd'],
  ['xtY', '19261224235959', '大正15', 'nengo - taisho last day'],
  ['xtY', '19261225000000', '昭和元', 'nengo - first day of Showa'],
  ['xtY', '19890107235959', '昭和64', 'nengo - last day of Showa'],
  ['xtY', '19890108000000', '平成元', 'nengo - first day of Heisei'],
  ['xtY', '20190430235959', '平成31', 'nengo - last day of Heisei'],
  ['xtY', '20190501000000', '令和元', 'nengo - first day of Reiwa'],
  ['xtY', '20200501000000', '令和2', 'nengo - second year of Reiwa'],
  ['xrxkYY', '20120102090705', 'MMDLV2012', 'Roman numerals'],
  ['xnY', '20120102090705', '2012', 'Raw numerals'],
  ['[[Y "(yea"\\r)]] \\"xx\\"', '20120102090705', '[[2012 (year)]] "x"', 'Various escaping'],
];

describe('formatDate: MediaWiki sprintfDate samples', () => {
  it.each(MEDIAWIKI_SAMPLES)('%s at %s → %s (%s)', (format, timestamp, expected) => {
    expect(formatDate(format, ts(timestamp), ENGLISH)).toBe(expected);
  });
});

describe('formatDate: the rest of the format language', () => {
  const time = ts('20260102030405'); // a Friday

  it.each([
    ['Y-m-d H:i:s', '2026-01-02 03:04:05'],
    ['xg', 'January-gen'],
    ['D, j M Y', 'Fri, 2 Jan 2026'],
    ['l jS', 'Friday 2S'], // S (English ordinal suffix) is not a sprintfDate code
    ['"quoted Y" Y', 'quoted Y 2026'],
    ['"Y', '"2026'], // an unmatched quote is literal and the codes after it still count
    ['Y"', '2026"'],
    ['\\Y\\\\Y', 'Y\\2026'],
    ['Y\\', '2026\\'],
    ['xx', 'x'],
    ['x', 'x'],
    ['xz', 'z'], // unknown x-code: its last character
    ['xiq', 'q'],
    ['xrm', 'I'],
    ['xrY-xrn', 'MMXXVI-I'],
    ['xhj', "ב'"],
    ['xNY-xNY', '2026-2026'],
    ['xNxrY', '2026'], // raw digits win over roman numerals
    ['W o', '01 2026'],
    ['z t L', '1 31 0'],
    ['g h G H a A', '3 03 3 03 am AM'],
    ['U', '1767323045'],
    ['é ü', 'é ü'],
  ])('%s → %s', (format, expected) => {
    expect(formatDate(format, time, ENGLISH)).toBe(expected);
  });

  it('writes nothing for the Iranian, Hebrew and Hijri calendars, and a pending numeral option is used up', () => {
    expect(formatDate('[xij xiF xin xiY xiy xit xiz]', time, ENGLISH)).toBe('[      ]');
    expect(formatDate('[xjj xjF xjt xjx xjn xjY]', time, ENGLISH)).toBe('[     ]');
    expect(formatDate('[xmj xmF xmn xmY]', time, ENGLISH)).toBe('[   ]');
    expect(formatDate('xhxjYY', ts('20120102090705'), ENGLISH)).toBe('2012');
  });

  it('formats the afternoon and midnight on the 12-hour clock', () => {
    expect(formatDate('g:i a, h A', ts('20260102235900'), ENGLISH)).toBe('11:59 pm, 11 PM');
    expect(formatDate('g h', ts('20260102000000'), ENGLISH)).toBe('12 12');
    expect(formatDate('g a', ts('20260102120000'), ENGLISH)).toBe('12 pm');
  });

  it('pads years below 1000 to four digits', () => {
    expect(formatDate('Y y c', ts('00050304000000'), ENGLISH)).toBe('0005 05 0005-03-04T00:00:00+00:00');
  });

  it('handles ISO weeks around the new year', () => {
    expect(formatDate('o-\\WW-N', ts('20081229000000'), ENGLISH)).toBe('2009-W01-1');
    expect(formatDate('o-\\WW-N', ts('20100103000000'), ENGLISH)).toBe('2009-W53-7');
    expect(formatDate('t L', ts('20000215000000'), ENGLISH)).toBe('29 1');
    expect(formatDate('t L', ts('19000215000000'), ENGLISH)).toBe('28 0');
  });

  it('uses the output zone for e, T, O, P, Z, I, c, r and U', () => {
    const zone: OutputZone = { id: 'Asia/Seoul', abbreviation: 'KST', offsetSeconds: 9 * 3600, isDst: false };
    const local = ts('20120102090705');
    expect(formatDate('e T O P Z I', local, ENGLISH, zone)).toBe('Asia/Seoul KST +0900 +09:00 32400 0');
    expect(formatDate('c', local, ENGLISH, zone)).toBe('2012-01-02T09:07:05+09:00');
    expect(formatDate('r', local, ENGLISH, zone)).toBe('Mon, 02 Jan 2012 09:07:05 +0900');
    expect(formatDate('U', local, ENGLISH, zone)).toBe('1325462825');
    expect(formatDate('O', local, ENGLISH, { ...zone, offsetSeconds: -(5 * 3600 + 30 * 60) })).toBe('-0530');
  });
});

describe('numerals', () => {
  it.each([
    [1, 'I'], [4, 'IV'], [9, 'IX'], [14, 'XIV'], [40, 'XL'], [90, 'XC'], [400, 'CD'], [1999, 'MCMXCIX'], [2026, 'MMXXVI'],
    [3888, 'MMMDCCCLXXXVIII'], [10000, 'MMMMMMMMMM'], [0, '0'], [10001, '10001'], [-5, '-5'],
  ])('romanNumeral(%p) = %s', (n, expected) => {
    expect(romanNumeral(n)).toBe(expected);
  });

  it.each([
    [1, "א'"], [10, "י'"], [11, 'י"א'], [15, 'ט"ו'], [16, 'ט"ז'], [20, "כ'"], [42, 'מ"ב'], [115, 'קט"ו'], [400, "ת'"],
    [500, 'ת"ק'], [770, 'תש"ע'], [1000, "א' אלף"], [2000, "ב' אלפים"], [1001, "א'א'"], [5772, 'ה\'תשע"ב'], [5784, 'ה\'תשפ"ד'],
    [2026, 'ב\'כ"ו'], [0, '0'], [10000, '10000'],
  ])('hebrewNumeral(%p) = %s', (n, expected) => {
    expect(hebrewNumeral(n)).toBe(expected);
  });

  it('uses final letter forms at the end', () => {
    expect(hebrewNumeral(20 + 600)).toBe('תר"ך');
    expect(hebrewNumeral(90)).toBe("צ'");
    expect(hebrewNumeral(190)).toBe('ק"ץ');
  });
});
