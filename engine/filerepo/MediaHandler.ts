/**
 * What each kind of file can do when it is shown in a page: MediaWiki's
 * media handlers (includes/media), for the formats core MediaWiki renders —
 * bitmaps (BitmapHandler and its JPEG/PNG/GIF/WebP subclasses), SVG drawings
 * (SvgHandler) and DjVu documents (DjVuHandler). A file with no handler
 * (audio, video, PDF without an extension …) cannot be shown inline.
 *
 * A handler validates the image options it understands (width, page, lang),
 * turns requested sizes into the size of the image file to make
 * (normaliseParams) and names that thumbnail (makeParamString + the thumb
 * type). The thumbnails themselves are made elsewhere, on request of their
 * URL (MediaWiki's TRANSFORM_LATER / 404 handler); a render only needs their
 * names and sizes.
 */
import type { FileInfo } from './FileInfo';

/** The transform parameters (MediaWiki's $handlerParams). */
export interface HandlerParams {
  width?: number;
  height?: number;
  /** Page of a multi-page document, 1-based. */
  page?: number;
  /** Language of an SVG's text, as asked for with `lang=`. */
  lang?: string;
  /** The page's language: an SVG is drawn in it when the file has that translation. */
  targetlang?: string;
}

/** Parameters after normaliseParams: the size on the page and the size of the file to make. */
export interface NormalisedParams extends HandlerParams {
  width: number;
  height: number;
  page: number;
  physicalWidth: number;
  physicalHeight: number;
}

/** The names handlers give their options (the values of MediaHandler::getParamMap). */
export type HandlerParamName = 'width' | 'page' | 'lang';

/** A thumbnail to show (MediaWiki's ThumbnailImage): its URL and its size on the page. */
export interface Thumbnail {
  kind: 'thumbnail';
  url: string;
  width: number;
  height: number;
  /** Page shown, when the handler knows pages (added to the description link when not 1). */
  page: number | null;
  /** Language asked for with `lang=` (added to the description link). */
  lang: string | null;
}

/** A transform that could not be done (MediaWiki's MediaTransformError): a message and a box size. */
export interface TransformError {
  kind: 'error';
  /** Message key and parameters, e.g. thumbnail_error + the reason. */
  message: string;
  params: { key: string; params: string[] }[];
  width: number;
  height: number;
}

export type TransformOutput = Thumbnail | TransformError;

