/**
 * action=edit / action=submit (MediaWiki's EditPage): the edit form, preview,
 * "show changes", section editing (`section=N`, `section=new`), undo
 * (`undo=`/`undoafter=`), saving with conflict detection and automatic
 * three-way merge, and MediaWiki's edit-conflict screen. A refused save
 * (bad token, no rights, conflict, too big) always shows the submitted text
 * again so nothing is lost.
 */
import type { RequestContext } from '../context/RequestContext';
import { renderDiffTable } from '../diff/DifferenceEngine';
import { appendNewSection, getSection, getSectionHeading, replaceSection } from '../edit/SectionEditor';
import { computeUndo } from '../edit/TextMerge';
import { ErrorPageError } from '../errors/ErrorPageError';
import { attributes, html, rawHtml, SafeHtml } from '../html/Html';
import type { PermissionError } from '../permissions/PermissionManager';
import { permissionErrorMessage } from '../permissions/PermissionErrorFormatter';
import type { PageRecord } from '../storage/PageRecord';
import type { RevisionRecord } from '../storage/RevisionRecord';
import type { Title } from '../title/Title';
import { isRegistered } from '../user/UserIdentity';
import { toMwTimestamp } from '../util/Timestamp';
import { deletionLogNotice } from '../page/DeletionLogNotice';
import type { PageAction } from './Action';

/** MediaWiki's CommentStore::COMMENT_CHARACTER_LIMIT. */
export const SUMMARY_CHARACTER_LIMIT = 500;

interface EditState {
  title: Title;
  page: PageRecord | null;
  latest: RevisionRecord | null;
  /** The revision the form is based on (0 for a new page). */
  baseRevId: number;
  text: string;
  summary: string;
  minor: boolean;
  section: string;
  /** "Watch this page" (wpWatchthis); only used for users who may edit their watchlist. */
  watch: boolean;
}

export class EditAction implements PageAction {
  readonly name = 'edit';

  async show(context: RequestContext): Promise<void> {
    const { services, request } = context;
    const title = context.getTitle();
    const page = await services.pageStore.getPage({ namespace: title.getNamespace(), dbKey: title.getDBkey() });
    const latest = page ? await services.revisionStore.getRevisionById(page.latest) : null;
    const section = request.getVal('wpSection') ?? request.getVal('section') ?? '';
    const badSection = section !== '' && section !== 'new' && !/^\d+$/.test(section);
    const errors = await services.permissionManager.getPermissionErrors(page ? 'edit' : 'create', context.user, title);
    const posted = request.wasPosted() && (request.getCheck('wpTextbox1') || request.getCheck('wpSave'));
    if (badSection && !posted) throw new ErrorPageError('sectioneditnotsupported-title', 'nosuchsectiontext', [section], 400);

    if (!posted) {
      const state = await this.initialState(context, title, page, latest, section);
      if (errors.length > 0) {
        this.showReadOnly(context, state, errors);
        return;
      }
      if (request.getVal('undo') !== null) await this.addUndoPreview(context, state);
      // EditPage::showIntro: recreating a page that was deleted or moved away shows its logs.
      if (!page) context.output.addHtml(await deletionLogNotice(context, title, 'recreate-moveddeleted-warn'));
      this.showForm(context, state);
      return;
    }

    const state: EditState = {
      title,
      page,
      latest,
      baseRevId: request.getInt('editRevId', latest?.id ?? 0),
      text: request.getText('wpTextbox1'),
      // The limit counts characters (code points), as MediaWiki's CommentStore does.
      summary: [...request.getVal('wpSummary', '')].slice(0, SUMMARY_CHARACTER_LIMIT).join(''),
      minor: request.getCheck('wpMinoredit') && services.permissionManager.userHasRight(context.user, 'minoredit'),
      section,
      watch: request.getCheck('wpWatchthis'),
    };

    if (errors.length > 0) {
      this.showReadOnly(context, state, errors);
      return;
    }
    if (badSection) {
      // Nothing to merge the text into: keep it on screen next to the current page.
      context.output.statusCode = 400;
      context.output.addHtml(html`<div class="errorbox">${rawHtml(context.msg('nosuchsectiontext', section).parse())}</div>`);
      const latestText = latest ? await services.revisionStore.getText(latest) : '';
      this.showForm(context, { ...state, text: latestText, section: '', baseRevId: latest?.id ?? 0 });
      context.output.addHtml(this.yourTextBox(context, state.text));
      return;
    }
    if (!context.csrf.matchToken(request.getVal('wpEditToken'))) {
      // MediaWiki's "session hijacking protection": nothing saved, text kept.
      context.output.addHtml(html`<div class="errorbox mw-message-box-error" id="mw-edit-session-fail">${rawHtml(context.msg('session_fail_preview').parseAsBlock())}</div>`);
      this.showForm(context, state);
      return;
    }
    if (request.getCheck('wpPreview')) {
      await this.showPreview(context, state);
      return;
    }
    if (request.getCheck('wpDiff')) {
      await this.showChanges(context, state);
      return;
    }
    await this.save(context, state);
  }

