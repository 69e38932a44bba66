/**
 * Proleptic Gregorian calendar arithmetic on plain numbers, the calendar PHP's
 * DateTime (timelib) uses for every year, including years before 1582 and
 * year 0 (1 BC). Days are counted from 1970-01-01.
 */

/** Days from 1970-01-01 to the given date (month 1–12; any day number, counted from the 1st). */
export function daysFromCivil(year: number, month: number, day: number): number {
  // Counting years from March puts the leap day at the end of the year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** The date `days` days after 1970-01-01. */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

/** 0 (Sunday) – 6 (Saturday), PHP's 'w'. */
export function dayOfWeek(year: number, month: number, day: number): number {
  // 1970-01-01 was a Thursday.
  return mod(daysFromCivil(year, month, day) + 4, 7);
}

/** 0-based day of the year, PHP's 'z'. */
export function dayOfYear(year: number, month: number, day: number): number {
  return daysFromCivil(year, month, day) - daysFromCivil(year, 1, 1);
}

/** ISO-8601 week number and the year it belongs to (PHP's 'W' and 'o'): weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(year: number, month: number, day: number): { week: number; year: number } {
  const days = daysFromCivil(year, month, day);
  const isoWeekday = mod(days + 3, 7) + 1; // Monday = 1 … Sunday = 7
  const thursday = days - isoWeekday + 4;
  const weekYear = civilFromDays(thursday).year;
  const week = Math.floor((thursday - daysFromCivil(weekYear, 1, 1)) / 7) + 1;
  return { week, year: weekYear };
}

/** Mathematical modulo (the result has the sign of the divisor). */
export function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/** Date and time fields that may be out of range before normalisation (timelib's y/m/d/h/i/s/us). */
export interface DateTimeFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  microsecond: number;
}

/**
 * timelib_do_normalize: carries microseconds into seconds, seconds into
 * minutes and so on, then months into years and days into months, so
 * 2001-02-30 becomes 2001-03-02 and 2001-01-31 plus one month 2001-03-03.
 */
export function normalizeFields(f: DateTimeFields): DateTimeFields {
  let carry: number;
  const microsecond = mod(f.microsecond, 1_000_000);
  carry = Math.floor(f.microsecond / 1_000_000);
  const secondTotal = f.second + carry;
  const second = mod(secondTotal, 60);
  carry = Math.floor(secondTotal / 60);
  const minuteTotal = f.minute + carry;
  const minute = mod(minuteTotal, 60);
  carry = Math.floor(minuteTotal / 60);
  const hourTotal = f.hour + carry;
  const hour = mod(hourTotal, 24);
  carry = Math.floor(hourTotal / 24);
  const monthIndex = f.month - 1;
  const year = f.year + Math.floor(monthIndex / 12);
  const month = mod(monthIndex, 12) + 1;
  const date = civilFromDays(daysFromCivil(year, month, 1) + f.day - 1 + carry);
  return { year: date.year, month: date.month, day: date.day, hour, minute, second, microsecond };
}

/** Seconds since the Unix epoch of normalised fields read as UTC. */
export function epochSecondsOf(f: DateTimeFields): number {
  return daysFromCivil(f.year, f.month, f.day) * 86400 + f.hour * 3600 + f.minute * 60 + f.second;
}

/** The UTC fields of an instant given in seconds since the epoch (plus microseconds). */
export function fieldsFromEpochSeconds(epochSeconds: number, microsecond = 0): DateTimeFields {
  const days = Math.floor(epochSeconds / 86400);
  const secondOfDay = epochSeconds - days * 86400;
  const date = civilFromDays(days);
  return {
    year: date.year,
    month: date.month,
    day: date.day,
    hour: Math.floor(secondOfDay / 3600),
    minute: Math.floor((secondOfDay % 3600) / 60),
    second: secondOfDay % 60,
    microsecond,
  };
}
