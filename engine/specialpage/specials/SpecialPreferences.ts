/**
 * Special:Preferences (MediaWiki's SpecialPreferences with
 * DefaultPreferencesFactory and its legacy, non-JavaScript form): every
 * section on one page, each in a fieldset with MediaWiki's ids
 * (`mw-prefsection-personal`, `mw-prefsection-personal-info`, …) and each
 * field named `wp<preference>` with the id `mw-input-wp<preference>`.
 *
 * - Anonymous visitors get the "not logged in" error (`prefsnologintext2`).
 * - User profile: user name, groups (linked to Special:ListUsers?group=),
 *   edit count, registration time, a "Change password" link when a page for
 *   it exists, real name (`viewmyprivateinfo` to see, `editmyprivateinfo`
 *   to change), gender, interface language; the email address and its
 *   confirmation state with links to Special:ChangeEmail and
 *   Special:ConfirmEmail (`viewmyprivateinfo`).
 * - Appearance: the skin; Watchlist: days, number of changes, auto-watch
 *   toggles and links to Special:EditWatchlist; then GetPreferences fields.
 * - Saving needs `editmyoptions` (without it the form is shown disabled and
 *   a POST is refused with the permission error), a POST and a valid
 *   `wpEditToken`. Any invalid value shows the form again with the submitted
 *   input and the field's error, and nothing is saved. On success MediaWiki
 *   redirects back (here with 303) and shows `savedprefs` once (the flag
 *   lives in the session, as MediaWiki's specialPreferencesSaveSuccess).
 * - "Log out of all sessions" (a second form, `wpLogoutEverywhere=1` with its
 *   own token): replaces the account's user_token and deletes every stored
 *   session of the user, so every browser is logged out, this one included.
 */
import type { RequestContext } from '../../context/RequestContext';
import { PermissionDeniedError, UserNotLoggedInError } from '../../errors/ErrorPageError';
import { attributes, html, rawHtml, SafeHtml } from '../../html/Html';
import { formatNum, MessageParam } from '../../i18n/MessageFormatter';
import type { PreferenceField } from '../../preferences/PreferencesFactory';
import { FieldError, fieldName, formatBound, isEditable, readSubmission } from '../../preferences/PreferenceValidation';
import { logOutSession } from '../../session/SessionUser';
import { isRegistered } from '../../user/UserIdentity';
import type { UserOptionValue } from '../../user/UserOptionsManager';
import { formatUserDate, formatUserTime, formatUserTimestamp } from '../../util/Timestamp';
import { SpecialPage } from '../SpecialPage';
import { joinPipes, specialPageTitle } from './SpecialPageHtml';

/** Session key of the one-time "saved" notice (MediaWiki's specialPreferencesSaveSuccess). */
const SAVED_FLAG = 'specialPreferencesSaveSuccess';

/** MediaWiki's order of the preference tabs; sections of extensions follow in the order they appear. */
const SECTION_ORDER = ['personal', 'rendering', 'editing', 'rc', 'watchlist', 'misc'];
/** MediaWiki's order of the core subsections; others follow in the order they appear. */
const SUBSECTION_ORDER = ['info', 'i18n', 'signature', 'email', 'skin', 'editwatchlist', 'displaywatchlist', 'pageswatchlist'];

/** user_real_name holds at most 255 characters. */
const REAL_NAME_MAX = 255;

/** A shown-only row drawn by the page (profile information). */
interface InfoRow {
  kind: 'info';
  name: string;
  section: string;
  label: SafeHtml;
  content: SafeHtml;
  cssClass?: string;
}

interface FieldRow {
  kind: 'field';
  name: string;
  field: PreferenceField;
}

type Row = InfoRow | FieldRow;

interface FormState {
  /** Values to show, by preference name. */
  values: Record<string, UserOptionValue>;
  errors: Map<string, FieldError>;
  /** False when the user may not change preferences. */
  editable: boolean;
}

type SessionBag = Record<string, unknown> | null | undefined;

