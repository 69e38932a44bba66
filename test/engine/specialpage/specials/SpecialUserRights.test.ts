/**
 * Special:UserRights over HTTP: looking users up, the view-only page, the
 * checkboxes a performer may and may not change (getChangeableGroups with
 * $wgAddGroups / $wgRemoveGroups / self groups / `userrights`), saving with
 * expiry and reason in one transaction with a `rights` log entry, the 303
 * and success notice, and every refusal: bad token, stale form, bad or past
 * expiry, shortening an add-only group, and groups the performer may not
 * change (403, nothing applied).
 */
import { portalGroupPermissions } from '../../../../engine/config/Settings';
import { expiryToTimestamp, parseTimeExpression } from '../../../../engine/specialpage/specials/SpecialUserRights';
import { fromMwTimestamp, toMwTimestamp } from '../../../../engine/util/Timestamp';
import { mainContent } from '../../../helpers/pageHtml';
import { createTestWiki, portalPermissions, TestWiki } from '../../../helpers/TestWiki';
import { testDatabaseKinds } from '../../../helpers/testDatabases';

type Agent = ReturnType<TestWiki['newAgent']>;

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#039;/g, "'").replace(/&amp;/g, '&');
}

function hidden(page: string, name: string): string | null {
  const m = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(page);
  return m ? decode(m[1]) : null;
}

/** The <input> of a group's checkbox. */
function checkboxOf(page: string, group: string): string | null {
  return new RegExp(`<input name="wpGroup-${group}" type="checkbox"[^>]*>`).exec(page)?.[0] ?? null;
}

/** The column ("changeable" / "unchangeable") a group's checkbox is in. */
function columnOf(page: string, group: string): string | null {
  const table = /<table class="mw-userrights-groups">([\s\S]*?)<\/table>/.exec(page)?.[1];
  if (!table) return null;
  const headers = [...table.matchAll(/<th>([^<]*)<\/th>/g)].map((m) => m[1]);
  const cells = [...table.matchAll(/<td style="vertical-align:top;">([\s\S]*?)<\/td>/g)].map((m) => m[1]);
  const i = cells.findIndex((cell) => cell.includes(`name="wpGroup-${group}"`));
  return i < 0 ? null : headers[i];
}

