/**
 * Unix-seconds conversion for timestamp parameters. Accepts Unix seconds (10 digits or fewer),
 * Unix milliseconds (13 digits), ISO 8601 with an offset or `Z`, and ISO 8601 without an offset,
 * which is read in the workflow's time zone (as n8n's date picker produces it).
 */
import { InvalidParameterError } from './validation';

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const ISO_WITH_ZONE =
	/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Milliseconds the zone is ahead of UTC at the given instant. */
export function zoneOffsetMs(utcMs: number, timeZone: string): number {
	const format = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	});
	const parts: Record<string, number> = {};
	for (const part of format.formatToParts(new Date(utcMs))) parts[part.type] = Number(part.value);
	const asUtc = Date.UTC(
		parts.year,
		parts.month - 1,
		parts.day,
		parts.hour,
		parts.minute,
		parts.second,
	);
	return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** Wall-clock fields in a zone to Unix milliseconds (DST-aware, two passes). */
export function zonedToUtcMs(fields: number[], timeZone: string): number {
	const [year, month, day, hour = 0, minute = 0, second = 0] = fields;
	const guess = Date.UTC(year, month - 1, day, hour, minute, second);
	const first = guess - zoneOffsetMs(guess, timeZone);
	return guess - zoneOffsetMs(first, timeZone);
}

function digitsToSeconds(digits: string, field: string): number {
	if (digits.length <= 10) return Number(digits);
	if (digits.length === 13) return Number(digits.slice(0, 10));
	throw new InvalidParameterError(
		field,
		`is not a Unix time in seconds or milliseconds ("${digits}")`,
		'Use Unix seconds (10 digits), e.g. 1700000000, or a date such as 2024-01-31T12:00:00Z.',
	);
}

export function toUnixSeconds(value: unknown, field: string, timeZone = 'UTC'): number {
	if (typeof value === 'number') {
		if (!Number.isSafeInteger(value) || value < 0) {
			throw new InvalidParameterError(
				field,
				`is not a whole Unix time (got ${String(value)})`,
				'Use Unix seconds, e.g. 1700000000.',
			);
		}
		return digitsToSeconds(String(value), field);
	}
	if (value instanceof Date) return Math.floor(value.getTime() / 1000);
	if (
		value &&
		typeof value === 'object' &&
		typeof (value as { toMillis?: unknown }).toMillis === 'function'
	) {
		return Math.floor((value as { toMillis: () => number }).toMillis() / 1000);
	}
	const text = typeof value === 'string' ? value.trim() : '';
	if (!text) {
		throw new InvalidParameterError(field, 'is required but empty', 'Pick a date and time.');
	}
	if (/^\d+$/.test(text)) return digitsToSeconds(text, field);
	if (ISO_WITH_ZONE.test(text)) {
		const ms = Date.parse(text);
		if (Number.isFinite(ms)) return Math.floor(ms / 1000);
	}
	const local = ISO_LOCAL.exec(text);
	if (local) {
		const fields = local
			.slice(1)
			.filter((part) => part !== undefined)
			.map(Number);
		const ms = zonedToUtcMs(fields, timeZone);
		if (Number.isFinite(ms)) return Math.floor(ms / 1000);
	}
	throw new InvalidParameterError(
		field,
		`is not a date n8n can read ("${text}")`,
		'Use ISO 8601, e.g. 2024-01-31T12:00:00Z, or Unix seconds, e.g. 1700000000.',
	);
}
