/**
 * Input checks shared by both API versions. Each returns the value to send or throws an
 * InvalidParameterError naming the field, the rule broken and how to fix it; the router turns that
 * into a NodeOperationError for the item.
 */
import { decimalPlaces, isZeroDecimal, parseDecimal } from './decimal';

export class InvalidParameterError extends Error {
	constructor(
		readonly field: string,
		problem: string,
		readonly fix: string,
	) {
		super(`${field} ${problem}`);
		this.name = 'InvalidParameterError';
	}
}

export interface AmountRules {
	/** Maximum digits after the dot (e.g. 2 for USD prices). */
	maxDecimals?: number;
	/** Example shown in the fix text. */
	example?: string;
}

/** A strictly positive amount as an exact decimal string. */
export function positiveAmount(value: unknown, field: string, rules: AmountRules = {}): string {
	const example = rules.example ?? '12.5';
	const parsed = parseDecimal(value);
	if (!parsed.ok) throw new InvalidParameterError(field, parsed.problem, parsed.fix);
	const decimal = parsed.value;
	if (isZeroDecimal(decimal)) {
		throw new InvalidParameterError(
			field,
			'must be greater than 0',
			`Enter an amount such as "${example}".`,
		);
	}
	if (rules.maxDecimals !== undefined && decimalPlaces(decimal) > rules.maxDecimals) {
		throw new InvalidParameterError(
			field,
			`allows at most ${rules.maxDecimals} decimal places (got "${decimal}")`,
			`Round the amount, e.g. "${example}".`,
		);
	}
	return decimal;
}

/** A required identifier or text: non-empty after trimming. Safe integers are accepted as text. */
export function requiredText(value: unknown, field: string, fix?: string): string {
	const text = optionalText(value, field);
	if (text === undefined) {
		throw new InvalidParameterError(
			field,
			'is required but empty',
			fix ?? `Enter a value for ${field}.`,
		);
	}
	return text;
}

/** An optional text: undefined when empty or missing. */
export function optionalText(value: unknown, field: string): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'number') {
		if (!Number.isSafeInteger(value)) {
			throw new InvalidParameterError(
				field,
				`is a number that cannot be used as an exact ID (${String(value)})`,
				'Pass the value as a string.',
			);
		}
		return String(value);
	}
	if (typeof value !== 'string') {
		throw new InvalidParameterError(
			field,
			`must be text (got ${Array.isArray(value) ? 'a list' : typeof value})`,
			'Pass a single text value.',
		);
	}
	const text = value.trim();
	return text === '' ? undefined : text;
}
