/**
 * Turns a PermissionError into its message (MediaWiki's
 * PermissionStatus::getMessages): badaccess-groups lists the groups that
 * have the missing right by their member names (group-<name>-member),
 * comma-separated, with their count for PLURAL.
 */
import type { RequestContext } from '../context/RequestContext';
import type { Message } from '../i18n/Message';
import type { PermissionError } from './PermissionManager';

export function permissionErrorMessage(context: RequestContext, error: PermissionError): Message {
  if (error.groups) {
    const names = error.groups.map((group) => {
      const member = context.msg(`group-${group}-member`);
      return member.exists() ? member.text() : group;
    });
    return context.msg(error.key, names.join(context.msg('comma-separator').text()), { num: names.length });
  }
  return context.msg(error.key, ...error.params);
}
