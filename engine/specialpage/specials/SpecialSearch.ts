/**
 * Special:Search (MediaWiki's SpecialSearch). "Go" (no `fulltext`) jumps to
 * a page whose title matches exactly after normalisation (redirects too);
 * otherwise, or with `fulltext=1`, shows full-text results with highlighted
 * snippets, size, word count and date, paged by `limit`/`offset` (default 20),
 * in the namespaces chosen with `ns<N>=1` or `profile=all`.
 */
import type { RequestContext } from '../../context/RequestContext';
import { html, rawHtml, SafeHtml } from '../../html/Html';
import { formatUserTimestamp } from '../../util/Timestamp';
import { pageKeyOf } from '../../storage/PageStore';
import { SpecialPage } from '../SpecialPage';

export const SEARCH_DEFAULT_LIMIT = 20;
export const SEARCH_MAX_LIMIT = 500;

export class SpecialSearch extends SpecialPage {
  override readonly group = 'redirects';

  constructor() {
    super('Search');
  }

  private namespaces(context: RequestContext): number[] {
    const { request, services } = context;
    if (request.getVal('profile') === 'all') return services.namespaceInfo.getValidNamespaces();
    const chosen = services.namespaceInfo.getValidNamespaces().filter((ns) => request.getBool(`ns${ns}`));
    return chosen.length > 0 ? chosen : services.settings.contentNamespaces;
  }

  async execute(context: RequestContext, subPage: string | null): Promise<void> {
    const { request, services, output } = context;
    const term = (request.getVal('search') ?? subPage ?? '').trim();
    const fulltext = request.getCheck('fulltext');

    if (term !== '' && !fulltext) {
      const target = await this.goResult(context, term);
      if (target) {
        output.redirect(target, 302);
        return;
      }
    }

    if (term !== '') {
      const heading = context.msg('search-result-heading', term).text();
      output.setPageTitleHtml(html`${context.msg('searchresults-title', term).text()}`, heading);
    }
    const namespaces = this.namespaces(context);
    output.addHtml(this.form(context, term, namespaces));
    if (term === '') return;

    const createTitle = services.titleFactory.newFromText(term);
    if (createTitle && createTitle.canExist() && !createTitle.isSpecialPage()) {
      const existing = await services.pageStore.getPage({ namespace: createTitle.getNamespace(), dbKey: createTitle.getDBkey() });
      const canCreate = await services.permissionManager.userCan('create', context.user, createTitle);
      if (existing) {
        output.addHtml(html`<p class="mw-search-exists">${rawHtml(context.msg('searchmenu-exists', createTitle.getPrefixedText()).parse())}</p>`);
      } else if (canCreate) {
        output.addHtml(html`<p class="mw-search-createlink">${rawHtml(context.msg('searchmenu-new', createTitle.getPrefixedText()).parse())}</p>`);
      }
    }

    const limit = request.getIntInRange('limit', SEARCH_DEFAULT_LIMIT, 1, SEARCH_MAX_LIMIT);
    const offset = request.getIntInRange('offset', 0, 0, 100000);
    const results = await services.searchEngine.searchText({ text: term, namespaces, limit, offset });
    if (results.hits.length === 0) {
      output.addHtml(html`<p class="mw-search-nonefound">${context.msg('search-nonefound').text()}</p>`);
      return;
    }
    output.addHtml(
      html`<div class="results-info" data-mw-num-results-offset="${offset}" data-mw-num-results-total="${results.total}">${rawHtml(
        context.msg('search-showingresults').numParams(offset + 1, offset + results.hits.length, results.total).parse(),
      )}</div>`,
    );
    const items = results.hits.map((hit) => {
      const title = services.titleFactory.makeTitle(hit.namespace, hit.dbKey);
      return html`<li class="mw-search-result"><div class="mw-search-result-heading"><a href="${title.getLocalURL()}" title="${title.getPrefixedText()}" data-serp-pos="${offset}">${title.getPrefixedText()}</a>${
        hit.isRedirect ? html` <span class="searchalttitle">${context.msg('search-redirect-page').text()}</span>` : ''
      }</div><div class="searchresult">${rawHtml(hit.snippetHtml)}</div><div class="mw-search-result-data">${context
        .msg('search-result-size')
        .numParams(hit.size, hit.wordCount)
        .text()} - ${formatUserTimestamp(hit.timestamp, context.language)}</div></li>`;
    });
    output.addHtml(html`<ul class="mw-search-results">${items}</ul>`);
    output.addHtml(this.paging(context, term, namespaces, limit, offset, results.total));
  }

