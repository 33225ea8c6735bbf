/**
 * v2 writes under the shared write policy, plus what v2 adds: each write brings its own lookup
 * by order ID (reconciliation), and a duplicate order ID (11011/11007) resolves to the existing
 * record, but only when that record is the same request; otherwise the item fails.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isDuplicateOrderError } from '../../shared/execution/writePolicy';
import type { CCPaymentClient, EndpointV2 } from '../../shared/transport';
import { failureInfoOf } from '../../shared/transport';

export interface V2WriteSpec {
	endpoint: EndpointV2;
	body: IDataObject;
	orderId: string;
	/** For messages: "withdrawal", "order", ... */
	what: string;
	/** Where to look it up in the node: "Withdrawal > Get". */
	lookupHint: string;
	/** The existing record for this order ID, or undefined when CCPayment has none. */
	lookup: () => Promise<IDataObject | undefined>;
	/** Differences between an existing record and this request; empty when it is this request. */
	differences: (record: IDataObject) => string[];
	/** The key the output names the order ID with (orderId or batchOrderId). */
	idKey?: string;
}

/** A found record that is not this write: the item fails and nothing is re-sent. */
function reusedError(ctx: IExecuteFunctions, i: number, spec: V2WriteSpec, differences: string[]) {
	const error = new NodeOperationError(
		ctx.getNode(),
		`The order ID "${spec.orderId}" is already used by a different ${spec.what} (${differences.join('; ')})`,
		{
			itemIndex: i,
			description: `This item was not created. Use a new order ID for a new ${spec.what}, or see the existing one with ${spec.lookupHint}.`,
		},
	);
	(error as { ccpaymentOutcome?: object }).ccpaymentOutcome = {
		outcome: 'failed',
		merchant_order_id: spec.orderId,
	};
	return error;
}

function existing(
	ctx: IExecuteFunctions,
	i: number,
	spec: V2WriteSpec,
	record: IDataObject,
): IDataObject {
	const differences = spec.differences(record);
	if (differences.length) throw reusedError(ctx, i, spec, differences);
	return {
		outcome: 'already_existed',
		[spec.idKey ?? 'orderId']: spec.orderId,
		...(record.recordId !== undefined ? { recordId: record.recordId } : {}),
		...(record.status !== undefined ? { status: record.status } : {}),
		record,
	};
}

/**
 * Runs one v2 write. Output: `{ outcome: 'created', orderId, ...answer }` or
 * `{ outcome: 'already_existed', orderId, recordId?, status?, record }`.
 */
export async function v2Write(
	ctx: IExecuteFunctions,
	client: CCPaymentClient,
	i: number,
	spec: V2WriteSpec,
): Promise<IDataObject> {
	const result = await client
		.write(spec.endpoint, spec.body, i, {
			merchantOrderId: spec.orderId,
			reconcilable: true,
			what: spec.what,
			lookupHint: spec.lookupHint,
			lookup: spec.lookup,
		})
		.catch((error: unknown) => ({ outcome: 'error' as const, error }));
	if (result.outcome === 'error') {
		// A first send refused as a duplicate: an earlier run (or another workflow) used this ID.
		const record = isDuplicateOrderError(failureInfoOf(result.error))
			? await spec.lookup().catch(() => undefined)
			: undefined;
		if (!record) throw result.error as Error;
		return existing(ctx, i, spec, record);
	}
	if (result.outcome === 'already_existed') return existing(ctx, i, spec, result.order);
	const data = Array.isArray(result.data) ? { list: result.data } : result.data;
	return { outcome: 'created', [spec.idKey ?? 'orderId']: spec.orderId, ...data };
}

/**
 * A lookup that answers undefined for "no such record" (11003) and throws on anything else (the
 * write policy then reports the outcome as unknown).
 */
export async function lookupRecord(
	client: CCPaymentClient,
	endpoint: EndpointV2,
	body: IDataObject,
	i: number,
	key?: string,
): Promise<IDataObject | undefined> {
	const data = await client
		.read(endpoint, body, i)
		.catch((error: unknown) => ({ lookupError: error }));
	if (!Array.isArray(data) && 'lookupError' in data) {
		if (failureInfoOf(data.lookupError)?.code === 11003) return undefined;
		throw data.lookupError as Error;
	}
	if (Array.isArray(data)) return undefined;
	const value = key ? data[key] : data;
	return value && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;
}

/** "field: existing X, this item Y" when the two differ (amounts compared as decimals). */
export function differ(
	field: string,
	existingValue: unknown,
	wanted: unknown,
	same: (a: unknown, b: unknown) => boolean = (a, b) => String(a) === String(b),
): string[] {
	if (wanted === undefined || existingValue === undefined) return [];
	return same(existingValue, wanted)
		? []
		: [`${field}: existing ${JSON.stringify(existingValue)}, this item ${JSON.stringify(wanted)}`];
}
