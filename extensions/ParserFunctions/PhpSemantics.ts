/**
 * The bits of PHP's value semantics that ParserFunctions' output depends on.
 *
 * MediaWiki's ExprParser computes with PHP numbers, which are either a 64-bit
 * integer or a double; which one a result is decides how it is printed
 * (`trunc(1e17)` prints every digit, `1e17` prints "1.0E+17"). #ifeq and
 * #switch compare with PHP's loose `==`, which treats two numeric strings as
 * numbers ("01" == "1") but leaves other strings alone ("0x10" != "16").
 */

/** A PHP number: `int` (zend_long, 64 bits) or `float` (double). */
export type PhpNumber = { readonly kind: 'int'; readonly value: bigint } | { readonly kind: 'float'; readonly value: number };

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export function phpInt(value: bigint): PhpNumber {
  return { kind: 'int', value };
}

export function phpFloat(value: number): PhpNumber {
  return { kind: 'float', value };
}

/** PHP's `(float)$number`. */
export function toDouble(n: PhpNumber): number {
  return n.kind === 'int' ? Number(n.value) : n.value;
}

/** PHP's boolean conversion: 0, 0.0 and -0.0 are false; NAN is true. */
export function isTruthy(n: PhpNumber): boolean {
  return n.kind === 'int' ? n.value !== 0n : n.value !== 0;
}

function fitsInt64(value: bigint): boolean {
  return value >= INT64_MIN && value <= INT64_MAX;
}

/**
 * PHP's `(int)$number` (zend_dval_to_lval): NAN and ±INF become 0, a double
 * outside the 64-bit range wraps around modulo 2^64, as PHP 7+ does on 64-bit
 * platforms.
 */
export function toInt(n: PhpNumber): bigint {
  if (n.kind === 'int') return n.value;
  if (!Number.isFinite(n.value)) return 0n;
  return BigInt.asIntN(64, BigInt(Math.trunc(n.value)));
}

/** An integer result, or the double PHP switches to when the integer operation overflows. */
function intOrOverflow(exact: bigint, asDouble: () => number): PhpNumber {
  return fitsInt64(exact) ? phpInt(exact) : phpFloat(asDouble());
}

export function add(a: PhpNumber, b: PhpNumber): PhpNumber {
  if (a.kind === 'int' && b.kind === 'int') return intOrOverflow(a.value + b.value, () => Number(a.value) + Number(b.value));
  return phpFloat(toDouble(a) + toDouble(b));
}

export function subtract(a: PhpNumber, b: PhpNumber): PhpNumber {
  if (a.kind === 'int' && b.kind === 'int') return intOrOverflow(a.value - b.value, () => Number(a.value) - Number(b.value));
  return phpFloat(toDouble(a) - toDouble(b));
}

export function multiply(a: PhpNumber, b: PhpNumber): PhpNumber {
  if (a.kind === 'int' && b.kind === 'int') return intOrOverflow(a.value * b.value, () => Number(a.value) * Number(b.value));
  return phpFloat(toDouble(a) * toDouble(b));
}

/** PHP's `/` for a non-zero divisor: int / int stays an int when it divides exactly. */
export function divide(a: PhpNumber, b: PhpNumber): PhpNumber {
  if (a.kind === 'int' && b.kind === 'int' && a.value % b.value === 0n) {
    return intOrOverflow(a.value / b.value, () => Number(a.value) / Number(b.value));
  }
  return phpFloat(toDouble(a) / toDouble(b));
}

/** PHP's `%` on integers (non-zero divisor); the sign follows the dividend, and x % -1 is 0. */
export function intModulo(a: bigint, b: bigint): bigint {
  return b === -1n ? 0n : a % b;
}

/** Unary minus; -PHP_INT_MIN does not fit and becomes a double. */
export function negate(n: PhpNumber): PhpNumber {
  if (n.kind === 'int') return intOrOverflow(-n.value, () => -Number(n.value));
  return phpFloat(-n.value);
}

/** PHP's abs(): an int stays an int (except abs(PHP_INT_MIN)). */
export function absolute(n: PhpNumber): PhpNumber {
  if (n.kind === 'int') return intOrOverflow(n.value < 0n ? -n.value : n.value, () => Math.abs(Number(n.value)));
  return phpFloat(Math.abs(n.value));
}

