/**
 * The member list of a category page (MediaWiki's CategoryViewer, shown by
 * CategoryPage after the page text): "Subcategories", "Pages in category
 * "X"" and "Media in category "X"", each with its count line, 200 entries
 * at a time in sort-key order (DEFAULTSORT and [[Category:X|key]] included),
 * filed under first-letter headings, with "(previous page) (next page)"
 * links that carry `subcatfrom`/`pagefrom`/`filefrom` or the matching
 * `…until` parameter.
 *
 * Files are listed like pages rather than as a gallery (as with
 * $wgCategoryMagicGallery = false): there are no local uploads to show.
 */
import type { RequestContext } from '../context/RequestContext';
import { html, rawHtml, SafeHtml } from '../html/Html';
import { languageDirection } from '../output/SkinDataBuilder';
import { categoryFirstLetter, categorySortKey, humanCategorySortKey } from '../storage/LinksUpdate';
import { NS_CATEGORY } from '../title/NamespaceInfo';
import type { Title } from '../title/Title';

/** $wgCategoryPagingLimit. */
export const CATEGORY_PAGING_LIMIT = 200;

export type CategoryMemberType = 'subcat' | 'page' | 'file';
const TYPES: readonly CategoryMemberType[] = ['page', 'subcat', 'file'];

/** Where each section's list goes back to (CategoryViewer::addFragmentToTitle). */
const SECTION_FRAGMENT: Record<CategoryMemberType, string> = { page: 'mw-pages', subcat: 'mw-subcategories', file: 'mw-category-media' };

interface MemberRow {
  page_id: number;
  page_namespace: number;
  page_title: string;
  page_is_redirect: boolean | number;
  cl_sortkey_prefix: string;
}

interface Section {
  links: SafeHtml[];
  startChars: string[];
  /** Human sort key of the first entry past this chunk (there is a next chunk). */
  nextPage: string | null;
  /** Human sort key of the last entry shown, in query order (CategoryViewer::$prevPage). */
  prevPage: string | null;
}

export interface CategoryPaging {
  from: Partial<Record<CategoryMemberType, string>>;
  until: Partial<Record<CategoryMemberType, string>>;
  /** The request's query, kept in the paging links (MediaWiki's $query, without `title`). */
  query: Record<string, string>;
}

/**
 * CategoryPage::closeShowCategory(): `pagefrom`, `subcatuntil` … from the
 * request; the old `from`/`until` apply to every section and are turned
 * into the per-section names in the paging links.
 */
export function categoryPagingFromRequest(context: RequestContext): CategoryPaging {
  const { request } = context;
  const oldFrom = request.getVal('from');
  const oldUntil = request.getVal('until');
  const query = { ...request.getQueryValues() };
  const paging: CategoryPaging = { from: {}, until: {}, query };
  for (const type of TYPES) {
    const from = request.getVal(`${type}from`) ?? oldFrom;
    const until = request.getVal(`${type}until`) ?? oldUntil;
    if (from !== null) paging.from[type] = from;
    if (until !== null) paging.until[type] = until;
    if (query[`${type}from`] === undefined && query.from !== undefined) query[`${type}from`] = query.from;
    if (query[`${type}to`] === undefined && query.to !== undefined) query[`${type}to`] = query.to;
  }
  delete query.from;
  delete query.to;
  delete query.title;
  return paging;
}

export class CategoryViewer {
  private readonly limit = CATEGORY_PAGING_LIMIT;
  private readonly flip: Record<CategoryMemberType, boolean> = { page: false, subcat: false, file: false };
  private readonly sections = {} as Record<CategoryMemberType, Section>;

  constructor(
    private readonly context: RequestContext,
    /** The category page. */
    private readonly title: Title,
    private readonly paging: CategoryPaging,
  ) {}

