/**
 * The category box at the bottom of a page (MediaWiki's
 * OutputPage::addCategoryLinks for the data, Skin::getCategories for the
 * markup): "Categories: A | B" linking to each category, red when the
 * category page does not exist, and hidden categories (__HIDDENCAT__)
 * in a list of their own.
 *
 * MediaWiki always emits the hidden list and hides it with CSS unless the
 * user's 'showhiddencats' preference is on or the page is itself in the
 * Category namespace. There are no user options here, so the hidden list is
 * emitted only where MediaWiki shows it: on category pages.
 */
import type { Message } from '../i18n/Message';
import type { MessageParam } from '../i18n/MessageFormatter';
import { html, rawHtml, SafeHtml } from '../html/Html';
import type { CategoryLink } from '../parser/ParserOutput';
import type { Services } from '../services/Services';
import type { CategoryBoxItem } from '../skin/Skin';
import { NS_CATEGORY } from '../title/NamespaceInfo';
import type { Title } from '../title/Title';

/**
 * The page's categories in the order the page gives them, each with its
 * link and whether it exists and is hidden — one query for all of them
 * (the LinkBatch + page_props lookup of addCategoryLinks). Hidden
 * categories are left out unless `showHidden`.
 */
export async function categoryBoxItems(services: Services, categories: readonly CategoryLink[], showHidden: boolean): Promise<CategoryBoxItem[]> {
  const titles: Title[] = [];
  for (const category of categories) {
    const title = services.titleFactory.makeTitleSafe(NS_CATEGORY, category.name);
    if (title && !titles.some((t) => t.isSameAs(title))) titles.push(title);
  }
  if (titles.length === 0) return [];
  const rows: Array<{ page_title: string; pp_value: string | null }> = await services
    .db('page')
    .leftJoin('page_props', (join) => join.on('pp_page', '=', 'page_id').andOn('pp_propname', '=', services.db.raw('?', ['hiddencat'])))
    .where('page_namespace', NS_CATEGORY)
    .whereIn(
      'page_title',
      titles.map((t) => t.getDBkey()),
    )
    .select('page_title', 'pp_value');
  const hiddenByKey = new Map(rows.map((row) => [row.page_title, row.pp_value !== null]));
  const items: CategoryBoxItem[] = [];
  for (const title of titles) {
    const exists = hiddenByKey.has(title.getDBkey());
    const hidden = hiddenByKey.get(title.getDBkey()) === true;
    if (hidden && !showHidden) continue;
    items.push({
      name: title.getText(),
      href: exists ? title.getLocalURL() : title.getLocalURL({ action: 'edit', redlink: 1 }),
      exists,
      ...(hidden ? { hidden: true } : {}),
    });
  }
  return items;
}

export interface CategoryBoxContext {
  services: Services;
  /** The page shown; hidden categories are marked as shown because it is a category page. */
  title: Title | null;
  msg(key: string, ...params: MessageParam[]): Message;
}

/**
 * Skin::getCategories(): the #catlinks box, or '' when there is no category
 * to show. Links carry LinkRenderer's `title`: the prefixed title, or
 * "X (page does not exist)" with class "new" for a red link.
 */
export function renderCategoryLinksBox(context: CategoryBoxContext, categories: readonly CategoryBoxItem[]): SafeHtml {
  const normal = categories.filter((c) => !c.hidden);
  const hidden = categories.filter((c) => c.hidden);
  if (normal.length === 0 && hidden.length === 0) return html``;
  const { msg } = context;
  const colon = rawHtml(msg('colon-separator').escaped());
  const titles = context.services.titleFactory;
  const item = (c: CategoryBoxItem) => {
    const prefixed = titles.makeTitleSafe(NS_CATEGORY, c.name)?.getPrefixedText() ?? c.name;
    if (c.exists) return html`<li><a href="${c.href}" title="${prefixed}">${c.name}</a></li>`;
    return html`<li><a href="${c.href}" class="new" title="${msg('red-link-title', prefixed).text()}">${c.name}</a></li>`;
  };

  let normalBox: SafeHtml | string = '';
  if (normal.length > 0) {
    const label = msg('pagecategories').numParams(normal.length).text();
    // The label links to the page named by 'pagecategorieslink' (Special:Categories), when that is a title.
    const target = titles.newFromText(msg('pagecategorieslink').text());
    const heading = target ? html`<a href="${target.getLinkURL()}" title="${target.getPrefixedText()}">${label}</a>` : html`${label}`;
    normalBox = html`<div id="mw-normal-catlinks" class="mw-normal-catlinks">${heading}${colon}<ul>${normal.map(item)}</ul></div>`;
  }
  let hiddenBox: SafeHtml | string = '';
  if (hidden.length > 0) {
    const shown = context.title?.getNamespace() === NS_CATEGORY ? 'mw-hidden-cats-ns-shown' : 'mw-hidden-cats-user-shown';
    const label = rawHtml(msg('hidden-categories').numParams(hidden.length).escaped());
    hiddenBox = html`<div id="mw-hidden-catlinks" class="mw-hidden-catlinks ${shown}">${label}${colon}<ul>${hidden.map(item)}</ul></div>`;
  }
  return html`<div id="catlinks" class="catlinks" data-mw="interface">${normalBox}${hiddenBox}</div>`;
}
