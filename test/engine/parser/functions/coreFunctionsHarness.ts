/**
 * A wiki (createTestWiki) in MediaWiki's parser-test environment (server
 * http://example.org, article path /wiki/$1, empty script path, site
 * "MediaWiki", clock 1970-01-01T00:02:03Z), with the core parser functions
 * registered on its renderer over deps whose data each test can set.
 */
import type { MessageLocalizer } from '../../../../engine/i18n/MessageLocalizer';
import type { WikitextRenderer } from '../../../../engine/parser/WikitextRenderer';
import type { CategoryCounts, CoreFunctionDeps, RevisionFacts, SiteStatistics } from '../../../../engine/parser/functions/CoreParserFunctions';
import { registerCoreParserFunctions } from '../../../../engine/parser/functions/CoreParserFunctions';
import type { TitleFactory } from '../../../../engine/title/TitleFactory';
import { createTestWiki, TestWiki } from '../../../helpers/TestWiki';

export const PARSER_TEST_NOW = new Date('1970-01-01T00:02:03Z');

export interface Harness {
  wiki: TestWiki;
  renderer: WikitextRenderer;
  titles: TitleFactory;
  messages: MessageLocalizer;
  /** Data behind the deps; tests change it freely. */
  data: {
    statistics: SiteStatistics;
    /** Latest revisions by prefixed title. */
    revisions: Map<string, RevisionFacts>;
    /** What currentRevision() answers. */
    current: RevisionFacts | null;
    /** Category counts by category name (without namespace). */
    categories: Map<string, CategoryCounts>;
    genders: Map<string, 'male' | 'female'>;
    groups: Map<string, number>;
  };
  /** Renders `text` on page `title` and returns the body HTML. */
  html(text: string, title?: string, options?: { revisionId?: number; now?: Date }): Promise<string>;
  /** Renders and returns the whole ParserOutput. */
  render(text: string, title?: string, options?: { revisionId?: number; now?: Date; preview?: boolean }): ReturnType<WikitextRenderer['render']>;
  close(): Promise<void>;
}

export async function createHarness(overrides: Partial<CoreFunctionDeps> = {}): Promise<Harness> {
  const wiki = await createTestWiki('sqlite', { sitename: 'MediaWiki', server: 'http://example.org', scriptPath: '', articlePath: '/wiki/$1' });
  const { renderer, titleFactory: titles, messages } = wiki.services;
  const data: Harness['data'] = {
    statistics: { pages: 0, articles: 0, files: 0, edits: 0, users: 0, activeUsers: 0, admins: 0 },
    revisions: new Map(),
    current: null,
    categories: new Map(),
    genders: new Map(),
    groups: new Map(),
  };
  const deps: CoreFunctionDeps = {
    titles,
    message: (key, params, lang) => (messages.lookup(key, lang) === undefined ? undefined : messages.msg(key, lang, ...params).text()),
    siteStatistics: () => data.statistics,
    currentRevision: () => data.current,
    latestRevision: (title) => data.revisions.get(title.getPrefixedText()) ?? null,
    categoryCounts: (title) => data.categories.get(title.getText()) ?? null,
    usersInGroup: (group) => data.groups.get(group) ?? 0,
    specialPageName: (name) => wiki.services.specialPageFactory.resolveAlias(name),
    userGender: (name) => data.genders.get(name) ?? 'unknown',
    interwiki: wiki.services.interwiki,
    ...overrides,
  };
  registerCoreParserFunctions(renderer, deps);
  const render: Harness['render'] = (text, title = 'Parser test', opts = {}) =>
    renderer.render(text, { title: titles.newFromTextThrow(title), now: opts.now ?? PARSER_TEST_NOW, revisionId: opts.revisionId, preview: opts.preview });
  return {
    wiki,
    renderer,
    titles,
    messages,
    data,
    render,
    async html(text, title, opts) {
      return (await render(text, title, opts)).html;
    },
    close: () => wiki.close(),
  };
}

/** The text of a one-paragraph render, without <p> and the trailing newline MediaWiki adds. */
export function paragraph(html: string): string {
  return html.replace(/^<p>/, '').replace(/\n?<\/p>\n?$/, '');
}
