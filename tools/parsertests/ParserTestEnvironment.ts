/**
 * A fresh wiki per parser test file, configured the way MediaWiki's
 * ParserTestRunner configures one (staticSetup, setupDatabase, perTestSetup,
 * addArticles):
 *
 * - site settings: sitename "MediaWiki", meta namespace "TestWiki", server
 *   http://example.org, script path "" (so /index.php), article path
 *   /wiki/$1, English, capital links, nofollow on external links, the extra
 *   namespaces 100/101 MemoryAlpha that shadow an interwiki prefix, and the
 *   runner's interwiki table;
 * - $wgFragmentMode ['legacy'] (perTestSetup's default: heading ids and
 *   link fragments in the legacy encoding unless a test configures it);
 * - subpages off in every namespace unless a test has the `subpage` option
 *   (perTestSetup sets $wgNamespacesWithSubpages from it);
 * - the fake clock (1970-01-01T00:02:03Z) and revision id 1337 that the
 *   runner hands the parser;
 * - the runner's own tag and function hooks (ParserTestParserHook);
 * - the file's `!! article` pages, created in file order before any test.
 *
 * MediaWiki's setupDatabase itself creates no pages (the tables are cloned
 * empty); the only other pages are the description pages of the uploaded test
 * files (File:Foobar.jpg …), created by setupUploads — that belongs to the
 * file repository set-up, see `create`.
 *
 * A test whose `language` option, `subpage` option or `!! config` variables
 * change a setting we have gets its own services instance over the same
 * database (cached per distinct set of overrides). Settings we have no
 * equivalent for are reported as unapplied; the test still runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import { defaultSettings, Settings, settingsSchema, validateSettings } from '../../engine/config/Settings';
import { migrateToLatest, openDatabase } from '../../engine/db/Database';
import type { ExtensionTagInput, RenderFrame } from '../../engine/parser/ParserHooks';
import { PARSER_TEST_MEDIA_SETTINGS, PARSER_TEST_UPLOAD_PATH, PARSER_TEST_UPLOADS, setupParserTestFiles } from './ParserTestFiles';
import { createServices } from '../../engine/services/createServices';
import type { Services } from '../../engine/services/Services';
import type { OptionValue, ParserTestCase, ParserTestFile, ParserTestRequirement } from './ParserTestFile';

/** ParserTestRunner::getFakeTimestamp(): 123 seconds after the epoch. */
export const PARSER_TEST_CLOCK = new Date(123 * 1000);

/** The revision id the runner passes to Parser::parse (getRevRecordProperties). */
export const PARSER_TEST_REVISION_ID = 1337;

/** Author of the `!! article` pages. */
export const ARTICLE_AUTHOR = { id: 0, name: 'MediaWiki default' };

/**
 * ParserTestRunner::appendInterwikiSetup. Prefixes that are language codes
 * (and `mul`, from $wgExtraInterlanguageLinkPrefixes) are interlanguage links.
 */
export const PARSER_TEST_INTERWIKIS: Settings['interwikiMap'] = {
  local: { url: 'http://example.org/wiki/$1', local: true },
  project: { url: 'http://example.org/wiki/$1', local: true },
  wikipedia: { url: 'http://en.wikipedia.org/wiki/$1' },
  meatball: { url: 'http://www.usemod.com/cgi-bin/mb.pl?$1' },
  memoryalpha: { url: 'http://www.memory-alpha.org/en/index.php/$1' },
  zh: { url: 'http://zh.wikipedia.org/wiki/$1', local: true, language: true },
  es: { url: 'http://es.wikipedia.org/wiki/$1', local: true, language: true },
  fr: { url: 'http://fr.wikipedia.org/wiki/$1', local: true, language: true },
  ru: { url: 'http://ru.wikipedia.org/wiki/$1', local: true, language: true },
  mi: { url: 'http://example.org/wiki/$1', local: true, language: true },
  mul: { url: 'http://wikisource.org/wiki/$1', local: true, language: true },
  en: { url: '//en.wikipedia.org/wiki/$1', local: true, language: true },
  stats: { url: 'https://stats.wikimedia.org/$1', local: true },
  gerrit: { url: 'https://gerrit.wikimedia.org/$1', local: true },
  pmid: { url: '//www.ncbi.nlm.nih.gov/pubmed/$1?dopt=Abstract', local: true },
  wikinvest: { url: 'https://meta.wikimedia.org/wiki/Interwiki_map/discontinued#Wikinvest', local: true },
};

