/**
 * The skin overhead (bench/skinOverhead.ts) measured on the 30 KB benchmark
 * page instead of a seeded documentation page: how much the portal skin adds
 * to a cached view of a large page.
 *
 *   npx tsx bench/profile/skinOnBenchmarkPage.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultSettings, validateSettings } from '../../engine/config/Settings';
import { seedIfEmpty } from '../../engine/seed/Seeder';
import { createServices } from '../../engine/services/createServices';
import { BENCHMARK_FIXTURE_DIR, loadBenchmarkFixture } from '../benchmarkFixture';
import { formatSkinOverhead, measureSkinOverhead } from '../skinOverhead';

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'apiportal-skinbench-'));
  const services = await createServices(validateSettings({ ...defaultSettings(), dataDir, port: 0, secretKey: 's'.repeat(64) }));
  await seedIfEmpty(services);
  if ((await loadBenchmarkFixture(services)) === null) throw new Error(`The benchmark fixture is missing: ${BENCHMARK_FIXTURE_DIR}`);
  const result = await measureSkinOverhead({ services, path: '/wiki/Benchmark_page', roundSeconds: 4 });
  process.stdout.write(`${formatSkinOverhead(result)}\n`);
  await services.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
