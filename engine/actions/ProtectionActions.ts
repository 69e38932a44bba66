/**
 * Protection actions by name, merged into the core actions: action=protect
 * and action=unprotect (the same form, as MediaWiki's UnprotectAction).
 */
import type { PageAction } from './Action';
import { ProtectAction } from './ProtectAction';

export function createProtectionActions(): Map<string, PageAction> {
  return new Map<string, PageAction>([
    ['protect', new ProtectAction('protect')],
    ['unprotect', new ProtectAction('unprotect')],
  ]);
}
