/**
 * Special:Version (MediaWiki's SpecialVersion): the installed software
 * (the engine, Node.js, the database server, the wikitext parser), the
 * license, the entry point URLs, the skins and extensions loaded through
 * the extension registry — name, version, license, description from their
 * `descriptionmsg`, authors — and the libraries the engine depends on
 * (MediaWiki lists its Composer libraries the same way).
 *
 * Product names (Node.js, SQLite, PostgreSQL…) are proper names and stay
 * untranslated, as MediaWiki prints "PHP" or "SQLite" literally.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RequestContext } from '../../context/RequestContext';
import { databaseKind } from '../../db/Database';
import { html, rawHtml, SafeHtml } from '../../html/Html';
import { LoadedModule, PROJECT_ROOT } from '../../registry/ExtensionRegistry';
import { SpecialPage } from '../SpecialPage';

/** The engine's name on Special:Version (MediaWiki prints "MediaWiki" there). */
export const ENGINE_NAME = 'API Portal';

interface PackageInfo {
  name?: string;
  version?: string;
  license?: string;
  description?: string;
  homepage?: string;
  dependencies?: Record<string, string>;
}

const packageCache = new Map<string, PackageInfo | null>();

/** A package.json, read once per process (versions change only with a restart). */
function readPackage(file: string): PackageInfo | null {
  if (!packageCache.has(file)) {
    try {
      packageCache.set(file, JSON.parse(fs.readFileSync(file, 'utf8')) as PackageInfo);
    } catch {
      packageCache.set(file, null);
    }
  }
  return packageCache.get(file) ?? null;
}

function readDependencyPackage(name: string): PackageInfo | null {
  let file: string;
  try {
    file = require.resolve(`${name}/package.json`, { paths: [PROJECT_ROOT] });
  } catch {
    // Packages whose "exports" hide package.json: read it from node_modules.
    file = path.join(PROJECT_ROOT, 'node_modules', name, 'package.json');
  }
  return readPackage(file);
}

/** Only http(s) URLs from manifests and package files become links (never javascript: and the like). */
function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** MediaWiki's extension types and the messages heading them (SpecialVersion::getExtensionTypes). */
const EXTENSION_TYPES: ReadonlyArray<[string, string]> = [
  ['specialpage', 'version-specialpages'],
  ['parserhook', 'version-parserhooks'],
  ['api', 'version-api'],
  ['other', 'version-other'],
];

export class SpecialVersion extends SpecialPage {
  override readonly group = 'wiki';

  constructor() {
    super('Version');
  }

  async execute(context: RequestContext): Promise<void> {
    const { output } = context;
    output.addHtml(await this.software(context));
    output.addHtml(this.license(context));
    output.addHtml(this.entryPoints(context));
    output.addHtml(this.modules(context, 'skin'));
    output.addHtml(this.modules(context, 'extension'));
    output.addHtml(this.specialPages(context));
    output.addHtml(this.libraries(context));
  }

  /** SpecialVersion::softwareInformation(): product and version of everything the wiki runs on. */
  private async software(context: RequestContext): Promise<SafeHtml> {
    const engine = readPackage(path.join(PROJECT_ROOT, 'package.json'));
    const parser = readDependencyPackage('wikiparser-node');
    const database = await this.databaseVersion(context);
    const rows: Array<[string, string]> = [
      [ENGINE_NAME, engine?.version ?? ''],
      ['Node.js', process.versions.node],
      [database.name, database.version],
      ['wikiparser-node', parser?.version ?? ''],
    ];
    return html`<h2 id="mw-version-software">${context.msg('version-software').text()}</h2>
<table class="wikitable plainlinks" id="sv-software"><tr><th>${context.msg('version-software-product').text()}</th><th>${context.msg('version-software-version').text()}</th></tr>
${rows.map(([product, version]) => html`<tr><td>${product}</td><td dir="ltr">${version}</td></tr>\n`)}</table>`;
  }

  /** The database product and server version, asked of the server itself. */
  private async databaseVersion(context: RequestContext): Promise<{ name: string; version: string }> {
    const db = context.services.db;
    try {
      if (databaseKind(db) === 'pg') {
        const result = (await db.raw('show server_version')) as { rows: Array<{ server_version: string }> };
        return { name: 'PostgreSQL', version: result.rows[0]?.server_version ?? '' };
      }
      const rows = (await db.raw('select sqlite_version() as version')) as Array<{ version: string }>;
      return { name: 'SQLite', version: rows[0]?.version ?? '' };
    } catch {
      // The page must still render if the server refuses the question.
      return { name: databaseKind(db) === 'pg' ? 'PostgreSQL' : 'SQLite', version: '' };
    }
  }

  private license(context: RequestContext): SafeHtml {
    const engine = readPackage(path.join(PROJECT_ROOT, 'package.json'));
    return html`<h2 id="mw-version-license">${context.msg('version-license').text()}</h2>
<div id="mw-version-license-text">${rawHtml(context.msg('version-license-info', ENGINE_NAME, engine?.license ?? '').parseAsBlock())}</div>`;
  }

