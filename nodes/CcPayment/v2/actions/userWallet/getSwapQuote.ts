import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { integerId, positiveAmount } from '../../helpers/validation';
import { additionalFields, coinLocator, locatorValue } from '../common';
import type { OperationExecute, V2Operation } from '../types';
import { markupOf, readWallet } from './shared';

export const option: V2Operation['option'] = {
	name: 'Get Swap Quote',
	value: 'getSwapQuote',
	description: 'Quote a user swap, including your markup (changes no balance)',
	action: 'Get a user swap quote',
};

export const properties: INodeProperties[] = [
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
	const body = {
		coinIdIn: integerId(locatorValue(this.getNodeParameter('coinIdIn', i)), 'Coin In'),
		amountIn: positiveAmount(this.getNodeParameter('amountIn', i), 'Amount In', { example: '100' }),
		coinIdOut: integerId(locatorValue(this.getNodeParameter('coinIdOut', i)), 'Coin Out'),
		extraFeeRate: markupOf(extra.extraFeeRate),
	};
	const data = await readWallet(client, ENDPOINTS_V2.swapEstimate, body, i);
	return Array.isArray(data) ? { list: data } : data;
};
