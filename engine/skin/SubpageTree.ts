/**
 * The pages below a root page, with their DEFAULTSORT keys, for skins that
 * show a documentation tree (the API Portal's left sidebar). One query per
 * root (page joined with page_props 'defaultsort'), cached in the process
 * and dropped when any page under that root — or the root itself — is saved,
 * deleted, undeleted or moved (in or out), so a new subpage or a changed
 * DEFAULTSORT shows at once. Ordering and
 * nesting are the skin's business; this only lists.
 */
import type { Knex } from 'knex';
import type { HookContainer } from '../hooks/HookContainer';
import type { Title } from '../title/Title';
import type { TitleFactory } from '../title/TitleFactory';

export interface SubpageEntry {
  title: Title;
  /** The page's DEFAULTSORT key, or null when it sets none. */
  sortKey: string | null;
}

/** Escapes LIKE wildcards in a title prefix (both backends honour ESCAPE '\'). */
function likePrefix(dbKey: string): string {
  return `${dbKey.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`;
}

export class SubpageTree {
  private readonly cache = new Map<string, Promise<SubpageEntry[]>>();

  constructor(
    private readonly db: Knex,
    private readonly titles: TitleFactory,
    hooks: HookContainer,
  ) {
    hooks.register('PageSaveComplete', (change) => this.forget(change.title));
    // A page leaving or joining a tree by deletion, undeletion or a move (both roots).
    hooks.register('PageDeleteComplete', (title) => this.forget(title));
    hooks.register('PageUndeleteComplete', (title) => this.forget(title));
    hooks.register('PageMoveComplete', (oldTitle, newTitle) => {
      this.forget(oldTitle);
      this.forget(newTitle);
    });
  }

  /** Drops the cached tree that `title` belongs to (its subject page's root). */
  private forget(title: Title): void {
    this.cache.delete(SubpageTree.key(title.getSubjectPage().getRootTitle()));
  }

  private static key(root: Title): string {
    return `${root.getNamespace()}:${root.getDBkey()}`;
  }

  /** Every existing page whose title starts with `root/` (in the root's namespace), unordered. */
  getSubpages(root: Title): Promise<SubpageEntry[]> {
    const key = SubpageTree.key(root);
    let entries = this.cache.get(key);
    if (!entries) {
      entries = this.load(root);
      this.cache.set(key, entries);
      entries.catch(() => this.cache.delete(key));
    }
    return entries;
  }

  private async load(root: Title): Promise<SubpageEntry[]> {
    const rows = await this.db('page')
      .leftJoin('page_props', (join) => join.on('pp_page', '=', 'page_id').andOnVal('pp_propname', '=', 'defaultsort'))
      .where('page_namespace', root.getNamespace())
      .andWhereRaw("page_title LIKE ? ESCAPE '\\'", [likePrefix(root.getDBkey())])
      // Redirects are left out (upstream's Title::getSubpages() keeps them), so a
      // page moved within the tree shows once, under its new name.
      .where('page_is_redirect', false)
      .select('page_title', 'pp_value');
    return rows.map((row) => ({ title: this.titles.makeTitle(root.getNamespace(), row.page_title), sortKey: row.pp_value ?? null }));
  }
}
