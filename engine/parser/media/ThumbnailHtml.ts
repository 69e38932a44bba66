/**
 * The HTML of one shown image and of a file that cannot be shown:
 * MediaWiki's ThumbnailImage::toHtml (the `<img>` and the link around it,
 * MediaTransformOutput::linkWrap / getDescLinkAttribs),
 * Linker::processResponsiveImages (the 2x srcset),
 * Linker::getImageLinkMTOParams and Linker::makeBrokenImageLinkObj.
 */
import type { File } from '../../filerepo/File';
import type { HandlerParams, Thumbnail } from '../../filerepo/MediaHandler';
import type { Title } from '../../title/Title';
import { wfUrlencode } from '../../title/urlencode';
import { encodeAttributeValue } from '../sanitizer/CharReferences';
import type { ImageLinkTarget } from './ImageOptions';
import type { MediaEnvironment } from './MediaEnvironment';

/** Attributes in the order they are written; undefined/false values are left out. */
export type AttributeList = readonly (readonly [string, string | number | boolean | undefined | null])[];

/** An element with attributes in the given order and raw inner HTML (Html::rawElement). */
export function rawElement(tag: string, attributes: AttributeList, inner: string): string {
  return `<${tag}${renderAttributes(attributes)}>${inner}</${tag}>`;
}

export function renderAttributes(attributes: AttributeList): string {
  let out = '';
  for (const [name, value] of attributes) {
    if (value === undefined || value === null || value === false) continue;
    out += ` ${name}="${encodeAttributeValue(value === true ? '1' : String(value))}"`;
  }
  return out;
}

/** Text content, escaped (Html::element's content). */
export function escapeText(text: string): string {
  return encodeAttributeValue(text);
}

/** A class attribute from a list: empty entries and repeats dropped, absent when nothing is left (Html's class arrays). */
export function classList(classes: readonly (string | undefined)[]): string | undefined {
  const unique = [...new Set(classes.filter((c): c is string => !!c && c.trim() !== ''))];
  return unique.length > 0 ? unique.join(' ') : undefined;
}

/** ThumbnailImage::toHtml options (MediaWiki's keys in camel case). */
export interface ThumbnailHtmlOptions {
  alt?: string;
  /** Tooltip of the link (the caption of an image without a visible one). */
  title?: string;
  /** Link to the file's description page (with the page and language shown). */
  descLink?: boolean;
  fileLink?: boolean;
  customUrlLink?: string;
  customTargetLink?: string;
  parserExtlinkRel?: string;
  parserExtlinkTarget?: string;
  customTitleLink?: Extract<ImageLinkTarget, { type: 'link-title' }>;
  customTitleLinkQuery?: Record<string, string | number>;
  imgClass?: string;
  /** The description page's URL, shown as `resource` when the image links elsewhere. */
  magnifyResource?: string;
  overrideWidth?: number;
  overrideHeight?: number;
  /** The `upright` factor that sized the image (exposed to CSS as --mw-file-upright). */
  upright?: number;
  loading?: 'lazy';
}

/** A thumbnail with what processResponsiveImages found for high-density screens. */
export interface ShownThumbnail extends Thumbnail {
  /** Density → URL ("2" → …), from Linker::processResponsiveImages. */
  responsiveUrls: Map<string, string>;
}

/**
 * Linker::processResponsiveImages: the same image at twice the size, when
 * that is another file than the one shown (not the original at full size).
 */
export function withResponsiveUrls(env: MediaEnvironment, file: File, thumb: Thumbnail, params: HandlerParams): ShownThumbnail {
  const responsiveUrls = new Map<string, string>();
  if (env.settings.responsiveImages) {
    const doubled: HandlerParams = { ...params, width: (params.width ?? 0) * 2 };
    if (params.height !== undefined) doubled.height = params.height * 2;
    const thumb2 = file.transform(doubled);
    if (thumb2 && thumb2.kind === 'thumbnail' && thumb2.url !== thumb.url) responsiveUrls.set('2', thumb2.url);
  }
  return { ...thumb, responsiveUrls };
}

/** PHP's (string) of a float, as in style attributes: 14 significant digits, no trailing zeros. */
export function phpFloatString(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(14)));
}

