/**
 * The options of `[[File:…|option|…]]` and of gallery lines: MediaWiki's
 * image magic words (MessagesEn.php, all case-sensitive), matched against a
 * whole option as MagicWordArray::matchVariableStartToEnd does, the size
 * syntax (Parser::parseWidthParam) and the `link=` value
 * (Parser::parseLinkParameter).
 */
import type { Title } from '../../title/Title';
import { DEFAULT_URL_PROTOCOLS, urlProtocolsPattern } from '../sanitizer/UrlProtocols';
import type { MediaEnvironment } from './MediaEnvironment';

export type ImageOptionName =
  | 'left' | 'right' | 'center' | 'none'
  | 'baseline' | 'sub' | 'super' | 'top' | 'text-top' | 'middle' | 'bottom' | 'text-bottom'
  | 'thumbnail' | 'framed' | 'frameless' | 'border' | 'manualthumb' | 'upright' | 'link' | 'alt' | 'class'
  | 'width' | 'page' | 'lang';

export const HORIZONTAL_ALIGNMENTS: ReadonlySet<ImageOptionName> = new Set(['left', 'right', 'center', 'none']);
export const VERTICAL_ALIGNMENTS: ReadonlySet<ImageOptionName> = new Set(['baseline', 'sub', 'super', 'top', 'text-top', 'middle', 'bottom', 'text-bottom']);

/**
 * English synonyms of the image magic words, in the order Parser::getImageParams
 * lists them: alignments, then frame options with the literal ones first and
 * those taking a value last (T372935), then the handler's (width, lang, page),
 * so that a literal wins over a prefix form.
 */
const MAGIC_WORDS: readonly [ImageOptionName, readonly string[]][] = [
  ['left', ['left']],
  ['right', ['right']],
  ['center', ['center', 'centre']],
  ['none', ['none']],
  ['baseline', ['baseline']],
  ['sub', ['sub']],
  ['super', ['super', 'sup']],
  ['top', ['top']],
  ['text-top', ['text-top']],
  ['middle', ['middle']],
  ['bottom', ['bottom']],
  ['text-bottom', ['text-bottom']],
  ['thumbnail', ['thumb', 'thumbnail']],
  ['framed', ['frame', 'framed', 'enframed']],
  ['frameless', ['frameless']],
  ['border', ['border']],
  ['manualthumb', ['thumbnail=$1', 'thumb=$1']],
  ['upright', ['upright', 'upright=$1', 'upright $1']],
  ['link', ['link=$1']],
  ['alt', ['alt=$1']],
  ['class', ['class=$1']],
  ['width', ['$1px']],
  ['lang', ['lang=$1']],
  ['page', ['page=$1', 'page $1']],
];

/** Escapes the characters special in a regular expression (valid in unicode mode, so '-' stays as is). */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const COMPILED: readonly { name: ImageOptionName; pattern: RegExp; takesValue: boolean }[] = MAGIC_WORDS.flatMap(([name, synonyms]) =>
  synonyms.map((synonym) => ({
    name,
    pattern: new RegExp(`^${synonym.split('$1').map(escapeRegExp).join('(.*?)')}$`, 'u'),
    takesValue: synonym.includes('$1'),
  })),
);

export interface ImageOptionMatch {
  name: ImageOptionName;
  /** The `$1` part; false for an option without a value (thumb, left …). */
  value: string | false;
}

/**
 * Which option a (trimmed) part is, among those allowed, as
 * MagicWordArray::matchVariableStartToEnd; null for a caption.
 */
export function matchImageOption(text: string, allowed: ReadonlySet<ImageOptionName>): ImageOptionMatch | null {
  for (const word of COMPILED) {
    if (!allowed.has(word.name)) continue;
    const match = word.pattern.exec(text);
    if (match) return { name: word.name, value: word.takesValue ? match[1] : false };
  }
  return null;
}

