import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { merchantOrderIdsField, simplifyField } from '../common';
import { getOrders } from '../orderLookup';
import type { OperationExecute } from '../types';

const properties: INodeProperties[] = [
	merchantOrderIdsField,
	simplifyField(
		'Whether to return a simplified version of the response instead of the raw data. Simplified orders keep the order details (ID, status, product, price, coin, chain, amount, rate, created) plus paid_amount, payment_count, refunded_amount, refund_count, last_txid and last_pay_time.',
	),
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['get'] } }, properties);

export const execute: OperationExecute = async function (this, i, client) {
	return await getOrders.call(this, i, client, 'deposit');
};
