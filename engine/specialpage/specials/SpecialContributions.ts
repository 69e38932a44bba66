/**
 * Special:Contributions (MediaWiki's SpecialContributions + ContribsPager):
 * the edits of one user or IP address (`Special:Contributions/<name>` or
 * `target=`), newest first, grouped by day, 50 a page (`limit`, `offset`,
 * `dir=prev`), filtered by `namespace` (with `nsInvert` and `associated`),
 * `topOnly`, `newOnly` and `hideMinor`.
 *
 * Each line as ContribsPager::formatRow: the timestamp linking the revision
 * (oldid), "(diff | hist)", the size change, the N / m flags, the page, the
 * summary ("No edit summary" when empty) and "current" on the page's latest
 * revision. A name that is neither an IP address nor a registered account
 * gets MediaWiki's "is not registered" notice with HTTP 404.
 */
import type { Knex } from 'knex';
import type { RequestContext } from '../../context/RequestContext';
import { attributes, html, rawHtml, SafeHtml } from '../../html/Html';
import { formatNum } from '../../i18n/MessageFormatter';
import { formatSizeDelta } from '../../page/ChangeListFormatting';
import { renderComment } from '../../page/CommentFormatter';
import { pageKeyOf } from '../../storage/PageStore';
import { NS_USER, NS_USER_TALK } from '../../title/NamespaceInfo';
import type { Title } from '../../title/Title';
import type { User } from '../../user/User';
import { isIpAddress, normalizeIp } from '../../user/UserIdentity';
import { formatUserDate, formatUserTimestamp } from '../../util/Timestamp';
import { SpecialPage } from '../SpecialPage';
import { parseLimit } from './SpecialLog';
import { checkbox, getFormStart, joinPipes, namespaceSelector, specialPageTitle } from './SpecialPageHtml';

export const CONTRIBUTIONS_DEFAULT_LIMIT = 50;
export const CONTRIBUTIONS_MAX_LIMIT = 500;
const LIMIT_LINKS = [20, 50, 100, 250, 500];

interface ContribsOptions {
  target: string;
  namespace: number | null;
  nsInvert: boolean;
  associated: boolean;
  topOnly: boolean;
  newOnly: boolean;
  hideMinor: boolean;
  limit: number;
}

interface ContribRow {
  rev_id: number;
  rev_page: number;
  rev_parent_id: number | null;
  rev_comment: string;
  rev_timestamp: string;
  rev_minor_edit: boolean | number;
  rev_len: number;
  page_namespace: number;
  page_title: string;
  page_latest: number;
  page_is_redirect: boolean | number;
}

/** A pager offset "TS_MW|rev_id" (or a bare TS_MW), as MediaWiki's ContribsPager writes them. */
function parseOffset(value: string | null): { timestamp: string; id: number | null } | null {
  if (!value) return null;
  const m = /^(\d{14})(?:\|(\d+))?$/.exec(value);
  return m ? { timestamp: m[1], id: m[2] ? Number(m[2]) : null } : null;
}

function offsetOf(row: ContribRow): string {
  return `${row.rev_timestamp}|${row.rev_id}`;
}

export class SpecialContributions extends SpecialPage {
  override readonly group = 'users';
  override readonly aliases = ['Contribs'];

  constructor() {
    super('Contributions');
  }

