/**
 * The one place that touches wikiparser-node's module-global state (its site
 * config, template map, clock and hooks). The library forces globals on us;
 * wrapping them here keeps the rest of the engine free of them. Rendering is
 * synchronous, so swapping the template map per render is safe: no other
 * render can interleave.
 */
import Parser from 'wikiparser-node';
import type { Config, ConfigData } from 'wikiparser-node';
import enwiki from 'wikiparser-node/config/enwiki.json';
import type { NamespaceInfo } from '../title/NamespaceInfo';

Parser.warning = false;

export { Parser };
export type WikiparserConfig = ConfigData;
export type ProcessedConfig = Config;

export interface SiteParserConfig {
  namespaceInfo: NamespaceInfo;
  articlePath: string;
  server: string;
  siteName: string;
  scriptPath: string;
  extraTags?: readonly string[];
}

/** Builds wikiparser-node's site config from our namespaces (English aliases only). */
export function buildParserConfig(site: SiteParserConfig): WikiparserConfig {
  const base = structuredClone(enwiki) as unknown as { -readonly [K in keyof WikiparserConfig]: WikiparserConfig[K] };
  const namespaces: Record<string, string> = {};
  const nsid: Record<string, number> = {};
  for (const ns of site.namespaceInfo.getAllNamespaces()) {
    const name = site.namespaceInfo.getNamespaceName(ns) ?? '';
    namespaces[String(ns)] = name;
    nsid[name.toLowerCase()] = ns;
  }
  // MediaWiki's fixed aliases.
  nsid.project = 4;
  nsid['project talk'] = 5;
  nsid.image = 6;
  nsid['image talk'] = 7;
  base.namespaces = namespaces;
  base.nsid = nsid;
  base.articlePath = site.articlePath;
  (base as unknown as { server: string }).server = site.server;
  for (const tag of site.extraTags ?? []) if (!base.ext.includes(tag)) base.ext.push(tag);
  return base as WikiparserConfig;
}
