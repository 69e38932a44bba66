/**
 * action=protect and action=unprotect (MediaWiki's ProtectAction /
 * UnprotectAction + ProtectionForm + WikiPage::doUpdateRestrictions).
 *
 * - Needs the `protect` right and the page-level checks for it; otherwise
 *   MediaWiki's permission error page (HTTP 403).
 * - One level select per applicable restriction type — edit and move for an
 *   existing page (and upload in the File namespace), create for a title that
 *   doesn't exist — with the levels of $wgRestrictionLevels the performer may
 *   set (PermissionManager::getNamespaceRestrictionLevels), an expiry
 *   (existing / other time / the `protect-expiry-options` presets), the
 *   cascade checkbox, a reason (dropdown + text) and `wpEditToken`.
 * - A save writes page_restrictions (or protected_titles) and one `protect`
 *   log entry (protect / modify / unprotect, with MediaWiki's
 *   4::description, 5:bool:cascade and details parameters) in one
 *   transaction, then redirects (303) to the page. Nothing changed → no log.
 * - Errors keep the submitted values: bad token (sessionfailure), invalid or
 *   past expiry (protect_expiry_invalid / protect_expiry_old). A level the
 *   performer may not set is refused with a permission error.
 */
import type { RequestContext } from '../context/RequestContext';
import { PermissionDeniedError } from '../errors/ErrorPageError';
import { attributes, html, rawHtml, SafeHtml } from '../html/Html';
import { rightForRestrictionLevel } from '../permissions/PermissionManager';
import { NS_FILE } from '../title/NamespaceInfo';
import type { Title } from '../title/Title';
import { formatUserDate, formatUserTime, formatUserTimestamp, toMwTimestamp } from '../util/Timestamp';
import { logName } from '../specialpage/specials/SpecialLog';
import { expiryToTimestamp, isInfinity, parseOptionsMessage } from '../specialpage/specials/SpecialUserRights';
import { logExtract } from '../specialpage/specials/logformatters/LogExtract';
import { protectionLevelText, type ProtectionDetail } from '../specialpage/specials/logformatters/ProtectLogFormatter';
import type { PageRecord } from '../storage/PageRecord';
import type { PageAction } from './Action';
import { SUMMARY_CHARACTER_LIMIT } from './EditAction';

/** $wgCascadingRestrictionLevels: only these edit levels may cascade. */
const CASCADING_LEVELS = ['sysop'];
/** Left-to-right mark, as Language::getDirMark() writes into the stored description. */
const LRM = '\u200E';

interface Current {
  level: string;
  /** 'infinity' or TS_MW; '' when the type is not restricted. */
  expiry: string;
}

interface FormState {
  levels: Map<string, string>;
  /** wpProtectExpirySelection-<type>: existing, othertime, infinite or a preset. */
  expirySelection: Map<string, string>;
  /** mwProtect-expiry-<type>. */
  expiryOther: Map<string, string>;
  cascade: boolean;
  reasonSelection: string;
  reason: string;
}

/** RestrictionStore::listApplicableRestrictionTypes(). */
export function applicableRestrictionTypes(context: RequestContext, title: Title, exists: boolean): string[] {
  const configured = context.services.settings.restrictionTypes;
  if (!exists) return configured.includes('create') ? ['create'] : [];
  return configured.filter((type) => type !== 'create' && (type !== 'upload' || title.getNamespace() === NS_FILE));
}

/**
 * PermissionManager::getNamespaceRestrictionLevels(): '' and every level of
 * $wgRestrictionLevels the performer holds whose right would actually keep
 * out some group that may edit the namespace.
 */
export function usableRestrictionLevels(context: RequestContext, namespace: number): string[] {
  const pm = context.services.permissionManager;
  const settings = context.services.settings;
  let namespaceGroups: string[] | null = null;
  for (const needed of settings.namespaceProtection[String(namespace)] ?? []) {
    const right = rightForRestrictionLevel(needed);
    if (right === '') continue;
    const groups = pm.getGroupsWithPermission(right);
    namespaceGroups = namespaceGroups === null ? groups : namespaceGroups.filter((g) => groups.includes(g));
  }
  const usable = [''];
  for (const level of settings.restrictionLevels) {
    const right = rightForRestrictionLevel(level);
    if (right === '' || usable.includes(level) || !pm.userHasRight(context.user, right)) continue;
    const withRight = pm.getGroupsWithPermission(right);
    if (namespaceGroups === null || namespaceGroups.length === 0 || namespaceGroups.some((g) => !withRight.includes(g))) usable.push(level);
  }
  return usable;
}

