import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { listAt } from '../common';
import type { OperationExecute, V2Operation } from '../types';

export const option: V2Operation['option'] = {
	name: 'Get Many',
	value: 'getMany',
	description: 'Get the merchant balance of every coin',
	action: 'Get many balances',
};

export const properties: INodeProperties[] = [];

export const execute: OperationExecute = async function (this, i, client) {
	return listAt(await client.read(ENDPOINTS_V2.appCoinAssetList, {}, i), 'assets');
};
