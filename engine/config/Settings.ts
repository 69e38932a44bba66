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
    /** $wgImplicitGroups: groups every user is in by definition; never stored, not listed on Special:ListUsers. */
    implicitGroups: z.array(z.string().min(1)),
    /** $wgAutoConfirmAge in seconds: account age needed for the implicit `autoconfirmed` group. */
    autoConfirmAge: z.number().int().min(0),
    /** $wgAutoConfirmCount: edits needed for the implicit `autoconfirmed` group. */
    autoConfirmCount: z.number().int().min(0),
    /** $wgAddGroups: group → groups its members may add (`true`: all). */
    addGroups: z.record(z.string(), z.union([z.literal(true), z.array(z.string())])),
    /** $wgRemoveGroups: group → groups its members may remove (`true`: all). */
    removeGroups: z.record(z.string(), z.union([z.literal(true), z.array(z.string())])),
    /** $wgGroupsAddToSelf: group → groups its members may add to their own account. */
    groupsAddToSelf: z.record(z.string(), z.union([z.literal(true), z.array(z.string())])),
    /** $wgGroupsRemoveFromSelf: group → groups its members may remove from their own account. */
    groupsRemoveFromSelf: z.record(z.string(), z.union([z.literal(true), z.array(z.string())])),
    /** $wgRestrictionLevels: protection levels ('' = none), each checked as a right (autoconfirmed → editsemiprotected, sysop → editprotected). */
    restrictionLevels: z.array(z.string()),
    /** $wgRestrictionTypes: what protection can restrict. */
    restrictionTypes: z.array(z.string().min(1)),
    /** $wgReservedUsernames: names no one may register. */
    reservedUsernames: z.array(z.string().min(1)),
    /** $wgInvalidUsernameCharacters. */
    invalidUsernameCharacters: z.string(),
    /** $wgMaxNameChars: maximum user name length in bytes. */
    maxNameChars: z.number().int().positive().max(255),
    /**
     * $wgPasswordPolicy: per group (the strictest of the user's groups
     * applies), minimum and maximum length, whether the password may equal
     * the user name, and whether the common-passwords list applies.
     */
    passwordPolicy: z.record(
      z.string(),
      z.object({ minimalPasswordLength: z.number().int().min(1).optional(), maximalPasswordLength: z.number().int().min(1).optional(), passwordCannotMatchUsername: z.boolean().optional(), passwordNotInCommonList: z.boolean().optional() }).strict(),
    ),
    /** $wgPasswordAttemptThrottle: failed logins allowed per window, per user name + IP and per IP. */
    passwordAttemptThrottle: z.array(z.object({ count: z.number().int().positive(), seconds: z.number().int().positive(), scope: z.enum(['user+ip', 'ip']) }).strict()),
    /** $wgAccountCreationThrottle: accounts one IP may create per window. */
    accountCreationThrottle: z.array(z.object({ count: z.number().int().positive(), seconds: z.number().int().positive() }).strict()),
    /** $wgRateLimits for email actions: confirmation mails and password resets per user and per IP. */
    emailRateLimits: z.object({
      confirmemail: z.object({ user: z.tuple([z.number().int().positive(), z.number().int().positive()]), ip: z.tuple([z.number().int().positive(), z.number().int().positive()]) }).strict(),
      mailpassword: z.object({ ip: z.tuple([z.number().int().positive(), z.number().int().positive()]) }).strict(),
    }).strict(),
    /** $wgObjectCacheSessionExpiry-like, in seconds: how long the server keeps a session without "Keep me logged in" (its cookie lasts the browser session). */
    sessionExpiry: z.number().int().positive(),
    /** $wgExtendedLoginCookieExpiration in seconds: a login with "Keep me logged in". */
    extendedLoginCookieExpiration: z.number().int().positive(),
    /** $wgEnableEmail. */
    enableEmail: z.boolean(),
    /** $wgEmailAuthentication: addresses must be confirmed before use. */
    emailAuthentication: z.boolean(),
    /** $wgUserEmailConfirmationTokenExpiry in seconds (MediaWiki default 7 days). */
    userEmailConfirmationTokenExpiry: z.number().int().positive(),
    /** $wgPasswordSender: the From address of the wiki's mail. */
    passwordSender: z.string().min(3),
    /** $wgNewPasswordExpiry in seconds: how long a temporary password from Special:PasswordReset works. */
    newPasswordExpiry: z.number().int().positive(),
    /** $wgSMTP: an SMTP server for outgoing mail; absent = each message is written as an .eml file under dataDir/mail. */
    smtp: z
      .object({ host: z.string().min(1), port: z.number().int().min(1).max(65535), secure: z.boolean().optional(), auth: z.object({ user: z.string(), pass: z.string() }).strict().optional(), ignoreTLS: z.boolean().optional() })
      .strict()
      .optional(),
    /** $wgDefaultUserOptions: preference defaults (only values that differ are stored per user). */
    defaultUserOptions: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
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
  user: { viewmywatchlist: true, editmywatchlist: true, move: true, 'move-subpages': true, 'move-rootuserpages': true, 'move-categorypages': true, movefile: true, read: true, edit: true, createpage: true, createtalk: true, minoredit: true, editmyusercss: true, editmyuserjson: true, editmyuserjs: true, purge: true, sendemail: true, applychangetags: true, changetags: true, editcontentmodel: true },
  autoconfirmed: { autoconfirmed: true, editsemiprotected: true },
  bot: { bot: true, autoconfirmed: true, editsemiprotected: true, nominornewtalk: true, autopatrol: true, suppressredirect: true, apihighlimits: true },
  sysop: { block: true, createaccount: true, delete: true, bigdelete: true, deletedhistory: true, deletedtext: true, undelete: true, editinterface: true, editsitejson: true, edituserjson: true, import: true, importupload: true, move: true, 'move-subpages': true, 'move-rootuserpages': true, 'move-categorypages': true, patrol: true, autopatrol: true, protect: true, editprotected: true, rollback: true, upload: true, reupload: true, reupload_shared: true, unwatchedpages: true, autoconfirmed: true, editsemiprotected: true, ipblock_exempt: true, blockemail: true, markbotedits: true, apihighlimits: true, browsearchive: true, noratelimit: true, movefile: true, unblockself: true, suppressredirect: true, mergehistory: true, managechangetags: true, deletechangetags: true },
  'interface-admin': { editinterface: true, editsitecss: true, editsitejson: true, editsitejs: true, editusercss: true, edituserjson: true, edituserjs: true },
  bureaucrat: { userrights: true, noratelimit: true, renameuser: true },
};