/** ParserTestRunner::staticSetup and the defaults of perTestSetup, in our settings. */
export function parserTestSettings(dataDir: string): Settings {
  return validateSettings({
    ...defaultSettings(),
    sitename: 'MediaWiki',
    metaNamespace: 'TestWiki',
    server: 'http://example.org',
    scriptPath: '',
    articlePath: '/wiki/$1',
    languageCode: 'en',
    capitalLinks: true,
    noFollowLinks: true,
    // ParserTestRunner's $wgNoFollowDomainExceptions (DefaultSettings exempts mediawiki.org).
    noFollowDomainExceptions: ['no-nofollow.org'],
    extraNamespaces: { 100: 'MemoryAlpha', 101: 'MemoryAlpha_talk' },
    namespacesWithSubpages: {},
    interwikiMap: PARSER_TEST_INTERWIKIS,
    // ParserTestRunner's $wgLocalInterwikis.
    localInterwikis: ['local', 'project', 'mi'],
    // perTestSetup: "Test with legacy encoding by default until HTML5 is very stable and default".
    fragmentMode: ['legacy'],
    // ParserTestRunner enables every magic link and uses 180px thumbnails on example.com's upload path.
    enableMagicLinks: { ISBN: true, PMID: true, RFC: true },
    uploadPath: PARSER_TEST_UPLOAD_PATH,
    thumbSize: PARSER_TEST_MEDIA_SETTINGS.thumbSize,
    extensions: [],
    skins: [],
    seedOnEmpty: false,
    dataDir,
    secretKey: 'parser-tests-'.padEnd(64, 'x'),
  });
}

/**
 * Test options that MediaWiki's runner turns into site configuration or
 * parser options (perTestSetup, setupParserOptions, runLegacyTest). Those we
 * can apply are handled below; the others are reported as unapplied. (`wrap`
 * and `notoc` are the runner's business: output pipeline options, whether the
 * wrapper is compared and whether the TOC is put in.)
 */
const CONFIGURING_OPTIONS = [
  'language', 'subpage', 'userlanguage', 'variant', 'htmlvariantlanguage', 'wgmaxtoclevel', 'wglinkholderbatchsize', 'wglocaltimezone', 'wgenableuploads',
  'wgrawhtml', 'wgallowexternalimages', 'thumbsize', 'wgenablemagiclinks', 'externallinktarget', 'wgnonincludablenamespaces', 'maxincludesize',
  'maxtemplatedepth', 'lastsavedrevision', 'styletag', 'skin',
];

/** Infrastructure settings no parser test may touch. */
const UNCONFIGURABLE_SETTINGS = new Set(['dataDir', 'databaseUrl', 'port', 'listenHost', 'secretKey', 'seedOnEmpty', 'extensions', 'skins']);

export interface TestServices {
  services: Services;
  /** Options and config variables of this test that our settings cannot express. */
  unapplied: string[];
}

export class ParserTestEnvironment {
  private readonly variants = new Map<string, Promise<Services>>();

  private constructor(
    readonly file: ParserTestFile,
    readonly base: Services,
    private readonly db: Knex,
    private readonly dataDir: string,
    private readonly settings: Settings,
  ) {}

