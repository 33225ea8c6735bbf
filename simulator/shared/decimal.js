// @ts-check
'use strict';

/**
 * Exact decimal arithmetic on strings, backed by BigInt. Money never touches a float in the simulator.
 *
 * A value is a plain decimal string ("12", "0.05", "-3.1"); results are normalised (no exponent, no
 * trailing zeros, "0" for zero, no leading "+"). Division and rounding take an explicit number of
 * decimal places.
 */

const STRICT = /^\d+(?:\.\d+)?$/;
const LOOSE = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * @typedef {{ v: bigint, s: number }} Dec  value = v / 10^s
 */

/** True for an unsigned plain decimal string like "12" or "0.05" (no sign, exponent, spaces, leading dot). */
function isDecimalString(value) {
	return typeof value === 'string' && STRICT.test(value);
}

/**
 * @param {string | number | bigint} value
 * @returns {Dec}
 */
function parse(value) {
	if (typeof value === 'bigint') return { v: value, s: 0 };
	if (typeof value === 'number') {
		if (!Number.isSafeInteger(value))
			throw new TypeError(`decimal: only safe integers may be given as numbers (${value})`);
		return { v: BigInt(value), s: 0 };
	}
	const text = String(value).trim();
	if (!LOOSE.test(text))
		throw new TypeError(`decimal: not a decimal string: ${JSON.stringify(text)}`);
	const negative = text.startsWith('-');
	const unsigned = text.replace(/^[+-]/, '');
	const [int, frac = ''] = unsigned.split('.');
	const v = BigInt(int + frac);
	return { v: negative ? -v : v, s: frac.length };
}

/** @param {number} n */
function pow10(n) {
	return 10n ** BigInt(n);
}

/**
 * @param {Dec} d
 * @param {number} s
 * @returns {bigint}
 */
function scaleTo(d, s) {
	return s >= d.s ? d.v * pow10(s - d.s) : d.v / pow10(d.s - s);
}

/**
 * @param {Dec} d
 * @returns {string}
 */
function format(d) {
	const negative = d.v < 0n;
	let digits = (negative ? -d.v : d.v).toString();
	if (d.s > 0) {
		digits = digits.padStart(d.s + 1, '0');
		const int = digits.slice(0, digits.length - d.s);
		const frac = digits.slice(digits.length - d.s).replace(/0+$/, '');
		digits = frac ? `${int}.${frac}` : int;
	}
	if (digits === '0') return '0';
	return negative ? `-${digits}` : digits;
}

/** @param {string | number | bigint} value */
function normalize(value) {
	return format(parse(value));
}

/** Number of decimal places, ignoring trailing zeros ("12.50" -> 1). */
function decimalPlaces(value) {
	const normal = normalize(value);
	const dot = normal.indexOf('.');
	return dot < 0 ? 0 : normal.length - dot - 1;
}

/**
 * @param {string | number | bigint} a
 * @param {string | number | bigint} b
 */
function add(a, b) {
	const x = parse(a);
	const y = parse(b);
	const s = Math.max(x.s, y.s);
	return format({ v: scaleTo(x, s) + scaleTo(y, s), s });
}

/**
 * @param {string | number | bigint} a
 * @param {string | number | bigint} b
 */
function sub(a, b) {
	const x = parse(a);
	const y = parse(b);
	const s = Math.max(x.s, y.s);
	return format({ v: scaleTo(x, s) - scaleTo(y, s), s });
}

/**
 * @param {string | number | bigint} a
 * @param {string | number | bigint} b
 */
function mul(a, b) {
	const x = parse(a);
	const y = parse(b);
	return format({ v: x.v * y.v, s: x.s + y.s });
}

/**
 * @param {string | number | bigint} a
 * @param {string | number | bigint} b
 * @returns {-1 | 0 | 1}
 */
function cmp(a, b) {
	const x = parse(a);
	const y = parse(b);
	const s = Math.max(x.s, y.s);
	const l = scaleTo(x, s);
	const r = scaleTo(y, s);
	return l < r ? -1 : l > r ? 1 : 0;
}

/**
 * Integer division of a by b with a rounding mode, for non-negative or negative values.
 * @param {bigint} n
 * @param {bigint} d
 * @param {'half-up' | 'down' | 'up'} mode  half-up rounds half away from zero; down truncates; up rounds away from zero
 */
function divRound(n, d, mode) {
	if (d === 0n) throw new RangeError('decimal: division by zero');
	const negative = n < 0n !== d < 0n;
	const an = n < 0n ? -n : n;
	const ad = d < 0n ? -d : d;
	let q = an / ad;
	const r = an % ad;
	if (r !== 0n) {
		if (mode === 'up') q += 1n;
		else if (mode === 'half-up' && r * 2n >= ad) q += 1n;
	}
	return negative ? -q : q;
}

/**
 * a / b rounded to `places` decimal places.
 * @param {string | number | bigint} a
 * @param {string | number | bigint} b
 * @param {number} places
 * @param {'half-up' | 'down' | 'up'} [mode]
 */
function div(a, b, places, mode = 'half-up') {
	const x = parse(a);
	const y = parse(b);
	// a/b = (x.v / 10^x.s) / (y.v / 10^y.s); result scaled by 10^places
	const numerator = x.v * pow10(places + y.s);
	const denominator = y.v * pow10(x.s);
	return format({ v: divRound(numerator, denominator, mode), s: places });
}

/**
 * @param {string | number | bigint} a
 * @param {number} places
 * @param {'half-up' | 'down' | 'up'} [mode]
 */
function round(a, places, mode = 'half-up') {
	const x = parse(a);
	if (x.s <= places) return format(x);
	return format({ v: divRound(x.v, pow10(x.s - places), mode), s: places });
}

/** @param {string | number | bigint} a */
function isZero(a) {
	return parse(a).v === 0n;
}

/** @param {string | number | bigint} a */
function isPositive(a) {
	return parse(a).v > 0n;
}

/** @param {string | number | bigint} a */
function isNegative(a) {
	return parse(a).v < 0n;
}

/**
 * @param {string | number | bigint} a
 * @param {string | number | bigint} b
 */
function max(a, b) {
	return cmp(a, b) >= 0 ? normalize(a) : normalize(b);
}

/**
 * @param {string | number | bigint} a
 * @param {string | number | bigint} b
 */
function min(a, b) {
	return cmp(a, b) <= 0 ? normalize(a) : normalize(b);
}

/**
 * Sum of a list.
 * @param {Array<string | number | bigint>} values
 */
function sum(values) {
	return values.reduce((acc, value) => add(acc, value), '0');
}

/**
 * Round to a number of significant digits (used for rates such as token/rate `value`).
 * @param {string | number | bigint} a
 * @param {number} digits
 */
function significant(a, digits) {
	const x = parse(a);
	if (x.v === 0n) return '0';
	const abs = x.v < 0n ? -x.v : x.v;
	const length = abs.toString().length;
	const drop = length - digits;
	if (drop <= 0) return format(x);
	const v = divRound(x.v, pow10(drop), 'half-up') * pow10(drop);
	return format({ v, s: x.s });
}

module.exports = {
	isDecimalString,
	parse,
	normalize,
	decimalPlaces,
	add,
	sub,
	mul,
	div,
	cmp,
	round,
	isZero,
	isPositive,
	isNegative,
	max,
	min,
	sum,
	significant,
};
