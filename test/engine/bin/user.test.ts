/**
 * `npm run user` (engine/bin/user.ts), MediaWiki's createAndPromote.php:
 * the commands run in-process through runUserCommand() against a test wiki
 * with the portal's groups on each database kind; one test spawns the real
 * tool on a fresh data directory with the password piped on stdin and logs
 * the account in. Also the first-admin banner of `npm start`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import supertest from 'supertest';
import { firstAdminBanner, MAINTENANCE_SCRIPT_USER, runUserCommand, UserCommandInput } from '../../../engine/bin/user';
import { loadSettings } from '../../../engine/config/loadSettings';
import { createApp } from '../../../engine/http/createApp';
import { createServices } from '../../../engine/services/createServices';
import { createTestWiki, portalPermissions, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';

const ROOT = path.resolve(__dirname, '../../..');
const STRONG = 'Tq8-vivid-lantern-orbit';

interface Run {
  code: number;
  out: string;
  err: string;
}

/** A pipe holding `text`. */
function pipe(text: string): UserCommandInput {
  return Readable.from([Buffer.from(text)]);
}

async function run(wiki: TestWiki, argv: string[], stdin: UserCommandInput = pipe('')): Promise<Run> {
  let out = '';
  let err = '';
  const code = await runUserCommand(argv, stdin, wiki.services, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** An error run: status 1, nothing on stdout, exactly one line on stderr. */
function expectOneLineError(result: Run, contains: string | RegExp): void {
  expect(result.code).toBe(1);
  expect(result.out).toBe('');
  expect(result.err.endsWith('\n')).toBe(true);
  expect(result.err.trimEnd().split('\n')).toHaveLength(1);
  expect(result.err).toMatch(contains);
  expect(result.err).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
}

async function logEntries(wiki: TestWiki, type: string) {
  return (await wiki.services.logStore.query({ type, limit: 50 })).reverse();
}

describe.each(testDatabaseKinds())('npm run user on %s', (kind) => {
  let wiki: TestWiki;
  beforeEach(async () => {
    wiki = await createTestWiki(kind, portalPermissions());
  });
  afterEach(async () => wiki.close());

  describe('create', () => {
    test('creates the account with its groups, logs newusers/autocreate and rights/rights by "Maintenance script", and the password logs in', async () => {
      const result = await run(wiki, ['create', 'first_admin', '--groups', 'sysop,bureaucrat,interface-admin', '--email', 'admin@example.org'], pipe(`${STRONG}\n`));
      expect(result).toEqual({
        code: 0,
        out: 'Created the account "First admin".\nChanged group membership for "First admin" from (none) to sysop, bureaucrat, interface-admin.\n',
        err: '',
      });
      const user = (await wiki.services.userStore.getUserByName('First admin'))!;
      expect(user.groups.map((g) => g.group).sort()).toEqual(['bureaucrat', 'interface-admin', 'sysop']);
      expect(user.groups.every((g) => g.expiry === null)).toBe(true);
      expect(user.email).toBe('admin@example.org');
      expect(user.emailAuthenticated).toBeNull();
      expect(wiki.services.permissionManager.userHasRight(user, 'userrights')).toBe(true);

      const [created] = await logEntries(wiki, 'newusers');
      expect(created).toMatchObject({ action: 'autocreate', actorName: 'First admin', namespace: 2, dbKey: 'First_admin', params: { '4::userid': user.id } });
      const rights = await logEntries(wiki, 'rights');
      expect(rights).toHaveLength(1);
      expect(rights[0]).toMatchObject({
        action: 'rights',
        actorName: MAINTENANCE_SCRIPT_USER,
        namespace: 2,
        dbKey: 'First_admin',
        params: { '4::oldgroups': [], '5::newgroups': ['sysop', 'bureaucrat', 'interface-admin'], oldmetadata: [], newmetadata: [{ expiry: null }, { expiry: null }, { expiry: null }] },
      });
      // Both entries reach Special:Log (and recent changes).
      const log = await wiki.agent.get('/w/index.php?title=Special:Log&type=rights');
      expect(log.text).toContain(MAINTENANCE_SCRIPT_USER);

      // The stored hash is Argon2id and the password works at the real login form.
      const credentials = (await wiki.services.userStore.getCredentials('First admin'))!;
      expect(credentials.passwordHash).toMatch(/^\$argon2id\$/);
      const login = await wiki.services.auth.authManager.login('First admin', STRONG, '127.0.0.1');
      expect(login.ok).toBe(true);
      await wiki.login('First admin', STRONG);
    });

    test('without groups: a plain account, no rights log entry; a password without a final line break is read too', async () => {
      const result = await run(wiki, ['create', 'Plain'], pipe('plain-but-fine'));
      expect(result).toEqual({ code: 0, out: 'Created the account "Plain".\n', err: '' });
      expect((await wiki.services.userStore.getUserByName('Plain'))!.groups).toEqual([]);
      expect(await logEntries(wiki, 'rights')).toEqual([]);
      expect((await wiki.services.auth.authManager.login('Plain', 'plain-but-fine', '127.0.0.1')).ok).toBe(true);
    });

    test('only the first line of the pipe is the password (CRLF too)', async () => {
      expect((await run(wiki, ['create', 'Lines'], pipe(`${STRONG}\r\nsecond line\n`))).code).toBe(0);
      expect((await wiki.services.auth.authManager.login('Lines', STRONG, '127.0.0.1')).ok).toBe(true);
    });

    test('a weak password for sysop is refused by the group policy (10 characters) and nothing is created', async () => {
      const result = await run(wiki, ['create', 'Weak', '--groups', 'sysop'], pipe('9chars-ok\n'));
      expectOneLineError(result, 'The password cannot be used: Passwords must be at least 10 characters.');
      expect(result.err).not.toContain('9chars-ok');
      expect(await wiki.services.userStore.getUserIdByName('Weak')).toBeNull();
      expect(await logEntries(wiki, 'newusers')).toEqual([]);
      // The same 9 characters pass for a plain account (default policy: 8).
      expect((await run(wiki, ['create', 'Weak'], pipe('9chars-ok\n'))).code).toBe(0);
    });

    test('the other password rules of Special:CreateAccount: not the username, not a common password', async () => {
      expectOneLineError(await run(wiki, ['create', 'Longusername'], pipe('Longusername\n')), 'Your password must be different from your username.');
      expectOneLineError(await run(wiki, ['create', 'Someone'], pipe('password123\n')), 'list of very commonly used passwords');
    });

    test('a password on the command line is refused without being repeated, before anything else', async () => {
      for (const argv of [
        ['create', 'Alice', '--password', 'hunter2-secret'],
        ['create', 'Alice', '--password=hunter2-secret'],
        ['create', 'Alice', 'hunter2-secret'],
        ['create', 'Alice', '--groups', 'sysop', 'hunter2-secret'],
        ['create', 'Bad#name', '--password=hunter2-secret'],
      ]) {
        const result = await run(wiki, argv, pipe(`${STRONG}\n`));
        expectOneLineError(result, 'Passwords are not accepted on the command line');
        expect(result.err).not.toContain('hunter2');
      }
      expect(await wiki.services.userStore.countUsers()).toBe(0);
    });

    test('bad names are refused as at Special:CreateAccount (creatable and usable)', async () => {
      for (const name of ['Bad#name', 'A|b', '127.0.0.1', 'Foo@bar', 'Maintenance script', 'User:Someone']) {
        expectOneLineError(await run(wiki, ['create', name], pipe(`${STRONG}\n`)), `"${name}" is not a valid username.`);
      }
      expect(await wiki.services.userStore.countUsers()).toBe(0);
    });

    test('unknown and implicit groups are refused with the list of valid groups', async () => {
      const result = await run(wiki, ['create', 'Alice', '--groups', 'sysop,admins,user'], pipe(`${STRONG}\n`));
      expectOneLineError(result, 'Unknown groups: admins, user. Valid groups: bot, sysop, interface-admin, bureaucrat, docseditor.');
      expectOneLineError(await run(wiki, ['create', 'Alice', '--groups', 'nope'], pipe(`${STRONG}\n`)), /^Unknown group: nope\./);
      expect(await wiki.services.userStore.countUsers()).toBe(0);
    });

    test('an existing account is refused (createAndPromote without --force)', async () => {
      await wiki.createUser('Alice');
      expectOneLineError(await run(wiki, ['create', 'alice', '--groups', 'sysop'], pipe(`${STRONG}\n`)), 'The account "Alice" already exists (use "promote" to change its groups).');
      expect((await wiki.services.userStore.getUserByName('Alice'))!.groups).toEqual([]);
    });

    test('a missing or empty password, a bad email address, missing name, unknown option or command', async () => {
      expectOneLineError(await run(wiki, ['create', 'Alice'], pipe('')), 'No password given');
      expectOneLineError(await run(wiki, ['create', 'Alice'], pipe('\nsecond\n')), 'No password given');
      expectOneLineError(await run(wiki, ['create', 'Alice', '--email', 'not-an-address'], pipe(`${STRONG}\n`)), 'The email address "not-an-address" cannot be accepted');
      expectOneLineError(await run(wiki, ['create']), 'No username given.');
      expectOneLineError(await run(wiki, ['create', 'Alice', '--force']), 'Unknown option "--force" for "create"');
      expectOneLineError(await run(wiki, ['create', 'Alice', '--groups']), 'The option "--groups" needs a value.');
      expectOneLineError(await run(wiki, ['delete', 'Alice']), 'Unknown command "delete"');
      expectOneLineError(await run(wiki, []), 'No command given');
      expect(await wiki.services.userStore.countUsers()).toBe(0);
    });

    test('one transaction: a failure while logging leaves no account behind, and the error line hides the password', async () => {
      const insert = jest.spyOn(wiki.services.logStore, 'insert').mockRejectedValueOnce(new Error(`insert into logging values ('${STRONG}')\nsecond line`));
      const result = await run(wiki, ['create', 'Halfway', '--groups', 'sysop'], pipe(`${STRONG}\n`));
      insert.mockRestore();
      expectOneLineError(result, "The command failed: insert into logging values ('***') second line");
      expect(result.err).not.toContain(STRONG);
      expect(await wiki.services.userStore.getUserIdByName('Halfway')).toBeNull();
      expect(Number((await wiki.services.db('user_groups').count({ n: '*' }).first())!.n)).toBe(0);
      // The name is free: the same command succeeds afterwards.
      expect((await run(wiki, ['create', 'Halfway', '--groups', 'sysop'], pipe(`${STRONG}\n`))).code).toBe(0);
    });

    test('on a terminal the password is prompted for on stderr and never echoed', async () => {
      const tty = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => tty });
      const running = run(wiki, ['create', 'Typist', '--groups', 'docseditor'], tty);
      await new Promise((resolve) => setTimeout(resolve, 50));
      tty.write(`${STRONG}\r`);
      const result = await running;
      expect(result.code).toBe(0);
      expect(result.err).toBe('Password: \n');
      expect(result.out).not.toContain(STRONG);
      expect((await wiki.services.auth.authManager.login('Typist', STRONG, '127.0.0.1')).ok).toBe(true);
    });

    test('--help prints the usage on stdout', async () => {
      const result = await run(wiki, ['--help']);
      expect(result.code).toBe(0);
      expect(result.out).toContain('npm run user -- create NAME [--groups GROUP,...] [--email ADDRESS]');
      expect(result.err).toBe('');
    });
  });

  describe('promote', () => {
    test('adds and removes groups of an existing account with a rights log entry', async () => {
      const alice = await wiki.createUser('Alice', { groups: ['bot'] });
      const result = await run(wiki, ['promote', 'alice', '--groups', 'docseditor', '--remove-groups', 'bot']);
      expect(result).toEqual({ code: 0, out: 'Changed group membership for "Alice" from bot to docseditor.\n', err: '' });
      const user = (await wiki.services.userStore.getUserById(alice.id))!;
      expect(user.groups.map((g) => g.group)).toEqual(['docseditor']);
      const [entry] = await logEntries(wiki, 'rights');
      expect(entry).toMatchObject({ actorName: MAINTENANCE_SCRIPT_USER, dbKey: 'Alice', params: { '4::oldgroups': ['bot'], '5::newgroups': ['docseditor'] } });
      // A docs editor may now edit documentation.
      expect(await wiki.services.permissionManager.userCan('edit', user, wiki.services.titleFactory.newFromTextThrow('Main Page'))).toBe(true);
    });

    test('nothing to change: reported, not logged', async () => {
      await wiki.createUser('Alice', { groups: ['docseditor'] });
      const result = await run(wiki, ['promote', 'Alice', '--groups', 'docseditor', '--remove-groups', 'sysop']);
      expect(result).toEqual({ code: 0, out: 'The group membership of "Alice" is unchanged: docseditor.\n', err: '' });
      expect(await logEntries(wiki, 'rights')).toEqual([]);
    });

    test('errors: unknown user, no groups, unknown group, a group both added and removed, invalid name', async () => {
      expectOneLineError(await run(wiki, ['promote', 'Nobody', '--groups', 'docseditor']), 'There is no user by the name "Nobody".');
      await wiki.createUser('Alice');
      expectOneLineError(await run(wiki, ['promote', 'Alice']), 'Nothing to change: give --groups or --remove-groups.');
      expectOneLineError(await run(wiki, ['promote', 'Alice', '--groups', 'docseditors']), 'Unknown group: docseditors.');
      expectOneLineError(await run(wiki, ['promote', 'Alice', '--remove-groups', 'autoconfirmed']), 'Unknown group: autoconfirmed.');
      expectOneLineError(await run(wiki, ['promote', 'Alice', '--groups', 'sysop', '--remove-groups', 'sysop']), 'A group cannot be both added and removed: sysop.');
      expectOneLineError(await run(wiki, ['promote', 'A#b', '--groups', 'sysop']), '"A#b" is not a valid username.');
      expectOneLineError(await run(wiki, ['promote', 'Alice', '--email', 'x@example.org']), 'Unknown option "--email" for "promote"');
      expect((await wiki.services.userStore.getUserByName('Alice'))!.groups).toEqual([]);
      expect(await logEntries(wiki, 'rights')).toEqual([]);
    });
  });

  test('the start banner tells how to create the first admin while there is no account, and nothing after', async () => {
    const banner = await firstAdminBanner(wiki.services);
    expect(banner).toContain('There are no user accounts yet.');
    expect(banner).toContain('npm run user -- create Admin --groups sysop,bureaucrat,interface-admin');
    expect(banner).toContain('at least 10 characters');
    // The printed pipe command works as printed.
    const result = await run(wiki, ['create', 'Admin', '--groups', 'sysop,bureaucrat,interface-admin'], pipe(`${STRONG}\n`));
    expect(result.code).toBe(0);
    expect(await firstAdminBanner(wiki.services)).toBeNull();
  });
});

