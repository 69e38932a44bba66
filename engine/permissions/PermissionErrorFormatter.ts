/**
 * Turns a PermissionError into its message (MediaWiki's
 * PermissionStatus::getMessages): badaccess-groups lists the groups that
 * have the missing right by their names (group-<name>), each linked to its
 * project page (grouppage-<name>), comma-separated, with their count for
 * PLURAL.
 */
import type { RequestContext } from '../context/RequestContext';
import type { Message } from '../i18n/Message';
import type { PermissionError } from './PermissionManager';

export function permissionErrorMessage(context: RequestContext, error: PermissionError): Message {
  if (error.groups) {
    // UserGroupMembership::getLinkWiki(): the group's name, linked to its project page when it has one.
    const names = error.groups.map((group) => {
      const name = context.msg(`group-${group}`);
      const label = name.exists() ? name.text() : group;
      const page = context.msg(`grouppage-${group}`);
      return page.exists() && !page.isDisabled() ? `[[${page.text()}|${label}]]` : label;
    });
    return context.msg(error.key, names.join(context.msg('comma-separator').text()), { num: names.length });
  }
  return context.msg(error.key, ...error.params);
}
