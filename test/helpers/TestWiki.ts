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
import { defaultSettings, Settings, validateSettings } from '../../engine/config/Settings';
import { createApp } from '../../engine/http/createApp';
import { createServices } from '../../engine/services/createServices';
import type { Services } from '../../engine/services/Services';
import type { SaveResult } from '../../engine/storage/PageUpdater';
import type { UserIdentity } from '../../engine/user/UserIdentity';
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
  getEditToken(url: string): Promise<string>;
  close(): Promise<void>;
}

export async function createTestWiki(kind: 'sqlite' | 'pg' = 'sqlite', overrides: Partial<Settings> = {}): Promise<TestWiki> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'apiportal-wiki-'));
  // Rendering stays in the test's thread unless a test asks for workers.
  const settings = validateSettings({ ...defaultSettings(), server: 'http://localhost', dataDir, secretKey: 'x'.repeat(64), renderWorkers: 0, ...overrides });
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
    async getEditToken(url) {
      const res = await agent.get(url);
      const m = /name="wpEditToken" value="([^"]+)"/.exec(res.text);
      if (!m) throw new Error(`No wpEditToken on ${url} (status ${res.status})`);
      return m[1].replace(/&#039;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\\\\/g, '\\');
    },
    async close() {
      await services.close();
      await database.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
