/**
 * Prints the heaviest functions of a `node --cpu-prof` profile: self time
 * and inclusive time (a function counted once per sample however deep it
 * recurses), so a render's hot paths can be read without DevTools.
 *
 *   tsx bench/profile/summarizeCpuProfile.ts CPU.….cpuprofile [rows] [under]
 *
 * `under` keeps only samples with a frame whose label contains it (e.g.
 * "render engine/parser/WikitextRenderer" leaves start-up out).
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, rowsArg, under] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const rows = Number(rowsArg ?? 40);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

function label(n: ProfileNode): string {
  const url = n.callFrame.url.replace(/^.*\/(node_modules|engine)\//, '$1/');
  return `${n.callFrame.functionName || '(anon)'} ${url}:${n.callFrame.lineNumber + 1}`;
}

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  if (under) {
    let inside = false;
    for (let cur: number | undefined = id; cur !== undefined && !inside; cur = parent.get(cur)) inside = label(byId.get(cur)!).includes(under);
    if (!inside) return;
  }
  total += dt;
  const leaf = byId.get(id)!;
  self.set(label(leaf), (self.get(label(leaf)) ?? 0) + dt);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    if (seen.has(l)) continue;
    seen.add(l);
    inclusive.set(l, (inclusive.get(l) ?? 0) + dt);
  }
});

const show = (title: string, map: Map<string, number>) => {
  process.stdout.write(`${title} (total ${(total / 1000).toFixed(0)} ms)\n`);
  const entries = [...map].sort((a, b) => b[1] - a[1]).slice(0, rows);
  for (const [k, v] of entries) process.stdout.write(`${(v / 1000).toFixed(1).padStart(9)} ms ${((v / total) * 100).toFixed(1).padStart(5)} %  ${k}\n`);
};
show('self', self);
show('inclusive', inclusive);
