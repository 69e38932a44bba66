/**
 * Builds the service container at start-up (MediaWiki's ServiceWiring):
 * opens and migrates the database, loads extensions and skins, message files
 * and on-wiki message overrides, and wires the stores, renderer and caches.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Settings } from '../config/Settings';
import { migrateToLatest, openDatabase } from '../db/Database';
import { HookContainer } from '../hooks/HookContainer';
import { html, rawHtml } from '../html/Html';
import { MessageLocalizer } from '../i18n/MessageLocalizer';
import { MessageOverrides } from '../i18n/MessageOverrides';
import { MessageStore } from '../i18n/MessageStore';
import { PageRenderer } from '../page/PageRenderer';
import { PageTemplateSource } from '../page/PageTemplateSource';
import { ParserCache } from '../parser/ParserCache';
import { WikitextRenderer } from '../parser/WikitextRenderer';
import { DEFAULT_INTERWIKI_MAP } from '../parser/DefaultInterwikiMap';
import { InterwikiLookup } from '../parser/InterwikiLookup';
import { createPageExistenceLookup } from '../page/PageExistenceLookup';
import { signatureWikitext } from '../parser/PreSaveTransform';
import { isIpAddress } from '../user/UserIdentity';
import { SiteStatsCache } from '../page/SiteStatsCache';
import { LocalRepo } from '../filerepo/LocalRepo';
import { installCoreParserExtensions } from '../parser/installCoreParserExtensions';
import { PermissionManager } from '../permissions/PermissionManager';
import { ExtensionRegistry, PROJECT_ROOT } from '../registry/ExtensionRegistry';
import { RestRouter } from '../rest/RestRouter';
import { PreferencesFactory } from '../preferences/PreferencesFactory';
import { createSearchEngine } from '../search/createSearchEngine';
import { FallbackSkin } from '../skin/FallbackSkin';
import { SidebarBuilder } from '../skin/SidebarBuilder';
import { SkinRegistry } from '../skin/SkinRegistry';
import { SubpageTree } from '../skin/SubpageTree';
import type { SkinServices } from '../skin/SkinServices';
import { CORE_SPECIAL_PAGES } from '../specialpage/CoreSpecialPages';
import { SpecialPageFactory } from '../specialpage/SpecialPageFactory';
import { ActorStore } from '../storage/ActorStore';
import { LogStore } from '../storage/LogStore';
import { PageStore } from '../storage/PageStore';
import { PageUpdater, PreparedEdit, PrepareRevisionInfo, SavedChange } from '../storage/PageUpdater';
import { backlinkPageIds, LinksUpdate } from '../storage/LinksUpdate';
import { fromMwTimestamp } from '../util/Timestamp';
import { RevisionStore } from '../storage/RevisionStore';
import { NamespaceInfo, NS_MEDIAWIKI } from '../title/NamespaceInfo';
import { TitleFactory } from '../title/TitleFactory';
import type { Services } from './Services';
import { databaseOptionsOf, RenderWorkerPool } from '../parser/RenderWorkerPool';
import { UserStore } from '../user/UserStore';
import { UserGroupManager } from '../user/UserGroupManager';
import { UserNameUtils } from '../user/UserNameUtils';
import { PasswordHasher } from '../user/PasswordHasher';
import { UserOptionsManager } from '../user/UserOptionsManager';
import { RestrictionStore } from '../permissions/RestrictionStore';
import { DatabaseSessionStore } from '../session/DatabaseSessionStore';
import { createAuthServices } from '../auth/AuthServices';
import { createMailServices, MailServices } from '../mail/MailServices';
import { RateLimiterFactory } from '../ratelimit/RateLimiterFactory';
import { createWatchlistServices } from '../watchlist/WatchlistServices';
import type { BaseServices } from './Services';
import { createPageManagementServices } from '../page/PageManagementServices';

export interface CreateServicesOptions {
  /** Reuse an open database (tests); otherwise opened from settings. */
  db?: import('knex').Knex;
  /** Extra message directories (tests). */
  extraMessageDirs?: string[];
}

