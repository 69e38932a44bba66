/**
 * Answers "does this link target exist?" for a whole page's links in one
 * query per namespace (MediaWiki's LinkBatch + Title::isKnown): a page row
 * makes a title exist; special pages exist when registered; MediaWiki:
 * pages exist when the interface message has a default. Redirects are
 * reported so links to them get `mw-redirect`.
 */
import type { PageExistenceLookup } from '../parser/WikitextRenderer';
import type { LinkTargetState } from '../parser/wikiparser/LinkRendering';
import type { PageStore } from '../storage/PageStore';
import { pageKeyOf } from '../storage/PageStore';
import { NS_MEDIAWIKI, NS_SPECIAL } from '../title/NamespaceInfo';
import type { Title } from '../title/Title';

export function createPageExistenceLookup(
  pages: PageStore,
  specialPageExists: (name: string) => boolean,
  messageExists: (key: string) => boolean,
): PageExistenceLookup {
  return async (titles: readonly Title[]) => {
    const states = new Map<string, LinkTargetState>();
    const stored = titles.filter((t) => t.canExist());
    const found = await pages.getExisting(stored.map((t) => ({ namespace: t.getNamespace(), dbKey: t.getDBkey() })));
    for (const title of titles) {
      const key = title.getPrefixedText();
      if (title.getNamespace() === NS_SPECIAL) {
        states.set(key, { exists: specialPageExists(title.getDBkey().split('/')[0]), redirect: false });
        continue;
      }
      const page = title.canExist() ? found.get(pageKeyOf({ namespace: title.getNamespace(), dbKey: title.getDBkey() })) : undefined;
      if (page) states.set(key, { exists: true, redirect: page.isRedirect });
      else if (title.getNamespace() === NS_MEDIAWIKI) {
        const messageKey = title.getDBkey();
        states.set(key, { exists: messageExists(messageKey.charAt(0).toLowerCase() + messageKey.slice(1)), redirect: false });
      } else states.set(key, { exists: false, redirect: false });
    }
    return states;
  };
}
