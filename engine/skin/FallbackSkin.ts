/**
 * The engine's plain default skin (MediaWiki's SkinFallback): valid,
 * accessible HTML5 with MediaWiki's standard ids (#content, #firstHeading,
 * #bodyContent, #mw-content-text, #catlinks, #p-personal, #p-views…), a
 * skip link, landmarks and labelled navigation.
 */
import { attributes, html, joinHtml, rawHtml, SafeHtml } from '../html/Html';
import { headElement } from './HeadElement';
import type { NavLink, Skin, SkinData } from './Skin';

function link(item: NavLink): SafeHtml {
  return html`<li id="${item.id}"${attributes({ class: item.classes?.length ? item.classes.join(' ') : undefined })}><a${attributes({
    href: item.href,
    title: item.title,
    accesskey: item.accesskey,
    rel: item.rel,
    class: item.classes?.includes('new') ? 'new' : undefined,
    'aria-current': item.classes?.includes('selected') ? 'page' : undefined,
  })}>${item.text}</a></li>`;
}

function menu(id: string, label: string, items: NavLink[]): SafeHtml {
  if (items.length === 0) return html``;
  return html`<nav id="${id}" class="mw-portlet" aria-labelledby="${id}-label"><h3 id="${id}-label">${label}</h3><ul>${items.map(link)}</ul></nav>`;
}

export class FallbackSkin implements Skin {
  readonly name = 'fallback';
  readonly styles: readonly string[];
  readonly scripts: readonly string[] = [];

  constructor(resourcePath: string) {
    this.styles = [`${resourcePath}/fallback.css`];
  }

  render(d: SkinData): string {
    const sidebar = d.sidebar.map((section) => menu(`p-${section.id}`, section.heading, section.links));
    const doc = html`${headElement(d, { viewport: 'width=device-width, initial-scale=1' })}
<body class="${d.bodyClasses.join(' ')}">
<a class="mw-jump-link" href="#content">${d.msg('skin-jump-to-content').text()}</a>
<header id="mw-header" class="mw-header">
<a id="p-logo" class="mw-logo" href="${d.mainPageHref}" title="${d.msg('tooltip-p-logo').text()}"><img src="${d.logoUrl}" alt="" width="32" height="32"> <span class="mw-logo-wordmark">${d.siteName}</span></a>
<form id="searchform" role="search" action="${d.searchUrl}" method="get"><label for="searchInput" class="mw-sr-only">${d.msg('search').text()}</label><input type="search" id="searchInput" name="search" value="${d.searchQuery}" placeholder="${d.msg('searchsuggest-search').text()}" accesskey="f"> <button type="submit" name="go" value="Go">${d.msg('searcharticle').text()}</button></form>
${menu('p-personal', d.msg('personaltools').text(), d.personal)}
</header>
<div id="mw-page-base">
<main id="content" class="mw-body" role="main">
${rawHtml(d.siteNoticeHtml ? `<div id="siteNotice">${d.siteNoticeHtml}</div>` : '')}
<div id="p-cactions-wrapper" class="mw-page-tools">${menu('p-namespaces', d.msg('namespaces').text(), d.namespaces)}${menu('p-views', d.msg('views').text(), d.views)}${menu('p-cactions', d.msg('actions').text(), d.actions)}</div>
<h1 id="firstHeading" class="firstHeading mw-first-heading">${rawHtml(d.displayTitleHtml)}</h1>
<div id="bodyContent" class="vector-body">
<div id="siteSub">${d.msg('tagline').text()}</div>
<div id="contentSub">${rawHtml(d.subtitleHtml)}</div>
<div id="mw-content-text" class="mw-body-content mw-content-${d.contentDir}" lang="${d.contentLanguage}" dir="${d.contentDir}">${rawHtml(d.contentHtml)}</div>
${rawHtml(d.catlinksHtml)}
</div>
</main>
<nav id="mw-panel" aria-label="${d.msg('navigation-heading').text()}">${sidebar}</nav>
</div>
<footer id="footer" class="mw-footer">
<ul id="footer-info">${d.footerInfo.map((info) => html`<li>${rawHtml(info)}</li>`)}</ul>
<ul id="footer-places">${joinHtml(d.footerLinks.map(link))}</ul>
</footer>
${d.scripts.map((src) => html`<script src="${src}" defer></script>`)}
</body>
</html>
`;
    return doc.value;
  }
}
