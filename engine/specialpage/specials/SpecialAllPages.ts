/**
 * Special:AllPages (MediaWiki's SpecialAllPages): the pages of one namespace
 * in page_title order, 345 at a time, from `from` (or the subpage,
 * Special:AllPages/Foo) up to `to`, optionally without redirects, with
 * "Previous page (X)" / "Next page (Y)" links that name the first title of
 * the neighbouring chunk, as MediaWiki does.
 *
 * Titles are compared as the database compares page_title: by code point on
 * SQLite, by the database collation on PostgreSQL — which is what MediaWiki
 * does on PostgreSQL too, and either way paging is consistent because the
 * bounds and the ordering use the same comparison.
 */
import type { Knex } from 'knex';
import type { RequestContext } from '../../context/RequestContext';
import { html, rawHtml, SafeHtml } from '../../html/Html';
import { NS_MAIN } from '../../title/NamespaceInfo';
import type { Title } from '../../title/Title';
import { SpecialPage } from '../SpecialPage';
import { checkbox, getFormStart, setNamespaceHeading, joinPipes, namespaceKeyAndText, namespaceSelector, pageLink, specialPageTitle } from './SpecialPageHtml';

/** SpecialAllPages::$maxPerPage. */
export const ALLPAGES_MAX_PER_PAGE = 345;

export interface PageListRow {
  page_namespace: number;
  page_title: string;
  page_is_redirect: boolean | number;
}

/**
 * The namespace asked for, or NS_MAIN with an `allpages-bad-ns` notice when
 * it does not exist. A non-numeric value (namespace=foo) is simply NS_MAIN,
 * as WebRequest::getInt makes it in MediaWiki.
 */
export function requestedNamespace(context: RequestContext): { namespace: number; notice: SafeHtml | null } {
  const raw = context.request.getVal('namespace');
  const namespace = context.request.getInt('namespace', NS_MAIN);
  if (namespace < 0 || !context.services.namespaceInfo.exists(namespace)) {
    return { namespace: NS_MAIN, notice: html`<p class="mw-allpages-bad-ns">${rawHtml(context.msg('allpages-bad-ns', raw ?? String(namespace)).parse())}</p>` };
  }
  return { namespace, notice: null };
}

/**
 * One `<li>` per page. Redirects get MediaWiki's `allpagesredirect` class and
 * are set in italics (MediaWiki does that with CSS from mediawiki.special,
 * which our skins don't load, so the markup carries it).
 */
export function pageListItem(context: RequestContext, title: Title, isRedirect: boolean, text?: string): SafeHtml {
  const link = pageLink(context, title, true, text ?? title.getText());
  return isRedirect ? html`<li class="allpagesredirect"><i>${link}</i></li>\n` : html`<li>${link}</li>\n`;
}

export class SpecialAllPages extends SpecialPage {
  override readonly group = 'pages';

  constructor() {
    super('AllPages');
  }

