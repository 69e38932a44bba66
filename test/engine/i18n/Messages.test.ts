/**
 * Message files are complete (no database): every English message is
 * documented in qqq.json and the other way round, in i18n/ and each of its
 * sub-folders (as MediaWiki's banana checker requires), and every message
 * key the engine's code names literally exists.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const I18N = path.join(ROOT, 'i18n');

/** i18n/ and every folder below it that holds an en.json or qqq.json. */
function messageDirs(): string[] {
  const dirs: string[] = [];
  const walk = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && (e.name === 'en.json' || e.name === 'qqq.json'))) dirs.push(dir);
    for (const e of entries) if (e.isDirectory()) walk(path.join(dir, e.name));
  };
  walk(I18N);
  return dirs;
}

function readMessages(file: string): Record<string, unknown> {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  delete data['@metadata'];
  return data;
}

/** Every .ts file under a directory. */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(full));
    else if (e.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

/** Literal keys of msg('…') / .msg('…') / msg("…") calls; template-literal keys are skipped. */
function literalMessageKeys(source: string): string[] {
  const keys: string[] = [];
  const re = /(?<![\w$])msg\(\s*(['"])([^'"`\n]+)\1/g;
  for (let m = re.exec(source); m; m = re.exec(source)) keys.push(m[2]);
  return keys;
}

describe('message files', () => {
  const dirs = messageDirs();

  test('there is at least the core message folder with en.json and qqq.json', () => {
    expect(dirs).toContain(I18N);
    expect(fs.existsSync(path.join(I18N, 'en.json'))).toBe(true);
    expect(fs.existsSync(path.join(I18N, 'qqq.json'))).toBe(true);
  });

  test.each(messageDirs().map((d) => [path.relative(ROOT, d) || '.', d]))('%s: every en.json key is documented in qqq.json and vice versa', (_name, dir) => {
    const enFile = path.join(dir, 'en.json');
    const qqqFile = path.join(dir, 'qqq.json');
    expect(fs.existsSync(enFile)).toBe(true);
    expect(fs.existsSync(qqqFile)).toBe(true);
    const en = readMessages(enFile);
    const qqq = readMessages(qqqFile);
    expect(Object.keys(en).length).toBeGreaterThan(0);
    const undocumented = Object.keys(en).filter((k) => !(k in qqq));
    const orphaned = Object.keys(qqq).filter((k) => !(k in en));
    expect(undocumented).toEqual([]);
    expect(orphaned).toEqual([]);
  });

  test.each(messageDirs().map((d) => [path.relative(ROOT, d) || '.', d]))('%s: messages are strings and every documentation is non-empty', (_name, dir) => {
    // An English message may legitimately be empty (MediaWiki has several); its documentation may not.
    const en = readMessages(path.join(dir, 'en.json'));
    expect(Object.entries(en).filter(([, v]) => typeof v !== 'string').map(([k]) => k)).toEqual([]);
    const qqq = readMessages(path.join(dir, 'qqq.json'));
    expect(Object.entries(qqq).filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  test('the key extractor finds literal keys and ignores template literals', () => {
    const sample = "context.msg('savechanges').text(); msg(\"cancel\"); services.messages.msg('mainpage', lang); msg(`nstab-${ns}`); notmsg('x'); msg( 'spaced' )";
    expect(literalMessageKeys(sample)).toEqual(['savechanges', 'cancel', 'mainpage', 'spaced']);
  });

  test('every literal msg() key in engine/**/*.ts exists in an en.json', () => {
    const known = new Set<string>();
    for (const dir of dirs) if (fs.existsSync(path.join(dir, 'en.json'))) for (const key of Object.keys(readMessages(path.join(dir, 'en.json')))) known.add(key);
    const used = new Map<string, string>();
    for (const file of sourceFiles(path.join(ROOT, 'engine'))) {
      for (const key of literalMessageKeys(fs.readFileSync(file, 'utf8'))) if (!used.has(key)) used.set(key, path.relative(ROOT, file));
    }
    // The extractor must find the engine's many keys, or this test proves nothing.
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter(([key]) => !known.has(key)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  test('every message key named by error pages in engine/**/*.ts exists in an en.json', () => {
    const known = new Set<string>();
    for (const dir of dirs) if (fs.existsSync(path.join(dir, 'en.json'))) for (const key of Object.keys(readMessages(path.join(dir, 'en.json')))) known.add(key);
    const keys = new Set<string>();
    const re = /new (?:ErrorPageError|NotFoundError|BadTitleError)\(\s*'([^']+)'(?:\s*,\s*'([^']+)')?/g;
    for (const file of sourceFiles(path.join(ROOT, 'engine'))) {
      const source = fs.readFileSync(file, 'utf8');
      for (let m = re.exec(source); m; m = re.exec(source)) {
        keys.add(m[1]);
        if (m[2]) keys.add(m[2]);
      }
    }
    expect(keys.size).toBeGreaterThan(5);
    expect([...keys].filter((k) => !known.has(k))).toEqual([]);
  });
});
