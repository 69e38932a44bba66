/**
 * ParserFirstCallInit for SyntaxHighlight: <syntaxhighlight>, and <source>,
 * its deprecated name, which renders the same.
 *
 * wikiparser-node has its own <syntaxhighlight>, but it decodes character
 * references in the code (&#106; shows as "j", not as written), ignores
 * <nowiki> in the Prism path, and writes dir="rtl" as the class
 * "mw-content- rtl"; this hook replaces it.
 */
import type { ParserHookRegistry } from '../../engine/parser/ParserHooks';
import { renderSyntaxHighlight } from './src/SyntaxHighlight';

export default function onParserFirstCallInit(parser: ParserHookRegistry): void {
  parser.setHook('syntaxhighlight', (input) => renderSyntaxHighlight(input));
  parser.setHook('source', (input) => renderSyntaxHighlight(input));
}
