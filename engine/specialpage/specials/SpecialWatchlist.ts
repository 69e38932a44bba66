/**
 * Special:Watchlist (MediaWiki's SpecialWatchlist in its non-JavaScript
 * form): the recent changes (recentchanges rows, edits and log entries) of
 * the pages on the user's watchlist and of their talk pages, newest first,
 * in the same lines as Special:RecentChanges.
 *
 * Options from the query string: `days` (default: the `watchlistdays`
 * preference; fractions allowed, at most $wgRCMaxAge), `limit` (default:
 * the `wllimit` preference, at most 1000), the filters `hideminor`,
 * `hidebots`, `hideanons`, `hideliu`, `hidemyself`, and `namespace` with
 * `associated` and `invert`. Malformed values fall back to the defaults.
 *
 * Needs a logged-in user (`watchlistanontext`) with `viewmywatchlist`.
 */
import type { RequestContext } from '../../context/RequestContext';
import { html, rawHtml, SafeHtml } from '../../html/Html';
import { formatNum } from '../../i18n/MessageFormatter';
import { WLLIMIT_MAX } from '../../preferences/PreferencesFactory';
import { requireWatchlistAccess } from '../../actions/WatchAction';
import { changesList, ChangeRow, changesListLegend } from '../../page/ChangesList';
import { formatUserDate, formatUserTime, toMwTimestamp } from '../../util/Timestamp';
import { SpecialPage } from '../SpecialPage';
import { parseLimit } from './SpecialLog';
import { checkbox, getFormStart, joinPipes, namespaceSelector, specialPageTitle } from './SpecialPageHtml';
import { applyChangesListFilters, ChangesListFilterOptions, changesListOptionsUrl, filterToggleLinks, namespaceFormState, USER_FILTER_TOGGLES } from './ChangesListFilters';
import { watchlistTools } from './SpecialEditWatchlist';

/** SpecialWatchlist's "Show last … hours … days" choices. */
const LINK_HOURS = [1, 2, 6, 12];
const LINK_DAYS = [1, 3, 7];

/** Special:RecentChanges' user filters; the watchlist has no new-page or log filter. */
const TOGGLES = USER_FILTER_TOGGLES;

interface WatchlistOptions extends ChangesListFilterOptions {
  days: number;
  limit: number;
}

export class SpecialWatchlist extends SpecialPage {
  override readonly group = 'changes';

  constructor() {
    super('Watchlist', 'viewmywatchlist');
  }

  /** Not logged in comes before "no right", as in MediaWiki (requireNamedUser, then checkPermissions). */
  override checkPermissions(context: RequestContext): void {
    requireWatchlistAccess(context, 'viewmywatchlist');
  }

  private maxDays(context: RequestContext): number {
    return context.services.settings.rcMaxAge / 86400;
  }

  private defaults(context: RequestContext): WatchlistOptions {
    const prefs = context.userOptions;
    const days = Number(prefs.watchlistdays);
    const limit = Number(prefs.wllimit);
    return {
      days: Number.isFinite(days) && days > 0 ? Math.min(days, this.maxDays(context)) : 7,
      limit: Number.isInteger(limit) && limit > 0 ? Math.min(limit, WLLIMIT_MAX) : 250,
      namespace: '',
      associated: false,
      invert: false,
      hideminor: false,
      hidebots: false,
      hideanons: false,
      hideliu: false,
      hidemyself: false,
    };
  }

  async execute(context: RequestContext): Promise<void> {
    const { output, services } = context;
    const store = services.watchlist.watchedItemStore;
    output.addSubtitle(html`${rawHtml(context.msg('watchlistfor2', context.user.name).rawParams(watchlistTools(context)).parse())}`);

    const count = await store.countWatchedItems(context.user.id);
    if (count === 0) {
      output.addHtml(html`<div class="mw-watchlist-empty"><p>${context.msg('nowatchlist').text()}</p></div>`);
      return;
    }
    output.addHtml(html`<div class="watchlistDetails"><p>${rawHtml(context.msg('watchlist-details').numParams(count).parse())}</p></div>`);

    const defaults = this.defaults(context);
    const options = this.readOptions(context, defaults);
    const rows = await this.query(context, options);
    output.addHtml(this.optionsBox(context, options, defaults, rows.length));
    if (rows.length === 0) {
      output.addHtml(html`<div class="mw-changeslist-empty"><p>${context.msg('watchnochange').text()}</p></div>`);
      return;
    }
    output.addHtml(changesListLegend(context));
    output.addHtml(await changesList(context, rows, 'mw-changeslist-line-watched'));
  }