  /** Exact-title "Go" match: the page itself, or the same title case-folded as MediaWiki's SearchNearMatcher tries. */
  private async goResult(context: RequestContext, term: string): Promise<string | null> {
    const { services } = context;
    const title = services.titleFactory.newFromText(term);
    if (!title) return null;
    if (title.isSpecialPage()) {
      return services.specialPageFactory.resolve(title.getText()) ? title.getLocalURL() : null;
    }
    if (!title.canExist()) return null;
    const candidates = [title];
    const lower = services.titleFactory.makeTitleSafe(title.getNamespace(), title.getText().toLowerCase());
    const upperWords = services.titleFactory.makeTitleSafe(title.getNamespace(), title.getText().replace(/\b\p{L}/gu, (c) => c.toUpperCase()));
    for (const t of [lower, upperWords]) if (t) candidates.push(t);
    const existing = await services.pageStore.existingTitles(candidates);
    const found = candidates.find((t) => existing.has(pageKeyOf(t)));
    return found ? found.getLinkURL() : null;
  }

  private form(context: RequestContext, term: string, namespaces: number[]): SafeHtml {
    const { services } = context;
    const searchUrl = services.titleFactory.newFromText('Special:Search')!.getLocalURL();
    const nsBoxes = services.namespaceInfo.getValidNamespaces().map((ns) => {
      const label = ns === 0 ? context.msg('blanknamespace').text() : services.namespaceInfo.getNamespaceName(ns) ?? String(ns);
      return html`<label class="mw-search-ns"><input type="checkbox" name="ns${ns}" value="1"${namespaces.includes(ns) ? rawHtml(' checked') : ''}> ${label}</label> `;
    });
    return html`<form id="search" class="mw-search-form" method="get" action="${searchUrl}" role="search">
<label for="searchText" class="mw-sr-only">${context.msg('search').text()}</label>
<input type="search" id="searchText" name="search" value="${term}" size="50" autofocus>
<input type="hidden" name="fulltext" value="1">
<button type="submit" class="mw-search-button">${context.msg('searchbutton').text()}</button>
<details class="mw-search-namespaces"><summary>${context.msg('search-namespaces').text()}</summary>${nsBoxes}</details>
</form>`;
  }

  private paging(context: RequestContext, term: string, namespaces: number[], limit: number, offset: number, total: number): SafeHtml {
    const search = context.services.titleFactory.newFromText('Special:Search')!;
    const query = (newOffset: number) => {
      const q: Record<string, string | number> = { search: term, fulltext: 1, limit, offset: newOffset };
      for (const ns of namespaces) q[`ns${ns}`] = 1;
      return search.getLocalURL(q);
    };
    const prev = offset > 0 ? html`<a href="${query(Math.max(0, offset - limit))}" class="mw-prevlink" rel="prev">${context.msg('pager-newer-n', limit).text()}</a>` : context.msg('pager-newer-n', limit).text();
    const next = offset + limit < total ? html`<a href="${query(offset + limit)}" class="mw-nextlink" rel="next">${context.msg('pager-older-n', limit).text()}</a>` : context.msg('pager-older-n', limit).text();
    return html`<p class="mw-search-pager-bottom">(${prev} | ${next})</p>`;
  }
}
