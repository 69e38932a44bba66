/**
 * Special:WhatLinksHere (MediaWiki's SpecialWhatLinksHere): the pages that
 * link to, transclude or redirect to a page, read from pagelinks,
 * templatelinks and redirect. Pages that reach the target through a
 * redirect are listed under that redirect, two levels deep at most.
 *
 * Parameters as MediaWiki's: `target` (or the subpage,
 * Special:WhatLinksHere/Foo, which wins), `namespace` with `invert`, the
 * filters `hidelinks`, `hidetrans` and `hideredirs`, `limit` (default 50,
 * kept within 0…5000), and paging by `offset=<namespace>|<page id>` with
 * `dir=prev` for going back; the older `from=<page id>` still works.
 * Entries are in (namespace, page id) order, as the *_backlinks_namespace
 * indexes give them.
 */
import type { Knex } from 'knex';
import type { RequestContext } from '../../context/RequestContext';
import { html, rawHtml, SafeHtml } from '../../html/Html';
import { formatNum } from '../../i18n/MessageFormatter';
import { MalformedTitleError } from '../../title/TitleFactory';
import type { Title } from '../../title/Title';
import { SpecialPage } from '../SpecialPage';
import { checkbox, getFormStart, namespaceSelector, pageLink, specialPageTitle } from './SpecialPageHtml';

/** $wgQueryPageDefaultLimit. */
export const WHATLINKSHERE_DEFAULT_LIMIT = 50;
/** FormOptions::validateIntBounds( 'limit', 0, 5000 ). */
export const WHATLINKSHERE_MAX_LIMIT = 5000;
/** $wgMaxRedirectLinksRetrieved: entries listed under each redirect. */
const MAX_REDIRECT_LINKS = 500;
/** The limits offered by the navigation bar. */
const LIMIT_LINKS = [20, 50, 100, 250, 500];

interface Options {
  target: string;
  namespace: number | null;
  invert: boolean;
  limit: number;
  offset: string;
  dir: 'next' | 'prev';
  hidelinks: boolean;
  hidetrans: boolean;
  hideredirs: boolean;
}

interface BacklinkRow {
  page_id: number;
  page_namespace: number;
  page_title: string;
  page_is_redirect: boolean | number;
  rd_from: number | null;
  rd_fragment: string | null;
  is_template?: boolean;
}

export class SpecialWhatLinksHere extends SpecialPage {
  override readonly group = 'pagetools';
  override readonly aliases = ['Whatlinkshere'];

  constructor() {
    super('WhatLinksHere');
  }

  async execute(context: RequestContext, subPage: string | null): Promise<void> {
    const { output, services } = context;
    const opts = this.readOptions(context, subPage);

    let target: Title | null = null;
    let targetError: SafeHtml | null = null;
    if (opts.target.trim() !== '') {
      try {
        target = services.titleFactory.newFromTextThrow(opts.target);
      } catch (error) {
        if (!(error instanceof MalformedTitleError)) throw error;
        // The title field's validation message (HTMLTitleTextField::validate).
        targetError = rawHtml(context.msg(error.messageKey, ...error.params.map(String)).parse());
      }
    }
    if (!target) {
      output.addHtml(this.form(context, opts, null, targetError));
      return;
    }

    const heading = context.msg('whatlinkshere-title', target.getPrefixedText()).text();
    output.setPageTitleHtml(html`${heading}`, heading);
    const targetPage = target.canExist() ? await services.pageStore.getPage({ namespace: target.getNamespace(), dbKey: target.getDBkey() }) : null;
    const targetLink = this.targetLink(context, target, targetPage !== null, targetPage?.isRedirect ?? false);
    // OutputPage::addBacklinkSubtitle().
    output.addSubtitle(html`<span class="mw-backlink">${rawHtml(context.msg('backlinksubtitle').rawParams(targetLink).escaped())}</span>`);

    const { offsetNamespace, offsetPageId, dir } = await this.parseOffsetAndDir(context, opts);
    await this.showIndirectLinks(context, opts, target, targetLink, 0, opts.limit, offsetNamespace, offsetPageId, dir);
  }