/** Xml::listDropdownOptions(): "* Group" and "** Option" lines. */
function dropdownOptions(text: string): Array<{ group: string | null; options: string[] }> {
  const out: Array<{ group: string | null; options: string[] }> = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('**')) {
      const value = line.slice(2).trim();
      if (out.length === 0) out.push({ group: null, options: [] });
      out[out.length - 1].options.push(value);
    } else if (line.startsWith('*')) {
      out.push({ group: line.slice(1).trim(), options: [] });
    }
  }
  return out;
}

/**
 * InfoAction's "Page protection" section (MediaWiki's InfoAction::pageInfo,
 * header-restrictions): per restriction type the level and its expiry — or,
 * unprotected, what namespace protection requires ("Allow only users with
 * "edit-docs" permission") or "Allow all users" — whether the protection
 * cascades, and a link to the page's protection log. For action=info:
 *
 *   ${await protectionInfoSection(context, title, page)}
 *
 * between its basic-information and edit-history tables.
 */
export async function protectionInfoSection(context: RequestContext, title: Title, page: PageRecord | null): Promise<SafeHtml> {
  const { services } = context;
  const lang = context.language;
  const comma = context.msg('comma-separator').text();
  const current = new Map<string, { level: string; expiry: string | null; cascade: boolean }>();
  if (page) {
    for (const r of await services.restrictionStore.getRestrictions(page.id)) current.set(r.type, r);
  } else {
    const protection = await services.restrictionStore.getCreateProtection(title.getNamespace(), title.getDBkey());
    if (protection) current.set('create', { level: protection.level, expiry: protection.expiry, cascade: false });
  }
  const namespaceRights = [...(title.getNamespace() === 8 ? ['editinterface'] : []), ...(services.settings.namespaceProtection[String(title.getNamespace())] ?? [])].filter((r, i, all) => r !== '' && all.indexOf(r) === i);
  const rows: SafeHtml[] = [];
  const row = (id: string, label: string, value: SafeHtml) => html`<tr id="${id}"><td style="vertical-align: top;">${label}</td><td>${value}</td></tr>\n`;
  if (current.get('edit')?.cascade) rows.push(row('mw-pageinfo-protect-cascading', context.msg('pageinfo-protect-cascading').text(), html`${context.msg('pageinfo-protect-cascading-yes').text()}`));
  for (const type of applicableRestrictionTypes(context, title, page !== null)) {
    const restriction = current.get(type);
    let level: string;
    if (restriction) level = protectionLevelText(context, restriction.level);
    else if (namespaceRights.length > 0) level = context.msg('protect-fallback', namespaceRights.join(comma)).text();
    else level = context.msg('protect-default').text();
    const expiry = restriction?.expiry ? formatUserTimestamp(restriction.expiry, lang) : context.msg('infiniteblock').text();
    rows.push(row(`mw-restriction-${type}`, context.msg(`restriction-${type}`).text(), html`${level}${context.msg('word-separator').text()}${rawHtml(context.msg('parentheses').params(expiry).escaped())}`));
  }
  const log = services.titleFactory.newFromTextThrow('Special:Log');
  return html`<h2 id="mw-pageinfo-header-restrictions">${context.msg('pageinfo-header-restrictions').text()}</h2><table class="wikitable mw-page-info">${rows}</table><a href="${log.getLocalURL({ type: 'protect', page: title.getPrefixedText() })}" title="${log.getPrefixedText()}">${context.msg('pageinfo-view-protect-log').text()}</a>\n`;
}

export class ProtectAction implements PageAction {
  constructor(readonly name: 'protect' | 'unprotect' = 'protect') {}