  private async initialState(context: RequestContext, title: Title, page: PageRecord | null, latest: RevisionRecord | null, section: string): Promise<EditState> {
    const { services, request } = context;
    let fullText = '';
    let base = latest;
    const oldId = request.getInt('oldid', 0);
    if (oldId > 0 && page) {
      const old = await services.revisionStore.getRevisionById(oldId);
      if (old && old.pageId === page.id) base = old;
    }
    if (base) fullText = await services.revisionStore.getText(base);
    let text = fullText;
    if (section === 'new') {
      text = '';
    } else if (section !== '') {
      const sectionText = getSection(text, Number(section));
      if (sectionText === null) throw new ErrorPageError('nosuchsectiontitle', 'nosuchsectiontext', [section], 404);
      text = sectionText;
    }
    let summary = request.getVal('summary', '');
    if (section !== '' && section !== 'new' && summary === '') {
      const heading = getSectionHeading(fullText, Number(section));
      if (heading) summary = `/* ${heading} */ `;
    }
    if (section === 'new') summary = request.getVal('preloadtitle', '');
    return { title, page, latest, baseRevId: latest?.id ?? 0, text, summary, minor: false, section, watch: await this.defaultWatch(context, title, page) };
  }

  /** Logged-in users with `editmywatchlist` get the "Watch this page" checkbox (EditPage's wpWatchthis). */
  private canWatch(context: RequestContext): boolean {
    return isRegistered(context.user) && context.services.permissionManager.userHasRight(context.user, 'editmywatchlist');
  }

  /** EditPage: checked when the `watchdefault` preference is on, for a new page with `watchcreations`, or when already watched. */
  private async defaultWatch(context: RequestContext, title: Title, page: PageRecord | null): Promise<boolean> {
    if (!this.canWatch(context)) return false;
    if (context.userOptions.watchdefault === true) return true;
    if (context.userOptions.watchcreations === true && !page) return true;
    return context.services.watchlist.watchedItemStore.isWatched(context.user.id, title);
  }

