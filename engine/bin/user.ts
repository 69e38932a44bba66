/**
 * `npm run user`: the administrator's command-line tool for accounts
 * (MediaWiki's maintenance/createAndPromote.php).
 *
 *   npm run user -- create NAME [--groups sysop,bureaucrat] [--email ADDRESS]
 *   npm run user -- promote NAME [--groups docseditor] [--remove-groups …]
 *
 * The password of a new account comes from standard input only — typed at a
 * prompt that does not echo it, or the first line of a pipe — never from the
 * command line, where other users (`ps`) and the shell history would see it.
 * The same rules as Special:CreateAccount apply: a creatable and usable name,
 * and the password policy of the requested groups (privileged groups need 10
 * characters). As createAndPromote.php does, the account is logged as
 * newusers/autocreate (performed by the new account) and the group change as
 * rights/rights performed by "Maintenance script"; the account, its groups
 * and both log entries are written in one transaction.
 *
 * Exit status 0 on success, 1 on an error, which is one line on stderr
 * (never a stack trace, never the password or its hash). Every text comes
 * from i18n/cli.
 */
import readline from 'node:readline';
import { Readable, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { Knex } from 'knex';
import { isValidEmail } from '../auth/AuthManager';
import { loadSettings } from '../config/loadSettings';
import { SettingsError } from '../config/Settings';
import type { MessageParam } from '../i18n/MessageFormatter';
import { ExtensionLoadError } from '../registry/ExtensionRegistry';
import { createServices } from '../services/createServices';
import type { Services } from '../services/Services';
import { NS_USER } from '../title/NamespaceInfo';
import type { UserGroupMembership } from '../user/User';
import { UserGroupManager } from '../user/UserGroupManager';
import { UserExistsError, UserStore } from '../user/UserStore';

/** MediaWiki's User::MAINTENANCE_SCRIPT_USER: the performer of changes made from the command line. */
export const MAINTENANCE_SCRIPT_USER = 'Maintenance script';

/** The groups `npm start` suggests for the first administrator. */
export const FIRST_ADMIN_GROUPS = ['sysop', 'bureaucrat', 'interface-admin'];

/** Where the tool writes (standard output and standard error); texts are written as given, line breaks included. */
export interface UserCommandOutput {
  out(text: string): void;
  err(text: string): void;
}

/** Standard input: a terminal (isTTY: the password is prompted for without echo) or a pipe. */
export type UserCommandInput = Readable & { isTTY?: boolean };

/** An error for the user: a message key of i18n/cli and its parameters. */
class CommandError extends Error {
  readonly params: MessageParam[];
  constructor(
    readonly key: string,
    ...params: MessageParam[]
  ) {
    super(key);
    this.params = params;
  }
}

type CommandName = 'create' | 'promote';

interface ParsedCommand {
  command: CommandName;
  name: string;
  groups: string[];
  removeGroups: string[];
  email: string | null;
}

/** Options each command takes (all take a value). */
const COMMAND_OPTIONS: Record<CommandName, readonly string[]> = {
  create: ['--groups', '--email'],
  promote: ['--groups', '--remove-groups'],
};

function splitList(value: string): string[] {
  return [...new Set(value.split(',').map((item) => item.trim()).filter((item) => item !== ''))];
}

/** Parses the arguments; the value of a refused option is never repeated (it may be a password). */
function parseArguments(argv: readonly string[]): ParsedCommand | 'help' {
  if (argv.some((arg) => arg === '--help' || arg === '-h')) return 'help';
  // Checked before anything else, so a password on the command line is refused even beside other mistakes.
  if (argv.some((arg) => arg === '--password' || arg.startsWith('--password='))) throw new CommandError('cli-user-password-argument');
  const [command, ...rest] = argv;
  if (command === undefined) throw new CommandError('cli-user-no-command');
  if (command !== 'create' && command !== 'promote') throw new CommandError('cli-user-unknown-command', { plaintext: command });
  const positionals: string[] = [];
  const values = new Map<string, string>();
  let optionsEnded = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--' && !optionsEnded) {
      optionsEnded = true;
      continue;
    }
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const option = eq >= 0 ? arg.slice(0, eq) : arg;
    if (!COMMAND_OPTIONS[command].includes(option)) throw new CommandError('cli-user-unknown-option', { plaintext: option }, command);
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < rest.length && !rest[i + 1].startsWith('-')) value = rest[++i];
    if (value === undefined || value.trim() === '') throw new CommandError('cli-user-option-needs-value', option);
    values.set(option, value);
  }
  if (positionals.length === 0) throw new CommandError('cli-user-missing-name');
  // createAndPromote.php takes the password as the argument after the name: refuse it without echoing it.
  if (positionals.length > 1) throw new CommandError('cli-user-password-argument');
  return {
    command,
    name: positionals[0],
    groups: splitList(values.get('--groups') ?? ''),
    removeGroups: splitList(values.get('--remove-groups') ?? ''),
    email: values.has('--email') ? values.get('--email')!.trim() : null,
  };
}

