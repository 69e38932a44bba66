/**
 * A whole wiki for tests: settings in a temporary data directory, a fresh
 * database of the requested kind, the services, the Koa app and a supertest
 * agent that keeps cookies (so CSRF tokens bound to the session work).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Koa from 'koa';
import supertest from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DEFAULT_GROUP_PERMISSIONS, defaultSettings, PORTAL_NAMESPACE_PROTECTION, portalGroupPermissions, Settings, validateSettings } from '../../engine/config/Settings';
import { createApp } from '../../engine/http/createApp';
import { createServices } from '../../engine/services/createServices';
import type { Services } from '../../engine/services/Services';
import type { SaveResult } from '../../engine/storage/PageUpdater';
import type { UserIdentity } from '../../engine/user/UserIdentity';
import type { User } from '../../engine/user/User';
import { toMwTimestamp } from '../../engine/util/Timestamp';

/** The password createUser gives accounts unless told otherwise. */
export const TEST_PASSWORD = 'correct horse battery staple';
import { createTestDatabase, TestDatabase } from './testDatabases';

export interface TestWiki {
  services: Services;
  app: Koa;
  /** Cookie-keeping agent. */
  agent: TestAgent;
  database: TestDatabase;
  /** Internal errors logged by the app. */
  errors: string[];
  edit(title: string, text: string, options?: { summary?: string; user?: UserIdentity; minor?: boolean; baseRevId?: number }): Promise<SaveResult>;
  /** Fetches a form page and returns the value of its wpEditToken field. */
  getEditToken(url: string, agent?: TestAgent): Promise<string>;
  /**
   * Creates an account directly through the services (password hashed as at
   * Special:CreateAccount), with optional explicit groups and a confirmed or
   * unconfirmed email address. Returns the loaded user.
   */
  createUser(name: string, options?: { password?: string; groups?: string[]; email?: string; emailConfirmed?: boolean }): Promise<User>;
  /** Logs `agent` (default: the wiki's own agent) in through Special:UserLogin, as a browser does. */
  login(name: string, password?: string, agent?: TestAgent): Promise<void>;
  /** A fresh cookie-keeping agent (another browser). */
  newAgent(): TestAgent;
  /**
   * Opens Special:<page> in `agent`, reads the form's token field
   * (`tokenField`, e.g. wpLoginToken) and posts `fields` with it, as a
   * browser submitting the form does.
   */
  submitSpecialForm(agent: TestAgent, page: string, tokenField: string, fields: Record<string, string>): Promise<supertest.Response>;
  close(): Promise<void>;
}

/**
 * MediaWiki's own permission defaults (anonymous editing, only the MediaWiki
 * namespace protected): what tests of wiki mechanics run under unless they
 * ask for the portal's model with `portalPermissions()`.
 */
export function mediaWikiPermissions(): Partial<Settings> {
  return { groupPermissions: structuredClone(DEFAULT_GROUP_PERMISSIONS), namespaceProtection: { 8: ['editinterface'] } };
}

/**
 * The engine's plain skin and no others: what tests of wiki mechanics render
 * with unless they load skins themselves (the shipped default is the portal
 * skin; its own tests live under test/skins/).
 */
export function plainSkin(): Partial<Settings> {
  return { skins: [], defaultSkin: 'fallback', skipSkins: [] };
}

/** The shipped API Portal permission model (the default site configuration). */
export function portalPermissions(): Partial<Settings> {
  return { groupPermissions: portalGroupPermissions(), namespaceProtection: structuredClone(PORTAL_NAMESPACE_PROTECTION) };
}

function decodeHtmlAttribute(value: string): string {
  return value.replace(/&#039;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

export async function createTestWiki(kind: 'sqlite' | 'pg' = 'sqlite', overrides: Partial<Settings> = {}): Promise<TestWiki> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'apiportal-wiki-'));
  // Rendering stays in the test's thread unless a test asks for workers.
  const settings = validateSettings({ ...defaultSettings(), server: 'http://localhost', dataDir, secretKey: 'x'.repeat(64), renderWorkers: 0, ...plainSkin(), ...mediaWikiPermissions(), ...overrides });
  const database = await createTestDatabase(kind);
  const services = await createServices(settings, { db: database.db });
  const errors: string[] = [];
  const app = createApp(services, { log: (line) => errors.push(line) });
  const agent = supertest.agent(app.callback());
  return {
    services,
    app,
    agent,
    database,
    errors,
    async edit(title, text, options = {}) {
      return services.pageUpdater.save({
        title: services.titleFactory.newFromTextThrow(title),
        text,
        summary: options.summary ?? '',
        user: options.user ?? { id: 0, name: '127.0.0.1' },
        minor: options.minor,
        baseRevId: options.baseRevId,
      });
    },
    async getEditToken(url, client = agent) {
      const res = await client.get(url);
      const m = /name="wpEditToken" value="([^"]+)"/.exec(res.text);
      if (!m) throw new Error(`No wpEditToken on ${url} (status ${res.status})`);
      return m[1].replace(/&#039;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\\\\/g, '\\');
    },
    async createUser(name, options = {}) {
      const created = await services.userStore.createUser({ name, passwordHash: await services.passwordHasher.hash(options.password ?? TEST_PASSWORD), email: options.email });
      for (const group of options.groups ?? []) await services.userGroupManager.addUserToGroup(created.id, group, null);
      if (options.email && options.emailConfirmed) await services.userStore.setEmailAuthenticated(created.id, toMwTimestamp());
      return (await services.userStore.getUserById(created.id))!;
    },
    async login(name, password = TEST_PASSWORD, client = agent) {
      const form = await client.get('/w/index.php?title=Special:UserLogin');
      const token = /name="wpLoginToken" value="([^"]+)"/.exec(form.text)?.[1];
      if (!token) throw new Error(`No login form (status ${form.status})`);
      const decoded = decodeHtmlAttribute(token);
      const res = await client.post('/w/index.php?title=Special:UserLogin').type('form').send({ wpName: name, wpPassword: password, wpLoginToken: decoded });
      if (res.status !== 303 && res.status !== 302) throw new Error(`Login of ${name} failed (status ${res.status})`);
    },
    newAgent() {
      return supertest.agent(app.callback());
    },
    async submitSpecialForm(client, page, tokenField, fields) {
      const url = `/w/index.php?title=Special:${page}`;
      const form = await client.get(url);
      const token = new RegExp(`name="${tokenField}" value="([^"]+)"`).exec(form.text)?.[1];
      if (!token) throw new Error(`No ${tokenField} on Special:${page} (status ${form.status})`);
      return client.post(url).type('form').send({ [tokenField]: decodeHtmlAttribute(token), ...fields });
    },
    async close() {
      await services.close();
      await database.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
