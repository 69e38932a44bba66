/**
 * An uploaded file as the parser uses it (MediaWiki's File/LocalFile, reduced
 * to what rendering needs): its metadata from the repository plus the media
 * handler for its type, which knows its pages, its sizes and its thumbnails.
 */
import type { FileInfo } from './FileInfo';
import { getMediaHandler, HandlerParams, MediaHandler, MediaHandlerOptions, TransformOutput } from './MediaHandler';

export class File {
  private readonly handler: MediaHandler | null;

  constructor(
    readonly info: FileInfo,
    options: MediaHandlerOptions = {},
  ) {
    this.handler = getMediaHandler(info.mime, options);
  }

  /** DB key without namespace. */
  getName(): string {
    return this.info.name;
  }

  getUrl(): string {
    return this.info.url;
  }

  getMediaType(): string {
    return this.info.mediaType;
  }

  getHandler(): MediaHandler | null {
    return this.handler;
  }

  /** File::canRender: a handler can draw it. */
  canRender(): boolean {
    return this.handler !== null;
  }

  /** File::allowInlineDisplay: only files that can be drawn are embedded; others become links. */
  allowInlineDisplay(): boolean {
    return this.canRender();
  }

  isVectorized(): boolean {
    return this.handler?.isVectorized(this.info) ?? false;
  }

  mustRender(): boolean {
    return this.handler?.mustRender(this.info) ?? false;
  }

  isMultipage(): boolean {
    return this.handler !== null && this.handler.pageCount(this.info) !== null;
  }

  /** Width of a page (multi-page documents; the first by default) or of the image. */
  getWidth(page = 1): number {
    return this.handler && this.isMultipage() ? this.handler.getPageDimensions(this.info, page).width : this.info.width;
  }

  getHeight(page = 1): number {
    return this.handler && this.isMultipage() ? this.handler.getPageDimensions(this.info, page).height : this.info.height;
  }

  /** File::transform: the thumbnail for these parameters; null when the file has no handler. */
  transform(params: HandlerParams): TransformOutput | null {
    return this.handler ? this.handler.transform(this.info, params) : null;
  }

  /** File::getUnscaledThumb: the image at its own size (frames and manual thumbnails), ignoring any height asked for. */
  getUnscaledThumb(params: HandlerParams): TransformOutput | null {
    const width = this.getWidth(params.page);
    const unscaled: HandlerParams = { ...params, width };
    delete unscaled.height;
    return this.transform(unscaled);
  }
}