  /** FormOptions with MediaWiki's types: booleans by getBool, `namespace` an int or null, `limit` clamped. */
  private readOptions(context: RequestContext, subPage: string | null): Options {
    const { request } = context;
    const rawNamespace = request.getVal('namespace');
    const namespace = rawNamespace !== null && /^\s*-?\d+\s*$/.test(rawNamespace) ? parseInt(rawNamespace, 10) : null;
    const limit = Math.min(WHATLINKSHERE_MAX_LIMIT, Math.max(0, request.getInt('limit', WHATLINKSHERE_DEFAULT_LIMIT)));
    return {
      // The subpage wins over the target parameter.
      target: subPage ?? request.getVal('target') ?? '',
      namespace,
      invert: request.getBool('invert'),
      limit,
      offset: request.getVal('offset') ?? '',
      dir: request.getVal('dir') === 'prev' ? 'prev' : 'next',
      hidelinks: request.getBool('hidelinks'),
      hidetrans: request.getBool('hidetrans'),
      hideredirs: request.getBool('hideredirs'),
    };
  }

  /**
   * SpecialWhatLinksHere::parseOffsetAndDir(): `from=123` (legacy, 123 is the
   * first page shown), `offset=123` (legacy, the last page not shown) or
   * `offset=0|123` (the namespace and id of the last page not shown).
   */
  private async parseOffsetAndDir(context: RequestContext, opts: Options): Promise<{ offsetNamespace: number; offsetPageId: number; dir: 'next' | 'prev' }> {
    const from = context.request.getInt('from', 0);
    let dir = opts.dir;
    let offsetNamespace: number | null = null;
    let offsetPageId: number;
    if (from) {
      dir = 'next';
      offsetPageId = from - 1;
    } else {
      let [nsText, idText = ''] = opts.offset.split('|', 2);
      if (!idText) {
        idText = nsText;
        nsText = '';
      }
      if (/^\s*-?\d+\s*$/.test(nsText)) offsetNamespace = parseInt(nsText, 10);
      offsetPageId = /^\s*\d+/.test(idText) ? parseInt(idText, 10) : 0;
    }
    if (offsetNamespace === null) {
      const page = offsetPageId > 0 ? await context.services.pageStore.getPageById(offsetPageId) : null;
      offsetNamespace = page ? page.namespace : 0;
    }
    return { offsetNamespace, offsetPageId, dir };
  }

