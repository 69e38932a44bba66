/**
 * Reader of MediaWiki's parser test files (tests/parser/*.txt), following the
 * grammar MediaWiki and Parsoid share (Parsoid's ParserTests/Grammar.pegphp,
 * read by TestFileReader and Test):
 *
 *   [comments]  [!! version N]  [!! options … !! end]      file level
 *   !! article / title / !! text / … / !! endarticle        a page to create
 *   !! hooks / names / !! endhooks                          required tag hooks
 *   !! functionhooks / names / !! endfunctionhooks          required parser functions
 *   !! test / name / !! <section> / text … / !! end         a test
 *
 * Inside a test, `!! options` holds `key`, `key=value`, `key=a,b`,
 * `key="quoted"`, `key=[[link target]]` and `key={json}` items (keys are
 * lower-cased), `!! config` holds `wgName=<json>` lines, and every other
 * `!! name` starts a free-text section (wikitext, html/php, html/parsoid,
 * metadata …). A section's text is its lines joined with "\n", without the
 * final newline.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Option values as the grammar yields them: plain or quoted strings, lists, and decoded JSON. */
export type OptionValue = string | number | boolean | null | OptionValue[] | { [key: string]: OptionValue };

export type OptionMap = Record<string, OptionValue>;

export interface ParserTestArticle {
  title: string;
  text: string;
  /** 1-based line of `!! article`. */
  line: number;
}

export interface ParserTestRequirement {
  type: 'hook' | 'functionHook';
  name: string;
}

export interface ParserTestCase {
  name: string;
  /** 1-based line of `!! test`. */
  line: number;
  /** The `#` comment lines right before the test, if any. */
  comment: string | null;
  /** Keys lower-cased, as MediaWiki reads them. */
  options: OptionMap;
  /** `!! config` variables, names as written (wgFoo). */
  config: Record<string, unknown>;
  /** Every free-text section by name: wikitext, html/php, html/parsoid, metadata … */
  sections: Record<string, string>;
  /** `wikitext` (or the deprecated `input`). */
  wikitext: string | null;
  /** The legacy parser's expectation: html/php, else html/*, else html (then deprecated spellings). */
  legacyHtml: string | null;
  /** Parsoid's expectation: html/parsoid, else html/*, else html (then deprecated spellings). */
  parsoidHtml: string | null;
}

export interface ParserTestFile {
  /** Base name, e.g. parserTests.txt. */
  fileName: string;
  /** File-level `!! options`, keys lower-cased (parsoid-compatible, version …). */
  options: OptionMap;
  /** From `!! version` or the `version` file option; MediaWiki runs only version 2 files. */
  version: number;
  /** From `!! hooks`/`!! functionhooks` blocks and the `requirements` file option. */
  requirements: ParserTestRequirement[];
  /** In file order: MediaWiki creates them in this order before running the tests. */
  articles: ParserTestArticle[];
  tests: ParserTestCase[];
}

export class ParserTestFileError extends Error {
  constructor(fileName: string, line: number, message: string) {
    super(`${message} on line ${line} of ${fileName}`);
  }
}

// Section names, in the priority order MediaWiki's Test class picks them.
const WIKITEXT_KEYS = ['wikitext', 'input'];
const LEGACY_HTML_KEYS = ['html/php', 'html/*', 'html', 'result', 'html/php+tidy', 'html/*+tidy', 'html+tidy'];
const PARSOID_HTML_KEYS = ['html/parsoid', 'html/*', 'html', 'result', 'html/*+tidy', 'html+tidy'];

/** A directive line: `!!`, optional blanks, then the keyword and what follows it on the line. */
const DIRECTIVE = /^!![ \t]*(\S*)(.*)$/;

export function readParserTestFile(filePath: string): ParserTestFile {
  return parseParserTestFile(fs.readFileSync(filePath, 'utf8'), path.basename(filePath));
}

export function parseParserTestFile(source: string, fileName: string): ParserTestFile {
  return new TestFileParser(source, fileName).parse();
}

class TestFileParser {
  private readonly lines: string[];
  private position = 0;
  private readonly file: ParserTestFile;

  constructor(
    source: string,
    private readonly fileName: string,
  ) {
    // The grammar needs every line terminated; a missing final newline must not
    // produce a phantom empty line either.
    this.lines = source.split('\n');
    if (source.endsWith('\n')) this.lines.pop();
    this.file = { fileName, options: {}, version: 1, requirements: [], articles: [], tests: [] };
  }

