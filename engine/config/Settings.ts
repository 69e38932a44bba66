/**
 * The site's typed settings. Names follow MediaWiki's `$wg…` globals (without
 * the prefix, lower camel case) wherever MediaWiki has one, so an admin can map
 * a LocalSettings.php line to ours by name.
 */
import { z } from 'zod';

const rightsMap = z.record(z.string(), z.record(z.string(), z.boolean()));

export const settingsSchema = z
  .object({
    /** $wgSitename; also names the Project namespace. */
    sitename: z.string().min(1),
    /** $wgMetaNamespace: overrides the project namespace name. */
    metaNamespace: z.string().min(1).optional(),
    /** $wgServer: scheme + host (+ port), no trailing slash. */
    server: z.string().regex(/^https?:\/\/[^/]+$/, 'must be a scheme and host such as http://localhost:8080 (no path, no trailing slash)'),
    /** $wgArticlePath. */
    articlePath: z.string().regex(/^\/.*\$1/, 'must start with / and contain $1'),
    /** $wgScriptPath. */
    scriptPath: z.string().regex(/^(\/[^/]+)*$/, 'must be empty or start with / and not end with /'),
    /** $wgLanguageCode: the content language. */
    languageCode: z.string().regex(/^[a-z]{2,3}(-[a-z0-9]+)*$/i),
    /** $wgLogos-like: path of the logo image shown by skins. */
    logo: z.string(),
    /** $wgNamespacesWithSubpages. The portal adds the main namespace. */
    namespacesWithSubpages: z.record(z.string().regex(/^-?\d+$/), z.boolean()),
    /** $wgCapitalLinks. */
    capitalLinks: z.boolean(),
    /** $wgExtraNamespaces. */
    extraNamespaces: z.record(z.string().regex(/^\d+$/), z.string()),
    /** $wgNamespaceAliases. */
    namespaceAliases: z.record(z.string(), z.number().int()),
    /** $wgContentNamespaces. */
    contentNamespaces: z.array(z.number().int()),
    /** $wgGroupPermissions: group → right → granted. */
    groupPermissions: rightsMap,
    /** $wgRevokePermissions. */
    revokePermissions: rightsMap,
    /** $wgNamespaceProtection: namespace id → rights required to edit. */
    namespaceProtection: z.record(z.string().regex(/^-?\d+$/), z.array(z.string())),
    /** $wgDefaultSkin. */
    defaultSkin: z.string().min(1),
    /** $wgSkipSkins: skins hidden from Special:Preferences. */
    skipSkins: z.array(z.string()),
    /** Skins to load from skins/<Name>/ (wfLoadSkin). */
    skins: z.array(z.string()),
    /** Extensions to load from extensions/<Name>/ (wfLoadExtension). */
    extensions: z.array(z.string()),
    /** Config values of extensions and skins, keyed by config name. */
    config: z.record(z.string(), z.unknown()),
    /** $wgRCMaxAge in seconds (MediaWiki default 90 days). */
    rcMaxAge: z.number().int().positive(),
    /** $wgMaxArticleSize in kibibytes (MediaWiki default 2048). */
    maxArticleSize: z.number().int().positive(),
    /** ParserOptions' maxIncludeSize in bytes (post-expand include size); default $wgMaxArticleSize × 1024. */
    maxIncludeSize: z.number().int().positive().optional(),
    /** $wgMaxTemplateDepth: template calls nested (MediaWiki default 100). */
    maxTemplateDepth: z.number().int().positive(),
    /** $wgNonincludableNamespaces: namespaces whose pages cannot be transcluded. */
    nonincludableNamespaces: z.array(z.number().int()),
    /** $wgSecretKey: signs session cookies. Generated and kept in the data directory when not set. */
    secretKey: z.string().min(32).optional(),
    /** Where the embedded database, generated secrets and mail live. */
    dataDir: z.string().min(1),
    /** $wgDBtype-like: a PostgreSQL URL; the embedded SQLite database when absent. */
    databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
    /** TCP port the HTTP server listens on. */
    port: z.number().int().min(0).max(65535),
    /** Address the HTTP server binds to. */
    listenHost: z.string().min(1),
    /** $wgNoFollowLinks. */
    noFollowLinks: z.boolean(),
    /** $wgNoFollowDomainExceptions: external links to these domains (and subdomains) get no rel="nofollow". */
    noFollowDomainExceptions: z.array(z.string().min(1)),
    /** $wgLocalInterwikis: interwiki prefixes that name this wiki itself. */
    localInterwikis: z.array(z.string().min(1)),
    /** $wgUploadPath: URL path of uploaded files (default: scriptPath + '/images'). */
    uploadPath: z.string().optional(),
    /**
     * Worker threads that render pages off the request thread (0: render in
     * the request thread). A slow page then can't stall other requests.
     */
    renderWorkers: z.number().int().min(0).max(64),
    /** Default thumbnail width ($wgThumbLimits at the default 'thumbsize' user option). */
    thumbSize: z.number().int().positive(),
    /** $wgFragmentMode: how heading ids and link fragments are encoded — the primary mode first, then an optional fallback ('html5', 'legacy'). */
    fragmentMode: z.array(z.enum(['html5', 'legacy'])).min(1).max(2),
    /** $wgEnableMagicLinks: turn "ISBN …", "RFC …", "PMID …" in text into links. */
    enableMagicLinks: z.object({ ISBN: z.boolean(), PMID: z.boolean(), RFC: z.boolean() }).strict(),
    /** $wgMainPageIsDomainRoot-like: the title read from MediaWiki:Mainpage falls back to this. */
    mainPage: z.string().min(1),
    /** Seed the wiki from db/seeds/ when the page table is empty. */
    seedOnEmpty: z.boolean(),
    /** Maximum request body size in bytes. */
    maxRequestBodyBytes: z.number().int().positive(),
    /**
     * Interwiki prefixes added to (or replacing) the shipped defaults (MediaWiki's
     * interwiki table): prefix → { url with $1, local?, language? }.
     */
    interwikiMap: z.record(z.string().regex(/^[a-z0-9_.-]+$/i, 'interwiki prefixes are letters, digits, _ . -'), z.object({ url: z.string().min(1), local: z.boolean().optional(), language: z.boolean().optional() }).strict()),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;

/**
 * MediaWiki's default $wgGroupPermissions (MainConfigSchema), trimmed to the
 * rights this engine implements. Anonymous editing is on, as in MediaWiki.
 */
export const DEFAULT_GROUP_PERMISSIONS: Settings['groupPermissions'] = {
  '*': { createaccount: true, read: true, edit: true, createpage: true, createtalk: true, viewmyprivateinfo: true, editmyprivateinfo: true, editmyoptions: true },
  user: { move: true, 'move-subpages': true, 'move-rootuserpages': true, 'move-categorypages': true, movefile: true, read: true, edit: true, createpage: true, createtalk: true, minoredit: true, editmyusercss: true, editmyuserjson: true, editmyuserjs: true, purge: true, sendemail: true, applychangetags: true, changetags: true, editcontentmodel: true },
  autoconfirmed: { autoconfirmed: true, editsemiprotected: true },
  bot: { bot: true, autoconfirmed: true, editsemiprotected: true, nominornewtalk: true, autopatrol: true, suppressredirect: true, apihighlimits: true },
  sysop: { block: true, createaccount: true, delete: true, bigdelete: true, deletedhistory: true, deletedtext: true, undelete: true, editinterface: true, editsitejson: true, edituserjson: true, import: true, importupload: true, move: true, 'move-subpages': true, 'move-rootuserpages': true, 'move-categorypages': true, patrol: true, autopatrol: true, protect: true, editprotected: true, rollback: true, upload: true, reupload: true, reupload_shared: true, unwatchedpages: true, autoconfirmed: true, editsemiprotected: true, ipblock_exempt: true, blockemail: true, markbotedits: true, apihighlimits: true, browsearchive: true, noratelimit: true, movefile: true, unblockself: true, suppressredirect: true, mergehistory: true, managechangetags: true, deletechangetags: true },
  'interface-admin': { editinterface: true, editsitecss: true, editsitejson: true, editsitejs: true, editusercss: true, edituserjson: true, edituserjs: true },
  bureaucrat: { userrights: true, noratelimit: true, renameuser: true },
};

/** MediaWiki's default $wgNamespacesWithSubpages plus the main namespace, as on the portal. */
export const PORTAL_NAMESPACES_WITH_SUBPAGES: Settings['namespacesWithSubpages'] = {
  0: true, 1: true, 2: true, 3: true, 4: true, 5: true, 7: true, 8: true, 9: true, 10: true, 11: true, 12: true, 13: true, 15: true,
};

export function defaultSettings(): Settings {
  return {
    sitename: 'API Portal',
    server: 'http://localhost:8080',
    articlePath: '/wiki/$1',
    scriptPath: '/w',
    languageCode: 'en',
    logo: '/w/resources/logo.svg',
    namespacesWithSubpages: { ...PORTAL_NAMESPACES_WITH_SUBPAGES },
    capitalLinks: true,
    extraNamespaces: {},
    namespaceAliases: {},
    contentNamespaces: [0],
    groupPermissions: structuredClone(DEFAULT_GROUP_PERMISSIONS),
    revokePermissions: {},
    namespaceProtection: { 8: ['editinterface'], 9: ['editinterface'] },
    defaultSkin: 'fallback',
    skipSkins: [],
    skins: [],
    // MediaWiki's bundled parser extensions the portal's documentation relies on.
    extensions: ['ParserFunctions', 'Cite', 'Poem', 'SyntaxHighlight'],
    config: {},
    rcMaxAge: 90 * 24 * 3600,
    maxArticleSize: 2048,
    maxTemplateDepth: 100,
    nonincludableNamespaces: [],
    dataDir: './data',
    port: 8080,
    listenHost: '127.0.0.1',
    noFollowLinks: true,
    noFollowDomainExceptions: ['mediawiki.org'],
    // MediaWiki's default since 1.28: magic links are off.
    enableMagicLinks: { ISBN: false, PMID: false, RFC: false },
    mainPage: 'Main Page',
    seedOnEmpty: true,
    maxRequestBodyBytes: 4 * 1024 * 1024,
    interwikiMap: {},
    localInterwikis: [],
    thumbSize: 250,
    fragmentMode: ['html5'],
    renderWorkers: 2,
  };
}

export class SettingsError extends Error {}

/** Validates settings; the error names every offending setting. */
export function validateSettings(input: unknown): Settings {
  const result = settingsSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const path = issue.path.join('.') || '(root)';
      return `  - ${path}: ${issue.message}`;
    });
    throw new SettingsError(`Invalid settings:\n${problems.join('\n')}`);
  }
  return result.data;
}
