import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { listAt } from '../common';
import type { OperationExecute, V2Operation } from '../types';

export const option: V2Operation['option'] = {
	name: 'Get Coins',
	value: 'getCoins',
	description: 'List the coins of your business list that can be swapped',
	action: 'Get swappable coins',
};

export const properties: INodeProperties[] = [];

export const execute: OperationExecute = async function (this, i, client) {
	return listAt(await client.read(ENDPOINTS_V2.swapCoinList, {}, i), 'coins');
};
