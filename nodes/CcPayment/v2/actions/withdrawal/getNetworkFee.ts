import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { integerId } from '../../helpers/validation';
import { chainLocator, chainOf, coinLocator, locatorValue } from '../common';
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
		chain: chainOf(this, i),
	};
	return await client.read(ENDPOINTS_V2.withdrawFee, body, i);
};
