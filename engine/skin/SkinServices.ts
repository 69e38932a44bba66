/**
 * What the engine offers skins beyond the per-request SkinData (the public
 * interface a skin module reaches the engine through, as MediaWiki skins use
 * a few services): link sections parsed from any message in
 * MediaWiki:Sidebar syntax (footers, dashboards), the subpage tree of a
 * page, whether a special page is installed, and the title factory for
 * building links.
 */
import type { TitleFactory } from '../title/TitleFactory';
import type { SidebarSection } from './Skin';
import type { SubpageTree } from './SubpageTree';

export interface SkinServices {
  /** A message in MediaWiki:Sidebar syntax as sections of links; cached, rebuilt when MediaWiki: pages change. */
  buildLinkSections(messageKey: string, language: string): SidebarSection[];
  subpageTree: SubpageTree;
  /** Whether a special page (canonical name or alias) is installed: MediaWiki's SpecialPageFactory::exists. */
  specialPageExists(name: string): boolean;
  titleFactory: TitleFactory;
}