  parse(): ParserTestFile {
    let versionFromHeader: number | null = null;
    let pendingComment = '';
    this.skipBlankAndComments();
    const headerVersion = this.matchDirective(/^version$/i);
    if (headerVersion) {
      const match = /^[ \t]+(\d+)/.exec(headerVersion.rest);
      if (!match) this.fail('Malformed !! version line');
      versionFromHeader = Number(match[1]);
      this.position++;
      this.skipBlankAndComments();
    }
    if (this.matchDirective(/^options$/)) {
      const sectionLine = ++this.position;
      this.file.options = parseOptions(this.takeTextLines(), (message) => this.fail(message, sectionLine));
      if (!this.matchDirective(/^end$/)) this.fail('File options without !! end');
      this.position++;
    }
    if (versionFromHeader !== null) {
      if ('version' in this.file.options) this.fail('Duplicate version specification');
      this.file.version = versionFromHeader;
    } else if (this.file.options.version !== undefined) {
      this.file.version = Number(this.file.options.version);
    }
    this.collectRequirementOption();

    const testNames = new Set<string>();
    const articleTitles = new Set<string>();
    while (this.position < this.lines.length) {
      const line = this.lines[this.position];
      if (line.startsWith('#')) {
        pendingComment += `${line.slice(1)}\n`;
        this.position++;
        continue;
      }
      if (/^[ \t]*$/.test(line)) {
        this.position++;
        continue;
      }
      const directive = this.matchDirective(/.*/);
      if (!directive) this.fail(`Invalid line: ${line}`);
      switch (directive.keyword) {
        case 'article': {
          const article = this.readArticle();
          if (articleTitles.has(article.title)) this.fail(`Duplicate article: ${article.title}`, article.line);
          articleTitles.add(article.title);
          this.file.articles.push(article);
          break;
        }
        case 'test': {
          for (const test of expandVariantLanguages(this.readTest(pendingComment || null))) {
            if (testNames.has(test.name)) this.fail(`Duplicate test name: ${test.name}`, test.line);
            testNames.add(test.name);
            this.file.tests.push(test);
          }
          break;
        }
        case 'hooks':
        case 'hooks:':
          this.readRequirementBlock('hook', /^(endhooks|end)$/);
          break;
        case 'functionhooks':
        case 'functionhooks:':
          this.readRequirementBlock('functionHook', /^(endfunctionhooks:?|end)$/);
          break;
        default:
          this.fail(`Invalid line: ${line}`);
      }
      pendingComment = '';
    }
    return this.file;
  }

  private readArticle(): ParserTestArticle {
    const line = this.position + 1;
    this.position++;
    const titleLine = this.lines[this.position];
    if (titleLine === undefined || titleLine.startsWith('!!')) this.fail('Article without a title', line);
    this.position++;
    if (!this.matchDirective(/^text$/)) this.fail('Article without !! text', line);
    this.position++;
    const text = this.takeTextLines();
    if (!this.matchDirective(/^(endarticle|end)$/)) this.fail('Article without !! endarticle', line);
    this.position++;
    // MediaWiki's addArticle() chomps one trailing newline off both.
    return { title: chomp(titleLine), text: chomp(text), line };
  }

  private readTest(comment: string | null): ParserTestCase {
    const line = this.position + 1;
    this.position++;
    const name = this.takeTextLines();
    const test: ParserTestCase = { name, line, comment, options: {}, config: {}, sections: {}, wikitext: null, legacyHtml: null, parsoidHtml: null };
    // A repeated section replaces the earlier one, as in the grammar's result array.
    for (;;) {
      const directive = this.matchDirective(/.*/);
      if (!directive) this.fail(`Unterminated test "${name}"`, line);
      const keyword = directive.keyword;
      if (/^end/.test(keyword) || /^test/.test(keyword)) {
        if (keyword !== 'end') this.fail(`Unexpected !! ${keyword} in test "${name}"`);
        this.position++;
        break;
      }
      const sectionLine = ++this.position;
      if (keyword === 'options') {
        test.options = parseOptions(this.takeTextLines(), (message) => this.fail(message, sectionLine));
        normalizeParsoidOption(test.options);
      } else if (keyword === 'config') {
        test.config = parseConfig(this.takeTextLines(), (message) => this.fail(message, sectionLine));
      } else {
        test.sections[keyword] = this.takeTextLines();
      }
    }
    test.wikitext = firstSection(test.sections, WIKITEXT_KEYS);
    test.legacyHtml = firstSection(test.sections, LEGACY_HTML_KEYS);
    test.parsoidHtml = firstSection(test.sections, PARSOID_HTML_KEYS);
    return test;
  }

