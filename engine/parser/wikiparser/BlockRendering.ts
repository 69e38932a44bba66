/**
 * Token renderers for block-level wikitext. For now: tables whose rows hold
 * content outside any cell. The library moves that content in front of the
 * `<table>`, as a browser's foster parenting would; MediaWiki leaves it to
 * the HTML parser, and its tidy step does not p-wrap fostered content. The
 * moved content is bracketed with comments (RemexCompat's FOSTER_START and
 * FOSTER_END) so that the p-wrapping pass leaves it alone and removes them;
 * the final sanitizer drops comments anyway.
 */
import { FOSTER_END, FOSTER_START } from '../RemexCompat';
import type { TokenRenderer } from './TokenOverrides';
import type { WikiToken } from './tokens';

function hasFosteredContent(table: WikiToken): boolean {
  const inter = (token: WikiToken) => token.childNodes.some((c) => c.type === 'table-inter');
  return inter(table) || table.childNodes.some((c) => c.type === 'tr' && inter(c));
}

export const renderTable: TokenRenderer = (token, _opt, original) => {
  if (!hasFosteredContent(token)) return null;
  const html = original();
  const at = html.indexOf('<table');
  if (at <= 0 || html.slice(0, at).trim() === '') return html;
  return `<!--${FOSTER_START}-->${html.slice(0, at)}<!--${FOSTER_END}-->${html.slice(at)}`;
};