  /** `undo=N&undoafter=M` prepares the reverse change (EditPage with undo). */
  private async addUndoPreview(context: RequestContext, state: EditState): Promise<void> {
    const { services, request, output } = context;
    const undoId = request.getInt('undo', 0);
    const undo = await services.revisionStore.getRevisionById(undoId);
    if (!undo || !state.page || !state.latest || undo.pageId !== state.page.id) {
      output.addHtml(html`<div class="errorbox">${rawHtml(context.msg('undo-norev').parse())}</div>`);
      return;
    }
    const afterId = request.getInt('undoafter', undo.parentId ?? 0);
    const after = afterId > 0 ? await services.revisionStore.getRevisionById(afterId) : null;
    if (!after || after.pageId !== state.page.id || after.id >= undo.id) {
      output.addHtml(html`<div class="errorbox">${rawHtml(context.msg('undo-norev').parse())}</div>`);
      return;
    }
    const current = await services.revisionStore.getText(state.latest);
    const result = computeUndo(current, await services.revisionStore.getText(undo), await services.revisionStore.getText(after));
    if (!result.ok) {
      output.addHtml(html`<div class="errorbox" id="mw-undo-failure">${rawHtml(context.msg('undo-failure').parse())}</div>`);
      return;
    }
    state.text = result.text;
    state.section = '';
    state.summary = context.services.messages.msg('undo-summary', context.services.settings.languageCode, String(undo.id), undo.actorName).text();
    output.addHtml(html`<div class="successbox mw-undo-success">${rawHtml(context.msg('undo-success').parseAsBlock())}</div>`);
    output.addHtml(renderDiffTable(context, current, result.text, { oldLabel: context.msg('currentrev').text(), newLabel: context.msg('yourtext').text() }));
  }

  private async save(context: RequestContext, state: EditState): Promise<void> {
    const { services, output } = context;
    // Pre-save transform (signatures, subst:, pipe trick) applies to what the
    // editor submitted, before it is merged into the page (EditPage → PST).
    const submitted = await services.renderer.preSaveTransform(state.text, { title: state.title, user: context.user });
    let fullText = submitted;
    let summary = state.summary;
    if (state.section === 'new') {
      const heading = summary.trim();
      const baseText = state.latest ? await services.revisionStore.getText(state.latest) : '';
      fullText = appendNewSection(baseText, heading, submitted);
      // The new section's heading doubles as the summary (EditPage::newSectionSummary).
      summary = heading ? context.services.messages.msg('newsectionsummary', services.settings.languageCode, heading).text() : '';
      state.baseRevId = state.latest?.id ?? 0;
    } else if (state.section !== '') {
      const baseRev = state.baseRevId > 0 ? await services.revisionStore.getRevisionById(state.baseRevId) : null;
      const baseText = baseRev ? await services.revisionStore.getText(baseRev) : '';
      const replaced = replaceSection(baseText, Number(state.section), submitted);
      if (replaced === null) {
        output.addHtml(html`<div class="errorbox">${rawHtml(context.msg('nosuchsectiontext', state.section).parse())}</div>`);
        this.showForm(context, state);
        return;
      }
      fullText = replaced;
    }

    const result = await services.pageUpdater.save({
      title: state.title,
      text: fullText,
      user: context.user,
      summary,
      minor: state.minor,
      baseRevId: state.baseRevId,
      ip: context.ip,
      timestamp: toMwTimestamp(),
    });

    switch (result.status) {
      case 'saved':
      case 'nochange': {
        // EditPage::updateWatchlist(): the checkbox watches or unwatches the page (and its talk page).
        if (this.canWatch(context)) await services.watchlist.watchedItemStore.setWatch(state.watch, context.user.id, state.title);
        const anchor = state.section !== '' && state.section !== 'new' ? sectionAnchor(state.text) : '';
        output.redirect(state.title.getLocalURL() + anchor, 303);
        return;
      }
      case 'conflict':
        this.showConflict(context, { ...state, text: fullText, section: '' }, result.latest, result.latestText);
        return;
      case 'toobig':
        output.addHtml(html`<div class="errorbox" id="mw-edit-longpageerror">${rawHtml(context.msg('longpageerror', String(Math.ceil(Buffer.byteLength(fullText) / 1024)), String(result.maxBytes / 1024)).parse())}</div>`);
        this.showForm(context, state);
        return;
      default:
        throw new ErrorPageError('internalerror', 'internalerror-text', [result.status], 500);
    }
  }

