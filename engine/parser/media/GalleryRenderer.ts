/**
 * `<gallery>`: MediaWiki's Parser::renderImageGallery (reading the lines) and
 * its gallery classes (ImageGalleryBase and the modes traditional, nolines,
 * packed, packed-overlay, packed-hover, slideshow) producing the list:
 *
 *   <ul class="gallery mw-gallery-traditional">
 *   		<li class="gallerybox" style="width: 155px">
 *   			<div class="thumb" style="width: 150px; height: 150px;"><span typeof="mw:File">…</span></div>
 *   			<div class="gallerytext">caption</div>
 *   		</li>
 *   </ul>
 *
 * MediaWiki registers `<gallery>` as a core tag hook; so does this module:
 *   renderer.setHook('gallery', createGalleryTagHook({ current: () => renderer.getCurrentContext(), … }))
 * The images are found through the render context, like `[[File:…]]`.
 */
import type { File } from '../../filerepo/File';
import type { HandlerParams, Thumbnail, TransformOutput } from '../../filerepo/MediaHandler';
import type { Title } from '../../title/Title';
import type { TagHook } from '../ParserHooks';
import { validateTagAttributes } from '../sanitizer/HtmlAllowlist';
import { stripAltText } from './AltText';
import { ImageLinkTarget, ImageOptionName, matchImageOption, parseLinkParameter, parseWidthParam, rawUrlDecode } from './ImageOptions';
import { MediaDeps, MediaEnvironment } from './MediaEnvironment';
import {
  brokenImageLink, classList, escapeText, imageLinkOptions, phpFloatString, rawElement, renderAttributes, thumbnailHtml, ThumbnailHtmlOptions, withResponsiveUrls,
} from './ThumbnailHtml';

/** NS_FILE. */
const NS_FILE = 6;

/** One gallery line, read (ImageGalleryBase::add's arguments). */
interface GalleryImage {
  title: Title;
  /** Caption HTML. */
  label: string;
  /** Plain text; null: no alt attribute. */
  alt: string | null;
  handlerOptions: HandlerParams;
  /** Tooltip: the caption's text. */
  tooltip: string;
  link?: ImageLinkTarget;
  className?: string;
}

/**
 * The layout of one gallery mode: paddings and the sizes derived from them
 * (TraditionalImageGallery and its subclasses).
 */
class TraditionalGallery {
  constructor(
    readonly mode: string,
    readonly widths: number,
    readonly heights: number,
  ) {}

  /** Whether `perrow` applies. */
  supportsPerRow(): boolean {
    return true;
  }

  /** Space between the image and the box's border, both ways (halved vertically). */
  thumbPadding(): number {
    return 30;
  }

  /** Padding of the gallery box (the li). */
  gbPadding(): number {
    return 5;
  }

  /** Borders around the image: 2px border + 2px padding on each side. */
  gbBorders(): number {
    return 8;
  }

  allPadding(): number {
    return this.thumbPadding() + this.gbPadding() + this.gbBorders();
  }

  /** The size each image is asked for. */
  thumbParams(_file: File | null): { width: number; height: number } {
    return { width: this.widths, height: this.heights };
  }

  /** Width of the div holding the image. */
  thumbDivWidth(_thumbWidth: number): number {
    return this.widths + this.thumbPadding();
  }

  /** Width of the gallery box. */
  gbWidth(_thumb: TransformOutput | null): number {
    return this.widths + this.thumbPadding() + this.gbPadding();
  }

  /** Extra image options (packed galleries shrink their 1.5x thumbnails back). */
  adjustImageParameters(_thumb: Thumbnail, _options: ThumbnailHtmlOptions): void {}

  /** The caption's wrapper. */
  wrapGalleryText(text: string, _thumb: TransformOutput | null): string {
    return `\n\t\t\t${rawElement('div', [['class', 'gallerytext']], text)}`;
  }

  /** Attributes from the tag's other options (slideshow's data-showthumbnails). */
  additionalAttributes(_params: Readonly<Record<string, string>>): Record<string, string | boolean> {
    return {};
  }
}

/** Like traditional, without borders and with less padding. */
class NolinesGallery extends TraditionalGallery {
  override thumbPadding(): number {
    return 0;
  }

