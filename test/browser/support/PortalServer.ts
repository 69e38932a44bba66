/**
 * The real application for browser tests: services on a fresh database (the
 * one under test: PostgreSQL when TEST_DATABASE_URL is set, else SQLite),
 * the portal skin as default, the seeded content, and an HTTP server on a
 * free port. Accounts are created directly through the services.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { defaultSettings, Settings, validateSettings } from '../../../engine/config/Settings';
import { createApp } from '../../../engine/http/createApp';
import { seedIfEmpty } from '../../../engine/seed/Seeder';
import { createServices } from '../../../engine/services/createServices';
import type { Services } from '../../../engine/services/Services';
import type { SaveResult } from '../../../engine/storage/PageUpdater';
import { createTestDatabase, TestDatabase } from '../../helpers/testDatabases';

export const PASSWORD = 'correct horse battery staple';

export interface PortalServer {
  url: string;
  services: Services;
  /** Internal errors logged by the app. */
  errors: string[];
  edit(title: string, text: string): Promise<SaveResult>;
  createUser(name: string, groups?: string[]): Promise<void>;
  close(): Promise<void>;
}

export async function startPortalServer(overrides: Partial<Settings> = {}): Promise<PortalServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'apiportal-browser-'));
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const settings = validateSettings({
    ...defaultSettings(),
    server: url,
    dataDir,
    port,
    secretKey: 's'.repeat(64),
    renderWorkers: 0,
    skins: ['WikimediaApiPortal'],
    defaultSkin: 'wikimediaapiportal',
    ...overrides,
  });
  let database: TestDatabase;
  let services: Services;
  try {
    database = await createTestDatabase(process.env.TEST_DATABASE_URL ? 'pg' : 'sqlite');
    services = await createServices(settings, { db: database.db });
    await seedIfEmpty(services);
  } catch (error) {
    server.close();
    throw error;
  }
  const errors: string[] = [];
  server.on('request', createApp(services, { log: (line) => errors.push(line) }).callback());
  return {
    url,
    services,
    errors,
    edit(title, text) {
      return services.pageUpdater.save({ title: services.titleFactory.newFromTextThrow(title), text, summary: '', user: { id: 0, name: '127.0.0.1' } });
    },
    async createUser(name, groups = []) {
      const created = await services.userStore.createUser({ name, passwordHash: await services.passwordHasher.hash(PASSWORD) });
      for (const group of groups) await services.userGroupManager.addUserToGroup(created.id, group, null);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.close();
      await database.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
