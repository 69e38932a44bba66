/**
 * The expression language of {{#expr:}} and {{#ifexpr:}}, behaving as
 * MediaWiki's ParserFunctions ExprParser: a shunting-yard evaluator over PHP
 * numbers with the same tokens, precedences, results and error cases.
 *
 * Operators, loosest first: or; and; = <> != < > <= >=; round; + - (binary);
 * * / div mod fmod; ^; e (binary exponent), unary + -, not and the functions
 * (sin cos tan asin acos atan exp ln abs floor trunc ceil sqrt). Constants e
 * and pi. `&lt;`, `&gt;`, `&minus;` and U+2212 are read as <, > and -.
 */
import {
  PhpNumber,
  absolute,
  add,
  compareNumbers,
  divide,
  formatPhpNumber,
  intModulo,
  isTruthy,
  multiply,
  negate,
  parseLeadingDecimal,
  phpFloat,
  phpInt,
  phpRound,
  power,
  subtract,
  toDouble,
  toInt,
} from './PhpSemantics';

/** Message keys of the expression errors (i18n/en.json: pfunc_expr_<key>). */
export type ExprErrorKey =
  | 'stack_exhausted'
  | 'unexpected_number'
  | 'unrecognised_word'
  | 'unexpected_operator'
  | 'missing_operand'
  | 'unexpected_closing_bracket'
  | 'unrecognised_punctuation'
  | 'unclosed_bracket'
  | 'division_by_zero'
  | 'invalid_argument'
  | 'invalid_argument_ln'
  | 'not_a_number';

/** An expression error (MediaWiki's ExprError): the message key `pfunc_expr_<key>` and its one parameter. */
export class ExprError extends Error {
  readonly messageKey: string;

  constructor(
    readonly key: ExprErrorKey,
    readonly parameter = '',
  ) {
    super(`pfunc_expr_${key}(${parameter})`);
    this.messageKey = `pfunc_expr_${key}`;
  }
}

type Operator =
  | 'negative' | 'positive' | 'not' | 'times' | 'divide' | 'mod' | 'fmod' | 'plus' | 'minus' | 'round'
  | 'equality' | 'less' | 'greater' | 'lessEq' | 'greaterEq' | 'notEq' | 'and' | 'or' | 'exponent'
  | 'sine' | 'cosine' | 'tangent' | 'arcsine' | 'arccosine' | 'arctangent' | 'exp' | 'ln' | 'abs'
  | 'floor' | 'trunc' | 'ceil' | 'pow' | 'sqrt' | 'open';

/** ExprParser::PRECEDENCE: unary operators bind tightest, then functions, ^, products, sums, round, comparisons, and, or. */
const PRECEDENCE: Readonly<Record<Operator, number>> = {
  negative: 10, positive: 10, exponent: 10,
  sine: 9, cosine: 9, tangent: 9, arcsine: 9, arccosine: 9, arctangent: 9, exp: 9, ln: 9, abs: 9,
  floor: 9, trunc: 9, ceil: 9, not: 9, sqrt: 9,
  pow: 8,
  times: 7, divide: 7, mod: 7, fmod: 7,
  plus: 6, minus: 6,
  round: 5,
  equality: 4, less: 4, greater: 4, lessEq: 4, greaterEq: 4, notEq: 4,
  and: 3,
  or: 2,
  open: -1,
};

/** How each operator is named in error messages (ExprParser::NAMES). */
const DISPLAY_NAME: Readonly<Record<Exclude<Operator, 'open'>, string>> = {
  negative: '-', positive: '+', not: 'not', times: '*', divide: '/', mod: 'mod', fmod: 'fmod', plus: '+',
  minus: '-', round: 'round', equality: '=', less: '<', greater: '>', lessEq: '<=', greaterEq: '>=',
  notEq: '<>', and: 'and', or: 'or', exponent: 'e', sine: 'sin', cosine: 'cos', tangent: 'tan',
  arcsine: 'asin', arccosine: 'acos', arctangent: 'atan', ln: 'ln', exp: 'exp', abs: 'abs',
  floor: 'floor', trunc: 'trunc', ceil: 'ceil', pow: '^', sqrt: 'sqrt',
};

type WordMeaning = Operator | 'pi';

/** Words of the language (ExprParser::WORDS); matched case-insensitively. */
const WORDS: ReadonlyMap<string, WordMeaning> = new Map<string, WordMeaning>([
  ['mod', 'mod'], ['fmod', 'fmod'], ['and', 'and'], ['or', 'or'], ['not', 'not'], ['round', 'round'],
  ['div', 'divide'], ['e', 'exponent'], ['sin', 'sine'], ['cos', 'cosine'], ['tan', 'tangent'],
  ['asin', 'arcsine'], ['acos', 'arccosine'], ['atan', 'arctangent'], ['exp', 'exp'], ['ln', 'ln'],
  ['abs', 'abs'], ['trunc', 'trunc'], ['floor', 'floor'], ['ceil', 'ceil'], ['pi', 'pi'], ['sqrt', 'sqrt'],
]);

