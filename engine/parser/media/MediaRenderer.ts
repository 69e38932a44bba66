/**
 * `[[File:…]]` in a page, rendered as MediaWiki does: the engine's token
 * renderer for wikiparser-node's file tokens. It reads the options as
 * Parser::makeImage does (which part is which option, which is the caption,
 * what alt text and tooltip follow from it) and hands them to the Linker
 * port (ImageLink) with the file found for this render.
 *
 * Install with
 *   renderer.setTokenRenderer('file', createMediaTokenRenderer({ current: () => renderer.getCurrentContext(), … }))
 * Gallery lines are not file tokens of this kind: `<gallery>` is rendered by
 * the gallery tag hook (GalleryRenderer), as MediaWiki's renderImageGallery
 * reads its lines itself.
 */
import type { File } from '../../filerepo/File';
import type { HandlerParamName, HandlerParams } from '../../filerepo/MediaHandler';
import type { TokenRenderer } from '../wikiparser/TokenOverrides';
import type { WikiToken } from '../wikiparser/tokens';
import { stripAltText } from './AltText';
import { FrameParams, makeImageLink } from './ImageLink';
import {
  HORIZONTAL_ALIGNMENTS, ImageOptionName, INTERNAL_OPTIONS, isNumeric, matchImageOption, parseLinkParameter, parseWidthParam, rawUrlDecode, VERTICAL_ALIGNMENTS,
} from './ImageOptions';
import { MediaDeps, MediaEnvironment } from './MediaEnvironment';
import { escapeText } from './ThumbnailHtml';

/** NS_FILE. */
const NS_FILE = 6;

/** One `|`-separated part of the options, as written and as rendered. */
export interface ImageOptionPart {
  /** The part's wikitext after expansion (option words are matched against it). */
  readonly raw: string;
  /** The part rendered as HTML (what a caption shows). */
  html(): string;
  /** Its plain text (Parser::stripAltText). */
  text(): string;
}

/** The library's image-parameter token, as far as we read it. */
interface ImageParameterToken extends WikiToken {
  /** 'padding' is the length of the option's syntax before its value ("alt=" → 4). */
  getAttribute(key: 'padding'): number;
}

/**
 * A part read from the library's token. The library splits recognised
 * options into their syntax and a parsed value; the syntax is put back
 * around the rendered value, so every part renders as the text written.
 */
class TokenPart implements ImageOptionPart {
  private rendered: string | null = null;

  constructor(
    private readonly token: ImageParameterToken,
    private readonly opt: object | undefined,
  ) {}

  get raw(): string {
    return String(this.token);
  }

  html(): string {
    if (this.rendered === null) {
      const raw = this.raw;
      const value = this.token.childNodes.map(String).join('');
      const padding = this.token.getAttribute('padding');
      const inner = this.token.toHtmlInternal!({ ...(this.opt ?? {}), nowrap: true });
      this.rendered = escapeText(raw.slice(0, padding)) + inner + escapeText(raw.slice(padding + value.length));
    }
    return this.rendered;
  }

  text(): string {
    return stripAltText(this.html());
  }
}

/** The value of a named option, from the part's plain text (stripAltText of the value). */
function namedValue(part: ImageOptionPart, name: ImageOptionName): string {
  const match = matchImageOption(part.text(), new Set([name]));
  return match && match.value !== false ? match.value : '';
}

/**
 * Parser::makeImage's reading of the options: each part is an option its
 * handler (or every file) understands with an acceptable value, or else the
 * caption — the last such part wins. Returns Linker's frame and handler
 * parameters.
 */
