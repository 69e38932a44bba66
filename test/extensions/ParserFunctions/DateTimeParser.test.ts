import fs from 'node:fs';
import path from 'node:path';
import { parseDateTime } from '../../../extensions/ParserFunctions/DateTimeParser';

/** The instant as an ISO string (whole seconds), or null when PHP's DateTime would throw. */
function parse(text: string, now = '2026-01-02T03:04:05Z'): string | null {
  const instant = parseDateTime(text, new Date(now));
  return instant === null ? null : new Date(instant.epochSeconds * 1000).toISOString().replace('.000Z', 'Z');
}

describe('DateTimeParser: timelib test cases (UTC)', () => {
  const rows = fs
    .readFileSync(path.join(__dirname, 'fixtures', 'timelibUtcCases.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t'));

  it('has the cases', () => {
    expect(rows.length).toBeGreaterThan(300);
  });

  it.each(rows.map(([name, expected, input, now]) => [name, JSON.parse(input) as string, JSON.parse(now) as string, Number(expected)] as const))(
    '%s: %p at %p',
    (_name, input, nowText, expected) => {
      const now = parseDateTime(nowText, new Date(0));
      expect(now).not.toBeNull();
      const instant = parseDateTime(input, new Date(now!.epochSeconds * 1000));
      expect(instant?.epochSeconds).toBe(expected);
    },
  );
});

