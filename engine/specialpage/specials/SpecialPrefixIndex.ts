/**
 * Special:PrefixIndex (MediaWiki's SpecialPrefixIndex, a variant of
 * Special:AllPages): the pages whose title starts with `prefix` — or with
 * the subpage, Special:PrefixIndex/API reference/ — in one namespace,
 * optionally without redirects and with the prefix stripped from the link
 * text (`stripprefix`, for subpage lists). 345 per page with a "Next page"
 * link; MediaWiki has no "previous" link here either.
 */
import type { RequestContext } from '../../context/RequestContext';
import { html, rawHtml, SafeHtml } from '../../html/Html';
import { NS_MAIN } from '../../title/NamespaceInfo';
import { SpecialPage } from '../SpecialPage';
import { ALLPAGES_MAX_PER_PAGE, pageListItem, PageListRow, requestedNamespace } from './SpecialAllPages';
import { checkbox, getFormStart, setNamespaceHeading, namespaceKeyAndText, namespaceSelector, specialPageTitle } from './SpecialPageHtml';

export class SpecialPrefixIndex extends SpecialPage {
  override readonly group = 'pages';

  constructor() {
    super('PrefixIndex');
  }

  async execute(context: RequestContext, subPage: string | null): Promise<void> {
    const { request, output } = context;
    const from = request.getVal('from') ?? '';
    const prefix = request.getVal('prefix') ?? '';
    // MediaWiki's getIntOrNull: only a number counts as "a namespace was asked for".
    const namespaceGiven = /^\s*-?\d+\s*$/.test(request.getVal('namespace') ?? '');
    const hideRedirects = request.getBool('hideredirects');
    const stripPrefix = request.getBool('stripprefix');
    const requested = requestedNamespace(context);
    if (requested.notice) output.addHtml(requested.notice);

    let showMe = '';
    if (subPage !== null) showMe = subPage;
    else if (prefix !== '') showMe = prefix;
    // Old Special:Allpages links used `from` for the prefix (MediaWiki keeps that working).
    else if (from !== '' && !namespaceGiven) showMe = from;

    if (showMe === '' && !namespaceGiven) {
      setNamespaceHeading(context, 'prefixindex-namespace', requested.namespace);
      output.addHtml(this.form(context, requested.namespace, '', hideRedirects, stripPrefix));
      return;
    }
    await this.showChunk(context, requested.namespace, showMe, from, hideRedirects, stripPrefix);
  }

  private async showChunk(context: RequestContext, requestedNs: number, prefix: string, from: string, hideRedirects: boolean, stripPrefix: boolean): Promise<void> {
    const { output, services } = context;
    const prefixParts = namespaceKeyAndText(context, requestedNs, prefix);
    const fromParts = namespaceKeyAndText(context, requestedNs, from);
    if (!prefixParts || !fromParts) {
      setNamespaceHeading(context, 'prefixindex-namespace', requestedNs);
      output.addHtml(this.form(context, requestedNs, prefix, hideRedirects, stripPrefix));
      output.addHtml(rawHtml(context.msg('allpagesbadtitle').parseAsBlock()));
      return;
    }
    // "Help:Foo" as the prefix lists Help pages, as in MediaWiki.
    const namespace = prefixParts.namespace;
    setNamespaceHeading(context, 'prefixindex-namespace', namespace);

    const db = services.db;
    const q = db('page').where('page_namespace', namespace);
    if (prefixParts.dbKey !== '') {
      // A prefix test that means the same on every database: LIKE is
      // case-insensitive on SQLite and '_' is a LIKE wildcard, whereas
      // page titles are case-sensitive and '_' is their space. Both
      // databases count substr() in characters.
      q.where('page_title', '>=', prefixParts.dbKey).whereRaw('substr(page_title, 1, ?) = ?', [[...prefixParts.dbKey].length, prefixParts.dbKey]);
    }
    if (fromParts.dbKey !== '') q.where('page_title', '>=', fromParts.dbKey);
    if (hideRedirects) q.where('page_is_redirect', false);
    const rows: PageListRow[] = await q.orderBy('page_title').limit(ALLPAGES_MAX_PER_PAGE + 1).select('page_namespace', 'page_title', 'page_is_redirect');
    const shown = rows.slice(0, ALLPAGES_MAX_PER_PAGE);
    const next = rows.length > ALLPAGES_MAX_PER_PAGE ? rows[ALLPAGES_MAX_PER_PAGE] : null;

    const titles = services.titleFactory;
    const prefixLength = [...prefixParts.text].length;
    let list: SafeHtml | string = '';
    if (shown.length > 0) {
      const items = shown.map((row) => {
        const title = titles.makeTitle(row.page_namespace, row.page_title);
        const text = [...title.getText()];
        // Never strip a title down to nothing: the link would be unclickable.
        const displayed = stripPrefix && prefixLength !== text.length ? text.slice(prefixLength).join('') : title.getText();
        return pageListItem(context, title, Boolean(row.page_is_redirect), displayed);
      });
      const ul = html`<ul class="mw-prefixindex-list">${items}</ul>`;
      // MediaWiki sets more than two entries in columns through this wrapper.
      list = shown.length > 2 ? html`<div class="mw-prefixindex-body">${ul}</div>` : ul;
    }

    let nav: SafeHtml | null = null;
    if (next) {
      const self = specialPageTitle(context, this.name);
      const query = {
        from: next.page_title,
        prefix: prefixParts.text,
        hideredirects: hideRedirects ? 1 : undefined,
        stripprefix: stripPrefix ? 1 : undefined,
        // Keep the namespace even when it is 0 for an empty prefix, so the
        // link is not mistaken for an old Special:Allpages `from` link.
        namespace: namespace !== NS_MAIN || prefixParts.text === '' ? namespace : undefined,
      };
      const text = context.msg('nextpage', next.page_title.replace(/_/g, ' ')).text();
      nav = html`<div class="mw-prefixindex-nav"><a href="${self.getLocalURL(query)}" title="${self.getPrefixedText()}">${text}</a></div>`;
    }

    output.addHtml(this.form(context, namespace, prefixParts.text, hideRedirects, stripPrefix));
    if (nav) output.addHtml(nav);
    output.addHtml(list);
    if (nav) output.addHtml(html`<hr>${nav}`);
  }


  private form(context: RequestContext, namespace: number, prefix: string, hideRedirects: boolean, stripPrefix: boolean): SafeHtml {
    const self = specialPageTitle(context, this.name);
    return html`${getFormStart(context, self, { class: 'mw-htmlform', id: 'mw-prefixindex-form' })}<fieldset><legend>${context.msg('prefixindex').text()}</legend>
<div class="mw-htmlform-field"><label for="nsfrom">${context.msg('allpagesprefix').text()}</label> <input type="text" id="nsfrom" name="prefix" size="30" value="${prefix}"></div>
<div class="mw-htmlform-field"><label for="namespace">${context.msg('namespace').text()}</label> ${namespaceSelector(context, namespace)}</div>
<div class="mw-htmlform-field">${checkbox('hidredirects', 'hideredirects', hideRedirects, context.msg('allpages-hide-redirects').text())}</div>
<div class="mw-htmlform-field">${checkbox('stripprefix', 'stripprefix', stripPrefix, context.msg('prefixindex-strip').text())}</div>
<div class="mw-htmlform-submit-buttons"><button type="submit" class="mw-htmlform-submit">${context.msg('prefixindex-submit').text()}</button></div>
</fieldset></form>`;
  }
}
