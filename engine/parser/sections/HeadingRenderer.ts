/**
 * Wikitext headings (`== … ==`) as the library's `heading` tokens render:
 * MediaWiki's handleHeadings step, which turns the line into `<hN>` with a
 * marker saying which section it is. The id, the wrapper, the edit link and
 * the table of contents need every heading of the page in order — including
 * HTML `<h2>` written in wikitext, which the library renders elsewhere — and
 * the final link text, so they are added by the final pass
 * (FinalizeHeadings) over the finished HTML, as MediaWiki's finalizeHeadings
 * and HandleSectionLinks do.
 */
import type { RenderContext } from '../RenderContext';
import type { WikiToken } from '../wikiparser/tokens';
import { resolveHeadingOrigins, TemplateTextLookup } from './HeadingOrigins';
import { headingPlaceholder, sectionState } from './SectionState';
import type { HeadingOrigin } from './HeadingOrigins';

export interface HeadingRendererDeps {
  /** The render in progress. */
  current(): RenderContext | null;
  /** Text of a transcluded page this render has loaded. */
  templateText: TemplateTextLookup;
}

/** Token renderer for `heading` tokens: `<hN ␁SHk␁>inner</hN>`, finished by the final pass. */
export function renderHeading(token: WikiToken, deps: HeadingRendererDeps): string | null {
  const frame = deps.current();
  if (!frame) return null;
  const state = sectionState(frame);
  const level = token.level ?? 2;
  const origin = claim(state.claimed, originOf(token, frame, deps, state.origins));
  const index = state.headings.push({ level, origin }) - 1;
  // The library's own rendering of the heading text, trimmed as MediaWiki trims headings.
  const inner = token.firstChild!.toHtmlInternal!().trim();
  return `<h${level} ${headingPlaceholder(index)}>${inner}</h${level}>`;
}

function originOf(token: WikiToken, frame: RenderContext, deps: HeadingRendererDeps, cache: WeakMap<WikiToken, Map<WikiToken, HeadingOrigin>>): HeadingOrigin | null {
  let root = token;
  while (root.parentNode) root = root.parentNode;
  let origins = cache.get(root);
  if (!origins) {
    // Worked out once per expanded tree, at its first heading: the tree is complete by then.
    origins = resolveHeadingOrigins(root, frame.sourceText, frame.title.getPrefixedText(), deps.templateText);
    cache.set(root, origins);
  }
  return origins.get(token) ?? null;
}

/**
 * A section of the page gets at most one edit link. A fragment rendered
 * inside the page (an extension tag's content) is aligned on its own and
 * could otherwise claim a section of the page that has the same text. (A
 * template's sections repeat legitimately when it is transcluded twice.)
 */
function claim(claimed: Set<string>, origin: HeadingOrigin | null): HeadingOrigin | null {
  if (!origin || origin.fromTemplate) return origin;
  const key = `${origin.title}\u0000${origin.index}`;
  if (claimed.has(key)) return null;
  claimed.add(key);
  return origin;
}
