/**
 * Special:ListUsers (MediaWiki's SpecialListUsers + UsersPager): registered
 * users in alphabetical order, 50 a page, each as
 * "Name (talk | contribs) (explicit groups) [N edits] (Created on … at …)".
 *
 * - Filters: `group` (or the subpage: Special:ListUsers/docseditor,
 *   Special:ListUsers/sysop/Name), `username` (start at that name),
 *   `editsOnly`, `temporaryGroupsOnly`, `creationSort` (by account creation),
 *   `desc`; `limit` / `offset` / `dir=prev` page as MediaWiki's AlphabeticPager.
 * - Groups are the explicit ones, by their member names (group-<g>-member)
 *   linked to their group pages, with "(until …)" for memberships that expire;
 *   implicit groups are never listed. The group menu offers every assignable
 *   group, sorted by its name.
 */
import type { RequestContext } from '../../context/RequestContext';
import { attributes, html, rawHtml, SafeHtml } from '../../html/Html';
import { formatNum } from '../../i18n/MessageFormatter';
import { pageKeyOf } from '../../storage/PageStore';
import { NS_USER, NS_USER_TALK } from '../../title/NamespaceInfo';
import type { Title } from '../../title/Title';
import { UserListQuery, UserListRow } from '../../user/UserListQuery';
import { formatUserDate, formatUserTime } from '../../util/Timestamp';
import { SpecialPage } from '../SpecialPage';
import { parseLimit } from './SpecialLog';
import { checkbox, getFormStart, joinPipes, specialPageTitle } from './SpecialPageHtml';
import { commaList, groupMembershipLink, groupName, groupPageTitles } from './logformatters/GroupMembershipHtml';

export const LISTUSERS_DEFAULT_LIMIT = 50;
export const LISTUSERS_MAX_LIMIT = 500;
const LIMIT_LINKS = [20, 50, 100, 250, 500];

/**
 * Linker::userLink() + userToolLinksRedContribs(): the user page link (red
 * when the page is missing), then "(talk | contribs)" with the talk link red
 * when missing and the contributions link red for a user without edits.
 */
export function userLinkWithTools(context: RequestContext, user: { id: number; name: string; editCount: number }, existing: ReadonlySet<string>): SafeHtml {
  const titles = context.services.titleFactory;
  const dbKey = user.name.replace(/ /g, '_');
  const userPage = titles.makeTitle(NS_USER, dbKey);
  const talkPage = titles.makeTitle(NS_USER_TALK, dbKey);
  const contribs = specialPageTitle(context, 'Contributions', dbKey);
  const link = (title: Title, cls: string, content: SafeHtml | string) =>
    existing.has(pageKeyOf(title))
      ? html`<a href="${title.getLocalURL()}" class="${cls}" title="${title.getPrefixedText()}">${content}</a>`
      : html`<a href="${title.getLocalURL({ action: 'edit', redlink: 1 })}" class="new ${cls}" title="${context.msg('red-link-title', title.getPrefixedText()).text()}">${content}</a>`;
  const contribsClass = user.editCount === 0 ? 'new mw-usertoollinks-contribs' : 'mw-usertoollinks-contribs';
  return html`${link(userPage, 'mw-userlink', html`<bdi>${user.name}</bdi>`)} <span class="mw-usertoollinks">(${link(talkPage, 'mw-usertoollinks-talk', context.msg('talkpagelinktext').text())} | <a href="${contribs.getLocalURL()}" class="${contribsClass}" title="${contribs.getPrefixedText()}">${context.msg('contribslink').text()}</a>)</span>`;
}

/** The user and talk pages of some users, for one existence query. */
export function userPageTitles(context: RequestContext, names: readonly string[]): Title[] {
  const titles = context.services.titleFactory;
  return names.flatMap((name) => [titles.makeTitle(NS_USER, name.replace(/ /g, '_')), titles.makeTitle(NS_USER_TALK, name.replace(/ /g, '_'))]);
}

interface ListUsersRequest {
  group: string;
  username: string;
  editsOnly: boolean;
  temporaryGroupsOnly: boolean;
  creationSort: boolean;
  desc: boolean;
  limit: number;
}

export class SpecialListUsers extends SpecialPage {
  override readonly group = 'users';
  override readonly aliases = ['Listusers', 'UserList', 'Users'];