/** PHP's `<=>` on two numbers: ints compare exactly, anything with a double compares as doubles. */
export function compareNumbers(a: PhpNumber, b: PhpNumber): { less: boolean; equal: boolean; greater: boolean } {
  if (a.kind === 'int' && b.kind === 'int') return { less: a.value < b.value, equal: a.value === b.value, greater: a.value > b.value };
  const x = toDouble(a);
  const y = toDouble(b);
  return { less: x < y, equal: x === y, greater: x > y };
}

/**
 * PHP's pow(): int ** non-negative int is computed exactly and stays an int
 * unless it overflows; everything else is C's pow() on doubles.
 */
export function power(base: PhpNumber, exponent: PhpNumber): PhpNumber {
  if (base.kind === 'int' && exponent.kind === 'int' && exponent.value >= 0n) {
    const b = base.value;
    const e = exponent.value;
    if (e === 0n) return phpInt(1n);
    if (b === 0n || b === 1n) return phpInt(b);
    if (b === -1n) return phpInt(e % 2n === 0n ? 1n : -1n);
    // |b| >= 2: beyond 64 steps the result cannot fit, and PHP gives up on ints.
    if (e < 64n) {
      const exact = b ** e;
      if (fitsInt64(exact)) return phpInt(exact);
    }
    return phpFloat(cPow(Number(b), Number(e)));
  }
  return phpFloat(cPow(toDouble(base), toDouble(exponent)));
}

/**
 * C's pow(), which PHP calls. JavaScript's Math.pow differs from it on a few
 * special values, and V8's result is sometimes one unit in the last place
 * off where glibc is correctly rounded (Math.pow(10, -5) is not 0.00001), so
 * powers of integers by integers are computed exactly and rounded once.
 */
export function cPow(base: number, exponent: number): number {
  if (base === 1) return 1; // pow(1, NAN) is 1 in C
  if (base === -1 && (exponent === Infinity || exponent === -Infinity)) return 1;
  if (Number.isInteger(base) && Number.isInteger(exponent) && Math.abs(base) < 2 ** 53 && Math.abs(exponent) <= 2000 && base !== 0) {
    const magnitude = BigInt(Math.abs(base)) ** BigInt(Math.abs(exponent));
    const negative = base < 0 && Math.abs(exponent) % 2 === 1;
    const value = exponent >= 0 ? Number(magnitude) : reciprocalOf(magnitude);
    return negative ? -value : value;
  }
  return Math.pow(base, exponent);
}

/** 1 / n, correctly rounded to a double (n ≥ 1). */
function reciprocalOf(n: bigint): number {
  const bits = n.toString(2).length;
  if (bits > 1100) return 0;
  // Enough quotient bits that one rounding of the quotient (with a sticky bit) is exact rounding.
  const shift = BigInt(bits + 64);
  const scaled = 1n << shift;
  let quotient = scaled / n;
  const sticky = scaled % n !== 0n ? 1n : 0n;
  quotient = (quotient << 1n) | sticky;
  return scaleByPowerOfTwo(Number(quotient), -(Number(shift) + 1));
}

/** x × 2^exponent in steps that stay within the double range, so only the final step can round. */
function scaleByPowerOfTwo(x: number, exponent: number): number {
  let result = x;
  let rest = exponent;
  while (rest < -1000) {
    result *= 2 ** -1000;
    rest += 1000;
  }
  return result * 2 ** rest;
}

/**
 * PHP's round($value, $places) as in PHP 5.3–8.3 (math.c, "pre-rounding"):
 * the value is first rounded to the 15 significant digits a double holds, so
 * round(1.005, 2) is 1.01 as a reader expects; halves round away from zero.
 * Always returns a double, as PHP 8's round() does.
 */
export function phpRound(value: number, places: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const exact = exactDecimal(value);
  // PHP's precision_places: how many digits after the point 15 significant digits reach.
  const precisionPlaces = 15 - exact.pointPosition;
  if (places >= precisionPlaces) {
    // More places than the double has digits: PHP multiplies, rounds and divides back, which changes nothing.
    return value;
  }
  if (places > precisionPlaces - 15) {
    return decimalToNumber(roundDecimal(roundDecimal(exact, precisionPlaces), places));
  }
  // Rounding far above the value's magnitude: no pre-rounding; the result is 0 or one unit of 10^-places.
  const scale = cPow(10, Math.abs(places));
  if (!Number.isFinite(scale)) return value < 0 ? -0 : 0;
  const scaled = places >= 0 ? value * scale : value / scale;
  const rounded = roundHalfAwayFromZero(scaled);
  return places >= 0 ? rounded / scale : rounded * scale;
}

