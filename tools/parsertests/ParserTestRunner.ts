/**
 * Runs MediaWiki's parser tests against our renderer in MediaWiki's "legacy
 * parser" mode (ParserTestRunner::runLegacyTest): the expectation is the
 * `html/php` section (else `html/*`, else `html`), and a test is skipped only
 * when it does not apply to that mode — Parsoid-only tests, disabled tests,
 * language-variant tests, modes we have no equivalent of, and files whose
 * required hooks are missing. Every skip carries its reason.
 *
 * A runnable test is rendered with the runner's fake clock and revision id,
 * as `title=[[…]]` or "Parser test"; HTML is compared after HtmlNormalizer's
 * DOM normalisation, wikitext results (pst, section, replace) exactly, and a
 * `!! metadata` section exactly. Metadata options (cat, ill, showtitle,
 * showindicators, …) are formatted as MediaWiki's addParserOutputInfo does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { getSection, replaceSection } from '../../engine/edit/SectionEditor';
import type { ParserOutput, SectionInfo } from '../../engine/parser/ParserOutput';
import { sectionOutputFlags } from '../../engine/parser/sections/OutputFlags';
import { removeTableOfContents } from '../../engine/parser/sections/TableOfContents';
import type { Services } from '../../engine/services/Services';
import { renderDisplayTitle } from '../../engine/page/DisplayTitle';
import type { Title } from '../../engine/title/Title';
import type { TitleFactory } from '../../engine/title/TitleFactory';
import { formatNormalizedHtml, normalizeHtml } from './HtmlNormalizer';
import { ParserTestEnvironment, PARSER_TEST_CLOCK, PARSER_TEST_REVISION_ID } from './ParserTestEnvironment';
import { OptionValue, ParserTestCase, ParserTestFile, readParserTestFile } from './ParserTestFile';
import { sharedPath } from '../sharedFixtures';

export type ParserTestStatus = 'pass' | 'fail' | 'skip';

export interface ParserTestResult {
  file: string;
  name: string;
  status: ParserTestStatus;
  reason?: string;
  /** 1-based line of the test in its file. */
  line: number;
  /** For a failure: what was compared (HTML normalised, one block tag per line), for diffs. */
  expected?: string;
  actual?: string;
  /** How expected and actual were compared: HTML after normalisation, or text exactly. */
  comparison?: 'html' | 'exact';
  wikitext?: string;
}

export interface FileSummary {
  file: string;
  run: number;
  pass: number;
  skip: number;
  /** The file could not be read or its wiki not built; its tests are not counted. */
  error?: string;
  durationMs: number;
}

export interface SuiteResult {
  files: FileSummary[];
  tests: ParserTestResult[];
  total: { run: number; pass: number; skip: number };
  /** Every test name of each file read, in file order (filtered-out tests included). */
  testOrder: Map<string, string[]>;
  durationMs: number;
}

export interface SuiteOptions {
  /** Directory of *.txt test files. */
  dir?: string;
  /** Only these files (names with or without .txt). */
  files?: readonly string[];
  /** Only tests whose name matches. */
  filter?: RegExp;
  /** Called as each file finishes (progress output). */
  onFile?(summary: FileSummary): void;
}

/** The repository root (this file is tools/parsertests/ParserTestRunner.ts). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** MediaWiki's core parser test files, kept beside the repository. */
export const DEFAULT_PARSER_TEST_DIR = sharedPath('corpus', 'parser');

export const KNOWN_FAILURES_FILE = path.join(__dirname, 'known-failures.json');

/** Whoever runs the test: MediaWiki's command-line context user is anonymous, from 127.0.0.1 (pst.txt expects it in signatures). */
const TEST_USER = { id: 0, name: '127.0.0.1' };

const DEFAULT_TITLE = 'Parser test';

/** Metadata options addParserOutputInfo knows and ParserOutput has nothing for. */
const UNAVAILABLE_OUTPUT_OPTIONS: Record<string, string> = {
  special: 'special page links',
  extension: 'extension data',
};

const OUTPUT_OPTIONS = ['showtitle', 'showindicators', 'cat', 'extlinks', 'ill', 'iwl', 'links', 'special', 'templates', 'extension', 'property', 'showflags', 'showtocdata', 'showmedia'];

/** Modes of runLegacyTest other than parse/pst, and why we don't run them. */
const UNSUPPORTED_MODES: Record<string, string> = {
  msg: 'msg mode (Parser::transformMsg) is not implemented',
  comment: 'comment mode (CommentFormatter) is not a parser test of the renderer',
  preload: 'preload mode (Parser::getPreloadText) is not implemented',
};