describe('the real tool', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'apiportal-usercli-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('npx tsx engine/bin/user.ts create reads the password from a pipe, exits 0, and the account logs in over HTTP', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, SETTINGS_FILE: path.join(dataDir, 'LocalSettings.json') };
    delete env.DATABASE_URL;
    const child = spawn('npx', ['tsx', 'engine/bin/user.ts', 'create', 'Site admin', '--groups', 'sysop,bureaucrat'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdin.end(`${STRONG}\n`);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toBe('Created the account "Site admin".\nChanged group membership for "Site admin" from (none) to sysop, bureaucrat.\n');

    const services = await createServices(loadSettings({ env: { DATA_DIR: dataDir, SETTINGS_FILE: path.join(dataDir, 'LocalSettings.json') }, overrides: { renderWorkers: 0 } }));
    try {
      const agent = supertest.agent(createApp(services).callback());
      const form = await agent.get('/w/index.php?title=Special:UserLogin');
      const token = /name="wpLoginToken" value="([^"]+)"/.exec(form.text)![1].replace(/&#039;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      const login = await agent.post('/w/index.php?title=Special:UserLogin').type('form').send({ wpName: 'Site admin', wpPassword: STRONG, wpLoginToken: token });
      expect(login.status).toBe(303);
      const user = (await services.userStore.getUserByName('Site admin'))!;
      expect(user.groups.map((g) => g.group).sort()).toEqual(['bureaucrat', 'sysop']);
      expect(await firstAdminBanner(services)).toBeNull();
    } finally {
      await services.close();
    }
  }, 120000);
});
