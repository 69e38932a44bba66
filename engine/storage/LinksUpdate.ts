/**
 * Keeps the link tables of a page in step with its latest revision
 * (MediaWiki's LinksUpdate and its LinksTable classes, plus the `redirect`
 * row that WikiPage::updateRedirectOn writes in the same edit): pagelinks,
 * templatelinks, categorylinks (with the `category` counts), externallinks,
 * page_props and redirect.
 *
 * It runs inside the edit's transaction, from the rendering PageUpdater made
 * before it, so a save and its link rows commit or roll back together. Each
 * table is diffed against what is stored — only rows that changed are
 * deleted or inserted, as LinksTable::update does — so a small edit of a
 * page with hundreds of links writes little, and the `category` counts move
 * only for categories really added or removed.
 */
import type { Knex } from 'knex';
import { getRedirectTargetText } from '../content/RedirectParser';
import type { ParserOutput } from '../parser/ParserOutput';
import { NS_CATEGORY, NS_FILE } from '../title/NamespaceInfo';
import type { Title } from '../title/Title';
import type { TitleFactory } from '../title/TitleFactory';
import { toMwTimestamp } from '../util/Timestamp';
import type { DerivedDataUpdater, PreparedEdit, SavedChange } from './PageUpdater';

/** Rows per INSERT (and keys per IN list): SQLite allows 999 bound parameters per statement. */
const INSERT_CHUNK = 100;

/** Category::... collation name written to cl_collation ($wgCategoryCollation = 'uppercase'). */
export const CATEGORY_COLLATION = 'uppercase';

/** MediaWiki's 'uppercase' collation: the sort key is the upper-cased string, compared byte-wise. */
export function categorySortKey(text: string): string {
  return text.toUpperCase();
}

/**
 * The first letter a category listing files an entry under
 * (UppercaseCollation::getFirstLetter): the upper-cased first character of
 * the human sort key.
 */
export function categoryFirstLetter(humanSortKey: string): string {
  const first = [...humanSortKey][0] ?? '';
  return first.toUpperCase();
}

/**
 * Title::getCategorySortkey(): the text the sort key is made from. A sort key
 * prefix goes first, separated by a line feed, so that the title only breaks
 * ties between entries with the same prefix.
 */
export function humanCategorySortKey(titleText: string, prefix: string): string {
  if (prefix === '') return titleText;
  return `${prefix.replace(/[\n\t]/g, ' ')}\n${titleText}`;
}

/** NamespaceInfo::getCategoryLinkType(): how a member of a category is listed. */
export function categoryLinkType(namespace: number): 'page' | 'subcat' | 'file' {
  if (namespace === NS_CATEGORY) return 'subcat';
  if (namespace === NS_FILE) return 'file';
  return 'page';
}

/**
 * LinkFilter::makeIndexes(): an external link as (domain index, path), the
 * host's labels reversed so that a domain and its subdomains share a prefix:
 * "https://www.Example.org:8080/a?b" → ["https://org.example.www.:8080", "/a?b"].
 * A protocol-relative URL is indexed as both http and https; mailto: as
 * "mailto:org.example@user". Unparsable URLs are kept whole.
 */
export function externalLinkIndexes(url: string): Array<[string, string]> {
  if (url.startsWith('//')) return [...externalLinkIndexes(`http:${url}`), ...externalLinkIndexes(`https:${url}`)];
  const mailto = /^mailto:([^?]*)(\?.*)?$/i.exec(url);
  if (mailto) {
    const [local, domain] = mailto[1].includes('@') ? mailto[1].split('@', 2) : [mailto[1], ''];
    const reversed = domain.toLowerCase().split('.').reverse().join('.');
    return [[truncateBytes(`mailto:${reversed}@${local}`, 255), mailto[2] ?? '']];
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [[truncateBytes(url, 255), '']];
  }
  const scheme = parsed.protocol.slice(0, -1).toLowerCase();
  const delimiter = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? '://' : ':';
  const host = parsed.hostname;
  if (host === '') return [[truncateBytes(url, 255), '']];
  // IP addresses are not reversed (LinkFilter::indexifyHost).
  const isIp = /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.startsWith('[');
  const indexedHost = isIp ? host : `${host.toLowerCase().split('.').reverse().join('.')}.`;
  const domainIndex = `${scheme}${delimiter}${indexedHost}${parsed.port ? `:${parsed.port}` : ''}`;
  const path = (parsed.pathname || '/') + parsed.search + parsed.hash;
  return [[truncateBytes(domainIndex, 255), path]];
}

function truncateBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch, 'utf8') > maxBytes) break;
    out += ch;
  }
  return out;
}

interface TitleKey {
  namespace: number;
  dbKey: string;
}

/** Pages (ids) whose rows in `pagelinks` or `templatelinks` point at `title`. */
export async function backlinkPageIds(db: Knex, table: 'pagelinks' | 'templatelinks', title: TitleKey): Promise<number[]> {
  const prefix = table === 'pagelinks' ? 'pl' : 'tl';
  const rows: Array<Record<string, number>> = await db(table)
    .where({ [`${prefix}_namespace`]: title.namespace, [`${prefix}_title`]: title.dbKey })
    .select(`${prefix}_from`);
  return rows.map((row) => Number(row[`${prefix}_from`]));
}

export class LinksUpdate implements DerivedDataUpdater {
  constructor(private readonly titles: TitleFactory) {}

  async update(trx: Knex.Transaction, change: SavedChange, prepared: PreparedEdit | null): Promise<void> {
    if (!prepared) throw new Error('LinksUpdate needs the rendering of the saved text (a PageUpdater without a ContentPreparer)');
    const { output } = prepared;
    const pageId = change.page.id;
    const fromNamespace = change.title.getNamespace();
    const redirectTarget = change.page.isRedirect ? this.redirectTarget(change.text) : null;

    const links = this.titleSet(output.links);
    // Redirect pages link to their target (MediaWiki's WikitextContent adds it
    // to the ParserOutput; WhatLinksHere relies on that row).
    if (redirectTarget && redirectTarget.getNamespace() >= 0) links.set(keyOf(redirectTarget), redirectTarget);
    await this.updateTitleLinks(trx, 'pagelinks', 'pl', pageId, fromNamespace, links);
    await this.updateTitleLinks(trx, 'templatelinks', 'tl', pageId, fromNamespace, this.titleSet(output.templates));
    await this.updateCategoryLinks(trx, change, output);
    await this.updateExternalLinks(trx, pageId, output.externalLinks);
    await this.updatePageProps(trx, pageId, output.properties);
    await this.updateRedirect(trx, pageId, redirectTarget);
  }

  /**
   * MediaWiki's LinksDeletionUpdate: a deleted page's rows leave every link
   * table (pagelinks, templatelinks, categorylinks with the `category`
   * counts, externallinks, page_props, redirect), in the deletion's
   * transaction. Rows of other pages that point at it stay: they are what
   * makes links to it red.
   */
  async deleteAll(trx: Knex.Transaction, pageId: number): Promise<void> {
    const categories: Array<{ cl_to: string; cl_type: string }> = await trx('categorylinks').where('cl_from', pageId).select('cl_to', 'cl_type');
    await trx('categorylinks').where('cl_from', pageId).delete();
    for (const type of ['page', 'subcat', 'file'] as const) {
      await this.decrementCategoryCounts(trx, categories.filter((row) => row.cl_type === type).map((row) => row.cl_to).sort(), type);
    }
    await trx('pagelinks').where('pl_from', pageId).delete();
    await trx('templatelinks').where('tl_from', pageId).delete();
    await trx('externallinks').where('el_from', pageId).delete();
    await trx('page_props').where('pp_page', pageId).delete();
    await trx('redirect').where('rd_from', pageId).delete();
  }

  /** Local titles that can have a page row, keyed by namespace and DB key; special and media links are left out (ParserOutput::addLink). */
  private titleSet(prefixedTitles: readonly string[]): Map<string, Title> {
    const set = new Map<string, Title>();
    for (const text of prefixedTitles) {
      const title = this.titles.newFromText(text);
      if (!title || title.getNamespace() < 0 || title.getDBkey() === '') continue;
      set.set(keyOf(title), title);
    }
    return set;
  }