  async show(context: RequestContext): Promise<void> {
    const { services, request, output } = context;
    const title = context.getTitle();
    output.setRobotPolicy('noindex,nofollow');
    const errors = await services.permissionManager.getPermissionErrors('protect', context.user, title);
    if (errors.length > 0) throw new PermissionDeniedError(errors, 'protect');

    const heading = context.msg('protect-title', title.getPrefixedText()).text();
    output.setPageTitleHtml(html`${heading}`, heading);

    const page = await services.pageStore.getPage({ namespace: title.getNamespace(), dbKey: title.getDBkey() });
    const types = applicableRestrictionTypes(context, title, page !== null);
    const { current, cascade } = await this.currentProtection(context, title, page);
    const levels = usableRestrictionLevels(context, title.getNamespace());
    const state = this.formState(context, types, current, cascade);

    if (request.wasPosted()) {
      let error: string | null;
      if (!context.csrf.matchToken(request.getVal('wpEditToken'))) {
        error = 'sessionfailure';
      } else {
        error = await this.save(context, title, page, types, current, cascade, levels, state);
        if (error === null) {
          output.redirect(page?.isRedirect ? title.getLocalURL({ redirect: 'no' }) : title.getLocalURL(), 303);
          return;
        }
      }
      output.addHtml(html`<div class="errorbox mw-message-box-error">${rawHtml(context.msg(error).parseAsBlock())}</div>`);
    }
    output.addHtml(html`<div class="mw-protect-text">${rawHtml(context.msg('protect-text', title.getPrefixedText()).parseAsBlock())}</div>`);
    output.addHtml(this.form(context, title, types, current, levels, state));
    output.addHtml(html`<h2>${logName(context, 'protect')}</h2>`);
    output.addHtml(await logExtract(context, 'protect', title));
  }

  private async currentProtection(context: RequestContext, title: Title, page: PageRecord | null): Promise<{ current: Map<string, Current>; cascade: boolean }> {
    const store = context.services.restrictionStore;
    const current = new Map<string, Current>();
    let cascade = false;
    if (page) {
      for (const restriction of await store.getRestrictions(page.id)) {
        current.set(restriction.type, { level: restriction.level, expiry: restriction.expiry ?? 'infinity' });
        if (restriction.type === 'edit' && restriction.cascade) cascade = true;
      }
    } else {
      const protection = await store.getCreateProtection(title.getNamespace(), title.getDBkey());
      if (protection) current.set('create', { level: protection.level, expiry: protection.expiry ?? 'infinity' });
    }
    return { current, cascade };
  }

  /** ProtectionForm::loadData(): the request's values over the current protection. */
  private formState(context: RequestContext, types: readonly string[], current: Map<string, Current>, cascade: boolean): FormState {
    const { request } = context;
    const posted = request.wasPosted();
    const state: FormState = {
      levels: new Map(),
      expirySelection: new Map(),
      expiryOther: new Map(),
      cascade: posted ? request.getBool('mwProtect-cascade') : cascade,
      reasonSelection: request.getVal('wpProtectReasonSelection') ?? 'other',
      reason: request.getVal('mwProtect-reason') ?? '',
    };
    for (const type of types) {
      const existing = current.get(type);
      const posted = request.getVal(`mwProtect-level-${type}`);
      state.levels.set(type, posted !== null && context.services.settings.restrictionLevels.includes(posted) ? posted : existing?.level ?? '');
      const other = request.getVal(`mwProtect-expiry-${type}`) ?? '';
      const selection = request.getVal(`wpProtectExpirySelection-${type}`);
      state.expiryOther.set(type, other);
      // A typed time wins over the menu (ProtectionForm: "Custom expiry takes precedence").
      if (other.trim() !== '') state.expirySelection.set(type, 'othertime');
      else if (selection) state.expirySelection.set(type, selection);
      else state.expirySelection.set(type, existing ? 'existing' : 'infinite');
    }
    return state;
  }

  /** ProtectionForm::getExpiry(): 'infinity', TS_MW, or false. */
  private expiryFor(state: FormState, current: Map<string, Current>, type: string): string | false {
    let value = state.expirySelection.get(type) ?? 'infinite';
    if (value === 'existing') return current.get(type)?.expiry || 'infinity';
    if (value === 'othertime') value = state.expiryOther.get(type) ?? '';
    if (isInfinity(value)) return 'infinity';
    const ts = expiryToTimestamp(value);
    return ts === null ? 'infinity' : ts;
  }

