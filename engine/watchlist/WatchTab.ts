/**
 * The watch/unwatch link of the page tabs (SkinTemplate's `ca-watch` /
 * `ca-unwatch`, class mw-watchlink, access key w): offered to logged-in
 * users with `editmywatchlist` on pages that can be watched, pointing at
 * action=watch / action=unwatch. For the skin data builder to place in the
 * page actions (Vector shows it as the star among the views).
 */
import type { RequestContext } from '../context/RequestContext';
import type { NavLink } from '../skin/Skin';
import type { Title } from '../title/Title';
import { isRegistered } from '../user/UserIdentity';

export async function watchTab(context: RequestContext, title: Title): Promise<NavLink | null> {
  const { services, user } = context;
  const store = services.watchlist.watchedItemStore;
  if (!isRegistered(user) || !store.isWatchable(title) || !services.permissionManager.userHasRight(user, 'editmywatchlist')) return null;
  const mode = (await store.isWatched(user.id, title)) ? 'unwatch' : 'watch';
  const selected = context.action === mode ? ['selected'] : [];
  return {
    id: `ca-${mode}`,
    text: context.msg(mode).text(),
    href: title.getLocalURL({ action: mode }),
    title: context.msg(`tooltip-ca-${mode}`).text(),
    accesskey: 'w',
    classes: ['mw-watchlink', ...selected],
  };
}
