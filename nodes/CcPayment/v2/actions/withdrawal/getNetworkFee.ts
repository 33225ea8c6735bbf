import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { integerId, requiredText } from '../../helpers/validation';
import { chainLocator, coinLocator, locatorValue } from '../common';
import type { OperationExecute, V2Operation } from '../types';

export const option: V2Operation['option'] = {
	name: 'Get Network Fee',
	value: 'getNetworkFee',
	description: 'Get the current network fee for withdrawing a coin on one chain',
	action: 'Get withdrawal network fee',
};

export const properties: INodeProperties[] = [
	coinLocator({ description: 'The coin to withdraw' }),
	chainLocator({
		description: 'The network to withdraw on (the list shows the networks of the coin above)',
	}),
];

export const execute: OperationExecute = async function (this, i, client) {
	const body = {
		coinId: integerId(locatorValue(this.getNodeParameter('coinId', i)), 'Coin'),
		chain: requiredText(
			locatorValue(this.getNodeParameter('chain', i)),
			'Chain',
			'Pick a chain from the list or enter its symbol, e.g. POLYGON.',
		),
	};
	return await client.read(ENDPOINTS_V2.withdrawFee, body, i);
};
