/**
 * Batch withdrawals take the whole execution: every input item is one order of the batch (its
 * `seq` ties the result back to the item), and the batch-level fields must be the same on every
 * item. The request is built and sent once per execution; each item then reports its own order.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CCPaymentClient } from '../../../shared/transport';
import { MAX_BATCH_ORDERS, checkCount, coinAmount } from '../../helpers/moneyFields';
import { InvalidParameterError, optionalText, requiredText } from '../../helpers/validation';

const shared = new WeakMap<CCPaymentClient, Map<string, Promise<unknown>>>();

/** Runs `build` once per execution (per client) and key; every item awaits the same result. */
export async function oncePerExecution<T>(
	client: CCPaymentClient,
	key: string,
	build: () => Promise<T>,
): Promise<T> {
	let runs = shared.get(client);
	if (!runs) shared.set(client, (runs = new Map()));
	let run = runs.get(key) as Promise<T> | undefined;
	if (!run) {
		run = build();
		runs.set(key, run);
	}
	return await run;
}

/** A batch-level parameter: read on every item, and it must be the same on all of them. */
export function sameOnEveryItem<T>(
	ctx: IExecuteFunctions,
	name: string,
	field: string,
	read: (raw: unknown, itemIndex: number) => T,
): T {
	const count = ctx.getInputData().length;
	const first = read(ctx.getNodeParameter(name, 0), 0);
	for (let j = 1; j < count; j++) {
		const value = read(ctx.getNodeParameter(name, j), j);
		if (JSON.stringify(value) !== JSON.stringify(first)) {
			throw new InvalidParameterError(
				field,
				`differs between items (item 0: ${JSON.stringify(first)}, item ${j}: ${JSON.stringify(value)})`,
				'All items of one execution form one batch: give every item the same value, or split the batches with a Loop Over Items node.',
			);
		}
	}
	return first;
}

export const seqProperty: INodeProperties = {
	displayName: 'Seq',
	name: 'seq',
	type: 'string',
	required: true,
	default: '={{ $itemIndex + 1 }}',
	description: 'Whole number of this item’s order in the batch, unique within the batch',
};

export const batchOrderIdProperty: INodeProperties = {
	displayName: 'Batch Order ID',
	name: 'batchOrderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. payroll-2024-06',
	description: 'Your unique ID for the batch: the idempotency key (3-64 characters)',
};

/** A seq: a whole number from 1 to 2^32-1. */
export function seqOf(value: unknown, itemIndex: number): number {
	const seq = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
	if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 1 || seq > 4294967295) {
		throw new InvalidParameterError(
			'Seq',
			`must be a whole number from 1 to 4294967295 (got ${JSON.stringify(value)}) [item ${itemIndex}]`,
			'Use e.g. {{ $itemIndex + 1 }}, or a number from your data.',
		);
	}
	return seq;
}

export interface BatchOrder extends IDataObject {
	seq: number;
	address: string;
	amount: string;
}

/** The orders of the batch, one per item, seqs unique. */
export function ordersOf(
	ctx: IExecuteFunctions,
	precision: number | undefined,
	symbol?: string,
): BatchOrder[] {
	const count = ctx.getInputData().length;
	checkCount(count, 'Orders (input items)', MAX_BATCH_ORDERS);
	const orders: BatchOrder[] = [];
	const seen = new Map<number, number>();
	for (let j = 0; j < count; j++) {
		const seq = seqOf(ctx.getNodeParameter('seq', j), j);
		if (seen.has(seq)) {
			throw new InvalidParameterError(
				'Seq',
				`${seq} is used by items ${seen.get(seq)} and ${j}`,
				'Give every item its own seq, e.g. {{ $itemIndex + 1 }}.',
			);
		}
		seen.set(seq, j);
		const extra = ctx.getNodeParameter('orderFields', j, {}) as IDataObject;
		const order: BatchOrder = {
			seq,
			address: requiredText(
				ctx.getNodeParameter('address', j),
				`Address (item ${j})`,
				'Enter the recipient address.',
			),
			amount: coinAmount(
				ctx.getNodeParameter('amount', j),
				`Amount (item ${j})`,
				precision,
				symbol,
			),
		};
		const memo = optionalText(extra.memo, `Memo (item ${j})`);
		if (memo !== undefined) order.memo = memo;
		const remark = optionalText(extra.remark, 'Remark');
		if (remark !== undefined) order.remark = remark;
		orders.push(order);
	}
	return orders;
}

export const orderProperties: INodeProperties[] = [
	seqProperty,
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 0x12ac45...',
		description: 'Recipient address of this item’s order',
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 25.5',
		description: 'Amount of this item’s order in coin units, as a decimal string',
	},
	{
		displayName: 'Order Fields',
		name: 'orderFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Memo',
				name: 'memo',
				type: 'string',
				default: '',
				description: 'Memo or tag, on memo networks',
			},
			{
				displayName: 'Remark',
				name: 'remark',
				type: 'string',
				default: '',
				description: 'Your note on this order',
			},
		],
	},
];

/** The output of one item: its order, with the batch's answer. */
export function itemOutput(orders: BatchOrder[], i: number, batch: IDataObject): IDataObject {
	return { ...batch, ...orders[i] };
}