  async execute(context: RequestContext, subPage: string | null): Promise<void> {
    const { request, output, services } = context;
    const rawTarget = (subPage ?? request.getVal('target') ?? '').trim();
    const nsValue = request.getVal('namespace') ?? '';
    const options: ContribsOptions = {
      target: rawTarget,
      namespace: /^-?\d+$/.test(nsValue) ? Number(nsValue) : null,
      nsInvert: request.getBool('nsInvert'),
      associated: request.getBool('associated'),
      topOnly: request.getBool('topOnly'),
      newOnly: request.getBool('newOnly'),
      hideMinor: request.getBool('hideMinor'),
      limit: parseLimit(request.getVal('limit'), CONTRIBUTIONS_DEFAULT_LIMIT, CONTRIBUTIONS_MAX_LIMIT),
    };

    if (rawTarget === '') {
      output.addHtml(this.form(context, options));
      return;
    }
    // The target: an IP address as is, otherwise a user name normalised as a title.
    const name = isIpAddress(rawTarget) ? normalizeIp(rawTarget) : services.titleFactory.makeTitleSafe(NS_USER, rawTarget)?.getText() ?? null;
    if (name === null) {
      // A name that cannot be a user page: only the form, as MediaWiki does.
      output.addHtml(this.form(context, options));
      return;
    }
    options.target = name;
    const heading = context.msg('contributions-title', name).text();
    output.setPageTitleHtml(html`${heading}`, heading);

    const user = isIpAddress(name) ? null : await services.userStore.getUserByName(name);
    output.addSubtitle(await this.contributionsSub(context, name, user));
    output.addHtml(this.form(context, options));
    if (!isIpAddress(name) && !user) {
      output.addHtml(html`<div class="mw-userpage-userdoesnotexist error">${rawHtml(context.msg('contributions-userdoesnotexist', name).parseAsBlock())}</div>`);
      output.statusCode = 404;
      return;
    }

    const actorId = await services.actorStore.findActorId(name);
    const backwards = request.getVal('dir') === 'prev';
    const offset = parseOffset(request.getVal('offset'));
    const rows: ContribRow[] = actorId === undefined ? [] : await this.query(context, actorId, options, offset, backwards);
    const more = rows.length > options.limit;
    const shown = rows.slice(0, options.limit);
    if (backwards) shown.reverse();
    if (shown.length === 0) {
      output.addHtml(html`<p>${context.msg('nocontribs', name).text()}</p>`);
      return;
    }
    const hasOlder = backwards ? offset !== null : more;
    const hasNewer = backwards ? more : offset !== null;

    const parentLengths = await services.revisionStore.getLengths(shown.map((r) => r.rev_parent_id ?? 0));
    const nav = hasOlder || hasNewer ? this.navigation(context, options, shown, hasNewer, hasOlder) : html``;
    output.addHtml(html`${nav}${this.body(context, shown, parentLengths)}${nav}`);
  }

  private async query(context: RequestContext, actorId: number, options: ContribsOptions, offset: { timestamp: string; id: number | null } | null, backwards: boolean): Promise<ContribRow[]> {
    const { services } = context;
    const q = services
      .db('revision')
      .join('page', 'page_id', 'rev_page')
      .where('rev_actor', actorId)
      .select('rev_id', 'rev_page', 'rev_parent_id', 'rev_comment', 'rev_timestamp', 'rev_minor_edit', 'rev_len', 'page_namespace', 'page_title', 'page_latest', 'page_is_redirect');
    if (options.namespace !== null) {
      const namespaces = [options.namespace];
      if (options.associated && services.namespaceInfo.hasTalkNamespace(options.namespace)) namespaces.push(services.namespaceInfo.getAssociated(options.namespace));
      if (options.nsInvert) q.whereNotIn('page_namespace', namespaces);
      else q.whereIn('page_namespace', namespaces);
    }
    if (options.topOnly) q.whereRaw('rev_id = page_latest');
    if (options.newOnly) q.where((w: Knex.QueryBuilder) => w.whereNull('rev_parent_id').orWhere('rev_parent_id', 0));
    if (options.hideMinor) q.where('rev_minor_edit', false);
    if (offset) {
      const op = backwards ? '>' : '<';
      if (offset.id === null) q.where('rev_timestamp', op, offset.timestamp);
      else q.where((w: Knex.QueryBuilder) => w.where('rev_timestamp', op, offset.timestamp).orWhere((e) => e.where('rev_timestamp', offset.timestamp).andWhere('rev_id', op, offset.id!)));
    }
    const direction = backwards ? 'asc' : 'desc';
    return q.orderBy([{ column: 'rev_timestamp', order: direction }, { column: 'rev_id', order: direction }]).limit(options.limit + 1);
  }

  /** The subtitle "For <user> (talk | logs | user rights management)" (SpecialContributions::contributionsSub). */
  private async contributionsSub(context: RequestContext, name: string, user: User | null): Promise<SafeHtml> {
    const { services } = context;
    const titles = services.titleFactory;
    const dbKey = name.replace(/ /g, '_');
    const userPage = user ? titles.makeTitle(NS_USER, dbKey) : specialPageTitle(context, 'Contributions', dbKey);
    const talk = titles.makeTitle(NS_USER_TALK, dbKey);
    const existing = await services.pageStore.existingTitles([titles.makeTitle(NS_USER, dbKey), talk]);
    const link = (title: Title, text: string | SafeHtml, cls?: string) =>
      existing.has(pageKeyOf(title)) || !title.canExist()
        ? html`<a href="${title.getLocalURL()}"${attributes({ class: cls })} title="${title.getPrefixedText()}">${text}</a>`
        : html`<a href="${title.getLocalURL({ action: 'edit', redlink: 1 })}" class="${cls ? `new ${cls}` : 'new'}" title="${context.msg('red-link-title', title.getPrefixedText()).text()}">${text}</a>`;
    const tools: SafeHtml[] = [link(talk, context.msg('sp-contributions-talk').text())];
    const log = specialPageTitle(context, 'Log', dbKey);
    tools.push(html`<a href="${log.getLocalURL()}" title="${log.getPrefixedText()}">${context.msg('sp-contributions-logs').text()}</a>`);
    if (user) {
      const changeable = services.permissionManager.getChangeableGroups(context.user);
      const isSelf = context.user.id === user.id;
      if (changeable.add.length + changeable.remove.length > 0 || (isSelf && changeable.addSelf.length + changeable.removeSelf.length > 0)) {
        const rights = specialPageTitle(context, 'UserRights', dbKey);
        tools.push(html`<a href="${rights.getLocalURL()}" title="${rights.getPrefixedText()}">${context.msg('sp-contributions-userrights', name).text()}</a>`);
      }
    }
    const userLink = link(userPage, html`<bdi>${name}</bdi>`, user ? 'mw-userlink' : 'mw-userlink mw-anonuserlink');
    return rawHtml(context.msg('contribsub2').rawParams(userLink, joinPipes(tools)).params(name).parse());
  }