  private readRequirementBlock(type: ParserTestRequirement['type'], end: RegExp): void {
    this.position++;
    const text = this.takeTextLines();
    if (!this.matchDirective(end)) this.fail(`Unterminated ${type === 'hook' ? 'hooks' : 'functionhooks'} block`);
    this.position++;
    for (const name of text.split('\n')) this.file.requirements.push({ type, name: name.trim() });
  }

  /** MediaWiki also accepts requirements as a file option: a name or a list of names (tag hooks). */
  private collectRequirementOption(): void {
    const declared = this.file.options.requirements;
    if (declared === undefined) return;
    for (const item of Array.isArray(declared) ? declared : [declared]) {
      if (typeof item === 'string') this.file.requirements.push({ type: 'hook', name: item });
      else if (item && typeof item === 'object' && !Array.isArray(item) && typeof item.name === 'string') {
        this.file.requirements.push({ type: item.type === 'functionHook' ? 'functionHook' : 'hook', name: item.name });
      }
    }
  }

  /** Lines up to the next directive, joined with "\n" (the grammar's `text`). */
  private takeTextLines(): string {
    const start = this.position;
    while (this.position < this.lines.length && !this.lines[this.position].startsWith('!!')) this.position++;
    return this.lines.slice(start, this.position).join('\n');
  }

  private skipBlankAndComments(): void {
    while (this.position < this.lines.length && (this.lines[this.position].startsWith('#') || /^[ \t]*$/.test(this.lines[this.position]))) this.position++;
  }

  private matchDirective(keyword: RegExp): { keyword: string; rest: string } | null {
    const line = this.lines[this.position];
    if (line === undefined) return null;
    const match = DIRECTIVE.exec(line);
    if (!match || !keyword.test(match[1])) return null;
    return { keyword: match[1], rest: match[2] };
  }

  private fail(message: string, line = this.position + 1): never {
    throw new ParserTestFileError(this.fileName, line, message);
  }
}

