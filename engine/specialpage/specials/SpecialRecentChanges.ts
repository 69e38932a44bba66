/**
 * Special:RecentChanges (MediaWiki's SpecialRecentChanges in its non-JS,
 * "old changes list" form): the recentchanges rows of the last `days` days,
 * newest first, grouped under a heading per day.
 *
 * Options, read from the query string and then from the subpage
 * (Special:RecentChanges/days=30,limit=100,hideminor — the subpage wins, as
 * in MediaWiki): `days` (default 7, at most $wgRCMaxAge), `limit` (default
 * 50, at most 500), `from` (a TS_MW timestamp), the filters `hideminor`,
 * `hidebots` (on by default), `hidemyself`, `hideliu`, `hideanons`,
 * `hidenewpages`, `hidelog`, and `namespace` (one or several ids separated
 * by ';') with `associated` (add the talk/subject namespaces) and `invert`.
 * Malformed values fall back to the defaults rather than erroring.
 *
 * Each line reads as MediaWiki's:
 *   (diff | hist) . . N m Page; 22:36 . . (+12) . . User (talk | contribs) (summary)
 * and log entries as "(Move log); 22:36 . . <log action> (comment)".
 */
import type { RequestContext } from '../../context/RequestContext';
import { ChangeRow, changesList, changesListLegend } from '../../page/ChangesList';
import { html, rawHtml, SafeHtml } from '../../html/Html';
import { RC_LOG, RC_NEW } from '../../storage/RecentChangeWriter';
import { formatUserDate, formatUserTime, formatUserTimestamp, parseTimestamp, toMwTimestamp } from '../../util/Timestamp';
import { formatNum } from '../../i18n/MessageFormatter';
import { SpecialPage } from '../SpecialPage';
import { parseLimit } from './SpecialLog';
import { checkbox, getFormStart, joinPipes, namespaceSelector, specialPageTitle } from './SpecialPageHtml';
import { applyChangesListFilters, ChangesListFilterOptions, changesListOptionsUrl, filterToggleLinks, namespaceFormState, USER_FILTER_TOGGLES } from './ChangesListFilters';

export const RC_DEFAULT_DAYS = 7;
export const RC_DEFAULT_LIMIT = 50;
export const RC_MAX_LIMIT = 500;
/** $wgRCLinkLimits and $wgRCLinkDays: the choices offered in the options box. */
const LINK_LIMITS = [50, 100, 250, 500];
const LINK_DAYS = [1, 3, 7, 14, 30];

/** The hide/show filters, in the order of MediaWiki's legacy options box, with their message stems. */
const TOGGLES = [...USER_FILTER_TOGGLES, ['hidenewpages', 'rcshowhidenewpages'], ['hidelog', 'rcshowhidelog']] as const;

type ToggleName = (typeof TOGGLES)[number][0];

interface RcOptions extends ChangesListFilterOptions, Record<ToggleName, boolean> {
  days: number;
  limit: number;
  from: string;
}

const DEFAULTS: RcOptions = {
  days: RC_DEFAULT_DAYS,
  limit: RC_DEFAULT_LIMIT,
  from: '',
  namespace: '',
  associated: false,
  invert: false,
  hideminor: false,
  hidebots: true,
  hideanons: false,
  hideliu: false,
  hidemyself: false,
  hidenewpages: false,
  hidelog: false,
};

type BooleanOption = ToggleName | 'associated' | 'invert';
const BOOLEAN_OPTIONS: readonly BooleanOption[] = ['associated', 'invert', ...TOGGLES.map(([name]) => name)];

function isBooleanOption(name: string): name is BooleanOption {
  return (BOOLEAN_OPTIONS as readonly string[]).includes(name);
}

type RcRow = ChangeRow;

export class SpecialRecentChanges extends SpecialPage {
  override readonly group = 'changes';

  constructor() {
    super('RecentChanges');
  }

  /** $wgRCMaxAge in days: older changes are purged, so longer periods are pointless. */
  private maxDays(context: RequestContext): number {
    return context.services.settings.rcMaxAge / 86400;
  }

  async execute(context: RequestContext, subPage: string | null): Promise<void> {
    const { output } = context;
    const options = this.readOptions(context, subPage);
    const rows = await this.query(context, options);

    const intro = context.msg('recentchangestext');
    if (!intro.isDisabled()) output.addHtml(html`<div class="mw-specialpage-summary">${rawHtml(intro.parseAsBlock())}</div>`);
    output.addHtml(this.optionsBox(context, options, rows.length));
    if (rows.length === 0) {
      output.addHtml(html`<div class="mw-changeslist-empty">${rawHtml(context.msg('recentchanges-noresult').parse())}</div>`);
      return;
    }
    output.addHtml(changesListLegend(context));
    output.addHtml(await changesList(context, rows));
  }

