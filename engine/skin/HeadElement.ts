/**
 * The document's start up to </head> (MediaWiki's OutputPage::headElement),
 * shared by every skin: doctype, <html> with the interface language and
 * direction, <title> from `pagetitle`, viewport, robots, generator, the
 * stylesheets in load order, the canonical link and deferred scripts.
 */
import { html, SafeHtml } from '../html/Html';
import type { SkinData } from './Skin';

export function headElement(d: SkinData, options: { viewport: string }): SafeHtml {
  const pageTitle = d.htmlTitle ? d.msg('pagetitle', d.htmlTitle).text() : d.siteName;
  return html`<!DOCTYPE html>
<html lang="${d.language}" dir="${d.dir}" class="client-nojs">
<head>
<meta charset="UTF-8">
<title>${pageTitle}</title>
<meta name="viewport" content="${options.viewport}">
<meta name="robots" content="${d.robots}">
<meta name="generator" content="API Portal">
${d.styles.map((href) => html`<link rel="stylesheet" href="${href}">\n`)}${d.canonicalUrl ? html`<link rel="canonical" href="${d.canonicalUrl}">\n` : ''}${d.scripts.map((src) => html`<script src="${src}" defer></script>\n`)}</head>`;
}