  /** Builds the wiki and loads the file's articles. */
  static async create(file: ParserTestFile): Promise<ParserTestEnvironment> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parsertests-'));
    const db = openDatabase({ sqliteFile: path.join(dataDir, 'wiki.sqlite') });
    try {
      await migrateToLatest(db);
      const settings = parserTestSettings(dataDir);
      const base = await createBaseServices(settings, db);
      // MediaWiki's setupUploads: the test files and their description pages, before the articles.
      await setupParserTestFiles(base.fileRepo);
      for (const upload of PARSER_TEST_UPLOADS) {
        await base.pageUpdater.save({ title: base.titleFactory.makeTitle(6, upload.name), text: upload.descriptionPage, summary: '', user: ARTICLE_AUTHOR });
      }
      await base.siteStats.refresh();
      const environment = new ParserTestEnvironment(file, base, db, dataDir, settings);
      environment.variants.set('{}', Promise.resolve(base));
      await environment.addArticles();
      return environment;
    } catch (error) {
      await db.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** MediaWiki's addArticles: each page once, in file order; an identical duplicate is ignored. */
  private async addArticles(): Promise<void> {
    for (const article of this.file.articles) {
      const title = this.base.titleFactory.newFromText(article.title);
      if (!title) throw new Error(`invalid title '${article.title}' at ${this.file.fileName}:${article.line}`);
      const result = await this.base.pageUpdater.save({ title, text: article.text, summary: '', user: ARTICLE_AUTHOR });
      if (result.status !== 'saved' && result.status !== 'nochange') {
        throw new Error(`could not create '${article.title}' at ${this.file.fileName}:${article.line}: ${result.status}`);
      }
    }
  }

  /** Whether a `!! hooks`/`!! functionhooks` requirement (or `requirements` option) is met. */
  meetsRequirement(requirement: ParserTestRequirement): boolean {
    const extension = /^[Ee]xtension:(.*)$/.exec(requirement.name);
    if (requirement.type === 'hook' && extension) return this.settings.extensions.includes(extension[1]);
    const provided = requirement.type === 'hook' ? TEST_TAG_HOOKS : TEST_FUNCTION_HOOKS;
    return provided.includes(requirement.name);
  }

  /** The services a test runs against, and what of its configuration could not be applied. */
  async servicesFor(test: ParserTestCase): Promise<TestServices> {
    const overrides: Partial<Settings> = {};
    const unapplied: string[] = [];
    let styleTags = false;
    for (const option of CONFIGURING_OPTIONS) {
      if (!(option in test.options)) continue;
      const value = test.options[option];
      if (option === 'styletag') {
        styleTags = true;
      } else if (option === 'subpage') {
        const everyNamespace = this.base.namespaceInfo.getAllNamespaces().filter((ns) => ns >= 0);
        overrides.namespacesWithSubpages = Object.fromEntries(everyNamespace.map((ns) => [String(ns), true]));
      } else if (option === 'thumbsize' && typeof value === 'string' && /^\d+$/.test(value)) {
        overrides.thumbSize = Number(value);
      } else if (option === 'maxincludesize' && /^\d+$/.test(String(value))) {
        overrides.maxIncludeSize = Number(value);
      } else if (option === 'maxtemplatedepth' && /^\d+$/.test(String(value))) {
        overrides.maxTemplateDepth = Number(value);
      } else if (option === 'wgnonincludablenamespaces' && /^-?\d+$/.test(String(value))) {
        overrides.nonincludableNamespaces = [Number(value)];
      } else if (option === 'language' && typeof value === 'string' && this.accepts({ languageCode: value })) {
        if (value !== this.settings.languageCode) overrides.languageCode = value;
      } else {
        unapplied.push(describeOption(option, value));
      }
    }
    for (const [variable, value] of Object.entries(test.config)) {
      const key = settingForVariable(variable);
      // $wgEnableMagicLinks is merged key by key in MediaWiki (a test names only the ones it changes).
      const merged = key === 'enableMagicLinks' && value && typeof value === 'object' ? { ...this.settings.enableMagicLinks, ...(value as object) } : value;
      if (key && this.accepts({ [key]: merged })) Object.assign(overrides, { [key]: merged });
      else unapplied.push(`${variable}=${JSON.stringify(value)}`);
    }
    return { services: await this.variant(overrides, styleTags), unapplied };
  }

  private accepts(overrides: Partial<Settings>): boolean {
    return settingsSchema.safeParse({ ...this.settings, ...overrides }).success;
  }

  private variant(overrides: Partial<Settings>, styleTags: boolean): Promise<Services> {
    const key = JSON.stringify(styleTags ? { ...sortedEntries(overrides), styleTags } : sortedEntries(overrides));
    let services = this.variants.get(key);
    if (!services) {
      // Same database: the articles are already there, and MediaWiki: messages are read at creation.
      services = createBaseServices(validateSettings({ ...this.settings, ...overrides }), this.db).then((created) => {
        if (styleTags) registerStyleTagHooks(created);
        return created;
      });
      this.variants.set(key, services);
    }
    return services;
  }

  async close(): Promise<void> {
    const all = await Promise.allSettled(this.variants.values());
    for (const result of all) if (result.status === 'fulfilled') await result.value.close();
    await this.db.destroy();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

function sortedEntries(overrides: Partial<Settings>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(overrides).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function describeOption(option: string, value: OptionValue): string {
  return value === '' ? option : `${option}=${typeof value === 'string' ? value : JSON.stringify(value)}`;
}

/** $wgFooBar → fooBar when that is one of our settings (they keep MediaWiki's names). */
function settingForVariable(variable: string): keyof Settings | null {
  if (!variable.startsWith('wg') || variable.length < 3) return null;
  const name = variable.charAt(2).toLowerCase() + variable.slice(3);
  if (UNCONFIGURABLE_SETTINGS.has(name) || !(name in settingsSchema.shape)) return null;
  return name as keyof Settings;
}

/**
 * createServices plus what ParserTestRunner adds to every parser: the
 * ParserTestParserHook tags and functions.
 */
async function createBaseServices(settings: Settings, db: Knex): Promise<Services> {
  const services = await createServices(settings, { db });
  registerTestHooks(services);
  return services;
}

const TEST_TAG_HOOKS = ['tag', 'tåg', 'statictag', 'asidetag', 'pwraptest', 'divtag', 'spantag'];
const TEST_FUNCTION_HOOKS = ['divtagpf', 'spantagpf'];

/** ParserTestParserHook::setup, in our hook interface. */
function registerTestHooks(services: Services): void {
  const renderer = services.renderer;
  // dumpHook: the input and attributes as PHP's var_export prints them.
  for (const tag of ['tag', 'tåg']) {
    renderer.setHook(tag, (input) => `<pre>\n${phpExport(input.content)}\n${phpExport(input.attributes)}\n</pre>`);
  }
  renderer.setHook('statictag', staticTagHook);
  renderer.setHook('asidetag', () => '<aside>Some aside content</aside>');
  renderer.setHook('pwraptest', () => '<!--CMT--><style>p{}</style>');
  for (const element of ['div', 'span']) {
    renderer.setHook(`${element}tag`, (input, frame) => {
      const body = 'raw' in input.attributes ? (input.content ?? '') : stripOuterParagraph(frame.renderInline(input.content ?? ''));
      return `<${element}>${body}</${element}>`;
    });
    // The function form returns wikitext that is parsed in place, which is what
    // MediaWiki's array result without isHTML/noparse flags amounts to.
    renderer.setFunctionHook(`${element}tagpf`, (args) => `<${element}>${args[0] ?? ''}</${element}>`, { noHash: true, aliases: [`#${element}tag`] });
  }
}

const STATIC_TAG_KEY = 'mw:tests:static-tag-hook';

/** `<statictag>x</statictag>` remembers x; `<statictag action=flush/>` prints the last one remembered. */
function staticTagHook(input: ExtensionTagInput, frame: RenderFrame): string {
  const remembered = frame.getExtensionData<string[]>(STATIC_TAG_KEY, () => []);
  const attributeNames = Object.keys(input.attributes);
  if (attributeNames.length === 0) {
    remembered.push(input.content ?? '');
    return '';
  }
  if (attributeNames.length === 1 && input.attributes.action === 'flush' && input.content === null) return remembered[remembered.length - 1] ?? '';
  return (
    '\nCall this extension as <statictag>string</statictag> or as <statictag action=flush/>, not in any other way.\n' +
    `text: ${phpExport(input.content)}\nargv: ${phpExport(input.attributes)}\n`
  );
}

/** Parser::stripOuterParagraph: drops one enclosing <p>…</p> when it wraps everything. */
function stripOuterParagraph(html: string): string {
  const match = /^<p>([\s\S]*?)\n?<\/p>\n?$/.exec(html);
  return match && !match[1].includes('</p>') ? match[1] : html;
}

/** PHP's var_export for the values a tag hook sees: null, strings and string maps. */
function phpExport(value: string | null | Readonly<Record<string, string>>): string {
  if (value === null) return 'NULL';
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const entries = Object.entries(value).map(([key, item]) => `  ${phpExport(key)} => ${phpExport(item)},\n`);
  return `array (\n${entries.join('')})`;
}

/**
 * The `styletag` option: runLegacyTest gives that test's parser `<style>` and
 * `<link>` tag hooks, so that their placement (paragraphs, TOC) can be tested.
 */
function registerStyleTagHooks(services: Services): void {
  services.renderer.setHook('style', (input) => `<style${htmlAttributes(input.attributes)}>${input.content ?? ''}</style>`);
  services.renderer.setHook('link', (input) => `<link${htmlAttributes(input.attributes)}>`);
}

function htmlAttributes(attributes: Readonly<Record<string, string>>): string {
  return Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`)
    .join('');
}
