import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';

describe.each(testDatabaseKinds())('parser cache on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
  });
  afterAll(async () => wiki.close());

  test('a repeat view is a cache hit and does not render again', async () => {
    // The save renders once (render-on-save); no view renders again.
    const render = jest.spyOn(wiki.services.renderer, 'render');
    await wiki.edit('Cached page', 'Some text');
    await wiki.agent.get('/wiki/Cached_page').expect(200);
    await wiki.agent.get('/wiki/Cached_page').expect(200);
    await wiki.agent.get('/wiki/Cached_page').expect(200);
    expect(render).toHaveBeenCalledTimes(1);
    render.mockRestore();
  });

  test('a cached view of an ordinary page does not load the revision text', async () => {
    await wiki.edit('Text not needed', 'Body');
    await wiki.agent.get('/wiki/Text_not_needed').expect(200);
    const getText = jest.spyOn(wiki.services.revisionStore, 'getText');
    const res = await wiki.agent.get('/wiki/Text_not_needed').expect(200);
    expect(res.text).toContain('Body');
    expect(getText).not.toHaveBeenCalled();
    getText.mockRestore();
  });

  test('editing a template re-renders pages that transclude it, directly or through another template', async () => {
    await wiki.edit('Template:Inner', 'inner-v1');
    await wiki.edit('Template:Outer', 'outer {{Inner}}');
    await wiki.edit('Uses templates', '{{Outer}}');
    expect((await wiki.agent.get('/wiki/Uses_templates')).text).toContain('outer inner-v1');
    await wiki.edit('Template:Inner', 'inner-v2');
    expect((await wiki.agent.get('/wiki/Uses_templates')).text).toContain('outer inner-v2');
  });

  test('a template reached through a redirect is refreshed when its target changes', async () => {
    await wiki.edit('Template:Real', 'real-v1');
    await wiki.edit('Template:Alias', '#REDIRECT [[Template:Real]]');
    await wiki.edit('Uses alias', '{{Alias}}');
    expect((await wiki.agent.get('/wiki/Uses_alias')).text).toContain('real-v1');
    await wiki.edit('Template:Real', 'real-v2');
    expect((await wiki.agent.get('/wiki/Uses_alias')).text).toContain('real-v2');
  });
});
