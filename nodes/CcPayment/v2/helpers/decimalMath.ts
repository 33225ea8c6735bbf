/**
 * Exact comparison and subtraction of non-negative decimal strings (BigInt on scaled digits), for
 * payment sums. Never goes through floating point.
 */
import { canonicalDecimal, DecimalFormatError } from '../../shared/decimal';

const PLAIN = /^(\d+)(?:\.(\d+))?$/;

function scaled(values: string[]): { ints: bigint[]; scale: number } {
	const parts = values.map((value) => {
		const match = PLAIN.exec(String(value).trim());
		if (!match) throw new DecimalFormatError(`"${value}" is not a plain decimal`, '');
		return { int: match[1], frac: match[2] ?? '' };
	});
	const scale = parts.reduce((max, part) => Math.max(max, part.frac.length), 0);
	return { ints: parts.map((part) => BigInt(part.int + part.frac.padEnd(scale, '0'))), scale };
}

function unscale(value: bigint, scale: number): string {
	const negative = value < BigInt(0);
	const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
	const text = canonicalDecimal(
		digits.slice(0, digits.length - scale),
		digits.slice(digits.length - scale),
	);
	return negative && text !== '0' ? `-${text}` : text;
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
	const {
		ints: [x, y],
	} = scaled([a, b]);
	return x < y ? -1 : x > y ? 1 : 0;
}

/** a - b, exact; negative results keep their sign ("-0.5"). */
export function subtractDecimals(a: string, b: string): string {
	const {
		ints: [x, y],
		scale,
	} = scaled([a, b]);
	return unscale(x - y, scale);
}

/** Whether two decimal strings denote the same amount ("1.50" and "1.5"). */
export function sameDecimal(a: unknown, b: unknown): boolean {
	try {
		return compareDecimals(String(a), String(b)) === 0;
	} catch {
		return false;
	}
}