export class SpecialPreferences extends SpecialPage {
  override readonly group = 'users';

  constructor() {
    super('Preferences');
  }

  async execute(context: RequestContext): Promise<void> {
    const { request, output, services } = context;
    if (!isRegistered(context.user)) throw new UserNotLoggedInError('prefsnologintext2');
    const permissions = services.permissionManager;
    const editable = permissions.userHasRight(context.user, 'editmyoptions');
    const descriptor = await this.descriptor(context);

    if (request.wasPosted() && request.getCheck('wpLogoutEverywhere')) {
      await this.logoutEverywhere(context, descriptor, editable);
      return;
    }

    if (request.wasPosted()) {
      if (!editable) throw new PermissionDeniedError([permissions.missingRightError('editmyoptions')], 'editmyoptions');
      const submission = readSubmission(descriptor, request);
      const shown = { ...this.currentValues(context, descriptor), ...submission.raw } as Record<string, UserOptionValue>;
      if (!context.csrf.matchToken(request.getVal('wpEditToken'))) {
        output.addHtml(html`<div class="errorbox mw-message-box-error mw-preferences-messagebox">${rawHtml(context.msg('sessionfailure').parseAsBlock())}</div>`);
        this.showForm(context, descriptor, { values: shown, errors: new Map(), editable });
        return;
      }
      if (submission.errors.size > 0) {
        this.showForm(context, descriptor, { values: shown, errors: submission.errors, editable });
        return;
      }
      await this.save(context, descriptor, submission.values);
      const session = context.koa.session as unknown as SessionBag;
      if (session) session[SAVED_FLAG] = 1;
      output.redirect(specialPageTitle(context, this.name).getLocalURL(), 303);
      return;
    }

    const session = context.koa.session as unknown as SessionBag;
    if ((session && session[SAVED_FLAG]) || request.getCheck('success')) {
      if (session) delete session[SAVED_FLAG];
      output.addHtml(html`<div class="successbox mw-message-box-success mw-preferences-messagebox mw-notify-success"><p>${context.msg('savedprefs').text()}</p></div>`);
    }
    if (!editable) output.addHtml(html`<div class="warningbox mw-message-box-warning">${rawHtml(context.msg('mypreferencesprotected').parseAsBlock())}</div>`);
    this.showForm(context, descriptor, { values: this.currentValues(context, descriptor), errors: new Map(), editable });
  }

  private async descriptor(context: RequestContext): Promise<Record<string, PreferenceField>> {
    const { services } = context;
    return services.preferencesFactory.getFormDescriptor(context.user, {
      options: context.userOptions,
      useskin: context.request.getVal('useskin'),
      rights: services.permissionManager.getUserRights(context.user),
      rcMaxAge: services.settings.rcMaxAge,
      defaultSkin: services.settings.defaultSkin,
      contentLanguage: services.settings.languageCode,
    });
  }

  /** The values the form starts with: the user's options (MediaWiki normalises a skin or language it can't offer). */
  private currentValues(context: RequestContext, descriptor: Record<string, PreferenceField>): Record<string, UserOptionValue> {
    const values: Record<string, UserOptionValue> = {};
    for (const [name, field] of Object.entries(descriptor)) {
      if (field.type === 'info') continue;
      let value: UserOptionValue | undefined = name === 'realname' ? context.user.realName : context.userOptions[name];
      if (value === undefined) value = field.default ?? (field.type === 'toggle' ? false : '');
      // Options without a default in $wgDefaultUserOptions come back as stored text ('1'/'0').
      if (field.type === 'toggle') value = value === true || value === 1 || value === '1' || value === 'true';
      if ((field.type === 'radio' || field.type === 'select') && field.options && !Object.prototype.hasOwnProperty.call(field.options, String(value))) {
        const fallback = field.default !== undefined && Object.prototype.hasOwnProperty.call(field.options, String(field.default)) ? String(field.default) : Object.keys(field.options)[0];
        value = fallback ?? '';
      }
      values[name] = value;
    }
    return values;
  }