  private readOptions(context: RequestContext, defaults: WatchlistOptions): WatchlistOptions {
    const { request } = context;
    const options: WatchlistOptions = { ...defaults };
    for (const [name] of TOGGLES) options[name] = request.getBool(name, defaults[name]);
    options.associated = request.getBool('associated', false);
    options.invert = request.getBool('invert', false);
    options.namespace = request.getVal('namespace') ?? '';
    const days = request.getVal('days');
    if (days !== null && /^\s*\d+(\.\d+)?\s*$/.test(days) && Number(days) > 0) options.days = Math.min(Number(days), this.maxDays(context));
    options.limit = parseLimit(request.getVal('limit'), defaults.limit, WLLIMIT_MAX);
    return options;
  }

  /** recentchanges joined with the watchlist: a row matches its page's subject row (a talk page's change matches too). */
  private async query(context: RequestContext, options: WatchlistOptions): Promise<ChangeRow[]> {
    const { services } = context;
    const cutoff = toMwTimestamp(new Date(Date.now() - options.days * 86400 * 1000));
    const userId = context.user.id;
    const q = services
      .db('recentchanges')
      .join('actor', 'actor_id', 'rc_actor')
      .join('watchlist', function joinWatchlist() {
        this.on('wl_title', '=', 'rc_title')
          .andOn('wl_user', '=', services.db.raw('?', [userId]))
          .andOn(function subjectOrTalk() {
            // Watchlist rows are subject pages (even namespaces); a talk page is one namespace above.
            this.on('wl_namespace', '=', 'rc_namespace').orOn('wl_namespace', '=', services.db.raw('rc_namespace - 1'));
          });
      })
      .select('recentchanges.*', 'actor_name', 'actor_user')
      .where('rc_timestamp', '>=', cutoff)
      .where('rc_namespace', '>=', 0);
    await applyChangesListFilters(q, context, options);
    return q.orderBy([{ column: 'rc_timestamp', order: 'desc' }, { column: 'rc_id', order: 'desc' }]).limit(options.limit);
  }

  /** A link to this page with some options changed; only values that differ from the defaults go into the URL. */
  private optionsUrl(context: RequestContext, options: WatchlistOptions, defaults: WatchlistOptions, override: Partial<WatchlistOptions>): string {
    return changesListOptionsUrl(context, this.name, options, defaults, override);
  }

  private optionsBox(context: RequestContext, options: WatchlistOptions, defaults: WatchlistOptions, count: number): SafeHtml {
    const optionLink = (text: string, override: Partial<WatchlistOptions>, active: boolean) =>
      html`<a href="${this.optionsUrl(context, options, defaults, override)}">${active ? html`<strong>${text}</strong>` : text}</a>`;
    const maxDays = this.maxDays(context);
    const hours = joinPipes(LINK_HOURS.map((h) => optionLink(formatNum(context.language, h), { days: Number((h / 24).toPrecision(14)) }, Math.abs(options.days - h / 24) < 1e-9)));
    const dayChoices = [...new Set([...LINK_DAYS.filter((d) => d <= maxDays), maxDays])];
    const days = joinPipes(dayChoices.map((d) => optionLink(formatNum(context.language, d), { days: d }, options.days === d)));
    const showLast = context.msg('wlshowlast').rawParams(hours, days).escaped();

    const toggles = filterToggleLinks(context, TOGGLES, options, (text, override) => optionLink(text, override, false));

    const now = toMwTimestamp();
    const note = context
      .msg('wlnote')
      .numParams(count, Math.round(options.days * 24 * 100) / 100)
      .params(formatUserDate(now, context.language), formatUserTime(now, context.language))
      .parse();

    return html`<fieldset class="rcoptions cloptions" id="mw-watchlist-options"><legend>${context.msg('watchlist-options').text()}</legend>
<span class="wlshowlast">${rawHtml(showLast)}</span><br>
<span class="rcshowhide">${toggles}</span>
<hr>${this.namespaceForm(context, options, defaults)}</fieldset>
<div class="rcoptions-note"><p class="wlnote">${rawHtml(note)}</p></div>`;
  }

  private namespaceForm(context: RequestContext, options: WatchlistOptions, defaults: WatchlistOptions): SafeHtml {
    const { hidden, selected } = namespaceFormState(context, options, defaults);
    return html`${getFormStart(context, specialPageTitle(context, this.name), { id: 'mw-watchlist-form' })}${hidden}
<label for="namespace">${context.msg('namespace').text()}</label> ${namespaceSelector(context, selected, { all: true })} ${checkbox('nsinvert', 'invert', options.invert, context.msg('invert').text())} ${checkbox('nsassociated', 'associated', options.associated, context.msg('namespace_association').text())}
<button type="submit">${context.msg('recentchanges-submit').text()}</button></form>`;
  }
}
