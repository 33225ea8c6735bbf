import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { coinPrecision } from '../../helpers/coins';
import { coinAmount } from '../../helpers/moneyFields';
import { integerId, InvalidParameterError, positiveAmount } from '../../helpers/validation';
import { additionalFields, compact } from '../common';
import type { OperationExecute, V2Operation } from '../types';
import { swapPairFields } from './shared';

export const option: V2Operation['option'] = {
	name: 'Get Quote',
	value: 'quote',
	description: 'Estimate what a swap would return, with its rate and fee',
	action: 'Get a swap quote',
};

export const properties: INodeProperties[] = [
	...swapPairFields,
	additionalFields([
		{
			displayName: 'Extra Fee Rate',
			name: 'extraFeeRate',
			type: 'string',
			default: '',
			placeholder: 'e.g. 0.01',
			description: 'Your markup on user swaps as a fraction (0.01 = 1%)',
		},
	]),
];

export const execute: OperationExecute = async function (this, i, client) {
	const extra = this.getNodeParameter('additionalFields', i, {});
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
	const body = compact({
		coinIdIn,
		amountIn: coinAmount(rawAmount, 'Amount In', precision, symbol),
		coinIdOut,
		extraFeeRate:
			extra.extraFeeRate === undefined || extra.extraFeeRate === ''
				? undefined
				: positiveAmount(extra.extraFeeRate, 'Extra Fee Rate', { example: '0.01' }),
	});
	return await client.read(ENDPOINTS_V2.swapEstimate, body, i);
};