  /** Stores the options; the real name goes to the account (PreferencesFormOOUI / saveFormData). */
  private async save(context: RequestContext, descriptor: Record<string, PreferenceField>, values: Record<string, UserOptionValue>): Promise<void> {
    const { services } = context;
    const options: Record<string, UserOptionValue> = {};
    for (const [name, value] of Object.entries(values)) {
      if (descriptor[name]?.notAnOption) continue;
      options[name] = value;
    }
    await services.db.transaction(async (trx) => {
      await services.userOptions.setOptions(context.user.id, options, trx);
    });
    if (descriptor.realname && isEditable(descriptor.realname) && services.permissionManager.userHasRight(context.user, 'editmyprivateinfo')) {
      const realName = [...String(values.realname ?? '')].slice(0, REAL_NAME_MAX).join('');
      if (realName !== context.user.realName) await services.userStore.setRealName(context.user.id, realName);
    }
  }

  /**
   * "Log out of all sessions": a new user_token ends the binding of every
   * session to the account, and the stored sessions are deleted (this one's
   * cookie too).
   */
  private async logoutEverywhere(context: RequestContext, descriptor: Record<string, PreferenceField>, editable: boolean): Promise<void> {
    const { services, output } = context;
    if (!context.csrf.matchToken(context.request.getVal('wpEditToken'))) {
      output.addHtml(html`<div class="errorbox mw-message-box-error mw-preferences-messagebox">${rawHtml(context.msg('sessionfailure').parseAsBlock())}</div>`);
      this.showForm(context, descriptor, { values: this.currentValues(context, descriptor), errors: new Map(), editable });
      return;
    }
    await services.userStore.resetToken(context.user.id);
    await services.sessionStore.destroyAllForUser(context.user.id);
    logOutSession(context.koa);
    const heading = context.msg('userlogout').text();
    output.setPageTitleHtml(html`${heading}`, heading);
    output.addHtml(html`<div class="successbox mw-message-box-success" id="mw-logout-everywhere-done"><p>${context.msg('prefs-logout-everywhere-done').text()}</p></div>`);
    output.addHtml(rawHtml(context.msg('logouttext').parseAsBlock()));
  }

  private showForm(context: RequestContext, descriptor: Record<string, PreferenceField>, state: FormState): void {
    const rows: Row[] = [...this.infoRows(context), ...Object.entries(descriptor).map(([name, field]): FieldRow => ({ kind: 'field', name, field }))];
    // Group by section: the top-level sections in MediaWiki's order, subsections in order of appearance.
    const tops = new Map<string, Map<string, Row[]>>();
    for (const row of rows) {
      const section = row.kind === 'info' ? row.section : row.field.section;
      const [top, sub = ''] = section.split('/');
      if (!tops.has(top)) tops.set(top, new Map());
      const subs = tops.get(top)!;
      if (!subs.has(sub)) subs.set(sub, []);
      subs.get(sub)!.push(row);
    }
    const rank = (top: string) => (SECTION_ORDER.includes(top) ? SECTION_ORDER.indexOf(top) : SECTION_ORDER.length);
    const orderedTops = [...tops.keys()].sort((a, b) => rank(a) - rank(b));

    const fieldsets = orderedTops.map((top) => {
      const subRank = (sub: string) => (SUBSECTION_ORDER.includes(sub) ? SUBSECTION_ORDER.indexOf(sub) : SUBSECTION_ORDER.length);
      const subsets = [...tops.get(top)!.entries()].sort(([a], [b]) => subRank(a) - subRank(b)).map(([sub, subRows]) => {
        const content = subRows.map((row) => (row.kind === 'info' ? this.infoRowHtml(row) : this.fieldHtml(context, row.name, row.field, state)));
        if (sub === '') return html`${content}`;
        return html`<fieldset id="mw-prefsection-${top}-${sub}" class="mw-prefs-subsection">${this.legend(context, sub)}${content}</fieldset>\n`;
      });
      return html`<fieldset id="mw-prefsection-${top}" class="prefsection mw-prefs-section-fieldset">${this.legend(context, top)}${subsets}</fieldset>\n`;
    });

    const self = specialPageTitle(context, this.name);
    const submit = state.editable
      ? html`<div class="mw-htmlform-submit-buttons" id="prefcontrol"><button type="submit" name="wpSave" value="1" class="mw-htmlform-submit">${context.msg('saveprefs').text()}</button></div>`
      : '';
    context.output.addHtml(html`<form method="post" action="${self.getLocalURL()}" id="mw-prefs-form" class="mw-htmlform">
${fieldsets}<input type="hidden" name="wpEditToken" value="${context.csrf.getToken()}">
<input type="hidden" name="title" value="${self.getPrefixedDBkey()}">
${submit}</form>
${this.logoutEverywhereForm(context)}`);
  }

