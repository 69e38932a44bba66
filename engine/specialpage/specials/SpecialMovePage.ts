/**
 * Special:MovePage/<page> (MediaWiki's SpecialMovePage): the move form and
 * its submission through the MovePage service.
 *
 * - Unlisted; needs `move`, then `move` on the page itself (namespace
 *   protection, page protection, user root pages, files, categories):
 *   otherwise MediaWiki's permission error (HTTP 403). No page named, or a
 *   page that does not exist: `notargettitle` / `nopagetitle`.
 * - Fields as MediaWiki's: hidden `wpOldTitle`, `wpNewTitleNs` +
 *   `wpNewTitleMain`, `wpReason`, `wpMovetalk` (when the talk page exists),
 *   `wpLeaveRedirect` (only offered with `suppressredirect`; everyone else
 *   always leaves a redirect), `wpMovesubpages` (with `move-subpages`, when
 *   there are subpages), `wpEditToken`; the page's move log below.
 * - A bad token, an invalid target, an existing one or a refused permission
 *   shows the form again with MediaWiki's message and the entered values;
 *   nothing moves. Success is `pagemovedsub` / `movepage-moved` with the
 *   redirect note, then one line per talk page or subpage moved along.
 */
import type { RequestContext } from '../../context/RequestContext';
import { ErrorPageError, PermissionDeniedError } from '../../errors/ErrorPageError';
import { html, rawHtml, type SafeHtml } from '../../html/Html';
import { MAXIMUM_MOVED_PAGES, type ExtraMoveResult, type MoveOptions } from '../../page/MovePage';
import type { PermissionError } from '../../permissions/PermissionManager';
import { permissionErrorMessage } from '../../permissions/PermissionErrorFormatter';
import type { Title } from '../../title/Title';
import { SUMMARY_CHARACTER_LIMIT } from '../../actions/EditAction';
import { SpecialPage } from '../SpecialPage';
import { logName } from './SpecialLog';
import { checkbox, namespaceSelector, pageLink, specialPageTitle } from './SpecialPageHtml';
import { logExtract } from './logformatters/LogExtract';

interface MoveFormState {
  namespace: number;
  main: string;
  reason: string;
  moveTalk: boolean;
  leaveRedirect: boolean;
  moveSubpages: boolean;
}

export class SpecialMovePage extends SpecialPage {
  override readonly listed = false;

  constructor() {
    super('MovePage', 'move');
  }

  override checkPermissions(context: RequestContext): void {
    if (!this.userCanExecute(context)) throw new PermissionDeniedError([context.services.permissionManager.missingRightError('move')], 'move');
  }

  async execute(context: RequestContext, subPage: string | null): Promise<void> {
    const { services, request, output } = context;
    const target = request.getVal('wpOldTitle') ?? subPage ?? request.getVal('target');
    const oldTitle = target === null || target === '' ? null : services.titleFactory.newFromText(target);
    if (!oldTitle || !oldTitle.canExist()) throw new ErrorPageError('notargettitle', 'notargettext');
    if (!(await services.pageStore.getPage({ namespace: oldTitle.getNamespace(), dbKey: oldTitle.getDBkey() }))) throw new ErrorPageError('nopagetitle', 'nopagetext', [], 404);
    const errors = await services.permissionManager.getPermissionErrors('move', context.user, oldTitle);
    if (errors.length > 0) throw new PermissionDeniedError(errors, 'move');

    const heading = context.msg('move-page', oldTitle.getPrefixedText()).text();
    output.setPageTitleHtml(html`${heading}`, heading);
    const posted = request.wasPosted();
    // `wpNewTitle` (a whole title, as the move log's "revert" link gives) prefills both fields.
    const prefill = services.titleFactory.newFromText(request.getVal('wpNewTitle')) ?? oldTitle;
    const state: MoveFormState = {
      namespace: request.getVal('wpNewTitleNs') !== null ? request.getInt('wpNewTitleNs', prefill.getNamespace()) : prefill.getNamespace(),
      main: request.getVal('wpNewTitleMain') ?? prefill.getText(),
      reason: request.getVal('wpReason') ?? '',
      moveTalk: posted ? request.getCheck('wpMovetalk') : true,
      leaveRedirect: posted ? request.getCheck('wpLeaveRedirect') : true,
      moveSubpages: posted && request.getCheck('wpMovesubpages'),
    };
    if (!posted) {
      await this.showForm(context, oldTitle, state, []);
      return;
    }
    if (!context.csrf.matchToken(request.getVal('wpEditToken'))) {
      await this.showForm(context, oldTitle, state, [{ key: 'sessionfailure', params: [] }]);
      return;
    }
    await this.submit(context, oldTitle, state);
  }

