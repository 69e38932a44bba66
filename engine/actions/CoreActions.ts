/**
 * Core actions by name (MediaWiki's $wgActions). `submit` is the edit form's
 * POST target, as in MediaWiki.
 */
import type { PageAction } from './Action';
import { EditAction } from './EditAction';
import { HistoryAction } from './HistoryAction';
import { InfoAction } from './InfoAction';
import { PurgeAction } from './PurgeAction';
import { RawAction } from './RawAction';
import { ViewAction } from './ViewAction';
import { createProtectionActions } from './ProtectionActions';
import { createPageManagementActions } from './PageManagementActions';
import { createWatchActions } from './WatchActions';

export function createCoreActions(): Map<string, PageAction> {
  const edit = new EditAction();
  return new Map<string, PageAction>([
    ['view', new ViewAction()],
    ['edit', edit],
    ['submit', edit],
    ['history', new HistoryAction()],
    ['raw', new RawAction()],
    ['info', new InfoAction()],
    ['purge', new PurgeAction()],
    ...createProtectionActions(),
    ...createWatchActions(),
    ...createPageManagementActions(),
  ]);
}