  /** Section legend: prefs-<name>, omitted when no message names the section. */
  private legend(context: RequestContext, name: string): SafeHtml | '' {
    const message = context.msg(`prefs-${name}`);
    return message.exists() ? html`<legend>${message.text()}</legend>` : '';
  }

  private logoutEverywhereForm(context: RequestContext): SafeHtml {
    const self = specialPageTitle(context, this.name);
    return html`<form method="post" action="${self.getLocalURL()}" id="mw-prefs-logout-everywhere" class="mw-htmlform"><fieldset><legend>${context.msg('prefs-logout-everywhere-legend').text()}</legend>
<div class="htmlform-tip">${rawHtml(context.msg('prefs-logout-everywhere-help').parse())}</div>
<input type="hidden" name="wpEditToken" value="${context.csrf.getToken()}">
<input type="hidden" name="wpLogoutEverywhere" value="1">
<button type="submit" class="mw-htmlform-submit mw-ui-destructive">${context.msg('prefs-logout-everywhere-submit').text()}</button>
</fieldset></form>`;
  }

  private infoRowHtml(row: InfoRow): SafeHtml {
    return html`<div class="mw-htmlform-field-HTMLInfoField${row.cssClass ? ` ${row.cssClass}` : ''}" id="mw-prefs-${row.name}"><div class="mw-label">${row.label}</div><div class="mw-input">${row.content}</div></div>\n`;
  }