  private async showIndirectLinks(
    context: RequestContext,
    opts: Options,
    target: Title,
    targetLink: SafeHtml,
    level: number,
    limit: number,
    offsetNamespace = 0,
    offsetPageId = 0,
    dir: 'next' | 'prev' = 'next',
  ): Promise<void> {
    const { output, services } = context;
    const db = services.db;
    // pagelinks always holds a row for a redirect's target, so the redirect
    // table is only read when links are hidden but redirects are not.
    const fetchRedirects = opts.hidelinks && !opts.hideredirs;
    const descending = dir === 'prev';

    const fromNamespaceFilter = (q: Knex.QueryBuilder, column: string) => {
      if (opts.namespace === null) return;
      if (opts.invert) q.whereNot(column, opts.namespace);
      else q.where(column, opts.namespace);
    };
    const offsetFilter = (q: Knex.QueryBuilder, nsColumn: string, idColumn: string) => {
      if (!offsetPageId) return;
      const op = descending ? '<' : '>';
      q.where((w) => w.where(nsColumn, op, offsetNamespace).orWhere((w2) => w2.where(nsColumn, offsetNamespace).where(idColumn, op, offsetPageId)));
    };
    const order = descending ? 'desc' : 'asc';

    // One link table: its rows for the target, with the redirect row of the
    // linking page when that page is a redirect to the target.
    const linkRows = async (table: 'pagelinks' | 'templatelinks', prefix: 'pl' | 'tl'): Promise<BacklinkRow[]> => {
      const inner = db(table)
        .leftJoin('redirect', (join) =>
          join
            .on('rd_from', '=', `${prefix}_from`)
            .andOn('rd_namespace', '=', db.raw('?', [target.getNamespace()]))
            .andOn('rd_title', '=', db.raw('?', [target.getDBkey()]))
            .andOn((on) => on.on('rd_interwiki', '=', db.raw('?', [''])).orOnNull('rd_interwiki')),
        )
        .where(`${prefix}_namespace`, target.getNamespace())
        .where(`${prefix}_title`, target.getDBkey());
      fromNamespaceFilter(inner, `${prefix}_from_namespace`);
      offsetFilter(inner, `${prefix}_from_namespace`, `${prefix}_from`);
      // MediaWiki cannot tell a redirect's own link to its target from other links: hiding redirects hides both.
      if (table === 'pagelinks' && opts.hideredirs) inner.whereNull('rd_from');
      // Twice the limit inside, in case rows point at pages whose namespace changed.
      inner
        .orderBy([
          { column: `${prefix}_from_namespace`, order },
          { column: `${prefix}_from`, order },
        ])
        .limit(2 * (limit + 1))
        .select(`${prefix}_from as from_id`, 'rd_from', 'rd_fragment');
      return db
        .from(inner.as('temp_backlink_range'))
        .join('page', 'page_id', 'temp_backlink_range.from_id')
        .orderBy([
          { column: 'page_namespace', order },
          { column: 'page_id', order },
        ])
        .limit(limit + 1)
        .select('page_id', 'page_namespace', 'page_title', 'rd_from', 'rd_fragment', 'page_is_redirect');
    };

    let redirectRows: BacklinkRow[] = [];
    if (fetchRedirects) {
      const q = db('redirect').join('page', 'page_id', 'rd_from').where('rd_namespace', target.getNamespace()).where('rd_title', target.getDBkey());
      fromNamespaceFilter(q, 'page_namespace');
      if (offsetPageId) q.where('rd_from', descending ? '<' : '>', offsetPageId);
      redirectRows = await q.orderBy('rd_from', order).limit(limit + 1).select('page_id', 'page_namespace', 'page_title', 'rd_from', 'rd_fragment', 'page_is_redirect');
    }
    const pageLinkRows = opts.hidelinks ? [] : await linkRows('pagelinks', 'pl');
    const templateRows = opts.hidetrans ? [] : await linkRows('templatelinks', 'tl');

    if (redirectRows.length === 0 && pageLinkRows.length === 0 && templateRows.length === 0) {
      if (level === 0) {
        output.addHtml(this.form(context, opts, target, null));
        const key = opts.namespace !== null ? 'nolinkshere-ns' : 'nolinkshere';
        output.addHtml(html`<p>${rawHtml(context.msg(key).params(target.getPrefixedText()).rawParams(targetLink).parse())}</p>`);
        output.statusCode = 404;
      }
      return;
    }

    // One row per page; a transclusion wins over a link, so it is marked (transclusion).
    const byPage = new Map<number, BacklinkRow>();
    for (const row of redirectRows) byPage.set(Number(row.page_id), { ...row, is_template: false });
    for (const row of pageLinkRows) byPage.set(Number(row.page_id), { ...row, is_template: false });
    for (const row of templateRows) byPage.set(Number(row.page_id), { ...row, is_template: true });
    let rows = [...byPage.values()].sort((a, b) => a.page_namespace - b.page_namespace || Number(a.page_id) - Number(b.page_id));

    // The bounds of this chunk, for the previous and next links.
    let prev: { namespace: number; id: number } | null = null;
    let next: { namespace: number; id: number } | null = null;
    const bound = (row: BacklinkRow) => ({ namespace: row.page_namespace, id: Number(row.page_id) });
    if (!limit) {
      // limit=0 shows no entries (T289351).
      rows = [];
    } else if (descending) {
      if (rows.length > limit) {
        next = bound(rows[limit]);
        rows = rows.slice(1, limit + 1);
        prev = bound(rows[0]);
      } else {
        next = bound(rows[rows.length - 1]);
      }
    } else {
      prev = offsetPageId ? bound(rows[0]) : null;
      if (rows.length > limit) {
        next = bound(rows[limit - 1]);
        rows = rows.slice(0, limit);
      }
    }

    let navigation: SafeHtml | null = null;
    if (level === 0) {
      output.addHtml(this.form(context, opts, target, null));
      output.addHtml(html`<p>${rawHtml(context.msg('linkshere').params(target.getPrefixedText()).rawParams(targetLink).parse())}</p>`);
      navigation = this.navigation(context, opts, target, prev, next);
      output.addHtml(navigation);
    }
    output.addHtml(level === 0 ? html`<ul id="mw-whatlinkshere-list">` : html`<ul>`);
    for (const row of rows) {
      const title = services.titleFactory.makeTitle(row.page_namespace, row.page_title);
      if (row.rd_from && level < 2) {
        output.addHtml(html`<li>${this.listItem(context, row, title, target)}\n`);
        await this.showIndirectLinks(context, opts, title, this.targetLink(context, title, true, true), level + 1, MAX_REDIRECT_LINKS);
        output.addHtml(html`</li>`);
      } else {
        output.addHtml(html`<li>${this.listItem(context, row, title, target)}</li>\n`);
      }
    }
    output.addHtml(html`</ul>`);
    if (navigation) output.addHtml(navigation);
  }