  constructor() {
    super('ListUsers');
  }

  async execute(context: RequestContext, subPage: string | null): Promise<void> {
    const { request, output, services } = context;
    const assignable = services.permissionManager.getAssignableGroups();
    const allGroups = services.permissionManager.getAllGroups();

    // UsersPager: the subpage is a group, "group/name", or a name to start at.
    let group = request.getVal('group') ?? '';
    let name = request.getVal('username') ?? '';
    if (subPage !== null && subPage !== '') {
      const parts = subPage.split('/');
      if (allGroups.includes(subPage) || subPage === '*' || subPage === 'user') {
        group = subPage;
      } else if (parts.length === 2) {
        group = parts[0];
        name = parts[1];
      } else {
        name = subPage;
      }
    }
    if (group === '*' || group === 'user') group = '';
    let username = '';
    if (name.trim() !== '') username = services.titleFactory.makeTitleSafe(NS_USER, name)?.getText() ?? '';

    const options: ListUsersRequest = {
      group,
      username,
      editsOnly: request.getBool('editsOnly'),
      temporaryGroupsOnly: request.getBool('temporaryGroupsOnly'),
      creationSort: request.getBool('creationSort'),
      desc: request.getBool('desc'),
      limit: parseLimit(request.getVal('limit'), LISTUSERS_DEFAULT_LIMIT, LISTUSERS_MAX_LIMIT),
    };
    const offset = request.getVal('offset') ?? '';
    const backwards = request.getVal('dir') === 'prev';

    const summary = context.msg('listusers-summary');
    if (!summary.isDisabled()) output.addHtml(html`<div class="mw-specialpage-summary">${rawHtml(summary.parseAsBlock())}</div>`);
    output.addHtml(this.form(context, options, assignable));

    const page = await new UserListQuery(services.db).list({
      group: options.group || undefined,
      startName: options.username || undefined,
      editsOnly: options.editsOnly,
      temporaryGroupsOnly: options.temporaryGroupsOnly,
      creationSort: options.creationSort,
      desc: options.desc,
      offset: offset || undefined,
      backwards,
      limit: options.limit,
    });
    if (page.rows.length === 0) {
      output.addHtml(html`<p>${context.msg('listusers-noresult').text()}</p>`);
      return;
    }
    const titles = [...userPageTitles(context, page.rows.map((r) => r.name)), ...groupPageTitles(context, new Set(page.rows.flatMap((r) => r.groups.map((m) => m.group))))];
    const existing = await services.pageStore.existingTitles(titles);
    const items = page.rows.map((row) => this.formatRow(context, row, existing));
    const nav = page.hasNext || page.hasPrevious ? this.navigation(context, options, page.rows, page.hasPrevious, page.hasNext) : html``;
    output.addHtml(html`${nav}<ul>${items}</ul>${nav}`);
  }

  /** UsersPager::getPageHeader(). */
  private form(context: RequestContext, options: ListUsersRequest, assignable: readonly string[]): SafeHtml {
    const self = specialPageTitle(context, this.name);
    const groups = assignable.map((g) => ({ value: g, label: groupName(context, g) })).sort((a, b) => a.label.localeCompare(b.label));
    const groupOptions = [
      html`<option value=""${attributes({ selected: options.group === '' })}>${context.msg('group-all').text()}</option>`,
      ...groups.map((g) => html`<option value="${g.value}"${attributes({ selected: options.group === g.value })}>${g.label}</option>`),
    ];
    const check = (name: keyof ListUsersRequest & string, key: string) => html`<div class="mw-htmlform-field-HTMLCheckField">${checkbox(`mw-input-${name}`, name, Boolean(options[name]), context.msg(key).text())}</div>`;
    return html`${getFormStart(context, self, { id: 'mw-listusers-form', class: 'mw-htmlform' })}<fieldset><legend>${context.msg('listusers').text()}</legend>
<div class="mw-htmlform-field-HTMLUserTextField"><label for="mw-input-username">${context.msg('listusersfrom').text()}</label> <input type="text" id="mw-input-username" name="username" size="20" value="${options.username}" class="mw-autocomplete-user"></div>
<div class="mw-htmlform-field-HTMLSelectField"><label for="mw-input-group">${context.msg('group').text()}</label> <select id="mw-input-group" name="group">${groupOptions}</select></div>
${check('editsOnly', 'listusers-editsonly')}
${check('temporaryGroupsOnly', 'listusers-temporarygroupsonly')}
${check('creationSort', 'listusers-creationsort')}
${check('desc', 'listusers-desc')}
<input type="hidden" name="limit" value="${options.limit}">
<div class="mw-htmlform-submit-buttons"><button type="submit" name="submit" value="${context.msg('listusers-submit').text()}" class="mw-htmlform-submit">${context.msg('listusers-submit').text()}</button></div>
</fieldset></form>\n`;
  }

