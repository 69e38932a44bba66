/**
 * The header navigation (upstream's PrimaryNavComponent) and the left
 * sidebar (SecondaryNavComponent) as HTML.
 *
 * Header: every MediaWiki:Sidebar section except the SEARCH, TOOLBOX and
 * LANGUAGES placeholders; a section with one link is a link labelled with
 * the section heading, one with several links a dropdown. Dropdowns are
 * <details> elements, so they open and close without JavaScript; the skin's
 * script only adds closing on Escape and on a click elsewhere. An item is
 * active when one of its links is the current page or a page above it.
 */
import { html, joinHtml, SafeHtml } from '../../../engine/html/Html';
import type { NavLink, SidebarSection } from '../../../engine/skin/Skin';
import { SIDEBAR_PLACEHOLDERS } from '../../../engine/skin/SidebarBuilder';
import type { PageTreeNode } from './PageTree';

/** Upstream's isActiveLink: the current page's URL is the link or below it. */
export function isActiveLink(currentUrl: string | null, href: string): boolean {
  if (currentUrl === null) return false;
  return href === currentUrl || currentUrl.startsWith(`${href}/`);
}

export interface NavSection {
  id: string;
  heading: string;
  links: NavLink[];
  active: boolean;
}

/** Sections the header shows (placeholders and empty sections dropped). */
export function navSections(sidebar: readonly SidebarSection[], currentUrl: string | null): NavSection[] {
  const sections: NavSection[] = [];
  for (const section of sidebar) {
    if (SIDEBAR_PLACEHOLDERS.has(section.id)) continue;
    const links = section.links.filter((link) => link.href && link.text);
    if (links.length === 0) continue;
    sections.push({ id: section.id, heading: section.heading, links, active: links.some((link) => isActiveLink(currentUrl, link.href)) });
  }
  return sections;
}

function linkAttributes(link: NavLink, currentUrl: string | null, withId: boolean): SafeHtml {
  const current = currentUrl !== null && link.href === currentUrl;
  return html`${withId ? html` id="${link.id}"` : ''} href="${link.href}"${link.rel ? html` rel="${link.rel}"` : ''}${current ? html` aria-current="page"` : ''}`;
}

/** Desktop header navigation: links and <details> dropdowns. */
export function renderPrimaryNav(sections: readonly NavSection[], currentUrl: string | null, label: string): SafeHtml {
  const items = sections.map((section) => {
    const cls = `wm-nav-item${section.active ? ' active' : ''}`;
    if (section.links.length === 1) {
      const link = section.links[0];
      return html`<li class="${cls}"><a class="wm-nav-link"${linkAttributes(link, currentUrl, true)}>${section.heading}</a></li>`;
    }
    const links = section.links.map((link) => html`<li><a class="primary-nav-menu-item"${linkAttributes(link, currentUrl, true)}>${link.text}</a></li>`);
    return html`<li class="${cls} wm-nav-dropdown"><details class="wm-dropdown"><summary class="wm-nav-link primary-nav-menu-button">${section.heading}<span class="wm-icon wm-icon-expand" aria-hidden="true"></span></summary><ul class="wm-dropdown-menu">${links}</ul></details></li>`;
  });
  return html`<nav id="mw-navigation" class="wm-primary-nav" aria-label="${label}"><ul class="wm-nav-list">${items}</ul></nav>`;
}

/** The same sections for the small-screen menu: every link visible under its heading. */
export function renderMenuSections(sections: readonly NavSection[], currentUrl: string | null): SafeHtml {
  return joinHtml(
    sections.map((section) => {
      const links = section.links.length === 1 ? [{ ...section.links[0], text: section.heading }] : section.links;
      const items = links.map((link) => html`<li${section.active && isActiveLink(currentUrl, link.href) ? html` class="active"` : ''}><a${linkAttributes(link, currentUrl, false)}>${link.text}</a></li>`);
      if (section.links.length === 1) return html`<ul class="wm-menu-list">${items}</ul>`;
      return html`<div class="wm-menu-section"><p class="wm-menu-heading">${section.heading}</p><ul class="wm-menu-list">${items}</ul></div>`;
    }),
  );
}

/** A tree of pages; `currentKey` is the prefixed DB key of the page the sidebar is for. */
export function renderTree(nodes: readonly PageTreeNode[], currentKey: string, sub = false): SafeHtml {
  const items = nodes.map((node) => {
    const exact = node.key === currentKey;
    const active = exact || currentKey.startsWith(`${node.key}/`);
    return html`<li class="wm-page-nav-item${active ? ' active' : ''}"><a href="${node.href}"${exact ? html` aria-current="page"` : ''}>${node.text}</a>${node.children.length ? renderTree(node.children, currentKey, true) : ''}</li>`;
  });
  return html`<ul class="${sub ? 'wm-page-nav-sub' : 'wm-page-nav-list'}">${items}</ul>`;
}

export interface DashboardItem {
  text: string;
  href: string;
  active: boolean;
}

export function renderDashboard(items: readonly DashboardItem[]): SafeHtml {
  return html`<ul class="wm-page-nav-list">${items.map(
    (item) => html`<li class="wm-page-nav-item${item.active ? ' active' : ''}"><a href="${item.href}"${item.active ? html` aria-current="page"` : ''}>${item.text}</a></li>`,
  )}</ul>`;
}