  private redirectTarget(text: string): Title | null {
    const target = getRedirectTargetText(text);
    if (target === null) return null;
    const title = this.titles.newFromText(target);
    return title && title.getDBkey() !== '' ? title : null;
  }

  private async updateTitleLinks(
    trx: Knex.Transaction,
    table: 'pagelinks' | 'templatelinks',
    prefix: 'pl' | 'tl',
    pageId: number,
    fromNamespace: number,
    wanted: Map<string, Title>,
  ): Promise<void> {
    const rows: Array<Record<string, string | number>> = await trx(table).where(`${prefix}_from`, pageId).select(`${prefix}_namespace`, `${prefix}_title`, `${prefix}_from_namespace`);
    const existing = new Set<string>();
    const removed: TitleKey[] = [];
    for (const row of rows) {
      const key = `${Number(row[`${prefix}_namespace`])}:${row[`${prefix}_title`]}`;
      // A row written while the page was in another namespace is rewritten.
      if (wanted.has(key) && Number(row[`${prefix}_from_namespace`]) === fromNamespace) existing.add(key);
      else removed.push({ namespace: Number(row[`${prefix}_namespace`]), dbKey: String(row[`${prefix}_title`]) });
    }
    for (const [namespace, dbKeys] of groupByNamespace(removed)) {
      for (let i = 0; i < dbKeys.length; i += INSERT_CHUNK) {
        await trx(table).where(`${prefix}_from`, pageId).where(`${prefix}_namespace`, namespace).whereIn(`${prefix}_title`, dbKeys.slice(i, i + INSERT_CHUNK)).delete();
      }
    }
    const inserts = [...wanted].filter(([key]) => !existing.has(key)).map(([, title]) => ({
      [`${prefix}_from`]: pageId,
      [`${prefix}_namespace`]: title.getNamespace(),
      [`${prefix}_title`]: title.getDBkey(),
      [`${prefix}_from_namespace`]: fromNamespace,
    }));
    await insertChunked(trx, table, inserts);
  }

  /**
   * categorylinks (CategoryLinksTable): one row per category with the sort
   * key prefix as written ([[Category:X|key]], else DEFAULTSORT) and the
   * collation's sort key of "prefix\ntitle". A changed prefix rewrites the
   * row; only categories really added or removed move the counts.
   */
  private async updateCategoryLinks(trx: Knex.Transaction, change: SavedChange, output: ParserOutput): Promise<void> {
    const pageId = change.page.id;
    const type = categoryLinkType(change.title.getNamespace());
    const defaultSort = (output.properties.defaultsort ?? output.defaultSort ?? '').replace(/\n/g, '');
    const wanted = new Map<string, string>();
    for (const category of output.categories) {
      const title = this.titles.makeTitleSafe(NS_CATEGORY, category.name);
      if (!title || wanted.has(title.getDBkey())) continue;
      const given = category.sortKey.replace(/\n/g, '');
      // cl_sortkey_prefix is 255 bytes; cut it as MediaWiki does so that the stored and the new value compare equal (T27254).
      wanted.set(title.getDBkey(), truncateBytes(given !== '' ? given : defaultSort, 255));
    }

    const rows: Array<{ cl_to: string; cl_sortkey_prefix: string; cl_type: string }> = await trx('categorylinks').where('cl_from', pageId).select('cl_to', 'cl_sortkey_prefix', 'cl_type');
    const existing = new Map(rows.map((row) => [row.cl_to, row]));
    const toDelete: string[] = [];
    const toInsert: string[] = [];
    for (const row of rows) {
      const prefix = wanted.get(row.cl_to);
      if (prefix === undefined || prefix !== row.cl_sortkey_prefix || row.cl_type !== type) toDelete.push(row.cl_to);
    }
    for (const [name, prefix] of wanted) {
      const row = existing.get(name);
      if (!row || row.cl_sortkey_prefix !== prefix || row.cl_type !== type) toInsert.push(name);
    }
    for (let i = 0; i < toDelete.length; i += INSERT_CHUNK) {
      await trx('categorylinks').where('cl_from', pageId).whereIn('cl_to', toDelete.slice(i, i + INSERT_CHUNK)).delete();
    }
    const text = change.title.getText();
    const now = toMwTimestamp();
    await insertChunked(
      trx,
      'categorylinks',
      toInsert.map((name) => {
        const prefix = wanted.get(name)!;
        return {
          cl_from: pageId,
          cl_to: name,
          cl_sortkey: categorySortKey(humanCategorySortKey(text, prefix)),
          cl_sortkey_prefix: prefix,
          // When the page joined the category (MediaWiki writes the time of the update, also on a null edit).
          cl_timestamp: now,
          cl_collation: CATEGORY_COLLATION,
          cl_type: type,
        };
      }),
    );

    // A rewritten row (new sort key) is not a membership change. Sorted, so
    // that concurrent saves lock `category` rows in one order (no deadlock).
    const added = toInsert.filter((name) => !existing.has(name) || existing.get(name)!.cl_type !== type).sort();
    const removed = toDelete.filter((name) => !wanted.has(name)).sort();
    // A member whose type changed (never, short of a move) leaves the old count.
    const retyped = toDelete.filter((name) => wanted.has(name) && existing.get(name)!.cl_type !== type);
    await this.updateCategoryCounts(trx, added, type);
    await this.decrementCategoryCounts(trx, removed, type);
    for (const name of retyped) await this.decrementCategoryCounts(trx, [name], existing.get(name)!.cl_type as 'page' | 'subcat' | 'file');
  }

