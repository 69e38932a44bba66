/**
 * Profiling aid for the render path: loads the benchmark fixture into a
 * scratch page store the way bench/run.ts does, then either writes the HTML
 * of the three benchmark renders to a folder (to compare before/after a
 * change byte for byte) or renders the 30 KB page repeatedly (to run under
 * `node --cpu-prof` or valgrind).
 *
 *   tsx bench/profile/renderFixture.ts --write /tmp/render-baseline
 *   tsx bench/profile/renderFixture.ts --loop 30 [--which 30k|300k|cites]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultSettings, validateSettings } from '../../engine/config/Settings';
import { seedIfEmpty } from '../../engine/seed/Seeder';
import { createServices } from '../../engine/services/createServices';
import { BENCHMARK_FIXTURE_DIR, loadBenchmarkFixture } from '../benchmarkFixture';

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'apiportal-profile-'));
  const settings = validateSettings({ ...defaultSettings(), dataDir, port: 0, secretKey: 'b'.repeat(64) });
  const services = await createServices(settings);
  await seedIfEmpty(services);
  const text = await loadBenchmarkFixture(services, 'profile fixture');
  if (text === null) throw new Error(`The benchmark fixture is missing: ${BENCHMARK_FIXTURE_DIR}`);
  // The same three inputs as bench/run.ts.
  const citations = Array.from({ length: 800 }, (_, i) => `* {{cite web |url=https://example.org/doc/${i} |title=Document ${i} |website=Example |access-date=2026-01-${String((i % 28) + 1).padStart(2, '0')}}}`).join('\n');
  const pages: Record<string, [string, string]> = {
    '30k': [text, 'Benchmark page'],
    '300k': [Array(10).fill(text).join('\n\n'), 'Benchmark page 300k'],
    cites: [citations, 'Benchmark citations'],
  };
  // A fixed clock: the bench pages show no time, but a fixed one keeps outputs comparable anyway.
  const now = new Date('2026-01-15T12:00:00Z');
  const render = (which: string) => services.renderer.render(pages[which][0], { title: services.titleFactory.newFromTextThrow(pages[which][1]), now });

  const outDir = argument('--write');
  if (outDir) {
    fs.mkdirSync(outDir, { recursive: true });
    for (const which of Object.keys(pages)) fs.writeFileSync(path.join(outDir, `${which}.html`), (await render(which)).html);
  }
  const loops = Number(argument('--loop') ?? 0);
  const which = argument('--which') ?? '30k';
  if (loops > 0) {
    await render(which);
    const times: number[] = [];
    for (let i = 0; i < loops; i++) {
      const start = process.hrtime.bigint();
      await render(which);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    process.stdout.write(`${which}: median ${times[Math.floor(times.length / 2)].toFixed(1)} ms, min ${times[0].toFixed(1)} ms over ${loops}\n`);
  }
  await services.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
