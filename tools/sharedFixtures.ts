/**
 * Where the workspace's shared fixtures live (MediaWiki's parser test
 * corpus, the benchmark pages): `SHARED_DIR` if set, else a `shared` folder
 * beside the checkout, else the workspace's `/work/shared` — so a clean
 * clone anywhere on the machine (as CI makes) finds them too.
 */
import fs from 'node:fs';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..');

export function sharedDir(): string {
  const candidates = [process.env.SHARED_DIR, path.resolve(REPO_ROOT, '..', 'shared'), '/work/shared'].filter((c): c is string => Boolean(c));
  return candidates.find((dir) => fs.existsSync(dir)) ?? candidates[candidates.length - 1];
}

export function sharedPath(...parts: string[]): string {
  return path.join(sharedDir(), ...parts);
}
