/**
 * #expr, #ifexpr, #if, #ifeq, #iferror, #switch and #rel2abs, as MediaWiki's
 * ParserFunctions class implements them.
 *
 * The renderer hands each function its arguments already expanded and
 * untrimmed; MediaWiki expands branches lazily, but only the chosen branch's
 * text is returned here, so the visible result is the same. Nested
 * templates, tags and the like may appear in an argument as the renderer's
 * placeholders (NUL … DEL); they are kept intact and compare only with
 * themselves, much like MediaWiki's strip markers.
 */
import type { RenderFrame } from '../../engine/parser/ParserHooks';
import { decodeCharReferences } from '../../engine/parser/sanitizer/CharReferences';
import { evaluateExpression, ExprError } from './ExprParser';
import type { MessageSource } from './Messages';
import { isNumericString, looseStringEquals, numericStringValue, trimPhpWhitespace } from './PhpSemantics';

export class LogicFunctions {
  constructor(private readonly messages: MessageSource) {}

  /** The error markup ParserFunctions returns; #iferror recognises it. */
  private error(text: string): string {
    return `<strong class="error">${text}</strong>`;
  }

  /** ExprError::getUserFriendlyMessage(), HTML-escaped, in the content language. */
  private expressionError(error: ExprError, frame: RenderFrame): string {
    return this.error(this.messages.escaped(error.messageKey, frame.language, error.parameter));
  }

  /** {{#expr: expression }} */
  expr(args: readonly string[], frame: RenderFrame): string {
    try {
      return evaluateExpression(args[0] ?? '');
    } catch (e) {
      if (e instanceof ExprError) return this.expressionError(e, frame);
      throw e;
    }
  }

  /** {{#ifexpr: expression | value if true | value if false }} */
  ifexpr(args: readonly string[], frame: RenderFrame): string {
    let result: string;
    try {
      result = evaluateExpression(trimPhpWhitespace(args[0] ?? ''));
    } catch (e) {
      if (e instanceof ExprError) return this.expressionError(e, frame);
      throw e;
    }
    // A numeric result is true when non-zero (so "-0" is false, T22866); any other text is true unless empty.
    const isTrue = isNumericString(result) ? numericStringValue(result) !== 0 : result !== '';
    return trimPhpWhitespace((isTrue ? args[1] : args[2]) ?? '');
  }

  /** {{#if: test string | value if not empty | value if empty }} */
  if(args: readonly string[]): string {
    const test = trimPhpWhitespace(args[0] ?? '');
    return trimPhpWhitespace((test !== '' ? args[1] : args[2]) ?? '');
  }

  /** {{#ifeq: string 1 | string 2 | value if equal | value if different }}, compared with PHP's loose == (01 equals 1). */
  ifeq(args: readonly string[]): string {
    const left = decodeAndTrim(args[0] ?? '');
    const right = decodeAndTrim(args[1] ?? '');
    return trimPhpWhitespace((looseStringEquals(left, right) ? args[2] : args[3]) ?? '');
  }

  /**
   * {{#iferror: test string | value if error | value if no error }}: an error
   * is an element with class "error", as #expr, #time and #rel2abs produce.
   */
  iferror(args: readonly string[]): string {
    const test = trimPhpWhitespace(args[0] ?? '');
    const isError = /<(?:strong|span|p|div)\s(?:[^\s>]*\s+)*?class="(?:[^"\s>]*\s+)*?error(?:\s[^">]*)?"/.test(test);
    let result: string | undefined;
    if (isError) result = args[1];
    else result = args.length > 2 ? args[2] : test;
    return result === undefined ? '' : trimPhpWhitespace(result);
  }

  /**
   * {{#switch: value | case = result | case1 | case2 = result | default }}.
   * Cases fall through to the next result; "#default = …" or a last
   * argument without "=" is the default.
   */
  switch(args: readonly string[]): string {
    if (args.length === 0) return '';
    const primary = decodeAndTrim(args[0]);
    let found = false;
    let defaultFound = false;
    let defaultValue: string | null = null;
    let lastItemHadNoEquals = false;
    let lastItem = '';
    for (const arg of args.slice(1)) {
      const equals = arg.indexOf('=');
      if (equals !== -1) {
        lastItemHadNoEquals = false;
        const value = arg.slice(equals + 1);
        // A case list ending here ("a | b = x") takes this result.
        if (found) return trimPhpWhitespace(value);
        const test = decodeAndTrim(arg.slice(0, equals));
        if (looseStringEquals(test, primary)) return trimPhpWhitespace(value);
        if (defaultFound || isDefaultKeyword(test)) {
          defaultValue = value;
          defaultFound = false;
        }
      } else {
        lastItemHadNoEquals = true;
        // The default keeps its character references ("a&amp;#39;b" stays as written).
        lastItem = trimPhpWhitespace(arg);
        const test = decodeAndTrim(arg);
        if (looseStringEquals(test, primary)) found = true;
        else if (isDefaultKeyword(test)) defaultFound = true;
      }
    }
    if (lastItemHadNoEquals) return lastItem;
    return defaultValue === null ? '' : trimPhpWhitespace(defaultValue);
  }

  /**
   * {{#rel2abs: path | base path }}: resolves "./", "../" and "/" (relative,
   * as in subpage links) against the base, by default the current page.
   */
  rel2abs(args: readonly string[], frame: RenderFrame): string {
    let from = trimPhpWhitespace(args[1] ?? '');
    if (from === '') from = frame.title.getPrefixedText();
    const to = trimPhpWhitespace(args[0] ?? '').replace(/[ /]+$/, '');
    if (to === '' || to === '.') return from;
    // A path not starting with "/", "./" or "../" is absolute: the base is ignored.
    if (!to.startsWith('/') && !to.startsWith('./') && !to.startsWith('../') && to !== '..') from = '';
    const fullPath = `/${from}/${to}/`
      .replace(/\/(?:\.\/)+/g, '/')
      .replace(/\/{2,}/g, '/')
      .replace(/^\/+|\/+$/g, '');
    const resolved: string[] = [];
    for (const segment of fullPath.split('/')) {
      if (segment === '..') {
        if (resolved.length === 0) {
          return this.error(this.messages.escaped('pfunc_rel2abs_invalid_depth', frame.language, fullPath));
        }
        resolved.pop();
      } else {
        resolved.push(segment);
      }
    }
    return resolved.join('/');
  }
}

/** decodeTrimExpand(): character references decoded, then trimmed, so "&amp;" equals "&". */
function decodeAndTrim(text: string): string {
  return trimPhpWhitespace(decodeCharReferences(text));
}

/** The 'default' magic word: "#default", case-insensitive, the whole text. */
function isDefaultKeyword(text: string): boolean {
  return text.toLowerCase() === '#default';
}