  /** SpecialContributions::getForm(). */
  private form(context: RequestContext, options: ContribsOptions): SafeHtml {
    const self = specialPageTitle(context, this.name);
    return html`${getFormStart(context, self, { id: 'mw-sp-contributions-form', class: 'mw-htmlform' })}<input type="hidden" name="limit" value="${options.limit}">
<fieldset><legend>${context.msg('sp-contributions-search').text()}</legend>
<div class="mw-htmlform-field-HTMLUserTextField"><label for="mw-target-user-or-ip">${context.msg('sp-contributions-username').text()}</label> <input type="text" id="mw-target-user-or-ip" name="target" size="40" value="${options.target}" class="mw-autocomplete-user"></div>
<div class="mw-htmlform-field-HTMLSelectNamespace"><label for="namespace">${context.msg('namespace').text()}</label> ${namespaceSelector(context, options.namespace, { all: true })}
<span class="mw-input-with-label">${checkbox('nsInvert', 'nsInvert', options.nsInvert, context.msg('invert').text())}</span>
<span class="mw-input-with-label">${checkbox('associated', 'associated', options.associated, context.msg('namespace_association').text())}</span></div>
<div class="mw-checkbox-toponly">${checkbox('mw-show-top-only', 'topOnly', options.topOnly, context.msg('sp-contributions-toponly').text())}</div>
<div class="mw-checkbox-newonly">${checkbox('mw-show-new-only', 'newOnly', options.newOnly, context.msg('sp-contributions-newonly').text())}</div>
<div class="mw-hide-minor-edits">${checkbox('mw-hide-minor-edits', 'hideMinor', options.hideMinor, context.msg('sp-contributions-hideminor').text())}</div>
<div class="mw-htmlform-submit-buttons"><button type="submit" class="mw-htmlform-submit">${context.msg('sp-contributions-submit').text()}</button></div>
</fieldset></form>\n`;
  }

  /** The lines grouped under a heading per day (ContribsPager::getHeaderRow / getStartBody). */
  private body(context: RequestContext, rows: readonly ContribRow[], parentLengths: Map<number, number>): SafeHtml {
    const groups: SafeHtml[] = [];
    let day: string | null = null;
    let items: SafeHtml[] = [];
    const flush = () => {
      if (day !== null) {
        const cls = groups.length === 0 ? 'mw-index-pager-list-header-first mw-index-pager-list-header' : 'mw-index-pager-list-header';
        groups.push(html`<h4 class="${cls}">${day}</h4><ul class="mw-contributions-list">\n${items}</ul>\n`);
      }
      items = [];
    };
    for (const row of rows) {
      const rowDay = formatUserDate(row.rev_timestamp, context.language);
      if (rowDay !== day) {
        flush();
        day = rowDay;
      }
      items.push(this.formatRow(context, row, parentLengths));
    }
    flush();
    return html`<section class="mw-pager-body">${groups}</section>`;
  }

