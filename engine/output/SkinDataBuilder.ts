/**
 * Turns a finished request (RequestContext + OutputPage) into the data a skin
 * renders: navigation tabs by the user's rights, personal links, the sidebar
 * from MediaWiki:Sidebar, footer and categories (MediaWiki's
 * SkinTemplate::buildContentNavigationUrls and friends).
 */
import type { RequestContext } from '../context/RequestContext';
import type { NavLink, SkinData } from '../skin/Skin';
import type { Title } from '../title/Title';
import { pageKeyOf } from '../storage/PageStore';
import { buildPersonalTools } from './PersonalTools';
import { watchTab } from '../watchlist/WatchTab';
import { NS_SPECIAL } from '../title/NamespaceInfo';
import { renderCategoryLinksBox } from '../page/CategoryLinksBox';
import { formatUserDate, formatUserTime } from '../util/Timestamp';
import { undeleteLink } from './UndeleteLink';

/** MediaWiki's tab ids per namespace: ca-nstab-main, ca-nstab-user, … */
const NSTAB_IDS: Record<number, string> = {
  [-1]: 'special', 0: 'main', 2: 'user', 4: 'project', 6: 'image', 8: 'mediawiki', 10: 'template', 12: 'help', 14: 'category',
};

/** RTL interface languages (MediaWiki's $rtl in Messages*.php). */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'ha', 'he', 'khw', 'ks', 'ku-arab', 'mzn', 'pnb', 'ps', 'sd', 'ug', 'ur', 'yi']);