/** C's round() (PHP's php_round_helper for PHP_ROUND_HALF_UP); keeps the sign of zero. */
function roundHalfAwayFromZero(x: number): number {
  const r = Math.round(Math.abs(x));
  return x < 0 ? -r : r;
}

/** A decimal number: 0.DIGITS × 10^pointPosition, digits without leading or trailing zeros ('' is zero). */
interface DecimalNumber {
  negative: boolean;
  digits: string;
  pointPosition: number;
}

/** Rounds to `places` digits after the point, halves away from zero. */
function roundDecimal(d: DecimalNumber, places: number): DecimalNumber {
  const keep = d.pointPosition + places;
  if (keep >= d.digits.length) return d;
  if (keep < 0) return { ...d, digits: '' };
  let kept = keep === 0 ? 0n : BigInt(d.digits.slice(0, keep));
  if (d.digits[keep] >= '5') kept += 1n;
  if (kept === 0n) return { ...d, digits: '' };
  const text = kept.toString();
  return { negative: d.negative, digits: text.replace(/0+$/, ''), pointPosition: d.pointPosition + (text.length - keep) };
}

function decimalToNumber(d: DecimalNumber): number {
  if (d.digits === '') return d.negative ? -0 : 0;
  return Number(`${d.negative ? '-' : ''}0.${d.digits}e${d.pointPosition}`);
}

/** The exact decimal value of a finite, non-zero double. */
function exactDecimal(value: number): DecimalNumber {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const high = view.getUint32(0);
  const low = view.getUint32(4);
  const negative = high >>> 31 === 1;
  const biasedExponent = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  let exponent: number;
  if (biasedExponent === 0) {
    exponent = -1074;
  } else {
    mantissa |= 1n << 52n;
    exponent = biasedExponent - 1075;
  }
  let digits: string;
  let pointPosition: number;
  if (exponent >= 0) {
    digits = (mantissa << BigInt(exponent)).toString();
    pointPosition = digits.length;
  } else {
    // m / 2^k = m × 5^k / 10^k
    digits = (mantissa * 5n ** BigInt(-exponent)).toString();
    pointPosition = digits.length + exponent;
  }
  const trimmed = digits.replace(/0+$/, '');
  return { negative, digits: trimmed === '' ? '0' : trimmed, pointPosition };
}

/**
 * The significant digits of a double rounded to `precision` digits the way
 * zend_dtoa() mode 2 does (exact value, ties to even), trailing zeros removed.
 */
function significantDigits(value: number, precision: number): DecimalNumber {
  const exact = exactDecimal(value);
  let { digits, pointPosition } = exact;
  if (digits.length > precision) {
    const head = BigInt(digits.slice(0, precision));
    const next = digits[precision];
    const rest = digits.slice(precision + 1);
    const lastIsOdd = head % 2n === 1n;
    const up = next > '5' || (next === '5' && (/[1-9]/.test(rest) || lastIsOdd));
    let rounded = up ? head + 1n : head;
    let text = rounded.toString();
    if (text.length > precision) {
      // 99…9 rounded up to 100…0
      pointPosition += 1;
      rounded /= 10n;
      text = rounded.toString();
    }
    digits = text.replace(/0+$/, '');
  }
  return { negative: exact.negative, digits, pointPosition };
}

/**
 * PHP's `(string)$float` with the default precision of 14 (zend_gcvt):
 * "0.1", "1.0E+20", "1.0E-5", "-0", "INF", "-INF", "NAN".
 */
