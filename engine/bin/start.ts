/**
 * `npm start`: load settings, open and migrate the database, seed an empty
 * wiki, listen, and print the URL. A bad setting stops start-up with a
 * message naming it.
 */
import { loadSettings } from '../config/loadSettings';
import { SettingsError } from '../config/Settings';
import { createApp } from '../http/createApp';
import { seedIfEmpty } from '../seed/Seeder';
import { createServices } from '../services/createServices';
import { ExtensionLoadError } from '../registry/ExtensionRegistry';
import { firstAdminBanner } from './user';

async function main(): Promise<void> {
  const settings = loadSettings();
  const services = await createServices(settings);
  if (settings.seedOnEmpty) {
    const created = await seedIfEmpty(services);
    if (created > 0) process.stdout.write(`Seeded ${created} pages.\n`);
  }
  // On an empty user table: how to create the first administrator (npm run user).
  const banner = await firstAdminBanner(services);
  const app = createApp(services);
  const server = app.listen(settings.port, settings.listenHost, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : settings.port;
    const url = settings.server.includes(`:${port}`) || settings.port !== 0 ? settings.server : `http://localhost:${port}`;
    process.stdout.write(`${settings.sitename} is running at ${url}/\n`);
    if (banner) process.stdout.write(`${banner}\n`);
  });
  const shutdown = () => {
    server.close(() => void services.close().then(() => process.exit(0)));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof SettingsError || error instanceof ExtensionLoadError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Start-up failed: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
});