  /** CategoryViewer::getHTML(). */
  async getHtml(): Promise<SafeHtml> {
    const counts = await this.categoryCounts();
    for (const type of TYPES) this.sections[type] = await this.query(type);
    const { msg } = this.contextMsg();
    const parts = [
      this.section('subcat', 'mw-subcategories', rawHtml(msg('subcategories').parse()), counts.subcats, 'subcat'),
      this.section('page', 'mw-pages', rawHtml(msg('category_header').rawParams(html`${this.title.getText()}`).parse()), counts.pages - counts.subcats - counts.files, 'article'),
      this.section('file', 'mw-category-media', rawHtml(msg('category-media-header').rawParams(html`${this.title.getText()}`).parse()), counts.files, 'file'),
    ].filter((part): part is SafeHtml => part !== null);
    const body = parts.length > 0 ? html`${parts}` : rawHtml(msg('category-empty').parseAsBlock());
    const lang = this.context.services.settings.languageCode;
    return html`<div class="mw-category-generated" lang="${lang}" dir="${languageDirection(lang)}">${body}</div>`;
  }

  /** Whether the category has any member (WikiCategoryPage::hasViewableContent for a missing page). */
  static async hasMembers(context: RequestContext, category: Title): Promise<boolean> {
    const row = await context.services.db('categorylinks').where('cl_to', category.getDBkey()).first('cl_from');
    return row !== undefined;
  }

  private contextMsg() {
    return { msg: this.context.msg.bind(this.context) };
  }

  private async categoryCounts(): Promise<{ pages: number; subcats: number; files: number }> {
    const row = await this.context.services.db('category').where('cat_title', this.title.getDBkey()).first('cat_pages', 'cat_subcats', 'cat_files');
    return { pages: Number(row?.cat_pages ?? 0), subcats: Number(row?.cat_subcats ?? 0), files: Number(row?.cat_files ?? 0) };
  }

  /** One section's chunk (CategoryViewer::doCategoryQuery for one type). */
  private async query(type: CategoryMemberType): Promise<Section> {
    const { db, titleFactory } = this.context.services;
    const q = db('page')
      .join('categorylinks', 'cl_from', 'page_id')
      .where('cl_to', this.title.getDBkey())
      .where('cl_type', type);
    const from = this.paging.from[type];
    const until = this.paging.until[type];
    if (from !== undefined) {
      q.where('cl_sortkey', '>=', categorySortKey(from));
    } else if (until !== undefined) {
      q.where('cl_sortkey', '<', categorySortKey(until));
      this.flip[type] = true;
    }
    // cl_from breaks ties between equal sort keys, so a chunk boundary is stable.
    const direction = this.flip[type] ? 'desc' : 'asc';
    const rows: MemberRow[] = await q
      .orderBy([
        { column: 'cl_sortkey', order: direction },
        { column: 'cl_from', order: direction },
      ])
      .limit(this.limit + 1)
      .select('page_id', 'page_namespace', 'page_title', 'page_is_redirect', 'cl_sortkey_prefix');

    const section: Section = { links: [], startChars: [], nextPage: null, prevPage: null };
    let count = 0;
    for (const row of rows) {
      const member = titleFactory.makeTitle(row.page_namespace, row.page_title);
      const humanSortKey = humanCategorySortKey(member.getText(), row.cl_sortkey_prefix);
      if (++count > this.limit) {
        // The one extra row: there is more to page to.
        section.nextPage = humanSortKey;
        break;
      }
      if (count === this.limit) section.prevPage = humanSortKey;
      // Subcategories are shown without the namespace (addSubcategoryObject); others by their full name.
      const text = member.getNamespace() === NS_CATEGORY ? member.getText() : member.getPrefixedText();
      section.links.push(this.memberLink(member, text, Boolean(row.page_is_redirect)));
      section.startChars.push(categoryFirstLetter(humanSortKey));
    }
    if (this.flip[type]) {
      section.links.reverse();
      section.startChars.reverse();
    }
    return section;
  }

  /** CategoryViewer::generateLink(): a known link; a redirect is marked so skins can set it apart. */
  private memberLink(member: Title, text: string, isRedirect: boolean): SafeHtml {
    const link = html`<a href="${member.getLinkURL()}"${rawHtml(isRedirect ? ' class="mw-redirect"' : '')} title="${member.getPrefixedText()}">${text}</a>`;
    return isRedirect ? html`<span class="redirect-in-category">${link}</span>` : link;
  }

  private section(type: CategoryMemberType, id: string, heading: SafeHtml, databaseCount: number, countKey: string): SafeHtml | null {
    const section = this.sections[type];
    if (section.links.length === 0) return null;
    const paging = this.sectionPagingLinks(type);
    return html`<div id="${id}">\n<h2>${heading}</h2>\n${this.countMessage(section.links.length, databaseCount, type, countKey)}${paging}${this.formatList(section)}${paging}\n</div>`;
  }

