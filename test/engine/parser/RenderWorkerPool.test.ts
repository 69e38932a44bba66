import knexFactory from 'knex';
import { ParserCache } from '../../../engine/parser/ParserCache';
import type { ParserOutput } from '../../../engine/parser/ParserOutput';
import { databaseOptionsOf, RenderWorkerError, RenderWorkerPool } from '../../../engine/parser/RenderWorkerPool';
import { PageRenderer } from '../../../engine/page/PageRenderer';
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';

// Worker start-up (its own services) and the heavy renders take seconds, more on a loaded machine.
jest.setTimeout(180_000);

const HEAVY_TEMPLATES: Record<string, string> = {
  'Template:Cell': '<span class="cell">{{{1}}}-{{#if:{{{2|}}}|{{{2}}}|none}}</span>',
  'Template:Row': '{{Cell|{{{1}}}|a}}{{Cell|{{{1}}}|b}}{{Cell|{{{1}}}}}{{Cell|{{{1}}}|d}}\n',
};

/** Every row calls a template that calls another four times. */
function heavyText(rows: number): string {
  return Array.from({ length: rows }, (_, i) => `{{Row|${i}}}`).join('');
}

/**
 * Rows for at least a second of synchronous rendering here, with the renderer
 * as it is today: how fast that is varies with the machine and the renderer,
 * and the tests need the render to outlast a few small requests. Sizing the
 * page is the only use of the clock; no assertion depends on it.
 */
async function heavyRowsFor(wiki: TestWiki): Promise<number> {
  const title = wiki.services.titleFactory.newFromTextThrow('Calibration');
  for (let rows = 100; ; rows *= 2) {
    const started = performance.now();
    await wiki.services.renderer.render(heavyText(rows), { title });
    if (performance.now() - started >= 1000 || rows >= 100_000) return rows;
  }
}

/** Polls until `condition` holds (the test's timeout bounds the wait). */
async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

function parserOutputHtml(pageHtml: string): string | undefined {
  return /<div class="mw-parser-output">([\s\S]*?)<\/div>/.exec(pageHtml)?.[1];
}

