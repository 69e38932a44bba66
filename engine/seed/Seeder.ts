/**
 * First-start content: when the page table is empty, every `*.wikitext` file
 * under db/seeds/ becomes a page, saved once through the normal edit path
 * (so history, recent changes and the search index are filled). The file
 * name is the title with `/` written as `%2F` and `:` as `%3A`
 * (encodeURIComponent of the prefixed title; spaces may be `_`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Services } from '../services/Services';
import { PROJECT_ROOT } from '../registry/ExtensionRegistry';

export const SEED_DIR = path.join(PROJECT_ROOT, 'db', 'seeds');
/** The seeding actor, like MediaWiki's "MediaWiki default" user for installer content. */
export const SEED_USER = { id: 0, name: 'MediaWiki default' };

export function listSeedFiles(dir = SEED_DIR): Array<{ title: string; file: string }> {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.wikitext'))
    .sort()
    .map((f) => ({ title: decodeURIComponent(f.slice(0, -'.wikitext'.length)).replace(/_/g, ' '), file: path.join(dir, f) }));
}

/** Seeds an empty wiki; returns the number of pages created (0 when the wiki already has pages). */
export async function seedIfEmpty(services: Services, dir = SEED_DIR): Promise<number> {
  if ((await services.pageStore.countPages()) > 0) return 0;
  let created = 0;
  for (const { title: text, file } of listSeedFiles(dir)) {
    const title = services.titleFactory.newFromTextThrow(text);
    const result = await services.pageUpdater.save({
      title,
      text: fs.readFileSync(file, 'utf8'),
      user: SEED_USER,
      summary: services.messages.msg('seed-summary', services.settings.languageCode).text(),
      baseRevId: 0,
      ip: '127.0.0.1',
    });
    if (result.status === 'saved') created++;
  }
  return created;
}
