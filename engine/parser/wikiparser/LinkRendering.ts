/**
 * Internal links as MediaWiki renders them (Linker / LinkRenderer): the
 * library's link token is asked for its target and text only; the anchor
 * itself is left as a link holder that is filled in after the render, when
 * one batched query has told which targets exist (red links, `class="new"`,
 * `action=edit&redlink=1`). Self links, link trails, relative subpage links
 * and interwiki URLs are handled here too.
 */
import type { Title } from '../../title/Title';
import type { TitleFactory } from '../../title/TitleFactory';
import { escapeIdForLink, FragmentMode } from '../sanitizer/IdEscaping';
import type { RenderContext } from '../RenderContext';
import type { InterwikiLookup } from '../InterwikiLookup';
import { normalizeSubpageLink } from '../SubpageLinks';
import { escapeHtml } from './tokens';
import { decodeCharReferences } from '../sanitizer/CharReferences';
import type { WikiToken } from './tokens';

/** English link trail (MessagesEn.php $linkTrail = '/^([a-z]+)(.*)$/sD'). */
const LINK_TRAIL = /^[a-z]+/;

export interface LinkRenderingDeps {
  titles: TitleFactory;
  interwiki: InterwikiLookup;
  /** Title of the main page ("local:" links there). */
  mainPage: string;
  /** $wgFragmentMode: how #fragments are written in hrefs. */
  fragmentMode: readonly FragmentMode[];
  current(): RenderContext | null;
}

const TRAIL = Symbol('linkTrail');

/**
 * MediaWiki absorbs letters that directly follow a link into its text
 * (`[[Foo]]bar` → "Foobar"). Runs over the expanded tree before rendering.
 */
export function attachLinkTrails(root: WikiToken): void {
  for (const link of root.querySelectorAll('link')) {
    const next = link.nextSibling;
    if (!next || next.type !== 'text') continue;
    const match = LINK_TRAIL.exec(next.data ?? '');
    if (!match) continue;
    (link as unknown as Record<symbol, string>)[TRAIL] = match[0];
    next.deleteData!(0, match[0].length);
  }
}

/**
 * Interlanguage links leave no blank lines behind (Parser::handleInternalLinks2,
 * T10897): whitespace before the link is trimmed, and text after it that is
 * only newlines is dropped.
 */
export function stripLanguageLinkWhitespace(root: WikiToken, interwiki: InterwikiLookup): void {
  for (const link of root.querySelectorAll('link')) {
    const target = link.firstChild!.text!().trim();
    if (target.startsWith(':')) continue;
    const parsed = interwiki.parsePrefixed(target);
    if (!parsed?.entry.language || parsed.page === '') continue;
    const previous = (link as unknown as { previousSibling?: WikiToken }).previousSibling;
    if (previous?.type === 'text' && previous.data !== undefined) {
      const trimmed = previous.data.replace(/\s+$/, '');
      previous.deleteData!(trimmed.length);
    }
    const next = link.nextSibling;
    if (next?.type === 'text' && next.data !== undefined && /^\n*$/.test(next.data)) next.deleteData!(0);
  }
}

