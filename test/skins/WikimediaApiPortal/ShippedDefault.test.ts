/**
 * Issue 5 point 1: the shipped configuration (defaultSettings(), what
 * `npm start` runs) loads the WikimediaApiPortal skin and makes it the
 * default; the plain skin answers to useskin=fallback; $wgSkipSkins hides
 * other installed skins from Special:Preferences.
 */
import { defaultSettings, PORTAL_SKIP_SKINS } from '../../../engine/config/Settings';
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';

describe('the shipped skin configuration', () => {
  const shipped = defaultSettings();
  let wiki: TestWiki;

  beforeAll(async () => {
    // The shipped skin settings plus one more installed skin that skipSkins hides.
    wiki = await createTestWiki('sqlite', {
      skins: [...shipped.skins, 'test/fixtures/skins/TestSkin'],
      defaultSkin: shipped.defaultSkin,
      skipSkins: [...shipped.skipSkins, 'testskin'],
    });
    await wiki.createUser('Reader');
    await wiki.login('Reader');
  });
  afterAll(async () => wiki.close());

  test('defaults name the portal skin and the skins apiportalwiki hid', () => {
    expect(shipped.skins).toEqual(['WikimediaApiPortal']);
    expect(shipped.defaultSkin).toBe('wikimediaapiportal');
    expect(shipped.skipSkins).toEqual([...PORTAL_SKIP_SKINS]);
    expect(shipped.skipSkins).toContain('vector-2022');
  });

  test('a page view uses the portal skin; useskin=fallback the plain one', async () => {
    const portal = await wiki.agent.get('/wiki/Main_Page');
    expect(portal.text).toContain('skin-wikimediaapiportal');
    expect(portal.text).toContain('wm-header');
    const plain = await wiki.agent.get('/wiki/Main_Page?useskin=fallback');
    expect(plain.text).toContain('skin-fallback');
    expect(plain.text).not.toContain('wm-header');
  });

  test('Special:Preferences offers the portal skin only, marked as the default', async () => {
    const res = await wiki.agent.get('/wiki/Special:Preferences');
    expect(res.status).toBe(200);
    expect(res.text).toContain('id="mw-input-wpskin-wikimediaapiportal"');
    expect(res.text).not.toContain('mw-input-wpskin-testskin');
    expect(res.text).not.toContain('mw-input-wpskin-fallback');
    expect(res.text).toContain('Wikimedia API Portal (default)');
  });
});