  private async showPreview(context: RequestContext, state: EditState): Promise<void> {
    const { services, output } = context;
    // The preview shows the text as it would be saved (EditPage::getPreviewText runs PST).
    const previewText = await services.renderer.preSaveTransform(state.text, { title: state.title, user: context.user });
    const rendered = await services.pageRenderer.renderUnsaved(state.title, state.section === 'new' && state.summary ? `== ${state.summary} ==\n\n${previewText}` : previewText);
    output.addHtml(
      html`<div id="wikiPreview" class="ontop"><div class="previewnote"><h2 id="mw-previewheader">${context.msg('preview').text()}</h2>${rawHtml(context.msg('previewnote').parseAsBlock())}</div><div class="mw-content-ltr mw-parser-output">${rawHtml(rendered.html)}</div></div>`,
    );
    this.showForm(context, state);
  }

  private async showChanges(context: RequestContext, state: EditState): Promise<void> {
    const { services } = context;
    let current = state.latest ? await services.revisionStore.getText(state.latest) : '';
    if (state.section !== '' && state.section !== 'new') current = getSection(current, Number(state.section)) ?? '';
    context.output.addHtml(html`<div id="wikiDiff">${renderDiffTable(context, current, state.text, { oldLabel: context.msg('currentrev').text(), newLabel: context.msg('yourtext').text() })}</div>`);
    this.showForm(context, state);
  }

  /** MediaWiki's edit-conflict screen: current text to edit on top, the diff, and "Your text" below. */
  private showConflict(context: RequestContext, state: EditState, latest: RevisionRecord, latestText: string): void {
    const { output } = context;
    output.statusCode = 409;
    const heading = context.msg('editconflict', state.title.getPrefixedText()).text();
    output.setPageTitleHtml(html`${heading}`, heading);
    output.addHtml(html`<div class="mw-explainconflict">${rawHtml(context.msg('explainconflict', context.msg('savechanges').text()).parseAsBlock())}</div>`);
    this.showForm(context, { ...state, text: latestText, baseRevId: latest.id }, true);
    output.addHtml(html`<h2 id="mw-editconflict-diff">${context.msg('yourdiff').text()}</h2>`);
    output.addHtml(renderDiffTable(context, latestText, state.text, { oldLabel: context.msg('currentrev').text(), newLabel: context.msg('yourtext').text() }));
    output.addHtml(this.yourTextBox(context, state.text));
  }

  /** The submitted text, read-only, below a form that holds another text (MediaWiki's wpTextbox2). */
  private yourTextBox(context: RequestContext, text: string): SafeHtml {
    return html`<h2 id="mw-yourtext">${context.msg('yourtext').text()}</h2><textarea id="wpTextbox2" name="wpTextbox2" rows="20" cols="80" readonly form="editform" aria-labelledby="mw-yourtext">${text}</textarea>`;
  }

  /** "View source": the text, read-only, under MediaWiki's permission errors (HTTP 403). */
  private showReadOnly(context: RequestContext, state: EditState, errors: PermissionError[]): void {
    const { output } = context;
    output.statusCode = 403;
    const heading = context.msg('viewsource-title', state.title.getPrefixedText()).text();
    output.setPageTitleHtml(html`${heading}`, heading);
    output.setRobotPolicy('noindex,nofollow');
    const reasons = errors.map((e) => html`<li>${rawHtml(permissionErrorMessage(context, e).parse())}</li>`);
    output.addHtml(html`<div class="permissions-errors"><p>${context.msg('permissionserrorstext-withaction', errors.length, context.msg(state.page ? 'action-edit' : 'action-createpage').text()).text()}</p><ul>${reasons}</ul></div>`);
    if (state.text !== '') {
      output.addHtml(html`<p>${context.msg('viewsourcetext').text()}</p><textarea id="wpTextbox1" name="wpTextbox1" rows="25" cols="80" readonly aria-label="${context.msg('viewsourcetext').text()}">${state.text}</textarea>`);
    }
  }

