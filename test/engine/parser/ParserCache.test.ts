import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';

describe.each(testDatabaseKinds())('parser cache on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
  });
  afterAll(async () => wiki.close());

  test('a repeat view is a cache hit and does not render again', async () => {
    await wiki.edit('Cached page', 'Some text');
    const render = jest.spyOn(wiki.services.renderer, 'render');
    await wiki.agent.get('/wiki/Cached_page').expect(200);
    await wiki.agent.get('/wiki/Cached_page').expect(200);
    await wiki.agent.get('/wiki/Cached_page').expect(200);
    expect(render).toHaveBeenCalledTimes(1);
    render.mockRestore();
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