export function listParserTestFiles(dir: string, only: readonly string[] = []): string[] {
  const wanted = new Set(only.map((name) => (name.endsWith('.txt') ? name : `${name}.txt`)));
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.txt') && (wanted.size === 0 || wanted.has(name)))
    .sort();
  for (const name of wanted) if (!files.includes(name)) throw new Error(`No parser test file ${name} in ${dir}`);
  return files.map((name) => path.join(dir, name));
}

export async function runParserTestSuite(options: SuiteOptions = {}): Promise<SuiteResult> {
  const started = Date.now();
  const dir = options.dir ?? DEFAULT_PARSER_TEST_DIR;
  if (!fs.existsSync(dir)) throw new Error(`Parser test directory not found: ${dir}`);
  const files: FileSummary[] = [];
  const tests: ParserTestResult[] = [];
  const testOrder = new Map<string, string[]>();
  for (const filePath of listParserTestFiles(dir, options.files)) {
    const fileStarted = Date.now();
    const name = path.basename(filePath);
    let summary: FileSummary;
    try {
      const file = readParserTestFile(filePath);
      testOrder.set(name, file.tests.map((test) => test.name));
      const results = await runParserTestFile(file, options.filter);
      tests.push(...results);
      summary = { file: name, ...countResults(results), durationMs: Date.now() - fileStarted };
    } catch (error) {
      summary = { file: name, run: 0, pass: 0, skip: 0, error: errorMessage(error), durationMs: Date.now() - fileStarted };
    }
    files.push(summary);
    options.onFile?.(summary);
  }
  const total = { run: 0, pass: 0, skip: 0 };
  for (const file of files) {
    total.run += file.run;
    total.pass += file.pass;
    total.skip += file.skip;
  }
  return { files, tests, total, testOrder, durationMs: Date.now() - started };
}

function countResults(results: readonly ParserTestResult[]): { run: number; pass: number; skip: number } {
  const pass = results.filter((r) => r.status === 'pass').length;
  const skip = results.filter((r) => r.status === 'skip').length;
  return { run: results.length - skip, pass, skip };
}

/** Runs one file's tests (those matching `filter`) in a wiki of its own. */
export async function runParserTestFile(file: ParserTestFile, filter?: RegExp): Promise<ParserTestResult[]> {
  const tests = file.tests.filter((test) => !filter || filter.test(test.name));
  const results: ParserTestResult[] = [];
  const fileSkip = fileSkipReason(file);
  const runnable: ParserTestCase[] = [];
  for (const test of tests) {
    const reason = fileSkip ?? testSkipReason(test);
    if (reason !== null) results.push({ file: file.fileName, name: test.name, status: 'skip', reason, line: test.line });
    else runnable.push(test);
  }
  if (runnable.length === 0) return results;

  const environment = await ParserTestEnvironment.create(file);
  try {
    const unmet = file.requirements.filter((requirement) => !environment.meetsRequirement(requirement));
    if (unmet.length > 0) {
      const reason = `required ${unmet.map((r) => `${r.type === 'hook' ? 'tag hook' : 'function hook'} '${r.name}'`).join(', ')} not available`;
      for (const test of runnable) results.push({ file: file.fileName, name: test.name, status: 'skip', reason, line: test.line });
    } else {
      for (const test of runnable) results.push(await runTest(environment, file, test));
    }
  } finally {
    await environment.close();
  }
  const order = new Map(file.tests.map((test, index) => [test.name, index]));
  return results.sort((a, b) => order.get(a.name)! - order.get(b.name)!);
}

/** ParserTestRunner::getFileSkipMessage for the legacy mode (the version check is an error there). */
function fileSkipReason(file: ParserTestFile): string | null {
  if (file.version < 2) return `file format version ${file.version} (MediaWiki runs only version 2 files)`;
  return null;
}

/**
 * ParserTestRunner::getTestSkipMessage for the legacy mode, plus the modes
 * and site features this engine has no equivalent of. A malformed test is
 * not skipped: it fails in runTest.
 */
