import { anonymousUser } from '../../../engine/user/UserIdentity';
import { anonymousVisitor } from '../../../engine/user/User';
import { ExtensionLoadError, ExtensionRegistry } from '../../../engine/registry/ExtensionRegistry';
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { savedTitles } from '../../fixtures/extensions/TestExtension/pageSaved';

describe('extension registry with a fixture that uses every manifest field', () => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki('sqlite', {
      extensions: ['test/fixtures/extensions/TestExtension'],
      skins: ['test/fixtures/skins/TestSkin'],
    });
  });
  afterAll(async () => wiki.close());

  test('SpecialPages + MessagesDirs + config: the special page renders its message with the config value', async () => {
    const res = await wiki.agent.get('/wiki/Special:HelloWorld/3');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<p id="hello">Hello, 3 visitors!</p>');
    expect(res.text).toContain('Hello world page');
  });

  test('SpecialPage_initList hook adds a page', async () => {
    const res = await wiki.agent.get('/wiki/Special:HelloAgain');
    expect(res.status).toBe(200);
    expect(res.text).toContain('id="hello"');
  });

  test('BeforePageDisplay hook adds a body class and a stylesheet served from ResourceFileModulePaths', async () => {
    const res = await wiki.agent.get('/wiki/Special:HelloWorld');
    expect(res.text).toMatch(/<body class="[^"]*testextension-was-here/);
    expect(res.text).toContain('/w/extensions/TestExtension/test.css');
    const css = await wiki.agent.get('/w/extensions/TestExtension/test.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toMatch(/text\/css/);
    expect((await wiki.agent.get('/w/extensions/TestExtension/../extension.json')).status).toBe(404);
  });

  test('ParserFirstCallInit registers a tag and a parser function', async () => {
    await wiki.edit('Parser hooks', 'A <shout>quiet</shout> and {{#double:ab}}.');
    const res = await wiki.agent.get('/wiki/Parser_hooks');
    expect(res.text).toContain('<strong class="shout">QUIET</strong>');
    expect(res.text).toContain('abab');
  });

  test('PageSaveComplete runs after a save', async () => {
    await wiki.edit('Saved via hook test', 'text');
    expect(savedTitles).toContain('Saved via hook test');
  });

  test('SkinBuildSidebar adds a section', async () => {
    const res = await wiki.agent.get('/wiki/Special:HelloWorld');
    expect(res.text).toContain('id="n-testextension"');
  });

  test('UserGetRights can remove a right; GroupPermissions and AvailableRights are merged', () => {
    const pm = wiki.services.permissionManager;
    expect(pm.userHasRight(anonymousVisitor('10.9.8.7'), 'edit')).toBe(false);
    expect(pm.userHasRight(anonymousVisitor('10.9.8.8'), 'edit')).toBe(true);
    expect(pm.userHasRight(anonymousVisitor('10.9.8.8'), 'testextension-right')).toBe(true);
    expect(wiki.services.extensionRegistry.getAvailableRights()).toContain('testextension-right');
  });

  test('GetPreferences adds a field', async () => {
    const descriptor = await wiki.services.preferencesFactory.getFormDescriptor(anonymousUser('1.2.3.4'));
    expect(descriptor['testextension-toggle']).toMatchObject({ type: 'toggle', labelMessage: 'testextension-pref' });
    expect(Object.keys(descriptor.skin.options ?? {})).toContain('testskin');
  });

  test('RestRoutes are served under rest.php with path parameters decoded; unknown paths give MediaWiki REST errors', async () => {
    const res = await wiki.agent.get('/w/rest.php/testext/v1/echo/h%C3%A9llo');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ word: 'héllo' });
    const missing = await wiki.agent.get('/w/rest.php/testext/v1/nothing');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ errorKey: 'rest-no-match', httpCode: 404, httpReason: 'Not Found' });
    const wrongMethod = await wiki.agent.post('/w/rest.php/testext/v1/echo/x');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toBe('GET');
  });

  test('a skin module is selectable with useskin=', async () => {
    const res = await wiki.agent.get('/wiki/Special:HelloWorld?useskin=testskin');
    expect(res.text).toContain('<body class="testskin">');
    const fallback = await wiki.agent.get('/wiki/Special:HelloWorld?useskin=nonexistent');
    expect(fallback.text).toContain('skin-fallback');
  });

  test('a missing or invalid manifest stops loading with a message naming it', () => {
    expect(() => ExtensionRegistry.load(['DoesNotExist'], [])).toThrow(ExtensionLoadError);
    expect(() => ExtensionRegistry.load(['DoesNotExist'], [])).toThrow(/DoesNotExist/);
  });
});
