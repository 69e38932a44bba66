/**
 * `npm run parsertests [-- options] [file …]`: runs MediaWiki's parser tests
 * against our renderer and prints, per file, how many ran, passed and were
 * skipped, why tests were skipped, and (on request) a diff for each failure.
 * The exit code is 0 whatever the results; only a crash of the runner itself
 * exits non-zero (the jest suite is the gate).
 */
import fs from 'node:fs';
import path from 'node:path';
import { diffWordsWithSpace, structuredPatch } from 'diff';
import {
  compareWithKnownFailures,
  DEFAULT_PARSER_TEST_DIR,
  KNOWN_FAILURES_FILE,
  ParserTestResult,
  readKnownFailures,
  REPO_ROOT,
  runParserTestSuite,
  SuiteResult,
  updatedKnownFailures,
} from './ParserTestRunner';

const USAGE = `Usage: npm run parsertests -- [options] [file.txt …]

Runs MediaWiki's parser tests (legacy parser mode) against our renderer.

  file.txt …               only these files (the .txt may be left out)
  --dir DIR                test files directory (default ${path.relative(REPO_ROOT, DEFAULT_PARSER_TEST_DIR)})
  --filter REGEX           only tests whose name matches
  --json FILE              write {files, total, tests} as JSON
  --show-failures          print a diff of normalised expected vs actual for each failure
  --new-only               with --show-failures: only failures not in known-failures.json
  --verbose, -v            --show-failures plus the wikitext of each failure and every skip
  --update-known-failures  rewrite ${path.relative(REPO_ROOT, KNOWN_FAILURES_FILE)} from this run
  --help                   this text`;

interface CliOptions {
  dir: string;
  files: string[];
  filter?: RegExp;
  json?: string;
  showFailures: boolean;
  newOnly: boolean;
  verbose: boolean;
  updateKnownFailures: boolean;
}

function parseArguments(argv: readonly string[]): CliOptions | null {
  const options: CliOptions = { dir: DEFAULT_PARSER_TEST_DIR, files: [], showFailures: false, newOnly: false, verbose: false, updateKnownFailures: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    switch (arg) {
      case '--help':
      case '-h':
        return null;
      case '--dir':
        options.dir = path.resolve(value());
        break;
      case '--filter':
        options.filter = new RegExp(value());
        break;
      case '--json':
        options.json = path.resolve(value());
        break;
      case '--show-failures':
        options.showFailures = true;
        break;
      case '--new-only':
        options.newOnly = true;
        break;
      case '--verbose':
      case '-v':
        options.verbose = true;
        options.showFailures = true;
        break;
      case '--update-known-failures':
        options.updateKnownFailures = true;
        break;
      default:
        if (arg.startsWith('-')) throw new Error(`Unknown option ${arg}\n\n${USAGE}`);
        options.files.push(arg);
    }
  }
  return options;
}

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string) => (text: string) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : text);
const red = paint('31');
const green = paint('32');
const yellow = paint('33');
const cyan = paint('36');
const dim = paint('2');
const bold = paint('1');
const inverseRed = paint('7;31');
const inverseGreen = paint('7;32');

function percent(pass: number, run: number): string {
  return run === 0 ? '-' : `${((100 * pass) / run).toFixed(1)}%`;
}