  private showForm(context: RequestContext, state: EditState, conflict = false): void {
    const { output, services } = context;
    const title = state.title;
    if (!conflict && output.getPageTitleHtml() === '' ) {
      const key = state.section === 'new' ? 'newsectionheaderdefaultlevel' : state.page ? (state.section !== '' ? 'editingsection' : 'editing') : 'creating';
      const heading = key === 'newsectionheaderdefaultlevel' ? context.msg('editingcomment', title.getPrefixedText()).text() : context.msg(key, title.getPrefixedText()).text();
      output.setPageTitleHtml(html`${heading}`, heading);
    }
    output.setRobotPolicy('noindex,nofollow');
    if (!state.page && !conflict) output.addHtml(html`<div class="mw-newarticletext">${rawHtml(context.msg('newarticletext').parseAsBlock())}</div>`);
    if (state.page && context.request.getInt('oldid', 0) > 0 && state.latest && context.request.getInt('oldid', 0) !== state.latest.id) {
      output.addHtml(html`<div class="warningbox mw-editing-old">${rawHtml(context.msg('editingold').parseAsBlock())}</div>`);
    }
    const canMinor = Boolean(state.page) && services.permissionManager.userHasRight(context.user, 'minoredit');
    const token = context.csrf.getToken();
    const summaryLabel = state.section === 'new' ? 'subject' : 'summary';
    const action = title.getLocalURL({ action: 'submit' });
    const form = html`<form id="editform" name="editform" class="mw-editform" method="post" action="${action}" enctype="application/x-www-form-urlencoded">
<input type="hidden" name="wpSection" value="${state.section}">
<input type="hidden" name="wpStarttime" value="${toMwTimestamp()}">
<input type="hidden" name="wpEdittime" value="${state.latest?.timestamp ?? ''}">
<input type="hidden" name="editRevId" value="${state.baseRevId}">
<textarea id="wpTextbox1" name="wpTextbox1" rows="25" cols="80" aria-label="${context.msg('edit-textarea-label').text()}" accesskey=",">${state.text}</textarea>
<div class="editOptions">
<label for="wpSummary" id="wpSummaryLabel">${context.msg(summaryLabel).text()}</label>
<input type="text" id="wpSummary" name="wpSummary" maxlength="${SUMMARY_CHARACTER_LIMIT}" value="${state.summary}" accesskey="b" spellcheck="true">
<div class="editCheckboxes">${canMinor ? html`<input type="checkbox" id="wpMinoredit" name="wpMinoredit" value="1"${attributes({ checked: state.minor })} accesskey="i"> <label for="wpMinoredit">${context.msg('minoredit').text()}</label>` : ''}${
      this.canWatch(context) ? html` <input type="checkbox" id="wpWatchthis" name="wpWatchthis" value="1"${attributes({ checked: state.watch })} accesskey="w"> <label for="wpWatchthis">${context.msg('watchthis').text()}</label>` : ''
    }</div>
<div class="mw-editTools">${rawHtml(context.msg('edittools-license').parse())}</div>
<div class="editButtons">
<button type="submit" id="wpSave" name="wpSave" value="1" accesskey="s">${context.msg('savechanges').text()}</button>
<button type="submit" id="wpPreview" name="wpPreview" value="1" accesskey="p">${context.msg('showpreview').text()}</button>
<button type="submit" id="wpDiff" name="wpDiff" value="1" accesskey="v">${context.msg('showdiff').text()}</button>
<span class="cancelLink"><a href="${title.getLocalURL()}" id="mw-editform-cancel">${context.msg('cancel').text()}</a></span>
</div>
</div>
<input type="hidden" name="wpEditToken" value="${token}">
</form>`;
    output.addHtml(form as SafeHtml);
  }
}

/** After a section save MediaWiki returns to the section: #Heading_text. */
function sectionAnchor(sectionText: string): string {
  const m = /^(={1,6})\s*(.+?)\s*\1\s*$/m.exec(sectionText);
  return m ? `#${m[2].replace(/ /g, '_')}` : '';
}
