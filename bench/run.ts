/**
 * `npm run bench`: (a) cached page views per second over loopback with
 * autocannon, (b) render time of the 30 KB benchmark page with its templates
 * loaded from the page store. Prints a table, then one JSON line with every
 * figure as the last line (for scripts comparing runs).
 *
 * (c) what the WikimediaApiPortal skin adds to a cached view (bench/skinOverhead.ts).
 *
 * Peer figures on the same kind of machine (from ../shared/bench/page30k/README.md):
 * MediaWiki 1.39 parses the 30 KB page in 30–37 ms and serves 63–75 cached
 * views/s.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { defaultSettings, validateSettings } from '../engine/config/Settings';
import { createApp } from '../engine/http/createApp';
import { seedIfEmpty } from '../engine/seed/Seeder';
import { createServices } from '../engine/services/createServices';
import { BENCHMARK_PAGE_TITLE, loadBenchmarkFixture } from './benchmarkFixture';
import { formatSkinOverhead, measureSkinOverhead } from './skinOverhead';

const MW_139_PARSE_MS = [30, 37];
const MW_139_CACHED_RPS = [63, 75];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'apiportal-bench-'));
  const settings = validateSettings({ ...defaultSettings(), dataDir, port: 0, secretKey: 'b'.repeat(64) });
  const services = await createServices(settings);
  await seedIfEmpty(services);
  const figures: Record<string, number | string> = { machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}` };

  // (b) render of the 30 KB page, templates from the page store.
  const text = await loadBenchmarkFixture(services);
  const hasFixture = text !== null;
  if (hasFixture) {
    const title = services.titleFactory.newFromTextThrow(BENCHMARK_PAGE_TITLE);
    const measure = async (pageText: string, pageTitle: string, runs: number): Promise<number> => {
      const t = services.titleFactory.newFromTextThrow(pageTitle);
      for (let i = 0; i < 2; i++) await services.renderer.render(pageText, { title: t });
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = process.hrtime.bigint();
        await services.renderer.render(pageText, { title: t });
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      return Math.round(median(times) * 10) / 10;
    };
    figures.render30kMs = await measure(text, title.getPrefixedText(), 15);
    figures.render30kVsMediaWiki139 = Math.round((Number(figures.render30kMs) / MW_139_PARSE_MS[1]) * 100) / 100;
    // A 300 KB page: the 30 KB page ten times over (ten times the links, templates and headings).
    figures.render300kMs = await measure(Array(10).fill(text).join('\n\n'), 'Benchmark page 300k', 5);
    // 800 cite-like template calls, each with its own arguments (no two expansions alike).
    const citations = Array.from({ length: 800 }, (_, i) => `* {{cite web |url=https://example.org/doc/${i} |title=Document ${i} |website=Example |access-date=2026-01-${String((i % 28) + 1).padStart(2, '0')}}}`).join('\n');
    figures.render800CitesMs = await measure(citations, 'Benchmark citations', 5);
  }

  // (a) cached page views over loopback.
  const app = createApp(services);
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const target = hasFixture ? '/wiki/Benchmark_page' : '/wiki/Main_Page';
  const url = `http://127.0.0.1:${port}${target}`;
  const warm = await fetch(url);
  if (warm.status !== 200) throw new Error(`Warm-up request failed: ${warm.status}`);
  const result = await autocannon({ url, connections: 8, duration: 8 });
  server.close();
  figures.pageViewRps = Math.round(result.requests.average);
  figures.pageViewLatencyP50Ms = result.latency.p50;
  figures.pageViewErrors = result.errors + result.non2xx;
  figures.pageViewVsMediaWiki139 = Math.round((result.requests.average / MW_139_CACHED_RPS[1]) * 100) / 100;
  figures.parserCache = JSON.stringify(services.parserCache.stats());

  // (c) what the WikimediaApiPortal skin (the default) adds to a cached view: plain vs portal skin, same run.
  const skinOverhead = await measureSkinOverhead({ services, roundSeconds: 4 });
  figures.skinOverheadPage = skinOverhead.path;
  figures.skinPlainRps = skinOverhead.plainRps;
  figures.skinPortalRps = skinOverhead.portalRps;
  figures.skinPortalVsPlainRps = Math.round((skinOverhead.portalRps / skinOverhead.plainRps) * 100) / 100;
  figures.skinAddedMsPerRequest = skinOverhead.addedMsPerRequest;
  figures.skinPortalRenderMedianMs = skinOverhead.portalRenderMedianMs;

  await services.close();
  fs.rmSync(dataDir, { recursive: true, force: true });

  const rows: Array<[string, string]> = [
    ['machine', String(figures.machine)],
    ['cached page view (req/s, 8 connections)', `${figures.pageViewRps} (MediaWiki 1.39: ${MW_139_CACHED_RPS.join('–')})`],
    ['cached page view latency p50 (ms)', String(figures.pageViewLatencyP50Ms)],
    ['errors / non-2xx', String(figures.pageViewErrors)],
  ];
  if (hasFixture) {
    rows.push(['render 30 KB page, median of 15 (ms)', `${figures.render30kMs} (MediaWiki 1.39 parse: ${MW_139_PARSE_MS.join('–')})`]);
    rows.push(['render 300 KB page, median of 5 (ms)', String(figures.render300kMs)]);
    rows.push(['render 800 {{cite web}} calls, median of 5 (ms)', String(figures.render800CitesMs)]);
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
  process.stdout.write(`\nWikimediaApiPortal skin overhead (plain vs portal skin, same run):\n${formatSkinOverhead(skinOverhead)}\n`);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
