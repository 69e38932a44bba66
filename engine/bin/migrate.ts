/** `npm run migrate`: applies pending database migrations (MediaWiki's update.php). */
import { loadSettings } from '../config/loadSettings';
import { migrateToLatest, openDatabase } from '../db/Database';

async function main(): Promise<void> {
  const settings = loadSettings();
  const db = openDatabase({ url: settings.databaseUrl, dataDir: settings.dataDir });
  try {
    const applied = await migrateToLatest(db);
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n');
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
