import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { coinPrecision } from '../../helpers/coins';
import { optionalShortText, optionalUrl, orderIdText } from '../../helpers/moneyFields';
import { notifyUrlProperty } from '../../helpers/properties';
import { integerId, requiredText } from '../../helpers/validation';
import { differ, lookupRecord, v2Write } from '../../helpers/writes';
import { additionalFields, chainLocator, coinLocator, compact, locatorValue } from '../common';
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
	name: 'Create',
	value: 'create',
	description: 'Create one batch of withdrawals from all input items (one order per item)',
	action: 'Create a batch withdrawal',
};

export const properties: INodeProperties[] = [
	batchOrderIdProperty,
	coinLocator({ description: 'The coin of every order in the batch' }),
	chainLocator({ description: 'The network of every order in the batch' }),
	...orderProperties,
	additionalFields([
		{
			displayName: 'Product Name',
			name: 'productName',
			type: 'string',
			default: '',
			description: 'Name of the batch shown on the dashboard',
		},
		{
			displayName: 'Mode',
			name: 'mode',
			type: 'options',
			default: 'Batch',
			options: [
				{ name: 'Batch', value: 'Batch' },
				{ name: 'Single', value: 'Single' },
			],
			description: 'Whether CCPayment pays the orders together (Batch) or one by one (Single)',
		},
		{ ...notifyUrlProperty, description: 'Webhook URL for this batch (at most 120 characters)' },
	]),
];

export const execute: OperationExecute = async function (this, i, client) {
	const result = await oncePerExecution(client, 'batch:create', async () => {
		const batchOrderId = sameOnEveryItem(this, 'batchOrderId', 'Batch Order ID', (raw) =>
			orderIdText(raw, 'Batch Order ID', 'Enter your own stable batch ID, e.g. payroll-2024-06.'),
		);
		const coinId = sameOnEveryItem(this, 'coinId', 'Coin', (raw) =>
			integerId(locatorValue(raw), 'Coin'),
		);
		const chain = sameOnEveryItem(this, 'chain', 'Chain', (raw) =>
			requiredText(locatorValue(raw), 'Chain', 'Pick a chain, e.g. POLYGON.'),
		);
		const extra = sameOnEveryItem(this, 'additionalFields', 'Additional Fields', (raw) => raw);
		const fields = (extra ?? {}) as IDataObject;
		// Batches allow shorter notify URLs (120) than single withdrawals (150).
		const notifyUrl = optionalShortText(
			optionalUrl(fields.notifyUrl, 'Notify URL'),
			'Notify URL',
			120,
		);
		const { precision, symbol } = await coinPrecision(client, coinId, chain, 0);
		const orders = ordersOf(this, precision, symbol);
		const body = compact({
			batchOrderId,
			coinId,
			chain,
			productName: optionalShortText(fields.productName, 'Product Name', 120),
			orders,
			mode: typeof fields.mode === 'string' && fields.mode ? fields.mode : 'Batch',
			notifyUrl,
		});
		const answer = await v2Write(this, client, 0, {
			endpoint: ENDPOINTS_V2.batchCreate,
			body,
			orderId: batchOrderId,
			idKey: 'batchOrderId',
			what: 'batch withdrawal',
			lookupHint: 'Batch Withdrawal > Get',
			lookup: async () => await lookupRecord(client, ENDPOINTS_V2.batchGet, { batchOrderId }, 0),
			differences: (batch) => differ('chain', batch.chain, chain),
		});
		return { answer, orders };
	});
	return itemOutput(result.orders, i, result.answer);
};
