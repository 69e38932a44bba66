/**
 * Collects what a request wants to show (MediaWiki's OutputPage): the page
 * heading, body HTML, subtitle, HTTP status, robots policy, redirect. The
 * skin renders it at the end of the request.
 */
import { SafeHtml } from '../html/Html';
import type { CategoryBoxItem } from '../skin/Skin';

export class OutputPage {
  private body: string[] = [];
  private subtitle: string[] = [];
  private headingHtml: string | null = null;
  private htmlTitle: string | null = null;
  statusCode = 200;
  robots = 'index,follow';
  redirectUrl: string | null = null;
  redirectStatus = 302;
  /** When set, the response is this raw body instead of a skinned page (action=raw). */
  rawBody: { body: string; contentType: string } | null = null;
  categories: CategoryBoxItem[] = [];
  revisionId: number | null = null;
  lastModified: string | null = null;
  /** Suppress the skin's article chrome (special pages, errors). */
  isArticle = false;
  canonicalUrl: string | null = null;
  extraStyles: string[] = [];
  bodyClasses: string[] = [];
  /** Cache-Control for this response (private pages must not be cached by proxies). */
  cacheControl = 'private, must-revalidate, max-age=0';

  /** The visible first heading, as safe HTML. */
  setPageTitleHtml(heading: SafeHtml | string, plainForHtmlTitle?: string): void {
    this.headingHtml = String(heading);
    if (plainForHtmlTitle !== undefined) this.htmlTitle = plainForHtmlTitle;
  }

  getPageTitleHtml(): string {
    return this.headingHtml ?? '';
  }

  /** Text (not HTML) for the <title> element; the skin appends the site name. */
  setHtmlTitle(text: string): void {
    this.htmlTitle = text;
  }

  getHtmlTitle(): string {
    return this.htmlTitle ?? '';
  }

  addHtml(fragment: SafeHtml | string): void {
    this.body.push(String(fragment));
  }

  /** Wikitext-rendered HTML from the renderer (trusted producer). */
  addParserOutputHtml(rendered: string): void {
    this.body.push(rendered);
  }

  getHtml(): string {
    return this.body.join('');
  }

  clearHtml(): void {
    this.body = [];
  }

  addSubtitle(fragment: SafeHtml | string): void {
    this.subtitle.push(String(fragment));
  }

  getSubtitle(): string {
    return this.subtitle.join('');
  }

  setRobotPolicy(policy: string): void {
    this.robots = policy;
  }

  redirect(url: string, status = 302): void {
    this.redirectUrl = url;
    this.redirectStatus = status;
  }

  setRaw(body: string, contentType: string): void {
    this.rawBody = { body, contentType };
  }
}
