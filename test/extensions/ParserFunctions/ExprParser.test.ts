import { evaluateExpression, ExprError, ExprErrorKey } from '../../../extensions/ParserFunctions/ExprParser';

/** The cases of upstream's ExpressionTest::provideExpressions (input, expected output). */
const UPSTREAM_CASES: [string, string][] = [
  ['1 or 0', '1'], ['not (1 and 0)', '1'], ['not 0', '1'], ['4 < 5', '1'], ['-5 < 2', '1'], ['-2 <= -2', '1'],
  ['4 > 3', '1'], ['4 > -3', '1'], ['5 >= 2', '1'], ['2 >= 2', '1'], ['1 != 2', '1'], ['-4 * -4 = 4 * 4', '1'],
  ['not (1 != 1)', '1'], ['1 + 1', '2'], ['-1 + 1', '0'], ['+1 + 1', '2'], ['4 * 4', '16'], ['(1/3) * 3', '1'],
  ['3 / 1.5', '2'], ['3 / 0.2', '15'], ['3 / ( 2.0 * 0.1 )', '15'], ['3 / ( 2.0 / 10 )', '15'], ['3 / (- 0.2 )', '-15'],
  ['3 / abs( 0.2 )', '15'], ['3 mod 2', '1'], ['1e4', '10000'], ['1e-2', '0.01'], ['4.0 round 0', '4'], ['ceil 4', '4'],
  ['floor 4', '4'], ['4.5 round 0', '5'], ['4.2 round 0', '4'], ['-4.2 round 0', '-4'], ['-4.5 round 0', '-5'],
  ['-2.0 round 0', '-2'], ['ceil -3', '-3'], ['floor -6.0', '-6'], ['ceil 4.2', '5'], ['ceil -4.5', '-4'],
  ['floor -4.5', '-5'], ['abs(-2)', '2'], ['ln(exp(1))', '1'], ['trunc(4.5)', '4'], ['trunc(-4.5)', '-4'],
  ['123 fmod (2^64-1)', '123'], ['5.7 mod 1.3', '0'], ['5.7 fmod 1.3', '0.5'], ['pi + 1', '4.1415926535898'],
  ['sin(0)', '0'], ['cos(0)', '1'], ['tan(0)', '0'], ['asin(0)', '0'], ['acos(1)', '0'], ['atan(0)', '0'], ['sqrt(4)', '2'],
];