const PREFIX_FUNCTIONS: ReadonlySet<Operator> = new Set<Operator>([
  'not', 'sine', 'cosine', 'tangent', 'arcsine', 'arccosine', 'arctangent', 'exp', 'ln', 'abs', 'floor', 'trunc', 'ceil', 'sqrt',
]);

/** ExprParser::MAX_STACK_SIZE: deeper nesting is refused rather than evaluated. */
const MAX_STACK_SIZE = 100;

const WHITESPACE = ' \t\r\n';
const NUMBER_CHARACTERS = '0123456789.';

/** Evaluates an expression; returns the values left on the stack as text, joined by "<br />\n" (normally one). */
export function evaluateExpression(expression: string): string {
  return evaluateToNumbers(expression).map(formatPhpNumber).join('<br />\n');
}

/** Evaluates an expression to the PHP numbers left on the operand stack. Throws ExprError. */
export function evaluateToNumbers(input: string): PhpNumber[] {
  const operands: PhpNumber[] = [];
  const operators: Operator[] = [];
  // ExprParser unescapes these before it reads the expression (HTML escaping of < and >, and typographic minus).
  const expr = input.replace(/&lt;|&gt;|&minus;|\u2212/g, (m) => (m === '&lt;' ? '<' : m === '&gt;' ? '>' : '-'));
  let expecting: 'expression' | 'operator' = 'expression';
  let p = 0;

  const applyTop = () => {
    applyOperator(operators.pop()!, operands);
  };
  const top = (): Operator | undefined => operators[operators.length - 1];

  while (p < expr.length) {
    if (operands.length > MAX_STACK_SIZE || operators.length > MAX_STACK_SIZE) throw new ExprError('stack_exhausted');
    const char = expr[p];
    const twoChars = expr.slice(p, p + 2);
    let operator: Operator;
    let name: string;

    if (WHITESPACE.includes(char)) {
      p++;
      continue;
    } else if (NUMBER_CHARACTERS.includes(char)) {
      if (expecting !== 'expression') throw new ExprError('unexpected_number');
      let end = p;
      while (end < expr.length && NUMBER_CHARACTERS.includes(expr[end])) end++;
      // PHP's (float) cast silently ignores a second decimal point and what follows it.
      operands.push(phpFloat(parseLeadingDecimal(expr.slice(p, end))));
      p = end;
      expecting = 'operator';
      continue;
    } else if (/[A-Za-z]/.test(char)) {
      let end = p;
      while (end < expr.length && /[A-Za-z]/.test(expr[end])) end++;
      const word = expr.slice(p, end).toLowerCase();
      p = end;
      const meaning = WORDS.get(word);
      if (meaning === undefined) throw new ExprError('unrecognised_word', word);
      if (meaning === 'exponent' && expecting === 'expression') {
        // "e" where a value is expected is Euler's number; after a value it is the exponent operator (1e3).
        operands.push(phpFloat(Math.E));
        expecting = 'operator';
        continue;
      }
      if (meaning === 'pi') {
        if (expecting !== 'expression') throw new ExprError('unexpected_number');
        operands.push(phpFloat(Math.PI));
        expecting = 'operator';
        continue;
      }
      if (PREFIX_FUNCTIONS.has(meaning)) {
        if (expecting !== 'expression') throw new ExprError('unexpected_operator', word);
        operators.push(meaning);
        continue;
      }
      operator = meaning;
      name = word;
    } else if (twoChars === '<=') {
      operator = 'lessEq';
      name = twoChars;
      p += 2;
    } else if (twoChars === '>=') {
      operator = 'greaterEq';
      name = twoChars;
      p += 2;
    } else if (twoChars === '<>' || twoChars === '!=') {
      operator = 'notEq';
      name = twoChars;
      p += 2;
    } else if (char === '+' || char === '-') {
      p++;
      if (expecting === 'expression') {
        operators.push(char === '+' ? 'positive' : 'negative');
        continue;
      }
      operator = char === '+' ? 'plus' : 'minus';
      // Never shown: where a value is expected, + and - are unary, so they cannot be "unexpected".
      name = char;
    } else if (char === '*' || char === '/' || char === '^' || char === '=' || char === '<' || char === '>') {
      operator = ({ '*': 'times', '/': 'divide', '^': 'pow', '=': 'equality', '<': 'less', '>': 'greater' } as const)[char];
      name = char;
      p++;
    } else if (char === '(') {
      if (expecting === 'operator') throw new ExprError('unexpected_operator', '(');
      operators.push('open');
      p++;
      continue;
    } else if (char === ')') {
      while (operators.length > 0 && top() !== 'open') applyTop();
      if (operators.length === 0) throw new ExprError('unexpected_closing_bracket');
      operators.pop();
      expecting = 'operator';
      p++;
      continue;
    } else {
      throw new ExprError('unrecognised_punctuation', displayableCharacter(String.fromCodePoint(expr.codePointAt(p)!)));
    }

    // A binary operator.
    if (expecting === 'expression') throw new ExprError('unexpected_operator', name);
    while (operators.length > 0 && PRECEDENCE[operator] <= PRECEDENCE[top()!]) applyTop();
    operators.push(operator);
    expecting = 'expression';
  }

  while (operators.length > 0) {
    const operator = operators.pop()!;
    if (operator === 'open') throw new ExprError('unclosed_bracket');
    applyOperator(operator, operands);
  }
  return operands;
}

