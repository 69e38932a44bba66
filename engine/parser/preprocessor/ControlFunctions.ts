/**
 * The conditional parser functions of MediaWiki's ParserFunctions extension
 * (#if, #ifeq, #iferror, #ifexpr, #ifexist, #switch) as it registers them,
 * with SFH_OBJECT_ARGS: the test is expanded, then only the branch taken.
 * An untaken branch costs nothing — no template in it is fetched, expanded
 * or recorded as used — which is what makes deep conditional templates
 * affordable.
 *
 * Semantics follow ParserFunctions.php: the test and the result are trimmed
 * (PHP trim), #ifeq and #switch compare after decoding character references
 * with PHP's loose `==` (numeric strings compare as numbers: "01" == "1",
 * "1e3" == "1000"), #switch falls through `a | b = x`, takes `#default = x`
 * or a last argument without `=` as the default.
 */
import { decodeCharReferences } from '../sanitizer/CharReferences';
import { phpTrim } from '../functions/WikitextEscaping';
import type { PPNodeList, PPPart } from './PreprocessorTree';

export type ControlFunctionName = 'if' | 'ifeq' | 'iferror' | 'ifexpr' | 'ifexist' | 'switch';

const NAMES: ReadonlySet<string> = new Set<ControlFunctionName>(['if', 'ifeq', 'iferror', 'ifexpr', 'ifexist', 'switch']);

/** The control function a parser function name (as written, before the colon) calls, if any: "#if", "#IfEq" … */
export function controlFunctionName(written: string): ControlFunctionName | null {
  if (written.length < 3 || written[0] !== '#') return null;
  const name = written.slice(1).toLowerCase();
  return NAMES.has(name) ? (name as ControlFunctionName) : null;
}

/** What a control function needs from the frame it is called in. */
export interface ControlEnvironment {
  /** Expands an argument in the calling frame, as written: `name=value` for a named one. Untrimmed. */
  expandArgument(part: PPPart): Promise<string>;
  /** Expands nodes (an argument's name or value) in the calling frame. Untrimmed. */
  expandNodes(nodes: PPNodeList): Promise<string>;
  /** Whether a page exists (#ifexist); the title as written. */
  pageExists(titleText: string): Promise<boolean>;
  /**
   * Evaluates a #ifexpr test: true/false, or the error markup to return
   * (ParserFunctions' `<strong class="error">…</strong>`).
   */
  evaluateCondition(expression: string): boolean | string;
}

/** Runs a control function; `first` is the text after the colon, expanded and trimmed; `parts` the other arguments. */
export async function runControlFunction(name: ControlFunctionName, first: string, parts: readonly PPPart[], env: ControlEnvironment): Promise<string> {
  switch (name) {
    case 'if':
      return ifFunction(first, parts, env);
    case 'ifeq':
      return ifeq(first, parts, env);
    case 'iferror':
      return iferror(first, parts, env);
    case 'ifexpr':
      return ifexpr(first, parts, env);
    case 'ifexist':
      return ifexist(first, parts, env);
    case 'switch':
      return switchFunction(first, parts, env);
  }
}

async function branch(part: PPPart | undefined, env: ControlEnvironment): Promise<string> {
  return part === undefined ? '' : phpTrim(await env.expandArgument(part));
}

/** {{#if: test | value if the test is not empty | value if it is }} */
async function ifFunction(first: string, parts: readonly PPPart[], env: ControlEnvironment): Promise<string> {
  return branch(phpTrim(first) !== '' ? parts[0] : parts[1], env);
}

/** {{#ifeq: a | b | value if equal | value if different }} */
async function ifeq(first: string, parts: readonly PPPart[], env: ControlEnvironment): Promise<string> {
  const left = decodeTrim(first);
  const right = parts[0] === undefined ? '' : decodeTrim(await env.expandArgument(parts[0]));
  return branch(phpLooseEquals(left, right) ? parts[1] : parts[2], env);
}

