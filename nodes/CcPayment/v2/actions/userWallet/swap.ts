import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { integerId, positiveAmount } from '../../helpers/validation';
import { additionalFields, coinLocator, locatorValue } from '../common';
import type { OperationExecute, V2Operation } from '../types';
import {
	markupOf,
	orderIdOf,
	orderIdProperty,
	userIdOf,
	userIdProperty,
	writeWallet,
} from './shared';

export const option: V2Operation['option'] = {
	name: 'Swap',
	value: 'swap',
	description: "Swap coins inside a user's balance, with your markup and a minimum output",
	action: "Swap coins in a user's balance",
};

export const properties: INodeProperties[] = [
	userIdProperty(),
	orderIdProperty('Your unique ID for this swap: re-running with it never swaps twice'),
	coinLocator({ displayName: 'Coin In', name: 'coinIdIn', description: 'The coin the user pays' }),
	{
		displayName: 'Amount In',
		name: 'amountIn',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 100',
		description: 'Amount of Coin In, as a decimal string',
	},
	coinLocator({
		displayName: 'Coin Out',
		name: 'coinIdOut',
		description: 'The coin the user gets',
	}),
	{
		displayName: 'Minimum Amount Out',
		name: 'amountOutMinimum',
		type: 'string',
		default: '',
		placeholder: 'e.g. 190.5',
		description:
			'The swap is not made if the user would get less (e.g. the quote minus your slippage)',
	},
	additionalFields([
		{
			displayName: 'Markup Rate',
			name: 'extraFeeRate',
			type: 'string',
			default: '',
			placeholder: 'e.g. 0.01',
			description: 'Your fee on top of CCPayment\'s, as a fraction of the output ("0.01" = 1%)',
		},
	]),
];

export const execute: OperationExecute = async function (this, i, client) {
	const extra = this.getNodeParameter('additionalFields', i, {});
	const orderId = orderIdOf(this.getNodeParameter('orderId', i));
	const minimum = this.getNodeParameter('amountOutMinimum', i, '') as string;
	const body = {
		orderId,
		userId: userIdOf(this.getNodeParameter('userId', i), 'User ID', client.appId()),
		coinIdIn: integerId(locatorValue(this.getNodeParameter('coinIdIn', i)), 'Coin In'),
		amountIn: positiveAmount(this.getNodeParameter('amountIn', i), 'Amount In', { example: '100' }),
		coinIdOut: integerId(locatorValue(this.getNodeParameter('coinIdOut', i)), 'Coin Out'),
		extraFeeRate: markupOf(extra.extraFeeRate),
		amountOutMinimum:
			minimum === '' || minimum === undefined
				? undefined
				: positiveAmount(minimum, 'Minimum Amount Out', { example: '190.5' }),
	};
	return await writeWallet(client, ENDPOINTS_V2.userSwap, body, i, orderId, {
		what: 'user swap',
		lookupHint: 'User Wallet > Get Swap',
		lookupEndpoint: ENDPOINTS_V2.userSwapRecord,
	});
};
