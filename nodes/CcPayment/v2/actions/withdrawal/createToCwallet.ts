import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { coinPrecision } from '../../helpers/coins';
import { sameDecimal } from '../../helpers/decimalMath';
import { coinAmount, orderIdText } from '../../helpers/moneyFields';
import { ORDER_ID_FIX, orderIdProperty } from '../../helpers/properties';
import { integerId, requiredText } from '../../helpers/validation';
import { differ, lookupRecord, v2Write } from '../../helpers/writes';
import { coinLocator, locatorValue } from '../common';
import type { OperationExecute, V2Operation } from '../types';

export const option: V2Operation['option'] = {
	name: 'Withdraw to Cwallet',
	value: 'createToCwallet',
	description: 'Pay out from the merchant balance to a Cwallet user (no network fee, no webhook)',
	action: 'Withdraw to a Cwallet user',
};

export const properties: INodeProperties[] = [
	orderIdProperty(
		'Your unique ID for this payout: the idempotency key. Use a stable value so re-running cannot pay twice.',
	),
	coinLocator({ description: 'The coin to send' }),
	{
		displayName: 'Cwallet User',
		name: 'cwalletUser',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 9454818 or name@example.com',
		description: 'Cwallet ID or e-mail of the recipient (Cwallet User > Check verifies it)',
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 25.5',
		description: 'Amount in coin units, as a decimal string (at least 0.001 USD worth)',
	},
];

export const execute: OperationExecute = async function (this, i, client) {
	const orderId = orderIdText(this.getNodeParameter('orderId', i), 'Order ID', ORDER_ID_FIX);
	const coinId = integerId(locatorValue(this.getNodeParameter('coinId', i)), 'Coin');
	const cwalletUser = requiredText(
		this.getNodeParameter('cwalletUser', i),
		'Cwallet User',
		'Enter the Cwallet ID or e-mail of the recipient.',
	);
	const rawAmount = this.getNodeParameter('amount', i);
	coinAmount(rawAmount, 'Amount', undefined);
	const { precision, symbol } = await coinPrecision(client, coinId, undefined, i);
	const amount = coinAmount(rawAmount, 'Amount', precision, symbol);
	const body = { coinId, cwalletUser, amount, orderId };
	return await v2Write(this, client, i, {
		endpoint: ENDPOINTS_V2.withdrawToCwallet,
		body,
		orderId,
		what: 'withdrawal',
		lookupHint: 'Withdrawal > Get',
		lookup: async () =>
			await lookupRecord(client, ENDPOINTS_V2.withdrawRecord, { orderId }, i, 'record'),
		differences: (record) => [
			...differ('coin', record.coinId, coinId),
			...differ('Cwallet user', record.cwalletUser, cwalletUser),
			...differ('amount', record.amount, amount, sameDecimal),
		],
	});
};
