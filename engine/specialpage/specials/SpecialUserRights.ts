/**
 * Special:UserRights (MediaWiki's SpecialUserRights): look a user up
 * (`Special:UserRights/<name>` or `?user=`), see their explicit and implicit
 * groups, and — for what the performer may change (PermissionManager's
 * getChangeableGroups: $wgAddGroups, $wgRemoveGroups, $wgGroupsAddToSelf,
 * $wgGroupsRemoveFromSelf, or every group with `userrights`) — add and remove
 * groups with an optional expiry and a reason.
 *
 * - The form is MediaWiki's: `wpGroup-<group>` checkboxes in "Groups you can
 *   change" / "Groups you cannot change" columns, `wpExpiry-<group>` (existing,
 *   infinite, other, the `userrights-expiry-options` presets) with
 *   `wpExpiry-<group>-other`, `user-reason`, `conflictcheck-originalgroups`,
 *   `wpEditToken`, submit `saveusergroups`.
 * - A save runs in one transaction: the conflict check against the groups the
 *   form was built from, removals, additions (with expiry), one `rights/rights`
 *   log entry (4::oldgroups, 5::newgroups, oldmetadata, newmetadata) when
 *   anything changed; then a 303 back to the page, which shows "savedrights".
 * - Unlike MediaWiki, which silently drops changes the performer may not
 *   make, such a request is refused as a whole with a permission error (403).
 * - Without anything to change the page is view-only ("View user groups").
 */
import type { RequestContext } from '../../context/RequestContext';
import { PermissionDeniedError } from '../../errors/ErrorPageError';
import { attributes, html, HtmlValue, rawHtml, SafeHtml } from '../../html/Html';
import { NS_USER, NS_USER_TALK } from '../../title/NamespaceInfo';
import type { User, UserGroupMembership } from '../../user/User';
import { isIpAddress } from '../../user/UserIdentity';
import { formatUserDate, formatUserTime, formatUserTimestamp, fromMwTimestamp, toMwTimestamp } from '../../util/Timestamp';
import { SUMMARY_CHARACTER_LIMIT } from '../../actions/EditAction';
import { SpecialPage } from '../SpecialPage';
import { logName } from './SpecialLog';
import { getFormStart, specialPageTitle } from './SpecialPageHtml';
import { commaList, groupMemberName, groupMembershipLink, groupPageTitles } from './logformatters/GroupMembershipHtml';
import { logExtract } from './logformatters/LogExtract';

// ---------------------------------------------------------------------------
// Expiry input (SpecialUserRights::expiryToTimestamp, ProtectionForm::getExpiry)

/** wfIsInfinity(): the words that mean "never expires". */
const INFINITY_WORDS = new Set(['infinite', 'indefinite', 'infinity', 'never']);

export function isInfinity(value: string): boolean {
  return INFINITY_WORDS.has(value.trim().toLowerCase());
}

const UNIT_SECONDS: Record<string, number> = { sec: 1, second: 1, min: 60, minute: 60, hour: 3600, day: 86400, week: 7 * 86400, fortnight: 14 * 86400 };

function addUnit(date: Date, amount: number, unit: string): Date {
  const out = new Date(date.getTime());
  if (unit === 'month') out.setUTCMonth(out.getUTCMonth() + amount);
  else if (unit === 'year') out.setUTCFullYear(out.getUTCFullYear() + amount);
  else out.setTime(out.getTime() + amount * UNIT_SECONDS[unit] * 1000);
  return out;
}

function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

const RELATIVE_PART = /([+-]?)\s*(\d+|an?|next|last)\s*(sec|second|min|minute|hour|day|week|fortnight|month|year)s?\b/gy;

/**
 * The part of PHP's strtotime() that expiry fields see: relative times
 * ("1 week", "+3 months", "2 days 4 hours", "next month", "1 day ago"), the
 * words now / today / tomorrow / yesterday, TS_MW, ISO 8601 dates and times
 * and English dates ("1 January 2027 10:00"). Times without a zone are UTC,
 * as on MediaWiki's servers. Null when the text is none of these.
 */
