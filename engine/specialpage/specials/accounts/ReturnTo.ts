/**
 * The `returnto` / `returntoquery` pair of the login and account pages
 * (MediaWiki's LoginHelper::showReturnToPage): only a page of this wiki is
 * accepted, so the login form can't be made to send a user to another site
 * (no open redirect). Anything else returns to the main page.
 */
import type { RequestContext } from '../../../context/RequestContext';
import type { Title } from '../../../title/Title';

export interface ReturnTo {
  title: string;
  query: string;
}

export function readReturnTo(context: RequestContext): ReturnTo {
  return { title: context.request.getVal('returnto', '') ?? '', query: context.request.getVal('returntoquery', '') ?? '' };
}

/** The local title to go back to, never a special page that logs in or out again. */
export function returnToTitle(context: RequestContext, returnTo: ReturnTo): Title {
  const { titleFactory } = context.services;
  const title = returnTo.title !== '' ? titleFactory.newFromText(returnTo.title) : null;
  const loop = title?.isSpecialPage() && /^(UserLogin|UserLogout|CreateAccount)(\/|$)/i.test(title.getText().replace(/ /g, ''));
  if (title && !loop && (title.canExist() || title.isSpecialPage())) return title;
  return titleFactory.newFromText(context.msg('mainpage').text()) ?? titleFactory.newFromTextThrow(context.services.settings.mainPage);
}

/** The URL to go back to: the title's local URL plus returntoquery (a query string, never a host). */
export function returnToUrl(context: RequestContext, returnTo: ReturnTo): string {
  const url = returnToTitle(context, returnTo).getLocalURL();
  const query = returnTo.query.replace(/^[?&]+/, '');
  if (query === '' || /[\r\n]/.test(query)) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${query}`;
}
