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
import { tokensOfType } from './TokenIndex';

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
  for (const link of tokensOfType(root, 'link')) {
    const next = link.nextSibling;
    if (!next || next.type !== 'text') continue;
    const data = next.data ?? '';
    // Most links are followed by a space or punctuation: no need to run the regex on the (long) text after them.
    const first = data.charCodeAt(0);
    if (!(first >= 97 && first <= 122)) continue;
    const match = LINK_TRAIL.exec(data);
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
  for (const link of tokensOfType(root, 'link')) {
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

/** What a link target as written resolves to; the same for every link to it in one render. */
interface ResolvedTarget {
  leadingColon: boolean;
  target: string;
  subpageText: string | null;
  interwiki: ReturnType<InterwikiLookup['parsePrefixed']>;
  /** Undefined until asked for (interwiki targets never are). */
  title?: Title | null;
}

/**
 * Targets resolved in a render, by the target's wikitext: pages link to the
 * same pages again and again, and title parsing is the costly part of a link.
 * Everything here depends only on the text, the page being rendered and the
 * wiki's configuration, which do not change within a render.
 */
const resolvedTargets = new WeakMap<RenderContext, Map<string, ResolvedTarget>>();

function resolveTarget(written: string, ctx: RenderContext, deps: LinkRenderingDeps): ResolvedTarget {
  let cache = resolvedTargets.get(ctx);
  if (!cache) resolvedTargets.set(ctx, (cache = new Map()));
  let resolved = cache.get(written);
  if (resolved) return resolved;
  // Character references in link targets are decoded first (Sanitizer::decodeCharReferences in replaceInternalLinks).
  const rawTarget = decodeCharReferences(written);
  const local = deps.interwiki.stripLocalPrefixes(rawTarget.replace(/^:/, ''));
  // "local:" alone names the main page (T66167).
  const localTarget = local.stripped && local.target.trim() === '' ? deps.mainPage : local.target;
  const { target, text: subpageText } = normalizeSubpageLink(ctx.title, localTarget, deps.titles);
  resolved = { leadingColon: rawTarget.startsWith(':'), target, subpageText, interwiki: deps.interwiki.parsePrefixed(target) };
  cache.set(written, resolved);
  return resolved;
}

export function renderInternalLink(token: WikiToken, opt: unknown, deps: LinkRenderingDeps): string | null {
  const ctx = deps.current();
  if (!ctx) return null;
  const resolved = resolveTarget(token.firstChild!.text!().trim(), ctx, deps);
  const { leadingColon, target, subpageText, interwiki } = resolved;
  const piped = token.length > 1;
  const trail = (token as unknown as Record<symbol, string>)[TRAIL] ?? '';
  let inner: string;
  if (piped) inner = (token.lastChild as WikiToken).toHtmlInternal!({ ...(opt as object), nowrap: true });
  else inner = subpageText !== null ? escapeHtml(subpageText) : defaultLinkText(token);
  inner += escapeHtml(trail);

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
  if (resolved.title === undefined) resolved.title = deps.titles.newFromText(target);
  const title = resolved.title;
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
  // Links to the same target (and fragment) get the same attributes.
  const attributesByTarget = new Map<string, string>();
  // The holder marker is a control character no wikitext can produce.
  // eslint-disable-next-line no-control-regex
  return html.replace(/\u0001LH(\d+)\u0001/g, (_m, id: string) => {
    const holder = ctx.linkHolders[Number(id)];
    const key = `${holder.target}\u0000${holder.fragment}`;
    let attributes = attributesByTarget.get(key);
    if (attributes === undefined) attributesByTarget.set(key, (attributes = holderAttributes(holder, titles, states, missingTitleText, fragmentMode)));
    return attributes;
  });
}

function holderAttributes(
  holder: { target: string; fragment: string },
  titles: TitleFactory,
  states: ReadonlyMap<string, LinkTargetState>,
  missingTitleText: (prefixed: string) => string,
  fragmentMode: readonly FragmentMode[],
): string {
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
}
