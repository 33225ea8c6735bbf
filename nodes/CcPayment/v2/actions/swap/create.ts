import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { coinPrecision } from '../../helpers/coins';
import { sameDecimal } from '../../helpers/decimalMath';
import { coinAmount, orderIdText } from '../../helpers/moneyFields';
import { ORDER_ID_FIX, orderIdProperty } from '../../helpers/properties';
import { integerId, InvalidParameterError, positiveAmount } from '../../helpers/validation';
import { differ, lookupRecord, v2Write } from '../../helpers/writes';
import { additionalFields, compact } from '../common';
import type { OperationExecute, V2Operation } from '../types';
import { swapPairFields } from './shared';

export const option: V2Operation['option'] = {
	name: 'Swap',
	value: 'swap',
	description: 'Swap one coin of the merchant balance for another',
	action: 'Swap coins',
};

export const properties: INodeProperties[] = [
	orderIdProperty(
		'Your unique ID for this swap: the idempotency key (3-64 characters)',
		'e.g. swap-2024-0001',
	),
	...swapPairFields,
	additionalFields([
		{
			displayName: 'Amount Out Minimum',
			name: 'amountOutMinimum',
			type: 'string',
			default: '',
			placeholder: 'e.g. 193',
			description: 'The swap is not made if it would return less than this (slippage guard)',
		},
	]),
];

export const execute: OperationExecute = async function (this, i, client) {
	const extra = this.getNodeParameter('additionalFields', i, {});
	const orderId = orderIdText(this.getNodeParameter('orderId', i), 'Order ID', ORDER_ID_FIX);
	const coinIdIn = integerId(this.getNodeParameter('coinIdIn', i), 'Coin In ID');
	const coinIdOut = integerId(this.getNodeParameter('coinIdOut', i), 'Coin Out ID', '1329');
	if (coinIdIn === coinIdOut) {
		throw new InvalidParameterError(
			'Coin Out ID',
			'is the same as Coin In ID',
			'Pick two different coins.',
		);
	}
	const rawAmount = this.getNodeParameter('amountIn', i);
	coinAmount(rawAmount, 'Amount In', undefined);
	const { precision, symbol } = await coinPrecision(client, coinIdIn, undefined, i);
	const amountIn = coinAmount(rawAmount, 'Amount In', precision, symbol);
	const body = compact({
		orderId,
		coinIdIn,
		amountIn,
		coinIdOut,
		amountOutMinimum:
			extra.amountOutMinimum === undefined || extra.amountOutMinimum === ''
				? undefined
				: positiveAmount(extra.amountOutMinimum, 'Amount Out Minimum', { example: '193' }),
	});
	return await v2Write(this, client, i, {
		endpoint: ENDPOINTS_V2.swap,
		body,
		orderId,
		what: 'swap',
		lookupHint: 'Swap > Get',
		lookup: async () =>
			await lookupRecord(client, ENDPOINTS_V2.swapRecord, { orderId }, i, 'record'),
		differences: (record) => [
			...differ('coin in', record.coinIdIn, coinIdIn),
			...differ('coin out', record.coinIdOut, coinIdOut),
			...differ('amount in', record.amountIn, amountIn, sameDecimal),
		],
	});
};
