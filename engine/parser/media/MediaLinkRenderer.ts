/**
 * `[[Media:…]]` links: straight to the file itself (Linker::makeMediaLinkFile),
 * class "internal"; a missing file links to the upload form, class "new".
 * The link text is the target as written, or the text after the pipe.
 *
 * wikiparser-node gives these as ordinary link tokens, so this renderer must
 * run before the internal-link renderer and decline (null) every link that is
 * not in the Media namespace.
 */
import type { TokenRenderer } from '../wikiparser/TokenOverrides';
import type { WikiToken } from '../wikiparser/tokens';
import { MediaDeps, MediaEnvironment } from './MediaEnvironment';
import { readLinkTarget } from './MediaRenderer';
import { escapeText, rawElement, uploadUrl } from './ThumbnailHtml';

/** NS_MEDIA, NS_FILE. */
const NS_MEDIA = -2;
const NS_FILE = 6;

/**
 * Letters the link-trail pass moved into the link token. MediaWiki puts a
 * media link's trail after the link, not inside it. The pass keeps them under
 * a private symbol of the internal-link renderer; found here by its name.
 */
function linkTrailOf(token: WikiToken): string {
  const key = Object.getOwnPropertySymbols(token).find((symbol) => symbol.description === 'linkTrail');
  return key ? String((token as unknown as Record<symbol, unknown>)[key] ?? '') : '';
}

/** The link's text: the part after the pipe, or the target as written without a leading colon. */
function linkText(token: WikiToken, opt: object | undefined): string {
  if (token.length > 1) return (token.lastChild as WikiToken).toHtmlInternal!({ ...(opt ?? {}), nowrap: true });
  return escapeText(readLinkTarget(token));
}

export function createMediaLinkRenderer(deps: MediaDeps): TokenRenderer {
  return (token, opt) => {
    if (token.type !== 'link') return null;
    const ctx = deps.current();
    if (!ctx) return null;
    const title = deps.titles.newFromText(readLinkTarget(token));
    if (!title || title.getNamespace() !== NS_MEDIA) return null;
    const env = new MediaEnvironment(deps, ctx);
    const file = env.getFile(title.getDBkey());
    // A file reached through a redirect is named by its own title.
    const shown = file ? env.titles.makeTitle(NS_FILE, file.getName()) : title;
    const href = file ? file.getUrl() : uploadUrl(env, title);
    const link = rawElement('a', [['href', href], ['class', file ? 'internal' : 'new'], ['title', shown.getText()]], linkText(token, opt));
    return link + escapeText(linkTrailOf(token));
  };
}
