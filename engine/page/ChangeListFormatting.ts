/**
 * Pieces shared by history, recent changes and contributions lists
 * (MediaWiki's Linker::userLink/userToolLinks and ChangesList::showCharacterDifference).
 */
import type { RequestContext } from '../context/RequestContext';
import { html, SafeHtml } from '../html/Html';
import { formatNum } from '../i18n/MessageFormatter';
import { NS_USER, NS_USER_TALK } from '../title/NamespaceInfo';

/** User link plus (talk | contribs), as in every MediaWiki change list. */
export function userLinks(context: RequestContext, name: string, userId: number): SafeHtml {
  const titles = context.services.titleFactory;
  const contribs = titles.newFromText(`Special:Contributions/${name}`);
  const main = userId > 0 ? titles.makeTitleSafe(NS_USER, name) : contribs;
  const talk = titles.makeTitleSafe(NS_USER_TALK, name);
  const cls = userId > 0 ? 'mw-userlink' : 'mw-userlink mw-anonuserlink';
  return html`<a href="${main?.getLocalURL() ?? '#'}" class="${cls}" title="${main?.getPrefixedText() ?? name}"><bdi>${name}</bdi></a> <span class="mw-usertoollinks">(<a href="${talk?.getLocalURL() ?? '#'}" class="mw-usertoollinks-talk">${context.msg('talkpagelinktext').text()}</a>${
    userId > 0 ? html` | <a href="${contribs?.getLocalURL() ?? '#'}" class="mw-usertoollinks-contribs">${context.msg('contribslink').text()}</a>` : ''
  })</span>`;
}

/** "(+12)" in green, "(−3)" in red, "(0)" in grey, bold when large (ChangesList::showCharacterDifference). */
export function formatSizeDelta(context: RequestContext, delta: number): SafeHtml {
  const cls = delta > 0 ? 'mw-plusminus-pos' : delta < 0 ? 'mw-plusminus-neg' : 'mw-plusminus-null';
  const formatted = formatNum(context.language, Math.abs(delta));
  const text = delta > 0 ? `+${formatted}` : delta < 0 ? `−${formatted}` : '0';
  const tag = Math.abs(delta) > 500 ? 'strong' : 'span';
  return html`${tag === 'strong' ? html`<strong dir="ltr" class="${cls} mw-diff-bytes" title="${context.msg('rc-change-size-new', Math.abs(delta)).text()}">(${text})</strong>` : html`<span dir="ltr" class="${cls} mw-diff-bytes">(${text})</span>`}`;
}