export function parseTimeExpression(input: string, now: Date = new Date()): Date | null {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '') return null;
  if (text === 'now') return new Date(now.getTime());
  if (text === 'today' || text === 'midnight') return startOfDay(now);
  if (text === 'tomorrow') return addUnit(startOfDay(now), 1, 'day');
  if (text === 'yesterday') return addUnit(startOfDay(now), -1, 'day');
  if (/^\d{14}$/.test(text)) {
    const date = fromMwTimestamp(text);
    return Number.isNaN(date.getTime()) || toMwTimestamp(date) !== text ? null : date;
  }

  // Relative: a sequence of "<n> <unit>" parts, optionally ending in "ago".
  const relative = /^(.*?)(?:\s*\bago)?$/.exec(text)!;
  const ago = text !== relative[1];
  RELATIVE_PART.lastIndex = 0;
  let position = 0;
  let date = new Date(now.getTime());
  let matched = false;
  const body = relative[1];
  while (position < body.length) {
    while (body[position] === ' ' || body[position] === ',') position++;
    if (position >= body.length) break;
    RELATIVE_PART.lastIndex = position;
    const m = RELATIVE_PART.exec(body);
    if (!m) {
      matched = false;
      break;
    }
    const count = m[2] === 'next' || m[2] === 'a' || m[2] === 'an' ? 1 : m[2] === 'last' ? -1 : Number(m[2]);
    const sign = (m[1] === '-' ? -1 : 1) * (ago ? -1 : 1);
    date = addUnit(date, sign * count, m[3]);
    matched = true;
    position = RELATIVE_PART.lastIndex;
  }
  if (matched) return date;

  // ISO 8601: 2027-01-31, 2027-01-31 10:00, 2027-01-31T10:00:00Z, with an offset.
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ t](\d{2}):(\d{2})(?::(\d{2}))?(z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = iso;
    let ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
    const check = new Date(ms);
    if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) return null;
    if (zone && zone !== 'z') {
      const zm = /([+-])(\d{2}):?(\d{2})/.exec(zone)!;
      ms -= (zm[1] === '-' ? -1 : 1) * (+zm[2] * 60 + +zm[3]) * 60000;
    }
    return new Date(ms);
  }
  // English dates ("1 January 2027", "January 1, 2027 10:00"): a month name is required.
  if (/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/.test(text) && /\d/.test(text)) {
    const zoned = /\b(utc|gmt|z)\b|[+-]\d{2}:?\d{2}$/.test(text);
    const ms = Date.parse(zoned ? input : `${input} UTC`);
    return Number.isNaN(ms) ? null : new Date(ms);
  }
  return null;
}

/**
 * SpecialUserRights::expiryToTimestamp(): null for "never expires", the
 * TS_MW time, or false when the text is not a time.
 */
export function expiryToTimestamp(input: string, now: Date = new Date()): string | null | false {
  if (isInfinity(input)) return null;
  const date = parseTimeExpression(input, now);
  if (!date || Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999 || date.getUTCFullYear() < 1970) return false;
  return toMwTimestamp(date);
}

/** XmlSelect::parseOptionsMessage(): "label:value,label:value" (a bare item is both). */
export function parseOptionsMessage(text: string): Array<{ label: string; value: string }> {
  if (text.trim() === '' || text.trim() === '-') return [];
  return text.split(',').map((item) => {
    const colon = item.indexOf(':');
    return colon < 0 ? { label: item.trim(), value: item.trim() } : { label: item.slice(0, colon).trim(), value: item.slice(colon + 1).trim() };
  });
}

