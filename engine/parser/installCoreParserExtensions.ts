/**
 * What MediaWiki core registers on every parser besides the preprocessor:
 * the core parser functions and variables (CoreParserFunctions), media
 * (`[[File:…]]`, `[[Media:…]]`, `<gallery>`), and the core tag hooks. Kept
 * out of createServices so the wiring reads as one list.
 */
import type { Settings } from '../config/Settings';
import type { LocalRepo } from '../filerepo/LocalRepo';
import type { TitleFactory } from '../title/TitleFactory';
import type { InterwikiLookup } from './InterwikiLookup';
import type { RenderContext } from './RenderContext';
import type { SiteStatistics } from './functions/CoreFunctionDeps';
import { registerCoreParserFunctions } from './functions/CoreParserFunctions';
import { createMediaTokenRenderer } from './media/MediaRenderer';
import { createMediaLinkRenderer } from './media/MediaLinkRenderer';
import { createGalleryTagHook } from './media/GalleryRenderer';
import type { WikitextRenderer } from './WikitextRenderer';
import { registerIndicatorTag } from './tags/IndicatorTag';
import { installSectionHandling } from './sections/installSectionHandling';
import type { MessageLocalizer } from '../i18n/MessageLocalizer';
import { installBlockLevelFixes } from './BlockLevelFixes';

export interface CoreParserExtensionDeps {
  titles: TitleFactory;
  interwiki: InterwikiLookup;
  settings: Settings;
  /** Raw message text in the content language (on-wiki overrides included). */
  message(key: string): string | undefined;
  /** A message in text form with parameters, or undefined when no language has it. */
  formatMessage(key: string, params: readonly string[], language: string): string | undefined;
  siteStatistics(): SiteStatistics;
  specialPageName(name: string): string | null;
  fileRepo: LocalRepo;
  messages: MessageLocalizer;
}

export function installCoreParserExtensions(renderer: WikitextRenderer, deps: CoreParserExtensionDeps): void {
  const { settings } = deps;
  registerCoreParserFunctions(renderer, {
    titles: deps.titles,
    message: deps.formatMessage,
    siteStatistics: deps.siteStatistics,
    currentRevision: (frame) => (frame as RenderContext).revision,
    // Other pages' revisions and category counts are not prefetched yet: those
    // variables answer as for a missing page.
    latestRevision: () => null,
    categoryCounts: () => null,
    specialPageName: deps.specialPageName,
    interwiki: deps.interwiki,
    canonicalServer: settings.server,
  });
  const media = {
    current: () => renderer.getCurrentContext(),
    titles: deps.titles,
    interwiki: deps.interwiki,
    message: deps.message,
    settings: { noFollow: settings.noFollowLinks, noFollowDomainExceptions: settings.noFollowDomainExceptions, thumbSize: settings.thumbSize },
  };
  renderer.setTokenRenderer('file', createMediaTokenRenderer(media));
  renderer.setTokenRenderer('link', createMediaLinkRenderer(media));
  renderer.setHook('gallery', createGalleryTagHook(media));
  registerIndicatorTag(renderer);
  installSectionHandling(renderer, { titles: deps.titles, messages: deps.messages, fragmentMode: settings.fragmentMode });
  installBlockLevelFixes(renderer);
}