/** $wgSecretKey: from settings, else generated once and kept in the data directory. */
function resolveSecretKey(settings: Settings): string {
  if (settings.secretKey) return settings.secretKey;
  const file = path.join(settings.dataDir, 'secret.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(settings.dataDir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  fs.writeFileSync(file, key, { mode: 0o600 });
  return key;
}

/** Core message directories: i18n/ and each of its sub-folders (as MediaWiki's languages/i18n/ + api/ + exif/). */
function coreMessageDirs(): string[] {
  const root = path.join(PROJECT_ROOT, 'i18n');
  const dirs = [root];
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) if (entry.isDirectory()) dirs.push(path.join(root, entry.name));
  return dirs;
}

export async function createServices(settings: Settings, options: CreateServicesOptions = {}): Promise<Services> {
  const db = options.db ?? openDatabase({ url: settings.databaseUrl, dataDir: settings.dataDir });
  if (!options.db) await migrateToLatest(db);

  const hooks = new HookContainer();
  const registry = ExtensionRegistry.load(settings.extensions, settings.skins);
  registry.registerHooks(hooks);
  const groupPermissions = registry.mergeGroupPermissions(settings.groupPermissions);
  const effectiveSettings: Settings = { ...settings, groupPermissions, config: registry.getConfig(settings.config) };

  const namespaceInfo = new NamespaceInfo({
    sitename: settings.sitename,
    metaNamespace: settings.metaNamespace,
    namespacesWithSubpages: Object.fromEntries(Object.entries(settings.namespacesWithSubpages).map(([k, v]) => [Number(k), v])),
    capitalLinks: settings.capitalLinks,
    extraNamespaces: Object.fromEntries(Object.entries(settings.extraNamespaces).map(([k, v]) => [Number(k), v])),
    namespaceAliases: settings.namespaceAliases,
    contentNamespaces: settings.contentNamespaces,
  });
  const titleFactory = new TitleFactory(namespaceInfo, { server: settings.server, articlePath: settings.articlePath, scriptPath: settings.scriptPath });

  const actorStore = new ActorStore(db);
  const pageStore = new PageStore(db);
  const revisionStore = new RevisionStore(db);
  const logStore = new LogStore(db);
  const searchEngine = createSearchEngine(db);

  const store = new MessageStore();
  for (const dir of [...coreMessageDirs(), ...registry.getMessageDirs(), ...(options.extraMessageDirs ?? [])]) store.loadDirectory(dir);
  const overrides = new MessageOverrides(settings.languageCode);
  const messages = new MessageLocalizer(store, overrides, {
    siteName: settings.sitename,
    contentLanguage: settings.languageCode,
    namespaceName(nameOrIndex) {
      const index = /^-?\d+$/.test(nameOrIndex) ? Number(nameOrIndex) : namespaceInfo.getNamespaceId(nameOrIndex);
      return index === undefined ? undefined : namespaceInfo.getNamespaceName(index);
    },
    renderLink(target, text) {
      const title = titleFactory.newFromText(target);
      if (!title) return html`${text ?? target}`.value;
      // [[:Foo]] without a label shows "Foo" (the colon only escapes namespaces and categories).
      return html`<a href="${title.getLinkURL()}" title="${title.getPrefixedText()}">${text === null ? target.replace(/^:/, '') : rawHtml(text)}</a>`.value;
    },
  });
  // The MediaWiki namespace is small: load every override at start.
  const overrideRows = await db('page')
    .join('revision', 'rev_id', 'page_latest')
    .join('text', 'old_id', 'rev_text_id')
    .where('page_namespace', NS_MEDIAWIKI)
    .select('page_title', 'old_text');
  for (const row of overrideRows) overrides.set(row.page_title, row.old_text);

  const templateSource = new PageTemplateSource(titleFactory, pageStore, revisionStore);
  const interwiki = new InterwikiLookup({ ...DEFAULT_INTERWIKI_MAP, ...settings.interwikiMap }, namespaceInfo, settings.localInterwikis);
  // Special pages are registered after the renderer exists; links to them are resolved lazily.
  let specialPageExists: (name: string) => boolean = () => false;
  let specialPageResolver: (name: string) => string | null = () => null;
  const existence = createPageExistenceLookup(pageStore, (name) => specialPageExists(name), (key) => messages.lookup(key, settings.languageCode) !== undefined);
  const renderer = new WikitextRenderer(
    { namespaceInfo, articlePath: settings.articlePath, server: settings.server, siteName: settings.sitename, scriptPath: settings.scriptPath },
    templateSource,
    {
      titles: titleFactory,
      interwiki,
      existence,
      message: (key) => messages.lookup(key, settings.languageCode),
      signature: (user) => signatureWikitext(user, messages.lookup(isIpAddress(user.name) ? 'signature-anon' : 'signature', settings.languageCode) ?? '', namespaceInfo),
      missingPageTitle: (prefixed) => messages.msg('red-link-title', settings.languageCode, prefixed).text(),
      contentLanguage: settings.languageCode,
      mainPage: settings.mainPage,
      fragmentMode: settings.fragmentMode,
      externalLinks: { noFollow: settings.noFollowLinks, noFollowDomainExceptions: settings.noFollowDomainExceptions, magicLinks: settings.enableMagicLinks },
      files: (keys) => fileRepo.findFiles(keys),
      limits: { maxIncludeSize: settings.maxIncludeSize ?? settings.maxArticleSize * 1024, maxTemplateDepth: settings.maxTemplateDepth },
      nonincludableNamespaces: settings.nonincludableNamespaces,
    },
  );
  const siteStats = new SiteStatsCache(db, settings.contentNamespaces);
  await siteStats.refresh();
  const fileRepo = new LocalRepo(db, { uploadPath: settings.uploadPath ?? LocalRepo.defaultUploadPath(settings.scriptPath), titles: titleFactory });
  installCoreParserExtensions(renderer, {
    titles: titleFactory,
    interwiki,
    settings,
    message: (key) => messages.lookup(key, settings.languageCode),
    formatMessage: (key, params, language) => (messages.lookup(key, language) === undefined ? undefined : messages.msg(key, language, ...params).text()),
    siteStatistics: () => siteStats.get(),
    specialPageName: (name) => specialPageResolver(name),
    fileRepo,
    messages,
  });
  await hooks.run('ParserFirstCallInit', renderer);
  const parserCache = new ParserCache();
  const pageRenderer = new PageRenderer(renderer, parserCache);

  // Started further down (after the special pages the workers' services need); saves come later.
  let renderPool: RenderWorkerPool | null = null;
  const afterSave = async (change: SavedChange, request: { user: import('../user/UserIdentity').UserIdentity; summary: string }, prepared: PreparedEdit | null) => {
    const prefixed = change.title.getPrefixedText();
    const saved = { namespace: change.title.getNamespace(), dbKey: change.title.getDBkey() };
    parserCache.invalidatePage(change.page.id);
    // NUMBEROFPAGES and friends (SiteStats::update after each edit).
    await siteStats.refresh();
    // Workers keep their own template texts, statistics and message overrides:
    // they hear of the save before anything else can render with stale ones.
    renderPool?.invalidatePage(prefixed, siteStats.get());
    if (change.title.getNamespace() === NS_MEDIAWIKI) renderPool?.setMessageOverride(change.title.getDBkey(), change.text);
    // Pages that transclude the saved page, directly or through other
    // templates: by the in-process index, and by templatelinks, which also
    // knows entries rendered before this process started.
    parserCache.invalidateTemplate(prefixed);
    for (const id of await backlinkPageIds(db, 'templatelinks', saved)) parserCache.invalidatePage(id);
    templateSource.invalidate(prefixed);
    if (change.created) {
      // Red links to the new page turn blue (MediaWiki's WikiPage::onArticleCreate purges the backlinks).
      parserCache.invalidateLinksTo(prefixed);
      for (const id of await backlinkPageIds(db, 'pagelinks', saved)) parserCache.invalidatePage(id);
    }
    if (change.title.getNamespace() === NS_MEDIAWIKI) {
      overrides.set(change.title.getDBkey(), change.text);
      // Interface messages can appear in any rendered page ({{int:}}).
      parserCache.clear();
    }
    // Render-on-save: the rendering made for the link tables serves the first
    // view (default language), unless it was made for ids that a concurrent
    // save took (REVISIONID and PAGEID would be wrong in it).
    if (prepared && prepared.text === change.text && prepared.revisionId === change.revision.id && prepared.pageId === change.page.id) {
      const key = ParserCache.key(change.page.id, change.revision.id, PageRenderer.optionsHash({ language: settings.languageCode }));
      parserCache.set(key, { ...prepared.output, revisionId: change.revision.id });
    }
    await hooks.run('PageSaveComplete', change, request.user, request.summary);
  };
  const linksUpdate = new LinksUpdate(titleFactory);
  // The rendering a save is prepared with is the one a view of the new
  // revision makes, with the facts known before it is inserted (REVISIONUSER …).
  const prepareContent = (title: import('../title/Title').Title, text: string, revision: PrepareRevisionInfo) =>
    renderer.render(text, {
      title,
      revisionId: revision.revisionId,
      revision: { id: revision.revisionId, timestamp: fromMwTimestamp(revision.timestamp), user: revision.user.name, size: Buffer.byteLength(text, 'utf8'), pageId: revision.pageId },
    });
  const pageUpdater = new PageUpdater(
    db,
    actorStore,
    revisionStore,
    () => [searchEngine, linksUpdate],
    settings.maxArticleSize * 1024,
    afterSave,
    prepareContent,
  );

  const userGroupManager = new UserGroupManager(db);
  const userStore = new UserStore(db, actorStore, userGroupManager);
  const restrictionStore = new RestrictionStore(db);
  const permissionManager = new PermissionManager(effectiveSettings, hooks, restrictionStore, async (title) => (await pageStore.getPage({ namespace: title.getNamespace(), dbKey: title.getDBkey() }))?.id ?? null);

  const specialPageFactory = new SpecialPageFactory(CORE_SPECIAL_PAGES, registry.getSpecialPages(), hooks);
  await specialPageFactory.initialize();
  specialPageExists = (name) => specialPageFactory.getPage(name) !== null;
  specialPageResolver = (name) => specialPageFactory.resolveAlias(name);

  const sidebarBuilder = new SidebarBuilder(messages, titleFactory, settings.noFollowLinks);
  const skinServices: SkinServices = {
    buildLinkSections: (messageKey, language) => sidebarBuilder.build(language, messageKey),
    subpageTree: new SubpageTree(db, titleFactory, hooks),
    specialPageExists: (name) => specialPageFactory.getPage(name) !== null,
    titleFactory,
  };
  const skinRegistry = new SkinRegistry();
  skinRegistry.register(new FallbackSkin(`${settings.scriptPath}/resources`));
  for (const { factory, module } of registry.getSkinFactories()) {
    skinRegistry.register(factory({ dir: module.dir, resourceUrl: `${settings.scriptPath}/skins/${module.manifest.name}`, config: effectiveSettings.config, services: skinServices }));
  }
  const restRouter = new RestRouter();
  for (const route of registry.getRestRoutes()) restRouter.add(route.path, route.methods, route.handler);

  // Resolved before the workers start, so they read the key rather than race to create it.
  const secretKey = resolveSecretKey(settings);
  renderPool =
    settings.renderWorkers > 0
      ? await RenderWorkerPool.start({ size: settings.renderWorkers, settings: { ...settings, secretKey }, database: databaseOptionsOf(db), extraMessageDirs: options.extraMessageDirs })
      : null;
  if (renderPool) pageRenderer.renderInWorkers(renderPool);

  const base: BaseServices = {
    settings: effectiveSettings,
    db,
    hooks,
    namespaceInfo,
    titleFactory,
    actorStore,
    pageStore,
    revisionStore,
    pageUpdater,
    logStore,
    renderer,
    interwiki,
    fileRepo,
    siteStats,
    parserCache,
    pageRenderer,
    messages,
    permissionManager,
    extensionRegistry: registry,
    specialPageFactory,
    skinRegistry,
    sidebarBuilder,
    searchEngine,
    restRouter,
    preferencesFactory: new PreferencesFactory(hooks, skinRegistry, settings.skipSkins, () => store.getLanguages()),
    secretKey,
    templateSource,
    renderPool,
    userStore,
    userGroupManager,
    userNameUtils: new UserNameUtils(titleFactory, settings),
    passwordHasher: new PasswordHasher(),
    userOptions: new UserOptionsManager(db, settings.defaultUserOptions),
    restrictionStore,
    sessionStore: new DatabaseSessionStore(db, settings.sessionExpiry * 1000),
    rateLimiters: new RateLimiterFactory(db),
    async close() {
      await renderPool?.close();
      if (!options.db) await db.destroy();
    },
  };
  let mail: MailServices | null = null;
  const auth = createAuthServices(base, () => mail?.emailConfirmation ?? null);
  mail = createMailServices(base, auth.loginThrottle);
  const pageManagement = createPageManagementServices(base, { linksUpdate, prepareContent, overrides, renderPool: () => renderPool });
  return { ...base, mail, auth, watchlist: createWatchlistServices(base), pageManagement };
}