export function languageDirection(language: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

export async function buildSkinData(context: RequestContext): Promise<SkinData> {
  const { services, output, title, user } = context;
  const settings = services.settings;
  const msg = context.msg.bind(context);
  const namespaces: NavLink[] = [];
  const views: NavLink[] = [];
  const actions: NavLink[] = [];
  let undeleteSubtitle = '';

  if (title && title.canExist()) {
    const subject = title.getSubjectPage();
    const talk = title.getTalkPage();
    const existing = await services.pageStore.existingTitles([subject, talk]);
    const exists = (t: Title) => existing.has(pageKeyOf(t));
    const nstab = NSTAB_IDS[subject.getNamespace()] ?? 'main';
    const subjectLabel = msg(`nstab-${nstab}`).text();
    namespaces.push(tab(`ca-nstab-${nstab}`, subjectLabel, subject, exists(subject), !title.isTalkPage(), msg(`tooltip-ca-nstab-${nstab}`).text(), 'c'));
    namespaces.push(tab('ca-talk', msg('talk').text(), talk, exists(talk), title.isTalkPage(), msg('tooltip-ca-talk').text(), 't'));
    const pageExists = exists(title);
    const canEdit = await services.permissionManager.userCan(pageExists ? 'edit' : 'create', user, title);
    views.push({ id: 'ca-view', text: msg('view').text(), href: title.getLocalURL(), classes: context.action === 'view' ? ['selected'] : [] });
    const editKey = !canEdit ? 'viewsource' : pageExists ? 'edit' : 'create';
    views.push({
      id: canEdit ? 'ca-edit' : 'ca-viewsource',
      text: msg(editKey).text(),
      href: title.getLocalURL({ action: 'edit' }),
      title: msg(canEdit ? 'tooltip-ca-edit' : 'tooltip-ca-viewsource').text(),
      accesskey: 'e',
      classes: context.action === 'edit' || context.action === 'submit' ? ['selected'] : [],
    });
    const watch = await watchTab(context, title);
    if (watch) actions.push(watch);
    // SkinTemplate::buildContentNavigationUrls: "Delete" and "Move" for an existing page the user may delete or move.
    // The right is checked first (Authority::probablyCan) so most views — readers without it — skip the full check.
    const mayTry = (right: string) => pageExists && services.permissionManager.userHasRight(user, right);
    if (mayTry('delete') && (await services.permissionManager.userCan('delete', user, title))) {
      actions.push({ id: 'ca-delete', text: msg('delete').text(), href: title.getLocalURL({ action: 'delete' }), title: msg('tooltip-ca-delete').text(), accesskey: 'd', classes: context.action === 'delete' ? ['selected'] : [] });
    }
    if (mayTry('move') && (await services.permissionManager.userCan('move', user, title))) {
      const moveTitle = services.titleFactory.makeTitle(NS_SPECIAL, `MovePage/${title.getPrefixedDBkey()}`);
      actions.push({ id: 'ca-move', text: msg('move').text(), href: moveTitle.getLocalURL(), title: msg('tooltip-ca-move').text(), accesskey: 'm', classes: [] });
    }
    if (!pageExists || context.action === 'history') undeleteSubtitle = await undeleteLink(context, title);
    // SkinTemplate: "Protect" or "Change protection" for users with `protect`.
    if (services.permissionManager.userHasRight(user, 'protect')) {
      const page = pageExists ? await services.pageStore.getPage({ namespace: title.getNamespace(), dbKey: title.getDBkey() }) : null;
      const isProtected = page ? (await services.restrictionStore.getRestrictions(page.id)).length > 0 : (await services.restrictionStore.getCreateProtection(title.getNamespace(), title.getDBkey())) !== null;
      const mode = isProtected ? 'unprotect' : 'protect';
      actions.push({ id: `ca-${mode}`, text: msg(mode).text(), href: title.getLocalURL({ action: mode }), title: msg(`tooltip-ca-${mode}`).text(), accesskey: '=', classes: context.action === mode ? ['selected'] : [] });
    }
    if (pageExists) {
      views.push({ id: 'ca-history', text: msg('history_short').text(), href: title.getLocalURL({ action: 'history' }), title: msg('tooltip-ca-history').text(), accesskey: 'h', classes: context.action === 'history' ? ['selected'] : [] });
      actions.push({ id: 'ca-info', text: msg('pageinfo-toolboxlink').text(), href: title.getLocalURL({ action: 'info' }), classes: context.action === 'info' ? ['selected'] : [] });
    }
  } else if (title && title.isSpecialPage()) {
    namespaces.push({ id: 'ca-nstab-special', text: msg('nstab-special').text(), href: title.getLocalURL(), classes: ['selected'] });
  }

  const skin = context.skin;
  const sidebar = services.sidebarBuilder.build(context.language);
  // The TOOLBOX placeholder gets the page tools (Skin::buildNavUrls): "What links here" for any page that can exist.
  const toolbox = sidebar.find((section) => section.id === 'TOOLBOX');
  if (toolbox && title && title.canExist()) {
    toolbox.heading = msg('toolbox').text();
    toolbox.links.push({
      id: 't-whatlinkshere',
      text: msg('whatlinkshere').text(),
      href: services.titleFactory.makeTitle(NS_SPECIAL, `WhatLinksHere/${title.getPrefixedDBkey()}`).getLocalURL(),
      title: msg('tooltip-t-whatlinkshere').text(),
      accesskey: 'j',
    });
  }
  await services.hooks.run('SkinBuildSidebar', skin, sidebar);

  const mainPage = services.titleFactory.newFromText(msg('mainpage').text()) ?? services.titleFactory.newFromText(settings.mainPage)!;
  const isMainPage = Boolean(title && title.isSameAs(mainPage));
  const searchTitle = services.titleFactory.newFromText('Special:Search')!;
  const footerInfo: string[] = [];
  if (output.lastModified && output.isArticle) {
    footerInfo.push(msg('lastmodifiedat', formatUserDate(output.lastModified, context.language), formatUserTime(output.lastModified, context.language)).escaped());
  }
  const footerLinks: NavLink[] = [];
  for (const [id, textKey, pageKey] of [
    ['footer-places-privacy', 'privacy', 'privacypage'],
    ['footer-places-about', 'aboutsite', 'aboutpage'],
    ['footer-places-disclaimers', 'disclaimers', 'disclaimerpage'],
  ] as const) {
    const target = msg(pageKey);
    if (target.isDisabled()) continue;
    const t = services.titleFactory.newFromText(target.text());
    if (t) footerLinks.push({ id, text: msg(textKey).text(), href: t.getLocalURL() });
  }

  const bodyClasses = [
    'mediawiki',
    languageDirection(context.language),
    `ns-${title?.getNamespace() ?? -1}`,
    title?.isTalkPage() ? 'ns-talk' : 'ns-subject',
    title ? `page-${title.getPrefixedDBkey().replace(/[^\w-]/g, '_')}` : '',
    `action-${context.action}`,
    `skin-${skin.name}`,
    ...output.bodyClasses,
  ].filter(Boolean);
  if (isMainPage) bodyClasses.push('page-Main_Page-mainpage');

  // Title::getPageViewLanguage(): special pages are in the user's language, other pages in the content language.
  const contentLanguage = title && title.canExist() ? settings.languageCode : context.language;
  const siteNotice = msg('sitenotice');
  const siteCss = services.titleFactory.newFromText('MediaWiki:Common.css')!;
  return {
    title,
    displayTitleHtml: output.getPageTitleHtml(),
    htmlTitle: output.getHtmlTitle(),
    contentHtml: output.getHtml(),
    subtitleHtml: undeleteSubtitle + output.getSubtitle(),
    siteNoticeHtml: siteNotice.isDisabled() ? '' : siteNotice.parse(),
    namespaces,
    views,
    actions,
    personal: await buildPersonalTools(context),
    sidebar,
    footerLinks,
    footerInfo,
    categories: output.categories,
    catlinksHtml: renderCategoryLinksBox({ services, title, msg }, output.categories).value,
    language: context.language,
    dir: languageDirection(context.language),
    contentLanguage,
    contentDir: languageDirection(contentLanguage),
    bodyClasses,
    // Site CSS loads after the skin's styles on every page (MediaWiki's site.styles module).
    styles: [...skin.styles, ...output.extraStyles, siteCss.getLocalURL({ action: 'raw', ctype: 'text/css' })],
    scripts: [...skin.scripts],
    robots: output.robots,
    isMainPage,
    isArticle: output.isArticle,
    action: context.action,
    user,
    userRights: services.permissionManager.getUserRights(user),
    searchUrl: searchTitle.getLocalURL(),
    searchQuery: context.request.getVal('search', ''),
    mainPageHref: mainPage.getLocalURL(),
    logoUrl: settings.logo,
    siteName: settings.sitename,
    canonicalUrl: output.canonicalUrl,
    lastModified: output.lastModified,
    revisionId: output.revisionId,
    msg,
  };
}

function tab(id: string, text: string, target: Title, exists: boolean, selected: boolean, tooltip: string, accesskey: string): NavLink {
  const classes: string[] = [];
  if (selected) classes.push('selected');
  if (!exists) classes.push('new');
  return {
    id,
    text,
    href: exists ? target.getLocalURL() : target.getLocalURL({ action: 'edit', redlink: '1' }),
    title: tooltip,
    accesskey,
    classes,
  };
}