  /** The profile rows MediaWiki's DefaultPreferencesFactory draws as info fields. */
  private infoRows(context: RequestContext): InfoRow[] {
    const { services } = context;
    const user = context.user;
    const permissions = services.permissionManager;
    const rows: InfoRow[] = [];
    const label = (key: string, ...params: MessageParam[]) => html`${context.msg(key, ...params).text()}`;

    rows.push({ kind: 'info', name: 'username', section: 'personal/info', label: label('username', user.name), content: html`${user.name}` });

    const groups = permissions.getEffectiveGroups(user).filter((g) => g !== '*').sort();
    const listUsers = specialPageTitle(context, 'ListUsers');
    const groupLinks: SafeHtml[] = [];
    const memberLinks: SafeHtml[] = [];
    for (const group of groups) {
      const href = listUsers.getLocalURL({ group });
      const name = context.msg(`group-${group}`);
      const member = context.msg(`group-${group}-member`, user.name);
      groupLinks.push(html`<a href="${href}" title="${listUsers.getPrefixedText()}">${name.exists() ? name.text() : group}</a>`);
      memberLinks.push(html`<a href="${href}" title="${listUsers.getPrefixedText()}">${member.exists() ? member.text() : group}</a>`);
    }
    const comma = context.msg('comma-separator').text();
    const commaList = (items: SafeHtml[]) => html`${items.map((item, i) => (i === 0 ? item : html`${comma}${item}`))}`;
    rows.push({
      kind: 'info',
      name: 'usergroups',
      section: 'personal/info',
      label: label('prefs-memberingroups', { num: groups.length }, user.name),
      content: rawHtml(context.msg('prefs-memberingroups-type').rawParams(commaList(groupLinks), commaList(memberLinks)).escaped()),
    });

    const contributions = specialPageTitle(context, 'Contributions', user.name);
    rows.push({
      kind: 'info',
      name: 'editcount',
      section: 'personal/info',
      label: label('prefs-edits'),
      content: html`<a href="${contributions.getLocalURL()}" title="${contributions.getPrefixedText()}">${formatNum(context.language, user.editCount)}</a>`,
    });

    if (user.registration) {
      const ts = user.registration;
      const when = context.msg('prefs-registration-date-time', formatUserTimestamp(ts, context.language), formatUserDate(ts, context.language), formatUserTime(ts, context.language)).text();
      rows.push({ kind: 'info', name: 'registrationdate', section: 'personal/info', label: label('prefs-registration'), content: html`${when}` });
    }

    // Only a page that exists here (Special:ChangePassword, else Special:ChangeCredentials).
    const passwordPage = ['ChangePassword', 'ChangeCredentials'].find((name) => services.specialPageFactory.getPage(name) !== null);
    if (passwordPage) {
      const target = specialPageTitle(context, passwordPage);
      rows.push({
        kind: 'info',
        name: 'password',
        section: 'personal/info',
        label: label('yourpassword'),
        content: html`<a href="${target.getLocalURL({ returnto: specialPageTitle(context, this.name).getPrefixedText() })}" class="mw-ui-button">${context.msg('prefs-resetpass').text()}</a>`,
      });
    }

    const settings = services.settings;
    const canViewPrivate = permissions.userHasRight(user, 'viewmyprivateinfo');
    if (settings.enableEmail && canViewPrivate) {
      const changeEmail = specialPageTitle(context, 'ChangeEmail');
      const changeLink = html`<a href="${changeEmail.getLocalURL({ returnto: specialPageTitle(context, this.name).getPrefixedText() })}" class="mw-ui-button" id="mw-prefs-changeemail">${context.msg(user.email ? 'prefs-changeemail' : 'prefs-setemail').text()}</a>`;
      rows.push({
        kind: 'info',
        name: 'emailaddress',
        section: 'personal/email',
        label: label('youremail'),
        content: user.email ? html`<span class="mw-prefs-emailaddress">${user.email}</span><br>${changeLink}` : changeLink,
      });
      if (settings.emailAuthentication) {
        let content: SafeHtml;
        let cssClass: string;
        if (user.email && user.emailAuthenticated) {
          const ts = user.emailAuthenticated;
          content = rawHtml(context.msg('emailauthenticated', formatUserTimestamp(ts, context.language), formatUserDate(ts, context.language), formatUserTime(ts, context.language)).parse());
          cssClass = 'mw-email-authenticated';
        } else if (user.email) {
          const confirm = specialPageTitle(context, 'ConfirmEmail');
          content = html`${rawHtml(context.msg('emailnotauthenticated').parse())}<br><a href="${confirm.getLocalURL()}" class="mw-ui-button" id="mw-prefs-confirmemail">${context.msg('emailconfirmlink').text()}</a>`;
          cssClass = 'mw-email-not-authenticated';
        } else {
          content = html`${context.msg('noemailprefs').text()}`;
          cssClass = 'mw-email-none';
        }
        rows.push({ kind: 'info', name: 'emailauthentication', section: 'personal/email', label: label('prefs-emailconfirm-label'), content, cssClass });
      }
    }

    if (permissions.userHasRight(user, 'editmywatchlist')) {
      const links = [
        ['', 'prefs-editwatchlist-edit'],
        ['raw', 'prefs-editwatchlist-raw'],
        ['clear', 'prefs-editwatchlist-clear'],
      ].map(([sub, key]) => {
        const target = specialPageTitle(context, 'EditWatchlist', sub || undefined);
        return html`<a href="${target.getLocalURL()}" title="${target.getPrefixedText()}">${context.msg(key).text()}</a>`;
      });
      rows.push({ kind: 'info', name: 'editwatchlist', section: 'watchlist/editwatchlist', label: label('prefs-editwatchlist-label'), content: joinPipes(links) });
    }
    return rows;
  }