/** PHP's round(): halves away from zero, optionally to a power of ten (round(x, -1) → tens). */
export function phpRound(value: number, precision = 0): number {
  const factor = 10 ** precision;
  return (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
}

/** File::scaleHeight: the height that keeps the aspect ratio at a new width. */
export function scaleHeight(srcWidth: number, srcHeight: number, dstWidth: number): number {
  return srcWidth === 0 ? 0 : phpRound((srcHeight * dstWidth) / srcWidth);
}

/**
 * MediaHandler::fitBoxWidth: the width whose scaled height fits in
 * maxHeight, rounded up unless that overflows the box.
 */
export function fitBoxWidth(boxWidth: number, boxHeight: number, maxHeight: number): number {
  const idealWidth = (boxWidth * maxHeight) / boxHeight;
  const roundedUp = Math.ceil(idealWidth);
  if (phpRound((roundedUp * boxHeight) / boxWidth) > maxHeight) return Math.floor(idealWidth);
  return roundedUp;
}

/** The extension of a file name, lower case ('' when none). */
export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Longest file name (in UTF-8 bytes) used as is in a thumbnail name ($wgLocalFileRepo['abbrvThreshold']). */
const ABBREVIATION_THRESHOLD = 255;

export abstract class MediaHandler {
  /** Image-option magic words this handler reads, and the parameter each sets (MediaHandler::getParamMap). */
  abstract getParamNames(): readonly HandlerParamName[];

  /** Whether an option value is acceptable (MediaHandler::validateParam); an unacceptable one is a caption. */
  validateParam(name: HandlerParamName | 'height', value: string | number): boolean {
    return (name === 'width' || name === 'height') && Number(value) > 0;
  }

  /** Scalable drawings get any size asked for, even bigger than their nominal size. */
  isVectorized(_file: FileInfo): boolean {
    return false;
  }

  /** Formats a browser cannot show directly always need a rendered thumbnail. */
  mustRender(_file: FileInfo): boolean {
    return false;
  }

  /** Pages of a multi-page document; null for single images. */
  pageCount(_file: FileInfo): number | null {
    return null;
  }

  /** Size of a page (or the image) in pixels. */
  getPageDimensions(file: FileInfo, _page: number): { width: number; height: number } {
    return { width: file.width, height: file.height };
  }

  /** File type of this handler's thumbnails: [extension, MIME type] (MediaHandler::getThumbType). */
  getThumbType(extension: string, mime: string): [string, string] {
    return [extension, mime];
  }

  /** ImageHandler::normaliseParams: page clamped, width/height box resolved, file size to make set. */
  normaliseParams(file: FileInfo, params: HandlerParams): NormalisedParams | null {
    if (params.width === undefined) return null;
    const count = this.pageCount(file);
    let page = params.page === undefined ? 1 : Math.trunc(params.page);
    if (count !== null && page > count) page = count;
    if (page < 1) page = 1;
    const { width: srcWidth, height: srcHeight } = this.getPageDimensions(file, page);
    let width = params.width;
    let height = params.height;
    let physicalWidth: number | undefined;
    if (height !== undefined && height !== -1) {
      if (width * srcHeight > height * srcWidth) {
        // The height is the tighter bound: scale the width to it.
        width = fitBoxWidth(srcWidth, srcHeight, height);
        // A very small image relies on the browser's scaling.
        if (width === 0) width = 1;
        physicalWidth = width;
      } else {
        // The height would not bind; it is recomputed from the width below.
        height = undefined;
      }
    }
    physicalWidth ??= width;
    // Thumbnails are named by width only, so their height always follows from it.
    let physicalHeight = scaleHeight(srcWidth, srcHeight, physicalWidth);
    if (height === undefined || height === -1) height = physicalHeight;
    // ImageHandler::validateThumbParams.
    physicalWidth = Math.trunc(physicalWidth);
    if (physicalWidth <= 0 || srcWidth <= 0) return null;
    physicalHeight = scaleHeight(srcWidth, srcHeight, physicalWidth);
    if (physicalHeight === 0) physicalHeight = 1;
    return { ...params, width, height, page, physicalWidth, physicalHeight };
  }

  /** The size part of a thumbnail's name ("180px"). */
  makeParamString(params: NormalisedParams): string {
    return `${params.physicalWidth}px`;
  }

  /**
   * File::thumbName / generateThumbName: "<params>-<name>", plus the thumb
   * type's extension when it differs from the file's ("180px-Foo.svg.png").
   * An overlong name is replaced by "thumbnail.<ext>".
   */
  thumbName(file: FileInfo, params: NormalisedParams): string {
    const extension = fileExtension(file.name);
    const [thumbExtension] = this.getThumbType(extension, file.mime);
    const base = Buffer.byteLength(file.name, 'utf8') > ABBREVIATION_THRESHOLD ? `thumbnail.${extension}` : file.name;
    let name = `${this.makeParamString(params)}-${base}`;
    if (thumbExtension !== extension) name += `.${thumbExtension}`;
    return name;
  }

  /** The thumbnail for these parameters (MediaHandler::doTransform with TRANSFORM_LATER). */
  transform(file: FileInfo, params: HandlerParams): TransformOutput {
    const normalised = this.normaliseParams(file, params);
    if (!normalised) return transformParameterError(params);
    return this.thumbnailFor(file, normalised);
  }

  protected thumbnailFor(file: FileInfo, params: NormalisedParams): TransformOutput {
    return {
      kind: 'thumbnail',
      url: `${file.thumbUrl}/${rawUrlEncode(this.thumbName(file, params))}`,
      width: phpRound(params.width),
      height: phpRound(params.height),
      page: null,
      lang: null,
    };
  }
}

/** TransformParameterError: "Error creating thumbnail: Invalid thumbnail parameters", in a box at least 120px. */
function transformParameterError(params: HandlerParams): TransformError {
  return {
    kind: 'error',
    message: 'thumbnail_error',
    params: [{ key: 'thumbnail_invalid_params', params: [] }],
    width: Math.max(params.width ?? 0, 120),
    height: Math.max(params.height ?? 0, 120),
  };
}

/**
 * Bitmaps (BitmapHandler via TransformationalImageHandler): never scaled up —
 * a request at or above the original's width shows the original file, scaled
 * by the browser to the size asked for.
 */
export class BitmapHandler extends MediaHandler {
  getParamNames(): readonly HandlerParamName[] {
    return ['width'];
  }

  override normaliseParams(file: FileInfo, params: HandlerParams): NormalisedParams | null {
    const normalised = super.normaliseParams(file, params);
    if (!normalised) return null;
    const { width: srcWidth, height: srcHeight } = this.getPageDimensions(file, normalised.page);
    // Don't make an image bigger than the source.
    if (normalised.physicalWidth >= srcWidth) {
      normalised.physicalWidth = srcWidth;
      normalised.physicalHeight = srcHeight;
    }
    return normalised;
  }

  protected override thumbnailFor(file: FileInfo, params: NormalisedParams): TransformOutput {
    const { width: srcWidth, height: srcHeight } = this.getPageDimensions(file, params.page);
    if (!this.mustRender(file) && params.physicalWidth === srcWidth && params.physicalHeight === srcHeight) {
      // The original at the asked size (getClientScalingThumbnailImage).
      return { kind: 'thumbnail', url: file.url, width: phpRound(params.width), height: phpRound(params.height), page: null, lang: null };
    }
    return super.thumbnailFor(file, params);
  }
}

/** SvgHandler's default rendering language ($wgSVGDefaultRenderLang's default). */
const SVG_DEFAULT_RENDER_LANG = 'en';

/**
 * LanguageCode::isWellFormedLanguageTag, reduced to the shape of BCP 47 tags
 * (a 2–8 letter language, then 1–8 character subtags).
 */
function isWellFormedLanguageTag(code: string): boolean {
  return /^[a-z]{2,8}(?:-[a-z0-9]{1,8})*$/i.test(code);
}

/**
 * SVG drawings (SvgHandler): rasterised to PNG at any size (vector), in the
 * language asked for with `lang=` or, when the drawing has that translation,
 * the page's language. The smaller side is capped at $wgSVGMaxSize.
 */
export class SvgHandler extends MediaHandler {
  constructor(private readonly maxSize = 5120) {
    super();
  }

  getParamNames(): readonly HandlerParamName[] {
    return ['width', 'lang'];
  }

  override validateParam(name: HandlerParamName | 'height', value: string | number): boolean {
    if (name === 'lang') return typeof value === 'string' && value !== '' && isWellFormedLanguageTag(value);
    return super.validateParam(name, value);
  }

  override isVectorized(): boolean {
    return true;
  }

  override mustRender(): boolean {
    return true;
  }

  override getThumbType(): [string, string] {
    return ['png', 'image/png'];
  }

  /** SvgHandler::getMatchedLanguage: the drawing's translation for a language, matching subtag prefixes. */
  static getMatchedLanguage(file: FileInfo, wanted: string): string | null {
    if (wanted === 'und') return 'und';
    for (const language of Object.keys(file.metadata.translations ?? {})) {
      let trimmed = language;
      if (trimmed.toLowerCase() === wanted.toLowerCase()) return language;
      while (trimmed.includes('-')) {
        trimmed = trimmed.slice(0, trimmed.lastIndexOf('-'));
        if (trimmed.toLowerCase() === wanted.toLowerCase()) return language;
      }
    }
    return null;
  }

  override normaliseParams(file: FileInfo, params: HandlerParams): NormalisedParams | null {
    const normalised = super.normaliseParams(file, params);
    if (!normalised) return null;
    const { width: srcWidth, height: srcHeight } = this.getPageDimensions(file, normalised.page);
    // Don't make an image bigger than $wgSVGMaxSize on the smaller side.
    if (normalised.physicalWidth <= normalised.physicalHeight) {
      if (normalised.physicalWidth > this.maxSize) {
        normalised.physicalWidth = this.maxSize;
        normalised.physicalHeight = scaleHeight(srcWidth, srcHeight, this.maxSize);
      }
    } else if (normalised.physicalHeight > this.maxSize) {
      normalised.physicalWidth = scaleHeight(srcHeight, srcWidth, this.maxSize);
      normalised.physicalHeight = this.maxSize;
    }
    // Only languages the drawing has get their own thumbnails, unless asked for explicitly.
    if (normalised.targetlang !== undefined && !SvgHandler.getMatchedLanguage(file, normalised.targetlang)) delete normalised.targetlang;
    return normalised;
  }

  override makeParamString(params: NormalisedParams): string {
    const code = params.lang ?? params.targetlang ?? SVG_DEFAULT_RENDER_LANG;
    const prefix = code !== SVG_DEFAULT_RENDER_LANG ? `lang${code.toLowerCase()}-` : '';
    return `${prefix}${params.width}px`;
  }

  protected override thumbnailFor(file: FileInfo, params: NormalisedParams): TransformOutput {
    const thumbnail = super.thumbnailFor(file, params) as Thumbnail;
    return { ...thumbnail, lang: params.lang ?? null };
  }
}

/** DjVu documents (DjVuHandler): pages rendered to JPEG, chosen with `page=`. */
export class DjVuHandler extends MediaHandler {
  getParamNames(): readonly HandlerParamName[] {
    return ['width', 'page'];
  }

  override validateParam(name: HandlerParamName | 'height', value: string | number): boolean {
    // Extra text after the page number is a caption ("page 3 of the document shows foo").
    if (name === 'page' && String(value).trim() !== String(Math.trunc(Number(value)))) return false;
    return (name === 'width' || name === 'height' || name === 'page') && Number(value) > 0;
  }

  override mustRender(): boolean {
    return true;
  }

  override pageCount(file: FileInfo): number | null {
    return file.metadata.pages?.length ?? null;
  }

  override getPageDimensions(file: FileInfo, page: number): { width: number; height: number } {
    const pages = file.metadata.pages;
    return pages?.[page - 1] ?? { width: file.width, height: file.height };
  }

  override getThumbType(): [string, string] {
    return ['jpg', 'image/jpeg'];
  }

  override makeParamString(params: NormalisedParams): string {
    return `page${params.page}-${params.width}px`;
  }

  protected override thumbnailFor(file: FileInfo, params: NormalisedParams): TransformOutput {
    const thumbnail = super.thumbnailFor(file, params) as Thumbnail;
    return { ...thumbnail, page: params.page };
  }
}

/** Bitmap types core MediaWiki renders ($wgMediaHandlers). */
const BITMAP_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/bmp', 'image/x-bmp', 'image/x-ms-bmp', 'image/avif']);

export interface MediaHandlerOptions {
  /** $wgSVGMaxSize: largest rendering of an SVG's smaller side. */
  svgMaxSize?: number;
}

/** The handler for a MIME type, or null when files of that type cannot be shown inline (MediaHandlerFactory). */
export function getMediaHandler(mime: string, options: MediaHandlerOptions = {}): MediaHandler | null {
  if (BITMAP_TYPES.has(mime)) return new BitmapHandler();
  if (mime === 'image/svg+xml' || mime === 'image/svg') return new SvgHandler(options.svgMaxSize);
  if (mime === 'image/vnd.djvu' || mime === 'image/x.djvu' || mime === 'image/x-djvu') return new DjVuHandler();
  return null;
}

/** PHP's rawurlencode(): everything but A-Z a-z 0-9 - _ . ~ percent-encoded, as file URLs are. */
export function rawUrlEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
