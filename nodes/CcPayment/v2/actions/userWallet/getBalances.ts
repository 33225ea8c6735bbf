import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { listAt } from '../common';
import type { OperationExecute, V2Operation } from '../types';
import { readWallet, userIdOf, userIdProperty } from './shared';

export const option: V2Operation['option'] = {
	name: 'Get Balances',
	value: 'getBalances',
	description: "Get a user's balance of every coin",
	action: "Get a user's balances",
};

export const properties: INodeProperties[] = [userIdProperty()];

export const execute: OperationExecute = async function (this, i, client) {
	const userId = userIdOf(this.getNodeParameter('userId', i), 'User ID', client.appId());
	const data = await readWallet(client, ENDPOINTS_V2.userCoinAssetList, { userId }, i);
	return listAt(data, 'assets').map((asset) => ({ userId, ...asset }));
};
