/**
 * Time zones for #time input ("2011-11-12 23:00 Europe/Paris", "… EST",
 * "… +05:30"). PHP's DateTime knows zone identifiers from its bundled tz
 * database and a table of abbreviations; here identifiers come from the ICU
 * data behind Intl, and the abbreviations are the commonly used part of
 * timelib's table (the first offset it lists for each).
 */
import { DateTimeFields, epochSecondsOf, normalizeFields } from './CivilCalendar';
import { zonedDateFormatter } from '../../engine/util/ZonedDateFormatter';

/** UTC offsets (seconds east) of zone abbreviations, as timelib resolves them without an offset hint. */
const ZONE_ABBREVIATIONS: ReadonlyMap<string, number> = new Map<string, number>([
  ['utc', 0], ['uct', 0], ['gmt', 0], ['z', 0], ['wet', 0], ['west', 3600], ['bst', 3600],
  ['cet', 3600], ['cest', 7200], ['met', 3600], ['mest', 7200], ['wat', 3600], ['wast', 7200],
  ['eet', 7200], ['eest', 10800], ['cat', 7200], ['sast', 7200], ['ist', 7200], ['idt', 10800],
  ['eat', 10800], ['msk', 10800], ['msd', 14400], ['pkt', 18000], ['wib', 25200], ['wita', 28800],
  ['wit', 32400], ['hkt', 28800], ['awst', 28800], ['jst', 32400], ['kst', 30600], ['acst', 34200],
  ['acdt', 37800], ['aest', 36000], ['aedt', 39600], ['chst', 36000], ['nzst', 43200], ['nzdt', 46800],
  ['nst', -12600], ['ast', -14400], ['adt', -10800], ['est', -18000], ['edt', -14400], ['cst', -21600],
  ['cdt', -18000], ['mst', -25200], ['mdt', -21600], ['pst', -28800], ['pdt', -25200], ['akst', -32400],
  ['akdt', -28800], ['hst', -36000], ['sst', -39600],
  // Military zones: A–M east (J is not used), N–Y west, Z is UTC.
  ['a', 3600], ['b', 7200], ['c', 10800], ['d', 14400], ['e', 18000], ['f', 21600], ['g', 25200],
  ['h', 28800], ['i', 32400], ['k', 36000], ['l', 39600], ['m', 43200], ['n', -3600], ['o', -7200],
  ['p', -10800], ['q', -14400], ['r', -18000], ['s', -21600], ['t', -25200], ['u', -28800],
  ['v', -32400], ['w', -36000], ['x', -39600], ['y', -43200],
]);

/** Offset of a zone abbreviation (case-insensitive), or undefined. */
export function abbreviationOffset(abbreviation: string): number | undefined {
  return ZONE_ABBREVIATIONS.get(abbreviation.toLowerCase());
}

function formatterFor(zoneId: string): Intl.DateTimeFormat | null {
  return zonedDateFormatter(zoneId);
}

/** Whether a zone identifier ("Europe/Paris", case-insensitive as in PHP) is known. */
export function isKnownZoneId(zoneId: string): boolean {
  return formatterFor(zoneId) !== null;
}

/** Intl's date range (±8.64e15 ms); beyond it the offset at the nearest end is used. */
const MAX_INTL_SECONDS = 8.64e12;

/** Seconds east of UTC in `zoneId` at the instant `epochSeconds`. */
export function zoneOffsetAt(zoneId: string, epochSeconds: number): number {
  const formatter = formatterFor(zoneId);
  if (!formatter) return 0;
  const clamped = Math.max(-MAX_INTL_SECONDS, Math.min(MAX_INTL_SECONDS, Math.floor(epochSeconds)));
  const parts = formatter.formatToParts(new Date(clamped * 1000));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const era = parts.find((p) => p.type === 'era')?.value ?? 'AD';
  // Intl counts years before 1 AD as "n BC"; the calendar here counts year 0.
  const year = era.startsWith('B') ? 1 - get('year') : get('year');
  const local: DateTimeFields = { year, month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second'), microsecond: 0 };
  return epochSecondsOf(normalizeFields(local)) - clamped;
}

/**
 * The instant of a wall-clock time in `zoneId`: the offset is looked up at
 * the guessed instant and once more at the corrected one, which settles on
 * the zone's offset except inside a DST gap or overlap.
 */
export function localToEpochSeconds(zoneId: string, localEpochSeconds: number): number {
  const first = localEpochSeconds - zoneOffsetAt(zoneId, localEpochSeconds);
  return localEpochSeconds - zoneOffsetAt(zoneId, first);
}