  override gbBorders(): number {
    return 0;
  }
}

/**
 * All images the same height. Thumbnails are made at 1.5 times the size so
 * the client script can justify rows without asking for new ones.
 */
const PACKED_SCALE = 1.5;

class PackedGallery extends TraditionalGallery {
  override supportsPerRow(): boolean {
    return false;
  }

  override thumbPadding(): number {
    return 0;
  }

  override gbPadding(): number {
    return 2;
  }

  override thumbParams(file: File | null): { width: number; height: number } {
    // The width must not be what limits the size, except for audio, which has no height.
    const width = file && file.getMediaType() === 'AUDIO' ? this.widths : this.heights * 10 + 100;
    return { width: width * PACKED_SCALE, height: this.heights * PACKED_SCALE };
  }

  override thumbDivWidth(thumbWidth: number): number {
    // At least 60px wide, so the caption has room.
    return Math.max(thumbWidth, 60 * PACKED_SCALE) / PACKED_SCALE + this.thumbPadding();
  }

  override gbWidth(thumb: TransformOutput | null): number {
    return this.thumbDivWidth(thumb ? thumb.width : this.widths * PACKED_SCALE) + this.gbPadding();
  }

  override adjustImageParameters(thumb: Thumbnail, options: ThumbnailHtmlOptions): void {
    // Back to the size shown.
    options.overrideWidth = Math.ceil(thumb.width / PACKED_SCALE);
    options.overrideHeight = Math.ceil(thumb.height / PACKED_SCALE);
  }
}

/** Packed, with the caption over the image. */
class PackedOverlayGallery extends PackedGallery {
  override wrapGalleryText(text: string, thumb: TransformOutput | null): string {
    // No caption, no overlay (it would be an empty white bar).
    if (text.trim() === '') return '';
    const thumbWidth = this.gbWidth(thumb) - this.thumbPadding() - this.gbPadding();
    const captionWidth = Math.ceil(thumbWidth - 20);
    return `\n\t\t\t<div class="gallerytextwrapper" style="width: ${captionWidth}px">${rawElement('div', [['class', 'gallerytext']], text)}\n\t\t\t</div>`;
  }
}

/** Packed overlay whose caption shows on hover (the difference is CSS). */
class PackedHoverGallery extends PackedOverlayGallery {}

/** One image at a time, with controls added by script. */
class SlideshowGallery extends TraditionalGallery {
  override supportsPerRow(): boolean {
    return false;
  }

  override additionalAttributes(params: Readonly<Record<string, string>>): Record<string, string | boolean> {
    return { 'data-showthumbnails': 'showthumbnails' in params };
  }
}

/** ImageGalleryBase's mode mapping. */
const MODES: Record<string, new (mode: string, widths: number, heights: number) => TraditionalGallery> = {
  traditional: TraditionalGallery,
  nolines: NolinesGallery,
  packed: PackedGallery,
  'packed-hover': PackedHoverGallery,
  'packed-overlay': PackedOverlayGallery,
  slideshow: SlideshowGallery,
};

/** Positive pixel size from a widths/heights attribute ("120", "120px"); null when not one. */
function gallerySize(value: string | undefined): number | null {
  if (value === undefined) return null;
  const parsed = parseWidthParam(value, false);
  return parsed.width !== undefined && parsed.width > 0 ? parsed.width : null;
}

/**
 * StringUtils::delimiterExplode('-{', '}-', '|', …): the rendered options split
 * at '|', except inside language-converter markup and inside tags.
 */