const MORE_CASES: [string, string, string][] = [
  ['1+2', '3', 'no spaces needed'],
  ['2 + 3 * 4', '14', '* binds tighter than +'],
  ['(2 + 3) * 4', '20', 'brackets'],
  ['2 ^ 3 ^ 2', '64', '^ is left-associative in MediaWiki'],
  ['-2 ^ 2', '4', 'unary minus binds tighter than ^'],
  ['2 ^ -1', '0.5', 'negative exponent'],
  ['10 - 2 - 3', '5', 'left-associative minus'],
  ['8 / 2 / 2', '2', 'left-associative division'],
  ['7 div 2', '3.5', 'div is /'],
  ['-7 mod 3', '-1', 'mod takes the sign of the dividend'],
  ['7 mod -3', '1', 'mod with a negative divisor'],
  ['7.9 mod 2.9', '1', 'mod truncates both sides to integers'],
  ['-7.5 fmod 2', '-1.5', 'fmod keeps fractions'],
  ['1 + 2 round 0', '3', 'round binds looser than +'],
  ['3.14159 round 2', '3.14', 'round to places'],
  ['1234.5 round -2', '1200', 'round to tens of tens'],
  ['1.005 round 2', '1.01', 'PHP pre-rounding'],
  ['2.5 round 0', '3', 'halves round away from zero'],
  ['1 = 1 and 2 = 2', '1', 'comparisons bind tighter than and'],
  ['1 or 0 and 0', '1', 'and binds tighter than or'],
  ['not 1 + 1', '1', 'not binds tighter than + (not 1 is 0)'],
  ['1 <> 2', '1', '<> is not-equal'],
  ['1 != 1', '0', '!= is not-equal'],
  ['3 <= 2', '0', 'less or equal'],
  ['3 >= 4', '0', 'greater or equal'],
  ['1 &lt; 2', '1', '&lt; is <'],
  ['2 &gt; 1', '1', '&gt; is >'],
  ['5 &minus; 3', '2', '&minus; is -'],
  ['5 \u2212 3', '2', 'U+2212 is -'],
  ['e', '2.718281828459', 'e where a value is expected is Euler\'s number'],
  ['2 e 3', '2000', 'spaced exponent'],
  ['1.5e3', '1500', 'exponent notation'],
  ['1e20', '1.0E+20', 'large numbers in PHP E notation'],
  ['1e-5', '1.0E-5', 'small numbers in PHP E notation'],
  ['0.0001', '0.0001', 'down to 10^-4 in plain notation'],
  ['1/3', '0.33333333333333', '14 significant digits'],
  ['2^0.5', '1.4142135623731', 'square root by power'],
  ['2^64', '1.844674407371E+19', 'float overflow of integer power'],
  ['trunc(1e17)', '100000000000000000', 'trunc gives a PHP integer, printed in full'],
  ['trunc 12345678901234567', '12345678901234568', 'trunc of a large float'],
  ['trunc(2^70)', '0', 'integer casts wrap modulo 2^64 (2^70 → 0)'],
  ['trunc 3 * trunc 4', '12', 'integer arithmetic stays integer'],
  ['(trunc 6) / (trunc 3)', '2', 'exact integer division'],
  ['-0', '-0', 'negative zero prints as -0, like PHP'],
  ['0 * -1', '-0', 'negative zero from multiplication'],
  ['abs(-0)', '0', 'abs of negative zero'],
  ['exp(1000)', 'INF', 'overflow to INF'],
  ['-exp(1000)', '-INF', 'overflow to -INF'],
  ['exp(1000) - exp(1000)', 'NAN', 'INF - INF is NAN'],
  ['1.2.3 + 1', '2.2', 'a second decimal point is ignored, as PHP\'s (float) cast does'],
  ['. + 1', '1', 'a lone point is 0'],
  ['PI', '3.1415926535898', 'words are case-insensitive'],
  ['SqRt(16)', '4', 'function names are case-insensitive'],
  ['ceil(-0.5)', '-0', 'ceil of -0.5 is -0'],
  ['floor 2.7 + 1', '3', 'functions bind tighter than +'],
  ['sin(pi/2)', '1', 'sine'],
  ['cos(pi)', '-1', 'cosine'],
  ['tan(pi/4)', '1', 'tangent'],
  ['asin(1)', '1.5707963267949', 'arcsine'],
  ['acos(-1)', '3.1415926535898', 'arccosine'],
  ['atan(1)', '0.78539816339745', 'arctangent'],
  ['exp(0)', '1', 'exponential'],
  ['ln(1)', '0', 'natural logarithm'],
  ['sqrt(2)', '1.4142135623731', 'square root'],
  ['abs(-2.5)', '2.5', 'absolute value'],
  ['((((1))))', '1', 'nested brackets'],
];

describe('ExprParser: upstream ExpressionTest cases', () => {
  it.each(UPSTREAM_CASES)('%s → %s', (input, expected) => {
    expect(evaluateExpression(input)).toBe(expected);
  });
});

describe('ExprParser: more cases', () => {
  it.each(MORE_CASES)('%s → %s (%s)', (input, expected) => {
    expect(evaluateExpression(input)).toBe(expected);
  });

  it('evaluates an empty expression (or empty brackets) to nothing', () => {
    expect(evaluateExpression('')).toBe('');
    expect(evaluateExpression('   \t\n')).toBe('');
    expect(evaluateExpression('()')).toBe('');
  });
});

function errorOf(input: string): { key: ExprErrorKey; parameter: string; messageKey: string } {
  try {
    evaluateExpression(input);
  } catch (e) {
    if (e instanceof ExprError) return { key: e.key, parameter: e.parameter, messageKey: e.messageKey };
    throw e;
  }
  throw new Error(`no error for ${input}`);
}

