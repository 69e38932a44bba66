import {
  absolute,
  add,
  cPow,
  divide,
  formatDouble,
  formatPhpNumber,
  intModulo,
  isNumericString,
  looseStringEquals,
  multiply,
  negate,
  numericStringValue,
  parseLeadingDecimal,
  phpFloat,
  phpInt,
  phpRound,
  power,
  subtract,
  toInt,
  trimPhpWhitespace,
} from '../../../extensions/ParserFunctions/PhpSemantics';

describe('formatDouble (PHP float to string, precision 14)', () => {
  it.each([
    [0, '0'],
    [-0, '-0'],
    [1, '1'],
    [0.1, '0.1'],
    [0.5, '0.5'],
    [1 / 3, '0.33333333333333'],
    [2 / 3, '0.66666666666667'],
    [Math.PI + 1, '4.1415926535898'],
    [Math.E, '2.718281828459'],
    [1e20, '1.0E+20'],
    [1.5e20, '1.5E+20'],
    [1e14, '1.0E+14'],
    [99999999999999, '99999999999999'],
    [123456789012345, '1.2345678901234E+14'],
    [Number('12345678901234567'), '1.2345678901235E+16'],
    [2 ** 64, '1.844674407371E+19'],
    [0.0001, '0.0001'],
    [0.00001, '1.0E-5'],
    [0.000123, '0.000123'],
    [1.25e-7, '1.25E-7'],
    [-2.5, '-2.5'],
    [-1e100, '-1.0E+100'],
    [Number.MAX_VALUE, '1.7976931348623E+308'],
    [Number.MIN_VALUE, '4.9406564584125E-324'],
    [0.1 + 0.2, '0.3'],
    [1 - 1e-15, '1'],
    [Infinity, 'INF'],
    [-Infinity, '-INF'],
    [NaN, 'NAN'],
  ])('%p → %s', (value, expected) => {
    expect(formatDouble(value)).toBe(expected);
  });

  it('rounds an exact tie to even, as zend_dtoa does', () => {
    expect(formatDouble(10000000000000.5)).toBe('10000000000000');
    expect(formatDouble(10000000000001.5)).toBe('10000000000002');
  });

  it('prints integers in full and doubles with 14 digits', () => {
    expect(formatPhpNumber(phpInt(123456789012345678n))).toBe('123456789012345678');
    expect(formatPhpNumber(phpFloat(Number('123456789012345678')))).toBe('1.2345678901235E+17');
  });
});

describe('integer and float arithmetic', () => {
  const max = phpInt(2n ** 63n - 1n);

  it('keeps ints while they fit and overflows to float', () => {
    expect(add(phpInt(2n), phpInt(3n))).toEqual(phpInt(5n));
    expect(add(max, phpInt(1n))).toEqual(phpFloat(2 ** 63));
    expect(subtract(phpInt(-(2n ** 63n)), phpInt(1n)).kind).toBe('float');
    expect(multiply(max, phpInt(2n)).kind).toBe('float');
    expect(multiply(phpInt(3n), phpFloat(2))).toEqual(phpFloat(6));
  });

  it('divides exactly when it can', () => {
    expect(divide(phpInt(6n), phpInt(3n))).toEqual(phpInt(2n));
    expect(divide(phpInt(7n), phpInt(2n))).toEqual(phpFloat(3.5));
    expect(divide(phpInt(-(2n ** 63n)), phpInt(-1n))).toEqual(phpFloat(2 ** 63));
  });

  it('takes the sign of the dividend in integer modulo', () => {
    expect(intModulo(7n, -3n)).toBe(1n);
    expect(intModulo(-7n, 3n)).toBe(-1n);
    expect(intModulo(-(2n ** 63n), -1n)).toBe(0n);
  });

  it('negates and takes absolute values like PHP', () => {
    expect(negate(phpInt(5n))).toEqual(phpInt(-5n));
    expect(negate(phpInt(-(2n ** 63n)))).toEqual(phpFloat(2 ** 63));
    expect(absolute(phpInt(-4n))).toEqual(phpInt(4n));
    expect(absolute(phpFloat(-0.5))).toEqual(phpFloat(0.5));
  });

  it('casts to int like zend_dval_to_lval', () => {
    expect(toInt(phpFloat(4.9))).toBe(4n);
    expect(toInt(phpFloat(-4.9))).toBe(-4n);
    expect(toInt(phpFloat(NaN))).toBe(0n);
    expect(toInt(phpFloat(Infinity))).toBe(0n);
    // Out of range wraps modulo 2^64 on 64-bit PHP 7+.
    expect(toInt(phpFloat(1e19))).toBe(-8446744073709551616n);
  });
});