  /** UsersPager::formatRow(). */
  private formatRow(context: RequestContext, row: UserListRow, existing: ReadonlySet<string>): SafeHtml {
    let item = userLinkWithTools(context, row, existing);
    if (row.groups.length > 0) {
      const groups = commaList(context, row.groups.map((m) => groupMembershipLink(context, m, row.name, existing)));
      item = html`${item}${context.msg('word-separator').text()}${rawHtml(context.msg('parentheses').rawParams(groups).escaped())}`;
    }
    const count = context.msg('usereditcount').numParams(row.editCount).escaped();
    const edits = html`${context.msg('word-separator').text()}${rawHtml(context.msg('brackets').rawParams(count).escaped())}`;
    let created: SafeHtml | '' = '';
    if (row.registration) {
      const text = context.msg('usercreated', formatUserDate(row.registration, context.language), formatUserTime(row.registration, context.language), row.name).escaped();
      created = html` ${rawHtml(context.msg('parentheses').rawParams(text).escaped())}`;
    }
    return html`<li>${item}${edits}${created}</li>\n`;
  }

  /**
   * AlphabeticPager::getNavigationBar(): "(first | last) View (previous 50 |
   * next 50) (20 | 50 | 100 | 250 | 500)". Offsets are the sort value of the
   * row at the edge of the page shown (a name, or an id with creationSort).
   */
  private navigation(context: RequestContext, options: ListUsersRequest, rows: readonly UserListRow[], hasPrevious: boolean, hasNext: boolean): SafeHtml {
    const self = specialPageTitle(context, this.name);
    const sortValue = (row: UserListRow) => (options.creationSort ? String(row.id) : row.name);
    const url = (extra: { offset?: string; dir?: string; limit?: number }) =>
      self.getLocalURL({
        group: options.group || undefined,
        username: options.username || undefined,
        editsOnly: options.editsOnly ? 1 : undefined,
        temporaryGroupsOnly: options.temporaryGroupsOnly ? 1 : undefined,
        creationSort: options.creationSort ? 1 : undefined,
        desc: options.desc ? 1 : undefined,
        limit: extra.limit ?? options.limit,
        offset: extra.offset,
        dir: extra.dir,
      });
    const limit = options.limit;
    const prevText = context.msg('prevn').numParams(limit).text();
    const nextText = context.msg('nextn').numParams(limit).text();
    const first = hasPrevious ? html`<a href="${url({})}" class="mw-firstlink">${context.msg('page_first').text()}</a>` : html`${context.msg('page_first').text()}`;
    const last = hasNext ? html`<a href="${url({ dir: 'prev' })}" class="mw-lastlink">${context.msg('page_last').text()}</a>` : html`${context.msg('page_last').text()}`;
    const prev = hasPrevious ? html`<a href="${url({ offset: sortValue(rows[0]), dir: 'prev' })}" class="mw-prevlink" rel="prev">${prevText}</a>` : html`${prevText}`;
    const next = hasNext ? html`<a href="${url({ offset: sortValue(rows[rows.length - 1]) })}" class="mw-nextlink" rel="next">${nextText}</a>` : html`${nextText}`;
    const limits = joinPipes(LIMIT_LINKS.map((n) => html`<a href="${url({ limit: n })}" class="mw-numlink">${formatNum(context.language, n)}</a>`));
    const firstLast = rawHtml(context.msg('parentheses').rawParams(joinPipes([first, last])).escaped());
    return html`<div class="mw-pager-navigation-bar">${firstLast} ${rawHtml(context.msg('viewprevnext').rawParams(prev, next, limits).escaped())}</div>`;
  }
}
