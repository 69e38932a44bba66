/**
 * action=protect / action=unprotect (MediaWiki's ProtectionForm and
 * WikiPage::doUpdateRestrictions) over HTTP: the `protect` right, the form,
 * saving protection, modifying and lifting it, create protection of missing
 * titles, the `protect` log with MediaWiki's parameters and line, the error
 * paths (token, expiry, levels the performer may not set) — and what
 * protection does: edits refused with "View source" and HTTP 403, the text
 * kept, while administrators still edit.
 */
import { protectionInfoSection } from '../../../engine/actions/ProtectAction';
import { DEFAULT_GROUP_PERMISSIONS } from '../../../engine/config/Settings';
import { RequestContext } from '../../../engine/context/RequestContext';
import { WebRequest } from '../../../engine/context/WebRequest';
import { CsrfTokenSet } from '../../../engine/session/CsrfTokenSet';
import { anonymousVisitor } from '../../../engine/user/User';
import { fromMwTimestamp } from '../../../engine/util/Timestamp';
import { mainContent } from '../../helpers/pageHtml';
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';

type Agent = ReturnType<TestWiki['newAgent']>;

const LRM = '\u200E';

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#039;/g, "'").replace(/&amp;/g, '&');
}

describe.each(testDatabaseKinds())('ProtectAction on %s', (kind) => {
  let wiki: TestWiki;
  const agents: Record<string, Agent> = {};
  beforeAll(async () => {
    // MediaWiki's defaults (anyone edits), plus a group that may protect only at the autoconfirmed level.
    const groupPermissions = structuredClone(DEFAULT_GROUP_PERMISSIONS);
    groupPermissions.protector = { protect: true, editsemiprotected: true };
    wiki = await createTestWiki(kind, { groupPermissions });
    await wiki.edit('Guide', 'Guide text');
    await wiki.edit('Semi page', 'Semi text');
    await wiki.edit('File:Logo.png', 'A logo');
    await wiki.createUser('Admin', { groups: ['sysop'] });
    await wiki.createUser('Editor');
    await wiki.createUser('Protector', { groups: ['protector'] });
    for (const name of ['Admin', 'Editor', 'Protector']) {
      agents[name] = wiki.newAgent();
      await wiki.login(name, undefined, agents[name]);
    }
  });
  afterAll(async () => wiki.close());

  const pageId = async (title: string) => {
    const t = wiki.services.titleFactory.newFromTextThrow(title);
    return (await wiki.services.pageStore.getPage({ namespace: t.getNamespace(), dbKey: t.getDBkey() }))!.id;
  };
  const restrictions = async (title: string) => wiki.services.restrictionStore.getRestrictions(await pageId(title));
  const protectLog = () => wiki.services.logStore.query({ type: 'protect', limit: 100 });
  const hidden = (page: string, name: string) => decode(new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(page)![1]);

  async function protect(agent: Agent, title: string, fields: Record<string, string>, action = 'protect') {
    const form = await agent.get(`/w/index.php?title=${encodeURIComponent(title)}&action=${action}`);
    expect(form.status).toBe(200);
    return agent.post(`/w/index.php?title=${encodeURIComponent(title)}&action=protect`).type('form').send({ wpEditToken: hidden(form.text, 'wpEditToken'), ...fields });
  }

  describe('the protect right', () => {
    test('anonymous visitors and users without it get MediaWiki’s permission error (403), GET and POST', async () => {
      const before = await protectLog();
      for (const agent of [wiki.newAgent(), agents.Editor]) {
        for (const action of ['protect', 'unprotect']) {
          const get = await agent.get(`/w/index.php?title=Guide&action=${action}`);
          expect(get.status).toBe(403);
          expect(get.text).toContain('<h1 id="firstHeading" class="firstHeading mw-first-heading">Permission error</h1>');
          expect(get.text).toContain('The action you have requested is limited to users in');
          const post = await agent.post(`/w/index.php?title=Guide&action=${action}`).type('form').send({ 'mwProtect-level-edit': 'sysop', wpEditToken: '+\\' });
          expect(post.status).toBe(403);
        }
      }
      expect(await restrictions('Guide')).toEqual([]);
      expect(await protectLog()).toEqual(before);
    });
  });

  describe('the form', () => {
    test('an existing page: edit and move, levels, expiry, cascade, reason, token', async () => {
      const res = await agents.Admin.get('/w/index.php?title=Guide&action=protect');
      expect(res.status).toBe(200);
      expect(res.text).toContain('<h1 id="firstHeading" class="firstHeading mw-first-heading">Change protection level for &quot;Guide&quot;</h1>');
      const body = mainContent(res.text);
      expect(body).toContain('You may view and change the protection level here for the page <strong>Guide</strong>.');
      expect(body).toContain('<form name="mw-Protect-Form" action="/w/index.php?title=Guide&amp;action=protect" method="post" id="mw-Protect-Form">');
      expect([...body.matchAll(/<legend>([^<]*)<\/legend>/g)].map((m) => m[1])).toEqual(['Confirm protection', 'Edit', 'Move']);
      expect(body).toContain(
        '<select name="mwProtect-level-edit" id="mwProtect-level-edit" size="3" class="mwProtect-level"><option value="" selected>Allow all users</option><option value="autoconfirmed">Allow only autoconfirmed users</option><option value="sysop">Allow only administrators</option></select>',
      );
      expect(body).toContain(
        '<select id="mwProtectExpirySelection-edit" name="wpProtectExpirySelection-edit"><option value="othertime">other time</option><option value="1 hour">1 hour</option><option value="1 day">1 day</option><option value="1 week">1 week</option><option value="2 weeks">2 weeks</option><option value="1 month">1 month</option><option value="3 months">3 months</option><option value="6 months">6 months</option><option value="1 year">1 year</option><option value="infinite" selected>indefinite</option></select>',
      );
      expect(body).toContain('<input type="text" name="mwProtect-expiry-move" id="mwProtect-move-expires" size="50" value="">');
      expect(body).toContain('<input type="checkbox" name="mwProtect-cascade" id="mwProtect-cascade" value="1">&#160;<label for="mwProtect-cascade">Protect pages included in this page (cascading protection)</label>');
      expect(body).toContain('<select id="wpProtectReasonSelection" name="wpProtectReasonSelection"><option value="other" selected>Other reason</option><optgroup label="Common protection reasons"><option value="Excessive vandalism">Excessive vandalism</option>');
      expect(body).toContain('<input type="submit" value="Confirm" id="mw-Protect-submit">');
      expect(body).toMatch(/<input type="hidden" name="wpEditToken" value="[^"]+">/);
      expect(body).toContain('<h2>Protection log</h2>');
    });

    test('a missing title offers create protection only; a file page also upload', async () => {
      const missing = mainContent((await agents.Admin.get('/w/index.php?title=Not_yet_written&action=protect')).text);
      expect([...missing.matchAll(/<legend>([^<]*)<\/legend>/g)].map((m) => m[1])).toEqual(['Confirm protection', 'Create']);
      expect(missing).toContain('name="mwProtect-level-create"');
      expect(missing).not.toContain('mwProtect-cascade');
      const file = mainContent((await agents.Admin.get('/w/index.php?title=File:Logo.png&action=protect')).text);
      expect([...file.matchAll(/<legend>([^<]*)<\/legend>/g)].map((m) => m[1])).toEqual(['Confirm protection', 'Edit', 'Move', 'Upload']);
    });

    test('only the levels the performer holds are offered', async () => {
      const body = mainContent((await agents.Protector.get('/w/index.php?title=Semi_page&action=protect')).text);
      expect(body).toContain('<select name="mwProtect-level-edit" id="mwProtect-level-edit" size="2" class="mwProtect-level"><option value="" selected>Allow all users</option><option value="autoconfirmed">Allow only autoconfirmed users</option></select>');
    });
  });

  describe('protecting', () => {
    test('protect edit and move: page_restrictions, a protect log entry, 303 to the page', async () => {
      const res = await protect(agents.Admin, 'Guide', {
        'mwProtect-level-edit': 'sysop',
        'wpProtectExpirySelection-edit': 'infinite',
        'mwProtect-level-move': 'sysop',
        'wpProtectExpirySelection-move': 'infinite',
        wpProtectReasonSelection: 'Excessive vandalism',
        'mwProtect-reason': 'again and again',
      });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/wiki/Guide');
      expect(await restrictions('Guide')).toEqual([
        { type: 'edit', level: 'sysop', expiry: null, cascade: false },
        { type: 'move', level: 'sysop', expiry: null, cascade: false },
      ]);
      const [entry] = await protectLog();
      expect(entry).toMatchObject({
        type: 'protect',
        action: 'protect',
        actorName: 'Admin',
        namespace: 0,
        dbKey: 'Guide',
        pageId: await pageId('Guide'),
        comment: 'Excessive vandalism: again and again',
        params: {
          '4::description': `${LRM}[edit=sysop] (indefinite)${LRM}[move=sysop] (indefinite)`,
          '5:bool:cascade': false,
          details: [
            { type: 'edit', level: 'sysop', expiry: 'infinity', cascade: false },
            { type: 'move', level: 'sysop', expiry: 'infinity', cascade: false },
          ],
        },
      });
    });

    test('the protection log reads like MediaWiki’s', async () => {
      const body = mainContent((await agents.Admin.get('/w/index.php?title=Guide&action=protect')).text);
      const line = /<li data-mw-logid="\d+" data-mw-logaction="protect\/protect"[\s\S]*?<\/li>/.exec(body)![0];
      expect(line).toMatch(/<bdi>Admin<\/bdi><\/a> <span class="mw-usertoollinks">[\s\S]*?<\/span> protected <a href="\/wiki\/Guide" title="Guide">Guide<\/a> \[Edit=Allow only administrators\] \(indefinite\) \[Move=Allow only administrators\] \(indefinite\)/);
      expect(line).toContain('<span class="comment">(Excessive vandalism: again and again)</span>');
      expect(line).toMatch(/<span class="mw-logevent-actionlink">\(<a href="\/w\/index.php\?title=Guide&amp;action=history&amp;offset=\d{14}" title="Guide">hist<\/a> \| <a href="\/w\/index.php\?title=Guide&amp;action=protect" title="Guide">change protection<\/a>\)<\/span>/);
      // The current protection is offered as "existing".
      expect(body).toContain('<option value="existing" selected>Existing expiration time: infinite</option>');
      expect(body).toContain('<option value="sysop" selected>Allow only administrators</option>');
    });

    test('a protected page refuses an edit with View source, 403 and the text kept; an administrator edits', async () => {
      const token = hidden((await agents.Editor.get('/wiki/Special:ChangePassword')).text, 'wpEditToken');
      const refused = await agents.Editor.post('/w/index.php?title=Guide&action=submit').type('form').send({ wpTextbox1: 'Editor <i>change</i>', wpSave: '1', wpEditToken: token });
      expect(refused.status).toBe(403);
      expect(refused.text).toContain('View source for Guide');
      expect(refused.text).toContain('This page has been protected to prevent editing or other actions.');
      expect(refused.text).toMatch(/<textarea id="wpTextbox1"[^>]*readonly[^>]*>Editor &lt;i&gt;change&lt;\/i&gt;<\/textarea>/);
      // The tab says "View source" on the page itself.
      expect((await agents.Editor.get('/wiki/Guide')).text).toContain('id="ca-viewsource"');

      const adminToken = hidden((await agents.Admin.get('/w/index.php?title=Guide&action=edit')).text, 'wpEditToken');
      const saved = await agents.Admin.post('/w/index.php?title=Guide&action=submit').type('form').send({ wpTextbox1: 'Admin change', wpSave: '1', wpEditToken: adminToken });
      expect(saved.status).toBe(303);
      expect(await wiki.services.revisionStore.getTextByRevisionId((await wiki.services.pageStore.getPageById(await pageId('Guide')))!.latest)).toBe('Admin change');
    });

    test('modifying: a new level with an expiry is logged as modify', async () => {
      const res = await protect(agents.Admin, 'Guide', { 'mwProtect-level-edit': 'autoconfirmed', 'mwProtect-expiry-edit': '1 week', 'wpProtectExpirySelection-move': 'existing', 'mwProtect-level-move': 'sysop' });
      expect(res.status).toBe(303);
      const [edit, move] = await restrictions('Guide');
      expect(edit.level).toBe('autoconfirmed');
      expect(Math.abs(fromMwTimestamp(edit.expiry!).getTime() - (Date.now() + 7 * 86400 * 1000))).toBeLessThan(60_000);
      expect(move).toEqual({ type: 'move', level: 'sysop', expiry: null, cascade: false });
      const [entry] = await protectLog();
      expect(entry.action).toBe('modify');
      expect(entry.params.details).toEqual([
        { type: 'edit', level: 'autoconfirmed', expiry: edit.expiry, cascade: false },
        { type: 'move', level: 'sysop', expiry: 'infinity', cascade: false },
      ]);
      expect(entry.params['4::description']).toMatch(new RegExp(`^${LRM}\\[edit=autoconfirmed\\] \\(expires \\d\\d:\\d\\d, \\d+ \\w+ \\d{4} \\(UTC\\)\\)${LRM}\\[move=sysop\\] \\(indefinite\\)$`));
      const line = /data-mw-logaction="protect\/modify"[\s\S]*?<\/li>/.exec((await agents.Admin.get('/w/index.php?title=Special:Log&type=protect')).text)![0];
      expect(line).toBeTruthy();
      const extract = /data-mw-logaction="protect\/modify"[\s\S]*?<\/li>/.exec(mainContent((await agents.Admin.get('/w/index.php?title=Guide&action=protect')).text))![0];
      expect(extract).toMatch(/changed protection settings for <a [^>]*>Guide<\/a> \[Edit=Allow only autoconfirmed users\] \(expires \d\d:\d\d, \d+ \w+ \d{4}\) \[Move=Allow only administrators\] \(indefinite\)/);
    });

    test('the "Page protection" section for action=info', async () => {
      const context = new RequestContext({
        services: wiki.services,
        koa: {} as never,
        request: new WebRequest({}, {}, 'GET'),
        user: anonymousVisitor('192.0.2.1'),
        userOptions: {} as never,
        language: 'en',
        skin: {} as never,
        csrf: new CsrfTokenSet(null),
        ip: '192.0.2.1',
      });
      const title = wiki.services.titleFactory.newFromTextThrow('Guide');
      const page = await wiki.services.pageStore.getPage({ namespace: 0, dbKey: 'Guide' });
      const section = String(await protectionInfoSection(context, title, page));
      expect(section).toMatch(/^<h2 id="mw-pageinfo-header-restrictions">Page protection<\/h2><table class="wikitable mw-page-info">/);
      expect(section).toMatch(/<tr id="mw-restriction-edit"><td style="vertical-align: top;">Edit<\/td><td>Allow only autoconfirmed users \(\d\d:\d\d, \d+ \w+ \d{4}\)<\/td><\/tr>/);
      expect(section).toContain('<tr id="mw-restriction-move"><td style="vertical-align: top;">Move</td><td>Allow only administrators (infinite)</td></tr>');
      expect(section).toContain('<a href="/w/index.php?title=Special:Log&amp;type=protect&amp;page=Guide" title="Special:Log">View the protection log for this page.</a>');
      const unprotected = String(await protectionInfoSection(context, wiki.services.titleFactory.newFromTextThrow('File:Logo.png'), await wiki.services.pageStore.getPage({ namespace: 6, dbKey: 'Logo.png' })));
      expect(unprotected).toContain('<tr id="mw-restriction-upload"><td style="vertical-align: top;">Upload</td><td>Allow all users (infinite)</td></tr>');
      // Namespace protection shows as what it requires.
      const iface = String(await protectionInfoSection(context, wiki.services.titleFactory.newFromTextThrow('MediaWiki:Missing'), null));
      expect(iface).toContain('<tr id="mw-restriction-create"><td style="vertical-align: top;">Create</td><td>Allow only users with &quot;editinterface&quot; permission (infinite)</td></tr>');
    });

    test('saving the same settings again changes and logs nothing', async () => {
      const count = (await protectLog()).length;
      const res = await protect(agents.Admin, 'Guide', {
        'mwProtect-level-edit': 'autoconfirmed',
        'wpProtectExpirySelection-edit': 'existing',
        'mwProtect-level-move': 'sysop',
        'wpProtectExpirySelection-move': 'existing',
      });
      expect(res.status).toBe(303);
      expect((await protectLog()).length).toBe(count);
    });

    test('cascading protection needs the sysop edit level', async () => {
      await protect(agents.Admin, 'Semi page', { 'mwProtect-level-edit': 'autoconfirmed', 'mwProtect-cascade': '1' });
      expect((await restrictions('Semi page'))[0].cascade).toBe(false);
      await protect(agents.Admin, 'Semi page', { 'mwProtect-level-edit': 'sysop', 'mwProtect-cascade': '1' });
      expect((await restrictions('Semi page'))[0]).toEqual({ type: 'edit', level: 'sysop', expiry: null, cascade: true });
      const [entry] = await protectLog();
      expect(entry.params['5:bool:cascade']).toBe(true);
      const extract = mainContent((await agents.Admin.get('/w/index.php?title=Semi_page&action=protect')).text);
      expect(extract).toMatch(/changed protection settings for <a [^>]*>Semi page<\/a> \[Edit=Allow only administrators\] \(indefinite\) \[cascading\]/);
      expect(extract).toContain('<input type="checkbox" name="mwProtect-cascade" id="mwProtect-cascade" value="1" checked>');
    });

    test('unprotecting (the action=unprotect form) is logged as unprotect', async () => {
      const res = await protect(agents.Admin, 'Semi page', { 'mwProtect-level-edit': '', 'mwProtect-level-move': '', 'mwProtect-reason': 'calm again' }, 'unprotect');
      expect(res.status).toBe(303);
      expect(await restrictions('Semi page')).toEqual([]);
      const [entry] = await protectLog();
      expect(entry).toMatchObject({ action: 'unprotect', comment: 'calm again', params: {} });
      expect(mainContent((await agents.Admin.get('/w/index.php?title=Semi_page&action=protect')).text)).toMatch(/removed protection from <a [^>]*>Semi page<\/a>/);
    });

    test('create protection of a missing title: protected_titles, titleprotected for creators', async () => {
      const res = await protect(agents.Admin, 'Not yet written', { 'mwProtect-level-create': 'sysop', 'mwProtect-reason': 'reserved' });
      expect(res.status).toBe(303);
      expect(await wiki.services.restrictionStore.getCreateProtection(0, 'Not_yet_written')).toMatchObject({ level: 'sysop', expiry: null, reason: 'reserved' });
      const [entry] = await protectLog();
      expect(entry).toMatchObject({ action: 'protect', dbKey: 'Not_yet_written', pageId: null, params: { '4::description': `${LRM}[create=sysop] (indefinite)`, '5:bool:cascade': false, details: [{ type: 'create', level: 'sysop', expiry: 'infinity' }] } });
      const token = hidden((await agents.Editor.get('/wiki/Special:ChangePassword')).text, 'wpEditToken');
      const refused = await agents.Editor.post('/w/index.php?title=Not_yet_written&action=submit').type('form').send({ wpTextbox1: 'First!', wpSave: '1', wpEditToken: token });
      expect(refused.status).toBe(403);
      expect(refused.text).toContain('This title has been protected from creation by');
      expect(refused.text).toContain('First!');
    });
  });

  describe('refusals', () => {
    test('a bad token: sessionfailure, nothing changed, the values kept', async () => {
      const before = await restrictions('Semi page');
      const count = (await protectLog()).length;
      const res = await agents.Admin.post('/w/index.php?title=Semi_page&action=protect').type('form').send({ wpEditToken: 'forged+\\', 'mwProtect-level-edit': 'sysop', 'mwProtect-reason': 'forged reason' });
      expect(res.status).toBe(200);
      const body = mainContent(res.text);
      expect(body).toContain('There seems to be a problem with your login session');
      expect(body).toContain('<option value="sysop" selected>Allow only administrators</option>');
      expect(body).toContain('value="forged reason"');
      expect(await restrictions('Semi page')).toEqual(before);
      expect((await protectLog()).length).toBe(count);
    });

    test('an invalid or past expiry', async () => {
      const bad = await protect(agents.Admin, 'Semi page', { 'mwProtect-level-edit': 'sysop', 'mwProtect-expiry-edit': 'whenever' });
      expect(bad.status).toBe(200);
      expect(mainContent(bad.text)).toContain('<div class="errorbox mw-message-box-error"><p>Expiry time is invalid.</p></div>');
      expect(mainContent(bad.text)).toContain('value="whenever"');
      expect(mainContent(bad.text)).toContain('<option value="othertime" selected>other time</option>');
      const past = await protect(agents.Admin, 'Semi page', { 'mwProtect-level-edit': 'sysop', 'mwProtect-expiry-edit': '2001-01-01' });
      expect(mainContent(past.text)).toContain('Expiry time is in the past.');
      expect(await restrictions('Semi page')).toEqual([]);
    });

    test('a level the performer may not set is refused with 403', async () => {
      const res = await protect(agents.Protector, 'Semi page', { 'mwProtect-level-edit': 'sysop' });
      expect(res.status).toBe(403);
      expect(await restrictions('Semi page')).toEqual([]);
      expect((await protect(agents.Protector, 'Semi page', { 'mwProtect-level-edit': 'autoconfirmed' })).status).toBe(303);
      expect((await restrictions('Semi page'))[0].level).toBe('autoconfirmed');
    });

    test('semi-protection keeps anonymous visitors out, not logged-in users', async () => {
      const anon = wiki.newAgent();
      // Refused for rights before the token is looked at (an anonymous visitor's edit form is "View source").
      const refused = await anon.post('/w/index.php?title=Semi_page&action=submit').type('form').send({ wpTextbox1: 'Anon change', wpSave: '1' });
      expect(refused.status).toBe(403);
      const token = hidden((await agents.Editor.get('/w/index.php?title=Semi_page&action=edit')).text, 'wpEditToken');
      const saved = await agents.Editor.post('/w/index.php?title=Semi_page&action=submit').type('form').send({ wpTextbox1: 'Editor change', wpSave: '1', wpEditToken: token });
      expect(saved.status).toBe(303);
    });
  });

  test('Special:Log?type=protect lists protection entries only', async () => {
    const ids = (await protectLog()).map((e) => e.id);
    const res = await wiki.agent.get('/w/index.php?title=Special:Log&type=protect');
    expect(res.text).toContain('<h1 id="firstHeading" class="firstHeading mw-first-heading">Protection log</h1>');
    expect([...res.text.matchAll(/<li data-mw-logid="(\d+)" data-mw-logaction="protect\//g)].map((m) => Number(m[1]))).toEqual(ids);
    expect(res.text).not.toContain('data-mw-logaction="rights/');
  });
});