  /**
   * CategoryViewer::getCountMessage(): the total from the `category` table
   * when it is plausible, the number shown when the table is off but the
   * whole section fits on this page, otherwise the "-limited" wording.
   */
  private countMessage(localCount: number, databaseCount: number, type: CategoryMemberType, countKey: string): SafeHtml {
    const { msg } = this.contextMsg();
    const fromOrUntil = this.paging.from[type] !== undefined || this.paging.until[type] !== undefined;
    let total: number;
    if (databaseCount === localCount || ((localCount === this.limit || fromOrUntil) && databaseCount > localCount)) {
      total = databaseCount;
    } else if (localCount < this.limit && !fromOrUntil) {
      total = localCount;
    } else {
      return rawHtml(msg(`category-${countKey}-count-limited`).numParams(localCount).parseAsBlock());
    }
    return rawHtml(msg(`category-${countKey}-count`).numParams(localCount, total).parseAsBlock());
  }

  /** CategoryViewer::getSectionPagingLinks(). */
  private sectionPagingLinks(type: CategoryMemberType): SafeHtml | string {
    const section = this.sections[type];
    const until = this.paging.until[type];
    const from = this.paging.from[type];
    if (until !== undefined) {
      // Going backwards: "previous" continues before the first entry shown, "next" starts where this chunk ended.
      return this.pagingLinks(section.nextPage !== null ? section.prevPage ?? '' : '', until, type);
    }
    if (section.nextPage !== null || from !== undefined) return this.pagingLinks(from ?? '', section.nextPage ?? '', type);
    return '';
  }

  /** CategoryViewer::pagingLinks(): "(previous page) (next page)", a side without a target as plain text. */
  private pagingLinks(first: string, last: string, type: CategoryMemberType): SafeHtml {
    const { msg } = this.contextMsg();
    const target = this.title.createFragmentTarget(SECTION_FRAGMENT[type]);
    let prev: SafeHtml = rawHtml(msg('prev-page').escaped());
    if (first !== '') {
      const query: Record<string, string> = { ...this.paging.query, [`${type}until`]: first };
      delete query[`${type}from`];
      prev = html`<a href="${target.getLinkURL(query)}" title="${this.title.getPrefixedText()}">${prev}</a>`;
    }
    let next: SafeHtml = rawHtml(msg('next-page').escaped());
    if (last !== '') {
      const query: Record<string, string> = { ...this.paging.query, [`${type}from`]: last };
      delete query[`${type}until`];
      next = html`<a href="${target.getLinkURL(query)}" title="${this.title.getPrefixedText()}">${next}</a>`;
    }
    return rawHtml(msg('categoryviewer-pagedlinks').rawParams(prev, next).escaped());
  }

  /** CategoryViewer::formatList(): columns for more than six entries, a short list otherwise. */
  private formatList(section: Section): SafeHtml {
    const lang = this.context.services.settings.languageCode;
    const dir = languageDirection(lang);
    const cssClass = section.links.length > 6 ? 'mw-category mw-category-columns' : 'mw-category';
    return html`<div lang="${lang}" dir="${dir}" class="mw-content-${dir}">${columnList(section.links, section.startChars, cssClass)}</div>`;
  }
}

/**
 * CategoryViewer::columnList(): entries grouped under their first letter, in
 * the order the letters first appear; a space heading becomes a no-break
 * space so the headings stay aligned.
 */
export function columnList(links: readonly SafeHtml[], startChars: readonly string[], cssClass: string): SafeHtml {
  const groups = new Map<string, SafeHtml[]>();
  links.forEach((link, i) => {
    const char = startChars[i];
    if (!groups.has(char)) groups.set(char, []);
    groups.get(char)!.push(link);
  });
  const body = [...groups].map(
    ([char, items]) =>
      html`<div class="mw-category-group"><h3>${char === ' ' ? '\u00a0' : char}</h3>\n<ul>${items.map((item, i) => html`${i > 0 ? '\n' : ''}<li>${item}</li>`)}</ul></div>`,
  );
  return html`<div class="${cssClass}">${body}</div>`;
}
