/**
 * The hooks core fires, with their argument types (MediaWiki's hook
 * interfaces, e.g. BeforePageDisplayHook::onBeforePageDisplay). A handler
 * returning `false` aborts where MediaWiki allows it; returning nothing
 * continues.
 */
import type { OutputPage } from '../output/OutputPage';
import type { ParserHookRegistry } from '../parser/ParserHooks';
import type { Skin, SidebarSection } from '../skin/Skin';
import type { SavedChange } from '../storage/PageUpdater';
import type { UserIdentity } from '../user/UserIdentity';
import type { SpecialPageFactoryFunction } from '../specialpage/SpecialPageFactory';
import type { Title } from '../title/Title';

export type HookResult = boolean | void;

export interface PreferenceDescriptor {
  type: 'text' | 'select' | 'toggle' | 'info';
  section: string;
  /** Message key of the label. */
  labelMessage: string;
  options?: Record<string, string>;
  default?: string | boolean;
}

export interface HookSignatures {
  /** OutputPage is about to be rendered by the skin (add styles, HTML, body classes). */
  BeforePageDisplay(out: OutputPage, skin: Skin): HookResult;
  /** The wikitext renderer is created: register tags (`setHook`) and parser functions (`setFunctionHook`). */
  ParserFirstCallInit(parser: ParserHookRegistry): HookResult;
  /** A revision was saved (after commit). */
  PageSaveComplete(change: SavedChange, user: UserIdentity, summary: string): HookResult;
  /**
   * A page was deleted (after commit): its revisions are in the archive
   * (MediaWiki's PageDeleteCompleteHook; `logId` stands for its ManualLogEntry).
   */
  PageDeleteComplete(title: Title, deleter: UserIdentity, reason: string, pageId: number, logId: number, archivedRevisionCount: number): HookResult;
  /** Deleted revisions were restored (after commit; MediaWiki's PageUndeleteCompleteHook). `created`: the page row was recreated. */
  PageUndeleteComplete(title: Title, restorer: UserIdentity, reason: string, restoredRevisionCount: number, created: boolean, pageId: number, logId: number): HookResult;
  /**
   * A page was moved (after commit; MediaWiki's PageMoveCompleteHook):
   * `redirectId` is the page left at the old title (0 when suppressed),
   * `nullRevisionId` the revision that records the move in the history.
   */
  PageMoveComplete(oldTitle: Title, newTitle: Title, user: UserIdentity, pageId: number, redirectId: number, reason: string, nullRevisionId: number): HookResult;
  /** The sidebar was built from MediaWiki:Sidebar; handlers may edit it in place. */
  SkinBuildSidebar(skin: Skin, sidebar: SidebarSection[]): HookResult;
  /** The user's rights were computed; handlers may add or remove entries of `rights` in place. */
  UserGetRights(user: UserIdentity, rights: string[]): HookResult;
  /** The special page list is assembled; handlers may add or replace entries. */
  SpecialPage_initList(list: Map<string, SpecialPageFactoryFunction>): HookResult;
  /** Special:Preferences collects its fields. */
  GetPreferences(user: UserIdentity, preferences: Record<string, PreferenceDescriptor>): HookResult;
  /** Extra permission checks: push a message key onto `errors` to deny. */
  getUserPermissionsErrors(title: Title, user: UserIdentity, action: string, errors: string[]): HookResult;
}
