/**
 * Cursor-paged v2 lists (`records` + `nextId`) and their filters: Return All + Limit, one output
 * item per record, every page through the shared client (so the limiter paces it).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CCPaymentClient, EndpointV2 } from '../../shared/transport';
import { toUnixSeconds } from '../../shared/time';
import { checkCount, textList } from './moneyFields';
import { integerId, InvalidParameterError, optionalText } from './validation';

export type FilterKind = 'coinId' | 'text' | 'date' | 'textList';

export interface FilterSpec {
	/** Request field, e.g. "coinId", "startAt". */
	name: string;
	displayName: string;
	kind: FilterKind;
	description: string;
	placeholder?: string;
	/** For textList: the most entries CCPayment accepts. */
	max?: number;
}

/** The Filters collection of a list operation. */
export function filtersCollection(specs: FilterSpec[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: specs.map((spec) => ({
			displayName: spec.displayName,
			name: spec.name,
			type: spec.kind === 'date' ? 'dateTime' : 'string',
			default: '',
			description: spec.description,
			...(spec.placeholder ? { placeholder: spec.placeholder } : {}),
		})),
	};
}

/** The request fields of the filters set on item `i`; dates become 10-digit Unix seconds. */
export function filterBody(ctx: IExecuteFunctions, i: number, specs: FilterSpec[]): IDataObject {
	const raw = ctx.getNodeParameter('filters', i, {}) as IDataObject;
	const body: IDataObject = {};
	for (const spec of specs) {
		const value = raw[spec.name];
		if (value === undefined || value === null || value === '') continue;
		if (spec.kind === 'coinId') body[spec.name] = integerId(value, spec.displayName);
		else if (spec.kind === 'date')
			body[spec.name] = toUnixSeconds(value, spec.displayName, ctx.getTimezone());
		else if (spec.kind === 'textList') {
			const list = textList(value, spec.displayName);
			if (spec.max) checkCount(list.length, spec.displayName, spec.max);
			if (list.length) body[spec.name] = list;
		} else {
			const text = optionalText(value, spec.displayName);
			if (text !== undefined) body[spec.name] = text;
		}
	}
	if (
		typeof body.startAt === 'number' &&
		typeof body.endAt === 'number' &&
		body.endAt < body.startAt
	) {
		throw new InvalidParameterError(
			'End Time',
			'is before Start Time',
			'Pick an end time after the start time.',
		);
	}
	return body;
}

/** Return All, or the Limit as a whole number of at least 1. */
export function listLimit(ctx: IExecuteFunctions, i: number): number {
	if (ctx.getNodeParameter('returnAll', i, false) as boolean) return Infinity;
	const limit = ctx.getNodeParameter('limit', i, 50) as number;
	if (!Number.isInteger(limit) || limit < 1) {
		throw new InvalidParameterError(
			'Limit',
			`must be a whole number of at least 1 (got ${JSON.stringify(limit)})`,
			'Enter e.g. 50, or turn on Return All.',
		);
	}
	return limit;
}

/** Follows `nextId` with the same filters until the last page or `limit` records. */
export async function collectPages(
	client: CCPaymentClient,
	endpoint: EndpointV2,
	filters: IDataObject,
	i: number,
	limit: number,
	key = 'records',
): Promise<IDataObject[]> {
	const records: IDataObject[] = [];
	let nextId = '';
	do {
		const body = { ...filters, ...(nextId ? { nextId } : {}) };
		const data = await client.read(endpoint, body, i);
		const page =
			!Array.isArray(data) && Array.isArray(data[key]) ? (data[key] as IDataObject[]) : [];
		records.push(...page.slice(0, limit - records.length));
		const next = Array.isArray(data) ? '' : data.nextId;
		// Stop on the last page, and on a cursor that does not move (it would loop forever).
		nextId = typeof next === 'string' && next !== nextId && page.length ? next : '';
	} while (nextId && records.length < limit);
	return records;
}
