import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { simplifyDepositOrder, simplifyWithdrawalOrder } from '../helpers/simplify';
import { chunk, idList } from '../helpers/validation';
import { ENDPOINTS } from '../../shared/transport';
import type { CCPaymentClient } from '../../shared/transport/client';
import { orderIdOf } from '../../shared/transport/client';

export const BILL_INFO_MAX_IDS = 100;

/** Wait for every promise, then return the values or throw the first failure (in order). */
async function settleAll<T>(promises: Array<Promise<T>>): Promise<T[]> {
	const settled = await Promise.all(
		promises.map(
			async (promise) =>
				await promise.then(
					(value) => ({ ok: true as const, value }),
					(error: unknown) => ({ ok: false as const, error }),
				),
		),
	);
	const failed = settled.find((entry) => !entry.ok);
	if (failed && !failed.ok) throw failed.error;
	return settled.map((entry) => (entry.ok ? entry.value : (undefined as never)));
}

/**
 * Order > Get and Withdrawal > Get: any number of IDs, deduplicated, sent in calls of at most 100,
 * answered with one item per order in the requested order.
 */
export async function getOrders(
	this: IExecuteFunctions,
	i: number,
	client: CCPaymentClient,
	kind: 'deposit' | 'withdrawal',
): Promise<IDataObject[]> {
	const ids = idList(this.getNodeParameter('merchantOrderIds', i), 'Merchant Order IDs');
	const simplify = this.getNodeParameter('simplify', i, true) === true;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const includeNotFound = options.includeNotFound === true;

	const responses = await settleAll(
		chunk(ids, BILL_INFO_MAX_IDS).map(
			async (ids) => await client.read(ENDPOINTS.orderInfo, { merchant_order_ids: ids }, i),
		),
	);
	const byId = new Map<string, IDataObject>();
	for (const data of responses) {
		for (const entry of Array.isArray(data) ? data : []) {
			const id = orderIdOf(entry);
			if (id !== undefined && !byId.has(id)) byId.set(id, entry);
		}
	}

	const simplifyEntry = kind === 'deposit' ? simplifyDepositOrder : simplifyWithdrawalOrder;
	const output: IDataObject[] = [];
	for (const id of ids) {
		const entry = byId.get(id);
		if (!entry) {
			if (includeNotFound) output.push({ merchant_order_id: id, found: false });
			continue;
		}
		const json = (simplify ? simplifyEntry(entry) : entry) as IDataObject;
		output.push(includeNotFound ? { ...json, found: true } : json);
	}
	return output;
}