export function makeImageParams(env: MediaEnvironment, parts: readonly ImageOptionPart[], file: File | null): { frame: FrameParams; handler: HandlerParams } {
  const handler = file?.getHandler() ?? null;
  const allowed = new Set<ImageOptionName>(INTERNAL_OPTIONS);
  // Without a file the size is still read, so the placeholder can be sized (T273013).
  for (const name of handler ? handler.getParamNames() : (['width'] as HandlerParamName[])) allowed.add(name);
  const validate = (name: 'width' | 'height', value: number): boolean => (handler ? handler.validateParam(name, value) : value > 0);

  const frame: FrameParams = {};
  const handlerParams: HandlerParams = {};
  let caption: ImageOptionPart | null = null;
  let horizontal: string | undefined;
  let vertical: string | undefined;
  let seenFormat = false;

  for (const part of parts) {
    const match = matchImageOption(part.raw.trim(), allowed);
    let validated = false;
    if (match) {
      const { name, value } = match;
      if (name === 'width') {
        const size = parseWidthParam(value || '', true, true);
        if (size.width !== undefined && validate('width', size.width)) {
          handlerParams.width = size.width;
          validated = true;
        }
        if (size.height !== undefined && validate('height', size.height)) {
          handlerParams.height = size.height;
          validated = true;
        }
      } else if (name === 'page' || name === 'lang') {
        if (handler && value !== false && handler.validateParam(name, value)) {
          if (name === 'page') handlerParams.page = Number(value);
          else handlerParams.lang = value;
          validated = true;
        }
      } else if (name === 'alt' || name === 'class') {
        frame[name] = namedValue(part, name);
        validated = true;
      } else if (name === 'link') {
        const target = parseLinkParameter(namedValue(part, 'link'), env);
        if (target) {
          frame.link = target;
          validated = true;
        }
      } else if (name === 'manualthumb' || name === 'frameless' || name === 'framed' || name === 'thumbnail') {
        // The first format given is used; later ones are captions.
        validated = !seenFormat;
        seenFormat = true;
        if (validated) {
          if (name === 'manualthumb') frame.manualthumb = namedValue(part, 'manualthumb');
          else frame[name] = true;
        }
      } else {
        // Alignments, border and upright take no value or a number.
        validated = value === false || isNumeric(value);
        if (validated) {
          if (HORIZONTAL_ALIGNMENTS.has(name)) horizontal ??= name;
          else if (VERTICAL_ALIGNMENTS.has(name)) vertical ??= name;
          else if (name === 'border') frame.border = true;
          else if (name === 'upright') frame.upright = value === false ? 0 : Number(value);
        }
      }
    }
    if (!validated) caption = part;
  }

  if (horizontal) frame.align = horizontal;
  if (vertical) frame.valign = vertical;
  frame.caption = caption ? caption.html() : '';
  const hasVisibleCaption = frame.framed || frame.thumbnail || frame.manualthumb !== undefined;
  if (!hasVisibleCaption) {
    // An image without a shown caption uses it as alt text (unless given) and tooltip.
    if (frame.alt === undefined && caption && caption.raw !== '') frame.alt = caption.text();
    frame.title = caption ? caption.text() : '';
  }
  // Drawings are rendered in the page's language when they have it.
  handlerParams.targetlang = env.ctx.language;
  return { frame, handler: handlerParams };
}

/** The file a link target names: character references and percent-escapes decoded, fragment ignored. */
export function readLinkTarget(token: WikiToken): string {
  const target = token.firstChild!.text!().trim().replace(/^:/, '');
  return target.includes('%') ? rawUrlDecode(target) : target;
}

/** The token renderer for file tokens ([[File:…]], [[Image:…]]). */
export function createMediaTokenRenderer(deps: MediaDeps): TokenRenderer {
  return (token, opt) => {
    if (token.type !== 'file') return null;
    const ctx = deps.current();
    if (!ctx) return null;
    const env = new MediaEnvironment(deps, ctx);
    const title = env.titles.newFromText(readLinkTarget(token));
    if (!title || title.getNamespace() !== NS_FILE) return null;
    const file = env.getFile(title.getDBkey());
    // Through a file redirect, the image shows and links to the target (Parser::fetchFileAndTitle).
    const fileTitle = file ? env.titles.makeTitle(NS_FILE, file.getName()) : title;
    const parts = token.childNodes.slice(1).map((child) => new TokenPart(child as ImageParameterToken, opt));
    const { frame, handler } = makeImageParams(env, parts, file);
    return makeImageLink(env, fileTitle, file, frame, handler);
  };
}
