/**
 * The personal links (MediaWiki's SkinTemplate::buildPersonalUrls):
 * anonymous visitors get "Create account" and "Log in" (returning to the
 * current page); logged-in users get their user page, talk page,
 * preferences, watchlist, contributions and "Log out". Links to special
 * pages this wiki doesn't have are left out.
 */
import type { RequestContext } from '../context/RequestContext';
import type { NavLink } from '../skin/Skin';
import { NS_SPECIAL, NS_USER, NS_USER_TALK } from '../title/NamespaceInfo';
import { pageKeyOf } from '../storage/PageStore';

export async function buildPersonalTools(context: RequestContext): Promise<NavLink[]> {
  const { services, user, title } = context;
  const msg = context.msg.bind(context);
  const special = (name: string, query?: Record<string, string>) => services.titleFactory.makeTitle(NS_SPECIAL, name).getLocalURL(query);
  const hasPage = (name: string) => services.specialPageFactory.getPage(name) !== null;
  // Coming back here after logging in or out (not to the login page itself).
  const returnTo: Record<string, string> = {};
  if (title && !(title.isSpecialPage() && /^(UserLogin|UserLogout|CreateAccount)/i.test(title.getText()))) {
    returnTo.returnto = title.getPrefixedDBkey();
    const query = context.koa.querystring;
    if (query && !title.isSpecialPage()) returnTo.returntoquery = query;
  }
  if (user.id === 0) {
    const links: NavLink[] = [];
    if (services.permissionManager.userHasRight(user, 'createaccount')) {
      links.push({ id: 'pt-createaccount', text: msg('pt-createaccount').text(), href: special('CreateAccount', returnTo), title: msg('tooltip-pt-createaccount').text() });
    }
    links.push({ id: 'pt-login', text: msg('pt-login').text(), href: special('UserLogin', returnTo), title: msg('tooltip-pt-login').text(), accesskey: 'o' });
    return links;
  }
  const userPage = services.titleFactory.makeTitle(NS_USER, user.name.replace(/ /g, '_'));
  const talkPage = services.titleFactory.makeTitle(NS_USER_TALK, user.name.replace(/ /g, '_'));
  const existing = await services.pageStore.existingTitles([userPage, talkPage]);
  const links: NavLink[] = [
    { id: 'pt-userpage', text: user.name, href: existing.has(pageKeyOf(userPage)) ? userPage.getLocalURL() : userPage.getLocalURL({ action: 'edit', redlink: 1 }), title: msg('tooltip-pt-userpage').text(), accesskey: '.', classes: existing.has(pageKeyOf(userPage)) ? [] : ['new'] },
    { id: 'pt-mytalk', text: msg('mytalk').text(), href: existing.has(pageKeyOf(talkPage)) ? talkPage.getLocalURL() : talkPage.getLocalURL({ action: 'edit', redlink: 1 }), title: msg('tooltip-pt-mytalk').text(), accesskey: 'n', classes: existing.has(pageKeyOf(talkPage)) ? [] : ['new'] },
  ];
  if (hasPage('Preferences')) links.push({ id: 'pt-preferences', text: msg('mypreferences').text(), href: special('Preferences'), title: msg('tooltip-pt-preferences').text() });
  if (hasPage('Watchlist')) links.push({ id: 'pt-watchlist', text: msg('mywatchlist').text(), href: special('Watchlist'), title: msg('tooltip-pt-watchlist').text(), accesskey: 'l' });
  if (hasPage('Contributions')) links.push({ id: 'pt-mycontris', text: msg('mycontris').text(), href: special(`Contributions/${user.name.replace(/ /g, '_')}`), title: msg('tooltip-pt-mycontris').text(), accesskey: 'y' });
  links.push({ id: 'pt-logout', text: msg('pt-userlogout').text(), href: special('UserLogout', returnTo), title: msg('tooltip-pt-logout').text() });
  return links;
}
