/**
 * Group names and membership links as MediaWiki's UserGroupMembership and
 * Language show them, shared by the rights log, Special:UserRights,
 * Special:ListUsers and Special:ListGroupRights:
 * - getGroupName: `group-<name>` (plural, "Documentation editors");
 * - getGroupMemberName: `group-<name>-member` (singular, GENDER-aware);
 * - getGroupPage: the title named by `grouppage-<name>`;
 * - getLinkHTML: the name linked to the group page, with "(until …)" for a
 *   membership that expires;
 * - Language::listToText / commaList.
 */
import type { RequestContext } from '../../../context/RequestContext';
import { html, HtmlValue, rawHtml, SafeHtml } from '../../../html/Html';
import { pageKeyOf } from '../../../storage/PageStore';
import type { Title } from '../../../title/Title';
import type { UserGroupMembership } from '../../../user/User';
import { formatUserDate, formatUserTime, formatUserTimestamp } from '../../../util/Timestamp';
import { pageLink } from '../SpecialPageHtml';

/** UserGroupMembership::getGroupName(): the plural name; '*' is "(all)". */
export function groupName(context: RequestContext, group: string): string {
  const msg = context.msg(`group-${group === '*' ? 'all' : group}`);
  return msg.exists() ? msg.text() : group;
}

/** UserGroupMembership::getGroupMemberName(): the singular name, GENDER-aware for `userName`. */
export function groupMemberName(context: RequestContext, group: string, userName: string): string {
  const msg = context.msg(`group-${group}-member`, userName);
  return msg.exists() ? msg.text() : group;
}

/**
 * `{{ns:…}}` in a message text (the grouppage-<group> messages use
 * {{ns:project}}), resolved to the local namespace name.
 */
function expandNamespaceNames(context: RequestContext, text: string): string {
  const info = context.services.namespaceInfo;
  return text.replace(/\{\{\s*ns\s*:\s*([^}]*)\}\}/gi, (whole, name: string) => {
    const trimmed = name.trim();
    const id = /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed.toLowerCase() === 'project' ? 4 : info.getNamespaceId(trimmed);
    if (id === undefined) return whole;
    return id === 0 ? '' : info.getNamespaceName(id) ?? whole;
  });
}

/** UserGroupMembership::getGroupPage(): the title `grouppage-<group>` names, if any. */
export function groupPageTitle(context: RequestContext, group: string): Title | null {
  const msg = context.msg(`grouppage-${group}`);
  if (msg.isDisabled()) return null;
  return context.services.titleFactory.newFromText(expandNamespaceNames(context, msg.plain()));
}

/** The "(until …)" message of a membership with an expiry. */
function withExpiry(context: RequestContext, link: SafeHtml, expiry: string | null): SafeHtml {
  if (!expiry) return link;
  const lang = context.language;
  return rawHtml(context.msg('group-membership-link-with-expiry').rawParams(link).params(formatUserTimestamp(expiry, lang), formatUserDate(expiry, lang), formatUserTime(expiry, lang)).escaped());
}

/**
 * UserGroupMembership::getLinkHTML(): the group's name (the member name
 * when `userName` is given) linked to its group page, and its expiry.
 * `existing` holds page keys for red links (pageKeyOf); without it links are blue.
 */
export function groupMembershipLink(context: RequestContext, membership: UserGroupMembership, userName: string | null, existing?: ReadonlySet<string>): SafeHtml {
  const name = userName === null ? groupName(context, membership.group) : groupMemberName(context, membership.group, userName);
  const page = groupPageTitle(context, membership.group);
  const link = page ? pageLink(context, page, existing ? existing.has(pageKeyOf(page)) : true, name) : html`${name}`;
  return withExpiry(context, link, membership.expiry);
}

/** The group pages of some groups, for one existence query. */
export function groupPageTitles(context: RequestContext, groups: Iterable<string>): Title[] {
  const titles: Title[] = [];
  for (const group of groups) {
    const title = groupPageTitle(context, group);
    if (title) titles.push(title);
  }
  return titles;
}

/** Language::commaList(): items joined with the comma separator. */
export function commaList(context: RequestContext, items: readonly HtmlValue[]): SafeHtml {
  const separator = rawHtml(context.msg('comma-separator').escaped());
  return html`${items.map((item, i) => (i === 0 ? item : html`${separator}${item}`))}`;
}

/** Language::listToText(): "a, b and c". */
export function listToText(context: RequestContext, items: readonly HtmlValue[]): SafeHtml {
  if (items.length === 0) return html``;
  if (items.length === 1) return html`${items[0]}`;
  // Escaped, as Language::listToText takes them: 'and' is "&#32;and" (an entity kept as such).
  const and = rawHtml(context.msg('and').escaped() + context.msg('word-separator').escaped());
  return html`${commaList(context, items.slice(0, -1))}${and}${items[items.length - 1]}`;
}
