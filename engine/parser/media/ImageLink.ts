/**
 * The HTML of an embedded file, from its parsed options: MediaWiki's
 * Linker::makeImageLink (inline images, frameless, alignment) and
 * Linker::makeThumbLink2 (thumb, frame and manual thumbnails, which show
 * their caption), in the markup MediaWiki emits since 1.40 with
 * $wgParserEnableLegacyMediaDOM off:
 *
 *   <span class="mw-default-size" typeof="mw:File"><a …><img …></a></span>
 *   <figure typeof="mw:File/Thumb"><a …><img …></a><figcaption>…</figcaption></figure>
 *
 * A file that cannot be shown (missing, broken thumbnail, on the bad image
 * list) keeps the wrapper, typed "mw:Error", around a sized placeholder link.
 */
import type { File } from '../../filerepo/File';
import { HandlerParams, phpRound, TransformOutput } from '../../filerepo/MediaHandler';
import type { Title } from '../../title/Title';
import { phpUrlencode } from '../../title/urlencode';
import type { ImageLinkTarget } from './ImageOptions';
import type { MediaEnvironment } from './MediaEnvironment';
import { brokenImageLink, classList, escapeText, imageLinkOptions, rawElement, thumbnailHtml, ThumbnailHtmlOptions, withResponsiveUrls } from './ThumbnailHtml';

/** Linker's $frameParams: options outside the media handler. */
export interface FrameParams {
  thumbnail?: boolean;
  /** Name of the file to show instead of a scaled thumbnail (`thumbnail=…`). */
  manualthumb?: string;
  framed?: boolean;
  frameless?: boolean;
  /** `upright` factor; 0 for a bare `upright` ($wgThumbUpright). */
  upright?: number;
  border?: boolean;
  align?: string;
  valign?: string;
  /** Plain text; absent means no alt attribute at all. */
  alt?: string;
  /** Tooltip (plain text), for images whose caption is not shown. */
  title?: string;
  /** Extra classes for the wrapper (plain text). */
  class?: string;
  /** Caption HTML. */
  caption?: string;
  link?: ImageLinkTarget;
}

/** The wrapper HTML with newlines flattened, as Linker returns it (the caption must not break paragraphs). */
function wrap(tag: string, classes: readonly (string | undefined)[], rdfaType: string, inner: string): string {
  return rawElement(tag, [['class', classList(classes)], ['typeof', rdfaType]], inner).replace(/\n/g, ' ');
}

function isShown(thumb: TransformOutput | null): thumb is Extract<TransformOutput, { kind: 'thumbnail' }> {
  return thumb !== null && thumb.kind === 'thumbnail';
}

/** The label of a thumbnail that failed: the handler's error, or thumbnail_error with no reason. */
function errorLabel(env: MediaEnvironment, thumb: TransformOutput | null): string {
  if (thumb && thumb.kind === 'error') return env.msg(thumb.message, ...thumb.params.map((p) => env.msg(p.key, ...p.params)));
  return env.msg('thumbnail_error', '');
}

/**
 * Linker::makeImageLink. `title` is the file's title (after a redirect);
 * `file` null when there is no such file.
 */
export function makeImageLink(env: MediaEnvironment, title: Title, file: File | null, frameParams: FrameParams, handlerParams: HandlerParams): string {
  if (file && !file.allowInlineDisplay()) {
    // A file no handler can draw (audio, video …) is linked to, like a page.
    const holder = env.ctx.addLinkHolder({ target: title.getPrefixedText(), fragment: '' });
    return `<a ${holder}>${escapeText(title.getPrefixedText())}</a>`;
  }
  const frame: FrameParams = { ...frameParams };
  const handler: HandlerParams = { ...handlerParams };
  const page = handler.page;
  const classes: string[] = [];
  // Sized by default unless a width or height was given, or the format fixes the size.
  if (handler.width === undefined && handler.height === undefined && frame.manualthumb === undefined && !frame.framed) classes.push('mw-default-size');

  let upright: number | undefined;
  if (file && handler.width === undefined) {
    if (handler.height !== undefined && file.isVectorized()) {
      // A drawing sized by height alone must not be held to its nominal width.
      handler.width = env.settings.svgMaxSize;
    } else {
      handler.width = file.getWidth(page);
    }
    if (frame.thumbnail || frame.manualthumb !== undefined || frame.framed || frame.frameless || !handler.width) {
      // A bare `upright` means $wgThumbUpright.
      if (frame.upright === 0) frame.upright = env.settings.thumbUpright;
      // Reduced for portrait images and rounded to tens, so that few thumbnail sizes exist.
      const prefWidth = frame.upright !== undefined ? phpRound(env.settings.thumbSize * frame.upright, -1) : env.settings.thumbSize;
      // The smaller of the preferred and the real width, unless the image scales freely.
      if (handler.height === undefined && (handler.width <= 0 || prefWidth < handler.width || file.isVectorized())) {
        handler.width = prefWidth;
        upright = frame.upright;
      }
    }
  }

  if (frame.thumbnail || frame.manualthumb !== undefined || frame.framed) {
    return makeThumbLink2(env, title, file, frame, handler, classes, upright);
  }

  let rdfaType = 'mw:File';
  if (frame.frameless) {
    rdfaType += '/Frameless';
    if (file) {
      // Like thumbnails, frameless bitmaps are not shown bigger than the original.
      const srcWidth = file.getWidth(page);
      if (srcWidth && !file.mustRender() && handler.width! > srcWidth) handler.width = srcWidth;
    }
  } else {
    // The upright style belongs to images sized as thumbnails.
    upright = undefined;
  }

  const thumb = file && handler.width ? file.transform(handler) : null;
  const bad = file !== null && env.isBadFile(file.getName());
  let html: string;
  if (!isShown(thumb) || bad) {
    rdfaType = `mw:Error ${rdfaType}`;
    const currentExists = file !== null;
    let label: string;
    if (currentExists && !thumb) label = env.msg('thumbnail_error', '');
    else if (thumb && thumb.kind === 'error' && !bad) label = errorLabel(env, thumb);
    else label = frame.alt ?? '';
    html = brokenImageLink(env, title, label, handler, currentExists);
  } else {
    const options: ThumbnailHtmlOptions = {
      ...imageLinkOptions(env, frame.link),
      alt: frame.alt,
      title: frame.title ?? '',
      imgClass: 'mw-file-element',
      upright,
    };
    html = thumbnailHtml(file!, title, withResponsiveUrls(env, file!, thumb, handler), options);
  }

  let tag = 'span';
  let caption = '';
  if (frame.align) {
    tag = 'figure';
    classes.push(`mw-halign-${frame.align}`);
    caption = rawElement('figcaption', [], frame.caption ?? '');
  } else if (frame.valign) {
    classes.push(`mw-valign-${frame.valign}`);
  }
  if (frame.border) classes.push('mw-image-border');
  if (frame.class) classes.push(frame.class);
  return wrap(tag, classes, rdfaType, html + caption);
}