  /** The link to the target in the subtitle and the messages (redirect=no for a redirect, red when missing). */
  private targetLink(context: RequestContext, target: Title, exists: boolean, isRedirect: boolean): SafeHtml {
    if (exists && isRedirect) {
      return html`<a href="${target.getLocalURL({ redirect: 'no' })}" class="mw-redirect" title="${target.getPrefixedText()}">${target.getPrefixedText()}</a>`;
    }
    return pageLink(context, target, exists);
  }

  /** SpecialWhatLinksHere::listItem(): link, (redirect page; transclusion), then (← links | edit). */
  private listItem(context: RequestContext, row: BacklinkRow, title: Title, target: Title): SafeHtml {
    const prefixed = title.getPrefixedText();
    const href = row.rd_from ? title.getLocalURL({ redirect: 'no' }) : title.getLinkURL();
    const link = html`<a href="${href}"${rawHtml(row.page_is_redirect ? ' class="mw-redirect"' : '')} title="${prefixed}">${prefixed}</a>`;

    const props: SafeHtml[] = [];
    const fragment = row.rd_fragment ?? '';
    if (fragment !== '') {
      const section = target.createFragmentTarget(fragment);
      const sectionLink = html`<a href="${section.getLinkURL()}" title="${target.getPrefixedText()}">${fragment}</a>`;
      props.push(rawHtml(context.msg('whatlinkshere-sectionredir').rawParams(sectionLink).escaped()));
    } else if (row.rd_from) {
      props.push(rawHtml(context.msg('isredirect').escaped()));
    }
    if (row.is_template) props.push(rawHtml(context.msg('istemplate').escaped()));
    const separator = rawHtml(context.msg('semicolon-separator').escaped());
    const propsText = props.length > 0 ? rawHtml(context.msg('parentheses').rawParams(html`${props.map((p, i) => html`${i > 0 ? separator : ''}${p}`)}`).escaped()) : '';

    const self = specialPageTitle(context, this.name);
    const tools: SafeHtml[] = [html`<a href="${self.getLocalURL({ target: prefixed })}" title="${self.getPrefixedText()}">${context.msg('whatlinkshere-links').text()}</a>`];
    if (context.services.permissionManager.userHasRight(context.user, 'edit')) {
      tools.push(html`<a href="${title.getLocalURL({ action: 'edit' })}" title="${prefixed}">${context.msg('editlink').text()}</a>`);
    }
    const pipe = rawHtml(context.msg('pipe-separator').escaped());
    const toolsHtml = rawHtml(context.msg('parentheses').rawParams(html`${tools.map((t, i) => html`${i > 0 ? pipe : ''}${t}`)}`).escaped());
    // The left-to-right mark keeps the tools after the title in mixed-direction text (Language::getDirMark).
    return html`${link} ${propsText} \u200e <span class="mw-whatlinkshere-tools">${toolsHtml}</span>`;
  }

