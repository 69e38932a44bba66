/**
 * The acting user and their preferences come from the session: a logged-in
 * user's interface language and skin preferences apply, `uselang` and
 * `useskin` still override them (MediaWiki's RequestContext::getLanguage),
 * and anonymous visitors get the content language.
 */
import { createTestWiki, TEST_PASSWORD, TestWiki } from '../../../helpers/TestWiki';
import { testDatabaseKinds } from '../../../helpers/testDatabases';

describe.each(testDatabaseKinds())('request context on %s', (kind) => {
  let wiki: TestWiki;
  let agent: ReturnType<TestWiki['newAgent']>;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    const user = await wiki.createUser('Polyglot');
    await wiki.services.userOptions.setOptions(user.id, { language: 'qqx' });
    agent = wiki.newAgent();
    await wiki.login('Polyglot', TEST_PASSWORD, agent);
  });
  afterAll(async () => wiki.close());

  test('the language preference of a logged-in user sets the interface language', async () => {
    const res = await agent.get('/wiki/Special:SpecialPages');
    expect(res.text).toContain('(specialpages)');
    expect(res.text).toMatch(/<html[^>]* lang="qqx"/);
  });

  test('uselang overrides the preference', async () => {
    const res = await agent.get('/wiki/Special:SpecialPages?uselang=en');
    expect(res.text).not.toContain('(specialpages)');
    expect(res.text).toContain('Special pages');
  });

  test('anonymous visitors get the content language', async () => {
    const res = await wiki.newAgent().get('/wiki/Special:SpecialPages');
    expect(res.text).toContain('Special pages');
  });

  test('a preference naming an unknown language falls back to the content language', async () => {
    const user = await wiki.createUser('Confused');
    await wiki.services.userOptions.setOptions(user.id, { language: 'not a language!' });
    const other = wiki.newAgent();
    await wiki.login('Confused', TEST_PASSWORD, other);
    const res = await other.get('/wiki/Special:SpecialPages');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Special pages');
  });
});