/** Linker::makeThumbLink2: a figure with the image (scaled, framed or a manual thumbnail) and its caption. */
function makeThumbLink2(env: MediaEnvironment, title: Title, file: File | null, frameParams: FrameParams, handlerParams: HandlerParams, classes: string[], upright: number | undefined): string {
  const frame: FrameParams = { ...frameParams };
  const handler: HandlerParams = { ...handlerParams };
  const exists = file !== null;
  const page = handler.page;
  const lang = handler.lang;
  if (!handler.width) handler.width = frame.upright !== undefined ? 130 : 180;

  let thumb: TransformOutput | null = null;
  let noscale = false;
  let manualthumb = false;
  let badManual = false;
  let rdfaType = 'mw:File/Thumb';

  if (!file) {
    // Same precedence as below.
    if (frame.manualthumb === undefined && frame.framed) rdfaType = 'mw:File/Frame';
  } else if (frame.manualthumb !== undefined) {
    const manualTitle = env.titles.makeTitleSafe(6, frame.manualthumb);
    const manualFile = manualTitle ? env.getFile(manualTitle.getDBkey()) : null;
    if (manualFile) {
      thumb = manualFile.getUnscaledThumb(handler);
      manualthumb = true;
      badManual = env.isBadFile(manualFile.getName());
    }
  } else if (frame.framed) {
    // Frames show the image at its own size.
    thumb = file.getUnscaledThumb(handler);
    noscale = true;
    rdfaType = 'mw:File/Frame';
  } else {
    // Bitmaps are not scaled up past their original size.
    const srcWidth = file.getWidth(page);
    if (srcWidth && !file.mustRender() && handler.width > srcWidth) handler.width = srcWidth;
    thumb = file.transform(handler);
  }

  // The description page, with the page or language shown (the zoom icon's target in older skins).
  const linkTitleQuery: Record<string, string | number> = {};
  if (page !== undefined) linkTitleQuery.page = page;
  if (lang !== undefined) linkTitleQuery.lang = lang;
  let url = title.getLocalURL();
  if (page !== undefined || lang !== undefined) url += `?${Object.entries(linkTitleQuery).map(([k, v]) => `${phpUrlencode(k)}=${phpUrlencode(String(v))}`).join('&')}`;

  let link = frame.link;
  let customQuery: Record<string, string | number> | undefined;
  if (manualthumb && !link) {
    // A manual thumbnail links to the file's page, not to the thumbnail's.
    link = { type: 'link-title', href: title.getLinkURL(linkTitleQuery), titleText: title.getPrefixedText(), title };
    customQuery = linkTitleQuery;
  }

  if (frame.align) classes.push(`mw-halign-${frame.align}`);
  if (frame.class) classes.push(frame.class);

  const bad = file !== null && env.isBadFile(file.getName());
  let html: string;
  if (!exists) {
    rdfaType = `mw:Error ${rdfaType}`;
    html = brokenImageLink(env, title, frame.alt ?? '', handler, false);
  } else if (!isShown(thumb) || bad || badManual) {
    rdfaType = `mw:Error ${rdfaType}`;
    const label = bad || badManual ? (frame.alt ?? '') : errorLabel(env, thumb);
    html = brokenImageLink(env, title, label, handler, true);
  } else {
    // Frames offer the same image at twice the size (drawings and documents render sharper).
    const responsiveParams = noscale ? { ...handler, width: file!.getWidth(page), height: undefined } : handler;
    const shown = manualthumb ? { ...thumb, responsiveUrls: new Map<string, string>() } : withResponsiveUrls(env, file!, thumb, responsiveParams);
    const options: ThumbnailHtmlOptions = {
      ...imageLinkOptions(env, link, customQuery),
      alt: frame.alt,
      imgClass: 'mw-file-element',
      magnifyResource: rdfaType === 'mw:File/Thumb' ? url : undefined,
      upright: noscale || manualthumb ? undefined : upright,
    };
    html = thumbnailHtml(file!, title, shown, options);
  }
  html += rawElement('figcaption', [], frame.caption ?? '');
  return wrap('figure', classes, rdfaType, html);
}
