/**
 * Checks for the fields of v2 money operations. Each returns the value to send or throws an
 * InvalidParameterError naming the field, the rule broken and the fix.
 */
import { decimalPlaces } from '../../shared/decimal';
import { toUnixSeconds } from '../../shared/time';
import { InvalidParameterError, optionalText, positiveAmount, requiredText } from './validation';

/** CCPayment's longest order validity. */
export const MAX_VALIDITY_SECONDS = 10 * 24 * 3600;
export const MAX_URL_LENGTH = 150;
export const MAX_BATCH_ORDERS = 500;

/**
 * A merchant order ID (orderId, batchOrderId, referenceId): required, never generated, 3-64
 * characters. It is the idempotency key of the write.
 */
export function orderIdText(value: unknown, field: string, fix: string): string {
	const id = requiredText(value, field, fix);
	if (id.length < 3 || id.length > 64) {
		throw new InvalidParameterError(
			field,
			`must be 3 to 64 characters (got ${id.length})`,
			'Use your own stable ID of 3 to 64 characters, e.g. "payout-2024-0001".',
		);
	}
	return id;
}

/** An optional http(s) URL of at most 150 characters. */
export function optionalUrl(value: unknown, field: string): string | undefined {
	const url = optionalText(value, field);
	if (url === undefined) return undefined;
	if (url.length > MAX_URL_LENGTH) {
		throw new InvalidParameterError(
			field,
			`must be at most ${MAX_URL_LENGTH} characters (got ${url.length})`,
			'Use a shorter URL, e.g. without query parameters.',
		);
	}
	if (!/^https?:\/\/[^\s/]+/i.test(url)) {
		throw new InvalidParameterError(
			field,
			`must be an http(s) URL (got "${url}")`,
			'Enter a full URL such as https://example.com/hook.',
		);
	}
	return url;
}

/** An optional e-mail address. */
export function optionalEmail(value: unknown, field: string): string | undefined {
	const email = optionalText(value, field);
	if (email === undefined) return undefined;
	if (email.length > 120 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
		throw new InvalidParameterError(
			field,
			`is not a valid e-mail address (got "${email}")`,
			'Enter an address such as buyer@example.com, at most 120 characters.',
		);
	}
	return email;
}

/** Optional text with a maximum length. */
export function optionalShortText(value: unknown, field: string, max: number): string | undefined {
	const text = optionalText(value, field);
	if (text !== undefined && text.length > max) {
		throw new InvalidParameterError(
			field,
			`must be at most ${max} characters (got ${text.length})`,
			`Shorten it to ${max} characters.`,
		);
	}
	return text;
}

/**
 * The expiry of an order or invoice as 10-digit Unix seconds, from either an absolute date or a
 * validity in seconds (not both), checked against CCPayment's 10-day limit before sending.
 */
export function expiryAt(
	date: unknown,
	validFor: unknown,
	nowSeconds: number,
	timeZone: string,
): number | undefined {
	const hasDate = date !== undefined && date !== null && date !== '';
	const hasDuration = validFor !== undefined && validFor !== null && validFor !== '';
	if (hasDate && hasDuration) {
		throw new InvalidParameterError(
			'Expires At',
			'and Valid For (Seconds) are both set',
			'Set only one of them.',
		);
	}
	let at: number;
	let field: string;
	if (hasDate) {
		field = 'Expires At';
		at = toUnixSeconds(date, field, timeZone);
	} else if (hasDuration) {
		field = 'Valid For (Seconds)';
		const seconds = typeof validFor === 'string' ? Number(validFor) : validFor;
		if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1) {
			throw new InvalidParameterError(
				field,
				`must be a whole number of seconds of at least 1 (got ${JSON.stringify(validFor)})`,
				'Enter e.g. 86400 for one day.',
			);
		}
		at = nowSeconds + seconds;
	} else {
		return undefined;
	}
	if (at <= nowSeconds) {
		throw new InvalidParameterError(field, 'is in the past', 'Pick a time in the future.');
	}
	if (at - nowSeconds > MAX_VALIDITY_SECONDS) {
		throw new InvalidParameterError(
			field,
			'is more than 10 days from now, the longest validity CCPayment allows',
			'Pick a time at most 10 days (864000 seconds) ahead.',
		);
	}
	return at;
}

/** A positive amount, with at most `precision` decimals when the coin's precision is known. */
export function coinAmount(
	value: unknown,
	field: string,
	precision: number | undefined,
	coin = 'the coin',
): string {
	const amount = positiveAmount(value, field, { example: '25.5' });
	if (precision !== undefined && decimalPlaces(amount) > precision) {
		throw new InvalidParameterError(
			field,
			`has ${decimalPlaces(amount)} decimal places, more than the ${precision} ${coin} allows (got "${amount}")`,
			`Round the amount to ${precision} decimal places.`,
		);
	}
	return amount;
}

/** A count limit on a list (batch orders, record IDs). */
export function checkCount(count: number, field: string, max: number): void {
	if (count > max) {
		throw new InvalidParameterError(
			field,
			`has ${count} entries, more than the ${max} CCPayment accepts in one call`,
			`Split it into parts of at most ${max}.`,
		);
	}
}

/** A list of texts from a comma/newline-separated string or an array; duplicates dropped. */
export function textList(value: unknown, field: string): string[] {
	const parts: string[] = [];
	const collect = (entry: unknown) => {
		if (Array.isArray(entry)) entry.forEach(collect);
		else if (typeof entry === 'string') parts.push(...entry.split(/[,\n\r]+/));
		else if (entry !== undefined && entry !== null) parts.push(requiredText(entry, field));
	};
	collect(value);
	const list: string[] = [];
	for (const part of parts) {
		const text = optionalText(part, field);
		if (text !== undefined && !list.includes(text)) list.push(text);
	}
	return list;
}