function splitOptions(html: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inTag = false;
  let start = 0;
  for (let i = 0; i < html.length; i++) {
    const c = html[i];
    if (inTag) {
      if (c === '>') inTag = false;
    } else if (c === '<' && /[A-Za-z/!]/.test(html[i + 1] ?? '')) {
      inTag = true;
    } else if (c === '-' && html[i + 1] === '{') {
      depth++;
      i++;
    } else if (c === '}' && html[i + 1] === '-' && depth > 0) {
      depth--;
      i++;
    } else if (c === '|' && depth === 0) {
      parts.push(html.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(html.slice(start));
  return parts;
}

/**
 * The options of a line as HTML (Parser::recursiveTagParse, which does no
 * block-level pass: leading spaces do not start a preformatted block).
 */
function renderOptions(env: MediaEnvironment, wikitext: string): string {
  const leading = /^[ \t]*/.exec(wikitext)![0];
  return leading + env.ctx.renderInline(wikitext.slice(leading.length));
}

/** The options a gallery line can set: alt, link and class, and the handler's own but width. */
function galleryOptionNames(file: File | null): Set<ImageOptionName> {
  const names = new Set<ImageOptionName>(['alt', 'link', 'class']);
  // Per-image widths are not allowed: the gallery sets them.
  for (const name of file?.getHandler()?.getParamNames() ?? []) if (name !== 'width') names.add(name);
  return names;
}

/** Parser::renderImageGallery's reading of one line; null for lines without a valid title. */
function readGalleryLine(env: MediaEnvironment, line: string): GalleryImage | null {
  const match = /^([^|]+)(\|(.*))?$/.exec(line);
  if (!match) return null;
  const name = match[0].includes('%') ? rawUrlDecode(match[1]) : match[1];
  const title = env.titles.newFromText(name, NS_FILE);
  if (!title) return null;
  // Not registered yet: the gallery does that when it shows the image.
  const file = title.getNamespace() === NS_FILE ? env.getFile(title.getDBkey()) : null;
  const handler = file?.getHandler() ?? null;
  const allowed = galleryOptionNames(file);

  let label = '';
  let alt: string | null = null;
  let hasAlt = false;
  let link: ImageLinkTarget | undefined;
  let className: string | undefined;
  const handlerOptions: HandlerParams = {};
  if (match[3] !== undefined) {
    // Unlike [[File:…]], the options are parsed before they are split (recursiveTagParse).
    for (const piece of splitOptions(renderOptions(env, match[3]))) {
      const option = matchImageOption(piece.trim(), allowed);
      if (!option || option.value === false) {
        // The last part that is no option is the caption.
        label = piece;
        continue;
      }
      if (option.name === 'alt') {
        hasAlt = true;
        alt = stripAltText(option.value);
      } else if (option.name === 'class') {
        className = stripAltText(option.value);
      } else if (option.name === 'link') {
        // Language-converter protection of an external link (LanguageConverter::markNoConversion).
        const value = stripAltText(option.value).replace(/^-\{R\|(.*)\}-$/, '$1');
        link = parseLinkParameter(value, env) ?? link;
      } else if ((option.name === 'page' || option.name === 'lang') && handler?.validateParam(option.name, option.value)) {
        if (option.name === 'page') handlerOptions.page = Number(option.value);
        else handlerOptions.lang = option.value;
      } else {
        label = piece;
      }
    }
  }
  // As makeImage for images without a shown caption: the caption is the alt text, unless one is given.
  if (!hasAlt && label !== '') alt = stripAltText(label);
  handlerOptions.targetlang = env.ctx.language;
  return { title, label, alt, handlerOptions, tooltip: stripAltText(label), link, className };
}

/** TraditionalImageGallery::toHTML for one image: the thumb div and the caption, in a gallery box. */
function galleryBox(env: MediaEnvironment, layout: TraditionalGallery, image: GalleryImage, showFilename: boolean): string {
  let title = image.title;
  const file = title.getNamespace() === NS_FILE ? env.getFile(title.getDBkey()) : null;
  // Through a file redirect the target is shown and named.
  if (file) title = env.titles.makeTitle(NS_FILE, file.getName());
  const transformOptions: HandlerParams = { ...image.handlerOptions, ...layout.thumbParams(file) };
  const thumb = file ? file.transform(transformOptions) : null;
  const boxHeight = layout.thumbPadding() + layout.heights;

  let thumbHtml: string;
  if (!file || !thumb || thumb.kind === 'error' || env.isBadFile(title.getDBkey())) {
    const currentExists = file !== null;
    let label: string;
    if (currentExists && !thumb) label = env.msg('thumbnail_error', '');
    else if (thumb && thumb.kind === 'error') label = env.msg(thumb.message, ...thumb.params.map((p) => env.msg(p.key, ...p.params)));
    else label = image.alt ?? '';
    const broken = rawElement('span', [['typeof', 'mw:Error mw:File']], brokenImageLink(env, title, label, transformOptions, currentExists));
    thumbHtml = `\n\t\t\t${rawElement('div', [['class', 'thumb'], ['style', `height: ${boxHeight}px;`]], broken)}`;
  } else {
    const options: ThumbnailHtmlOptions = {
      ...imageLinkOptions(env, image.link),
      alt: image.alt ?? undefined,
      title: image.tooltip,
      imgClass: 'mw-file-element',
    };
    layout.adjustImageParameters(thumb, options);
    const img = thumbnailHtml(file, title, withResponsiveUrls(env, file, thumb, transformOptions), options);
    const span = rawElement('span', [['class', classList([image.className])], ['typeof', 'mw:File']], img);
    const style = `width: ${phpFloatString(layout.thumbDivWidth(thumb.width))}px;${layout.mode === 'traditional' ? ` height: ${boxHeight}px;` : ''}`;
    thumbHtml = `\n\t\t\t${rawElement('div', [['class', 'thumb'], ['style', style]], span)}`;
  }

  // The name, linked to the description page (getCaptionHtml; truncated to one line by CSS).
  const textLink = showFilename
    ? `${rawElement('a', [['href', title.getLinkURL()], ['class', 'galleryfilename galleryfilename-truncate'], ['title', title.getPrefixedText()]], escapeText(title.getText()))}\n`
    : '';
  const galleryText = layout.wrapGalleryText(textLink + image.label, thumb);
  const gbWidth = `${phpFloatString(layout.gbWidth(thumb))}px`;
  return `\n\t\t${rawElement('li', [['class', 'gallerybox'], ['style', `width: ${gbWidth}`]], `${thumbHtml}${galleryText}\n\t\t`)}`;
}

/** Parser::renderImageGallery: the gallery's HTML from its lines and attributes. */
export function renderImageGallery(env: MediaEnvironment, text: string, params: Readonly<Record<string, string>>): string {
  const defaults = env.settings.gallery;
  const requested = (params.mode ?? defaults.mode).toLowerCase();
  // An unknown mode falls back to the default one.
  const mode = requested in MODES ? requested : defaults.mode in MODES ? defaults.mode : 'traditional';
  const widths = gallerySize(params.widths) ?? defaults.imageWidth;
  const heights = gallerySize(params.heights) ?? defaults.imageHeight;
  const layout = new MODES[mode](mode, widths, heights);

  const attributes: Record<string, string | boolean> = { ...validateTagAttributes(params, 'ul'), ...layout.additionalAttributes(params) };
  attributes.class = classList([typeof attributes.class === 'string' ? attributes.class : undefined, 'gallery', `mw-gallery-${mode}`])!;
  let perRow = defaults.imagesPerRow;
  const perRowValue = params.perrow === undefined ? NaN : parseInt(params.perrow, 10);
  if (layout.supportsPerRow() && perRowValue >= 0) perRow = perRowValue;
  if (!layout.supportsPerRow()) perRow = 0;
  if (perRow > 0) {
    const style = typeof attributes.style === 'string' ? attributes.style : '';
    attributes.style = `max-width: ${perRow * (widths + layout.allPadding())}px;${style}`;
  }

  let html = `<ul${renderAttributes(Object.entries(attributes))}>`;
  if (params.caption !== undefined) {
    const caption = env.ctx.renderInline(params.caption);
    if (caption !== '') html += `\n\t${rawElement('li', [['class', 'gallerycaption']], caption)}`;
  }
  const showFilename = 'showfilename' in params;
  for (const line of text.split('\n')) {
    const image = readGalleryLine(env, line);
    if (image) html += galleryBox(env, layout, image, showFilename);
  }
  return `${html}\n</ul>`;
}

/** The `<gallery>` tag hook. */
export function createGalleryTagHook(deps: MediaDeps): TagHook {
  return (input) => {
    const ctx = deps.current();
    if (!ctx) return '';
    return renderImageGallery(new MediaEnvironment(deps, ctx), input.content ?? '', input.attributes);
  };
}
