import { createTestWiki, TestWiki } from '../helpers/TestWiki';
import { testDatabaseKinds } from '../helpers/testDatabases';

describe.each(testDatabaseKinds())('wiki basics on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
  });
  afterAll(async () => wiki.close());

  test('a saved page is viewable at its article URL', async () => {
    await wiki.edit('Hello world', "'''Hi''' there [[Other page]]");
    const res = await wiki.agent.get('/wiki/Hello_world');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<b>Hi</b> there');
    expect(res.text).toContain('id="firstHeading"');
  });
});

describe('site magic words', () => {
  test('{{SITENAME}} and {{SERVER}} render the configured values', async () => {
    const wiki = await createTestWiki('sqlite', { sitename: 'Test Docs' });
    try {
      await wiki.edit('Magic', 'Site: {{SITENAME}} at {{SERVER}}{{SCRIPTPATH}}');
      const res = await wiki.agent.get('/wiki/Magic');
      // A bare URL becomes a free external link, as in MediaWiki.
      expect(res.text).toContain('Site: Test Docs at <a rel="nofollow" class="external free" href="http://localhost/w">');
    } finally {
      await wiki.close();
    }
  });
});

describe('categories', () => {
  test('categories added by a template appear in the category box', async () => {
    const wiki = await createTestWiki('sqlite');
    try {
      await wiki.edit('Template:Categorise', '[[Category:From template]]');
      await wiki.edit('Categorised', 'Body {{Categorise}} [[Category:Direct]]');
      const res = await wiki.agent.get('/wiki/Categorised');
      expect(res.text).toContain('id="catlinks"');
      expect(res.text).toContain('>From template</a>');
      expect(res.text).toContain('>Direct</a>');
    } finally {
      await wiki.close();
    }
  });
});