  /** ContribsPager::formatRow(). */
  private formatRow(context: RequestContext, row: ContribRow, parentLengths: Map<number, number>): SafeHtml {
    const title = context.services.titleFactory.makeTitle(row.page_namespace, row.page_title);
    const isTop = row.rev_id === row.page_latest;
    const isNew = !row.rev_parent_id;
    const when = formatUserTimestamp(row.rev_timestamp, context.language);
    const date = html`<a href="${title.getLocalURL({ oldid: row.rev_id })}" class="mw-changeslist-date" title="${title.getPrefixedText()}">${when}</a>`;
    const diffText = context.msg('diff').text();
    const diff = isNew ? html`${diffText}` : html`<a href="${title.getLocalURL({ diff: 'prev', oldid: row.rev_id })}" class="mw-changeslist-diff" title="${title.getPrefixedText()}">${diffText}</a>`;
    const hist = html`<a href="${title.getLocalURL({ action: 'history' })}" class="mw-changeslist-history" title="${title.getPrefixedText()}">${context.msg('hist').text()}</a>`;
    const parentLength = row.rev_parent_id ? parentLengths.get(row.rev_parent_id) ?? 0 : 0;
    const flags: SafeHtml[] = [];
    if (isNew) flags.push(html`<abbr class="newpage" title="${context.msg('recentchanges-label-newpage').text()}">${context.msg('newpageletter').text()}</abbr>`);
    if (row.rev_minor_edit) flags.push(html`<abbr class="minoredit" title="${context.msg('recentchanges-label-minor').text()}">${context.msg('minoreditletter').text()}</abbr>`);
    const pageAnchor = row.page_is_redirect
      ? html`<a href="${title.getLocalURL({ redirect: 'no' })}" class="mw-redirect mw-contributions-title" title="${title.getPrefixedText()}">${title.getPrefixedText()}</a>`
      : html`<a href="${title.getLinkURL()}" class="mw-contributions-title" title="${title.getPrefixedText()}">${title.getPrefixedText()}</a>`;
    const comment =
      row.rev_comment === ''
        ? html`<span class="comment mw-comment-none">${context.msg('changeslist-nocomment').text()}</span>`
        : html`<span class="comment">(${renderComment(context, row.rev_comment, title)})</span>`;
    const top = isTop ? html` <span class="mw-uctop">${context.msg('uctop').text()}</span>` : '';
    const classes = isTop ? 'mw-contributions-current' : undefined;
    return html`<li data-mw-revid="${row.rev_id}"${attributes({ class: classes })}>${date} <span class="mw-changeslist-links">(<span>${diff}</span> | <span>${hist}</span>)</span> <span class="mw-changeslist-separator">. .</span> ${formatSizeDelta(context, row.rev_len - parentLength)} <span class="mw-changeslist-separator">. .</span> ${flags.map((f) => html`${f} `)}${pageAnchor} ${comment}${top}</li>\n`;
  }

  /**
   * ReverseChronologicalPager::getNavigationBar(): "(newest | oldest) View
   * (newer 50 | older 50) (20 | 50 | 100 | 250 | 500)".
   */
  private navigation(context: RequestContext, options: ContribsOptions, rows: readonly ContribRow[], hasNewer: boolean, hasOlder: boolean): SafeHtml {
    const self = specialPageTitle(context, this.name, options.target.replace(/ /g, '_'));
    const limit = options.limit;
    const url = (extra: { offset?: string; dir?: string; limit?: number }) =>
      self.getLocalURL({
        namespace: options.namespace ?? undefined,
        nsInvert: options.nsInvert ? 1 : undefined,
        associated: options.associated ? 1 : undefined,
        topOnly: options.topOnly ? 1 : undefined,
        newOnly: options.newOnly ? 1 : undefined,
        hideMinor: options.hideMinor ? 1 : undefined,
        limit: (extra.limit ?? limit) !== CONTRIBUTIONS_DEFAULT_LIMIT ? extra.limit ?? limit : undefined,
        offset: extra.offset,
        dir: extra.dir,
      });
    const newerText = context.msg('pager-newer-n').numParams(limit).text();
    const olderText = context.msg('pager-older-n').numParams(limit).text();
    const newest = hasNewer ? html`<a href="${url({})}" class="mw-firstlink">${context.msg('histlast').text()}</a>` : html`${context.msg('histlast').text()}`;
    const oldest = hasOlder ? html`<a href="${url({ dir: 'prev' })}" class="mw-lastlink">${context.msg('histfirst').text()}</a>` : html`${context.msg('histfirst').text()}`;
    const newer = hasNewer ? html`<a href="${url({ offset: offsetOf(rows[0]), dir: 'prev' })}" class="mw-prevlink" rel="prev">${newerText}</a>` : html`${newerText}`;
    const older = hasOlder ? html`<a href="${url({ offset: offsetOf(rows[rows.length - 1]) })}" class="mw-nextlink" rel="next">${olderText}</a>` : html`${olderText}`;
    const limits = joinPipes(LIMIT_LINKS.map((n) => html`<a href="${url({ limit: n })}" class="mw-numlink">${formatNum(context.language, n)}</a>`));
    return html`<div class="mw-pager-navigation-bar">(${newest} | ${oldest}) ${rawHtml(context.msg('viewprevnext').rawParams(newer, older, limits).escaped())}</div>`;
  }
}