  /** One field in HTMLForm's div layout: label, input, help, error. */
  private fieldHtml(context: RequestContext, name: string, field: PreferenceField, state: FormState): SafeHtml {
    const id = `mw-input-${fieldName(name)}`;
    const inputName = fieldName(name);
    const disabled = field.disabled || !state.editable;
    const value = state.values[name];
    const error = state.errors.get(name);
    const labelText = field.labelMessage ? context.msg(field.labelMessage).text() : '';
    const help = field.helpMessage ? html`<div class="htmlform-tip">${rawHtml(context.msg(field.helpMessage, ...(field.helpParams ?? []).map((p) => (typeof p === 'number' ? { num: p } : p))).parse())}</div>` : '';
    const errorHtml = error ? html`<div class="error mw-message-box-error mw-htmlform-field-error"><span class="error">${rawHtml(context.msg(error.key, ...error.params).parse())}</span></div>` : '';
    const optionLabel = (optionValue: string): string => {
      const plain = field.optionLabels?.[optionValue];
      if (plain !== undefined) return plain;
      const key = field.options?.[optionValue];
      const message = key ? context.msg(key) : null;
      let text = message && message.exists() ? message.text() : key ?? optionValue;
      if (name === 'skin' && optionValue === context.services.settings.defaultSkin) text += ` ${context.msg('default-skin-marker').text()}`;
      return text;
    };
    const classes = `mw-htmlform-field mw-htmlform-field-${name}${error ? ' mw-htmlform-invalid-input' : ''}`;

    let input: SafeHtml;
    switch (field.type) {
      case 'toggle':
        return html`<div class="${classes} mw-htmlform-field-HTMLCheckField"><div class="mw-input"><input type="checkbox" id="${id}" name="${inputName}" value="1"${attributes({ checked: value === true, disabled })}>&#160;<label for="${id}">${labelText}</label></div>${help}${errorHtml}</div>\n`;
      case 'select':
        input = html`<select id="${id}" name="${inputName}"${attributes({ disabled })}>${Object.keys(field.options ?? {}).map((v) => html`<option value="${v}"${attributes({ selected: String(value) === v })}>${optionLabel(v)}</option>`)}</select>`;
        break;
      case 'radio':
        input = html`<div id="${id}" class="mw-htmlform-flatlist">${Object.keys(field.options ?? {}).map(
          (v) => html`<div class="mw-htmlform-flatlist-item"><input type="radio" name="${inputName}" value="${v}" id="${id}-${v}"${attributes({ checked: String(value) === v, disabled })}>&#160;<label for="${id}-${v}">${optionLabel(v)}</label></div>`,
        )}</div>`;
        break;
      case 'int':
      case 'float':
        input = html`<input type="number" id="${id}" name="${inputName}" value="${value === undefined ? '' : String(value)}" size="20"${attributes({ min: field.min === undefined ? undefined : formatBound(field.min), max: field.max === undefined ? undefined : formatBound(field.max), step: field.type === 'int' ? 1 : 'any', disabled })}>`;
        break;
      case 'info':
        input = html`${value === undefined ? String(field.default ?? '') : String(value)}`;
        break;
      case 'text':
      default:
        input = html`<input type="text" id="${id}" name="${inputName}" value="${value === undefined ? '' : String(value)}" size="45"${attributes({ maxlength: name === 'realname' ? REAL_NAME_MAX : undefined, disabled })}>`;
        break;
    }
    const labelHtml = field.type === 'radio' ? html`<label>${labelText}</label>` : html`<label for="${id}">${labelText}</label>`;
    return html`<div class="${classes}"><div class="mw-label">${labelHtml}</div><div class="mw-input">${input}</div>${help}${errorHtml}</div>\n`;
  }
}
