/**
 * Relative links to subpages (MediaWiki's Linker::normalizeSubpageLink):
 * in a namespace with subpages, `[[/Child]]` points below the current page
 * and `[[../Sibling]]` next to it. A trailing slash hides the path in the
 * link text (`[[/Child/]]` shows "Child").
 */
import type { Title } from '../title/Title';
import type { TitleFactory } from '../title/TitleFactory';

export interface NormalizedLink {
  /** Absolute target text. */
  target: string;
  /** Text to show when the link has no pipe; null means "the target as written". */
  text: string | null;
}

export function normalizeSubpageLink(context: Title, target: string, titles: TitleFactory): NormalizedLink {
  if (!titles.namespaceInfo.hasSubpages(context.getNamespace())) return { target, text: null };
  const hash = target.indexOf('#');
  const suffix = hash >= 0 ? target.slice(hash) : '';
  const path = hash >= 0 ? target.slice(0, hash) : target;
  if (path.startsWith('/')) {
    const trailingSlash = path.length > 1 && path.endsWith('/');
    const noSlash = trailingSlash ? path.slice(1, -1) : path.slice(1);
    const trimmed = noSlash.replace(/^[\s/]+|[\s/]+$/g, '');
    if (trimmed === '') return { target, text: null };
    return { target: `${context.getPrefixedText()}/${trimmed}${suffix}`, text: trailingSlash ? noSlash + suffix : null };
  }
  const dots = /^(\.\.\/)+/.exec(path);
  if (dots) {
    const levels = dots[0].length / 3;
    const parts = context.getPrefixedText().split('/');
    // Not allowed to go above the top-level page.
    if (parts.length <= levels) return { target, text: null };
    let rest = path.slice(dots[0].length);
    let text: string | null = null;
    if (rest.endsWith('/')) {
      rest = rest.replace(/\/+$/, '');
      text = rest + suffix;
    }
    rest = rest.replace(/^\/+|\/+$/g, '');
    const base = parts.slice(0, parts.length - levels).join('/');
    return { target: (rest !== '' ? `${base}/${rest}` : base) + suffix, text };
  }
  return { target, text: null };
}
