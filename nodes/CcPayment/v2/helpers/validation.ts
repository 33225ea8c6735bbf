/**
 * v2 input checks. Each returns the value to send or throws an InvalidParameterError naming the
 * field, the rule broken and how to fix it.
 */
import { InvalidParameterError, optionalText, requiredText } from '../../shared/validation';
import { toUnixSeconds } from '../../shared/time';

export {
	InvalidParameterError,
	optionalText,
	positiveAmount,
	requiredText,
} from '../../shared/validation';

/**
 * A CCPayment integer ID (coinId, fiatId): sent as a JSON number, so it must be a whole number
 * from 1 up to the largest integer JSON numbers carry exactly.
 */
export function integerId(value: unknown, field: string, example = '1280'): number {
	const raw = typeof value === 'string' ? value.trim() : value;
	if (raw === undefined || raw === null || raw === '') {
		throw new InvalidParameterError(
			field,
			'is required but empty',
			`Pick it from the list or enter its ID, e.g. ${example}.`,
		);
	}
	const number = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
	if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1) {
		throw new InvalidParameterError(
			field,
			`must be a whole number of at least 1 (got ${JSON.stringify(value)})`,
			`Pick it from the list or enter its numeric ID, e.g. ${example}.`,
		);
	}
	return number;
}

/** A list of integer IDs from a comma-separated string, a list, or a single value; duplicates dropped. */
export function integerIdList(value: unknown, field: string, example = '1280, 1329'): number[] {
	const parts: unknown[] = [];
	const collect = (entry: unknown) => {
		if (Array.isArray(entry)) entry.forEach(collect);
		else if (typeof entry === 'string')
			parts.push(...entry.split(/[,\n\r]+/).filter((part) => part.trim() !== ''));
		else if (entry !== undefined && entry !== null) parts.push(entry);
	};
	collect(value);
	if (!parts.length) {
		throw new InvalidParameterError(
			field,
			'is required but empty',
			`Enter one or more IDs separated by commas, e.g. ${example}.`,
		);
	}
	const ids: number[] = [];
	for (const part of parts) {
		const id = integerId(part, field, example);
		if (!ids.includes(id)) ids.push(id);
	}
	return ids;
}

/** An optional list of texts (e.g. chain symbols) from a comma-separated string or a list. */
export function optionalTextList(value: unknown, field: string): string[] | undefined {
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
	return list.length ? list : undefined;
}

/** A required time range in Unix seconds, start not after end. */
export function timeRange(
	start: unknown,
	end: unknown,
	timeZone: string,
): { startAt: number; endAt: number } {
	if (start === undefined || start === null || start === '') {
		throw new InvalidParameterError(
			'Start Time',
			'is required but empty',
			'Pick the start of the period.',
		);
	}
	if (end === undefined || end === null || end === '') {
		throw new InvalidParameterError(
			'End Time',
			'is required but empty',
			'Pick the end of the period.',
		);
	}
	const startAt = toUnixSeconds(start, 'Start Time', timeZone);
	const endAt = toUnixSeconds(end, 'End Time', timeZone);
	if (startAt <= 0)
		throw new InvalidParameterError('Start Time', 'must be after 1970', 'Pick a later start time.');
	if (endAt < startAt)
		throw new InvalidParameterError(
			'End Time',
			'is before Start Time',
			'Pick an end time after the start time.',
		);
	return { startAt, endAt };
}
