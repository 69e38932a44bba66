/**
 * Loads the extensions and skins named in settings (MediaWiki's
 * ExtensionRegistry / wfLoadExtension / wfLoadSkin) from
 * `extensions/<Name>/extension.json` and `skins/<Name>/skin.json`, and hands
 * the engine what they declare. The engine never imports a module directly:
 * everything reaches it through the manifest.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { HookContainer, HookName } from '../hooks/HookContainer';
import type { RestHandler } from '../rest/RestRouter';
import type { SkinServices } from '../skin/SkinServices';
import type { Skin } from '../skin/Skin';
import type { SpecialPage } from '../specialpage/SpecialPage';
import type { SpecialPageFactoryFunction } from '../specialpage/SpecialPageFactory';
import { Manifest, manifestSchema } from './Manifest';

export const PROJECT_ROOT = path.resolve(__dirname, '../..');

export interface LoadedModule {
  kind: 'extension' | 'skin';
  dir: string;
  manifest: Manifest;
}

/** What a skin module exports: a factory that receives the engine's skin context. */
export type SkinFactory = (context: SkinModuleContext) => Skin;

export interface SkinModuleContext {
  /** Folder of the skin module (for reading its resources). */
  dir: string;
  /** URL prefix where the module's resources are served. */
  resourceUrl: string;
  config: Readonly<Record<string, unknown>>;
  /** The engine services a skin may use (SkinServices). */
  services: SkinServices;
}

export class ExtensionLoadError extends Error {}

function loadCode<T>(dir: string, modulePath: string, what: string): T {
  const file = path.resolve(dir, modulePath);
  if (!file.startsWith(path.resolve(dir) + path.sep)) throw new ExtensionLoadError(`${what}: module path ${modulePath} leaves ${dir}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(file) as { default?: T } & T;
  const value = loaded.default ?? loaded;
  if (value === undefined || value === null) throw new ExtensionLoadError(`${what}: ${modulePath} exports nothing`);
  return value as T;
}

export class ExtensionRegistry {
  readonly modules: LoadedModule[] = [];

  /**
   * `names`: a bare name is looked up under extensions/ (or skins/); a value
   * containing a slash is a folder path relative to the project root (tests).
   */
  static load(extensionNames: readonly string[], skinNames: readonly string[]): ExtensionRegistry {
    const registry = new ExtensionRegistry();
    for (const name of skinNames) registry.loadOne('skin', name);
    for (const name of extensionNames) registry.loadOne('extension', name);
    return registry;
  }

  private loadOne(kind: 'extension' | 'skin', name: string): void {
    const dir = name.includes('/') ? path.resolve(PROJECT_ROOT, name) : path.join(PROJECT_ROOT, kind === 'skin' ? 'skins' : 'extensions', name);
    const manifestFile = path.join(dir, kind === 'skin' ? 'skin.json' : 'extension.json');
    if (!fs.existsSync(manifestFile)) throw new ExtensionLoadError(`Cannot load ${kind} "${name}": ${manifestFile} does not exist`);
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    } catch (error) {
      throw new ExtensionLoadError(`${manifestFile} is not valid JSON: ${(error as Error).message}`);
    }
    const parsed = manifestSchema.safeParse(raw);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new ExtensionLoadError(`${manifestFile} is invalid: ${problems}`);
    }
    if (this.modules.some((m) => m.manifest.name === parsed.data.name)) throw new ExtensionLoadError(`${kind} ${parsed.data.name} is loaded twice`);
    this.modules.push({ kind, dir, manifest: parsed.data });
  }

  /** Message directories of every module, absolute. */
  getMessageDirs(): string[] {
    return this.modules.flatMap((m) => Object.values(m.manifest.MessagesDirs).flat().map((d) => path.resolve(m.dir, d)));
  }

  /** Config defaults of every module, overridden by the site's `config` settings. */
  getConfig(siteConfig: Readonly<Record<string, unknown>>): Record<string, unknown> {
    const config: Record<string, unknown> = {};
    for (const m of this.modules) for (const [name, def] of Object.entries(m.manifest.config)) config[name] = def.value;
    return { ...config, ...siteConfig };
  }

  /**
   * Group permissions from manifests merged under the site's: a module grants
   * defaults, the site's settings have the last word (as LocalSettings.php
   * runs after extension registration in MediaWiki).
   */
  mergeGroupPermissions(site: Record<string, Record<string, boolean>>): Record<string, Record<string, boolean>> {
    const merged: Record<string, Record<string, boolean>> = {};
    for (const m of this.modules) {
      for (const [group, rights] of Object.entries(m.manifest.GroupPermissions)) merged[group] = { ...merged[group], ...rights };
    }
    for (const [group, rights] of Object.entries(site)) merged[group] = { ...merged[group], ...rights };
    return merged;
  }

  getAvailableRights(): string[] {
    return this.modules.flatMap((m) => m.manifest.AvailableRights);
  }

  registerHooks(hooks: HookContainer): void {
    for (const m of this.modules) {
      for (const [hook, modulePaths] of Object.entries(m.manifest.Hooks)) {
        for (const modulePath of Array.isArray(modulePaths) ? modulePaths : [modulePaths]) {
          const handler = loadCode<(...args: unknown[]) => unknown>(m.dir, modulePath, `${m.manifest.name} hook ${hook}`);
          if (typeof handler !== 'function') throw new ExtensionLoadError(`${m.manifest.name}: handler for ${hook} is not a function`);
          hooks.register(hook as HookName, handler as never);
        }
      }
    }
  }

  getSpecialPages(): Map<string, SpecialPageFactoryFunction> {
    const pages = new Map<string, SpecialPageFactoryFunction>();
    for (const m of this.modules) {
      for (const [name, modulePath] of Object.entries(m.manifest.SpecialPages)) {
        const PageClass = loadCode<new () => SpecialPage>(m.dir, modulePath, `${m.manifest.name} special page ${name}`);
        pages.set(name, () => new PageClass());
      }
    }
    return pages;
  }

  getRestRoutes(): Array<{ path: string; methods: string[]; handler: RestHandler }> {
    return this.modules.flatMap((m) =>
      m.manifest.RestRoutes.map((route) => ({
        path: route.path,
        methods: Array.isArray(route.method) ? route.method : [route.method],
        handler: loadCode<RestHandler>(m.dir, route.handler, `${m.manifest.name} REST route ${route.path}`),
      })),
    );
  }

  getSkinFactories(): Array<{ key: string; factory: SkinFactory; module: LoadedModule }> {
    return this.modules.flatMap((m) =>
      Object.entries(m.manifest.ValidSkinNames).map(([key, modulePath]) => ({
        key,
        factory: loadCode<SkinFactory>(m.dir, modulePath, `${m.manifest.name} skin ${key}`),
        module: m,
      })),
    );
  }

  /** URL prefix → folder for each module's static resources. */
  getResourceRoots(scriptPath: string): Array<{ urlPrefix: string; dir: string }> {
    return this.modules
      .filter((m) => m.manifest.ResourceFileModulePaths)
      .map((m) => ({
        urlPrefix: `${scriptPath}/${m.kind === 'skin' ? 'skins' : 'extensions'}/${m.manifest.name}/`,
        dir: path.resolve(m.dir, m.manifest.ResourceFileModulePaths!),
      }));
  }
}
