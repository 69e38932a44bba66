/**
 * Watch actions by name, merged into the core actions.
 */
import type { PageAction } from './Action';

export function createWatchActions(): Map<string, PageAction> {
  return new Map<string, PageAction>([]);
}
