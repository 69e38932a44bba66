/**
 * MediaWiki's pre-save transform (Parser::preSaveTransform / pstPass2), the
 * text rewrites done once, when an edit is saved:
 *   - line endings become "\n" (the caller trims trailing whitespace);
 *   - `~~~` → signature, `~~~~` → signature and timestamp, `~~~~~` → timestamp;
 *   - the pipe trick: `[[Foo (bar)|]]` → `[[Foo (bar)|Foo]]`,
 *     `[[Help:Foo, bar|]]` → `[[Help:Foo, bar|Foo]]`, and the reverse
 *     `[[|Foo]]` → `[[Foo (context)|Foo]]` on a page titled "… (context)";
 *   - `{{subst:…}}` / `{{safesubst:…}}` are replaced by their expansion
 *     (done by the renderer, which owns template expansion).
 * Text inside <nowiki>, <pre>, other extension tags and comments is left
 * alone, as MediaWiki strips those before pstPass2.
 */
import type { Title } from '../title/Title';
import type { NamespaceInfo } from '../title/NamespaceInfo';
import { NS_USER, NS_USER_TALK } from '../title/NamespaceInfo';

export interface SignatureParts {
  /** `[[User:Name|Name]] ([[User talk:Name|talk]])` or the anonymous form. */
  signature: string;
  /** `23:37, 26 November 2026 (UTC)`. */
  timestamp: string;
}

/**
 * The signature wikitext from the `signature` / `signature-anon` message
 * (MediaWiki's Parser::getUserSig without a custom nickname): `{{ns:…}}` and
 * `{{#special:…}}` are resolved here so the saved text holds plain links.
 */
export function signatureWikitext(user: { name: string }, message: string, namespaces: NamespaceInfo): string {
  return message
    .replace(/\{\{\s*ns:\s*user_talk\s*\}\}/gi, namespaces.getNamespaceName(NS_USER_TALK) ?? 'User talk')
    .replace(/\{\{\s*ns:\s*user\s*\}\}/gi, namespaces.getNamespaceName(NS_USER) ?? 'User')
    .replace(/\{\{\s*#special:\s*([^}]+?)\s*\}\}/gi, (_m, name: string) => `${namespaces.getNamespaceName(-1) ?? 'Special'}:${name}`)
    .replace(/\$1/g, user.name)
    .replace(/\$2/g, user.name);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Language::timeanddate for English, in UTC, plus the zone as MediaWiki appends it to signatures. */
export function signatureTimestamp(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(now.getUTCHours())}:${pad(now.getUTCMinutes())}, ${now.getUTCDate()} ${MONTHS[now.getUTCMonth()]} ${now.getUTCFullYear()} (UTC)`;
}

/**
 * Splits text into pieces PST may rewrite and pieces it must keep verbatim
 * (comments, and extension tags such as <nowiki>, <pre>, <syntaxhighlight>, <ref>).
 */
function splitProtected(text: string, tags: readonly string[]): { text: string; protected: boolean }[] {
  const names = tags.map((t) => t.replace(/[^a-z0-9_-]/gi, '')).join('|');
  const pattern = new RegExp(`<!--[\\s\\S]*?(?:-->|$)|<(${names})(?:\\s[^>]*)?(?:/>|>[\\s\\S]*?(?:</\\1\\s*>|$))`, 'gi');
  const pieces: { text: string; protected: boolean }[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index! > last) pieces.push({ text: text.slice(last, m.index), protected: false });
    pieces.push({ text: m[0], protected: true });
    last = m.index! + m[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), protected: false });
  return pieces;
}

/** Display text the pipe trick derives from a target (Parser::pstPass2's regexes). */
export function pipeTrickText(target: string): string {
  let text = target.trim();
  // Drop a leading colon and the namespace / interwiki prefix.
  text = text.replace(/^:/, '').replace(/^[^:]*:/, '');
  // "Foo (bar)" → "Foo"; also full-width parentheses, as MediaWiki's $tc class does.
  const paren = /^(.*?)\s*(?:\([^()]*\)|（[^（）]*）)$/.exec(text);
  if (paren && paren[1] !== '') return paren[1];
  // "Foo, bar" → "Foo".
  const comma = /^(.*?),\s*.*$/.exec(text);
  if (comma && comma[1] !== '') return comma[1];
  return text;
}

function applyPipeTrick(text: string, context: Title): string {
  // [[target|]] → [[target|text]]
  let out = text.replace(/\[\[([^[\]|{}<>\n]+)\|\]\]/g, (m, target: string) => {
    const shown = pipeTrickText(target);
    return shown === '' ? m : `[[${target}|${shown}]]`;
  });
  // Reverse pipe trick: [[|text]] → [[text (context)|text]] or [[text, context|text]].
  const current = context.getText();
  const parens = /\(([^()]*)\)$/.exec(current);
  const comma = /,\s*(.*)$/.exec(current);
  const suffix = parens ? ` (${parens[1]})` : comma ? `, ${comma[1]}` : '';
  const nsPrefix = context.getNamespace() !== 0 ? `${context.getNsText().replace(/_/g, ' ')}:` : '';
  out = out.replace(/\[\[\|([^[\]|{}<>\n]+)\]\]/g, (_m, shown: string) => `[[${nsPrefix}${shown}${suffix}|${shown}]]`);
  return out;
}

function applySignatures(text: string, parts: SignatureParts): string {
  // Longest first: ~~~~~ is a timestamp, ~~~~ signature + timestamp, ~~~ signature.
  return text.replace(/~~~~~|~~~~|~~~/g, (m) => {
    if (m === '~~~~~') return parts.timestamp;
    if (m === '~~~~') return `${parts.signature} ${parts.timestamp}`;
    return parts.signature;
  });
}

/** Signatures and the pipe trick, outside protected regions. */
export function pstPass2(text: string, context: Title, parts: SignatureParts, protectedTags: readonly string[]): string {
  return splitProtected(text, protectedTags)
    .map((piece) => (piece.protected ? piece.text : applyPipeTrick(applySignatures(piece.text, parts), context)))
    .join('');
}
