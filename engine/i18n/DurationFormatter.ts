/**
 * MediaWiki's Language::formatDuration(): a number of seconds as days,
 * hours, minutes and seconds ("1 day, 2 hours"), largest units first and
 * zero parts left out, each from its `duration-*` message.
 */
import type { MessageLocalizer } from './MessageLocalizer';

const UNITS: Array<[string, number]> = [
  ['duration-days', 86400],
  ['duration-hours', 3600],
  ['duration-minutes', 60],
  ['duration-seconds', 1],
];

export function formatDuration(messages: MessageLocalizer, language: string, seconds: number): string {
  let rest = Math.max(0, Math.round(seconds));
  const parts: string[] = [];
  for (const [key, size] of UNITS) {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount > 0) parts.push(messages.msg(key, language, amount).text());
  }
  if (parts.length === 0) parts.push(messages.msg('duration-seconds', language, 0).text());
  return parts.join(messages.msg('comma-separator', language).text());
}