describe('DateTimeParser: formats MediaWiki pages use', () => {
  it.each([
    // Absolute dates
    ['15 January 2001', '2001-01-15T00:00:00Z'],
    ['5 April 1967', '1967-04-05T00:00:00Z'],
    ['28 July 2061', '2061-07-28T00:00:00Z'],
    ['1st January 2020', '2020-01-01T00:00:00Z'],
    ['January 1, 2020', '2020-01-01T00:00:00Z'],
    ['Jan 1 2020', '2020-01-01T00:00:00Z'],
    ['January 31st, 2001', '2001-01-31T00:00:00Z'],
    ['1988-02-28', '1988-02-28T00:00:00Z'],
    ['2001/01/15', '2001-01-15T00:00:00Z'],
    ['1/15/2001', '2001-01-15T00:00:00Z'],
    ['15.01.2001', '2001-01-15T00:00:00Z'],
    ['15-01-2001', '2001-01-15T00:00:00Z'],
    ['15.1.75', '1975-01-15T00:00:00Z'],
    ['15.1.61', '2061-01-15T00:00:00Z'],
    // As PHP documents, "dd.mm.yy" with yy below 61 is read as a time HH.ii.ss.
    ['15.1.01', '2026-01-02T15:01:01Z'],
    ['01-01-15', '2001-01-15T00:00:00Z'],
    ['Jan 2001', '2001-01-01T00:00:00Z'],
    ['2001 Jan', '2001-01-01T00:00:00Z'],
    ['2001-01', '2001-01-01T00:00:00Z'],
    ['15 Jan', '2026-01-15T00:00:00Z'],
    ['Jan-15-2001', '2001-01-15T00:00:00Z'],
    ['2001-Jan-15', '2001-01-15T00:00:00Z'],
    ['20010115', '2001-01-15T00:00:00Z'],
    ['2008.197', '2008-07-15T00:00:00Z'],
    ['2008-W27-3', '2008-07-02T00:00:00Z'],
    ['2008W27', '2008-06-30T00:00:00Z'],
    ['1 XII 2001', '2001-12-01T00:00:00Z'],
    ['Monday, 15 January 2001', '2001-01-15T00:00:00Z'],
    // MediaWiki timestamps and ISO 8601 date-times
    ['20010115103000', '2001-01-15T10:30:00Z'],
    ['2001-01-15T10:00:00Z', '2001-01-15T10:00:00Z'],
    ['2001-01-15T10:00:00+01:00', '2001-01-15T09:00:00Z'],
    ['2001-01-15T10:00:00.5Z', '2001-01-15T10:00:00Z'],
    ['2001-01-15t10:00', '2001-01-15T10:00:00Z'],
    ['2001-01-15 10:00:00.123456', '2001-01-15T10:00:00Z'],
    ['20010115T103000', '2001-01-15T10:30:00Z'],
    ['2001:01:15 10:30:00', '2001-01-15T10:30:00Z'],
    ['10/Oct/2000:13:55:36 -0700', '2000-10-10T20:55:36Z'],
    ['@1234567890', '2009-02-13T23:31:30Z'],
    ['@-1', '1969-12-31T23:59:59Z'],
    ['@0.5', '1970-01-01T00:00:00Z'],
    // Years on their own (MediaWiki prefixes "00:00 " to four digits)
    ['00:00 2001', '2001-01-02T00:00:00Z'],
    ['00:00 1999', '1999-01-02T00:00:00Z'],
    ['2001', '2026-01-02T20:01:00Z'],
    ['1999', '1999-01-02T03:04:05Z'],
    // Times
    ['10:30', '2026-01-02T10:30:00Z'],
    ['10:30:15', '2026-01-02T10:30:15Z'],
    ['10.30', '2026-01-02T10:30:00Z'],
    ['10:30pm', '2026-01-02T22:30:00Z'],
    ['10:30 p.m.', '2026-01-02T22:30:00Z'],
    ['10am', '2026-01-02T10:00:00Z'],
    ['12am', '2026-01-02T00:00:00Z'],
    ['12pm', '2026-01-02T12:00:00Z'],
    ['t1030', '2026-01-02T10:30:00Z'],
    ['103015', '2026-01-02T10:30:15Z'],
    ['Jan 15 10:00', '2026-01-15T10:00:00Z'],
    ['Jan 15 10:00pm', '2026-01-15T22:00:00Z'],
    ['back of 7pm', '2026-01-02T19:15:00Z'],
    ['front of 7', '2026-01-02T06:45:00Z'],
    // Zones
    ['2011-11-12 23:00 UTC', '2011-11-12T23:00:00Z'],
    ['2011-11-12 23:00 Europe/Paris', '2011-11-12T22:00:00Z'],
    ['2011-11-12 23:00 America/New_York', '2011-11-13T04:00:00Z'],
    ['2011-07-12 23:00 Europe/Paris', '2011-07-12T21:00:00Z'],
    ['2011-11-12 23:00 EST', '2011-11-13T04:00:00Z'],
    ['2011-11-12 23:00 CEST', '2011-11-12T21:00:00Z'],
    ['2011-11-12 23:00 (CET)', '2011-11-12T22:00:00Z'],
    ['2011-11-12 23:00 +05:30', '2011-11-12T17:30:00Z'],
    ['2011-11-12 23:00 -0330', '2011-11-13T02:30:00Z'],
    ['2011-11-12 23:00 GMT+2', '2011-11-12T21:00:00Z'],
    ['2011-11-12 23:00 Z', '2011-11-12T23:00:00Z'],
    ['2011-11-12 23:00 UTC UTC', '2011-11-12T23:00:00Z'],
    // Relative
    ['now', '2026-01-02T03:04:05Z'],
    ['today', '2026-01-02T00:00:00Z'],
    ['midnight', '2026-01-02T00:00:00Z'],
    ['noon', '2026-01-02T12:00:00Z'],
    ['tomorrow', '2026-01-03T00:00:00Z'],
    ['yesterday', '2026-01-01T00:00:00Z'],
    ['tomorrow 11:00', '2026-01-03T11:00:00Z'],
    ['11:00 tomorrow', '2026-01-03T00:00:00Z'],
    ['+1 day', '2026-01-03T03:04:05Z'],
    ['-2 weeks', '2025-12-19T03:04:05Z'],
    ['+1 week 2 days', '2026-01-11T03:04:05Z'],
    ['3 months ago', '2025-10-02T03:04:05Z'],
    ['1 year ago', '2025-01-02T03:04:05Z'],
    ['+1 month', '2026-02-02T03:04:05Z'],
    ['+90 minutes', '2026-01-02T04:34:05Z'],
    ['+1 fortnight', '2026-01-16T03:04:05Z'],
    ['2026-01-31 +1 month', '2026-03-03T00:00:00Z'],
    ['+2 weekdays', '2026-01-06T03:04:05Z'],
    ['-1 weekday', '2026-01-01T03:04:05Z'],
    ['monday', '2026-01-05T00:00:00Z'],
    ['friday', '2026-01-02T00:00:00Z'],
    ['next friday', '2026-01-09T00:00:00Z'],
    ['last friday', '2025-12-26T00:00:00Z'],
    ['this friday', '2026-01-02T00:00:00Z'],
    ['second sunday', '2026-01-11T00:00:00Z'],
    ['next month', '2026-02-02T03:04:05Z'],
    ['last year', '2025-01-02T03:04:05Z'],
    ['next week', '2026-01-05T03:04:05Z'],
    ['last week', '2025-12-22T03:04:05Z'],
    ['first day of next month', '2026-02-01T03:04:05Z'],
    ['last day of next month', '2026-02-28T03:04:05Z'],
    ['last day of february 2024', '2024-02-29T00:00:00Z'],
    ['midnight first day of this month', '2026-01-01T00:00:00Z'],
    ['first monday of January 2020', '2020-01-06T00:00:00Z'],
    ['last friday of next month', '2026-02-27T00:00:00Z'],
    ['third wednesday of 2026-03', '2026-03-18T00:00:00Z'],
    // Rolling over
    ['2001-02-30', '2001-03-02T00:00:00Z'],
    ['2001-02-29 24:00', '2001-03-02T00:00:00Z'],
    ['0000-01-01', '0000-01-01T00:00:00Z'],
  ])('%p → %s', (input, expected) => {
    expect(parse(input)).toBe(expected);
  });

  it('keeps the fraction of a second', () => {
    expect(parseDateTime('@1.5', new Date(0))).toEqual({ epochSeconds: 1, microsecond: 500000 });
    expect(parseDateTime('2001-01-15 10:00:00.123456', new Date(0))?.microsecond).toBe(123456);
  });

  it('takes the fraction of the current second for "now"', () => {
    expect(parseDateTime('now', new Date(1500))).toEqual({ epochSeconds: 1, microsecond: 500000 });
  });

  it('reads years before 0 and after 9999 (the time functions reject them)', () => {
    expect(parseDateTime('-0001-01-01', new Date(0))?.epochSeconds).toBe(-62198755200);
    expect(parseDateTime('+10000-01-01', new Date(0))?.epochSeconds).toBe(253402300800);
  });
});

describe('DateTimeParser: errors (DateTime throws)', () => {
  it.each([
    [''],
    ['   '],
    ['foo'],
    ['nowhere'],
    ['2001-13-01'],
    ['2001-01-32x'],
    ['2001-01-01 2002-01-01'],
    ['12:00 13:00'],
    ['today 12:00 13:00'],
    ['00:00 2001 2002'],
    ['@1.'],
    ['@99999999999999999999999'],
    ['2011-11-12 23:00 Mars/Olympus_Mons'],
    ['2011-11-12 23:00 UTC UTC UTC'],
    ['1 jan 10000'],
    ['+1 lightyear'],
    ['#'],
    ['10:30 \u00e9'],
  ])('%p is invalid', (input) => {
    expect(parse(input)).toBeNull();
  });
});
