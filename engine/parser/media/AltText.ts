/**
 * Plain text of rendered wikitext, for the attributes of an image (alt,
 * title, class, link targets): MediaWiki's Parser::stripAltText, which
 * replaces links by their text and then applies Sanitizer::stripAllTags —
 * tags and comments dropped, character references decoded, whitespace runs
 * collapsed to one space and trimmed.
 *
 * The result is text: write it into HTML with encodeAttributeValue.
 */
import { decodeCharReferences } from '../sanitizer/CharReferences';

export function stripAltText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    // A tag is '<' followed by a letter, '/' + letter or '!' (as an HTML tokenizer sees it); other '<' are text.
    .replace(/<(?:\/?[A-Za-z][^>]*|![^>]*)>/g, '');
  return decodeCharReferences(text)
    .replace(/[\t\n\r ]+/g, ' ')
    .trim();
}