  /** ProtectionForm::save() + WikiPage::doUpdateRestrictions(): null when saved, else the error message key. */
  private async save(
    context: RequestContext,
    title: Title,
    page: PageRecord | null,
    types: readonly string[],
    current: Map<string, Current>,
    currentCascade: boolean,
    usable: readonly string[],
    state: FormState,
  ): Promise<string | null> {
    const { request, services } = context;
    // formState took the posted levels; a change to one the performer may not set refuses the whole request.
    for (const type of types) {
      const value = request.getVal(`mwProtect-level-${type}`);
      if (value !== null && value === state.levels.get(type) && value !== (current.get(type)?.level ?? '') && !usable.includes(value)) {
        throw new PermissionDeniedError([services.permissionManager.missingRightError(rightForRestrictionLevel(value))]);
      }
    }

    const now = toMwTimestamp();
    const expiries = new Map<string, string>();
    for (const type of types) {
      const expiry = this.expiryFor(state, current, type);
      if ((state.levels.get(type) ?? '') === '') {
        expiries.set(type, 'infinity');
        continue;
      }
      if (expiry === false) return 'protect_expiry_invalid';
      if (expiry !== 'infinity' && expiry < now) return 'protect_expiry_old';
      expiries.set(type, expiry);
    }

    let reason = state.reasonSelection;
    if (reason !== 'other' && state.reason !== '') reason += context.msg('colon-separator').text() + state.reason;
    else if (reason === 'other') reason = state.reason;
    reason = [...reason].slice(0, SUMMARY_CHARACTER_LIMIT).join('');

    // Only an edit level that may cascade keeps the cascade flag (WikiPage::doUpdateRestrictions).
    let cascade = page !== null && state.cascade && CASCADING_LEVELS.includes(state.levels.get('edit') ?? '');
    let protect = false;
    let wasProtected = false;
    let changed = false;
    for (const type of types) {
      const level = state.levels.get(type) ?? '';
      const before = current.get(type);
      if (level !== '') protect = true;
      if (before) wasProtected = true;
      if (level !== (before?.level ?? '')) changed = true;
      else if (level !== '' && before && before.expiry !== expiries.get(type)) changed = true;
    }
    if (!changed && protect && currentCascade !== cascade) changed = true;
    if (!changed) return null;
    if (!protect) cascade = false;
    const logAction = !protect ? 'unprotect' : wasProtected ? 'modify' : 'protect';

    const details: ProtectionDetail[] = [];
    for (const type of types) {
      const level = state.levels.get(type) ?? '';
      if (level === '') continue;
      details.push(page ? { type, level, expiry: expiries.get(type)!, cascade: cascade && type === 'edit' } : { type, level, expiry: expiries.get(type)! });
    }

    await services.db.transaction(async (trx) => {
      const actorId = await services.actorStore.acquireActorId(context.user, trx);
      if (page) {
        await services.restrictionStore.setRestrictions(
          page.id,
          types.map((type) => {
            const level = state.levels.get(type) ?? '';
            const expiry = expiries.get(type)!;
            return { type, level, expiry: expiry === 'infinity' ? null : expiry, cascade: cascade && type === 'edit' };
          }),
          trx,
        );
      } else {
        const level = state.levels.get('create') ?? '';
        const expiry = expiries.get('create') ?? 'infinity';
        await services.restrictionStore.setCreateProtection(title.getNamespace(), title.getDBkey(), { level, expiry: expiry === 'infinity' ? null : expiry, userId: context.user.id, reason }, trx);
      }
      const params = logAction === 'unprotect' ? {} : { '4::description': this.descriptionForLog(context, details), '5:bool:cascade': cascade, details };
      await services.logStore.insert(
        { type: 'protect', action: logAction, actorId, namespace: title.getNamespace(), dbKey: title.getDBkey(), pageId: page?.id ?? null, comment: reason, params, ip: context.ip },
        trx,
      );
    });
    return null;
  }

  /** WikiPage::protectDescriptionLog(): "[edit=sysop] (indefinite)[move=sysop] (expires … (UTC))" in the content language. */
  private descriptionForLog(context: RequestContext, details: readonly ProtectionDetail[]): string {
    const { services } = context;
    const lang = services.settings.languageCode;
    const msg = (key: string, ...params: string[]) => services.messages.msg(key, lang, ...params).text();
    return details
      .map((d) => {
        const expiry = d.expiry === 'infinity' ? msg('protect-expiry-indefinite') : msg('protect-expiring', formatUserTimestamp(d.expiry, lang), formatUserDate(d.expiry, lang), formatUserTime(d.expiry, lang));
        return `${LRM}[${d.type}=${d.level}] (${expiry})`;
      })
      .join('')
      .trim();
  }

