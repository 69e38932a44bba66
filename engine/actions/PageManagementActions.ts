/**
 * Page management actions by name, merged into the core actions:
 * action=delete (MediaWiki's DeleteAction). Moving is Special:MovePage and
 * undeleting Special:Undelete, as in MediaWiki.
 */
import type { PageAction } from './Action';
import { DeleteAction } from './DeleteAction';

export function createPageManagementActions(): Map<string, PageAction> {
  return new Map<string, PageAction>([['delete', new DeleteAction()]]);
}
