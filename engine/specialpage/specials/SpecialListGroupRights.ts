/**
 * Special:ListGroupRights (MediaWiki's SpecialListGroupRights): a table of
 * every group the configuration names — its name linked to its group page
 * (`grouppage-<group>`) with "(list of members)" linking Special:ListUsers
 * (not for implicit groups other than `user`) — and what it grants: each
 * right as "Description (right-name)", revoked rights, and which groups its
 * members may add and remove ($wgAddGroups, $wgRemoveGroups,
 * $wgGroupsAddToSelf, $wgGroupsRemoveFromSelf). Below it, the namespace
 * restrictions ($wgNamespaceProtection).
 */
import type { RequestContext } from '../../context/RequestContext';
import { escapeHtml, html, rawHtml, SafeHtml } from '../../html/Html';
import { pageKeyOf } from '../../storage/PageStore';
import { SpecialPage } from '../SpecialPage';
import { pageLink, specialPageTitle } from './SpecialPageHtml';
import { groupMembershipLink, groupName, groupPageTitle, groupPageTitles, listToText } from './logformatters/GroupMembershipHtml';

type GroupList = true | string[] | undefined;

/**
 * The legend (`listgrouprights-key`): a line, then "* " items whose
 * <span class="listgrouprights-granted|revoked"> show the two styles. The
 * message subset renders neither lists nor classed spans, so those two forms
 * are re-allowed here on the escaped text; everything else stays text.
 */
function legendHtml(text: string): SafeHtml {
  const inline = (line: string) =>
    rawHtml(
      escapeHtml(line)
        .replace(/&lt;span class=&quot;(listgrouprights-(?:granted|revoked))&quot;&gt;/g, '<span class="$1">')
        .replace(/&lt;\/span&gt;/g, '</span>'),
    );
  const lines = text.split('\n');
  const head = lines.filter((l) => !l.startsWith('*'));
  const items = lines.filter((l) => l.startsWith('*')).map((l) => l.replace(/^\*\s*/, ''));
  return html`${head.length > 0 ? html`<p>${inline(head.join(' '))}</p>` : ''}${items.length > 0 ? html`<ul>${items.map((item) => html`<li>${inline(item)}</li>`)}</ul>` : ''}`;
}

/** Sanitizer::escapeIdForAttribute() for a group name. */
function escapeId(text: string): string {
  return text.replace(/ /g, '_');
}

export class SpecialListGroupRights extends SpecialPage {
  override readonly group = 'users';
  override readonly aliases = ['Listgrouprights', 'UserGroupRights'];

  constructor() {
    super('ListGroupRights');
  }

  async execute(context: RequestContext): Promise<void> {
    const { output, services } = context;
    const settings = services.settings;
    const summary = context.msg('listgrouprights-summary');
    if (!summary.isDisabled()) output.addHtml(html`<div class="mw-specialpage-summary">${rawHtml(summary.parseAsBlock())}</div>`);

    const groups = [
      ...new Set([
        ...Object.keys(settings.groupPermissions),
        ...Object.keys(settings.revokePermissions),
        ...Object.keys(settings.addGroups),
        ...Object.keys(settings.removeGroups),
        ...Object.keys(settings.groupsAddToSelf),
        ...Object.keys(settings.groupsRemoveFromSelf),
      ]),
    ].sort();
    const existing = await services.pageStore.existingTitles(groupPageTitles(context, groups));

    output.addHtml(html`<div class="mw-listgrouprights-key">${legendHtml(context.msg('listgrouprights-key').text())}</div>\n`);
    const rows = groups.map((group) => this.groupRow(context, group, existing));
    output.addHtml(html`<table class="wikitable mw-listgrouprights-table"><tr><th>${context.msg('listgrouprights-group').text()}</th><th>${context.msg('listgrouprights-rights').text()}</th></tr>\n${rows}</table>\n`);
    output.addHtml(this.namespaceProtection(context));
  }

  private groupRow(context: RequestContext, group: string, existing: ReadonlySet<string>): SafeHtml {
    const settings = context.services.settings;
    const page = group === '*' ? null : groupPageTitle(context, group);
    const name = groupName(context, group);
    const groupCell = page ? pageLink(context, page, existing.has(pageKeyOf(page)), name) : html`${name}`;
    const listUsers = specialPageTitle(context, 'ListUsers');
    let members: SafeHtml | '' = '';
    if (group === 'user') {
      members = html`<br><a href="${listUsers.getLocalURL()}" title="${listUsers.getPrefixedText()}">${context.msg('listgrouprights-members').text()}</a>`;
    } else if (!settings.implicitGroups.includes(group)) {
      members = html`<br><a href="${listUsers.getLocalURL({ group })}" title="${listUsers.getPrefixedText()}">${context.msg('listgrouprights-members').text()}</a>`;
    }
    const granted = Object.entries(settings.groupPermissions[group] ?? {})
      .filter(([, on]) => on)
      .map(([right]) => right);
    const revoked = Object.entries(settings.revokePermissions[group] ?? {})
      .filter(([, on]) => on)
      .map(([right]) => right);
    const id = group === '*' ? undefined : escapeId(group);
    const permissions = this.formatPermissions(context, granted, revoked, settings.addGroups[group], settings.removeGroups[group], settings.groupsAddToSelf[group], settings.groupsRemoveFromSelf[group], existing);
    return html`<tr${id ? html` id="${id}"` : ''}><td>${groupCell}${members}</td><td>${permissions}</td></tr>\n`;
  }

