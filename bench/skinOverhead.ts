/**
 * What the WikimediaApiPortal skin adds to a cached page view: the same page
 * (a documentation page with the sidebar tree, its parser output cached)
 * served with the plain skin (`useskin=fallback`) and with the portal skin,
 * in the same run, over loopback with autocannon, in alternating rounds so
 * that drift of a shared machine hits both alike. Reports requests/s of each,
 * the added time per request (1000 / rps difference: the server is one
 * thread, so its time per request is what limits throughput), and the time
 * inside each skin's render() itself, timed around the call.
 *
 * Target (issue 5, point 9): under 2 ms added per cached view.
 *
 *   npx tsx bench/skinOverhead.ts            # own wiki, seeded, prints a table and a JSON line
 *   import { measureSkinOverhead } from './skinOverhead'   # from bench/run.ts, with its services
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
import type { Services } from '../engine/services/Services';
import type { Skin, SkinData } from '../engine/skin/Skin';

export const SKIN_OVERHEAD_TARGET_MS = 2;
const PORTAL = 'wikimediaapiportal';
const PLAIN = 'fallback';

export interface SkinOverheadOptions {
  /** Services to measure with (bench/run.ts passes its own); they must have the portal skin loaded. Default: a fresh seeded wiki. */
  services?: Services;
  /** Page to view; default the first seeded documentation page that has a sidebar tree. */
  path?: string;
  /** Seconds per autocannon round; two rounds per skin. Default 5. */
  roundSeconds?: number;
  connections?: number;
}

export interface SkinOverheadResult {
  path: string;
  plainRps: number;
  portalRps: number;
  plainLatencyP50Ms: number;
  portalLatencyP50Ms: number;
  /** Server time added per request by the portal skin: 1000/portalRps − 1000/plainRps. */
  addedMsPerRequest: number;
  /** Mean and median time inside render() for each skin, over the measured requests. */
  plainRenderMeanMs: number;
  portalRenderMeanMs: number;
  plainRenderMedianMs: number;
  portalRenderMedianMs: number;
  plainBytes: number;
  portalBytes: number;
  errors: number;
  withinTarget: boolean;
}

const CANDIDATE_PATHS = ['/wiki/API_reference/Core/Pages/Get_page', '/wiki/Documentation/Getting_started', '/wiki/Main_Page'];

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** Wraps a skin's render() to record how long each call takes. */
function timeRenders(skin: Skin): { times: number[]; restore(): void } {
  const original = skin.render;
  const times: number[] = [];
  skin.render = async function timed(this: Skin, data: SkinData) {
    const start = process.hrtime.bigint();
    const html = await original.call(this, data);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    return html;
  };
  return { times, restore: () => { skin.render = original; } };
}

