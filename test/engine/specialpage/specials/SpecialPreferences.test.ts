/**
 * Special:Preferences: the login requirement, the profile (groups, edit
 * count, registration, email state, links), the editable options (gender,
 * language, skin, watchlist options, GetPreferences fields), saving with a
 * token and validation (nothing saved on any error, input kept), the rights
 * editmyoptions / viewmyprivateinfo / editmyprivateinfo, $wgSkipSkins, the
 * language preference reaching the interface, and "log out of all sessions"
 * across two browsers.
 */
import type TestAgent from 'supertest/lib/agent';
import { createTestWiki, TestWiki } from '../../../helpers/TestWiki';
import { testDatabaseKinds } from '../../../helpers/testDatabases';

const PREFS = '/wiki/Special:Preferences';
const POST_URL = '/w/index.php?title=Special:Preferences';

function heading(page: string): string {
  const m = /<h1 id="firstHeading"[^>]*>([\s\S]*?)<\/h1>/.exec(page);
  if (!m) throw new Error('No #firstHeading');
  return m[1];
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#039;/g, "'").replace(/&amp;/g, '&');
}

/** The value attribute of the <input> with this id. */
function inputValue(page: string, id: string): string | null {
  const m = new RegExp(`<input [^>]*id="${id}"[^>]*>`).exec(page);
  if (!m) return null;
  const v = /value="([^"]*)"/.exec(m[0]);
  return v ? decode(v[1]) : null;
}

/** Whether the input (checkbox/radio) with this id is checked. */
function isChecked(page: string, id: string): boolean {
  const m = new RegExp(`<input [^>]*id="${id}"[^>]*>`).exec(page);
  if (!m) throw new Error(`No input #${id}`);
  return / checked[ >]/.test(m[0]);
}

function selectedOption(page: string, id: string): string | null {
  const m = new RegExp(`<select id="${id}"[^>]*>([\\s\\S]*?)</select>`).exec(page);
  if (!m) return null;
  const sel = /<option value="([^"]*)" selected>/.exec(m[1]);
  return sel ? sel[1] : null;
}

/** The main form's token (the first wpEditToken on the page). */
function token(page: string): string {
  const m = /name="wpEditToken" value="([^"]+)"/.exec(page);
  if (!m) throw new Error('No wpEditToken');
  return decode(m[1]).replace(/\\\\/g, '\\');
}

/** A complete, valid submission of the default form; tests override fields. */
function validForm(tokenValue: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    title: 'Special:Preferences',
    wpEditToken: tokenValue,
    wprealname: 'Alice Liddell',
    wpgender: 'unknown',
    wplanguage: 'en',
    wpskin: 'testskin',
    wpwatchlistdays: '7',
    wpwllimit: '250',
    wpwatchcreations: '1',
    ...extra,
  };
}