  /**
   * PagerNavigationBuilder: "View (previous 50 | next 50) (20 | 50 | 100 |
   * 250 | 500)". The links keep the options that differ from the defaults;
   * the target is in the page name.
   */
  private navigation(context: RequestContext, opts: Options, target: Title, prev: { namespace: number; id: number } | null, next: { namespace: number; id: number } | null): SafeHtml {
    const page = specialPageTitle(context, this.name, target.getPrefixedDBkey());
    const base: Record<string, string | number> = {};
    if (opts.namespace !== null) base.namespace = opts.namespace;
    if (opts.invert) base.invert = 1;
    if (opts.hidelinks) base.hidelinks = 1;
    if (opts.hidetrans) base.hidetrans = 1;
    if (opts.hideredirs) base.hideredirs = 1;
    if (opts.limit !== WHATLINKSHERE_DEFAULT_LIMIT) base.limit = opts.limit;
    const prevText = context.msg('whatlinkshere-prev').numParams(opts.limit).text();
    const nextText = context.msg('whatlinkshere-next').numParams(opts.limit).text();
    const prevLink = prev
      ? html`<a href="${page.getLocalURL({ ...base, dir: 'prev', offset: `${prev.namespace}|${prev.id}` })}" class="mw-prevlink" rel="prev">${prevText}</a>`
      : html`<span class="mw-prevlink">${prevText}</span>`;
    const nextLink = next
      ? html`<a href="${page.getLocalURL({ ...base, dir: 'next', offset: `${next.namespace}|${next.id}` })}" class="mw-nextlink" rel="next">${nextText}</a>`
      : html`<span class="mw-nextlink">${nextText}</span>`;
    const pipe = rawHtml(context.msg('pipe-separator').escaped());
    const limits = LIMIT_LINKS.map((n, i) => html`${i > 0 ? pipe : ''}<a href="${page.getLocalURL({ ...base, limit: n, ...(opts.offset ? { offset: opts.offset, dir: opts.dir === 'prev' ? 'prev' : undefined } : {}) })}" class="mw-numlink">${formatNum(context.language, n)}</a>`);
    return html`<div class="mw-pager-navigation-bar">${rawHtml(context.msg('viewprevnext').rawParams(prevLink, nextLink, html`${limits}`).escaped())}</div>`;
  }

  /** The GET form (SpecialWhatLinksHere::whatlinkshereForm), with the target field's error if it was not a valid title. */
  private form(context: RequestContext, opts: Options, target: Title | null, targetError: SafeHtml | null): SafeHtml {
    const self = specialPageTitle(context, this.name);
    const targetText = target ? target.getPrefixedText() : opts.target;
    const fieldClass = targetError ? 'mw-htmlform-field mw-htmlform-invalid-input' : 'mw-htmlform-field';
    const filters = (['hidetrans', 'hidelinks', 'hideredirs'] as const).map(
      (name) => html`<div class="mw-htmlform-field">${checkbox(`mw-input-${name}`, name, opts[name], context.msg(`whatlinkshere-${name}`).text())}</div>\n`,
    );
    return html`${getFormStart(context, self, { class: 'mw-htmlform', id: 'mw-whatlinkshere-form' })}<fieldset><legend>${context.msg('whatlinkshere').text()}</legend>
<fieldset id="mw-htmlform-whatlinkshere-target"><legend>${context.msg('whatlinkshere-target').text()}</legend>
<div class="${fieldClass}"><label for="mw-whatlinkshere-target">${context.msg('whatlinkshere-page').text()}</label> <input type="text" id="mw-whatlinkshere-target" name="target" size="40" value="${targetText}">${targetError ? html`<div class="errorbox">${targetError}</div>` : ''}</div>
</fieldset>
<fieldset id="mw-htmlform-whatlinkshere-ns"><legend>${context.msg('whatlinkshere-ns').text()}</legend>
<div class="mw-htmlform-field"><label for="namespace">${context.msg('namespace').text()}</label> ${namespaceSelector(context, opts.namespace, { all: true })}</div>
<div class="mw-htmlform-field">${checkbox('nsinvert', 'invert', opts.invert, context.msg('invert').text())}<div class="htmlform-help">${context.msg('tooltip-whatlinkshere-invert').text()}</div></div>
</fieldset>
<fieldset id="mw-htmlform-whatlinkshere-filter"><legend>${context.msg('whatlinkshere-filter').text()}</legend>
${filters}</fieldset>
<div class="mw-htmlform-submit-buttons"><button type="submit" class="mw-htmlform-submit">${context.msg('whatlinkshere-submit').text()}</button></div>
</fieldset></form>`;
  }
}
