/**
 * Watch actions by name, merged into the core actions.
 */
import type { PageAction } from './Action';
import { WatchAction } from './WatchAction';

export function createWatchActions(): Map<string, PageAction> {
  return new Map<string, PageAction>([
    ['watch', new WatchAction('watch')],
    ['unwatch', new WatchAction('unwatch')],
  ]);
}
