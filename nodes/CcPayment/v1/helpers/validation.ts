/**
 * Pure input validation for the CCPayment node. Each check returns the value to send or throws an
 * InvalidParameterError naming the field, the rule broken and how to fix it; the router turns that
 * into a NodeOperationError for the item.
 */
import { InvalidParameterError, optionalText, requiredText } from '../../shared/validation';

export {
	InvalidParameterError,
	optionalText,
	positiveAmount,
	requiredText,
} from '../../shared/validation';
export type { AmountRules } from '../../shared/validation';

export const MAX_ORDER_VALID_PERIOD = 864000;
export const MAX_ORDER_VALID_PERIOD_LIGHTNING = 7200;
export const MAX_RESEND_WINDOW_SECONDS = 3600;
export const WEBHOOK_RESULTS = ['Failed', 'All Result'] as const;
export const TRANSACTION_TYPES = [
	'All Type',
	'Direct Deposit',
	'API Deposit',
	'Invoice',
	'API Withdrawal',
	'Refund',
] as const;

/** `user_id` of a permanent deposit address: 3 to 64 characters. */
export function userId(value: unknown, field = 'User ID'): string {
	const text = requiredText(
		value,
		field,
		'Enter the ID of the user in your system (3 to 64 characters).',
	);
	const length = Array.from(text).length;
	if (length < 3 || length > 64) {
		throw new InvalidParameterError(
			field,
			`must be 3 to 64 characters long (got ${length})`,
			length < 3
				? 'Use a longer ID, e.g. pad it: "user-7" instead of "7".'
				: 'Use a shorter ID, e.g. a hash of the long one.',
		);
	}
	return text;
}

/** `order_valid_period`: whole seconds in 0..864000 (0..7200 for Lightning/SATS); 0 means 24 h. */
export function orderValidPeriod(
	value: unknown,
	options: { lightning?: boolean } = {},
	field = 'Order Valid Period',
): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < 0) {
		throw new InvalidParameterError(
			field,
			`must be a whole number of seconds (got ${JSON.stringify(value)})`,
			'Enter seconds, e.g. 1800 for 30 minutes; 0 uses the default of 24 hours.',
		);
	}
	const max = options.lightning ? MAX_ORDER_VALID_PERIOD_LIGHTNING : MAX_ORDER_VALID_PERIOD;
	if (number > max) {
		throw new InvalidParameterError(
			field,
			options.lightning
				? `must be at most ${max} seconds (2 hours) for Lightning (SATS) orders (got ${number})`
				: `must be at most ${max} seconds (10 days) (got ${number})`,
			`Enter a value between 0 and ${max}.`,
		);
	}
	return number;
}

/**
 * A list of IDs from a comma- or newline-separated string, an array (e.g. from an expression) or a
 * single value. Deduplicated, first occurrence wins, order kept.
 */
export function idList(value: unknown, field: string): string[] {
	const parts: unknown[] = [];
	const collect = (entry: unknown) => {
		if (Array.isArray(entry)) entry.forEach(collect);
		else if (typeof entry === 'string') parts.push(...entry.split(/[,\n\r]+/));
		else parts.push(entry);
	};
	collect(value);
	const ids: string[] = [];
	const seen = new Set<string>();
	for (const part of parts) {
		const id = optionalText(part, field);
		if (id === undefined || seen.has(id)) continue;
		seen.add(id);
		ids.push(id);
	}
	if (!ids.length) {
		throw new InvalidParameterError(
			field,
			'contains no order ID',
			'Enter one or more merchant order IDs separated by commas, or an expression that returns a list.',
		);
	}
	return ids;
}

/** Split into consecutive chunks of at most `size` (bill/info takes at most 100 IDs per call). */
export function chunk<T>(values: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < values.length; i += size) chunks.push(values.slice(i, i + size));
	return chunks;
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
		return value as T;
	throw new InvalidParameterError(
		field,
		`must be one of ${allowed.map((v) => `"${v}"`).join(', ')} (got ${JSON.stringify(value)})`,
		'Pick a value from the list.',
	);
}

/** The `webhook/resend` window: end - start at most one hour, end not before start. */
export function resendWindow(start: number, end: number | undefined): void {
	if (end === undefined) return;
	if (end < start) {
		throw new InvalidParameterError(
			'End Time',
			'is before Start Time',
			'Pick an end time after the start time.',
		);
	}
	if (end - start > MAX_RESEND_WINDOW_SECONDS) {
		throw new InvalidParameterError(
			'End Time',
			`is ${end - start} seconds after Start Time; CCPayment resends at most a 1-hour window`,
			'Pick an end time at most 1 hour after the start time, or leave it empty for exactly 1 hour.',
		);
	}
}