  private form(context: RequestContext, title: Title, types: readonly string[], current: Map<string, Current>, levels: readonly string[], state: FormState): SafeHtml {
    const lang = context.language;
    const presets = parseOptionsMessage(context.msg('protect-expiry-options').text());
    const sections = types.map((type) => {
      const selectedLevel = state.levels.get(type) ?? '';
      const levelOptions = levels.map(
        (level) => html`<option value="${level}"${attributes({ selected: level === selectedLevel })}>${level === '' ? context.msg('protect-default').text() : protectionLevelText(context, level)}</option>`,
      );
      const selection = state.expirySelection.get(type) ?? 'infinite';
      const option = (label: string, value: string) => html`<option value="${value}"${attributes({ selected: value === selection })}>${label}</option>`;
      const expiryOptions: SafeHtml[] = [];
      const existing = current.get(type);
      if (existing) {
        expiryOptions.push(
          option(
            existing.expiry === 'infinity'
              ? context.msg('protect-existing-expiry-infinity').text()
              : context.msg('protect-existing-expiry', formatUserTimestamp(existing.expiry, lang), formatUserDate(existing.expiry, lang), formatUserTime(existing.expiry, lang)).text(),
            'existing',
          ),
        );
      }
      expiryOptions.push(option(context.msg('protect-othertime-op').text(), 'othertime'));
      for (const preset of presets) expiryOptions.push(option(preset.label, preset.value));
      return html`<fieldset><legend>${context.msg(`restriction-${type}`).text()}</legend>
<table id="mw-protect-table-${type}"><tbody>
<tr><td><select name="mwProtect-level-${type}" id="mwProtect-level-${type}" size="${levels.length}" class="mwProtect-level">${levelOptions}</select></td></tr>
<tr><td><table><tbody>
<tr class="mwProtect-expiry"><td class="mw-label"><label for="mwProtectExpirySelection-${type}">${context.msg('protectexpiry').text()}</label></td><td class="mw-input"><select id="mwProtectExpirySelection-${type}" name="wpProtectExpirySelection-${type}">${expiryOptions}</select></td></tr>
<tr class="mw-protect-othertime"><td class="mw-label"><label for="mwProtect-${type}-expires">${context.msg('protect-othertime').text()}</label></td><td class="mw-input"><input type="text" name="mwProtect-expiry-${type}" id="mwProtect-${type}-expires" size="50" value="${state.expiryOther.get(type) ?? ''}"></td></tr>
</tbody></table></td></tr>
</tbody></table></fieldset>\n`;
    });

    const reasonGroups = dropdownOptions(context.msg('protect-dropdown').text());
    const reasonOption = (value: string, label: string) => html`<option value="${value}"${attributes({ selected: value === state.reasonSelection })}>${label}</option>`;
    const reasonOptions = [
      reasonOption('other', context.msg('protect-otherreason-op').text()),
      ...reasonGroups.map((g) => (g.group === null ? html`${g.options.map((o) => reasonOption(o, o))}` : html`<optgroup label="${g.group}">${g.options.map((o) => reasonOption(o, o))}</optgroup>`)),
    ];
    const cascadeRow = types.includes('edit')
      ? html`<tr><td></td><td class="mw-input"><input type="checkbox" name="mwProtect-cascade" id="mwProtect-cascade" value="1"${attributes({ checked: state.cascade })}>&#160;<label for="mwProtect-cascade">${context.msg('protect-cascade').text()}</label></td></tr>\n`
      : '';
    return html`<form name="mw-Protect-Form" action="${title.getLocalURL({ action: 'protect' })}" method="post" id="mw-Protect-Form">
<fieldset><legend>${context.msg('protect-legend').text()}</legend>
<table id="mwProtectSet"><tbody><tr><td>
${sections}</td></tr></tbody></table>
<table id="mw-protect-table3"><tbody>
${cascadeRow}<tr><td class="mw-label"><label for="wpProtectReasonSelection">${context.msg('protectcomment').text()}</label></td><td class="mw-input"><select id="wpProtectReasonSelection" name="wpProtectReasonSelection">${reasonOptions}</select></td></tr>
<tr><td class="mw-label"><label for="mwProtect-reason">${context.msg('protect-otherreason').text()}</label></td><td class="mw-input"><input type="text" size="60" name="mwProtect-reason" id="mwProtect-reason" maxlength="${SUMMARY_CHARACTER_LIMIT}" value="${state.reason}"></td></tr>
<tr><td></td><td class="mw-submit"><input type="submit" value="${context.msg('confirm').text()}" id="mw-Protect-submit"></td></tr>
</tbody></table>
</fieldset>
<input type="hidden" name="wpEditToken" value="${context.csrf.getToken()}">
</form>\n`;
  }
}
