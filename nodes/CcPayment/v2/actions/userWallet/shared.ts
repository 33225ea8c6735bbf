/**
 * What the User Wallet operations share: the user ID rules, the order ID every write needs, the
 * write policy with reconciliation by order ID, record look-ups and nextId paging.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ApiData, CCPaymentClient, EndpointV2 } from '../../../shared/transport';
import { failureInfoOf } from '../../../shared/transport/request';
import { isDuplicateOrderError } from '../../../shared/execution/writePolicy';
import {
	InvalidParameterError,
	positiveAmount,
	requiredText,
	timeRange,
} from '../../helpers/validation';
import { compact, objectAt } from '../common';
import { orderOrRecordId } from '../../helpers/recordLookup';

const NOT_FOUND = 11003;
const USER_NOT_FOUND = 11015;

export function userIdProperty(
	name = 'userId',
	displayName = 'User ID',
	description = "Your ID for the user (5-64 characters, not starting with 'sys')",
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. user-10042',
		description,
	};
}

/**
 * A user ID as CCPayment accepts it. The App ID is the merchant's own account: using it as a user
 * would mix the merchant's money with a user's, so it is refused here (the sweep has its own option).
 */
export function userIdOf(value: unknown, field: string, appId: string): string {
	const id = requiredText(value, field, 'Enter your ID for the user, e.g. user-10042.');
	const length = [...id].length;
	if (length < 5 || length > 64) {
		throw new InvalidParameterError(
			field,
			`must be 5-64 characters long (got ${length})`,
			'Use your own stable user ID, padded if needed (e.g. user-42 instead of 42).',
		);
	}
	if (/^sys/i.test(id)) {
		throw new InvalidParameterError(
			field,
			`must not start with "sys" (got "${id}")`,
			'CCPayment reserves these IDs: prefix your user IDs, e.g. user-sys1.',
		);
	}
	if (appId && id === appId) {
		throw new InvalidParameterError(
			field,
			'is the App ID, which is the merchant account and never a user',
			'Use the user\'s own ID. To move funds to the merchant balance, use Transfer with "To" set to "Merchant Balance (Sweep)".',
		);
	}
	return id;
}

export function orderIdProperty(description: string): INodeProperties {
	return {
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. payout-2024-0001',
		description,
	};
}

/** Required, 3-64 characters, never generated: it is what makes a re-run safe. */
export function orderIdOf(value: unknown): string {
	const id = requiredText(
		value,
		'Order ID',
		'Enter a unique, stable ID for this operation (e.g. the row ID). It keeps it from happening twice.',
	);
	const length = [...id].length;
	if (length < 3 || length > 64) {
		throw new InvalidParameterError(
			'Order ID',
			`must be 3-64 characters long (got ${length})`,
			'Use a stable ID of 3 to 64 characters, e.g. payout-0001.',
		);
	}
	return id;
}

/** Adds the fix for an unknown user to CCPayment's 11015 error. */
function explainUnknownUser(error: unknown): unknown {
	if (error instanceof NodeApiError && failureInfoOf(error)?.code === USER_NOT_FOUND) {
		error.description = [
			error.description,
			'A user exists once it has a deposit address: create one with User Wallet > Get Deposit Address, or check the user ID for typos.',
		]
			.filter(Boolean)
			.join(' ');
	}
	return error;
}

/** A read of the wallet system (retried on transient failures). */
export async function readWallet(
	client: CCPaymentClient,
	endpoint: EndpointV2,
	body: IDataObject,
	i: number,
): Promise<ApiData> {
	try {
		return await client.read(endpoint, compact(body), i);
	} catch (error) {
		throw explainUnknownUser(error);
	}
}

/** The record with this order ID, or undefined when CCPayment has none. */
export async function findByOrderId(
	client: CCPaymentClient,
	endpoint: EndpointV2,
	orderId: string,
	i: number,
): Promise<IDataObject | undefined> {
	const data = await client.read(endpoint, { orderId }, i).catch((error: unknown) => {
		if (failureInfoOf(error)?.code === NOT_FOUND) return undefined;
		throw error;
	});
	if (data === undefined) return undefined;
	const record = objectAt(data, 'record');
	return Object.keys(record).length ? record : undefined;
}

export interface WalletWrite {
	/** For messages: "user withdrawal", "transfer", ... */
	what: string;
	/** Where the user finds it in the node: "User Wallet > Get Transfer". */
	lookupHint: string;
	/** The Get-record endpoint that finds a write by its order ID. */
	lookupEndpoint: EndpointV2;
}

/**
 * A wallet write under the shared write policy. A duplicate order ID (this run's earlier send, or
 * an earlier run) resolves to the record CCPayment holds for it: `outcome: already_existed`.
 */
