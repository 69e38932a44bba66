/**
 * One cached Intl formatter per time zone that gives the Gregorian calendar
 * fields PHP's DateTime reads (24-hour clock, Latin digits, era so years
 * before 1 CE can be told apart). null for a zone name Intl doesn't know.
 */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

export function zonedDateFormatter(timeZone: string): Intl.DateTimeFormat | null {
  const key = timeZone.toLowerCase();
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        calendar: 'gregory',
        numberingSystem: 'latn',
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      formatter = null;
    }
    formatters.set(key, formatter);
  }
  return formatter;
}