/** Every error path of ExprParser, with the message parameter MediaWiki shows. */
const ERROR_CASES: [string, ExprErrorKey, string][] = [
  [`${'ln('.repeat(1001)}1${')'.repeat(1001)}`, 'stack_exhausted', ''],
  [`${'('.repeat(101)}1`, 'stack_exhausted', ''],
  ['1 2', 'unexpected_number', ''],
  ['1 pi', 'unexpected_number', ''],
  ['(1) 2', 'unexpected_number', ''],
  ['foo', 'unrecognised_word', 'foo'],
  ['1 + FOO', 'unrecognised_word', 'foo'],
  ['1 sin', 'unexpected_operator', 'sin'],
  ['1 not', 'unexpected_operator', 'not'],
  ['1 (', 'unexpected_operator', '('],
  ['<1', 'unexpected_operator', '<'],
  ['* 2', 'unexpected_operator', '*'],
  ['mod 2', 'unexpected_operator', 'mod'],
  ['1 + * 2', 'unexpected_operator', '*'],
  ['1 <= <= 2', 'unexpected_operator', '<='],
  ['1 + 1)', 'unexpected_closing_bracket', ''],
  [')', 'unexpected_closing_bracket', ''],
  ['1, 2', 'unrecognised_punctuation', ','],
  ['1 % 2', 'unrecognised_punctuation', '%'],
  ['2 × 3', 'unrecognised_punctuation', '×'],
  ['1 + é', 'unrecognised_punctuation', 'é'],
  ['1 + 😀', 'unrecognised_punctuation', '😀'],
  ['1 + \u00a02', 'unrecognised_punctuation', '\u00a0'],
  ['1 + \x001t\x7f', 'unrecognised_punctuation', '\uFFFD'],
  ['(1', 'unclosed_bracket', ''],
  ['((1) + 2', 'unclosed_bracket', ''],
  ['-', 'missing_operand', '-'],
  ['+', 'missing_operand', '+'],
  ['1*', 'missing_operand', '*'],
  ['1/', 'missing_operand', '/'],
  ['1 div', 'missing_operand', '/'],
  ['1 mod', 'missing_operand', 'mod'],
  ['1 fmod', 'missing_operand', 'fmod'],
  ['1+', 'missing_operand', '+'],
  ['1-', 'missing_operand', '-'],
  ['1 and', 'missing_operand', 'and'],
  ['1 or', 'missing_operand', 'or'],
  ['1 =', 'missing_operand', '='],
  ['not', 'missing_operand', 'not'],
  ['1 round', 'missing_operand', 'round'],
  ['1<', 'missing_operand', '<'],
  ['1>', 'missing_operand', '>'],
  ['1<=', 'missing_operand', '<='],
  ['1>=', 'missing_operand', '>='],
  ['1<>', 'missing_operand', '<>'],
  ['1!=', 'missing_operand', '<>'],
  ['1 ^', 'missing_operand', '^'],
  ['2e', 'missing_operand', 'e'],
  ['sin()', 'missing_operand', 'sin'],
  ['cos()', 'missing_operand', 'cos'],
  ['tan()', 'missing_operand', 'tan'],
  ['asin()', 'missing_operand', 'asin'],
  ['acos()', 'missing_operand', 'acos'],
  ['atan()', 'missing_operand', 'atan'],
  ['exp()', 'missing_operand', 'exp'],
  ['ln()', 'missing_operand', 'ln'],
  ['abs()', 'missing_operand', 'abs'],
  ['floor', 'missing_operand', 'floor'],
  ['trunc', 'missing_operand', 'trunc'],
  ['ceil', 'missing_operand', 'ceil'],
  ['sqrt', 'missing_operand', 'sqrt'],
  ['1/0', 'division_by_zero', '/'],
  ['1/(1-1)', 'division_by_zero', '/'],
  ['1 div 0', 'division_by_zero', '/'],
  ['1 mod 0', 'division_by_zero', 'mod'],
  ['1 mod 0.5', 'division_by_zero', 'mod'],
  ['1 fmod 0', 'division_by_zero', 'fmod'],
  ['asin(3)', 'invalid_argument', 'asin'],
  ['asin(-1.1)', 'invalid_argument', 'asin'],
  ['acos(-1.1)', 'invalid_argument', 'acos'],
  ['ln(-1)', 'invalid_argument_ln', 'ln'],
  ['ln(0)', 'invalid_argument_ln', 'ln'],
  ['sqrt(-1)', 'not_a_number', 'sqrt'],
];

describe('ExprParser: errors', () => {
  it.each(ERROR_CASES.map(([input, key, parameter]) => [JSON.stringify(input).slice(0, 40), input, key, parameter] as const))(
    '%s → %s',
    (_label, input, key, parameter) => {
      const error = errorOf(input);
      expect(error.key).toBe(key);
      expect(error.parameter).toBe(parameter);
      expect(error.messageKey).toBe(`pfunc_expr_${key}`);
    },
  );

  it('is an Error subclass carrying the message key', () => {
    expect(() => evaluateExpression('foo')).toThrow(ExprError);
  });
});