/** The options every file understands, whatever its handler (Parser::getImageParams' internal map). */
export const INTERNAL_OPTIONS: readonly ImageOptionName[] = [
  ...HORIZONTAL_ALIGNMENTS, ...VERTICAL_ALIGNMENTS,
  'thumbnail', 'framed', 'frameless', 'border', 'manualthumb', 'upright', 'link', 'alt', 'class',
];

/**
 * Parser::parseWidthParam: "300px", "300", "x200px", "300x200px" (a doubled
 * "px" is tolerated, T15500). `localized`: the value already had its "px"
 * removed by the img_width magic word; otherwise one is stripped first.
 */
export function parseWidthParam(value: string, parseHeight = true, localized = false): { width?: number; height?: number } {
  if (value === '') return {};
  let text = value;
  if (!localized) {
    const unit = /^(.*?)px$/u.exec(text);
    if (unit) text = unit[1];
  }
  if (parseHeight) {
    const both = /^([0-9]*)x([0-9]*)\s*(?:px)?\s*$/.exec(text);
    if (both) return { width: parseInt(both[1] || '0', 10), height: parseInt(both[2] || '0', 10) };
  }
  const single = /^([0-9]*)\s*(?:px)?\s*$/.exec(text);
  if (single) return { width: parseInt(single[1] || '0', 10) };
  return {};
}

/** PHP's is_numeric for an option value (after trimming): decimal numbers with an optional exponent. */
export function isNumeric(value: string): boolean {
  return /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(value.trim());
}

/** Where an image links instead of its description page. */
export type ImageLinkTarget =
  | { type: 'no-link' }
  | { type: 'link-url'; url: string }
  | { type: 'link-title'; href: string; titleText: string; title: Title | null };

/** Parser::EXT_LINK_URL_CLASS and EXT_LINK_ADDR. */
const URL_CHAR = '[^\\][<>"\\x00-\\x20\\x7F\\p{Zs}\\uFFFD]';
const URL_ADDR = `(?:[0-9.]+|\\[[0-9a-fA-F:.]+\\]|${URL_CHAR})`;
const PROTOCOLS = urlProtocolsPattern(DEFAULT_URL_PROTOCOLS);
const PROTOCOL_START = new RegExp(`^(?:${PROTOCOLS})`, 'i');
const VALID_URL = new RegExp(`^(?:${PROTOCOLS})${URL_ADDR}${URL_CHAR}*$`, 'iu');

/** PHP's rawurldecode, leaving broken escapes as written. */
export function rawUrlDecode(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/**
 * Parser::parseLinkParameter on the plain text of a `link=` value: empty means
 * no link; a URL with a known protocol an external link; anything else a page
 * (percent-decoded, interwiki prefixes honoured); null when it is neither,
 * and the option is then a caption. Targets are recorded as the page's links.
 */
export function parseLinkParameter(value: string, env: MediaEnvironment): ImageLinkTarget | null {
  if (value === '') return { type: 'no-link' };
  if (PROTOCOL_START.test(value)) {
    if (!VALID_URL.test(value)) return null;
    env.ctx.externalLinks.push(value);
    return { type: 'link-url', url: value };
  }
  // Percent-decoded like wikilinks (T216003); a decoded '%' is no title character, so this never decodes twice.
  const text = value.includes('%') ? rawUrlDecode(value) : value;
  const interwiki = env.deps.interwiki.parsePrefixed(text);
  if (interwiki) return { type: 'link-title', href: interwiki.url, titleText: interwiki.titleText, title: null };
  const title = env.titles.newFromText(text);
  if (!title) return null;
  if (title.getDBkey() !== '' || title.hasFragment()) {
    // Recorded as a link of the page (pagelinks); the holder itself is never shown.
    if (title.getDBkey() !== '') env.ctx.addLinkHolder({ target: title.getPrefixedText(), fragment: '' });
    return { type: 'link-title', href: title.getLinkURL(), titleText: title.getPrefixedText(), title };
  }
  return null;
}
