import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { orderIdText } from '../../helpers/moneyFields';
import type { OperationExecute, V2Operation } from '../types';
import {
	batchOrderIdProperty,
	itemOutput,
	oncePerExecution,
	orderProperties,
	ordersOf,
	sameOnEveryItem,
} from './shared';

export const option: V2Operation['option'] = {
	name: 'Append',
	value: 'append',
	description: 'Add orders (one per input item) to a batch that is not confirmed yet',
	action: 'Append orders to a batch withdrawal',
};

export const properties: INodeProperties[] = [
	{ ...batchOrderIdProperty, description: 'The batch to add to' },
	...orderProperties,
];

export const execute: OperationExecute = async function (this, i, client) {
	const result = await oncePerExecution(client, 'batch:append', async () => {
		const batchOrderId = sameOnEveryItem(this, 'batchOrderId', 'Batch Order ID', (raw) =>
			orderIdText(raw, 'Batch Order ID', 'Enter the batch order ID used to create the batch.'),
		);
		const orders = ordersOf(this, undefined);
		// A repeat of an applied append is refused (duplicate seq), so only failures that certainly
		// never reached CCPayment are re-sent; otherwise check with Get Records.
		const answer = await client.read(ENDPOINTS_V2.batchAppend, { batchOrderId, orders }, 0, {
			onlyIfNotApplied: true,
		});
		return { answer: { batchOrderId, ...(Array.isArray(answer) ? {} : answer) }, orders };
	});
	return itemOutput(result.orders, i, result.answer);
};