  /** FormOptions::fetchValuesFromRequest, then the subpage (ChangesListSpecialPage::parseParameters). */
  private readOptions(context: RequestContext, subPage: string | null): RcOptions {
    const { request } = context;
    const options: RcOptions = { ...DEFAULTS };
    for (const name of BOOLEAN_OPTIONS) {
      options[name] = request.getBool(name, DEFAULTS[name]);
    }
    options.days = this.parseDays(context, request.getVal('days'));
    options.limit = parseLimit(request.getVal('limit'), RC_DEFAULT_LIMIT, RC_MAX_LIMIT);
    options.namespace = request.getVal('namespace') ?? '';
    options.from = this.parseFrom(request.getVal('from'));

    if (subPage) {
      for (const bit of subPage.split(',').map((b) => b.trim()).filter((b) => b !== '')) {
        const eq = bit.indexOf('=');
        const name = eq < 0 ? bit : bit.slice(0, eq);
        const value = eq < 0 ? null : bit.slice(eq + 1);
        if (/^\d+$/.test(bit)) options.limit = parseLimit(bit, RC_DEFAULT_LIMIT, RC_MAX_LIMIT);
        else if (name === 'limit' && value !== null) options.limit = parseLimit(value, RC_DEFAULT_LIMIT, RC_MAX_LIMIT);
        else if (name === 'days' && value !== null) options.days = this.parseDays(context, value);
        else if (name === 'namespace' && value !== null) options.namespace = value;
        else if (name === 'from' && value !== null) options.from = this.parseFrom(value);
        else if (isBooleanOption(name)) {
          // "hidebots" turns the filter on, "hidebots=0" off.
          options[name] = value === null || (value !== '' && value !== '0' && value.toLowerCase() !== 'false');
        } else if (value === null && isBooleanOption(`hide${name}`)) {
          // The old short forms: "bots", "minor", "liu"… show what is hidden by default.
          options[`hide${name}` as BooleanOption] = false;
        }
      }
    }
    return options;
  }

  /** Days may be fractional (0.5 = twelve hours), as in MediaWiki; bounded by $wgRCMaxAge. */
  private parseDays(context: RequestContext, raw: string | null): number {
    if (raw === null || !/^\s*\d+(\.\d+)?\s*$/.test(raw)) return RC_DEFAULT_DAYS;
    return Math.min(Number(raw), this.maxDays(context));
  }

  private parseFrom(raw: string | null): string {
    if (raw === null || !/^\d{14}$/.test(raw)) return '';
    return parseTimestamp(raw) ?? '';
  }

  private async query(context: RequestContext, options: RcOptions): Promise<RcRow[]> {
    const { services } = context;
    const cutoff = toMwTimestamp(new Date(Date.now() - options.days * 86400 * 1000));
    const q = services.db('recentchanges').join('actor', 'actor_id', 'rc_actor').select('recentchanges.*', 'actor_name', 'actor_user').where('rc_timestamp', '>=', cutoff);
    if (options.from) q.where('rc_timestamp', '>=', options.from);
    if (options.hidenewpages) q.whereNot('rc_type', RC_NEW);
    if (options.hidelog) q.whereNot('rc_type', RC_LOG);
    await applyChangesListFilters(q, context, options);
    return q.orderBy([{ column: 'rc_timestamp', order: 'desc' }, { column: 'rc_id', order: 'desc' }]).limit(options.limit);
  }

  /** A link to this page with some options changed; only non-default values go into the URL. */
  private optionsUrl(context: RequestContext, options: RcOptions, override: Partial<RcOptions>): string {
    return changesListOptionsUrl(context, this.name, options, DEFAULTS, override);
  }

  /** ChangesListSpecialPage's legacy options panel: limits and days, hide/show links, "changes since now", namespace form. */
  private optionsBox(context: RequestContext, options: RcOptions, count: number): SafeHtml {
    const optionLink = (text: string, override: Partial<RcOptions>, active: boolean) =>
      html`<a href="${this.optionsUrl(context, options, override)}">${active ? html`<strong>${text}</strong>` : text}</a>`;

    const limits = joinPipes(LINK_LIMITS.filter((n) => n <= RC_MAX_LIMIT).map((n) => optionLink(formatNum(context.language, n), { limit: n }, n === options.limit)));
    const days = joinPipes(LINK_DAYS.filter((d) => d <= this.maxDays(context)).map((d) => optionLink(formatNum(context.language, d), { days: d }, d === options.days)));
    const rclinks = context.msg('rclinks').rawParams(limits, days).escaped();

    const toggles = filterToggleLinks(context, TOGGLES, options, (text, override) => optionLink(text, override, false));

    const now = toMwTimestamp();
    const listFrom = optionLink(context.msg('rclistfrom', formatUserTimestamp(now, context.language), formatUserTime(now, context.language), formatUserDate(now, context.language)).text(), { from: now }, false);

    const note = options.from
      ? context
          .msg('rcnotefrom')
          .numParams(options.limit)
          .params(options.from, formatUserDate(options.from, context.language), formatUserTime(options.from, context.language))
          .numParams(count)
          .parse()
      : context.msg('rcnote').numParams(count, options.days).params('', formatUserDate(now, context.language), formatUserTime(now, context.language)).parse();

    return html`<div class="rcoptions-note"><p class="rcnote">${rawHtml(note)}</p></div>
<fieldset class="rcoptions cloptions"><legend>${context.msg('recentchanges-legend').text()}</legend>
<span class="rclinks">${rawHtml(rclinks)}</span><br>
<span class="rcshowhide">${toggles}</span><br>
<span class="rclistfrom">${listFrom}</span>
<hr>${this.namespaceForm(context, options)}</fieldset>`;
  }

  /** The namespace form; the other options travel along as hidden fields. */
  private namespaceForm(context: RequestContext, options: RcOptions): SafeHtml {
    const { hidden, selected } = namespaceFormState(context, options, DEFAULTS);
    return html`${getFormStart(context, specialPageTitle(context, this.name), { id: 'mw-recentchanges-form' })}${hidden}
<table class="mw-recentchanges-table"><tr><td class="mw-label mw-namespace-label"><label for="namespace">${context.msg('namespace').text()}</label></td>
<td class="mw-input">${namespaceSelector(context, selected, { all: true })} ${checkbox('nsinvert', 'invert', options.invert, context.msg('invert').text())} ${checkbox('nsassociated', 'associated', options.associated, context.msg('namespace_association').text())}</td></tr>
<tr><td></td><td class="mw-submit"><button type="submit">${context.msg('recentchanges-submit').text()}</button></td></tr></table></form>`;
  }
}
