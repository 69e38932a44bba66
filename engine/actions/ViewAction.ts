/**
 * action=view (MediaWiki's Article::view): the current or an old revision
 * (`oldid=`), diffs (`diff=`), redirects followed one level with
 * "(Redirected from X)", missing pages with MediaWiki's "no text" notice,
 * MediaWiki-namespace pages showing their default message, and CSS/JS/JSON
 * pages shown as code rather than parsed. Category pages list their members
 * after the text (CategoryPage), even when the category page itself is missing.
 */
import type { RequestContext } from '../context/RequestContext';
import { defaultContentModel } from '../content/ContentModel';
import { getRedirectTargetText } from '../content/RedirectParser';
import { showDiff } from '../diff/DifferenceEngine';
import { html, rawHtml } from '../html/Html';
import { MessageOverrides } from '../i18n/MessageOverrides';
import { categoryBoxItems } from '../page/CategoryLinksBox';
import { CategoryViewer, categoryPagingFromRequest } from '../page/CategoryViewer';
import type { RevisionRecord } from '../storage/RevisionRecord';
import { NS_CATEGORY, NS_MEDIAWIKI } from '../title/NamespaceInfo';
import type { Title } from '../title/Title';
import { formatUserTimestamp } from '../util/Timestamp';
import type { PageAction } from './Action';
import { renderDisplayTitle } from '../page/DisplayTitle';
import { deletionLogNotice } from '../page/DeletionLogNotice';

export class ViewAction implements PageAction {
  readonly name = 'view';

  async show(context: RequestContext): Promise<void> {
    const { request } = context;
    if (request.getVal('diff') !== null) {
      await showDiff(context);
      return;
    }
    await this.showPage(context, context.getTitle(), null, '');
  }

  private async showPage(context: RequestContext, title: Title, redirectedFrom: Title | null, redirectFragment: string): Promise<void> {
    const { services, request, output } = context;
    const oldId = request.getInt('oldid', 0);
    const page = await services.pageStore.getPage({ namespace: title.getNamespace(), dbKey: title.getDBkey() });
    output.setPageTitleHtml(html`${title.getPrefixedText()}`, title.getPrefixedText());

    let revision: RevisionRecord | null;
    if (oldId > 0) {
      revision = await services.revisionStore.getRevisionById(oldId);
      if (!revision || (page && revision.pageId !== page.id)) {
        output.statusCode = 404;
        output.setRobotPolicy('noindex,nofollow');
        output.addHtml(html`<div class="errorbox">${rawHtml(context.msg('missing-revision', String(oldId)).parse())}</div>`);
        return;
      }
    } else {
      revision = page ? await services.revisionStore.getRevisionById(page.latest) : null;
    }

    if (!page || !revision) {
      await this.showMissing(context, title);
      // A category with members but no page still lists them, with status 200 (WikiCategoryPage::hasViewableContent).
      if (title.getNamespace() === NS_CATEGORY && oldId === 0 && (await CategoryViewer.hasMembers(context, title))) {
        output.statusCode = 200;
        await this.showCategoryMembers(context, title);
      }
      return;
    }

    const shown = revision;
    let loadedText: string | null = null;
    const loadText = async (): Promise<string> => (loadedText ??= await services.revisionStore.getText(shown));
    const isCurrent = revision.id === page.latest;
    const model = defaultContentModel(title);

    // Redirects: follow one level on plain views only (not oldid, not redirect=no).
    // The current revision's redirect status is kept on the page row, so a
    // cached view of an ordinary page never loads its text.
    const mayRedirect = model === 'wikitext' && (!isCurrent || page.isRedirect);
    const redirectTarget = mayRedirect ? getRedirectTargetText(await loadText()) : null;
    if (redirectTarget !== null && isCurrent && oldId === 0 && request.getVal('redirect') !== 'no' && redirectedFrom === null) {
      const target = services.titleFactory.newFromText(redirectTarget);
      if (target && !target.isSpecialPage() && target.canExist() && !target.isSameAs(title)) {
        const targetPage = await services.pageStore.getPage({ namespace: target.getNamespace(), dbKey: target.getDBkey() });
        if (targetPage) {
          context.title = target;
          await this.showPage(context, services.titleFactory.makeTitle(target.getNamespace(), target.getDBkey()), title, target.getFragment());
          return;
        }
      }
    }

    output.isArticle = true;
    output.revisionId = revision.id;
    output.lastModified = revision.timestamp;
    if (isCurrent) output.canonicalUrl = services.titleFactory.makeTitle(title.getNamespace(), title.getDBkey()).getFullURL();
    else output.setRobotPolicy('noindex,nofollow');

    if (redirectedFrom) {
      const fromLink = html`<a href="${redirectedFrom.getLocalURL({ redirect: 'no' })}" class="mw-redirect" title="${redirectedFrom.getPrefixedText()}">${redirectedFrom.getPrefixedText()}</a>`;
      output.addSubtitle(html`<span class="mw-redirectedfrom">${rawHtml(context.msg('redirectedfrom').rawParams(fromLink).parse())}</span>`);
      // MediaWiki scrolls to the redirect's section (client side); the class marks it.
      if (redirectFragment) output.bodyClasses.push('mw-redirect-to-fragment');
    }
    if (!isCurrent) await this.addRevisionNavigation(context, title, revision, page.latest);

    if (model !== 'wikitext') {
      output.addHtml(html`<pre class="mw-code mw-${model}" dir="ltr">${await loadText()}</pre>`);
      return;
    }

    // A redirect that was not followed (redirect=no, old revision, double
    // redirect, missing or special target) shows MediaWiki's redirect notice.
    if (redirectTarget !== null) {
      output.addHtml(this.redirectNotice(context, redirectTarget));
      await this.showCategoryMembers(context, title);
      return;
    }

    const parserOutput = await services.pageRenderer.getParserOutput(title, revision, loadText, { language: context.language });
    const displayTitle = renderDisplayTitle(title, parserOutput.displayTitle, services.titleFactory);
    output.setPageTitleHtml(displayTitle.html, displayTitle.text);
    output.addParserOutputHtml(`<div class="mw-parser-output">${parserOutput.html}</div>`);
    await this.showCategoryMembers(context, title);
    // Hidden categories only where MediaWiki shows them by default: on category pages.
    output.categories = await categoryBoxItems(services, parserOutput.categories, title.getNamespace() === NS_CATEGORY);
  }

