import { ParserCache } from '../../../engine/parser/ParserCache';
import { PageRenderer } from '../../../engine/page/PageRenderer';
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';

describe.each(testDatabaseKinds())('PageRenderer, rendering in the request thread (%s)', (kind) => {
  let wiki: TestWiki;

  beforeAll(async () => {
    wiki = await createTestWiki(kind);
  });

  afterAll(async () => {
    await wiki?.close();
  });

  async function latest(dbKey: string) {
    const page = (await wiki.services.pageStore.getPage({ namespace: 0, dbKey }))!;
    const revision = (await wiki.services.revisionStore.getRevisionById(page.latest))!;
    return { page, revision, title: wiki.services.titleFactory.makeTitle(0, dbKey) };
  }

  it('renders a revision with its own facts, as the save did', async () => {
    await wiki.edit('Facts', 'By {{REVISIONUSER}} ({{REVISIONSIZE}} bytes)', { user: { id: 0, name: '192.0.2.7' } });
    const { page, revision, title } = await latest('Facts');
    const onSave = wiki.services.parserCache.get(ParserCache.key(page.id, revision.id, PageRenderer.optionsHash({ language: 'en' })))!.html;
    wiki.services.parserCache.invalidatePage(page.id);

    const output = await wiki.services.pageRenderer.getParserOutput(title, revision, () => wiki.services.revisionStore.getText(revision), { language: 'en' });

    expect(output.html).toContain(`By 192.0.2.7 (${revision.length} bytes)`);
    expect(output.html).toBe(onSave);
  });

  it('shares one render between concurrent misses of the same revision, and caches it', async () => {
    await wiki.edit('Shared', "'''Shared''' text");
    const { page, revision, title } = await latest('Shared');
    wiki.services.parserCache.invalidatePage(page.id);
    let loads = 0;
    const loadText = async () => {
      loads++;
      return wiki.services.revisionStore.getText(revision);
    };

    const outputs = await Promise.all([1, 2, 3].map(() => wiki.services.pageRenderer.getParserOutput(title, revision, loadText, { language: 'en' })));

    expect(loads).toBe(1);
    expect(new Set(outputs).size).toBe(1);
    expect(outputs[0].html).toContain('<b>Shared</b> text');
    await wiki.services.pageRenderer.getParserOutput(title, revision, loadText, { language: 'en' });
    expect(loads).toBe(1);
  });
});