describe.each(testDatabaseKinds())('Special:Preferences on %s', (kind) => {
  let wiki: TestWiki;
  let aliceId: number;
  const options = (id: number) => wiki.services.userOptions.getOptions(id);

  async function agentFor(name: string): Promise<TestAgent> {
    const agent = wiki.newAgent();
    await wiki.login(name, undefined, agent);
    return agent;
  }

  beforeAll(async () => {
    wiki = await createTestWiki(kind, {
      extensions: ['test/fixtures/extensions/TestExtension'],
      skins: ['test/fixtures/skins/TestSkin'],
      revokePermissions: {
        noprefs: { editmyoptions: true },
        noprivate: { viewmyprivateinfo: true, editmyprivateinfo: true },
        readprivate: { editmyprivateinfo: true },
      },
    });
    // A second interface language, so the language list has a choice.
    wiki.services.messages.store.addMessages('de', { preferences: 'Einstellungen' });
    aliceId = (await wiki.createUser('Alice', { email: 'alice@example.org', groups: ['sysop'] })).id;
    await wiki.createUser('Carol', { email: 'carol@example.org', emailConfirmed: true });
    await wiki.createUser('Dave');
    await wiki.createUser('Nora', { groups: ['noprefs'] });
    await wiki.createUser('Pia', { email: 'pia@example.org', groups: ['noprivate'] });
    await wiki.createUser('Rita', { groups: ['readprivate'] });
    await wiki.services.userStore.setRealName(aliceId, 'Alice Original');
    await wiki.login('Alice');
  });
  afterAll(async () => wiki.close());

  test('anonymous visitors get the "not logged in" error with HTTP 403, on GET and POST', async () => {
    const anon = wiki.newAgent();
    const res = await anon.get(PREFS);
    expect(res.status).toBe(403);
    expect(heading(res.text)).toBe('Not logged in');
    expect(res.text).toContain('Please log in to change your preferences.');
    expect(res.text).not.toContain('id="mw-prefs-form"');
    const posted = await anon.post(POST_URL).type('form').send(validForm('+\\'));
    expect(posted.status).toBe(403);
  });

  test('the profile: user name, groups linked to Special:ListUsers, edit count, registration, password link, real name', async () => {
    const res = await wiki.agent.get(PREFS);
    expect(res.status).toBe(200);
    expect(heading(res.text)).toBe('Preferences');
    for (const id of ['mw-prefsection-personal', 'mw-prefsection-personal-info', 'mw-prefsection-personal-i18n', 'mw-prefsection-personal-email', 'mw-prefsection-rendering', 'mw-prefsection-rendering-skin', 'mw-prefsection-watchlist', 'mw-prefsection-misc']) {
      expect(res.text).toContain(`id="${id}"`);
    }
    expect(res.text).toContain('<legend>User profile</legend>');
    expect(res.text).toMatch(/<div class="mw-label">Username:<\/div><div class="mw-input">Alice<\/div>/);
    expect(res.text).toContain('Member of groups:');
    expect(res.text).toContain('<a href="/w/index.php?title=Special:ListUsers&amp;group=sysop" title="Special:ListUsers">Administrators</a>');
    expect(res.text).toContain('group=user');
    expect(res.text).toMatch(/Number of edits:<\/div><div class="mw-input"><a href="\/wiki\/Special:Contributions\/Alice"[^>]*>0<\/a>/);
    expect(res.text).toMatch(/Registration time:<\/div><div class="mw-input">\d\d:\d\d, \d{1,2} \w+ \d{4}<\/div>/);
    const passwordPage = wiki.services.specialPageFactory.getPage('ChangePassword');
    if (passwordPage) expect(res.text).toContain('title=Special:ChangePassword&amp;returnto=Special%3APreferences');
    else expect(res.text).not.toContain('Change password');
    expect(inputValue(res.text, 'mw-input-wprealname')).toBe('Alice Original');
  });

  test('email: the address with Special:ChangeEmail, and its confirmation state with Special:ConfirmEmail', async () => {
    const alice = await wiki.agent.get(PREFS);
    expect(alice.text).toContain('alice@example.org');
    expect(alice.text).toContain('title=Special:ChangeEmail&amp;returnto=Special%3APreferences');
    expect(alice.text).toContain('Change or remove email address');
    expect(alice.text).toContain('Your email address is not yet confirmed.');
    expect(alice.text).toContain('<a href="/wiki/Special:ConfirmEmail" class="mw-ui-button" id="mw-prefs-confirmemail">Confirm your email address</a>');
    expect(alice.text).toContain('mw-email-not-authenticated');

    const carol = await (await agentFor('Carol')).get(PREFS);
    expect(carol.text).toMatch(/Your email address was confirmed on \d{1,2} \w+ \d{4} at \d\d:\d\d\./);
    expect(carol.text).toContain('mw-email-authenticated');
    expect(carol.text).not.toContain('Special:ConfirmEmail');

    const dave = await (await agentFor('Dave')).get(PREFS);
    expect(dave.text).toContain('Set an email address');
    expect(dave.text).toContain('Specify an email address in your preferences for these features to work.');
    expect(dave.text).toContain('mw-email-none');
  });

  test('options: gender, language, skin, watchlist options and the GetPreferences field, with their current values', async () => {
    const res = await wiki.agent.get(PREFS);
    expect(isChecked(res.text, 'mw-input-wpgender-unknown')).toBe(true);
    expect(res.text).toContain('She edits wiki pages');
    expect(selectedOption(res.text, 'mw-input-wplanguage')).toBe('en');
    expect(res.text).toContain('<option value="de">de - Deutsch</option>');
    expect(res.text).toContain('<label for="mw-input-wpskin-testskin">TestSkin</label>');
    expect(inputValue(res.text, 'mw-input-wpwatchlistdays')).toBe('7');
    expect(inputValue(res.text, 'mw-input-wpwllimit')).toBe('250');
    expect(isChecked(res.text, 'mw-input-wpwatchcreations')).toBe(true);
    expect(isChecked(res.text, 'mw-input-wpwatchdefault')).toBe(true);
    expect(res.text).toContain('A test preference');
    expect(isChecked(res.text, 'mw-input-wptestextension-toggle')).toBe(false);
    expect(res.text).toContain('href="/wiki/Special:EditWatchlist/raw"');
  });

  test('a valid POST saves everything, redirects with 303 and shows savedprefs once', async () => {
    const form = await wiki.agent.get(PREFS);
    const res = await wiki.agent
      .post(POST_URL)
      .type('form')
      .send(validForm(token(form.text), { wprealname: 'Alice Liddell', wpgender: 'female', wpskin: 'testskin', wpwatchlistdays: '3.5', wpwllimit: '100', wpwatchdefault: '1', wpwatchcreations: '', 'wptestextension-toggle': '1' }));
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/wiki/Special:Preferences');
    // An unchecked box is absent from a real submission.
    const opts = await options(aliceId);
    expect(opts).toMatchObject({ gender: 'female', skin: 'testskin', watchlistdays: 3.5, wllimit: 100, watchdefault: true, 'testextension-toggle': '1' });
    expect((await wiki.services.userStore.getUserById(aliceId))!.realName).toBe('Alice Liddell');

    const after = await wiki.agent.get(PREFS);
    expect(after.text).toContain('Your preferences have been saved.');
    expect(isChecked(after.text, 'mw-input-wpgender-female')).toBe(true);
    expect(inputValue(after.text, 'mw-input-wpwatchlistdays')).toBe('3.5');
    expect(isChecked(after.text, 'mw-input-wptestextension-toggle')).toBe(true);
    const again = await wiki.agent.get(PREFS);
    expect(again.text).not.toContain('Your preferences have been saved.');
  });

  test('unchecking a toggle saves false', async () => {
    const form = await wiki.agent.get(PREFS);
    const fields = validForm(token(form.text));
    delete fields.wpwatchcreations;
    await wiki.agent.post(POST_URL).type('form').send(fields);
    expect((await options(aliceId)).watchcreations).toBe(false);
  });

  test('a bad or missing token saves nothing and keeps the submitted input on screen', async () => {
    const before = await options(aliceId);
    for (const bad of ['bogus+\\', '']) {
      const res = await wiki.agent.post(POST_URL).type('form').send(validForm(bad, { wprealname: 'Mallory', wpwllimit: '42', wpgender: 'male' }));
      expect(res.status).toBe(200);
      expect(res.text).toContain('There seems to be a problem with your login session');
      expect(inputValue(res.text, 'mw-input-wprealname')).toBe('Mallory');
      expect(inputValue(res.text, 'mw-input-wpwllimit')).toBe('42');
      expect(isChecked(res.text, 'mw-input-wpgender-male')).toBe(true);
    }
    expect(await options(aliceId)).toEqual(before);
    expect((await wiki.services.userStore.getUserById(aliceId))!.realName).toBe('Alice Liddell');
  });

  test.each([
    ['an unknown language', { wplanguage: 'xx' }, 'language', 'The value you specified is not a valid option.'],
    ['a skin that is not offered', { wpskin: 'vector' }, 'skin', 'The value you specified is not a valid option.'],
    ['an unknown gender', { wpgender: 'robot' }, 'gender', 'The value you specified is not a valid option.'],
    ['a non-integer wllimit', { wpwllimit: '2.5' }, 'wllimit', 'The value you specified is not an integer.'],
    ['text as wllimit', { wpwllimit: 'lots' }, 'wllimit', 'The value you specified is not an integer.'],
    ['a too large wllimit', { wpwllimit: '5000' }, 'wllimit', 'The value you specified is above the maximum of 1000.'],
    ['zero watchlist days', { wpwatchlistdays: '0' }, 'watchlistdays', 'The value you specified is below the minimum of 0.041666666666667.'],
    ['too many watchlist days', { wpwatchlistdays: '91' }, 'watchlistdays', 'The value you specified is above the maximum of 90.'],
    ['text as watchlist days', { wpwatchlistdays: 'week' }, 'watchlistdays', 'The value you specified is not a number.'],
  ])('%s is refused with the field error; nothing is saved and the input is kept', async (_name, bad, field, message) => {
    const before = await options(aliceId);
    const form = await wiki.agent.get(PREFS);
    const res = await wiki.agent.post(POST_URL).type('form').send(validForm(token(form.text), { wprealname: 'Changed Name', wpgender: 'male', ...bad }));
    expect(res.status).toBe(200);
    expect(res.text).toMatch(new RegExp(`mw-htmlform-field-${field} mw-htmlform-invalid-input`));
    expect(res.text).toContain(message);
    expect(inputValue(res.text, 'mw-input-wprealname')).toBe('Changed Name');
    if (field !== 'gender') expect(isChecked(res.text, 'mw-input-wpgender-male')).toBe(true);
    for (const [name, value] of Object.entries(bad)) {
      if (name === 'wpwllimit' || name === 'wpwatchlistdays') expect(inputValue(res.text, `mw-input-${name}`)).toBe(value);
    }
    expect(await options(aliceId)).toEqual(before);
    expect((await wiki.services.userStore.getUserById(aliceId))!.realName).toBe('Alice Liddell');
  });

  test('the language preference sets the interface language; uselang still overrides it', async () => {
    const form = await wiki.agent.get(PREFS);
    const res = await wiki.agent.post(POST_URL).type('form').send(validForm(token(form.text), { wplanguage: 'de' }));
    expect(res.status).toBe(303);
    expect((await options(aliceId)).language).toBe('de');
    const german = await wiki.agent.get(PREFS);
    expect(german.text).toContain('<html lang="de"');
    expect(heading(german.text)).toBe('Einstellungen');
    expect(selectedOption(german.text, 'mw-input-wplanguage')).toBe('de');
    const english = await wiki.agent.get(`${PREFS}?uselang=en`);
    expect(heading(english.text)).toBe('Preferences');
    const back = await wiki.agent.post(POST_URL).type('form').send(validForm(token(german.text), { wplanguage: 'en' }));
    expect(back.status).toBe(303);
    expect((await options(aliceId)).language).toBe('en');
  });

  test('without editmyoptions the form is shown disabled and a POST is refused with 403', async () => {
    const nora = await agentFor('Nora');
    const res = await nora.get(PREFS);
    expect(res.status).toBe(200);
    expect(res.text).toContain('You do not have permission to edit your preferences.');
    expect(res.text).toMatch(/<input type="number" id="mw-input-wpwllimit"[^>]* disabled>/);
    expect(res.text).not.toContain('class="mw-htmlform-submit">Save</button>');
    const posted = await nora.post(POST_URL).type('form').send(validForm(token(res.text), { wpwllimit: '10' }));
    expect(posted.status).toBe(403);
    expect(heading(posted.text)).toBe('Permission error');
    const noraId = (await wiki.services.userStore.getUserIdByName('Nora'))!;
    expect((await options(noraId)).wllimit).toBe(250);
  });

  test('private information needs viewmyprivateinfo to be shown and editmyprivateinfo to be changed', async () => {
    const pia = await (await agentFor('Pia')).get(PREFS);
    expect(pia.text).not.toContain('pia@example.org');
    expect(pia.text).not.toContain('mw-input-wprealname');
    expect(pia.text).not.toContain('id="mw-prefsection-personal-email"');

    const rita = await agentFor('Rita');
    const ritaId = (await wiki.services.userStore.getUserIdByName('Rita'))!;
    const form = await rita.get(PREFS);
    expect(form.text).toMatch(/<input type="text" id="mw-input-wprealname"[^>]* disabled>/);
    const res = await rita.post(POST_URL).type('form').send(validForm(token(form.text), { wprealname: 'Sneaky', wpwllimit: '99' }));
    expect(res.status).toBe(303);
    expect((await wiki.services.userStore.getUserById(ritaId))!.realName).toBe('');
    expect((await options(ritaId)).wllimit).toBe(99);
  });

  test('"log out of all sessions" logs out every browser of the user (token and sessions reset)', async () => {
    await wiki.createUser('Twice');
    const first = await agentFor('Twice');
    const second = await agentFor('Twice');
    const other = await agentFor('Dave');
    const twiceId = (await wiki.services.userStore.getUserIdByName('Twice'))!;
    expect((await first.get(PREFS)).status).toBe(200);
    expect((await second.get(PREFS)).status).toBe(200);

    // A bad token changes nothing.
    const refused = await first.post(POST_URL).type('form').send({ wpLogoutEverywhere: '1', wpEditToken: 'bogus+\\' });
    expect(refused.text).toContain('There seems to be a problem with your login session');
    expect((await second.get(PREFS)).status).toBe(200);

    const tokenBefore = await wiki.services.userStore.getToken(twiceId);
    const page = await first.get(PREFS);
    const logoutToken = /id="mw-prefs-logout-everywhere"[\s\S]*?name="wpEditToken" value="([^"]+)"/.exec(page.text)![1];
    const res = await first.post(POST_URL).type('form').send({ wpLogoutEverywhere: '1', wpEditToken: decode(logoutToken) });
    expect(res.status).toBe(200);
    expect(res.text).toContain('You have been logged out of all sessions.');
    expect(await wiki.services.userStore.getToken(twiceId)).not.toBe(tokenBefore);
    const rows = await wiki.services.db('session').where({ sess_user: twiceId }).count({ n: '*' }).first();
    expect(Number(rows?.n)).toBe(0);

    for (const agent of [first, second]) {
      const after = await agent.get(PREFS);
      expect(after.status).toBe(403);
      expect(heading(after.text)).toBe('Not logged in');
    }
    // Other users stay logged in.
    expect((await other.get(PREFS)).status).toBe(200);
  });

  test('anonymous "log out everywhere" is refused', async () => {
    const res = await wiki.newAgent().post(POST_URL).type('form').send({ wpLogoutEverywhere: '1', wpEditToken: '+\\' });
    expect(res.status).toBe(403);
  });
});

