/**
 * The service container (MediaWiki's MediaWikiServices): one object built at
 * start-up and passed down explicitly, never a global.
 */
import type { Knex } from 'knex';
import type { Settings } from '../config/Settings';
import type { HookContainer } from '../hooks/HookContainer';
import type { MessageLocalizer } from '../i18n/MessageLocalizer';
import type { ParserCache } from '../parser/ParserCache';
import type { InterwikiLookup } from '../parser/InterwikiLookup';
import type { LocalRepo } from '../filerepo/LocalRepo';
import type { SiteStatsCache } from '../page/SiteStatsCache';
import type { WikitextRenderer } from '../parser/WikitextRenderer';
import type { PermissionManager } from '../permissions/PermissionManager';
import type { ExtensionRegistry } from '../registry/ExtensionRegistry';
import type { SearchEngine } from '../search/SearchEngine';
import type { SkinRegistry } from '../skin/SkinRegistry';
import type { SpecialPageFactory } from '../specialpage/SpecialPageFactory';
import type { ActorStore } from '../storage/ActorStore';
import type { LogStore } from '../storage/LogStore';
import type { PageStore } from '../storage/PageStore';
import type { PageUpdater } from '../storage/PageUpdater';
import type { RevisionStore } from '../storage/RevisionStore';
import type { NamespaceInfo } from '../title/NamespaceInfo';
import type { TitleFactory } from '../title/TitleFactory';
import type { PageRenderer } from '../page/PageRenderer';
import type { SidebarBuilder } from '../skin/SidebarBuilder';
import type { RestRouter } from '../rest/RestRouter';
import type { PreferencesFactory } from '../preferences/PreferencesFactory';
import type { PageTemplateSource } from '../page/PageTemplateSource';
import type { RenderWorkerPool } from '../parser/RenderWorkerPool';
import type { UserStore } from '../user/UserStore';
import type { UserGroupManager } from '../user/UserGroupManager';
import type { UserNameUtils } from '../user/UserNameUtils';
import type { PasswordHasher } from '../user/PasswordHasher';
import type { UserOptionsManager } from '../user/UserOptionsManager';
import type { RestrictionStore } from '../permissions/RestrictionStore';
import type { DatabaseSessionStore } from '../session/DatabaseSessionStore';
import type { RateLimiterFactory } from '../ratelimit/RateLimiterFactory';
import type { AuthServices } from '../auth/AuthServices';
import type { MailServices } from '../mail/MailServices';
import type { WatchlistServices } from '../watchlist/WatchlistServices';
import type { PageManagementServices } from '../page/PageManagementServices';

export interface Services {
  readonly settings: Settings;
  readonly db: Knex;
  readonly hooks: HookContainer;
  readonly namespaceInfo: NamespaceInfo;
  readonly titleFactory: TitleFactory;
  readonly actorStore: ActorStore;
  readonly pageStore: PageStore;
  readonly revisionStore: RevisionStore;
  readonly pageUpdater: PageUpdater;
  readonly logStore: LogStore;
  readonly renderer: WikitextRenderer;
  readonly interwiki: InterwikiLookup;
  readonly fileRepo: LocalRepo;
  readonly siteStats: SiteStatsCache;
  readonly parserCache: ParserCache;
  readonly pageRenderer: PageRenderer;
  readonly messages: MessageLocalizer;
  readonly permissionManager: PermissionManager;
  readonly extensionRegistry: ExtensionRegistry;
  readonly specialPageFactory: SpecialPageFactory;
  readonly skinRegistry: SkinRegistry;
  readonly sidebarBuilder: SidebarBuilder;
  readonly searchEngine: SearchEngine;
  readonly restRouter: RestRouter;
  readonly preferencesFactory: PreferencesFactory;
  /** Secret for signing cookies and deriving tokens ($wgSecretKey). */
  readonly secretKey: string;
  /** Texts of transcluded pages, cached until the page is saved (render workers invalidate their own). */
  readonly templateSource: PageTemplateSource;
  /** Worker threads that render page views (settings.renderWorkers); null renders in the request thread. */
  readonly renderPool: RenderWorkerPool | null;
  readonly userStore: UserStore;
  readonly userGroupManager: UserGroupManager;
  readonly userNameUtils: UserNameUtils;
  readonly passwordHasher: PasswordHasher;
  readonly userOptions: UserOptionsManager;
  readonly restrictionStore: RestrictionStore;
  readonly sessionStore: DatabaseSessionStore;
  /** Rate limiters kept in the database (login, account creation and email throttles). */
  readonly rateLimiters: RateLimiterFactory;
  /** Account creation, login, logout, throttles. */
  readonly auth: AuthServices;
  /** Outgoing mail and email confirmation. */
  readonly mail: MailServices;
  /** Watched pages. */
  readonly watchlist: WatchlistServices;
  /** Deleting, undeleting and moving pages. */
  readonly pageManagement: PageManagementServices;
  /** Stops the render workers and closes database connections. */
  close(): Promise<void>;
}

/** The services every area's own services are built from. */
export type BaseServices = Omit<Services, 'auth' | 'mail' | 'watchlist' | 'pageManagement'>;
