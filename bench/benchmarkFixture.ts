/**
 * The 30 KB benchmark page of ../shared/bench/page30k/ and its templates,
 * saved into a wiki's page store the way an editor would create them, for
 * the benchmarks and the profiling scripts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Services } from '../engine/services/Services';
import { sharedPath } from '../tools/sharedFixtures';

export const BENCHMARK_FIXTURE_DIR = sharedPath('bench', 'page30k');
export const BENCHMARK_PAGE_TITLE = 'Benchmark page';

/** "Template_Cite_web.wikitext" → "Template:Cite web". */
function titleFromFixture(file: string): string {
  return file.replace(/\.wikitext$/, '').replace(/^Template_/, 'Template:').replace(/_/g, ' ');
}

/** Saves the templates, then the benchmark page; returns the page's wikitext, or null when the fixture is absent. */
export async function loadBenchmarkFixture(services: Services, summary = 'bench fixture'): Promise<string | null> {
  if (!fs.existsSync(BENCHMARK_FIXTURE_DIR)) return null;
  const save = (title: string, text: string) => services.pageUpdater.save({ title: services.titleFactory.newFromTextThrow(title), text, user: { id: 0, name: '127.0.0.1' }, summary });
  for (const file of fs.readdirSync(BENCHMARK_FIXTURE_DIR).filter((f) => f.endsWith('.wikitext') && f !== 'Benchmark_page.wikitext')) {
    await save(titleFromFixture(file), fs.readFileSync(path.join(BENCHMARK_FIXTURE_DIR, file), 'utf8'));
  }
  const text = fs.readFileSync(path.join(BENCHMARK_FIXTURE_DIR, 'Benchmark_page.wikitext'), 'utf8');
  await save(BENCHMARK_PAGE_TITLE, text);
  return text;
}