function chomp(text: string): string {
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

function firstSection(sections: Record<string, string>, keys: readonly string[]): string | null {
  for (const key of keys) if (key in sections) return sections[key];
  return null;
}

/**
 * `htmlVariantLanguage=[a,b]` asks for the test once per variant; MediaWiki's
 * reader clones it with the name suffixed " (variant=a)".
 */
function expandVariantLanguages(test: ParserTestCase): ParserTestCase[] {
  const variants = test.options.htmlvariantlanguage;
  if (!Array.isArray(variants)) return [test];
  return variants.map((variant) => ({
    ...test,
    name: `${test.name} (variant=${String(variant)})`,
    options: { ...test.options, htmlvariantlanguage: variant },
  }));
}

/**
 * `parsoid`, `parsoid=wt2html` and `parsoid=wt2html,wt2wt` are shorthand for
 * `parsoid={"modes":[…]}` (the grammar's own post-processing).
 */
function normalizeParsoidOption(options: OptionMap): void {
  let value = options.parsoid;
  if (value === undefined) return;
  if (value === '') value = [];
  if (typeof value === 'string') value = [value];
  if (Array.isArray(value)) value = value.length > 0 ? { modes: value } : {};
  options.parsoid = value;
}

/** Characters that end a plain (unquoted) option value. */
const PLAIN_VALUE = /^[^ \t\n"'[\]=,!{]+/;
const OPTION_NAME = /^[^ \t\n=!]+/;

/** Reads an `!! options` body: items separated by blanks or newlines. */
export function parseOptions(text: string, fail: (message: string) => never = defaultFail): OptionMap {
  const scanner = new Scanner(text, fail);
  const options: OptionMap = {};
  for (;;) {
    scanner.skip(/^[ \t\n]+/);
    if (scanner.done()) break;
    const name = scanner.take(OPTION_NAME) ?? fail(`Bad option syntax near "${scanner.peekLine()}"`);
    const key = name.toLowerCase();
    const checkpoint = scanner.offset;
    scanner.skip(/^[ \t]+/);
    if (scanner.take(/^=/) === null) {
      scanner.offset = checkpoint;
      options[key] = '';
      continue;
    }
    scanner.skip(/^[ \t]+/);
    const values: OptionValue[] = [readOptionValue(scanner)];
    for (;;) {
      const beforeComma = scanner.offset;
      scanner.skip(/^[ \t]+/);
      if (scanner.take(/^,/) === null) {
        scanner.offset = beforeComma;
        break;
      }
      scanner.skip(/^[ \t]+/);
      values.push(readOptionValue(scanner));
    }
    options[key] = values.length === 1 ? values[0] : values;
  }
  return options;
}

function readOptionValue(scanner: Scanner): OptionValue {
  const char = scanner.peek();
  if (scanner.startsWith('[[')) {
    const target = scanner.take(/^\[\[([^\]\n]*)\]\]/);
    if (target === null) scanner.fail('Unterminated [[link]] option value');
    return target.slice(2, -2);
  }
  if (char === '"') return decodeJson(scanner.readQuoted(), scanner);
  if (char === '{') return decodeJson(scanner.readBalanced('{', '}'), scanner) as OptionValue;
  const plain = scanner.take(PLAIN_VALUE);
  if (plain === null) scanner.fail(`Bad option value near "${scanner.peekLine()}"`);
  return plain;
}

/** Reads a `!! config` body: `name=<JSON value>` lines (arrays and objects may span lines). */
export function parseConfig(text: string, fail: (message: string) => never = defaultFail): Record<string, unknown> {
  const scanner = new Scanner(text, fail);
  const config: Record<string, unknown> = {};
  for (;;) {
    scanner.skip(/^[ \t\n]+/);
    if (scanner.done()) break;
    const name = scanner.take(OPTION_NAME) ?? fail(`Bad config line "${scanner.peekLine()}"`);
    scanner.skip(/^[ \t]+/);
    if (scanner.take(/^=/) === null) fail(`Config line without a value: "${name}"`);
    scanner.skip(/^[ \t]+/);
    const char = scanner.peek();
    let json: string;
    if (char === '"') json = scanner.readQuoted();
    else if (char === '[') json = scanner.readBalanced('[', ']');
    else if (char === '{') json = scanner.readBalanced('{', '}');
    else json = scanner.take(PLAIN_VALUE) ?? fail(`Bad config value for ${name}`);
    config[name] = decodeJson(json, scanner);
  }
  return config;
}

function decodeJson(json: string, scanner: Scanner): OptionValue {
  try {
    return JSON.parse(json) as OptionValue;
  } catch {
    return scanner.fail(`Invalid JSON value ${json}`);
  }
}

function defaultFail(message: string): never {
  throw new Error(message);
}

/** A cursor over an options or config body. */
class Scanner {
  offset = 0;

  constructor(
    private readonly text: string,
    private readonly onError: (message: string) => never,
  ) {}

  done(): boolean {
    return this.offset >= this.text.length;
  }

  peek(): string {
    return this.text.charAt(this.offset);
  }

  peekLine(): string {
    return this.text.slice(this.offset).split('\n')[0];
  }

  startsWith(prefix: string): boolean {
    return this.text.startsWith(prefix, this.offset);
  }

  skip(pattern: RegExp): void {
    this.take(pattern);
  }

  take(pattern: RegExp): string | null {
    const match = pattern.exec(this.text.slice(this.offset));
    if (!match) return null;
    this.offset += match[0].length;
    return match[0];
  }

  /** A double-quoted string with backslash escapes, on one line; returned with its quotes. */
  readQuoted(): string {
    const match = /^"(?:[^\\"\n]|\\[^\n])*"/.exec(this.text.slice(this.offset));
    if (!match) this.fail('Unterminated quoted value');
    this.offset += match[0].length;
    return match[0];
  }

  /** A bracketed JSON value; quoted strings inside may hold brackets, and it may span lines. */
  readBalanced(open: string, close: string): string {
    const start = this.offset;
    let depth = 0;
    while (!this.done()) {
      const char = this.peek();
      if (char === '"') {
        this.readQuoted();
        continue;
      }
      this.offset++;
      if (char === open) depth++;
      else if (char === close && --depth === 0) return this.text.slice(start, this.offset);
    }
    return this.fail(`Unterminated ${open}…${close} value`);
  }

  fail(message: string): never {
    return this.onError(message);
  }
}