/** A message like userrights-groups-help: a paragraph, then "* " lines as a list (plain text, escaped). */
function textWithList(text: string): SafeHtml {
  const out: SafeHtml[] = [];
  let items: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) out.push(html`<p>${paragraph.join(' ')}</p>`);
    if (items.length > 0) out.push(html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>`);
    paragraph = [];
    items = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('*')) {
      if (paragraph.length > 0) {
        out.push(html`<p>${paragraph.join(' ')}</p>`);
        paragraph = [];
      }
      items.push(line.replace(/^\*\s*/, ''));
    } else {
      if (items.length > 0) flush();
      if (line.trim() !== '') paragraph.push(line);
    }
  }
  flush();
  return html`${out}`;
}

// ---------------------------------------------------------------------------

/** What the form shows: the DB state at first, the submitted one after an error. */
interface FormState {
  checked: Set<string>;
  /** wpExpiry-<group>: existing, infinite, other or a preset. */
  expiry: Map<string, string>;
  /** wpExpiry-<group>-other. */
  expiryOther: Map<string, string>;
  reason: string;
}

interface Changeability {
  canAdd(group: string): boolean;
  canRemove(group: string): boolean;
  any: boolean;
}

const SESSION_SUCCESS = 'specialUserrightsSaveSuccess';

function sessionOf(context: RequestContext): Record<string, unknown> | null {
  return (context.koa.session as unknown as Record<string, unknown> | null | undefined) ?? null;
}

export class SpecialUserRights extends SpecialPage {
  override readonly group = 'users';
  override readonly aliases = ['Userrights'];

  constructor() {
    super('UserRights');
  }

  async execute(context: RequestContext, subPage: string | null): Promise<void> {
    const { request, output, services } = context;
    const rawTarget = subPage ?? request.getVal('user');
    const target = rawTarget === null ? null : rawTarget.trim();

    let fetched: User | null = null;
    let fetchError: { key: string; params: string[] } | null = null;
    if (target !== null) {
      const result = await this.fetchUser(context, target);
      if ('user' in result) fetched = result.user;
      else fetchError = result;
    }

    // The success notice after the redirect of a save (kept in the session, as MediaWiki does).
    const session = sessionOf(context);
    if (session && session[SESSION_SUCCESS] && fetched) {
      delete session[SESSION_SUCCESS];
      output.addHtml(html`<div class="mw-message-box-success successbox mw-notify-success"><p>${context.msg('savedrights', fetched.name).text()}</p></div>`);
    }

    output.addHtml(this.switchForm(context, target, fetched === null));

    let state: FormState | null = null;
    if (request.wasPosted() && request.getCheck('saveusergroups') && target !== null) {
      if (!context.csrf.matchToken(request.getVal('wpEditToken'))) {
        output.addHtml(html`<div class="errorbox mw-message-box-error">${rawHtml(context.msg('sessionfailure').parseAsBlock())}</div>`);
        if (fetched) state = this.submittedState(context);
      } else if (!fetched) {
        output.addHtml(this.errorHtml(context, fetchError!));
        return;
      } else {
        const result = await this.saveUserGroups(context, fetched);
        if (result === null) {
          if (session) session[SESSION_SUCCESS] = 1;
          output.redirect(specialPageTitle(context, this.name, fetched.name.replace(/ /g, '_')).getLocalURL(), 303);
          return;
        }
        output.addHtml(html`<div class="errorbox mw-message-box-error">${rawHtml(context.msg(result.key, ...result.params).parseAsBlock())}</div>`);
        state = this.submittedState(context);
      }
    }

    if (target === null) return;
    if (!fetched) {
      output.addHtml(this.errorHtml(context, fetchError!));
      return;
    }
    // The groups as they are now (the save may have changed nothing, or failed).
    const memberships = await services.userGroupManager.getUserGroupMemberships(fetched.id);
    const user = { ...fetched, groups: memberships };
    await this.showEditUserGroupsForm(context, user, state);
    const rightsLog = logName(context, 'rights');
    output.addHtml(html`<h2>${rightsLog}</h2>`);
    output.addHtml(await logExtract(context, 'rights', services.titleFactory.makeTitle(NS_USER, user.name.replace(/ /g, '_'))));
  }

  private errorHtml(context: RequestContext, error: { key: string; params: string[] }): SafeHtml {
    // The typed name is shown as text, never as wikitext (wfEscapeWikiText). Inline parse:
    // the block mode of the message formatter re-parses plaintext parameters.
    return html`<div class="error"><p>${rawHtml(context.msg(error.key, ...error.params.map((plaintext) => ({ plaintext }))).parse())}</p></div>`;
  }

  /** SpecialUserRights::fetchUser(): `#<id>` or a name; nosuchusershort for anything else. */
  private async fetchUser(context: RequestContext, target: string): Promise<{ user: User } | { key: string; params: string[] }> {
    const { services } = context;
    if (target === '') return { key: 'nouserspecified', params: [] };
    if (target.startsWith('#')) {
      const id = Number(target.slice(1));
      const user = Number.isSafeInteger(id) ? await services.userStore.getUserById(id) : null;
      return user ? { user } : { key: 'noname', params: [] };
    }
    const name = services.userNameUtils.getCanonical(target, 'valid');
    if (name === null || isIpAddress(target)) return { key: 'nosuchusershort', params: [target] };
    const user = await services.userStore.getUserByName(name);
    return user ? { user } : { key: 'nosuchusershort', params: [target] };
  }

  /** The "Select a user" GET form (SpecialUserRights::switchForm). */
  private switchForm(context: RequestContext, target: string | null, focus: boolean): SafeHtml {
    const self = specialPageTitle(context, this.name);
    return html`${getFormStart(context, self, { name: 'uluser', id: 'mw-userrights-form1' })}<fieldset><legend>${context.msg('userrights-lookup-user').text()}</legend><label for="username">${context.msg('userrights-user-editname').text()}</label>&#160;<input name="user" size="30" value="${target ? target.replace(/_/g, ' ') : ''}" id="username" class="mw-autocomplete-user"${attributes({ autofocus: focus })}> <input type="submit" value="${context.msg('editusergroup').text()}"></fieldset></form>\n`;
  }

  private changeability(context: RequestContext, target: User): Changeability {
    const changeable = context.services.permissionManager.getChangeableGroups(context.user);
    const isSelf = context.user.id > 0 && context.user.id === target.id;
    const add = new Set([...changeable.add, ...(isSelf ? changeable.addSelf : [])]);
    const remove = new Set([...changeable.remove, ...(isSelf ? changeable.removeSelf : [])]);
    return { canAdd: (g) => add.has(g), canRemove: (g) => remove.has(g), any: add.size > 0 || remove.size > 0 };
  }

  private submittedState(context: RequestContext): FormState {
    const { request } = context;
    const state: FormState = { checked: new Set(), expiry: new Map(), expiryOther: new Map(), reason: request.getVal('user-reason', '') };
    for (const group of context.services.permissionManager.getAssignableGroups()) {
      if (request.getCheck(`wpGroup-${group}`)) state.checked.add(group);
      const selection = request.getVal(`wpExpiry-${group}`);
      if (selection !== null) state.expiry.set(group, selection);
      const other = request.getVal(`wpExpiry-${group}-other`);
      if (other !== null) state.expiryOther.set(group, other);
    }
    return state;
  }

  /**
   * SpecialUserRights::saveUserGroups() + doSaveUserGroups(): null when
   * saved, else the error to show. Changes the performer may not make are
   * refused with a permission error, nothing applied.
   */
  private async saveUserGroups(context: RequestContext, target: User): Promise<{ key: string; params: string[] } | null> {
    const { request, services } = context;
    const allGroups = services.permissionManager.getAssignableGroups();
    const may = this.changeability(context, target);
    const now = toMwTimestamp();
    const reason = [...request.getVal('user-reason', '')].slice(0, SUMMARY_CHARACTER_LIMIT).join('');
    const conflictField = request.getVal('conflictcheck-originalgroups');

    return services.db.transaction(async (trx) => {
      const old = await services.userGroupManager.getUserGroupMemberships(target.id, trx);
      const oldByGroup = new Map(old.map((m) => [m.group, m]));
      const oldGroups = old.map((m) => m.group);
      const expected = conflictField === null ? null : conflictField === '' ? [] : conflictField.split(',');
      if (expected === null || expected.join(',') !== oldGroups.join(',')) return { key: 'userrights-conflict', params: [] };

      // First what the request asks to change, then whether the performer may (all or nothing).
      const wanted: Array<{ group: string; expiry: string | null | false; member: UserGroupMembership | undefined }> = [];
      const remove: string[] = [];
      const refused: string[] = [];
      for (const group of allGroups) {
        const member = oldByGroup.get(group);
        if (!request.getCheck(`wpGroup-${group}`)) {
          if (member) (may.canRemove(group) ? remove : refused).push(group);
          continue;
        }
        let selection = request.getVal(`wpExpiry-${group}`) ?? (member ? 'existing' : 'infinite');
        if (selection === 'existing') {
          if (member) continue;
          selection = 'infinite';
        }
        const expiry = expiryToTimestamp(selection === 'other' ? request.getVal(`wpExpiry-${group}-other`, '') : selection);
        if (member && expiry === member.expiry) continue;
        if (may.canAdd(group)) wanted.push({ group, expiry, member });
        else refused.push(group);
      }
      if (refused.length > 0) throw new PermissionDeniedError([{ key: 'userrights-notallowed', params: [] }]);

      const add: Array<{ group: string; expiry: string | null }> = [];
      for (const { group, expiry, member } of wanted) {
        if (expiry === false) return { key: 'userrights-invalid-expiry', params: [group] };
        if (expiry !== null && expiry < now) return { key: 'userrights-expiry-in-past', params: [group] };
        // Who may add but not remove a group may only put its expiry back (T156784).
        if (member && !may.canRemove(group) && (member.expiry ?? '99999999999999') > (expiry ?? '99999999999999')) {
          return { key: 'userrights-cannot-shorten-expiry', params: [group] };
        }
        add.push({ group, expiry });
      }

      for (const group of remove) await services.userGroupManager.removeUserFromGroup(target.id, group, trx);
      for (const { group, expiry } of add) await services.userGroupManager.addUserToGroup(target.id, group, expiry, trx);
      const newGroups = [...new Set([...oldGroups.filter((g) => !remove.includes(g)), ...add.map((a) => a.group)])];
      const current = await services.userGroupManager.getUserGroupMemberships(target.id, trx);
      const currentByGroup = new Map(current.map((m) => [m.group, m]));
      const metadata = (groups: string[], byGroup: Map<string, UserGroupMembership>) => groups.map((g) => (byGroup.has(g) ? { expiry: byGroup.get(g)!.expiry } : null));
      const changed = newGroups.join(',') !== oldGroups.join(',') || JSON.stringify(current) !== JSON.stringify(old);
      if (changed) {
        await services.logStore.insert(
          {
            type: 'rights',
            action: 'rights',
            actorId: await services.actorStore.acquireActorId(context.user, trx),
            namespace: NS_USER,
            dbKey: target.name.replace(/ /g, '_'),
            comment: reason,
            params: { '4::oldgroups': oldGroups, '5::newgroups': newGroups, oldmetadata: metadata(oldGroups, oldByGroup), newmetadata: metadata(newGroups, currentByGroup) },
            ip: context.ip,
          },
          trx,
        );
      }
      return null;
    });
  }

  /** User link with "(talk | contribs)", as Linker::userToolLinks. */
  private userToolLinks(context: RequestContext, user: User): SafeHtml {
    const titles = context.services.titleFactory;
    const talk = titles.makeTitle(NS_USER_TALK, user.name.replace(/ /g, '_'));
    const contribs = specialPageTitle(context, 'Contributions', user.name.replace(/ /g, '_'));
    const contribsClass = user.editCount === 0 ? 'mw-usertoollinks-contribs new' : 'mw-usertoollinks-contribs';
    return html`<span class="mw-usertoollinks">(<a href="${talk.getLocalURL()}" class="mw-usertoollinks-talk" title="${talk.getPrefixedText()}">${context.msg('talkpagelinktext').text()}</a> | <a href="${contribs.getLocalURL()}" class="${contribsClass}" title="${contribs.getPrefixedText()}">${context.msg('contribslink').text()}</a>)</span>`;
  }

  /** SpecialUserRights::showEditUserGroupsForm(). */
  private async showEditUserGroupsForm(context: RequestContext, user: User, submitted: FormState | null): Promise<void> {
    const { services, output } = context;
    const pm = services.permissionManager;
    const existing = await services.pageStore.existingTitles(groupPageTitles(context, [...user.groups.map((m) => m.group), ...pm.getAssignableGroups()]));
    const temporary = user.groups.filter((m) => m.expiry !== null);
    const permanent = user.groups.filter((m) => m.expiry === null);
    const memberLinks = [...temporary, ...permanent].map((m) => groupMembershipLink(context, m, user.name, existing));
    const implicit = pm.getEffectiveGroups(user).filter((g) => g !== '*' && g !== 'user' && services.settings.implicitGroups.includes(g));
    const implicitLinks = implicit.map((g) => groupMembershipLink(context, { group: g, expiry: null }, user.name, existing));

    let groupList: SafeHtml = html``;
    if (memberLinks.length > 0) {
      const intro = context.msg('userrights-groupsmember').numParams(memberLinks.length).params(user.name).parse();
      groupList = html`<p>${rawHtml(intro)} ${rawHtml(context.msg('userrights-groupsmember-type').rawParams(commaList(context, memberLinks), commaList(context, memberLinks)).escaped())}</p>\n`;
    }
    if (implicitLinks.length > 0) {
      const intro = context.msg('userrights-groupsmember-auto').numParams(implicitLinks.length).params(user.name).parse();
      groupList = html`${groupList}<p>${rawHtml(intro)} ${rawHtml(context.msg('userrights-groupsmember-type').rawParams(commaList(context, implicitLinks), commaList(context, implicitLinks)).escaped())}</p>\n`;
    }

    const may = this.changeability(context, user);
    const state: FormState = submitted ?? {
      checked: new Set(user.groups.map((m) => m.group)),
      expiry: new Map(user.groups.map((m) => [m.group, m.expiry ? 'existing' : 'infinite'])),
      expiryOther: new Map(),
      reason: '',
    };
    const { table, canChangeAny } = this.groupCheckboxes(context, user, may, state);
    const self = specialPageTitle(context, this.name);
    const intro = context.msg(canChangeAny ? 'editinguser' : 'viewinguserrights', user.name).rawParams(this.userToolLinks(context, user)).parse();
    const legend = context.msg(canChangeAny ? 'userrights-editusergroup' : 'userrights-viewusergroup', user.name).text();
    let body: SafeHtml;
    if (canChangeAny) {
      body = html`${textWithList(context.msg('userrights-groups-help', user.name).text())}${groupList}${table}<table id="mw-userrights-table-outer"><tr>
<td class="mw-label"><label for="wpReason">${context.msg('userrights-reason').text()}</label></td>
<td class="mw-input"><input name="user-reason" size="60" value="${state.reason}" id="wpReason" maxlength="${SUMMARY_CHARACTER_LIMIT}"></td>
</tr><tr>
<td></td>
<td class="mw-submit"><input type="submit" value="${context.msg('saveusergroups', user.name).text()}" name="saveusergroups"></td>
</tr></table>\n`;
    } else {
      body = groupList;
    }
    // The view-only page has nothing to submit: no token (so reading it starts no session).
    const fields = canChangeAny
      ? html`<input type="hidden" name="user" value="${user.name}">
<input type="hidden" name="wpEditToken" value="${context.csrf.getToken()}">
<input type="hidden" name="conflictcheck-originalgroups" value="${user.groups.map((m) => m.group).join(',')}">
`
      : '';
    output.addHtml(html`<form method="post" action="${self.getLocalURL()}" name="editGroup" id="mw-userrights-form2">
${fields}<fieldset><legend>${legend}</legend>
<p>${rawHtml(intro)}</p>
${body}</fieldset></form>\n`);
  }

  /** SpecialUserRights::groupCheckboxes(): the two columns of checkboxes with their expiry fields. */
  private groupCheckboxes(context: RequestContext, user: User, may: Changeability, state: FormState): { table: SafeHtml; canChangeAny: boolean } {
    const pm = context.services.permissionManager;
    const lang = context.language;
    const presets = parseOptionsMessage(context.msg('userrights-expiry-options').text());
    const memberships = new Map(user.groups.map((m) => [m.group, m]));
    const changeable: SafeHtml[] = [];
    const unchangeable: SafeHtml[] = [];

    for (const group of pm.getAssignableGroups()) {
      const membership = memberships.get(group);
      const set = membership !== undefined;
      const currentExpiry = membership?.expiry ?? null;
      const canOnlyLengthenExpiry = set && may.canAdd(group) && !may.canRemove(group) && currentExpiry !== null;
      const disabled = !((set && may.canRemove(group)) || (!set && may.canAdd(group)));
      const disabledExpiry = disabled && !canOnlyLengthenExpiry;
      const irreversible = !disabled && ((set && !may.canAdd(group)) || (!set && !may.canRemove(group)));
      const member = groupMemberName(context, group, user.name);
      const label = irreversible
        ? context.msg('userrights-irreversible-marker', member).text()
        : disabled && !disabledExpiry
          ? context.msg('userrights-no-shorten-expiry-marker', member).text()
          : member;
      const checked = disabled ? set : state.checked.has(group);
      const id = `wpGroup-${group}`;
      const checkbox = html`<input name="${id}" type="checkbox" value="1" id="${id}" class="mw-userrights-groupcheckbox"${attributes({ checked, disabled })}>&#160;<label for="${id}">${label}</label>`;

      let expiryHtml: HtmlValue;
      if (set && (irreversible || disabledExpiry)) {
        const text = currentExpiry
          ? context.msg('userrights-expiry-current', formatUserTimestamp(currentExpiry, lang), formatUserDate(currentExpiry, lang), formatUserTime(currentExpiry, lang)).text()
          : context.msg('userrights-expiry-none').text();
        // The group stays as it is: submitted unchanged, so other groups can still be saved (T171345).
        expiryHtml = html`<span>${text}</span><input type="hidden" name="wpExpiry-${group}" value="${currentExpiry ? 'existing' : 'infinite'}">${disabled ? html`<input type="hidden" name="${id}" value="1">` : ''}<br>\n`;
      } else {
        const selected = state.expiry.get(group) ?? (currentExpiry ? 'existing' : 'infinite');
        const options: SafeHtml[] = [];
        const option = (label: string, value: string) => html`<option value="${value}"${attributes({ selected: value === selected })}>${label}</option>`;
        if (currentExpiry) {
          options.push(option(context.msg('userrights-expiry-existing', formatUserTimestamp(currentExpiry, lang), formatUserDate(currentExpiry, lang), formatUserTime(currentExpiry, lang)).text(), 'existing'));
        }
        options.push(option(context.msg('userrights-expiry-none').text(), 'infinite'));
        options.push(option(context.msg('userrights-expiry-othertime').text(), 'other'));
        for (const preset of presets) options.push(option(preset.label, preset.value));
        expiryHtml = html`<span>${context.msg('userrights-expiry').text()}</span><span><select name="wpExpiry-${group}" id="mw-input-wpExpiry-${group}"${attributes({ disabled: disabledExpiry })}>${options}</select><br><input name="wpExpiry-${group}-other" size="30" value="${state.expiryOther.get(group) ?? ''}" id="mw-input-wpExpiry-${group}-other" class="mw-userrights-expiryfield"${attributes({ disabled: disabledExpiry })}>${set && disabled ? html`<input type="hidden" name="${id}" value="1">` : ''}</span>`;
      }
      const item = html`<div${attributes({ class: disabled && disabledExpiry ? 'mw-userrights-disabled' : undefined })}>${checkbox}<div id="mw-userrights-nested-wpGroup-${group}" class="mw-userrights-nested">${expiryHtml}</div></div>\n`;
      (disabled && disabledExpiry ? unchangeable : changeable).push(item);
    }

    const columns: Array<[string, SafeHtml[]]> = [
      ['changeable', changeable],
      ['unchangeable', unchangeable],
    ];
    const present = columns.filter(([, items]) => items.length > 0);
    const table = html`<table class="mw-userrights-groups"><tr>\n${present.map(([name, items]) => html`<th>${context.msg(`userrights-${name}-col`, items.length).text()}</th>`)}</tr>\n<tr>\n${present.map(([, items]) => html`<td style="vertical-align:top;">\n${items}</td>\n`)}</tr></table>\n`;
    return { table, canChangeAny: changeable.length > 0 };
  }
}