describe.each(testDatabaseKinds())('Special:UserRights on %s', (kind) => {
  let wiki: TestWiki;
  const agents: Record<string, Agent> = {};
  beforeAll(async () => {
    // The portal's model, with bureaucrats limited to $wgAddGroups (docseditor, and bot add-only)
    // and a "steward" group holding `userrights`; sysops may add and remove `bot` on themselves.
    const groupPermissions = portalGroupPermissions();
    groupPermissions.steward = { userrights: true };
    wiki = await createTestWiki(kind, {
      ...portalPermissions(),
      groupPermissions,
      revokePermissions: { bureaucrat: { userrights: true } },
      addGroups: { bureaucrat: ['docseditor', 'bot'] },
      removeGroups: { bureaucrat: ['docseditor'] },
      groupsAddToSelf: { sysop: ['bot'] },
      groupsRemoveFromSelf: { sysop: ['bot'] },
    });
    await wiki.createUser('Crat', { groups: ['bureaucrat'] });
    await wiki.createUser('Steward', { groups: ['steward'] });
    await wiki.createUser('Admin', { groups: ['sysop'] });
    await wiki.createUser('Target');
    await wiki.createUser('Other target');
    for (const name of ['Crat', 'Steward', 'Admin']) {
      agents[name] = wiki.newAgent();
      await wiki.login(name, undefined, agents[name]);
    }
    // MediaWiki's full English text of the rights log line ("… from $4 to $5").
    await wiki.edit('MediaWiki:Logentry-rights-rights', '$1 {{GENDER:$2|changed}} group membership for {{GENDER:$6|$3}} from $4 to $5');
  });
  afterAll(async () => wiki.close());

  const groupsOf = async (name: string) => {
    const id = (await wiki.services.userStore.getUserIdByName(name))!;
    return wiki.services.userGroupManager.getUserGroupMemberships(id);
  };
  const rightsLog = () => wiki.services.logStore.query({ type: 'rights', limit: 100 });

  /** The form's own fields for a target, as the browser would send them, overridden by `fields`. */
  async function formFields(agent: Agent, target: string): Promise<Record<string, string>> {
    const res = await agent.get(`/wiki/Special:UserRights/${encodeURIComponent(target)}`);
    expect(res.status).toBe(200);
    const fields: Record<string, string> = { user: hidden(res.text, 'user')!, wpEditToken: hidden(res.text, 'wpEditToken')!, 'conflictcheck-originalgroups': hidden(res.text, 'conflictcheck-originalgroups')!, saveusergroups: '1' };
    for (const m of res.text.matchAll(/<input name="(wpGroup-[^"]+)" type="checkbox"[^>]*>/g)) if (m[0].includes(' checked') && !m[0].includes(' disabled')) fields[m[1]] = '1';
    for (const m of res.text.matchAll(/<input type="hidden" name="(wpGroup-[^"]+|wpExpiry-[^"]+)" value="([^"]*)">/g)) fields[m[1]] = m[2];
    for (const m of res.text.matchAll(/<select name="(wpExpiry-[^"]+)"[^>]*>[\s\S]*?<option value="([^"]*)" selected>/g)) if (!(m[1] in fields)) fields[m[1]] = decode(m[2]);
    return fields;
  }

  async function save(agent: Agent, target: string, change: Record<string, string | null>) {
    const fields = await formFields(agent, target);
    for (const [k, v] of Object.entries(change)) {
      if (v === null) delete fields[k];
      else fields[k] = v;
    }
    return agent.post('/wiki/Special:UserRights').type('form').send(fields);
  }

  describe('looking users up', () => {
    test('without a target: the lookup form only', async () => {
      const res = await wiki.agent.get('/wiki/Special:UserRights');
      expect(res.status).toBe(200);
      expect(res.text).toContain('<h1 id="firstHeading" class="firstHeading mw-first-heading">User rights management</h1>');
      const body = mainContent(res.text);
      expect(body).toContain('<form method="get" action="/w/index.php" name="uluser" id="mw-userrights-form1"><input type="hidden" name="title" value="Special:UserRights"><fieldset><legend>Select a user</legend><label for="username">Enter a username:</label>');
      expect(body).toContain('<input type="submit" value="Load user groups">');
      expect(body).not.toContain('mw-userrights-form2');
    });

    test('?user= works like the subpage, names are normalised, #id looks up by id', async () => {
      const bySubpage = mainContent((await agents.Crat.get('/wiki/Special:UserRights/Target')).text);
      expect(bySubpage).toContain('<input type="hidden" name="user" value="Target">');
      const byParam = mainContent((await agents.Crat.get('/w/index.php?title=Special:UserRights&user=target')).text);
      expect(byParam).toContain('<input type="hidden" name="user" value="Target">');
      const id = await wiki.services.userStore.getUserIdByName('Target');
      const byId = mainContent((await wiki.agent.get(`/w/index.php?title=Special:UserRights&user=%23${id}`)).text);
      expect(byId).toContain('<strong><a href="/wiki/User:Target"');
    });

    test('a user that does not exist: nosuchusershort', async () => {
      for (const name of ['Nobody here', '127.0.0.1', 'Bad[name']) {
        const res = await wiki.agent.get(`/w/index.php?title=Special:UserRights&user=${encodeURIComponent(name)}`);
        expect(res.status).toBe(200);
        expect(mainContent(res.text)).toContain(`<div class="error"><p>There is no user by the name &quot;${name}&quot;.\nCheck your spelling.</p></div>`);
        expect(mainContent(res.text)).not.toContain('mw-userrights-form2');
      }
      expect(mainContent((await wiki.agent.get('/w/index.php?title=Special:UserRights&user=%23999999')).text)).toContain('You have not specified a valid username.');
      // The typed name is text, not wikitext.
      const link = mainContent((await wiki.agent.get('/w/index.php?title=Special:UserRights&user=%5B%5BMain%20Page%5D%5D')).text);
      expect(link).toContain('There is no user by the name &quot;[[Main Page]]&quot;.');
    });
  });

  describe('what a performer may change', () => {
    test('anonymous visitors and users without rights see the groups read-only', async () => {
      await wiki.services.userGroupManager.addUserToGroup((await wiki.services.userStore.getUserIdByName('Other target'))!, 'docseditor', null);
      for (const agent of [wiki.newAgent(), agents.Admin]) {
        const body = mainContent((await agent.get('/wiki/Special:UserRights/Other_target')).text);
        expect(body).toContain('<legend>View user groups</legend>');
        expect(body).toContain('<p>Viewing user rights of user <strong><a href="/wiki/User:Other_target"');
        expect(body).toMatch(/<p>Member of: <a [^>]*>documentation editor<\/a><\/p>/);
        expect(body).toMatch(/<p>Implicit member of: <a [^>]*>autoconfirmed user<\/a><\/p>/);
        expect(body).not.toContain('type="checkbox"');
        expect(body).not.toContain('name="saveusergroups"');
      }
    });

    test('a bureaucrat may change docseditor, add bot irreversibly, and not touch the rest', async () => {
      const body = mainContent((await agents.Crat.get('/wiki/Special:UserRights/Target')).text);
      expect(body).toContain('<legend>Edit user groups</legend>');
      expect(body).toContain('<p>Changing user rights of user <strong><a href="/wiki/User:Target"');
      expect(body).toContain('<th>Groups you can change</th><th>Groups you cannot change</th>');
      expect(columnOf(body, 'docseditor')).toBe('Groups you can change');
      expect(columnOf(body, 'bot')).toBe('Groups you can change');
      for (const group of ['sysop', 'bureaucrat', 'interface-admin', 'steward']) {
        expect(columnOf(body, group)).toBe('Groups you cannot change');
        expect(checkboxOf(body, group)).toContain(' disabled');
      }
      expect(checkboxOf(body, 'docseditor')).not.toContain('disabled');
      // A group that cannot be removed once added carries MediaWiki's "*" marker.
      expect(body).toContain('<label for="wpGroup-bot">bot*</label>');
      expect(body).toContain('<label for="wpGroup-docseditor">documentation editor</label>');
      // Expiry menu: never, other, then MediaWiki's presets.
      expect(body).toContain(
        '<select name="wpExpiry-docseditor" id="mw-input-wpExpiry-docseditor"><option value="infinite" selected>Does not expire</option><option value="other">Other time:</option><option value="1 day">1 day</option><option value="1 week">1 week</option><option value="1 month">1 month</option><option value="3 months">3 months</option><option value="6 months">6 months</option><option value="1 year">1 year</option></select><br><input name="wpExpiry-docseditor-other" size="30" value="" id="mw-input-wpExpiry-docseditor-other" class="mw-userrights-expiryfield">',
      );
      expect(body).toContain('<input name="user-reason" size="60" value="" id="wpReason" maxlength="500">');
      expect(body).toContain('<input type="submit" value="Save user groups" name="saveusergroups">');
      expect(body).toContain('<h2>User rights log</h2>');
    });

    test('a steward (userrights) may change every group', async () => {
      const body = mainContent((await agents.Steward.get('/wiki/Special:UserRights/Target')).text);
      expect(body).not.toContain('Groups you cannot change');
      for (const group of ['sysop', 'bureaucrat', 'docseditor', 'bot', 'steward']) expect(columnOf(body, group)).toBe('Groups you can change');
    });

    test('a sysop may add bot to their own account only', async () => {
      const own = mainContent((await agents.Admin.get('/wiki/Special:UserRights/Admin')).text);
      expect(columnOf(own, 'bot')).toBe('Groups you can change');
      expect(columnOf(own, 'sysop')).toBe('Groups you cannot change');
      expect(mainContent((await agents.Admin.get('/wiki/Special:UserRights/Target')).text)).toContain('<legend>View user groups</legend>');
      const res = await save(agents.Admin, 'Admin', { 'wpGroup-bot': '1', 'wpExpiry-bot': 'infinite', 'user-reason': 'self service' });
      expect(res.status).toBe(303);
      expect((await groupsOf('Admin')).map((m) => m.group)).toEqual(['bot', 'sysop']);
    });
  });

  describe('saving', () => {
    test('adding a group: one transaction, a rights log entry, 303 and the success notice once', async () => {
      const before = (await rightsLog()).length;
      const res = await save(agents.Crat, 'Target', { 'wpGroup-docseditor': '1', 'wpExpiry-docseditor': 'infinite', 'user-reason': 'Writes the REST docs' });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/wiki/Special:UserRights/Target');
      expect(await groupsOf('Target')).toEqual([{ group: 'docseditor', expiry: null }]);

      const entries = await rightsLog();
      expect(entries.length).toBe(before + 1);
      expect(entries[0]).toMatchObject({
        type: 'rights',
        action: 'rights',
        actorName: 'Crat',
        namespace: 2,
        dbKey: 'Target',
        comment: 'Writes the REST docs',
        params: { '4::oldgroups': [], '5::newgroups': ['docseditor'], oldmetadata: [], newmetadata: [{ expiry: null }] },
      });

      const after = await agents.Crat.get('/wiki/Special:UserRights/Target');
      expect(mainContent(after.text)).toContain('<div class="mw-message-box-success successbox mw-notify-success"><p>The user groups of Target have been saved.</p></div>');
      expect(checkboxOf(after.text, 'docseditor')).toContain(' checked');
      const again = await agents.Crat.get('/wiki/Special:UserRights/Target');
      expect(again.text).not.toContain('have been saved');

      // The log extract under the form, in MediaWiki's words.
      const line = /<li data-mw-logid="\d+" data-mw-logaction="rights\/rights"[\s\S]*?<\/li>/.exec(after.text)![0];
      expect(line).toMatch(/<a href="\/wiki\/User:Crat" class="mw-userlink" title="User:Crat"><bdi>Crat<\/bdi><\/a>/);
      expect(line).toContain('changed group membership for <a href="/w/index.php?title=User:Target&amp;action=edit&amp;redlink=1" class="new" title="User:Target (page does not exist)">Target</a> from (none) to documentation editor');
      expect(line).toContain('<span class="comment">(Writes the REST docs)</span>');
    });

    test('the log line parameters, as uselang=qqx shows them', async () => {
      const res = await agents.Crat.get('/wiki/Special:UserRights/Target?uselang=qqx');
      const line = /<li data-mw-logid="\d+" data-mw-logaction="rights\/rights"[\s\S]*?<\/li>/.exec(res.text)![0];
      expect(line).toMatch(/\(logentry-rights-rights: <a [^>]*><bdi>Crat<\/bdi><\/a> <span class="mw-usertoollinks">[\s\S]*<\/span>, Crat, <a [^>]*>Target<\/a>, \(rightsnone\), \(group-docseditor-member: Target\), Target\)/);
    });

    test('an expiry from the menu or typed; temporary memberships in the log', async () => {
      const res = await save(agents.Crat, 'Target', { 'wpGroup-bot': '1', 'wpExpiry-bot': 'other', 'wpExpiry-bot-other': '2 weeks', 'user-reason': '' });
      expect(res.status).toBe(303);
      const bot = (await groupsOf('Target')).find((m) => m.group === 'bot')!;
      const expected = Date.now() + 14 * 86400 * 1000;
      expect(Math.abs(fromMwTimestamp(bot.expiry!).getTime() - expected)).toBeLessThan(60_000);
      const [entry] = await rightsLog();
      expect(entry.params).toEqual({ '4::oldgroups': ['docseditor'], '5::newgroups': ['docseditor', 'bot'], oldmetadata: [{ expiry: null }], newmetadata: [{ expiry: null }, { expiry: bot.expiry }] });
      const page = mainContent((await agents.Crat.get('/wiki/Special:UserRights/Target')).text);
      expect(page).toMatch(/from documentation editor to bot \(temporary, until \d\d:\d\d, \d+ \w+ \d{4}\)&#32;and documentation editor/);
      // The membership shows its expiry; the bureaucrat can only lengthen it (add-only group).
      expect(page).toMatch(/<p>Member of: <a [^>]*>bot<\/a> \(until \d\d:\d\d, \d+ \w+ \d{4}\), <a [^>]*>documentation editor<\/a><\/p>/);
      expect(page).toContain('<label for="wpGroup-bot">bot #</label>');
      expect(page).toMatch(/<option value="existing" selected>Existing expiration time: \d\d:\d\d, \d+ \w+ \d{4}<\/option>/);
    });

    test('an add-only group’s expiry cannot be brought forward', async () => {
      const before = await groupsOf('Target');
      const res = await save(agents.Crat, 'Target', { 'wpExpiry-bot': '1 day' });
      expect(res.status).toBe(200);
      expect(mainContent(res.text)).toContain('You cannot bring forward the expiry of membership in group &quot;bot&quot;.');
      expect(await groupsOf('Target')).toEqual(before);
      // Putting it back is fine.
      expect((await save(agents.Crat, 'Target', { 'wpExpiry-bot': '1 month' })).status).toBe(303);
    });

    test('a bad or past expiry is an error, nothing changes, the submitted values stay', async () => {
      const before = await groupsOf('Other target');
      const logCount = (await rightsLog()).length;
      const bad = await save(agents.Crat, 'Other target', { 'wpGroup-bot': '1', 'wpExpiry-bot': 'other', 'wpExpiry-bot-other': 'next blue moon', 'user-reason': 'keep me' });
      expect(bad.status).toBe(200);
      const body = mainContent(bad.text);
      expect(body).toContain('<div class="errorbox mw-message-box-error"><p>The expiry time for group &quot;bot&quot; is invalid.</p></div>');
      expect(checkboxOf(body, 'bot')).toContain(' checked');
      expect(body).toContain('<option value="other" selected>Other time:</option>');
      expect(body).toContain('value="next blue moon" id="mw-input-wpExpiry-bot-other"');
      expect(body).toContain('<input name="user-reason" size="60" value="keep me"');
      const past = await save(agents.Crat, 'Other target', { 'wpGroup-bot': '1', 'wpExpiry-bot': 'other', 'wpExpiry-bot-other': '2001-01-01' });
      expect(mainContent(past.text)).toContain('The expiry time for group &quot;bot&quot; is in the past.');
      expect(await groupsOf('Other target')).toEqual(before);
      expect((await rightsLog()).length).toBe(logCount);
    });

    test('removing a group', async () => {
      const res = await save(agents.Crat, 'Other target', { 'wpGroup-docseditor': null, 'user-reason': 'Left the team' });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/wiki/Special:UserRights/Other_target');
      expect(await groupsOf('Other target')).toEqual([]);
      const [entry] = await rightsLog();
      expect(entry).toMatchObject({ dbKey: 'Other_target', comment: 'Left the team', params: { '4::oldgroups': ['docseditor'], '5::newgroups': [], oldmetadata: [{ expiry: null }], newmetadata: [] } });
    });

    test('saving without a change logs nothing', async () => {
      const count = (await rightsLog()).length;
      expect((await save(agents.Crat, 'Other target', {})).status).toBe(303);
      expect((await rightsLog()).length).toBe(count);
    });

    test('a steward adds sysop with an expiry', async () => {
      expect((await save(agents.Steward, 'Other target', { 'wpGroup-sysop': '1', 'wpExpiry-sysop': '1 month' })).status).toBe(303);
      const [sysop] = await groupsOf('Other target');
      expect(sysop.group).toBe('sysop');
      const inAMonth = new Date();
      inAMonth.setUTCMonth(inAMonth.getUTCMonth() + 1);
      expect(Math.abs(fromMwTimestamp(sysop.expiry!).getTime() - inAMonth.getTime())).toBeLessThan(60_000);
    });
  });

  describe('refusals', () => {
    test('a bad token: sessionfailure, nothing changed, the input kept', async () => {
      const before = await groupsOf('Other target');
      const res = await save(agents.Crat, 'Other target', { wpEditToken: 'bogus+\\', 'wpGroup-docseditor': '1', 'user-reason': 'forged' });
      expect(res.status).toBe(200);
      const body = mainContent(res.text);
      expect(body).toContain('There seems to be a problem with your login session');
      expect(checkboxOf(body, 'docseditor')).toContain(' checked');
      expect(body).toContain('value="forged" id="wpReason"');
      expect(await groupsOf('Other target')).toEqual(before);
    });

    test('a form built from groups that have changed since: userrights-conflict', async () => {
      const before = await groupsOf('Other target');
      const res = await save(agents.Crat, 'Other target', { 'conflictcheck-originalgroups': '', 'wpGroup-docseditor': '1' });
      expect(mainContent(res.text)).toContain('Conflict of user rights changes! Please review and confirm your changes.');
      expect(await groupsOf('Other target')).toEqual(before);
    });

    test('adding a group the performer may not add is refused with 403, nothing applied', async () => {
      const before = await groupsOf('Target');
      const count = (await rightsLog()).length;
      // docseditor (allowed) and sysop (not allowed) together: all or nothing.
      const res = await save(agents.Crat, 'Target', { 'wpGroup-docseditor': null, 'wpGroup-sysop': '1', 'wpExpiry-sysop': 'infinite' });
      expect(res.status).toBe(403);
      expect(res.text).toContain('Permission error');
      expect(res.text).toContain('You do not have permission to add or remove user rights.');
      expect(await groupsOf('Target')).toEqual(before);
      expect((await rightsLog()).length).toBe(count);
    });

    test('removing a group the performer may not remove is refused with 403', async () => {
      const before = await groupsOf('Other target');
      expect(before.map((m) => m.group)).toEqual(['sysop']);
      const res = await save(agents.Crat, 'Other target', { 'wpGroup-sysop': null });
      expect(res.status).toBe(403);
      expect(await groupsOf('Other target')).toEqual(before);
      // The form as shown keeps the unchangeable group, so saving other changes still works.
      expect((await save(agents.Crat, 'Other target', { 'wpGroup-docseditor': '1', 'wpExpiry-docseditor': 'infinite' })).status).toBe(303);
      expect((await groupsOf('Other target')).map((m) => m.group)).toEqual(['docseditor', 'sysop']);
    });

    test('changing the expiry of a group the performer may not add is refused', async () => {
      const res = await save(agents.Crat, 'Other target', { 'wpExpiry-sysop': 'infinite' });
      expect(res.status).toBe(403);
    });

    test('a user who can change nothing about the target is refused with 403, even with a valid token', async () => {
      const before = await groupsOf('Target');
      // A valid token of the Admin's session, from the form for their own account.
      const fields = await formFields(agents.Admin, 'Admin');
      const res = await agents.Admin.post('/wiki/Special:UserRights').type('form').send({ ...fields, user: 'Target', 'conflictcheck-originalgroups': before.map((m) => m.group).join(','), 'wpGroup-sysop': '1', 'wpExpiry-sysop': 'infinite' });
      expect(res.status).toBe(403);
      expect(res.text).toContain('You do not have permission to add or remove user rights.');
      expect(await groupsOf('Target')).toEqual(before);
    });

    test('an anonymous visitor: the view-only page carries no token, a POST changes nothing', async () => {
      const agent = wiki.newAgent();
      const view = await agent.get('/wiki/Special:UserRights/Target');
      expect(view.text).not.toContain('wpEditToken');
      expect(view.headers['set-cookie']).toBeUndefined();
      const before = await groupsOf('Target');
      const res = await agent.post('/wiki/Special:UserRights').type('form').send({ user: 'Target', saveusergroups: '1', 'wpGroup-sysop': '1', 'conflictcheck-originalgroups': before.map((m) => m.group).join(',') });
      expect(res.status).toBe(200);
      expect(mainContent(res.text)).toContain('There seems to be a problem with your login session');
      expect(await groupsOf('Target')).toEqual(before);
    });

    test('the page refuses a GET as a save', async () => {
      const before = await groupsOf('Target');
      const res = await agents.Steward.get('/w/index.php?title=Special:UserRights&user=Target&saveusergroups=1&wpGroup-sysop=1');
      expect(res.status).toBe(200);
      expect(await groupsOf('Target')).toEqual(before);
    });
  });

  describe('Special:Log for the rights log', () => {
    test('?type=rights&user= lists the performer’s entries only', async () => {
      const crat = (await rightsLog()).filter((e) => e.actorName === 'Crat').map((e) => e.id);
      const res = await wiki.agent.get('/w/index.php?title=Special:Log&type=rights&user=Crat');
      expect(res.status).toBe(200);
      const ids = [...res.text.matchAll(/<li data-mw-logid="(\d+)" data-mw-logaction="rights\/rights"/g)].map((m) => Number(m[1]));
      expect(ids).toEqual(crat);
      expect(res.text).toContain('<h1 id="firstHeading" class="firstHeading mw-first-heading">User rights log</h1>');
      const steward = [...(await wiki.agent.get('/wiki/Special:Log/rights/Steward')).text.matchAll(/data-mw-logid="(\d+)"/g)].map((m) => Number(m[1]));
      expect(steward).toEqual((await rightsLog()).filter((e) => e.actorName === 'Steward').map((e) => e.id));
    });
  });
});

describe('expiry input (strtotime subset)', () => {
  const now = new Date(Date.UTC(2026, 0, 31, 12, 0, 0));
  const ts = (input: string) => expiryToTimestamp(input, now);

  test('never-expiring words', () => {
    for (const word of ['infinite', 'indefinite', 'infinity', 'never', ' Infinite ']) expect(ts(word)).toBeNull();
  });

  test('relative times as PHP adds them', () => {
    expect(ts('1 week')).toBe('20260207120000');
    expect(ts('1 month')).toBe('20260303120000'); // 31 January + 1 month overflows, as strtotime does
    expect(ts('3 months')).toBe('20260501120000');
    expect(ts('1 year')).toBe('20270131120000');
    expect(ts('+2 days 4 hours')).toBe('20260202160000');
    expect(ts('next week')).toBe('20260207120000');
    expect(ts('1 day ago')).toBe('20260130120000');
    expect(ts('tomorrow')).toBe('20260201000000');
  });

  test('absolute times (UTC unless a zone is given)', () => {
    expect(ts('2027-02-01')).toBe('20270201000000');
    expect(ts('2027-02-01 10:30')).toBe('20270201103000');
    expect(ts('2027-02-01T10:30:00+02:00')).toBe('20270201083000');
    expect(ts('20270201103000')).toBe('20270201103000');
    expect(ts('1 February 2027')).toBe('20270201000000');
  });

  test('anything else is invalid', () => {
    for (const junk of ['', 'other', 'next blue moon', '2027-02-30', '1 fortnights ago please', 'February']) expect(ts(junk)).toBe(false);
    expect(parseTimeExpression('soon', now)).toBeNull();
  });

  test('the current time round-trips', () => {
    expect(expiryToTimestamp('now')).toBe(toMwTimestamp());
  });
});