/** Display text for a link without a pipe: the target as written, minus a leading colon. */
function defaultLinkText(token: WikiToken): string {
  const raw = token.firstChild!.text!().trim();
  let text = decodeCharReferences(raw.replace(/^:/, ''));
  try {
    text = decodeURIComponent(text.replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
  } catch {
    // MediaWiki shows undecodable %-sequences as written.
  }
  return escapeHtml(text);
}

export function renderInternalLink(token: WikiToken, opt: unknown, deps: LinkRenderingDeps): string | null {
  const ctx = deps.current();
  if (!ctx) return null;
  // Character references in link targets are decoded first (Sanitizer::decodeCharReferences in replaceInternalLinks).
  const rawTarget = decodeCharReferences(token.firstChild!.text!().trim());
  const leadingColon = rawTarget.startsWith(':');
  const piped = token.length > 1;
  const trail = (token as unknown as Record<symbol, string>)[TRAIL] ?? '';
  const local = deps.interwiki.stripLocalPrefixes(rawTarget.replace(/^:/, ''));
  // "local:" alone names the main page (T66167).
  const localTarget = local.stripped && local.target.trim() === '' ? deps.mainPage : local.target;
  const { target, text: subpageText } = normalizeSubpageLink(ctx.title, localTarget, deps.titles);
  let inner: string;
  if (piped) inner = (token.lastChild as WikiToken).toHtmlInternal!({ ...(opt as object), nowrap: true });
  else inner = subpageText !== null ? escapeHtml(subpageText) : defaultLinkText(token);
  inner += escapeHtml(trail);

  const interwiki = deps.interwiki.parsePrefixed(target);
  if (interwiki) {
    // An interlanguage link without a leading colon leaves the text and goes to the page's language links.
    if (interwiki.entry.language && !leadingColon && !piped && interwiki.page !== '') {
      ctx.languageLinks.push(`${interwiki.prefix}:${interwiki.page.replace(/_/g, ' ')}${interwiki.fragment ? `#${interwiki.fragment}` : ''}`);
      return escapeHtml(trail);
    }
    if (interwiki.entry.language && !leadingColon && piped) {
      ctx.languageLinks.push(`${interwiki.prefix}:${interwiki.page.replace(/_/g, ' ')}`);
      return escapeHtml(trail);
    }
    ctx.interwikiLinks.push(`${interwiki.prefix}:${interwiki.page.replace(/ /g, '_')}`);
    return `<a href="${escapeHtml(interwiki.url)}" class="extiw" title="${escapeHtml(interwiki.titleText)}">${inner}</a>`;
  }
  const title = deps.titles.newFromText(target);
  if (!title) return null;
  if (title.getDBkey() === '' && title.hasFragment()) {
    // [[#Section]]: a link within the page.
    return `<a href="#${escapeHtml(escapeIdForLink(title.getFragment(), deps.fragmentMode))}">${inner}</a>`;
  }
  if (isSelfLink(title, ctx.title)) return `<a class="mw-selflink selflink">${inner}</a>`;
  const holder = ctx.addLinkHolder({ target: title.getPrefixedText(), fragment: title.getFragment() });
  return `<a ${holder}>${inner}</a>`;
}

function isSelfLink(target: Title, page: Title): boolean {
  return !target.hasFragment() && target.getNamespace() === page.getNamespace() && target.getDBkey() === page.getDBkey();
}

export interface LinkTargetState {
  exists: boolean;
  redirect: boolean;
}

/**
 * Fills the holders in: blue links get href and title (`mw-redirect` for
 * redirects), red ones MediaWiki's edit URL with `redlink=1`, class "new"
 * and the "(page does not exist)" title.
 */
export function replaceLinkHolders(
  html: string,
  ctx: RenderContext,
  titles: TitleFactory,
  states: ReadonlyMap<string, LinkTargetState>,
  missingTitleText: (prefixed: string) => string,
  fragmentMode: readonly FragmentMode[],
): string {
  if (ctx.linkHolders.length === 0) return html;
  // The holder marker is a control character no wikitext can produce.
  // eslint-disable-next-line no-control-regex
  return html.replace(/\u0001LH(\d+)\u0001/g, (_m, id: string) => {
    const holder = ctx.linkHolders[Number(id)];
    const title = titles.newFromText(holder.target)!;
    const fragment = holder.fragment ? `#${escapeIdForLink(holder.fragment, fragmentMode)}` : '';
    const state = states.get(holder.target) ?? { exists: false, redirect: false };
    const titleAttr = escapeHtml(holder.target);
    if (state.exists) {
      const cls = state.redirect ? ' class="mw-redirect"' : '';
      return `href="${escapeHtml(title.getLinkURL() + fragment)}"${cls} title="${titleAttr}"`;
    }
    // Special pages have no edit URL: a missing one links to its view URL.
    const href = title.isSpecialPage() ? title.getLinkURL() : title.getLocalURL({ action: 'edit', redlink: 1 });
    return `href="${escapeHtml(href)}" class="new" title="${escapeHtml(missingTitleText(holder.target))}"`;
  });
}