  /**
   * WikiPage::updateCategoryCounts(), the adding half: existing rows are
   * incremented, missing ones inserted (cat_pages counts every member,
   * cat_subcats and cat_files the members of that type).
   */
  private async updateCategoryCounts(trx: Knex.Transaction, added: string[], type: 'page' | 'subcat' | 'file'): Promise<void> {
    if (added.length === 0) return;
    const increments: Record<string, Knex.Raw> = { cat_pages: trx.raw('?? + 1', ['category.cat_pages']) };
    if (type === 'subcat') increments.cat_subcats = trx.raw('?? + 1', ['category.cat_subcats']);
    if (type === 'file') increments.cat_files = trx.raw('?? + 1', ['category.cat_files']);
    for (let i = 0; i < added.length; i += INSERT_CHUNK) {
      const rows = added.slice(i, i + INSERT_CHUNK).map((name) => ({
        cat_title: name,
        cat_pages: 1,
        cat_subcats: type === 'subcat' ? 1 : 0,
        cat_files: type === 'file' ? 1 : 0,
      }));
      // An upsert: two saves adding a page to the same new category must both count.
      await trx('category').insert(rows).onConflict('cat_title').merge(increments);
    }
  }

  /**
   * The removing half, then Category::refreshCountsIfEmpty(): a category
   * left without members and without a page loses its row.
   */
  private async decrementCategoryCounts(trx: Knex.Transaction, removed: string[], type: 'page' | 'subcat' | 'file'): Promise<void> {
    if (removed.length === 0) return;
    const decrements: Record<string, Knex.Raw> = { cat_pages: trx.raw('cat_pages - 1') };
    if (type === 'subcat') decrements.cat_subcats = trx.raw('cat_subcats - 1');
    if (type === 'file') decrements.cat_files = trx.raw('cat_files - 1');
    for (let i = 0; i < removed.length; i += INSERT_CHUNK) {
      const chunk = removed.slice(i, i + INSERT_CHUNK);
      await trx('category').whereIn('cat_title', chunk).where('cat_pages', '>', 0).update(decrements);
      await trx('category')
        .whereIn('cat_title', chunk)
        .whereNotExists((q) => q.select(trx.raw('1')).from('categorylinks').whereRaw('?? = ??', ['categorylinks.cl_to', 'category.cat_title']))
        .whereNotExists((q) => q.select(trx.raw('1')).from('page').where('page.page_namespace', NS_CATEGORY).whereRaw('?? = ??', ['page.page_title', 'category.cat_title']))
        .delete();
    }
  }