describe.each(testDatabaseKinds())('Special:Preferences skin list with $wgSkipSkins on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind, { skins: ['test/fixtures/skins/TestSkin'], skipSkins: ['testskin'] });
    await wiki.createUser('Sam');
    await wiki.login('Sam');
  });
  afterAll(async () => wiki.close());

  test('skipped skins are not offered (no skin section when none is left), but useskin= still shows the requested one', async () => {
    const res = await wiki.agent.get(PREFS);
    expect(res.text).not.toContain('mw-input-wpskin');
    expect(res.text).not.toContain('id="mw-prefsection-rendering"');
    const withUseskin = await wiki.agent.get(`${PREFS}?useskin=testskin`);
    expect(withUseskin.text).toContain('id="mw-input-wpskin-testskin"');
  });

  test('a skipped skin cannot be chosen by a crafted POST', async () => {
    const form = await wiki.agent.get(PREFS);
    const res = await wiki.agent.post(POST_URL).type('form').send({ wpEditToken: token(form.text), wpgender: 'unknown', wplanguage: 'en', wpskin: 'testskin', wpwatchlistdays: '7', wpwllimit: '250' });
    // No skin field is offered, so the value is ignored rather than saved.
    expect(res.status).toBe(303);
    const samId = (await wiki.services.userStore.getUserIdByName('Sam'))!;
    expect((await wiki.services.userOptions.getOptions(samId)).skin).toBe('');
  });
});
