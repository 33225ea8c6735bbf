import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { integerId } from '../../helpers/validation';
import { coinLocator, locatorValue, objectAt } from '../common';
import type { OperationExecute, V2Operation } from '../types';

export const option: V2Operation['option'] = {
	name: 'Get',
	value: 'get',
	description: 'Get the merchant balance of one coin',
	action: 'Get a balance',
};

export const properties: INodeProperties[] = [
	coinLocator({ description: 'The coin whose balance to get' }),
];

export const execute: OperationExecute = async function (this, i, client) {
	const body = { coinId: integerId(locatorValue(this.getNodeParameter('coinId', i)), 'Coin') };
	return objectAt(await client.read(ENDPOINTS_V2.appCoinAsset, body, i), 'asset');
};
