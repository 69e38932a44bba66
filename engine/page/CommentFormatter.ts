/**
 * Edit summaries as HTML (MediaWiki's CommentFormatter): text escaped,
 * `/* Section *\/` becomes a link to that section ("→Section"), and
 * `[[Page|text]]` wikilinks become links. Nothing else is interpreted.
 */
import type { RequestContext } from '../context/RequestContext';
import { escapeHtml, html, rawHtml, SafeHtml } from '../html/Html';
import type { Title } from '../title/Title';

export function renderComment(context: RequestContext, comment: string, title: Title | null): SafeHtml {
  let out = escapeHtml(comment);
  out = out.replace(/\/\*\s*(.*?)\s*\*\//g, (_m, section: string) => {
    const anchor = section.replace(/ /g, '_');
    const href = title ? `${title.getLocalURL()}#${encodeURIComponent(anchor).replace(/%20/g, '_')}` : `#${anchor}`;
    return `<span class="autocomment"><a href="${escapeHtml(href)}">→${section}</a>${''}</span>`;
  });
  out = out.replace(/\[\[([^\]|]+)(?:\|([^\]]*))?\]\]/g, (whole, target: string, text: string | undefined) => {
    // The captured text is already escaped; decode the target to resolve it.
    const decoded = target.replace(/&quot;/g, '"').replace(/&#039;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const linked = context.services.titleFactory.newFromText(decoded);
    if (!linked) return whole;
    return html`<a href="${linked.getLinkURL()}" title="${linked.getPrefixedText()}">${rawHtml(text ?? target)}</a>`.value;
  });
  return rawHtml(out);
}