function printTable(suite: SuiteResult): void {
  const rows = suite.files.map((f) => [f.file, String(f.run), String(f.pass), percent(f.pass, f.run), String(f.skip), f.error ? `ERROR: ${f.error}` : '']);
  const { run, pass, skip } = suite.total;
  const header = ['file', 'run', 'pass', '%', 'skip', ''];
  const footer = ['total', String(run), String(pass), percent(pass, run), String(skip), ''];
  const widths = header.map((_, column) => Math.max(...[header, ...rows, footer].map((row) => row[column].length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column === 0 || column === row.length - 1 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ').trimEnd();
  console.log(bold(line(header)));
  console.log(rule);
  for (const row of rows) console.log(row[5] ? red(line(row)) : line(row));
  console.log(rule);
  console.log(bold(line(footer)));
}

function printSkipReasons(tests: readonly ParserTestResult[]): void {
  const counts = new Map<string, number>();
  for (const test of tests) if (test.status === 'skip') counts.set(test.reason ?? '?', (counts.get(test.reason ?? '?') ?? 0) + 1);
  if (counts.size === 0) return;
  console.log(`\n${bold('Skipped')}`);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const width = Math.max(...sorted.map(([, count]) => String(count).length));
  for (const [reason, count] of sorted) console.log(`  ${String(count).padStart(width)}  ${reason}`);
}

/** The most frequent failure reasons (without the per-test details after the first ';'). */
function printFailureReasons(tests: readonly ParserTestResult[]): void {
  const counts = new Map<string, number>();
  for (const test of tests) {
    if (test.status !== 'fail') continue;
    const reason = (test.reason ?? '?').split(';')[0].replace(/^exception: .*/, 'exception');
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  if (counts.size === 0) return;
  console.log(`\n${bold('Failed')}`);
  for (const [reason, count] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${count}  ${reason}`);
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');
}

function printFailure(test: ParserTestResult, isNew: boolean, verbose: boolean): void {
  const tag = isNew ? red('NEW FAILURE') : yellow('known failure');
  console.log(`\n${cyan(`── ${test.file}:${test.line}`)} ${bold(test.name)}  [${tag}]`);
  console.log(`   ${test.reason ?? ''}`);
  if (verbose && test.wikitext !== undefined) {
    console.log(dim('   wikitext:'));
    console.log(indent(test.wikitext, dim('   │ ')));
  }
  if (test.expected === undefined) {
    if (test.actual) console.log(indent(test.actual, '   '));
    return;
  }
  const patch = structuredPatch('expected', 'actual', `${test.expected}\n`, `${test.actual ?? ''}\n`, '', '', { context: 3 });
  const how = test.comparison === 'html' ? ' (normalised)' : '';
  console.log(`   ${red(`- expected${how}`)}  ${green(`+ actual${how}`)}`);
  for (const hunk of patch.hunks) {
    console.log(dim(`   @@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`));
    const lines = hunk.lines.filter((line) => !line.startsWith('\\'));
    for (let i = 0; i < lines.length; ) {
      if (!lines[i].startsWith('-')) {
        console.log(`   ${lines[i].startsWith('+') ? green(lines[i]) : dim(lines[i])}`);
        i++;
        continue;
      }
      let removedEnd = i;
      while (removedEnd < lines.length && lines[removedEnd].startsWith('-')) removedEnd++;
      let addedEnd = removedEnd;
      while (addedEnd < lines.length && lines[addedEnd].startsWith('+')) addedEnd++;
      const removed = lines.slice(i, removedEnd).map((line) => line.slice(1));
      const added = lines.slice(removedEnd, addedEnd).map((line) => line.slice(1));
      const [shownRemoved, shownAdded] = removed.length === added.length ? highlightChanges(removed, added) : [removed.map(red), added.map(green)];
      for (const line of shownRemoved) console.log(`   ${red('-')}${line}`);
      for (const line of shownAdded) console.log(`   ${green('+')}${line}`);
      i = addedEnd;
    }
  }
}

/** Pairs of changed lines with the changed words marked (in colour only; plain output has the whole lines). */
function highlightChanges(removed: string[], added: string[]): [string[], string[]] {
  if (!useColor) return [removed, added];
  const shownRemoved: string[] = [];
  const shownAdded: string[] = [];
  removed.forEach((oldLine, index) => {
    let before = '';
    let after = '';
    for (const part of diffWordsWithSpace(oldLine, added[index])) {
      if (part.removed) before += inverseRed(part.value);
      else if (part.added) after += inverseGreen(part.value);
      else {
        before += red(part.value);
        after += green(part.value);
      }
    }
    shownRemoved.push(before);
    shownAdded.push(after);
  });
  return [shownRemoved, shownAdded];
}

function writeJson(file: string, suite: SuiteResult): void {
  const files: Record<string, { run: number; pass: number; skip: number }> = {};
  for (const f of suite.files) files[f.file] = { run: f.run, pass: f.pass, skip: f.skip };
  const tests = suite.tests.map((t) => ({ file: t.file, name: t.name, status: t.status, reason: t.reason ?? null }));
  fs.writeFileSync(file, `${JSON.stringify({ files, total: suite.total, tests }, null, 2)}\n`);
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  if (!options) {
    console.log(USAGE);
    return;
  }
  const suite = await runParserTestSuite({
    dir: options.dir,
    files: options.files,
    filter: options.filter,
    onFile: (summary) => {
      if (process.stderr.isTTY) process.stderr.write(dim(`  ${summary.file}: ${summary.pass}/${summary.run} (${summary.durationMs} ms)\n`));
    },
  });
  const known = readKnownFailures();
  const { regressions, newlyPassing } = compareWithKnownFailures(suite.tests, known);

  if (options.showFailures) {
    const regressionSet = new Set(regressions);
    for (const test of suite.tests) {
      if (test.status !== 'fail') continue;
      const isNew = regressionSet.has(test);
      if (options.newOnly && !isNew) continue;
      printFailure(test, isNew, options.verbose);
    }
    console.log('');
  }
  if (options.verbose) {
    for (const test of suite.tests) if (test.status === 'skip') console.log(dim(`skip  ${test.file}:${test.line} ${test.name} — ${test.reason}`));
    console.log('');
  }

  printTable(suite);
  printSkipReasons(suite.tests);
  printFailureReasons(suite.tests);
  console.log(`\n${suite.tests.length} tests in ${(suite.durationMs / 1000).toFixed(1)} s`);
  if (regressions.length > 0) {
    console.log(red(`\n${regressions.length} failing test(s) not in known-failures.json:`));
    for (const test of regressions.slice(0, 50)) console.log(red(`  ${test.file}: ${test.name}`));
    if (regressions.length > 50) console.log(red(`  … and ${regressions.length - 50} more`));
  }
  if (newlyPassing.length > 0) {
    console.log(green(`\n${newlyPassing.length} known failure(s) now pass (run with --update-known-failures to shrink the list):`));
    for (const test of newlyPassing.slice(0, 50)) console.log(green(`  ${test.file}: ${test.name}`));
    if (newlyPassing.length > 50) console.log(green(`  … and ${newlyPassing.length - 50} more`));
  }

  if (options.json) {
    writeJson(options.json, suite);
    console.log(`\nWrote ${options.json}`);
  }
  if (options.updateKnownFailures) {
    const next = updatedKnownFailures(known, suite);
    fs.writeFileSync(KNOWN_FAILURES_FILE, `${JSON.stringify(next, null, 2)}\n`);
    const count = Object.values(next).reduce((sum, names) => sum + names.length, 0);
    console.log(`\nWrote ${path.relative(REPO_ROOT, KNOWN_FAILURES_FILE)} (${count} known failures)`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