describe('power', () => {
  it('keeps int ** int exact while it fits', () => {
    expect(power(phpInt(2n), phpInt(10n))).toEqual(phpInt(1024n));
    expect(power(phpInt(-3n), phpInt(3n))).toEqual(phpInt(-27n));
    expect(power(phpInt(2n), phpInt(64n))).toEqual(phpFloat(2 ** 64));
    expect(power(phpInt(2n), phpInt(-1n))).toEqual(phpFloat(0.5));
  });

  it('rounds powers of ten correctly (V8 does not)', () => {
    expect(cPow(10, -5)).toBe(0.00001);
    expect(cPow(10, -4)).toBe(0.0001);
    expect(cPow(10, 26)).toBe(1e26);
    expect(cPow(10, -307)).toBe(1e-307);
  });

  it('follows C on special values', () => {
    expect(cPow(1, NaN)).toBe(1);
    expect(cPow(-1, Infinity)).toBe(1);
    expect(cPow(0, -1)).toBe(Infinity);
    expect(cPow(2, 0.5)).toBe(Math.SQRT2);
    expect(Number.isNaN(cPow(-8, 1 / 3))).toBe(true);
  });
});

describe('phpRound (PHP 5.3–8.3 pre-rounding)', () => {
  it.each([
    [1.005, 2, 1.01],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [4.2, 0, 4],
    [1234.5678, 2, 1234.57],
    [1234.5678, -2, 1200],
    [5, -1, 10],
    [4, -1, 0],
    [0.285, 2, 0.29],
    [1.955, 2, 1.96],
    [5.055, 2, 5.06],
    [0.1 + 0.2, 20, 0.1 + 0.2],
    [123, -1000, 0],
  ])('round(%p, %p) = %p', (value, places, expected) => {
    expect(phpRound(value, places)).toBe(expected);
  });

  it('keeps the sign of a zero result', () => {
    expect(Object.is(phpRound(-0.0004, 2), -0)).toBe(true);
  });
});

describe('PHP 8 loose comparison of strings', () => {
  it.each([
    ['01', '1', true],
    ['0', '-0', true],
    ['1e3', '1000', true],
    ['1.0', '1', true],
    ['.5', '0.5', true],
    ['5.', '5', true],
    ['+5', '5', true],
    [' 1', '1', true],
    ['1 ', '1', true],
    ['0x10', '16', false],
    ['0b11', '3', false],
    ['1_000', '1000', false],
    ['abc', 'ABC', false],
    ['abc', 'abc', true],
    ['INF', 'INF', true],
    ['1e400', '2e400', false],
    ['1e400', '1e400', true],
    ['9223372036854775808', '9223372036854775809', false],
    ['9223372036854775807', '9223372036854775807.0', true],
    ['', '0', false],
    ['"01"', '"1"', false],
  ])('%p == %p is %p', (a, b, expected) => {
    expect(looseStringEquals(a, b)).toBe(expected);
  });

  it('recognises numeric strings as is_numeric() does', () => {
    expect(isNumericString('-0')).toBe(true);
    expect(isNumericString('1.5e3')).toBe(true);
    expect(isNumericString('NAN')).toBe(false);
    expect(isNumericString('1<br />\n2')).toBe(false);
    expect(numericStringValue('-0')).toBe(-0);
    expect(numericStringValue('2.5')).toBe(2.5);
  });
});

describe('string helpers', () => {
  it('reads the leading decimal number like PHP (float) cast', () => {
    expect(parseLeadingDecimal('1.2.3')).toBe(1.2);
    expect(parseLeadingDecimal('.')).toBe(0);
    expect(parseLeadingDecimal('5.')).toBe(5);
    expect(parseLeadingDecimal('.25')).toBe(0.25);
    expect(parseLeadingDecimal('007')).toBe(7);
  });

  it('trims PHP whitespace but keeps NUL, which starts a renderer placeholder', () => {
    expect(trimPhpWhitespace(' \t\n\r\x0Bx\x0B\r\n\t ')).toBe('x');
    expect(trimPhpWhitespace('\x004t\x7f ')).toBe('\x004t\x7f');
    expect(trimPhpWhitespace('\u00a0x')).toBe('\u00a0x');
  });
});