/**
 * The API Portal's permission model (operations-mediawiki-config for
 * apiportalwiki): anonymous visitors only read; logged-in users edit, and
 * namespace protection confines that to talk namespaces; `docseditor`
 * (right `edit-docs`) edits the documentation namespaces and moves pages;
 * sysops hold `edit-docs` too. Applied on top of MediaWiki's defaults.
 */
export function portalGroupPermissions(): Settings['groupPermissions'] {
  const groups = structuredClone(DEFAULT_GROUP_PERMISSIONS);
  for (const right of ['edit', 'createpage', 'createtalk', 'move', 'move-subpages', 'edit-docs']) groups['*'][right] = false;
  for (const right of ['createpage', 'move', 'move-subpages', 'move-rootuserpages', 'move-categorypages', 'movefile']) groups.user[right] = false;
  groups.user.edit = true;
  groups.user.createtalk = true;
  groups.docseditor = { 'edit-docs': true, move: true, 'move-subpages': true, createpage: true, createtalk: true };
  Object.assign(groups.sysop, { 'edit-docs': true, move: true, 'move-subpages': true, createpage: true });
  return groups;
}

/** The portal's $wgNamespaceProtection: the documentation namespaces need `edit-docs`; MediaWiki: needs `editinterface`. */
export const PORTAL_NAMESPACE_PROTECTION: Settings['namespaceProtection'] = {
  0: ['edit-docs'], 2: ['edit-docs'], 4: ['edit-docs'], 6: ['edit-docs'], 8: ['editinterface'], 10: ['edit-docs'], 12: ['edit-docs'], 14: ['edit-docs'],
};

/** Skins apiportalwiki's $wgSkipSkins hid from Special:Preferences. */
export const PORTAL_SKIP_SKINS: readonly string[] = ['vector', 'vector-2022', 'monobook', 'modern', 'cologneblue', 'timeless', 'minerva'];

/** MediaWiki's default $wgPasswordPolicy (privileged groups need 10 characters). */
export const DEFAULT_PASSWORD_POLICY: Settings['passwordPolicy'] = {
  default: { minimalPasswordLength: 8, maximalPasswordLength: 4096, passwordCannotMatchUsername: true, passwordNotInCommonList: true },
  bot: { minimalPasswordLength: 10 },
  sysop: { minimalPasswordLength: 10 },
  'interface-admin': { minimalPasswordLength: 10 },
  bureaucrat: { minimalPasswordLength: 10 },
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
    groupPermissions: portalGroupPermissions(),
    revokePermissions: {},
    namespaceProtection: structuredClone(PORTAL_NAMESPACE_PROTECTION),
    implicitGroups: ['*', 'user', 'autoconfirmed'],
    // MediaWiki's defaults: every registered user is autoconfirmed at once.
    autoConfirmAge: 0,
    autoConfirmCount: 0,
    addGroups: { bureaucrat: ['docseditor'] },
    removeGroups: { bureaucrat: ['docseditor'] },
    groupsAddToSelf: {},
    groupsRemoveFromSelf: {},
    restrictionLevels: ['', 'autoconfirmed', 'sysop'],
    restrictionTypes: ['create', 'edit', 'move', 'upload'],
    reservedUsernames: ['MediaWiki default', 'Conversion script', 'Maintenance script', 'Template namespace initialisation script', 'ScribuntoUnitTest', 'msg:double-redirect-fixer', 'msg:usermessage-editor', 'msg:proxyblocker'],
    invalidUsernameCharacters: '@:>=',
    maxNameChars: 255,
    passwordPolicy: structuredClone(DEFAULT_PASSWORD_POLICY),
    passwordAttemptThrottle: [
      { count: 5, seconds: 300, scope: 'user+ip' },
      { count: 150, seconds: 48 * 3600, scope: 'ip' },
    ],
    accountCreationThrottle: [{ count: 6, seconds: 86400 }],
    emailRateLimits: { confirmemail: { user: [4, 86400], ip: [10, 3600] }, mailpassword: { ip: [5, 3600] } },
    sessionExpiry: 86400,
    extendedLoginCookieExpiration: 180 * 86400,
    enableEmail: true,
    emailAuthentication: true,
    userEmailConfirmationTokenExpiry: 7 * 86400,
    passwordSender: 'apiportal@localhost',
    newPasswordExpiry: 7 * 86400,
    defaultUserOptions: { language: 'en', skin: '', gender: 'unknown', watchcreations: true, watchdefault: true, watchlistdays: 7, wllimit: 250, rememberpassword: false },
    // The API Portal's production setup: its own skin is the default and the
    // skins it hid ($wgSkipSkins on apiportalwiki) stay hidden if installed.
    // The plain skin stays reachable with useskin=fallback.
    defaultSkin: 'wikimediaapiportal',
    skipSkins: [...PORTAL_SKIP_SKINS],
    skins: ['WikimediaApiPortal'],
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
