/**
 * The `protect` log's lines (MediaWiki's ProtectLogFormatter):
 * "<performer> protected <page> [Edit=Allow only administrators] (indefinite)".
 *
 * - protect / modify: $4 is the protection description, rebuilt in the
 *   reader's language from the `details` parameter ([{type, level, expiry,
 *   cascade}], as WikiPage::doUpdateRestrictions stores it) through
 *   `protect-summary-desc`, `restriction-<type>`, `protect-level-<level>`
 *   (or `protect-fallback`) and `protect-expiry-indefinite` /
 *   `protect-expiring-local`; entries without details show the stored
 *   `4::description`. A true `5:bool:cascade` adds "-cascade" to the key.
 * - unprotect: "<performer> removed protection from <page>".
 * - move_prot: "moved protection settings from $4 to $3".
 * The line's action links are "(hist | change protection)".
 */
import type { RequestContext } from '../../../context/RequestContext';
import { html, rawHtml, SafeHtml } from '../../../html/Html';
import { userLinks } from '../../../page/ChangeListFormatting';
import { pageKeyOf } from '../../../storage/PageStore';
import { formatUserDate, formatUserTime, formatUserTimestamp } from '../../../util/Timestamp';
import type { LogLine } from '../SpecialLog';
import { joinPipes, pageLink } from '../SpecialPageHtml';

/** One entry of the `details` parameter. */
export interface ProtectionDetail {
  type: string;
  level: string;
  /** 'infinity' or TS_MW. */
  expiry: string;
  cascade?: boolean;
}

const INFINITY = new Set(['infinite', 'indefinite', 'infinity', 'never']);

/** ProtectLogFormatter::formatExpiry(). */
function formatExpiry(context: RequestContext, expiry: string): string {
  if (INFINITY.has(expiry) || !/^\d{14}$/.test(expiry)) return context.msg('protect-expiry-indefinite').text();
  const lang = context.language;
  return context.msg('protect-expiring-local', formatUserTimestamp(expiry, lang), formatUserDate(expiry, lang), formatUserTime(expiry, lang)).text();
}

/** The name of a protection level: `protect-level-<level>`, or "Allow only users with "<level>" permission". */
export function protectionLevelText(context: RequestContext, level: string): string {
  const msg = context.msg(`protect-level-${level}`);
  return msg.isDisabled() ? context.msg('protect-fallback', level).text() : msg.text();
}

/** ProtectLogFormatter::createProtectDescription(): "[Edit=Allow only administrators] (indefinite) [Move=…] (…)". */
export function protectDescription(context: RequestContext, details: readonly ProtectionDetail[]): string {
  const separator = context.msg('word-separator').text();
  return details
    .map((detail) => context.msg('protect-summary-desc', context.msg(`restriction-${detail.type}`).text(), protectionLevelText(context, detail.level), formatExpiry(context, detail.expiry)).text())
    .join(separator);
}

function detailsOf(value: unknown): ProtectionDetail[] | null {
  if (!Array.isArray(value)) return null;
  return value.filter(
    (d): d is ProtectionDetail => d !== null && typeof d === 'object' && typeof (d as ProtectionDetail).type === 'string' && typeof (d as ProtectionDetail).level === 'string' && typeof (d as ProtectionDetail).expiry === 'string',
  );
}

export function protectLogActionHtml(context: RequestContext, line: LogLine, existing: ReadonlySet<string>): SafeHtml {
  const titles = context.services.titleFactory;
  const target = titles.makeTitle(line.namespace, line.dbKey);
  const performer = { raw: userLinks(context, line.actorName, line.actorUserId).value };
  const targetLink = { raw: pageLink(context, target, existing.has(pageKeyOf(target))).value };
  let key = `logentry-protect-${line.action}`;
  if (line.action === 'move_prot') {
    const oldTitle = titles.newFromText(String(line.params['4::oldtitle'] ?? ''));
    const oldLink = oldTitle ? { raw: pageLink(context, oldTitle, existing.has(pageKeyOf(oldTitle))).value } : '';
    return rawHtml(context.msg(key, performer, line.actorName, targetLink, oldLink).parse());
  }
  if (line.action === 'protect' || line.action === 'modify') {
    const cascade = line.params['5:bool:cascade'];
    if (cascade === true || cascade === 1 || cascade === '1') key += '-cascade';
    const details = detailsOf(line.params.details);
    const description = details ? protectDescription(context, details) : String(line.params['4::description'] ?? '');
    return rawHtml(context.msg(key, performer, line.actorName, targetLink, { plaintext: description }).parse());
  }
  const message = context.msg(key, performer, line.actorName, targetLink);
  if (message.exists()) return rawHtml(message.parse());
  return rawHtml(context.msg('logentry-generic', performer, line.actorName, targetLink, `${line.type}/${line.action}`).parse());
}

/**
 * ProtectLogFormatter::getActionLinks(): "(hist | change protection)" — the
 * history as of the entry for an existing page, the protection form for users
 * with the `protect` right; nothing for move_prot.
 */
export function protectLogActionLinks(context: RequestContext, line: LogLine & { timestamp?: string }, existing: ReadonlySet<string>): SafeHtml {
  if (line.action === 'move_prot') return html``;
  const target = context.services.titleFactory.makeTitle(line.namespace, line.dbKey);
  const links: SafeHtml[] = [];
  if (existing.has(pageKeyOf(target))) {
    links.push(html`<a href="${target.getLocalURL({ action: 'history', offset: line.timestamp })}" title="${target.getPrefixedText()}">${context.msg('hist').text()}</a>`);
  }
  if (context.services.permissionManager.userHasRight(context.user, 'protect')) {
    links.push(html`<a href="${target.getLocalURL({ action: 'protect' })}" title="${target.getPrefixedText()}">${context.msg('protect_change').text()}</a>`);
  }
  if (links.length === 0) return html``;
  return html`<span class="mw-logevent-actionlink">${rawHtml(context.msg('parentheses').rawParams(joinPipes(links)).escaped())}</span>`;
}