  /** SpecialMovePage::doSubmit(). */
  private async submit(context: RequestContext, oldTitle: Title, state: MoveFormState): Promise<void> {
    const { services, user } = context;
    const movePage = services.pageManagement.movePage;
    const pm = services.permissionManager;
    const newTitle = movePage.targetTitle(state.namespace, state.main);
    if (!('getDBkey' in newTitle)) {
      await this.showForm(context, oldTitle, state, [newTitle]);
      return;
    }
    const options: MoveOptions = {
      reason: [...state.reason].slice(0, SUMMARY_CHARACTER_LIMIT).join(''),
      // Only `suppressredirect` may choose; for everyone else a redirect is always left.
      createRedirect: pm.userHasRight(user, 'suppressredirect') ? state.leaveRedirect : true,
      ip: context.ip,
    };
    const status = await movePage.moveIfAllowed(oldTitle, newTitle, user, options);
    if (!status.ok) {
      await this.showForm(context, oldTitle, state, status.errors);
      return;
    }

    const extra: ExtraMoveResult[] = [];
    const talkAlong = state.moveTalk && !oldTitle.isTalkPage() && oldTitle.canHaveTalkPage() && newTitle.canHaveTalkPage();
    if (talkAlong) {
      const oldTalk = oldTitle.getTalkPage();
      if (await services.pageStore.getPage({ namespace: oldTalk.getNamespace(), dbKey: oldTalk.getDBkey() })) {
        const newTalk = newTitle.getTalkPage();
        extra.push({ oldTitle: oldTalk, newTitle: newTalk, status: await movePage.moveIfAllowed(oldTalk, newTalk, user, options) });
      }
    }
    if (state.moveSubpages) {
      extra.push(...(await movePage.moveSubpagesIfAllowed(oldTitle, newTitle, user, options)));
      if (talkAlong) extra.push(...(await movePage.moveSubpagesIfAllowed(oldTitle.getTalkPage(), newTitle.getTalkPage(), user, options)));
    }
    await this.showSuccess(context, oldTitle, newTitle, status.redirectId !== 0, extra);
  }

  private async showSuccess(context: RequestContext, oldTitle: Title, newTitle: Title, redirected: boolean, extra: readonly ExtraMoveResult[]): Promise<void> {
    const { output, services } = context;
    const heading = context.msg('pagemovedsub').text();
    output.setPageTitleHtml(html`${heading}`, heading);
    const existing = await services.pageStore.existingTitles([oldTitle, newTitle, ...extra.flatMap((e) => [e.oldTitle, e.newTitle])]);
    const exists = (t: Title) => existing.has(`${t.getNamespace()}:${t.getDBkey()}`);
    const oldLink = redirected
      ? html`<a href="${oldTitle.getLocalURL({ redirect: 'no' })}" id="movepage-oldlink" class="mw-redirect" title="${oldTitle.getPrefixedText()}">${oldTitle.getPrefixedText()}</a>`
      : pageLink(context, oldTitle, false);
    const newLink = html`<a href="${newTitle.getLinkURL()}" id="movepage-newlink" title="${newTitle.getPrefixedText()}">${newTitle.getPrefixedText()}</a>`;
    output.addHtml(
      // parse(), not parseAsBlock(): the block formatter escapes raw parameters such as these links.
      html`<div class="mw-movepage-moved"><p>${rawHtml(context.msg('movepage-moved', { raw: oldLink.value }, { raw: newLink.value }, oldTitle.getPrefixedText(), newTitle.getPrefixedText()).parse())}</p></div>`,
    );
    output.addHtml(html`<div class="mw-movepage-redirect">${rawHtml(context.msg(redirected ? 'movepage-moved-redirect' : 'movepage-moved-noredirect').parseAsBlock())}</div>`);
    if (extra.length === 0) return;
    const items = extra.map((e) => {
      const from = { raw: pageLink(context, e.oldTitle, exists(e.oldTitle)).value };
      const to = { raw: pageLink(context, e.newTitle, exists(e.newTitle)).value };
      if (e.status.ok) return html`<li>${rawHtml(context.msg('movepage-page-moved', from, to).parse())}</li>`;
      if (e.status.errors.some((err) => err.key === 'articleexists')) return html`<li>${rawHtml(context.msg('movepage-page-exists', to).parse())}</li>`;
      return html`<li>${rawHtml(context.msg('movepage-page-unmoved', from, to).parse())}</li>`;
    });
    output.addHtml(html`<ul class="mw-movepage-extra">${items}</ul>`);
  }