/** The link attributes for the image (ThumbnailImage::toHtml), or the span's when it links nowhere. */
function linkAttributes(file: File, fileTitle: Title, thumb: Thumbnail, options: ThumbnailHtmlOptions): { link: AttributeList; isLink: boolean; toDescription: boolean } {
  if (options.customUrlLink) {
    return {
      link: [
        ['href', options.customUrlLink],
        ['title', options.title || undefined],
        ['target', options.customTargetLink || options.parserExtlinkTarget || undefined],
        ['rel', options.parserExtlinkRel || undefined],
      ],
      isLink: true,
      toDescription: false,
    };
  }
  if (options.customTitleLink) {
    const target = options.customTitleLink;
    const href = target.title ? target.title.getLinkURL(options.customTitleLinkQuery) : target.href;
    return { link: [['href', href], ['title', options.title || target.titleText]], isLink: true, toDescription: false };
  }
  if (options.descLink) {
    // MediaTransformOutput::getDescLinkAttribs: the shown page and language go to the description page.
    const query: Record<string, string | number> = {};
    if (thumb.page !== null && thumb.page !== 1) query.page = thumb.page;
    if (thumb.lang) query.lang = thumb.lang;
    return {
      link: [['href', fileTitle.getLocalURL(query)], ['class', 'mw-file-description'], ['title', options.title || undefined]],
      isLink: true,
      toDescription: true,
    };
  }
  if (options.fileLink) return { link: [['href', file.getUrl()]], isLink: true, toDescription: false };
  return { link: [['title', options.title || undefined]], isLink: false, toDescription: false };
}

/** ThumbnailImage::toHtml: the `<img>`, in a link (or a span when it links nowhere). */
export function thumbnailHtml(file: File, fileTitle: Title, thumb: ShownThumbnail, options: ThumbnailHtmlOptions): string {
  const { link, isLink, toDescription } = linkAttributes(file, fileTitle, thumb, options);
  const srcset = [...thumb.responsiveUrls].filter(([, url]) => url !== thumb.url).map(([density, url]) => `${url} ${density}x`).join(', ');
  const img: AttributeList = [
    ['alt', options.alt],
    ['resource', toDescription ? undefined : options.magnifyResource],
    ['src', thumb.url],
    ['decoding', 'async'],
    ['loading', options.loading],
    ['width', options.overrideWidth ?? thumb.width],
    ['height', options.overrideHeight ?? thumb.height],
    ['style', options.upright !== undefined ? `--mw-file-upright: ${phpFloatString(options.upright)}` : undefined],
    ['class', classList([options.imgClass, options.upright !== undefined ? 'mw-file-upright' : undefined])],
    ['srcset', srcset || undefined],
  ];
  return rawElement(isLink ? 'a' : 'span', link, `<img${renderAttributes(img)} />`);
}

/** Linker::getImageLinkMTOParams: how the image links, from the frame parameters. */
export function imageLinkOptions(env: MediaEnvironment, link: ImageLinkTarget | undefined, linkTitleQuery?: Record<string, string | number>): ThumbnailHtmlOptions {
  if (link?.type === 'link-url') {
    const external = env.externalLinkAttributes(link.url);
    return { customUrlLink: link.url, parserExtlinkRel: external.rel, parserExtlinkTarget: external.target };
  }
  if (link?.type === 'link-title') return { customTitleLink: link, customTitleLinkQuery: linkTitleQuery };
  if (link?.type === 'no-link') return {};
  return { descLink: true };
}

/**
 * Linker::getUploadUrl: where to upload a missing file ($wgUploadMissingFileUrl,
 * $wgUploadNavigationUrl, else Special:Upload with the name filled in).
 */
export function uploadUrl(env: MediaEnvironment, title: Title, query = ''): string {
  let q = `wpDestFile=${wfUrlencode(title.getDBkey())}`;
  if (query !== '') q += `&${query}`;
  const external = env.settings.uploadMissingFileUrl ?? env.settings.uploadNavigationUrl;
  if (external) return `${external}${external.includes('?') ? '&' : '?'}${q}`;
  return env.titles.makeTitle(-1, 'Upload').getLocalURL(q);
}

/**
 * Linker::makeBrokenImageLinkObj: a file that is not shown, as its label in a
 * span sized like the image would be, linking to the upload form when the
 * file is missing (and uploads are possible) or to its description page.
 */
export function brokenImageLink(env: MediaEnvironment, title: Title, label: string, handlerParams: HandlerParams, currentExists: boolean): string {
  const text = label === '' ? title.getPrefixedText() : label;
  const span = rawElement(
    'span',
    [
      ['class', 'mw-file-element mw-broken-media'],
      // Let the page reserve the image's space (T273013).
      ['data-width', handlerParams.width],
      ['data-height', handlerParams.height],
    ],
    escapeText(text),
  );
  const { enableUploads, uploadMissingFileUrl, uploadNavigationUrl } = env.settings;
  if ((uploadMissingFileUrl || uploadNavigationUrl || enableUploads) && !currentExists) {
    return rawElement('a', [['href', uploadUrl(env, title)], ['class', 'new'], ['title', title.getPrefixedText()]], span);
  }
  return rawElement('a', [['href', title.getLinkURL()], ['title', title.getPrefixedText()]], span);
}
