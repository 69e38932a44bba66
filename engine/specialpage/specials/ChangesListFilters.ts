/**
 * What Special:RecentChanges and Special:Watchlist share, as both extend
 * MediaWiki's ChangesListSpecialPage: the user filters (hide minor edits,
 * bots, anonymous or registered users, my own edits), the namespace filter
 * with "associated" and "invert", the hide/show links of the legacy options
 * box, and links to the page with some options changed.
 */
import type { Knex } from 'knex';
import type { RequestContext } from '../../context/RequestContext';
import type { NamespaceInfo } from '../../title/NamespaceInfo';
import { html, rawHtml, SafeHtml } from '../../html/Html';
import { joinPipes, specialPageTitle } from './SpecialPageHtml';

/** The filters both pages offer, in the order of the legacy options box, with their message stems. */
export const USER_FILTER_TOGGLES = [
  ['hideminor', 'rcshowhideminor'],
  ['hidebots', 'rcshowhidebots'],
  ['hideanons', 'rcshowhideanons'],
  ['hideliu', 'rcshowhideliu'],
  ['hidemyself', 'rcshowhidemine'],
] as const;

export type UserFilterName = (typeof USER_FILTER_TOGGLES)[number][0];

export interface ChangesListFilterOptions extends Record<UserFilterName, boolean> {
  /** ';'-separated namespace ids, '' for all. */
  namespace: string;
  associated: boolean;
  invert: boolean;
}

/** The namespace filter as ids (with their associated namespaces if asked), or null for all; unknown or malformed ids are ignored. */
export function selectedNamespaces(info: NamespaceInfo, options: Pick<ChangesListFilterOptions, 'namespace' | 'associated'>): number[] | null {
  const ids = options.namespace
    .split(';')
    .map((part) => part.trim())
    .filter((part) => /^-?\d+$/.test(part))
    .map(Number)
    .filter((ns) => ns >= 0 && info.exists(ns));
  if (ids.length === 0) return null;
  const all = new Set(ids);
  if (options.associated) for (const ns of ids) all.add(info.getAssociated(ns));
  return [...all].sort((a, b) => a - b);
}

/** Adds the user and namespace filters to a recentchanges query joined with `actor`. */
export async function applyChangesListFilters(query: Knex.QueryBuilder, context: RequestContext, options: ChangesListFilterOptions): Promise<void> {
  if (options.hideminor) query.where('rc_minor', false);
  if (options.hidebots) query.where('rc_bot', false);
  if (options.hideanons) query.whereNotNull('actor_user');
  if (options.hideliu) query.whereNull('actor_user');
  if (options.hidemyself) {
    // Anonymous users are their IP address's actor; someone who never acted has nothing to hide.
    const me = await context.services.actorStore.findActorId(context.user.name);
    if (me !== undefined) query.whereNot('rc_actor', me);
  }
  const namespaces = selectedNamespaces(context.services.namespaceInfo, options);
  if (namespaces) {
    if (options.invert) query.whereNotIn('rc_namespace', namespaces);
    else query.whereIn('rc_namespace', namespaces);
  }
}

/** A link to the special page with some options changed; only values that differ from the defaults go into the URL. */
export function changesListOptionsUrl<T extends object>(context: RequestContext, pageName: string, options: T, defaults: T, override: Partial<T>): string {
  const merged: T = { ...options, ...override };
  const query: Record<string, string | number> = {};
  for (const key of Object.keys(defaults) as Array<keyof T>) {
    const value = merged[key];
    if (value === defaults[key]) continue;
    query[key as string] = typeof value === 'boolean' ? (value ? 1 : 0) : (value as string | number);
  }
  return specialPageTitle(context, pageName).getLocalURL(query);
}

/** The "Hide minor edits | Show bots | …" line: one link per filter, flipping it. */
export function filterToggleLinks<T extends object>(
  context: RequestContext,
  toggles: ReadonlyArray<readonly [string, string]>,
  options: T,
  link: (text: string, override: Partial<T>) => SafeHtml,
): SafeHtml {
  return joinPipes(
    toggles.map(([name, stem]) => {
      const hidden = Boolean((options as Record<string, unknown>)[name]);
      const toggle = link(context.msg(`${stem}-${hidden ? 'show' : 'hide'}`).text(), { [name]: !hidden } as Partial<T>);
      return html`<span class="rcshowhideoption ${stem}" data-filter-name="${name}">${rawHtml(context.msg(stem).rawParams(toggle).escaped())}</span>`;
    }),
  );
}

/**
 * The namespace form's parts: every non-default option except the namespace
 * ones as hidden fields (so submitting keeps them), and the namespace to
 * preselect (only when exactly one is chosen).
 */
export function namespaceFormState<T extends ChangesListFilterOptions>(context: RequestContext, options: T, defaults: T): { hidden: SafeHtml[]; selected: number | null } {
  const hidden: SafeHtml[] = [];
  for (const key of Object.keys(defaults) as Array<keyof T>) {
    if (key === 'namespace' || key === 'invert' || key === 'associated') continue;
    const value = options[key];
    if (value === defaults[key]) continue;
    hidden.push(html`<input type="hidden" name="${String(key)}" value="${typeof value === 'boolean' ? (value ? 1 : 0) : String(value)}">`);
  }
  const namespaces = selectedNamespaces(context.services.namespaceInfo, { namespace: options.namespace, associated: false });
  return { hidden, selected: namespaces && namespaces.length === 1 ? namespaces[0] : null };
}