  /** SpecialVersion::getEntryPointInfo(): where the article path and the scripts are. */
  private entryPoints(context: RequestContext): SafeHtml {
    const { settings } = context.services;
    const entries: Array<[string, string, boolean]> = [
      ['version-entrypoints-articlepath', settings.articlePath, false],
      ['version-entrypoints-scriptpath', settings.scriptPath === '' ? '/' : settings.scriptPath, false],
      ['version-entrypoints-index-php', `${settings.scriptPath}/index.php`, true],
      ['version-entrypoints-rest-php', `${settings.scriptPath}/rest.php`, true],
    ];
    const rows = entries.map(
      ([key, value, linked]) =>
        html`<tr><td>${context.msg(key).text()}</td><td dir="ltr"><code>${linked ? html`<a href="${settings.server}${value}">${value}</a>` : value}</code></td></tr>\n`,
    );
    return html`<h2 id="mw-version-entrypoints">${context.msg('version-entrypoints').text()}</h2>
<table class="wikitable plainlinks" id="mw-version-entrypoints-table" dir="ltr"><tr><th>${context.msg('version-entrypoints-header-entrypoint').text()}</th><th>${context.msg('version-entrypoints-header-url').text()}</th></tr>
${rows}</table>`;
  }

  /** SpecialVersion::getExtensionCredits() / getSkinCredits(): one table, extensions grouped by type. */
  private modules(context: RequestContext, kind: 'skin' | 'extension'): SafeHtml {
    const modules = context.services.extensionRegistry.modules.filter((m) => m.kind === kind).sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
    const isSkin = kind === 'skin';
    const heading = html`<h2 id="${isSkin ? 'mw-version-skin' : 'mw-version-ext'}">${context.msg(isSkin ? 'version-skins' : 'version-extensions').text()}</h2>`;
    if (modules.length === 0) {
      return html`${heading}<p class="mw-version-none">${context.msg(isSkin ? 'version-no-skins' : 'version-no-extensions').text()}</p>`;
    }
    const header = html`<tr><th>${context.msg(isSkin ? 'version-skin-colheader-name' : 'version-ext-colheader-name').text()}</th><th>${context.msg('version-ext-colheader-version').text()}</th><th>${context.msg('version-ext-colheader-license').text()}</th><th>${context.msg('version-ext-colheader-description').text()}</th><th>${context.msg('version-ext-colheader-credits').text()}</th></tr>`;
    let body: SafeHtml[];
    if (isSkin) {
      body = modules.map((m) => this.moduleRow(context, m, 'skin'));
    } else {
      body = [];
      for (const [type, key] of EXTENSION_TYPES) {
        const ofType = modules.filter((m) => (m.manifest.type === 'skin' ? 'other' : m.manifest.type) === type);
        if (ofType.length === 0) continue;
        body.push(html`<tr><th colspan="5" id="sv-ext-${type}">${context.msg(key).text()}</th></tr>\n`);
        body.push(...ofType.map((m) => this.moduleRow(context, m, type)));
      }
    }
    return html`${heading}<table class="wikitable plainlinks mw-installed-software" id="${isSkin ? 'sv-skin' : 'sv-ext'}">${header}
${body}</table>`;
  }

  private moduleRow(context: RequestContext, module: LoadedModule, type: string): SafeHtml {
    const m = module.manifest;
    const name = m.url && isWebUrl(m.url) ? html`<a href="${m.url}" class="external mw-version-ext-name" rel="nofollow">${m.name}</a>` : html`<span class="mw-version-ext-name">${m.name}</span>`;
    const description = m.descriptionmsg ? context.msg(m.descriptionmsg) : null;
    const authors = m.author === undefined ? '' : Array.isArray(m.author) ? m.author.join(', ') : m.author;
    const id = `mw-version-ext-${type}-${m.name.replace(/\s+/g, '_')}`;
    return html`<tr class="mw-version-ext" id="${id}"><td><em>${name}</em></td><td class="mw-version-ext-version" dir="ltr">${m.version}</td><td class="mw-version-ext-license">${m['license-name'] ?? ''}</td><td class="mw-version-ext-description">${description && description.exists() ? rawHtml(description.parse()) : ''}</td><td class="mw-version-ext-authors">${authors}</td></tr>\n`;
  }

  private specialPages(context: RequestContext): SafeHtml {
    const count = context.services.specialPageFactory.getNames().length;
    return html`<h2 id="mw-version-specialpages">${context.msg('version-specialpages').text()}</h2>
<p id="mw-version-specialpages-count">${rawHtml(context.msg('version-specialpages-count').numParams(count).parse())}</p>`;
  }

  /** SpecialVersion::getExternalLibraries(): the engine's runtime dependencies with their installed versions. */
  private libraries(context: RequestContext): SafeHtml {
    const engine = readPackage(path.join(PROJECT_ROOT, 'package.json'));
    const names = Object.keys(engine?.dependencies ?? {}).sort();
    const rows = names.map((name) => {
      const info = readDependencyPackage(name);
      return html`<tr><td>${info?.homepage && isWebUrl(info.homepage) ? html`<a href="${info.homepage}" class="external" rel="nofollow">${name}</a>` : name}</td><td dir="ltr">${info?.version ?? ''}</td><td>${info?.license ?? ''}</td><td>${info?.description ?? ''}</td></tr>\n`;
    });
    return html`<h2 id="mw-version-libraries">${context.msg('version-libraries').text()}</h2>
<table class="wikitable plainlinks" id="sv-libraries"><tr><th>${context.msg('version-libraries-library').text()}</th><th>${context.msg('version-libraries-version').text()}</th><th>${context.msg('version-libraries-license').text()}</th><th>${context.msg('version-libraries-description').text()}</th></tr>
${rows}</table>`;
  }
}
