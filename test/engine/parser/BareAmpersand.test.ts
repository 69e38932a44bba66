/**
 * A `&` that starts no character reference is written `&amp;`, as
 * MediaWiki's Sanitizer::normalizeCharReferences does; references stay as
 * they are. Compared on the raw HTML: the parser-test normalizer reads both
 * spellings as the same text.
 */
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';

describe('rendered ampersands', () => {
  let wiki: TestWiki;

  beforeAll(async () => {
    wiki = await createTestWiki(testDatabaseKinds()[0]);
  });
  afterAll(() => wiki.close());

  async function render(text: string): Promise<string> {
    return (await wiki.services.renderer.render(text, { title: wiki.services.titleFactory.newFromTextThrow('Ampersands') })).html;
  }

  it('escapes a bare ampersand in text', async () => {
    expect(await render('a & b')).toBe('<p>a &amp; b\n</p>');
    expect(await render("AT&T && '''x &'''")).toBe('<p>AT&amp;T &amp;&amp; <b>x &amp;</b>\n</p>');
  });

  it('keeps character references as they are', async () => {
    expect(await render('&amp; &lt; &#123; &#x41; &eacute;')).toBe('<p>&amp; &lt; &#123; &#x41; &eacute;\n</p>');
  });
});