  private async updateExternalLinks(trx: Knex.Transaction, pageId: number, urls: readonly string[]): Promise<void> {
    const wanted = new Map<string, [string, string]>();
    for (const url of urls) for (const [domain, path] of externalLinkIndexes(url)) wanted.set(`${domain}\u0000${path}`, [domain, path]);
    const rows: Array<{ el_id: number; el_to_domain_index: string; el_to_path: string | null }> = await trx('externallinks').where('el_from', pageId).select('el_id', 'el_to_domain_index', 'el_to_path');
    const kept = new Set<string>();
    const removedIds: number[] = [];
    for (const row of rows) {
      const key = `${row.el_to_domain_index}\u0000${row.el_to_path ?? ''}`;
      if (wanted.has(key) && !kept.has(key)) kept.add(key);
      else removedIds.push(row.el_id);
    }
    for (let i = 0; i < removedIds.length; i += INSERT_CHUNK) await trx('externallinks').whereIn('el_id', removedIds.slice(i, i + INSERT_CHUNK)).delete();
    const inserts = [...wanted].filter(([key]) => !kept.has(key)).map(([, [domain, path]]) => ({ el_from: pageId, el_to_domain_index: domain, el_to_path: path }));
    await insertChunked(trx, 'externallinks', inserts);
  }

  /** page_props (PagePropsTable): DEFAULTSORT, DISPLAYTITLE, behaviour switches such as hiddencat. */
  private async updatePageProps(trx: Knex.Transaction, pageId: number, properties: Readonly<Record<string, string>>): Promise<void> {
    const rows: Array<{ pp_propname: string; pp_value: string }> = await trx('page_props').where('pp_page', pageId).select('pp_propname', 'pp_value');
    const existing = new Map(rows.map((row) => [row.pp_propname, row.pp_value]));
    const stale = rows.filter((row) => properties[row.pp_propname] !== row.pp_value).map((row) => row.pp_propname);
    if (stale.length > 0) await trx('page_props').where('pp_page', pageId).whereIn('pp_propname', stale).delete();
    const inserts = Object.entries(properties)
      .filter(([name, value]) => existing.get(name) !== value)
      .map(([name, value]) => ({ pp_page: pageId, pp_propname: name, pp_value: String(value) }));
    await insertChunked(trx, 'page_props', inserts);
  }

  private async updateRedirect(trx: Knex.Transaction, pageId: number, target: Title | null): Promise<void> {
    const row: { rd_namespace: number; rd_title: string; rd_fragment: string | null } | undefined = await trx('redirect').where('rd_from', pageId).first('rd_namespace', 'rd_title', 'rd_fragment');
    if (!target || target.getNamespace() < 0) {
      if (row) await trx('redirect').where('rd_from', pageId).delete();
      return;
    }
    const fragment = truncateBytes(target.getFragment(), 255);
    if (row && Number(row.rd_namespace) === target.getNamespace() && row.rd_title === target.getDBkey() && (row.rd_fragment ?? '') === fragment) return;
    if (row) await trx('redirect').where('rd_from', pageId).delete();
    await trx('redirect').insert({ rd_from: pageId, rd_namespace: target.getNamespace(), rd_title: target.getDBkey(), rd_interwiki: '', rd_fragment: fragment });
  }
}

function keyOf(title: TitleKey | Title): string {
  return 'getDBkey' in title ? `${title.getNamespace()}:${title.getDBkey()}` : `${title.namespace}:${title.dbKey}`;
}

function groupByNamespace(keys: readonly TitleKey[]): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const key of keys) {
    if (!groups.has(key.namespace)) groups.set(key.namespace, []);
    groups.get(key.namespace)!.push(key.dbKey);
  }
  return groups;
}

async function insertChunked(trx: Knex.Transaction, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await trx(table).insert(rows.slice(i, i + INSERT_CHUNK));
}
