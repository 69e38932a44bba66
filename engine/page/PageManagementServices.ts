/**
 * The page management services (MediaWiki's DeletePageFactory,
 * UndeletePageFactory, MovePageFactory and ArchivedRevisionLookup), built
 * from the base services and the save path's own pieces: the link-table
 * updater and content preparer PageUpdater uses, and what the caches need.
 */
import type { MessageOverrides } from '../i18n/MessageOverrides';
import type { RenderWorkerPool } from '../parser/RenderWorkerPool';
import type { BaseServices } from '../services/Services';
import type { LinksUpdate } from '../storage/LinksUpdate';
import type { ContentPreparer } from '../storage/PageUpdater';
import { ArticleCacheUpdates } from './ArticleCacheUpdates';
import { DeletePage } from './DeletePage';
import { MovePage } from './MovePage';
import { PageArchive } from './PageArchive';
import { UndeletePage } from './UndeletePage';

export interface PageManagementServices {
  readonly deletePage: DeletePage;
  readonly undeletePage: UndeletePage;
  readonly movePage: MovePage;
  readonly pageArchive: PageArchive;
}

export interface PageManagementParts {
  linksUpdate: LinksUpdate;
  prepareContent: ContentPreparer;
  overrides: MessageOverrides;
  renderPool: () => RenderWorkerPool | null;
}

export function createPageManagementServices(base: BaseServices, parts: PageManagementParts): PageManagementServices {
  const { db, actorStore, logStore, searchEngine, hooks, permissionManager, revisionStore } = base;
  const caches = new ArticleCacheUpdates({ db, parserCache: base.parserCache, templateSource: base.templateSource, siteStats: base.siteStats, overrides: parts.overrides, renderPool: parts.renderPool });
  const derivedUpdaters = () => [searchEngine, parts.linksUpdate];
  const pageArchive = new PageArchive(db);
  const deletePage = new DeletePage(db, actorStore, logStore, parts.linksUpdate, searchEngine, caches, hooks, permissionManager);
  return {
    deletePage,
    undeletePage: new UndeletePage(db, pageArchive, revisionStore, actorStore, logStore, derivedUpdaters, parts.prepareContent, caches, hooks, permissionManager),
    movePage: new MovePage(
      db,
      actorStore,
      revisionStore,
      logStore,
      deletePage,
      derivedUpdaters,
      parts.prepareContent,
      caches,
      hooks,
      permissionManager,
      base.messages,
      base.interwiki,
      base.titleFactory,
      base.settings.languageCode,
    ),
    pageArchive,
  };
}
