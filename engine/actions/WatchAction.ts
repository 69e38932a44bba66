/**
 * action=watch / action=unwatch (MediaWiki's WatchAction and UnwatchAction,
 * both FormActions): a logged-in user with `editmywatchlist` gets a
 * confirmation form on GET; a POST with a valid token adds the page and its
 * talk page to (or removes them from) the watchlist and says so with
 * `addedwatchtext` / `removedwatchtext` (the `-talk` variants on talk pages).
 *
 * Anonymous visitors get MediaWiki's "not logged in" error
 * (`watchlistanontext`), users without the right the permission error, and
 * a bad token shows the form again under `sessionfailure` with nothing changed.
 */
import type { RequestContext } from '../context/RequestContext';
import { PermissionDeniedError, UserNotLoggedInError } from '../errors/ErrorPageError';
import { html, rawHtml } from '../html/Html';
import { isRegistered } from '../user/UserIdentity';
import type { PageAction } from './Action';

/** Messages of one direction of the action. */
interface WatchMessages {
  legend: string;
  top: string;
  button: string;
  done: string;
  doneTalk: string;
}

const WATCH: WatchMessages = { legend: 'addwatch', top: 'confirm-watch-top', button: 'confirm-watch-button', done: 'addedwatchtext', doneTalk: 'addedwatchtext-talk' };
const UNWATCH: WatchMessages = { legend: 'removewatch', top: 'confirm-unwatch-top', button: 'confirm-unwatch-button', done: 'removedwatchtext', doneTalk: 'removedwatchtext-talk' };

/** Refuses anonymous users and users without `right` the way MediaWiki's watchlist pages do. */
export function requireWatchlistAccess(context: RequestContext, right: 'viewmywatchlist' | 'editmywatchlist'): void {
  if (!isRegistered(context.user)) throw new UserNotLoggedInError('watchlistanontext');
  const permissions = context.services.permissionManager;
  if (!permissions.userHasRight(context.user, right)) throw new PermissionDeniedError([permissions.missingRightError(right)], right);
}

export class WatchAction implements PageAction {
  constructor(readonly name: 'watch' | 'unwatch' = 'watch') {}

  private get messages(): WatchMessages {
    return this.name === 'watch' ? WATCH : UNWATCH;
  }

  async show(context: RequestContext): Promise<void> {
    const { request, output, services } = context;
    const title = context.getTitle();
    requireWatchlistAccess(context, 'editmywatchlist');
    const heading = title.getPrefixedText();
    output.setPageTitleHtml(html`${heading}`, heading);
    output.setRobotPolicy('noindex,nofollow');

    if (request.wasPosted()) {
      if (!context.csrf.matchToken(request.getVal('wpEditToken'))) {
        output.addHtml(html`<div class="errorbox mw-message-box-error">${rawHtml(context.msg('sessionfailure').parseAsBlock())}</div>`);
        this.showForm(context);
        return;
      }
      const store = services.watchlist.watchedItemStore;
      if (this.name === 'watch') await store.watch(context.user.id, [title]);
      else await store.unwatch(context.user.id, [title]);
      const key = title.isTalkPage() ? this.messages.doneTalk : this.messages.done;
      output.addHtml(html`<div class="mw-watch-result">${rawHtml(context.msg(key, title.getPrefixedText()).parseAsBlock())}</div>`);
      const back = html`<a href="${title.getLinkURL()}" title="${title.getPrefixedText()}">${title.getPrefixedText()}</a>`;
      output.addHtml(html`<p id="mw-returnto">${rawHtml(context.msg('returnto').rawParams(back).escaped())}</p>`);
      return;
    }
    this.showForm(context);
  }

  private showForm(context: RequestContext): void {
    const title = context.getTitle();
    const m = this.messages;
    context.output.addHtml(html`<form method="post" action="${title.getLocalURL({ action: this.name })}" class="mw-htmlform" id="mw-${this.name}-form"><fieldset><legend>${context.msg(m.legend).text()}</legend>
<div class="mw-htmlform-header">${rawHtml(context.msg(m.top).parseAsBlock())}</div>
<input type="hidden" name="wpEditToken" value="${context.csrf.getToken()}">
<div class="mw-htmlform-submit-buttons"><button type="submit" class="mw-htmlform-submit">${context.msg(m.button).text()}</button></div>
</fieldset></form>`);
  }
}