const ERROR_PATTERN = /<(?:strong|span|p|div)\s(?:[^\s>]*\s+)*?class="(?:[^"\s>]*\s+)*?error(?:\s[^">]*)?"/;

/** {{#iferror: test | value if error | value if no error (default: the test) }} */
async function iferror(first: string, parts: readonly PPPart[], env: ControlEnvironment): Promise<string> {
  const test = phpTrim(first);
  if (ERROR_PATTERN.test(test)) return branch(parts[0], env);
  if (parts.length < 2) return test;
  return branch(parts[1], env);
}

/** {{#ifexpr: expression | value if true | value if false }} */
async function ifexpr(first: string, parts: readonly PPPart[], env: ControlEnvironment): Promise<string> {
  const result = env.evaluateCondition(phpTrim(first));
  if (typeof result === 'string') return result;
  return branch(result ? parts[0] : parts[1], env);
}

/** {{#ifexist: page | value if it exists | value if not }} */
async function ifexist(first: string, parts: readonly PPPart[], env: ControlEnvironment): Promise<string> {
  const exists = await env.pageExists(phpTrim(first));
  return branch(exists ? parts[0] : parts[1], env);
}

/** {{#switch: value | case = result | case1 | case2 = result | #default = result | default }} */
async function switchFunction(first: string, parts: readonly PPPart[], env: ControlEnvironment): Promise<string> {
  const primary = decodeTrim(first);
  let found = false;
  let defaultFound = false;
  let defaultValue: PPNodeList | null = null;
  let lastItemHadNoEquals = false;
  let lastItem = '';
  for (const part of parts) {
    if (part.name !== null) {
      // "case = result"
      lastItemHadNoEquals = false;
      if (found) return phpTrim(await env.expandNodes(part.value)); // multiple input match
      const test = decodeTrim(await env.expandNodes(part.name));
      if (phpLooseEquals(test, primary)) return phpTrim(await env.expandNodes(part.value));
      if (defaultFound || isDefault(test)) {
        defaultValue = part.value;
        defaultFound = false;
      }
    } else {
      // Multiple input, single output: if the value matches, set a flag and continue
      lastItemHadNoEquals = true;
      const expanded = await env.expandNodes(part.value);
      lastItem = phpTrim(expanded);
      const test = decodeTrim(expanded);
      if (phpLooseEquals(test, primary)) found = true;
      else if (isDefault(test)) defaultFound = true;
    }
  }
  // A last item without "=" is the default.
  if (lastItemHadNoEquals) return lastItem;
  if (defaultValue === null) return '';
  return phpTrim(await env.expandNodes(defaultValue));
}

/** The 'default' magic word: "#default", case-insensitive, the whole text. */
function isDefault(text: string): boolean {
  return text.length === 8 && text.toLowerCase() === '#default';
}

/** ParserFunctions::decodeTrimExpand: character references decoded, then trimmed. */
function decodeTrim(expanded: string): string {
  return phpTrim(expanded.includes('&') ? decodeCharReferences(expanded) : expanded);
}

const NUMERIC = /^[ \t\n\r\v\f]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[ \t\n\r\v\f]*$/;
const INTEGER = /^[ \t\n\r\v\f]*([+-]?\d+)[ \t\n\r\v\f]*$/;
const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

/** PHP 8's `==` between two strings: numerically when both are numeric strings, else exactly. */
export function phpLooseEquals(a: string, b: string): boolean {
  if (a === b) return true;
  if (!NUMERIC.test(a) || !NUMERIC.test(b)) return false;
  const ia = INTEGER.exec(a);
  const ib = INTEGER.exec(b);
  if (ia && ib) {
    const x = BigInt(ia[1]);
    const y = BigInt(ib[1]);
    // Integers that fit PHP's int compare exactly; larger ones become floats.
    if (x <= INT64_MAX && x >= INT64_MIN && y <= INT64_MAX && y >= INT64_MIN) return x === y;
  }
  return Number(a.trim()) === Number(b.trim());
}