/** Control characters (e.g. the renderer's placeholder markers) are shown as U+FFFD rather than written into the page. */
function displayableCharacter(char: string): string {
  const code = char.codePointAt(0)!;
  return code < 0x20 || code === 0x7f ? '\uFFFD' : char;
}

const UNARY: ReadonlySet<Operator> = new Set<Operator>(['negative', 'positive', ...PREFIX_FUNCTIONS]);

/** ExprParser::doOperation: pops the operands, pushes the result. */
function applyOperator(operator: Operator, stack: PhpNumber[]): void {
  if (operator === 'open') return;
  const name = DISPLAY_NAME[operator];
  if (UNARY.has(operator)) {
    if (stack.length < 1) throw new ExprError('missing_operand', name);
    stack.push(applyUnary(operator, stack.pop()!, name));
    return;
  }
  if (stack.length < 2) throw new ExprError('missing_operand', name);
  const right = stack.pop()!;
  const left = stack.pop()!;
  stack.push(applyBinary(operator, left, right, name));
}

const boolean = (value: boolean): PhpNumber => phpInt(value ? 1n : 0n);

function applyUnary(operator: Operator, arg: PhpNumber, name: string): PhpNumber {
  const x = toDouble(arg);
  switch (operator) {
    case 'negative':
      return negate(arg);
    case 'positive':
      return arg;
    case 'not':
      return boolean(!isTruthy(arg));
    case 'sine':
      return phpFloat(Math.sin(x));
    case 'cosine':
      return phpFloat(Math.cos(x));
    case 'tangent':
      return phpFloat(Math.tan(x));
    case 'arcsine':
      if (x < -1 || x > 1) throw new ExprError('invalid_argument', name);
      return phpFloat(Math.asin(x));
    case 'arccosine':
      if (x < -1 || x > 1) throw new ExprError('invalid_argument', name);
      return phpFloat(Math.acos(x));
    case 'arctangent':
      return phpFloat(Math.atan(x));
    case 'exp':
      return phpFloat(Math.exp(x));
    case 'ln':
      if (x <= 0) throw new ExprError('invalid_argument_ln', name);
      return phpFloat(Math.log(x));
    case 'abs':
      return absolute(arg);
    case 'floor':
      // PHP 8's floor() and ceil() return a float even for an int.
      return phpFloat(Math.floor(x));
    case 'ceil':
      return phpFloat(Math.ceil(x));
    case 'trunc':
      return phpInt(toInt(arg));
    case 'sqrt': {
      const root = Math.sqrt(x);
      if (Number.isNaN(root)) throw new ExprError('not_a_number', name);
      return phpFloat(root);
    }
    default:
      throw new Error(`not a unary operator: ${operator}`);
  }
}

function applyBinary(operator: Operator, left: PhpNumber, right: PhpNumber, name: string): PhpNumber {
  switch (operator) {
    case 'times':
      return multiply(left, right);
    case 'divide':
      if (!isTruthy(right)) throw new ExprError('division_by_zero', name);
      return divide(left, right);
    case 'mod': {
      // Integer modulo: both sides are cast to int first, so 5.7 mod 1.3 is 5 % 1 = 0.
      const divisor = toInt(right);
      const dividend = toInt(left);
      if (divisor === 0n) throw new ExprError('division_by_zero', name);
      return phpInt(intModulo(dividend, divisor));
    }
    case 'fmod': {
      const divisor = toDouble(right);
      if (divisor === 0) throw new ExprError('division_by_zero', name);
      // JavaScript's % on numbers is C's fmod().
      return phpFloat(toDouble(left) % divisor);
    }
    case 'plus':
      return add(left, right);
    case 'minus':
      return subtract(left, right);
    case 'and':
      return boolean(isTruthy(left) && isTruthy(right));
    case 'or':
      return boolean(isTruthy(left) || isTruthy(right));
    case 'equality':
      return boolean(compareNumbers(left, right).equal);
    case 'notEq':
      return boolean(!compareNumbers(left, right).equal);
    case 'less':
      return boolean(compareNumbers(left, right).less);
    case 'greater':
      return boolean(compareNumbers(left, right).greater);
    case 'lessEq': {
      const c = compareNumbers(left, right);
      return boolean(c.less || c.equal);
    }
    case 'greaterEq': {
      const c = compareNumbers(left, right);
      return boolean(c.greater || c.equal);
    }
    case 'round': {
      // PHP's round() takes the places as a C int, clamped to its range.
      const places = toInt(right);
      const clamped = places > 2147483647n ? 2147483647 : places < -2147483647n ? -2147483647 : Number(places);
      return phpFloat(phpRound(toDouble(left), clamped));
    }
    case 'exponent':
      // $left * pow( 10, $right ): 10 is a PHP int, so an int exponent keeps integer arithmetic.
      return multiply(left, power(phpInt(10n), right));
    case 'pow':
      return power(left, right);
    default:
      throw new Error(`not a binary operator: ${operator}`);
  }
}