  private rightText(context: RequestContext, right: string, cls: string): { sort: string; html: SafeHtml } {
    const msg = context.msg(`right-${right}`);
    const description = msg.exists() ? msg.text() : right;
    return { sort: description, html: html`<span class="${cls}">${description} <code>(<span class="mw-listgrouprights-right-name">${right}</span>)</code></span>` };
  }

  /** SpecialListGroupRights::formatPermissions(). */
  private formatPermissions(
    context: RequestContext,
    granted: readonly string[],
    revoked: readonly string[],
    add: GroupList,
    remove: GroupList,
    addSelf: GroupList,
    removeSelf: GroupList,
    existing: ReadonlySet<string>,
  ): SafeHtml | '' {
    const byText = (a: { sort: string }, b: { sort: string }) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0);
    const items: SafeHtml[] = [
      ...granted
        .filter((right) => !revoked.includes(right))
        .map((right) => this.rightText(context, right, 'listgrouprights-granted'))
        .sort(byText)
        .map((r) => r.html),
      ...revoked
        .map((right) => this.rightText(context, right, 'listgrouprights-revoked'))
        .sort(byText)
        .map((r) => r.html),
    ];
    const allGroups = context.services.permissionManager.getAllGroups();
    const groupChanges = (list: GroupList, allKey: string, someKey: string) => {
      if (list === true) {
        items.push(html`${context.msg(allKey).text()}`);
      } else if (Array.isArray(list)) {
        const named = [...new Set(list)].filter((g) => allGroups.includes(g));
        if (named.length > 0) {
          const links = listToText(context, named.map((g) => groupMembershipLink(context, { group: g, expiry: null }, null, existing)));
          items.push(rawHtml(context.msg(someKey).rawParams(links).params(named.length).escaped()));
        }
      }
    };
    groupChanges(add, 'listgrouprights-addgroup-all', 'listgrouprights-addgroup');
    groupChanges(remove, 'listgrouprights-removegroup-all', 'listgrouprights-removegroup');
    groupChanges(addSelf, 'listgrouprights-addgroup-self-all', 'listgrouprights-addgroup-self');
    groupChanges(removeSelf, 'listgrouprights-removegroup-self-all', 'listgrouprights-removegroup-self');
    if (items.length === 0) return '';
    return html`<ul>${items.map((item) => html`<li>${item}</li>\n`)}</ul>`;
  }

  /** SpecialListGroupRights::outputNamespaceProtectionInfo(). */
  private namespaceProtection(context: RequestContext): SafeHtml {
    const { services } = context;
    const protection = services.settings.namespaceProtection;
    const valid = new Set(services.namespaceInfo.getValidNamespaces());
    const namespaces = Object.keys(protection)
      .map(Number)
      .filter((ns) => valid.has(ns) && (protection[String(ns)] ?? []).length > 0)
      .sort((a, b) => a - b);
    if (namespaces.length === 0) return html``;
    const allPages = specialPageTitle(context, 'AllPages');
    const header = context.msg('listgrouprights-namespaceprotection-header').text();
    const rows = namespaces.map((ns) => {
      const label = ns === 0 ? context.msg('blanknamespace').text() : services.namespaceInfo.getNamespaceName(ns) ?? String(ns);
      const rights = (protection[String(ns)] ?? []).map((right) => html`<li>${this.rightText(context, right, 'listgrouprights-granted').html}</li>`);
      return html`<tr><td><a href="${allPages.getLocalURL({ namespace: ns })}" title="${allPages.getPrefixedText()}">${label.replace(/_/g, ' ')}</a></td><td><ul>${rights}</ul></td></tr>\n`;
    });
    return html`<h2 id="${escapeId(header)}">${header}</h2><table class="wikitable"><tr><th>${context.msg('listgrouprights-namespaceprotection-namespace').text()}</th><th>${context.msg('listgrouprights-namespaceprotection-restrictedto').text()}</th></tr>\n${rows}</table>\n`;
  }
}