  async execute(context: RequestContext, subPage: string | null): Promise<void> {
    const { request, output, services } = context;
    // The subpage is the starting point (Special:AllPages/Foo), as in MediaWiki.
    const from = subPage ?? request.getVal('from') ?? '';
    const to = request.getVal('to') ?? '';
    const hideRedirects = request.getBool('hideredirects');
    const requested = requestedNamespace(context);
    if (requested.notice) output.addHtml(requested.notice);

    const fromParts = namespaceKeyAndText(context, requested.namespace, from);
    const toParts = namespaceKeyAndText(context, requested.namespace, to);
    if (!fromParts || !toParts) {
      output.addHtml(this.form(context, requested.namespace, from, to, hideRedirects));
      output.addHtml(rawHtml(context.msg('allpagesbadtitle').parseAsBlock()));
      return;
    }
    // A prefix in `from` ("Help:Foo") picks the namespace, as in MediaWiki.
    const namespace = fromParts.namespace;
    setNamespaceHeading(context, 'allinnamespace', namespace);

    const db = services.db;
    const filtered = (): Knex.QueryBuilder => {
      const q = db('page').where('page_namespace', namespace);
      if (hideRedirects) q.where('page_is_redirect', false);
      return q;
    };
    const chunk = filtered().where('page_title', '>=', fromParts.dbKey);
    if (toParts.dbKey !== '') chunk.where('page_title', '<=', toParts.dbKey);
    // One row more than shown: it is the first title of the next chunk.
    const rows: PageListRow[] = await chunk.orderBy('page_title').limit(ALLPAGES_MAX_PER_PAGE + 1).select('page_namespace', 'page_title', 'page_is_redirect');
    const shown = rows.slice(0, ALLPAGES_MAX_PER_PAGE);
    const next = rows.length > ALLPAGES_MAX_PER_PAGE ? rows[ALLPAGES_MAX_PER_PAGE] : null;

    // The previous chunk starts 345 titles before `from`, or at the very first title.
    let prevKey: string | null = null;
    if (fromParts.dbKey !== '') {
      const before = await filtered().where('page_title', '<', fromParts.dbKey).orderBy('page_title', 'desc').offset(ALLPAGES_MAX_PER_PAGE - 1).first('page_title');
      const first = before ?? (await filtered().where('page_title', '<', fromParts.dbKey).orderBy('page_title').first('page_title'));
      prevKey = first ? (first.page_title as string) : null;
    }

    const titles = services.titleFactory;
    const self = specialPageTitle(context, this.name);
    const navQuery = (startKey: string) => ({
      from: titles.makeTitle(namespace, startKey).getText(),
      to: toParts.dbKey !== '' ? toParts.text : undefined,
      namespace: namespace !== NS_MAIN ? namespace : undefined,
      hideredirects: hideRedirects ? 1 : undefined,
    });
    const navLinks: SafeHtml[] = [];
    if (prevKey !== null) {
      navLinks.push(html`<a href="${self.getLocalURL(navQuery(prevKey))}" title="${self.getPrefixedText()}">${context.msg('prevpage', titles.makeTitle(namespace, prevKey).getText()).text()}</a>`);
    }
    if (next) {
      navLinks.push(html`<a href="${self.getLocalURL(navQuery(next.page_title))}" title="${self.getPrefixedText()}">${context.msg('nextpage', titles.makeTitle(namespace, next.page_title).getText()).text()}</a>`);
    }
    const nav = navLinks.length > 0 ? html`<div class="mw-allpages-nav">${joinPipes(navLinks)}</div>` : null;

    output.addHtml(this.form(context, namespace, fromParts.text, toParts.text, hideRedirects));
    if (nav) output.addHtml(nav);
    if (shown.length > 0) {
      const items = shown.map((row) => pageListItem(context, titles.makeTitle(row.page_namespace, row.page_title), Boolean(row.page_is_redirect)));
      output.addHtml(html`<div class="mw-allpages-body"><ul class="mw-allpages-chunk">${items}</ul></div>`);
    }
    if (nav) output.addHtml(html`<hr>${nav}`);
  }


  private form(context: RequestContext, namespace: number, from: string, to: string, hideRedirects: boolean): SafeHtml {
    const self = specialPageTitle(context, this.name);
    return html`${getFormStart(context, self, { class: 'mw-htmlform', id: 'mw-allpages-form' })}<fieldset><legend>${context.msg('allpages').text()}</legend>
<div class="mw-htmlform-field"><label for="nsfrom">${context.msg('allpagesfrom').text()}</label> <input type="text" id="nsfrom" name="from" size="30" value="${from}"></div>
<div class="mw-htmlform-field"><label for="nsto">${context.msg('allpagesto').text()}</label> <input type="text" id="nsto" name="to" size="30" value="${to}"></div>
<div class="mw-htmlform-field"><label for="namespace">${context.msg('namespace').text()}</label> ${namespaceSelector(context, namespace)}</div>
<div class="mw-htmlform-field">${checkbox('hidredirects', 'hideredirects', hideRedirects, context.msg('allpages-hide-redirects').text())}</div>
<div class="mw-htmlform-submit-buttons"><button type="submit" class="mw-htmlform-submit">${context.msg('allpagessubmit').text()}</button></div>
</fieldset></form>`;
  }
}
