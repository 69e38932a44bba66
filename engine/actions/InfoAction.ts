/**
 * action=info (MediaWiki's InfoAction): basic information (display title,
 * default sort key, length, page id, content model, redirects), edit history
 * figures (creator, first and latest edit, edit count, distinct authors).
 */
import type { RequestContext } from '../context/RequestContext';
import { protectionInfoSection } from './ProtectAction';
import { html, rawHtml, SafeHtml } from '../html/Html';
import { formatNum } from '../i18n/MessageFormatter';
import { formatUserTimestamp } from '../util/Timestamp';
import type { PageAction } from './Action';
import { userLinks } from '../page/ChangeListFormatting';

export class InfoAction implements PageAction {
  readonly name = 'info';

  async show(context: RequestContext): Promise<void> {
    const { services, output } = context;
    const title = context.getTitle();
    const heading = context.msg('pageinfo-title', title.getPrefixedText()).text();
    output.setPageTitleHtml(html`${heading}`, heading);
    output.setRobotPolicy('noindex,nofollow');
    const page = await services.pageStore.getPage({ namespace: title.getNamespace(), dbKey: title.getDBkey() });
    if (!page) {
      output.statusCode = 404;
      output.addHtml(html`<div class="errorbox">${rawHtml(context.msg('pageinfo-not-current').parse())}</div>`);
      return;
    }
    const latest = (await services.revisionStore.getRevisionById(page.latest))!;
    const first = (await services.revisionStore.getFirstRevision(page.id))!;
    const edits = await services.revisionStore.countRevisions(page.id);
    const authors = await services.revisionStore.countDistinctAuthors(page.id);
    const parserOutput = page.contentModel === 'wikitext' ? await services.pageRenderer.getParserOutput(title, latest, await services.revisionStore.getText(latest), { language: context.language }) : null;
    const row = (labelKey: string, value: SafeHtml | string, id: string) => html`<tr id="${id}"><td style="vertical-align: top;">${context.msg(labelKey).text()}</td><td>${value}</td></tr>`;
    const basic = [
      row('pageinfo-display-title', parserOutput?.displayTitle ?? title.getPrefixedText(), 'mw-pageinfo-display-title'),
      row('pageinfo-default-sort', parserOutput?.defaultSort ?? title.getText(), 'mw-pageinfo-default-sort'),
      row('pageinfo-length', formatNum(context.language, page.length), 'mw-pageinfo-length'),
      row('pageinfo-namespace-id', String(title.getNamespace()), 'mw-pageinfo-namespace-id'),
      row('pageinfo-article-id', String(page.id), 'mw-pageinfo-article-id'),
      row('pageinfo-contentmodel', page.contentModel, 'mw-pageinfo-content-model'),
      row('pageinfo-redirect', context.msg(page.isRedirect ? 'pageinfo-yes' : 'pageinfo-no').text(), 'mw-pageinfo-redirect'),
    ];
    const history = [
      row('pageinfo-firstuser', userLinks(context, first.actorName, first.userId), 'mw-pageinfo-firstuser'),
      row('pageinfo-firsttime', html`<a href="${title.getLocalURL({ oldid: first.id })}">${formatUserTimestamp(first.timestamp, context.language)}</a>`, 'mw-pageinfo-firsttime'),
      row('pageinfo-lastuser', userLinks(context, latest.actorName, latest.userId), 'mw-pageinfo-lastuser'),
      row('pageinfo-lasttime', html`<a href="${title.getLocalURL({ oldid: latest.id })}">${formatUserTimestamp(latest.timestamp, context.language)}</a>`, 'mw-pageinfo-lasttime'),
      row('pageinfo-edits', formatNum(context.language, edits), 'mw-pageinfo-edits'),
      row('pageinfo-authors', formatNum(context.language, authors), 'mw-pageinfo-authors'),
    ];
    output.addHtml(html`<h2 id="mw-pageinfo-header-basic">${context.msg('pageinfo-header-basic').text()}</h2><table class="wikitable mw-page-info">${basic}</table>
${await protectionInfoSection(context, title, page)}
<h2 id="mw-pageinfo-header-edits">${context.msg('pageinfo-header-edits').text()}</h2><table class="wikitable mw-page-info">${history}</table>`);
    if (parserOutput && parserOutput.templates.length > 0) {
      const items = parserOutput.templates.map((t) => {
        const tt = services.titleFactory.newFromText(t);
        return tt ? html`<li><a href="${tt.getLocalURL()}">${tt.getPrefixedText()}</a></li>` : html``;
      });
      output.addHtml(html`<h2 id="mw-pageinfo-header-properties">${context.msg('pageinfo-header-properties').text()}</h2><table class="wikitable mw-page-info"><tr id="mw-pageinfo-templates"><td>${context.msg('pageinfo-templates', parserOutput.templates.length).text()}</td><td><ul>${items}</ul></td></tr></table>`);
    }
  }
}