  /** SpecialMovePage::showForm(): errors first (one message, or a list), then the form and the move log. */
  private async showForm(context: RequestContext, oldTitle: Title, state: MoveFormState, errors: readonly PermissionError[]): Promise<void> {
    const { output, services, user } = context;
    const pm = services.permissionManager;
    if (errors.length === 1) {
      output.addHtml(html`<div class="errorbox mw-message-box-error">${rawHtml(permissionErrorMessage(context, errors[0]).parseAsBlock())}</div>`);
    } else if (errors.length > 1) {
      output.addHtml(html`<div class="errorbox mw-message-box-error"><ul>${errors.map((e) => html`<li>${rawHtml(permissionErrorMessage(context, e).parse())}</li>`)}</ul></div>`);
    }
    const oldTalk = oldTitle.canHaveTalkPage() && !oldTitle.isTalkPage() ? oldTitle.getTalkPage() : null;
    const talkExists = oldTalk !== null && (await services.pageStore.getPage({ namespace: oldTalk.getNamespace(), dbKey: oldTalk.getDBkey() })) !== null;
    output.addHtml(html`<div class="mw-movepage-text">${rawHtml(context.msg('movepagetext-noredirectfixer').parseAsBlock())}</div>`);
    if (talkExists) output.addHtml(html`<div class="mw-movepagetalktext">${rawHtml(context.msg('movepagetalktext').parseAsBlock())}</div>`);

    const rows: SafeHtml[] = [];
    rows.push(html`<div class="mw-movepage-oldtitle">${context.msg('movearticle').text()} ${pageLink(context, oldTitle, true)}</div>`);
    rows.push(
      html`<div class="mw-movepage-newtitle"><label for="wpNewTitleMain">${context.msg('newtitle').text()}</label> ${namespaceSelector(context, state.namespace, { id: 'wpNewTitleNs', name: 'wpNewTitleNs' })} <input type="text" name="wpNewTitleMain" id="wpNewTitleMain" size="60" maxlength="255" value="${state.main}"></div>`,
    );
    rows.push(html`<div class="mw-movepage-reason"><label for="wpReason">${context.msg('movereason').text()}</label> <input type="text" name="wpReason" id="wpReason" size="60" maxlength="${SUMMARY_CHARACTER_LIMIT}" value="${state.reason}"></div>`);
    if (talkExists) rows.push(html`<div>${checkbox('wpMovetalk', 'wpMovetalk', state.moveTalk, context.msg('movetalk').text())}</div>`);
    if (pm.userHasRight(user, 'suppressredirect')) rows.push(html`<div>${checkbox('wpLeaveRedirect', 'wpLeaveRedirect', state.leaveRedirect, context.msg('move-leave-redirect').text())}</div>`);
    if (pm.userHasRight(user, 'move-subpages') && services.namespaceInfo.hasSubpages(oldTitle.getNamespace())) {
      const own = await this.hasSubpages(context, oldTitle);
      const talk = oldTalk !== null && services.namespaceInfo.hasSubpages(oldTalk.getNamespace()) && (await this.hasSubpages(context, oldTalk));
      if (own || talk) {
        const label = context.msg(own ? 'move-subpages' : 'move-talk-subpages', { num: MAXIMUM_MOVED_PAGES }).text();
        rows.push(html`<div>${checkbox('wpMovesubpages', 'wpMovesubpages', state.moveSubpages, label)}</div>`);
      }
    }
    const action = specialPageTitle(context, 'MovePage').getLocalURL();
    output.addHtml(html`<form method="post" action="${action}" id="movepage" class="mw-htmlform">
<fieldset><legend>${context.msg('move-page-legend').text()}</legend>
<input type="hidden" name="wpOldTitle" value="${oldTitle.getPrefixedText()}">
${rows}
<div class="mw-htmlform-submit-buttons"><input type="submit" name="wpMove" id="wpMove" value="${context.msg('movepagebtn').text()}"></div>
</fieldset>
<input type="hidden" name="wpEditToken" value="${context.csrf.getToken()}">
</form>\n`);
    output.addHtml(html`<h2>${logName(context, 'move')}</h2>`);
    output.addHtml(await logExtract(context, 'move', oldTitle));
  }

  private async hasSubpages(context: RequestContext, title: Title): Promise<boolean> {
    const row = await context.services.db('page')
      .where('page_namespace', title.getNamespace())
      .andWhereRaw("page_title LIKE ? ESCAPE '\\'", [`${title.getDBkey().replace(/[\\%_]/g, (c) => `\\${c}`)}/%`])
      .first('page_id');
    return row !== undefined;
  }
}