export function testSkipReason(test: ParserTestCase): string | null {
  const options = test.options;
  if ('preprocessor' in options && options.preprocessor !== 'Preprocessor_Hash') return 'Unsupported preprocessor type';
  if (test.wikitext === null) return null;
  if ('disabled' in options) return 'Test disabled';
  if (test.legacyHtml === null && legacyMetadataSection(test) === null) {
    return isParsoidOnly(test) ? 'Parsoid-only test' : null;
  }
  if ('htmlvariantlanguage' in options || 'variant' in options || 'wgUsePigLatinVariant' in test.config) {
    return 'language variant conversion (LanguageConverter) is not implemented';
  }
  const mode = legacyMode(options);
  if (mode in UNSUPPORTED_MODES) return UNSUPPORTED_MODES[mode];
  if (mode === 'section' && !/^\d+$/.test(String(options.section))) return 'section mode with a template section id (T-n) is not implemented';
  return null;
}

/** Which of runLegacyTest's modes a test uses: the first of its if/elseif chain whose option is set. */
function legacyMode(options: Record<string, OptionValue>): string {
  return ['pst', 'msg', 'section', 'replace', 'comment', 'preload'].find((mode) => mode in options) ?? 'parse';
}

function legacyMetadataSection(test: ParserTestCase): string | null {
  return test.sections['metadata/php'] ?? test.sections['metadata/integrated'] ?? test.sections.metadata ?? null;
}

function isParsoidOnly(test: ParserTestCase): boolean {
  return Object.keys(test.sections).some((name) => name.startsWith('html/parsoid') || name.startsWith('metadata/parsoid') || name === 'wikitext/edited' || name.includes('+langconv'));
}

async function runTest(environment: ParserTestEnvironment, file: ParserTestFile, test: ParserTestCase): Promise<ParserTestResult> {
  const result: ParserTestResult = { file: file.fileName, name: test.name, status: 'fail', line: test.line, wikitext: test.wikitext ?? undefined };
  if (test.wikitext === null) return { ...result, reason: 'test lacks a wikitext section' };
  if (test.legacyHtml === null && legacyMetadataSection(test) === null) return { ...result, reason: 'test lacks an html or metadata section' };
  let unapplied: string[] = [];
  try {
    const configured = await environment.servicesFor(test);
    unapplied = configured.unapplied;
    const outcome = await runLegacyTest(configured.services, test, test.wikitext);
    if (outcome.passed) return { file: file.fileName, name: test.name, status: 'pass', line: test.line };
    const notes = [outcome.what];
    if (outcome.missingOutput.length > 0) notes.push(`output has no ${outcome.missingOutput.join(', ')}`);
    if (unapplied.length > 0) notes.push(`unapplied: ${unapplied.join(', ')}`);
    return { ...result, reason: notes.join('; '), expected: outcome.expected, actual: outcome.actual, comparison: outcome.comparison };
  } catch (error) {
    const notes = [`exception: ${errorMessage(error)}`];
    if (unapplied.length > 0) notes.push(`unapplied: ${unapplied.join(', ')}`);
    return { ...result, reason: notes.join('; '), actual: error instanceof Error && error.stack ? error.stack : undefined };
  }
}

interface LegacyOutcome {
  passed: boolean;
  /** What differed: "HTML differs", "wikitext differs", "metadata differs". */
  what: string;
  expected: string;
  actual: string;
  comparison: 'html' | 'exact';
  /** Metadata the test asked for that ParserOutput does not expose. */
  missingOutput: string[];
}