/** Reads the first line of a pipe (without its line break); null when the input ends without any text. */
function readFirstLine(input: Readable): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const decoder = new StringDecoder('utf8');
    let buffer = '';
    const finish = (value: string | null) => {
      input.off('data', onData);
      input.off('end', onEnd);
      input.off('error', onError);
      input.pause();
      resolve(value === null ? null : value.replace(/\r$/, ''));
    };
    const onData = (chunk: Buffer | string) => {
      buffer += typeof chunk === 'string' ? chunk : decoder.write(chunk);
      const newline = buffer.indexOf('\n');
      if (newline >= 0) finish(buffer.slice(0, newline));
    };
    const onEnd = () => {
      buffer += decoder.end();
      finish(buffer === '' ? null : buffer);
    };
    const onError = (error: Error) => {
      input.off('data', onData);
      input.off('end', onEnd);
      reject(error);
    };
    input.on('data', onData);
    input.once('end', onEnd);
    input.once('error', onError);
    input.resume();
  });
}

/**
 * Prompts on a terminal without echo: readline in terminal mode (raw input,
 * line editing) writing its echo to a stream that discards it. 'cancelled'
 * on Ctrl-C, null on Ctrl-D.
 */
function promptHidden(input: UserCommandInput, prompt: string, output: UserCommandOutput): Promise<string | null | 'cancelled'> {
  const muted = new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });
  const rl = readline.createInterface({ input, output: muted, terminal: true });
  output.err(prompt);
  return new Promise((resolve) => {
    let answered = false;
    const done = (value: string | null | 'cancelled') => {
      if (answered) return;
      answered = true;
      rl.close();
      output.err('\n');
      resolve(value);
    };
    rl.once('line', (line) => done(line));
    rl.once('SIGINT', () => done('cancelled'));
    rl.once('close', () => done(null));
  });
}

async function readPassword(input: UserCommandInput, services: Services, output: UserCommandOutput): Promise<string> {
  let password: string | null | 'cancelled';
  if (input.isTTY) password = await promptHidden(input, text(services, 'cli-user-password-prompt'), output);
  else password = await readFirstLine(input);
  if (password === 'cancelled') throw new CommandError('cli-user-cancelled');
  if (password === null || password === '') throw new CommandError('cli-user-password-empty');
  return password;
}

function text(services: Services, key: string, ...params: MessageParam[]): string {
  return services.messages.msg(key, 'en', ...params).text();
}

function commaList(services: Services, items: readonly string[]): string {
  return items.join(text(services, 'comma-separator'));
}

function groupListText(services: Services, groups: readonly string[]): string {
  return groups.length > 0 ? commaList(services, groups) : text(services, 'cli-user-groups-none');
}

/** Unknown or implicit group names are refused with the list of groups that can be given. */
function checkGroups(services: Services, groups: readonly string[]): void {
  const assignable = services.permissionManager.getAssignableGroups();
  const unknown = groups.filter((group) => !assignable.includes(group));
  if (unknown.length > 0) {
    throw new CommandError('cli-user-unknown-groups', { plaintext: commaList(services, unknown) }, { num: unknown.length }, { plaintext: commaList(services, assignable) });
  }
}

function userPageKey(name: string): string {
  return name.replace(/ /g, '_');
}