export async function measureSkinOverhead(options: SkinOverheadOptions = {}): Promise<SkinOverheadResult> {
  let services = options.services;
  let dataDir: string | null = null;
  if (!services) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'apiportal-skinbench-'));
    const settings = validateSettings({ ...defaultSettings(), dataDir, port: 0, secretKey: 'k'.repeat(64), skins: ['WikimediaApiPortal'], defaultSkin: PORTAL });
    services = await createServices(settings);
    await seedIfEmpty(services);
  }
  const portalSkin = services.skinRegistry.get(PORTAL);
  const plainSkin = services.skinRegistry.get(PLAIN);
  if (!portalSkin || !plainSkin) throw new Error(`measureSkinOverhead needs the ${PORTAL} skin loaded (settings.skins: ["WikimediaApiPortal"])`);

  const app = createApp(services);
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const portalTimes = timeRenders(portalSkin);
  const plainTimes = timeRenders(plainSkin);
  try {
    let target = options.path;
    if (!target) {
      for (const candidate of CANDIDATE_PATHS) {
        if ((await fetch(`${base}${candidate}`)).status === 200) {
          target = candidate;
          break;
        }
      }
    }
    if (!target) throw new Error('No seeded page to view; pass options.path');
    const urls = {
      portal: `${base}${target}${target.includes('?') ? '&' : '?'}useskin=${PORTAL}`,
      plain: `${base}${target}${target.includes('?') ? '&' : '?'}useskin=${PLAIN}`,
    };
    // Warm-up: parser cache, sidebar tree, messages, JIT.
    const bytes = { portal: 0, plain: 0 };
    for (let i = 0; i < 30; i++) {
      for (const kind of ['portal', 'plain'] as const) {
        const res = await fetch(urls[kind]);
        if (res.status !== 200) throw new Error(`${urls[kind]} answered ${res.status}`);
        bytes[kind] = (await res.arrayBuffer()).byteLength;
      }
    }
    portalTimes.times.length = 0;
    plainTimes.times.length = 0;

    const duration = options.roundSeconds ?? 5;
    const connections = options.connections ?? 8;
    const runs: Record<'portal' | 'plain', autocannon.Result[]> = { portal: [], plain: [] };
    for (const kind of ['plain', 'portal', 'portal', 'plain'] as const) {
      runs[kind].push(await autocannon({ url: urls[kind], connections, duration }));
    }
    const rps = (kind: 'portal' | 'plain') => runs[kind].reduce((sum, r) => sum + r.requests.average, 0) / runs[kind].length;
    const p50 = (kind: 'portal' | 'plain') => runs[kind].reduce((sum, r) => sum + r.latency.p50, 0) / runs[kind].length;
    const errors = [...runs.portal, ...runs.plain].reduce((sum, r) => sum + r.errors + r.non2xx, 0);
    const plainRps = rps('plain');
    const portalRps = rps('portal');
    const added = 1000 / portalRps - 1000 / plainRps;
    const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);
    return {
      path: target,
      plainRps: Math.round(plainRps),
      portalRps: Math.round(portalRps),
      plainLatencyP50Ms: round2(p50('plain')),
      portalLatencyP50Ms: round2(p50('portal')),
      addedMsPerRequest: round3(added),
      plainRenderMeanMs: round3(mean(plainTimes.times)),
      portalRenderMeanMs: round3(mean(portalTimes.times)),
      plainRenderMedianMs: round3(median(plainTimes.times)),
      portalRenderMedianMs: round3(median(portalTimes.times)),
      plainBytes: bytes.plain,
      portalBytes: bytes.portal,
      errors,
      withinTarget: added < SKIN_OVERHEAD_TARGET_MS,
    };
  } finally {
    portalTimes.restore();
    plainTimes.restore();
    await new Promise((resolve) => server.close(resolve));
    if (dataDir) {
      await services.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

export function formatSkinOverhead(result: SkinOverheadResult): string {
  const rows: Array<[string, string]> = [
    ['page', result.path],
    ['cached view, plain skin (req/s)', `${result.plainRps} (p50 ${result.plainLatencyP50Ms} ms, ${result.plainBytes} bytes)`],
    ['cached view, portal skin (req/s)', `${result.portalRps} (p50 ${result.portalLatencyP50Ms} ms, ${result.portalBytes} bytes)`],
    ['added per request by the portal skin (ms)', `${result.addedMsPerRequest} (target < ${SKIN_OVERHEAD_TARGET_MS}: ${result.withinTarget ? 'met' : 'NOT met'})`],
    ['render(), plain skin: mean / median (ms)', `${result.plainRenderMeanMs} / ${result.plainRenderMedianMs}`],
    ['render(), portal skin: mean / median (ms)', `${result.portalRenderMeanMs} / ${result.portalRenderMedianMs}`],
    ['errors / non-2xx', String(result.errors)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

if (require.main === module) {
  measureSkinOverhead()
    .then((result) => {
      process.stdout.write(`${formatSkinOverhead(result)}\n${JSON.stringify(result)}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${(error as Error).stack}\n`);
      process.exit(1);
    });
}