/** ParserTestRunner::runLegacyTest for the modes we have: parse, pst, section, replace. */
async function runLegacyTest(services: Services, test: ParserTestCase, wikitext: string): Promise<LegacyOutcome> {
  const options = test.options;
  const title = testTitle(services, options.title);
  const expectedMetadata = legacyMetadataSection(test);
  const requestedOutput = OUTPUT_OPTIONS.filter((name) => name in options);

  let text: string;
  let output: ParserOutput | null = null;
  let isHtml = false;
  const mode = legacyMode(options);
  if (mode === 'pst') {
    text = await services.renderer.preSaveTransform(wikitext, { title, user: TEST_USER, now: PARSER_TEST_CLOCK });
  } else if (mode === 'section') {
    text = getSection(wikitext, Number(options.section)) ?? '';
  } else if (mode === 'replace') {
    const [section, replacement] = Array.isArray(options.replace) ? options.replace : [options.replace, ''];
    text = replaceSection(wikitext, Number(section), String(replacement ?? '')) ?? wikitext;
  } else {
    output = await services.renderer.render(wikitext, { title, now: PARSER_TEST_CLOCK, revisionId: PARSER_TEST_REVISION_ID });
    // The `notoc` option is the output pipeline's allowTOC off: the TOC is not put in (its data stays).
    const html = 'notoc' in options ? removeTableOfContents(output.html) : output.html;
    text = 'nohtml' in options ? '' : html.replace(/\s+$/, '');
    isHtml = true;
  }

  // Pre-save transform has a ParserOutput in MediaWiki (signatures set a flag); ours returns only text.
  const info = output ? outputInfo(output, options, title, services) : { before: [], after: [], missing: mode === 'pst' ? requestedOutput.map((name) => `pre-save transform metadata (${name})`) : [] };
  let actualMetadata: string | null = null;
  if (expectedMetadata === null) {
    // The legacy combined format: metadata lines around the output.
    if (info.before.length > 0) text = `${info.before.join('\n')}\n${text}`;
    if (info.after.length > 0) text = `${text && !text.endsWith('\n') ? `${text}\n` : text}${info.after.join('\n')}`;
  } else {
    actualMetadata = [...info.before, ...info.after].join('\n');
  }

  const expected = test.legacyHtml ?? '';
  const unwrapParserOutput = !('wrap' in options);
  const missingOutput = info.missing;
  if (isHtml) {
    if (normalizeHtml(expected, { unwrapParserOutput }) !== normalizeHtml(text, { unwrapParserOutput })) {
      return {
        passed: false,
        what: 'HTML differs',
        expected: formatNormalizedHtml(expected, { unwrapParserOutput }),
        actual: formatNormalizedHtml(text, { unwrapParserOutput }),
        comparison: 'html',
        missingOutput,
      };
    }
  } else if (expected !== text) {
    return { passed: false, what: 'wikitext differs', expected, actual: text, comparison: 'exact', missingOutput };
  }
  if (expectedMetadata !== null && expectedMetadata !== actualMetadata) {
    return { passed: false, what: 'metadata differs', expected: expectedMetadata, actual: actualMetadata ?? '', comparison: 'exact', missingOutput };
  }
  return { passed: true, what: '', expected: '', actual: '', comparison: 'exact', missingOutput };
}

/** The `title=[[…]]` option, else "Parser test" (a list of titles also means the default). */
function testTitle(services: Services, option: OptionValue | undefined): Title {
  const text = typeof option === 'string' ? option : DEFAULT_TITLE;
  return services.titleFactory.newFromTextThrow(text);
}

/** ParserTestRunner::addParserOutputInfo: lines shown before and after the HTML. */
function outputInfo(output: ParserOutput, options: Record<string, OptionValue>, title: Title, services: Services): { before: string[]; after: string[]; missing: string[] } {
  const titles: TitleFactory = services.titleFactory;
  const before: string[] = [];
  const after: string[] = [];
  const missing: string[] = [];
  // MediaWiki prints ParserOutput::getTitleText(): the DISPLAYTITLE after $wgRestrictDisplayTitle, as HTML.
  if ('showtitle' in options) before.push(renderDisplayTitle(title, output.displayTitle, titles).html);
  if ('showindicators' in options) for (const [id, content] of Object.entries(output.indicators)) before.push(`${id}=${content}`);
  if ('cat' in options) {
    // Unlike the other link lists, categories show their sort key.
    const defaultSort = output.properties.defaultsort ?? output.defaultSort ?? '';
    for (const category of output.categories) after.push(`cat=${category.name} sort=${category.sortKey || defaultSort}`);
  }
  if ('extlinks' in options) for (const url of output.externalLinks) after.push(`extlink=${url}`);
  if ('ill' in options) for (const link of output.languageLinks) after.push(`ill=${link}`);
  if ('iwl' in options) for (const link of output.interwikiLinks) after.push(`iwl=${link}`);
  if ('links' in options) for (const link of output.links) after.push(`link=${link.replace(/ /g, '_')}`);
  if ('templates' in options) for (const template of output.templates) after.push(`template=${template.replace(/ /g, '_')}`);
  if ('property' in options) {
    const names = Array.isArray(options.property) ? options.property : [options.property];
    for (const name of names) after.push(`property[${String(name)}]=${output.properties[String(name)] ?? ''}`);
  }
  if ('showflags' in options) after.push(`flags=${outputFlags(output, title, services).join(', ')}`);
  if ('showtocdata' in options) after.push(prettyPrintTocData(output.sections));
  if ('showmedia' in options) after.push(`images=${output.images.join(', ')}`);
  for (const [option, description] of Object.entries(UNAVAILABLE_OUTPUT_OPTIONS)) if (option in options) missing.push(`${description} (${option})`);
  return { before, after, missing };
}

/**
 * ParserOutput::getOutputFlag for every ParserOutputFlags case, sorted: those
 * the headings and behaviour switches set (from the output's properties and
 * sections), with any the render recorded itself.
 */