export async function writeWallet(
	client: CCPaymentClient,
	endpoint: EndpointV2,
	body: IDataObject,
	i: number,
	orderId: string,
	target: WalletWrite,
): Promise<IDataObject> {
	const lookup = async () => await findByOrderId(client, target.lookupEndpoint, orderId, i);
	try {
		const result = await client.write(endpoint, compact(body), i, {
			merchantOrderId: orderId,
			reconcilable: true,
			what: target.what,
			lookupHint: target.lookupHint,
			lookup,
		});
		if (result.outcome === 'created') {
			const data = Array.isArray(result.data) ? { list: result.data } : result.data;
			return { outcome: 'created', orderId, ...data };
		}
		return alreadyExisted(orderId, result.order);
	} catch (error) {
		const record = isDuplicateOrderError(failureInfoOf(error))
			? await lookup().catch(() => undefined)
			: undefined;
		if (record) return alreadyExisted(orderId, record);
		throw explainUnknownUser(error);
	}
}

function alreadyExisted(orderId: string, record: IDataObject): IDataObject {
	return {
		outcome: 'already_existed',
		orderId,
		recordId: record.recordId,
		status: record.status,
		record,
	};
}

/** "Look Up By" + the ID, for the Get-record operations. */
export const lookupProperties: INodeProperties[] = [
	{
		displayName: 'Look Up By',
		name: 'lookupBy',
		type: 'options',
		default: 'orderId',
		options: [
			{ name: 'Order ID', value: 'orderId', description: 'Your order ID of the write' },
			{ name: 'Record ID', value: 'recordId', description: "CCPayment's record ID" },
		],
	},
	{
		displayName: 'ID',
		name: 'id',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. payout-2024-0001',
		description: 'The order ID or record ID to look up',
	},
];

/** `{ orderId }` or `{ recordId }` from the look-up parameters. */
export function lookupBody(ctx: IExecuteFunctions, i: number): IDataObject {
	return orderOrRecordId(ctx, i, 'lookupBy', 'Look Up By');
}

/** Optional Start/End Time filters as Unix seconds (CCPayment defaults to the last 90 days). */
export function optionalRange(
	ctx: IExecuteFunctions,
	extra: IDataObject,
): { startAt?: number; endAt?: number } {
	if (!extra.startTime && !extra.endTime) return {};
	const now = new Date().toISOString();
	return timeRange(
		extra.startTime || '1970-01-02T00:00:00Z',
		extra.endTime || now,
		ctx.getTimezone(),
	);
}

export const timeFilters: INodeProperties[] = [
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		default: '',
		description: 'Only records from this time on (CCPayment defaults to the last 90 days)',
	},
	{
		displayName: 'End Time',
		name: 'endTime',
		type: 'dateTime',
		default: '',
		description: 'Only records up to this time',
	},
];

/** Return All / Limit over CCPayment's nextId cursor. */
export async function listRecords(
	ctx: IExecuteFunctions,
	client: CCPaymentClient,
	endpoint: EndpointV2,
	filters: IDataObject,
	i: number,
): Promise<IDataObject[]> {
	const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
	const limit = returnAll ? Infinity : (ctx.getNodeParameter('limit', i, 50) as number);
	if (!returnAll && (!Number.isInteger(limit) || limit < 1)) {
		throw new InvalidParameterError(
			'Limit',
			`must be a whole number of at least 1 (got ${JSON.stringify(limit)})`,
			'Enter e.g. 50, or turn on Return All.',
		);
	}
	const records: IDataObject[] = [];
	let nextId = '';
	do {
		const data = await readWallet(client, endpoint, { ...filters, nextId }, i);
		const page =
			!Array.isArray(data) && Array.isArray(data.records) ? (data.records as IDataObject[]) : [];
		records.push(...page.slice(0, limit - records.length));
		const next = Array.isArray(data) ? '' : data.nextId;
		// Stop on the last page, and on a cursor that does not move (it would loop forever).
		nextId = typeof next === 'string' && next !== nextId && page.length ? next : '';
	} while (nextId && records.length < limit);
	return records;
}

/** The optional markup rate: a decimal string below 1 ("0.01" = 1%), or none. */
export function markupOf(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const rate = positiveAmount(value, 'Markup Rate', { example: '0.01' });
	if (!/^0(\.\d+)?$/.test(rate)) {
		throw new InvalidParameterError(
			'Markup Rate',
			`must be below 1 (got "${rate}")`,
			'Enter a fraction of the output, e.g. 0.01 for 1%.',
		);
	}
	return rate;
}