describe.each(testDatabaseKinds())('RenderWorkerPool (%s)', (kind) => {
  let wiki: TestWiki;
  let pool: RenderWorkerPool;
  let heavyRows: number;

  beforeAll(async () => {
    wiki = await createTestWiki(kind, { renderWorkers: 1, extensions: ['test/fixtures/extensions/RenderWorkerCrash'] });
    pool = wiki.services.renderPool!;
    for (const [title, text] of Object.entries(HEAVY_TEMPLATES)) await wiki.edit(title, text);
    heavyRows = await heavyRowsFor(wiki);
  });

  afterAll(async () => {
    await wiki?.close();
  });

  /** Drops a page's parser-cache entries, so its next view renders (in the worker). */
  async function evict(title: string): Promise<void> {
    const page = await wiki.services.pageStore.getPage({ namespace: 0, dbKey: title });
    wiki.services.parserCache.invalidatePage(page!.id);
  }

  /** The rendering a save made in the request thread (render-on-save), as the parser cache has it. */
  async function renderedOnSave(title: string): Promise<ParserOutput> {
    const page = await wiki.services.pageStore.getPage({ namespace: 0, dbKey: title });
    const output = wiki.services.parserCache.get(ParserCache.key(page!.id, page!.latest, PageRenderer.optionsHash({ language: 'en' })));
    if (!output) throw new Error(`${title} was not rendered on save`);
    return output;
  }

  it('answers other requests while a heavy page renders, and shares one render between concurrent views', async () => {
    await wiki.edit('Heavy', heavyText(heavyRows));
    await wiki.edit('Small', 'A small page.');
    const expected = await renderedOnSave('Heavy');
    await evict('Heavy');
    expect((await wiki.agent.get('/wiki/Small')).status).toBe(200);
    const completedBefore = pool.stats().completed;

    const finished: string[] = [];
    const heavyViews = [1, 2].map((n) =>
      wiki.agent.get('/wiki/Heavy').then((res) => {
        finished.push(`heavy ${n}`);
        return res;
      }),
    );
    await waitFor(() => pool.stats().busy === 1);
    for (let i = 1; i <= 5; i++) {
      const res = await wiki.agent.get('/wiki/Small');
      expect(res.status).toBe(200);
      expect(res.text).toContain('A small page.');
      finished.push(`small ${i}`);
    }
    const [first, second] = await Promise.all(heavyViews);

    expect(finished.slice(0, 5)).toEqual(['small 1', 'small 2', 'small 3', 'small 4', 'small 5']);
    expect(finished.slice(5).sort()).toEqual(['heavy 1', 'heavy 2']);
    for (const res of [first, second]) {
      expect(res.status).toBe(200);
      expect(parserOutputHtml(res.text)).toBe(expected.html);
    }
    expect(expected.html).toContain(`<span class="cell">${heavyRows - 1}-d</span>`);
    expect(expected.html.match(/class="cell"/g)).toHaveLength(heavyRows * 4);
    expect(pool.stats().completed - completedBefore).toBe(1);
    // The worker's rendering is cached like an in-thread one.
    const page = await wiki.services.pageStore.getPage({ namespace: 0, dbKey: 'Heavy' });
    expect(wiki.services.parserCache.get(ParserCache.key(page!.id, page!.latest, 'lang=en'))?.html).toBe(expected.html);
  });

  it('renders a saved template change, not the text the worker had cached', async () => {
    await wiki.edit('Template:Greeting', 'Hello from the old template');
    await wiki.edit('Greeted', 'Greeting: {{Greeting}}');
    await evict('Greeted');
    const completedBefore = pool.stats().completed;
    expect((await wiki.agent.get('/wiki/Greeted')).text).toContain('Greeting: Hello from the old template');
    expect(pool.stats().completed).toBe(completedBefore + 1);

    await wiki.edit('Template:Greeting', 'Hello from the new template');
    // The save dropped the page's cached rendering (it transcludes the template), so this view renders in the worker.
    const res = await wiki.agent.get('/wiki/Greeted');
    expect(pool.stats().completed).toBe(completedBefore + 2);
    expect(res.text).toContain('Greeting: Hello from the new template');
    expect(res.text).not.toContain('old template');
  });

  it('does not cache a rendering that overlapped a save of a template it uses', async () => {
    await wiki.edit('Template:Overlap note', 'note before');
    await wiki.edit('Overlapped', `${heavyText(heavyRows)}{{Overlap note}}`);
    await evict('Overlapped');
    const { id: pageId } = (await wiki.services.pageStore.getPage({ namespace: 0, dbKey: 'Overlapped' }))!;

    // then() sends the request (supertest waits for it); the test goes on while the page renders.
    const view = wiki.agent.get('/wiki/Overlapped').then((res) => res);
    await waitFor(() => pool.stats().busy === 1);
    await wiki.edit('Template:Overlap note', 'note after');
    const res = await view;

    // The worker may have read the template before or after the save; either way the result is not kept.
    expect(res.status).toBe(200);
    const page = (await wiki.services.pageStore.getPage({ namespace: 0, dbKey: 'Overlapped' }))!;
    expect(wiki.services.parserCache.get(ParserCache.key(pageId, page.latest, 'lang=en'))).toBeUndefined();
    expect((await wiki.agent.get('/wiki/Overlapped')).text).toContain('note after');
  });

  it('renders a saved interface message override', async () => {
    await wiki.edit('Interface', 'Message: {{int:Render-worker-greeting}}');
    await wiki.edit('MediaWiki:Render-worker-greeting', 'first override');
    await evict('Interface');
    expect((await wiki.agent.get('/wiki/Interface')).text).toContain('Message: first override');

    await wiki.edit('MediaWiki:Render-worker-greeting', 'second override');
    const completedBefore = pool.stats().completed;
    const res = await wiki.agent.get('/wiki/Interface');
    expect(pool.stats().completed).toBe(completedBefore + 1);
    expect(res.text).toContain('Message: second override');
  });

  it('shows the internal-error page when the worker dies mid-render, and replaces the worker', async () => {
    await wiki.edit('Crashing', 'Before {{#endrenderthread:}} after');
    await evict('Crashing');
    const replacedBefore = pool.stats().replaced;
    wiki.errors.length = 0;

    const res = await wiki.agent.get('/wiki/Crashing');

    expect(res.status).toBe(500);
    expect(res.text).toMatch(/\[[0-9a-f]{12}\] An internal error occurred\. It has been logged\./);
    expect(wiki.errors.join('\n')).toContain('The render worker stopped unexpectedly (exit code 1)');
    expect(pool.stats().replaced).toBe(replacedBefore + 1);
    // The replacement renders the next view.
    await wiki.edit('After crash', 'Rendered by the replacement worker.');
    await evict('After_crash');
    const after = await wiki.agent.get('/wiki/After_crash');
    expect(after.status).toBe(200);
    expect(after.text).toContain('Rendered by the replacement worker.');
  });

  it('previews in the worker', async () => {
    const completedBefore = pool.stats().completed;
    const title = wiki.services.titleFactory.newFromTextThrow('Previewed');
    const output = await wiki.services.pageRenderer.renderUnsaved(title, "'''Bold''' {{Greeting}}");
    expect(output.html).toContain('<b>Bold</b> Hello from the new template');
    expect(pool.stats().completed).toBe(completedBefore + 1);
  });

  it('abandons a render that exceeds the time limit and replaces the worker', async () => {
    // Far below what eight times the heavy text needs (8 s or more), far above what a line of text needs.
    const quickPool = await RenderWorkerPool.start({ size: 1, settings: wiki.services.settings, database: databaseOptionsOf(wiki.services.db), renderTimeoutMs: 2000 });
    try {
      const request = { title: { namespace: 0, dbKey: 'Slow' }, text: heavyText(heavyRows * 8), now: new Date() };
      await expect(quickPool.render(request)).rejects.toThrow(new RenderWorkerError('Rendering Slow took longer than 2000 ms'));
      expect(quickPool.stats().replaced).toBe(1);
      const output = await quickPool.render({ ...request, text: "''quick''" });
      expect(output.html).toContain('<i>quick</i>');
    } finally {
      await quickPool.close();
    }
  });
});

describe('RenderWorkerPool start-up', () => {
  it('fails to start when a worker cannot build its services', async () => {
    const wiki = await createTestWiki('sqlite');
    try {
      const settings = { ...wiki.services.settings, extensions: ['NoSuchExtension'] };
      await expect(RenderWorkerPool.start({ size: 1, settings, database: databaseOptionsOf(wiki.services.db) })).rejects.toThrow('Cannot load extension "NoSuchExtension"');
    } finally {
      await wiki.close();
    }
  });

  it('refuses an in-memory SQLite database, which no other thread can open', async () => {
    const db = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
    try {
      expect(() => databaseOptionsOf(db)).toThrow('Render workers need a database file');
    } finally {
      await db.destroy();
    }
  });
});