function outputFlags(output: ParserOutput, title: Title, services: Services): string[] {
  const derived = sectionOutputFlags({
    properties: output.properties,
    sections: output.sections,
    // Title::canUseNoindex: $wgExemptFromUserRobotsControl defaults to the content namespaces.
    canUseNoindex: !services.settings.contentNamespaces.includes(title.getNamespace()),
  });
  return [...new Set([...derived, ...(output.outputFlags ?? [])])].sort();
}

/**
 * TOCData::prettyPrint (Parsoid), as ParserTestRunner prints it: "Sections:"
 * and a line per section (SectionMetadata::prettyPrint), indented by its TOC
 * level; the title is the page's prefixed DB key.
 */
export function prettyPrintTocData(sections: readonly SectionInfo[]): string {
  const lines = ['Sections:'];
  for (const section of sections) {
    let line = `${' '.repeat(section.tocLevel)}h${section.level} index:${section.index} toclevel:${section.tocLevel} number:${section.number}`;
    const fromTitle = section.fromTitle === null || section.fromTitle === undefined ? 'NULL' : section.fromTitle.replace(/ /g, '_');
    const offset = section.codepointOffset === null || section.codepointOffset === undefined ? 'NULL' : String(section.codepointOffset);
    line += ` title:${fromTitle} off:${offset}`;
    const linkAnchor = section.linkAnchor ?? section.anchor;
    line += section.anchor === linkAnchor ? ` anchor/linkAnchor:${section.anchor}` : ` anchor:${section.anchor} linkAnchor:${linkAnchor}`;
    line += ` line:${section.line.includes('\n') ? phpJsonString(section.line) : section.line}`;
    lines.push(line);
  }
  return lines.join('\n');
}

/** PHP's json_encode of a string with the default flags: slashes and non-ASCII escaped. */
export function phpJsonString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '/') out += '\\/';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (code < 0x20 || code > 0x7f) {
      for (const unit of code > 0xffff ? [ch.charCodeAt(0), ch.charCodeAt(1)] : [code]) out += `\\u${unit.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return `${out}"`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `{"<file>": ["test name", …]}`: the failures we know about and accept for now. */
export type KnownFailures = Record<string, string[]>;

export function readKnownFailures(file = KNOWN_FAILURES_FILE): KnownFailures {
  if (!fs.existsSync(file)) return {};
  return JSON.parse(fs.readFileSync(file, 'utf8')) as KnownFailures;
}

export interface KnownFailureComparison {
  /** Failing, and not in the known failures. */
  regressions: ParserTestResult[];
  /** Listed as known failures, and now passing. */
  newlyPassing: ParserTestResult[];
}

export function compareWithKnownFailures(tests: readonly ParserTestResult[], known: KnownFailures): KnownFailureComparison {
  const isKnown = (test: ParserTestResult) => known[test.file]?.includes(test.name) ?? false;
  return {
    regressions: tests.filter((test) => test.status === 'fail' && !isKnown(test)),
    newlyPassing: tests.filter((test) => test.status === 'pass' && isKnown(test)),
  };
}

/**
 * The known failures after this run: for the tests that ran, the current
 * failures; entries for tests this run did not execute (other files, or tests
 * outside --filter) are kept. Names are in file order.
 */
export function updatedKnownFailures(previous: KnownFailures, suite: Pick<SuiteResult, 'tests' | 'testOrder'>): KnownFailures {
  const ranByFile = new Map<string, ParserTestResult[]>();
  for (const test of suite.tests) {
    if (!ranByFile.has(test.file)) ranByFile.set(test.file, []);
    ranByFile.get(test.file)!.push(test);
  }
  const next: KnownFailures = {};
  for (const file of [...new Set([...Object.keys(previous), ...ranByFile.keys()])].sort()) {
    const ran = ranByFile.get(file) ?? [];
    const ranNames = new Set(ran.map((test) => test.name));
    const failing = ran.filter((test) => test.status === 'fail').map((test) => test.name);
    const kept = (previous[file] ?? []).filter((name) => !ranNames.has(name));
    const order = new Map((suite.testOrder.get(file) ?? []).map((name, index) => [name, index]));
    // Names no longer in the file (renamed tests) were not run: they are dropped only when the file was read.
    const names = [...kept.filter((name) => !suite.testOrder.has(file) || order.has(name)), ...failing];
    names.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    if (names.length > 0) next[file] = names;
  }
  return next;
}