export function formatDouble(value: number, precision = 14): string {
  if (Number.isNaN(value)) return 'NAN';
  if (value === Infinity) return 'INF';
  if (value === -Infinity) return '-INF';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const { negative, digits, pointPosition } = significantDigits(value, precision);
  const sign = negative ? '-' : '';
  if (pointPosition > precision || pointPosition < -3) {
    const exponent = pointPosition - 1;
    const mantissa = digits.length === 1 ? `${digits}.0` : `${digits[0]}.${digits.slice(1)}`;
    return `${sign}${mantissa}E${exponent < 0 ? '-' : '+'}${Math.abs(exponent)}`;
  }
  if (pointPosition <= 0) return `${sign}0.${'0'.repeat(-pointPosition)}${digits}`;
  if (digits.length <= pointPosition) return sign + digits + '0'.repeat(pointPosition - digits.length);
  return `${sign}${digits.slice(0, pointPosition)}.${digits.slice(pointPosition)}`;
}

/** PHP's string conversion of a number. */
export function formatPhpNumber(n: PhpNumber): string {
  return n.kind === 'int' ? n.value.toString() : formatDouble(n.value);
}

/**
 * PHP's `(float)"…"` on the digits-and-dots run ExprParser hands it: the
 * longest prefix that is a decimal number ("1.2.3" is 1.2, "." is 0).
 */
export function parseLeadingDecimal(text: string): number {
  const m = /^\d*(?:\.\d*)?/.exec(text);
  const prefix = m ? m[0] : '';
  return /\d/.test(prefix) ? Number(prefix.endsWith('.') ? prefix.slice(0, -1) : prefix) : 0;
}

/** trim()'s default characters without NUL: space, tab, newline, carriage return, vertical tab. */
const PHP_TRIMMED: ReadonlySet<string> = new Set([' ', '\t', '\n', '\r', '\v']);

/**
 * Trims what PHP's trim() trims, except NUL: NUL starts the renderer's
 * placeholder for a nested template or tag, which must reach the output whole.
 */
export function trimPhpWhitespace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && PHP_TRIMMED.has(text[start])) start++;
  while (end > start && PHP_TRIMMED.has(text[end - 1])) end--;
  return text.slice(start, end);
}

interface NumericString {
  kind: 'int' | 'float';
  int: bigint;
  float: number;
  /** Integer syntax whose value overflows 64 bits: +1 or -1 (PHP's oflow), else 0. */
  overflow: number;
}

/** PHP 8's numeric strings: optional surrounding whitespace, sign, digits, point, exponent (no hex, no "INF"). */
const NUMERIC_STRING = /^[ \t\n\r\v\f]*([+-]?)(?:(\d+)|(\d+\.\d*|\.\d+)(?:[eE][+-]?\d+)?|(\d+)[eE][+-]?\d+)[ \t\n\r\v\f]*$/;

function parseNumericString(text: string): NumericString | null {
  const m = NUMERIC_STRING.exec(text);
  if (!m) return null;
  const body = text.trim();
  if (m[2] !== undefined) {
    const value = BigInt(m[1] + m[2]);
    if (fitsInt64(value)) return { kind: 'int', int: value, float: Number(value), overflow: 0 };
    return { kind: 'float', int: 0n, float: Number(body), overflow: value < 0n ? -1 : 1 };
  }
  return { kind: 'float', int: 0n, float: Number(body), overflow: 0 };
}

/**
 * PHP 8's `$left == $right` for two strings (zendi_smart_str_equals): numeric
 * strings compare as numbers, with PHP's fallbacks to a string comparison for
 * values that overflowed; other strings compare exactly.
 */
export function looseStringEquals(left: string, right: string): boolean {
  const a = parseNumericString(left);
  const b = a ? parseNumericString(right) : null;
  if (!a || !b) return left === right;
  if (a.overflow !== 0 && a.overflow === b.overflow && a.float - b.float === 0) return left === right;
  if (a.kind === 'float' || b.kind === 'float') {
    let x = a.float;
    let y = b.float;
    if (a.kind !== 'float') {
      if (b.overflow) return false;
      x = Number(a.int);
    } else if (b.kind !== 'float') {
      if (a.overflow) return false;
      y = Number(b.int);
    } else if (x === y && !Number.isFinite(x)) {
      return left === right;
    }
    return x === y;
  }
  return a.int === b.int;
}

/** PHP's is_numeric() (used by #ifexpr on the expression result). */
export function isNumericString(text: string): boolean {
  return parseNumericString(text) !== null;
}

/** PHP's `(float)$numericString` (strtod: "-0" is -0.0); 0 for a string that is not numeric. */
export function numericStringValue(text: string): number {
  return isNumericString(text) ? Number(text.trim()) : 0;
}
