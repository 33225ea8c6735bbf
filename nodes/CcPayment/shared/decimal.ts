/**
 * Exact decimal strings for money amounts. CCPayment takes amounts as strings; nothing here ever
 * does floating-point arithmetic on an amount.
 *
 * Policy for values that arrive as JavaScript numbers (e.g. from an expression):
 * - the number's shortest round-trip text (ECMAScript Number::toString, the digits the user typed
 *   when they typed at most 15 significant digits) is expanded from exponent form by moving the
 *   decimal point in the digit string, never by multiplying;
 * - integers above 2^53 - 1 are rejected: they may already have lost digits;
 * - non-integers needing more than 15 significant digits are rejected: a double cannot carry them
 *   exactly, so they are almost always float artefacts such as 0.1 + 0.2 = 0.30000000000000004.
 * In both cases the fix is to pass the amount as a string.
 */

export class DecimalFormatError extends Error {
	constructor(
		message: string,
		readonly fix: string,
	) {
		super(message);
		this.name = 'DecimalFormatError';
	}
}

const PLAIN_DECIMAL = /^(\d+)(?:\.(\d+))?$/;
const NUMBER_TEXT = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;
export const MAX_SIGNIFICANT_DIGITS = 15;

/** Drop leading zeros of the integer part and trailing zeros of the fraction ("007.50" -> "7.5"). */
export function canonicalDecimal(intPart: string, fracPart = ''): string {
	const integer = intPart.replace(/^0+(?=\d)/, '') || '0';
	const fraction = fracPart.replace(/0+$/, '');
	return fraction ? `${integer}.${fraction}` : integer;
}

export type DecimalParse =
	| { ok: true; value: string }
	| { ok: false; problem: string; fix: string };

const fail = (problem: string, fix: string): DecimalParse => ({ ok: false, problem, fix });

/** Exact plain decimal text of a finite, non-negative JS number (see the module policy). */
export function parseNumber(value: number): DecimalParse {
	if (!Number.isFinite(value))
		return fail('is not a finite number', 'Pass a plain decimal such as "12.5".');
	if (value < 0) return fail('must not be negative', 'Pass a positive amount such as "12.5".');
	if (Number.isInteger(value) && value > Number.MAX_SAFE_INTEGER) {
		return fail(
			'is a number too large to be represented exactly in JavaScript (above 9007199254740991)',
			'Pass the amount as a string, e.g. "12345678901234567890".',
		);
	}
	// Safe integers are exact and print as plain digits.
	if (Number.isSafeInteger(value)) return { ok: true, value: String(value) };
	const match = NUMBER_TEXT.exec(String(value));
	if (!match)
		return fail('is not a plain decimal number', 'Pass the amount as a string, e.g. "12.5".');
	const [, intPart, fracPart = '', expText = '0'] = match;
	const digits = intPart + fracPart;
	const significant = digits.replace(/^0+/, '').replace(/0+$/, '');
	if (significant.length > MAX_SIGNIFICANT_DIGITS) {
		return fail(
			`is a number with more than ${MAX_SIGNIFICANT_DIGITS} significant digits (${String(value)}), which JavaScript cannot hold exactly; it usually comes from floating-point arithmetic`,
			'Pass the amount as a string, or round it first, e.g. {{ $json.amount.toFixed(2) }}.',
		);
	}
	// Move the decimal point by shifting the digit string, never by multiplying.
	const point = intPart.length + Number(expText);
	if (point <= 0) return { ok: true, value: canonicalDecimal('0', '0'.repeat(-point) + digits) };
	if (point >= digits.length)
		return { ok: true, value: canonicalDecimal(digits + '0'.repeat(point - digits.length)) };
	return { ok: true, value: canonicalDecimal(digits.slice(0, point), digits.slice(point)) };
}

/** Parse user input (string, number or bigint) into a canonical non-negative decimal string. */
export function parseDecimal(value: unknown): DecimalParse {
	if (typeof value === 'number') return parseNumber(value);
	if (typeof value === 'bigint') {
		return value < BigInt(0)
			? fail('must not be negative', 'Pass a positive amount.')
			: { ok: true, value: value.toString() };
	}
	if (typeof value !== 'string')
		return fail('must be a decimal number', 'Pass a plain decimal such as "12.5".');
	const text = value.trim();
	if (text === '') return fail('is empty', 'Enter an amount such as "12.5".');
	if (/e/i.test(text)) {
		return fail(
			`uses exponent notation ("${text}")`,
			'Write the amount out in full, e.g. "0.0000001" instead of "1e-7".',
		);
	}
	if (text.startsWith('-'))
		return fail(`must be positive (got "${text}")`, 'Enter an amount greater than 0.');
	if (text.includes(',')) {
		return fail(
			`contains a comma ("${text}")`,
			'Use a dot as the decimal separator and no thousands separators, e.g. "1234.5".',
		);
	}
	const match = PLAIN_DECIMAL.exec(text.startsWith('+') ? text.slice(1) : text);
	if (!match)
		return fail(
			`is not a plain decimal number ("${text}")`,
			'Use digits with an optional dot, e.g. "12.5" or "0.25".',
		);
	return { ok: true, value: canonicalDecimal(match[1], match[2]) };
}

/** Like parseDecimal, but throws a DecimalFormatError. */
export function toDecimalString(value: unknown): string {
	const result = parseDecimal(value);
	if (!result.ok) throw new DecimalFormatError(result.problem, result.fix);
	return result.value;
}

export function decimalPlaces(decimal: string): number {
	const dot = decimal.indexOf('.');
	return dot === -1 ? 0 : decimal.length - dot - 1;
}

export function isZeroDecimal(decimal: string): boolean {
	return /^0+(\.0+)?$/.test(decimal);
}

/** Sum of non-negative plain decimal strings, exact (BigInt on scaled digits). */
export function addDecimals(values: string[]): string {
	const parsed = values.map((value) => {
		const match = PLAIN_DECIMAL.exec(value.trim());
		if (!match) throw new DecimalFormatError(`"${value}" is not a plain decimal`, '');
		return { int: match[1], frac: match[2] ?? '' };
	});
	const scale = parsed.reduce((max, p) => Math.max(max, p.frac.length), 0);
	let total = BigInt(0);
	for (const p of parsed) total += BigInt(p.int + p.frac.padEnd(scale, '0'));
	const digits = total.toString().padStart(scale + 1, '0');
	return canonicalDecimal(
		digits.slice(0, digits.length - scale),
		digits.slice(digits.length - scale),
	);
}
