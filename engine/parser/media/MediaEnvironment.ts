/**
 * What media rendering needs from the engine, and the MediaWiki settings that
 * shape it. The token renderer, the media-link renderer and the gallery tag
 * hook share one set of dependencies (MediaDeps); for each use they build a
 * MediaEnvironment around the render in progress.
 */
import { File } from '../../filerepo/File';
import type { InterwikiLookup } from '../InterwikiLookup';
import type { RenderContext } from '../RenderContext';
import type { TitleFactory } from '../../title/TitleFactory';
import { BadFileList } from './BadFileList';

/** The gallery defaults ($wgGalleryOptions). */
export interface GalleryOptions {
  imagesPerRow: number;
  imageWidth: number;
  imageHeight: number;
  /** Truncate file names shown with showfilename: true = one line by CSS, a number = that many characters. */
  captionLength: boolean | number;
  mode: string;
}

export interface MediaSettings {
  /**
   * Default thumbnail width in pixels: $wgThumbLimits at the 'thumbsize' user
   * option (MediaWiki's defaults give 250; its parser tests use 180).
   */
  thumbSize: number;
  /** $wgThumbUpright: the width factor of a bare `upright`. */
  thumbUpright: number;
  /** $wgResponsiveImages: a 2x srcset for high-density screens. */
  responsiveImages: boolean;
  /** $wgSVGMaxSize. */
  svgMaxSize: number;
  /**
   * $wgEnableUploads: a missing file links to Special:Upload (otherwise to
   * its description page). On by default here: missing files are how a wiki
   * asks for uploads, and MediaWiki's parser tests expect it.
   */
  enableUploads: boolean;
  /** $wgUploadMissingFileUrl: where a missing file's link goes instead of Special:Upload. */
  uploadMissingFileUrl: string | null;
  /** $wgUploadNavigationUrl. */
  uploadNavigationUrl: string | null;
  /** $wgExternalLinkTarget: `target` of links to URLs (`link=http://…`). */
  externalLinkTarget: string | null;
  /** $wgNoFollowLinks. */
  noFollow: boolean;
  /** $wgNoFollowDomainExceptions. */
  noFollowDomainExceptions: readonly string[];
  gallery: GalleryOptions;
}

export const DEFAULT_MEDIA_SETTINGS: MediaSettings = {
  thumbSize: 250,
  thumbUpright: 0.75,
  responsiveImages: true,
  svgMaxSize: 5120,
  enableUploads: true,
  uploadMissingFileUrl: null,
  uploadNavigationUrl: null,
  externalLinkTarget: null,
  noFollow: true,
  noFollowDomainExceptions: ['mediawiki.org'],
  gallery: { imagesPerRow: 0, imageWidth: 120, imageHeight: 120, captionLength: true, mode: 'traditional' },
};

export interface MediaDeps {
  /** The render in progress (the renderer passes `() => renderer.getCurrentContext()`). */
  current(): RenderContext | null;
  titles: TitleFactory;
  interwiki: InterwikiLookup;
  /**
   * Interface message text, as the renderer's `message` service gives it
   * (on-wiki overrides included): the media messages and MediaWiki:Bad image list.
   */
  message(key: string): string | undefined;
  /** Settings, or a function giving them per render (parser tests change thumbsize per test). */
  settings?: Partial<MediaSettings> | (() => Partial<MediaSettings>);
}

/** One render's view of the dependencies. */
export class MediaEnvironment {
  readonly settings: MediaSettings;
  private readonly badFiles: BadFileList;

  constructor(
    readonly deps: MediaDeps,
    readonly ctx: RenderContext,
  ) {
    const given = typeof deps.settings === 'function' ? deps.settings() : (deps.settings ?? {});
    this.settings = { ...DEFAULT_MEDIA_SETTINGS, ...given, gallery: { ...DEFAULT_MEDIA_SETTINGS.gallery, ...given.gallery } };
    this.badFiles = BadFileList.fromText(deps.message('bad_image_list') ?? '', deps.titles);
  }

  get titles(): TitleFactory {
    return this.deps.titles;
  }

  /** A file of this render (recorded as used; unknown ones are fetched for the next pass). */
  getFile(dbKey: string): File | null {
    const info = this.ctx.getFile(dbKey);
    return info ? new File(info, { svgMaxSize: this.settings.svgMaxSize }) : null;
  }

  /** BadFileLookup::isBadFile: on MediaWiki:Bad image list, and not excepted for this page. */
  isBadFile(dbKey: string): boolean {
    return this.badFiles.isBad(dbKey, this.ctx.title);
  }

  /** An interface message as plain text, $1… replaced (wfMessage()->text() for simple messages). */
  msg(key: string, ...params: string[]): string {
    const text = this.deps.message(key) ?? `⧼${key}⧽`;
    return text.replace(/\$(\d+)/g, (whole, n: string) => params[Number(n) - 1] ?? whole);
  }

  /**
   * Parser::getExternalLinkAttribs for a URL: rel="nofollow" unless the
   * domain is excepted, and $wgExternalLinkTarget.
   */
  externalLinkAttributes(url: string): { rel?: string; target?: string } {
    const attributes: { rel?: string; target?: string } = {};
    if (this.settings.noFollow && !this.isNoFollowException(url)) attributes.rel = 'nofollow';
    if (this.settings.externalLinkTarget) attributes.target = this.settings.externalLinkTarget;
    return attributes;
  }

  private isNoFollowException(url: string): boolean {
    let host = '';
    try {
      host = new URL(url.startsWith('//') ? `http:${url}` : url).hostname;
    } catch {
      // An unparseable host is no exception.
      return false;
    }
    return this.settings.noFollowDomainExceptions.some((domain) => host === domain || host.endsWith(`.${domain}`));
  }
}
