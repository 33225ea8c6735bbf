import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { integerId } from '../../helpers/validation';
import { coinLocator, locatorValue, objectAt } from '../common';
import type { OperationExecute, V2Operation } from '../types';
import { readWallet, userIdOf, userIdProperty } from './shared';

export const option: V2Operation['option'] = {
	name: 'Get Balance',
	value: 'getBalance',
	description: "Get a user's balance of one coin",
	action: "Get a user's balance",
};

export const properties: INodeProperties[] = [
	userIdProperty(),
	coinLocator({ description: 'The coin whose balance to get' }),
];

export const execute: OperationExecute = async function (this, i, client) {
	const userId = userIdOf(this.getNodeParameter('userId', i), 'User ID', client.appId());
	const coinId = integerId(locatorValue(this.getNodeParameter('coinId', i)), 'Coin');
	const data = await readWallet(client, ENDPOINTS_V2.userCoinAsset, { userId, coinId }, i);
	return { userId, ...objectAt(data, 'asset') };
};
