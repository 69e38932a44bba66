/**
 * MediaWiki's TS_MW timestamps: 14 digits, UTC, YYYYMMDDHHMMSS. They are what
 * the database stores (sortable as text on every backend).
 */

export function toMwTimestamp(date: Date = new Date()): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

export function fromMwTimestamp(ts: string): Date {
  if (!/^\d{14}$/.test(ts)) throw new Error(`Not a TS_MW timestamp: ${ts}`);
  return new Date(Date.UTC(+ts.slice(0, 4), +ts.slice(4, 6) - 1, +ts.slice(6, 8), +ts.slice(8, 10), +ts.slice(10, 12), +ts.slice(12, 14)));
}

/** ISO 8601 as the APIs print it: 2026-11-26T22:36:15Z. */
export function mwTimestampToIso(ts: string): string {
  return fromMwTimestamp(ts).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Parses a user-supplied timestamp (TS_MW or ISO 8601); null when invalid. */
export function parseTimestamp(input: string): string | null {
  if (/^\d{14}$/.test(input)) {
    const date = fromMwTimestamp(input);
    return Number.isNaN(date.getTime()) ? null : toMwTimestamp(date);
  }
  const date = new Date(input);
  return Number.isNaN(date.getTime()) ? null : toMwTimestamp(date);
}

/** English in MediaWiki defaults to day-month-year ("26 November 2026"), which Intl calls en-GB. */
function intlLocale(language: string): string {
  return language === 'en' || language === 'qqx' ? 'en-GB' : language;
}

/** "22:36, 26 November 2026": MediaWiki's default English date format (dmy with time first). */
export function formatUserTimestamp(ts: string, language: string): string {
  const date = fromMwTimestamp(ts);
  const time = new Intl.DateTimeFormat(intlLocale(language), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(date);
  const day = new Intl.DateTimeFormat(intlLocale(language), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  return `${time}, ${day}`;
}

export function formatUserDate(ts: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(fromMwTimestamp(ts));
}

export function formatUserTime(ts: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(fromMwTimestamp(ts));
}