/**
 * Applies group changes to a user inside `trx` and writes the rights log
 * entry as createAndPromote.php and Special:UserRights do (4::oldgroups,
 * 5::newgroups, and the expiries in oldmetadata / newmetadata). Returns the
 * groups before and after; nothing is logged when nothing changed.
 */
async function changeGroups(services: Services, trx: Knex, user: { id: number; name: string }, add: readonly string[], remove: readonly string[]): Promise<{ before: UserGroupMembership[]; after: UserGroupMembership[] }> {
  const manager = services.userGroupManager;
  const before = await manager.getUserGroupMemberships(user.id, trx);
  const held = new Set(before.map((m) => m.group));
  const toAdd = add.filter((group) => !held.has(group));
  const toRemove = remove.filter((group) => held.has(group));
  if (toAdd.length === 0 && toRemove.length === 0) return { before, after: before };
  for (const group of toAdd) await manager.addUserToGroup(user.id, group, null, trx);
  for (const group of toRemove) await manager.removeUserFromGroup(user.id, group, trx);
  const after = [...before.filter((m) => !toRemove.includes(m.group)), ...toAdd.map((group) => ({ group, expiry: null }))];
  const performer = await services.actorStore.acquireActorId({ id: 0, name: MAINTENANCE_SCRIPT_USER }, trx);
  await services.logStore.insert(
    {
      type: 'rights',
      action: 'rights',
      actorId: performer,
      namespace: NS_USER,
      dbKey: userPageKey(user.name),
      params: {
        '4::oldgroups': before.map((m) => m.group),
        '5::newgroups': after.map((m) => m.group),
        oldmetadata: before.map((m) => ({ expiry: m.expiry })),
        newmetadata: after.map((m) => ({ expiry: m.expiry })),
      },
    },
    trx,
  );
  return { before, after };
}

function reportGroups(services: Services, output: UserCommandOutput, name: string, change: { before: UserGroupMembership[]; after: UserGroupMembership[] }): void {
  const before = change.before.map((m) => m.group);
  const after = change.after.map((m) => m.group);
  if (before.join('\n') === after.join('\n')) {
    output.out(`${text(services, 'cli-user-groups-unchanged', { plaintext: name }, { plaintext: groupListText(services, after) })}\n`);
  } else {
    output.out(`${text(services, 'cli-user-groups-changed', { plaintext: name }, { plaintext: groupListText(services, before) }, { plaintext: groupListText(services, after) })}\n`);
  }
}

async function createCommand(parsed: ParsedCommand, input: UserCommandInput, services: Services, output: UserCommandOutput, secrets: string[]): Promise<void> {
  const names = services.userNameUtils;
  const name = names.getCanonical(parsed.name, 'creatable');
  if (!name || !names.isUsable(name)) throw new CommandError('cli-user-invalid-name', { plaintext: parsed.name });
  checkGroups(services, parsed.groups);
  const email = parsed.email ?? '';
  if (email !== '' && !services.settings.enableEmail) throw new CommandError('cli-user-email-disabled');
  if (email !== '' && !isValidEmail(email)) throw new CommandError('cli-user-invalid-email', { plaintext: email });
  if ((await services.userStore.getUserIdByName(name)) !== null) throw new CommandError('cli-user-exists', { plaintext: name });

  const password = await readPassword(input, services, output);
  secrets.push(password);
  const problems = services.auth.passwordPolicy.check(name, password, parsed.groups);
  if (problems.length > 0) {
    const reasons = problems.map((problem) => text(services, problem.key, ...problem.params)).join(' ');
    throw new CommandError('cli-user-bad-password', { plaintext: reasons });
  }
  const passwordHash = await services.passwordHasher.hash(password);
  secrets.push(passwordHash);

  // One transaction: the account (UserStore on the transaction; its own
  // transaction becomes a savepoint), its groups and both log entries.
  let change: { before: UserGroupMembership[]; after: UserGroupMembership[] };
  try {
    change = await services.db.transaction(async (trx) => {
      const users = new UserStore(trx, services.actorStore, new UserGroupManager(trx));
      const user = await users.createUser({ name, passwordHash, email });
      const actorId = await services.actorStore.acquireActorId(user, trx);
      // AuthManager::autoCreateUser() with AUTOCREATE_SOURCE_MAINT, as createAndPromote.php uses it.
      await services.logStore.insert({ type: 'newusers', action: 'autocreate', actorId, namespace: NS_USER, dbKey: userPageKey(name), params: { '4::userid': user.id } }, trx);
      return changeGroups(services, trx, user, parsed.groups, []);
    });
  } catch (error) {
    if (error instanceof UserExistsError) throw new CommandError('cli-user-exists', { plaintext: name });
    throw error;
  }
  output.out(`${text(services, 'cli-user-created', { plaintext: name })}\n`);
  if (parsed.groups.length > 0) reportGroups(services, output, name, change);
}

