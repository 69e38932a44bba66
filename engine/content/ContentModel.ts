/**
 * Content models by title, as MediaWiki's ContentHandler defaults: site and
 * user CSS/JS/JSON pages are not wikitext (they are never parsed, and editing
 * them needs their own rights).
 */
import { NS_MEDIAWIKI, NS_USER } from '../title/NamespaceInfo';
import type { Title } from '../title/Title';

export type ContentModelId = 'wikitext' | 'css' | 'javascript' | 'json' | 'text';

export function defaultContentModel(title: Title): ContentModelId {
  const ns = title.getNamespace();
  if (ns === NS_MEDIAWIKI || (ns === NS_USER && title.isSubpage())) {
    const key = title.getDBkey();
    if (key.endsWith('.css')) return 'css';
    if (key.endsWith('.js')) return 'javascript';
    if (key.endsWith('.json')) return 'json';
  }
  return 'wikitext';
}

export function mimeTypeOf(model: ContentModelId): string {
  switch (model) {
    case 'css': return 'text/css';
    case 'javascript': return 'text/javascript';
    case 'json': return 'application/json';
    default: return 'text/x-wiki';
  }
}
