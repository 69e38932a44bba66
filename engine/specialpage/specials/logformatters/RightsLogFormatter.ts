/**
 * The `rights` log's lines (MediaWiki's RightsLogFormatter):
 * "<performer> changed group membership for <target> from <old> to <new>".
 *
 * - $3 links the target's user page with the bare user name as its text;
 * - $4 / $5 are the old and new groups by their member names (GENDER of the
 *   target), memberships with an expiry first as "… (temporary, until …)",
 *   joined as a list ("a, b and c"), or "(none)";
 * - $6 is the target's name (for GENDER).
 * Parameters as Special:UserRights stores them: 4::oldgroups, 5::newgroups
 * (arrays of group names), oldmetadata / newmetadata (per group, in the same
 * order, {expiry: TS_MW|null} or null). Entries from before those existed
 * use `logentry-rights-rights-legacy`.
 */
import type { RequestContext } from '../../../context/RequestContext';
import { html, rawHtml, SafeHtml } from '../../../html/Html';
import { userLinks } from '../../../page/ChangeListFormatting';
import { pageKeyOf } from '../../../storage/PageStore';
import { formatUserDate, formatUserTime, formatUserTimestamp } from '../../../util/Timestamp';
import type { LogLine } from '../SpecialLog';
import { pageLink } from '../SpecialPageHtml';
import { groupMemberName, listToText } from './GroupMembershipHtml';

/** A group list parameter: an array of names, or the comma-separated string of very old entries. */
function groupList(value: unknown): string[] | null {
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string');
  if (typeof value === 'string') return value === '' ? [] : value.split(/\s*,\s*/);
  return null;
}

function expiryOf(metadata: unknown, index: number): string | null {
  if (!Array.isArray(metadata)) return null;
  const entry: unknown = metadata[index];
  if (entry && typeof entry === 'object' && 'expiry' in entry) {
    const expiry = (entry as { expiry: unknown }).expiry;
    return typeof expiry === 'string' && /^\d{14}$/.test(expiry) ? expiry : null;
  }
  return null;
}

/** RightsLogFormatter::formatRightsList(): temporary memberships first, then the permanent ones. */
function formatRightsList(context: RequestContext, groups: readonly string[], metadata: unknown, userName: string): SafeHtml {
  const temporary: SafeHtml[] = [];
  const permanent: SafeHtml[] = [];
  const lang = context.language;
  groups.forEach((group, i) => {
    const name = groupMemberName(context, group, userName);
    const expiry = expiryOf(metadata, i);
    if (expiry) {
      temporary.push(rawHtml(context.msg('rightslogentry-temporary-group', name, formatUserTimestamp(expiry, lang), formatUserDate(expiry, lang), formatUserTime(expiry, lang)).parse()));
    } else {
      permanent.push(html`${name}`);
    }
  });
  return listToText(context, [...temporary, ...permanent]);
}

export function rightsLogActionHtml(context: RequestContext, line: LogLine, existing: ReadonlySet<string>): SafeHtml {
  const target = context.services.titleFactory.makeTitle(line.namespace, line.dbKey);
  const userName = target.getText();
  const performer = userLinks(context, line.actorName, line.actorUserId);
  const targetLink = pageLink(context, target, existing.has(pageKeyOf(target)), userName);
  const oldGroups = groupList(line.params['4::oldgroups'] ?? line.params.oldgroups);
  const newGroups = groupList(line.params['5::newgroups'] ?? line.params.newgroups);
  if (oldGroups === null && newGroups === null) {
    const key = line.action === 'autopromote' ? 'logentry-rights-autopromote' : 'logentry-rights-rights-legacy';
    return rawHtml(context.msg(key, { raw: performer.value }, line.actorName, { raw: targetLink.value }).parse());
  }
  const describe = (groups: string[] | null, metadata: unknown) =>
    groups && groups.length > 0 ? { raw: formatRightsList(context, groups, metadata, userName).value } : context.msg('rightsnone').text();
  const key = line.action === 'autopromote' ? 'logentry-rights-autopromote' : 'logentry-rights-rights';
  return rawHtml(
    context.msg(key, { raw: performer.value }, line.actorName, { raw: targetLink.value }, describe(oldGroups, line.params.oldmetadata), describe(newGroups, line.params.newmetadata), userName).parse(),
  );
}
