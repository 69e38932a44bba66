/**
 * Block-level output as MediaWiki's tidy step leaves it (RemexCompat.ts):
 * bare inline content at the top level and in blockquotes is p-wrapped, and
 * empty list items and paragraphs are marked `mw-empty-elt`; content the
 * library fosters out of a table is marked so that it stays unwrapped
 * (wikiparser/BlockRendering.ts).
 */
import { applyRemexCompat } from './RemexCompat';
import { renderTable } from './wikiparser/BlockRendering';
import type { WikitextRenderer } from './WikitextRenderer';

export function installBlockLevelFixes(renderer: Pick<WikitextRenderer, 'setTokenRenderer' | 'addOutputTransform' | 'getCurrentContext'>): void {
  renderer.setTokenRenderer('table', renderTable);
  renderer.addOutputTransform((html) => applyRemexCompat(html));
}