async function promoteCommand(parsed: ParsedCommand, services: Services, output: UserCommandOutput): Promise<void> {
  const name = services.userNameUtils.getCanonical(parsed.name, 'valid');
  if (!name) throw new CommandError('cli-user-invalid-name', { plaintext: parsed.name });
  if (parsed.groups.length === 0 && parsed.removeGroups.length === 0) throw new CommandError('cli-user-no-groups');
  checkGroups(services, [...parsed.groups, ...parsed.removeGroups]);
  const both = parsed.groups.filter((group) => parsed.removeGroups.includes(group));
  if (both.length > 0) throw new CommandError('cli-user-group-conflict', { plaintext: commaList(services, both) }, { num: both.length });
  const userId = await services.userStore.getUserIdByName(name);
  if (userId === null) throw new CommandError('cli-user-nosuchuser', { plaintext: name });
  const change = await services.db.transaction((trx) => changeGroups(services, trx, { id: userId, name }, parsed.groups, parsed.removeGroups));
  reportGroups(services, output, name, change);
}

/** An unexpected error as one line, with every secret of this run cut out (a database error can quote the insert). */
function describeFailure(error: unknown, secrets: readonly string[]): string {
  let message = error instanceof Error ? error.message || error.name : String(error);
  for (const secret of secrets) if (secret !== '') message = message.split(secret).join('***');
  return message.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * Runs one `npm run user` command against `services` and returns the exit
 * status (0 success, 1 error). Does not close the services.
 */
export async function runUserCommand(argv: readonly string[], input: UserCommandInput, services: Services, output: UserCommandOutput): Promise<number> {
  const secrets: string[] = [];
  try {
    const parsed = parseArguments(argv);
    if (parsed === 'help') {
      output.out(`${text(services, 'cli-user-usage')}\n`);
      return 0;
    }
    if (parsed.command === 'create') await createCommand(parsed, input, services, output, secrets);
    else await promoteCommand(parsed, services, output);
    return 0;
  } catch (error) {
    const message = error instanceof CommandError ? text(services, error.key, ...error.params) : text(services, 'cli-user-failed', { plaintext: describeFailure(error, secrets) });
    output.err(`${message}\n`);
    return 1;
  }
}

/**
 * What `npm start` prints when no account exists yet: how to create the
 * first administrator. Null once there is any account.
 */
export async function firstAdminBanner(services: Pick<Services, 'userStore' | 'messages' | 'auth'>): Promise<string | null> {
  if ((await services.userStore.countUsers()) > 0) return null;
  const minimum = services.auth.passwordPolicy.effectivePolicy(FIRST_ADMIN_GROUPS).minimalPasswordLength ?? 1;
  return services.messages.msg('cli-start-first-admin', 'en', FIRST_ADMIN_GROUPS.join(','), { num: minimum }).text();
}

async function main(): Promise<number> {
  const output: UserCommandOutput = { out: (data) => process.stdout.write(data), err: (data) => process.stderr.write(data) };
  let services: Services;
  try {
    // No render workers: the tool renders nothing.
    services = await createServices(loadSettings({ overrides: { renderWorkers: 0 } }));
  } catch (error) {
    // Before the services exist there are no messages to format: settings errors name the setting themselves.
    const message = error instanceof SettingsError || error instanceof ExtensionLoadError ? error.message : describeFailure(error, []);
    output.err(`${message}\n`);
    return 1;
  }
  try {
    return await runUserCommand(process.argv.slice(2), process.stdin, services, output);
  } finally {
    await services.close();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${describeFailure(error, [])}\n`);
      process.exit(1);
    },
  );
}