  /** CategoryPage::closeShowCategory(): the member list after a category page's text. */
  private async showCategoryMembers(context: RequestContext, title: Title): Promise<void> {
    if (title.getNamespace() !== NS_CATEGORY) return;
    const viewer = new CategoryViewer(context, title, categoryPagingFromRequest(context));
    context.output.addHtml(await viewer.getHtml());
  }

  private redirectNotice(context: RequestContext, targetText: string) {
    const target = context.services.titleFactory.newFromText(targetText);
    const link = target ? html`<a href="${target.getLinkURL()}" title="${target.getPrefixedText()}">${target.getFullText()}</a>` : html`${targetText}`;
    return html`<div class="redirectMsg"><p>${context.msg('redirectto').text()}</p><ul class="redirectText"><li>${link}</li></ul></div>`;
  }

  /** "Revision as of …" with older/newer navigation (Article::setOldSubtitle). */
  private async addRevisionNavigation(context: RequestContext, title: Title, revision: RevisionRecord, latestId: number): Promise<void> {
    const { services, output } = context;
    const prev = await services.revisionStore.getPreviousRevision(revision);
    const next = await services.revisionStore.getNextRevision(revision);
    const when = formatUserTimestamp(revision.timestamp, context.language);
    const permalink = html`<a href="${title.getLocalURL({ oldid: revision.id })}">${when}</a>`;
    const parts = [];
    parts.push(prev ? html`<a href="${title.getLocalURL({ diff: 'prev', oldid: revision.id })}">${context.msg('diff').text()}</a>` : context.msg('diff').text());
    parts.push(prev ? html` ← <a href="${title.getLocalURL({ oldid: prev.id })}">${context.msg('previousrevision').text()}</a>` : html` ← ${context.msg('previousrevision').text()}`);
    parts.push(html` | <a href="${title.getLocalURL()}">${context.msg('currentrevisionlink').text()}</a>`);
    if (next) {
      parts.push(html` (<a href="${title.getLocalURL({ diff: 'next', oldid: revision.id })}">${context.msg('diff').text()}</a>)`);
      parts.push(html` | <a href="${title.getLocalURL({ oldid: next.id })}">${context.msg('nextrevision').text()}</a> →`);
    }
    output.addSubtitle(
      html`<div id="mw-revision-info" class="mw-revision">${rawHtml(context.msg('revision-info').rawParams(permalink).params(revision.actorName).parse())}</div><div id="mw-revision-nav">${parts}</div>`,
    );
    if (revision.id !== latestId) {
      output.addHtml(html`<div class="mw-message-box-warning warningbox mw-revision-warning">${rawHtml(context.msg('editingold').parse())}</div>`);
    }
  }

  /** Article::showMissingArticle: "There is currently no text in this page", or a MediaWiki: default. */
  private async showMissing(context: RequestContext, title: Title): Promise<void> {
    const { services, output } = context;
    output.statusCode = 404;
    output.setRobotPolicy('noindex,nofollow');
    if (title.getNamespace() === NS_MEDIAWIKI) {
      const key = MessageOverrides.normalizeKey(title.getDBkey().replace(/\/[a-z-]+$/, ''));
      const lang = /\/([a-z-]+)$/.exec(title.getDBkey())?.[1] ?? services.settings.languageCode;
      const builtin = services.messages.store.get(lang, key) ?? services.messages.store.get('en', key);
      if (builtin !== undefined) {
        output.statusCode = 200;
        output.addHtml(html`<div class="mw-message-default"><pre>${builtin}</pre></div>`);
        return;
      }
    }
    // Article::showMissingArticle: the deletion, move and protection log first, when there is any.
    output.addHtml(await deletionLogNotice(context, title, 'moveddeleted-notice'));
    const canCreate = await services.permissionManager.userCan('create', context.user, title);
    const key = canCreate ? 'noarticletext' : 'noarticletext-nopermission';
    output.addHtml(
      html`<div class="noarticletext mw-content-ltr">${rawHtml(
        context.msg(key, title.getPrefixedText(), title.getFullURL({ action: 'edit' }), `Special:PrefixIndex/${title.getPrefixedText()}`).parseAsBlock(),
      )}</div>`,
    );
  }
}
