/**
 * What the core parser functions need from the rest of the engine. Every
 * lookup is synchronous because a render never yields (see WikitextRenderer):
 * data about other pages must be prefetched for the render, the way page
 * existence is for #ifexist and red links.
 */
import type { RenderFrame } from '../ParserHooks';
import type { Title } from '../../title/Title';
import type { TitleFactory } from '../../title/TitleFactory';

/** A revision as the REVISION* magic words and PAGESIZE see it. */
export interface RevisionFacts {
  /** rev_id; null for a preview of a text that has no revision yet. */
  id: number | null;
  /** rev_timestamp (UTC). */
  timestamp: Date;
  /** Name of the revision's author; null when hidden or unknown. */
  user: string | null;
  /** rev_len: size of the text in bytes. */
  size: number;
  /** page_id of the revision's page (PAGEID); 0 or absent when unknown. */
  pageId?: number;
}

/** MediaWiki's SiteStats counters ({{NUMBEROFPAGES}} …). */
export interface SiteStatistics {
  /** ss_total_pages: all pages. */
  pages: number;
  /** ss_good_articles: content pages that count as articles. */
  articles: number;
  /** ss_images: files. */
  files: number;
  /** ss_total_edits. */
  edits: number;
  /** ss_users: registered accounts. */
  users: number;
  /** Users with an action in the last $wgActiveUserDays. */
  activeUsers: number;
  /** Members of the sysop group ({{NUMBEROFADMINS}}). */
  admins: number;
}

/** category table counts ({{PAGESINCATEGORY}}). */
export interface CategoryCounts {
  /** cat_pages: every member, subcategories and files included. */
  members: number;
  /** cat_subcats. */
  subcats: number;
  /** cat_files. */
  files: number;
}

export interface CoreFunctionDeps {
  titles: TitleFactory;
  /**
   * An interface message in 'text' form (parameters substituted, {{PLURAL}}
   * and friends applied, no HTML), or undefined when no language has the key.
   * Wire to MessageLocalizer: lookup(key, language) !== undefined ?
   * msg(key, language, ...params).text() : undefined.
   */
  message(key: string, params: readonly string[], language: string): string | undefined;
  /** Cached site counters; called on every NUMBEROF* (keep it cheap). */
  siteStatistics(): SiteStatistics;
  /**
   * The revision being rendered: for a page view, that revision; for a
   * preview, the text being previewed (id null, timestamp now, the editing
   * user, its size), as MediaWiki's EditPage sets up; null when there is none.
   */
  currentRevision(frame: RenderFrame): RevisionFacts | null;
  /**
   * Latest revision of a page (REVISIONID:X, PAGESIZE:X …), answered from data
   * prefetched for this render (see guessPageFactTargets); null when the page
   * does not exist or was not prefetched — record such misses to fetch them
   * for another render round, as #ifexist does.
   */
  latestRevision(title: Title, frame: RenderFrame): RevisionFacts | null;
  /** Category member counts, from prefetched data; null for a category without members or not prefetched. */
  categoryCounts(title: Title, frame: RenderFrame): CategoryCounts | null;
  /** Members of a user group ({{NUMBERINGROUP:bureaucrat}}), from cached counts. */
  usersInGroup?(group: string): number;
  /** Canonical name of a special page for a (possibly aliased, any case) name; null if unknown (SpecialPageFactory::resolveAlias). */
  specialPageName?(name: string): string | null;
  /** A user's gender preference for {{GENDER:}}; absent: everyone is 'unknown' (MediaWiki's default). */
  userGender?(userName: string): 'male' | 'female' | 'unknown';
  /** Interwiki prefixes: "wikipedia:Foo" → the page's URL on that wiki (fullurl) and "external" for REVISION*. */
  interwiki?: { parsePrefixed(text: string): { url: string; fragment: string } | null };
  /** $wgStylePath ({{STYLEPATH}}): defaults to scriptPath + '/skins'. */
  stylePath?: string;
  /** $wgCanonicalServer for {{canonicalurl:}}; defaults to the title factory's server. */
  canonicalServer?: string;
  /** $wgLocaltimezone (IANA name) for LOCAL* and REVISION*; default 'UTC'. */
  localTimezone?: string;
  /** $wgGrammarForms: language → case → word → form ({{GRAMMAR:}}). */
  grammarForms?: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, string>>>>>>;
}
