import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { simplifyCoin } from '../../helpers/simplify';
import { integerId } from '../../helpers/validation';
import { coinLocator, locatorValue, objectAt, simplifyField } from '../common';
import type { OperationExecute, V2Operation } from '../types';

export const option: V2Operation['option'] = {
	name: 'Get',
	value: 'get',
	description: 'Get one coin with its networks and limits',
	action: 'Get a coin',
};

export const properties: INodeProperties[] = [
	coinLocator(),
	simplifyField(
		'Whether to return a simplified version of the coin (symbol, status, chains) instead of the full network detail',
	),
];

export const execute: OperationExecute = async function (this, i, client) {
	const body = { coinId: integerId(locatorValue(this.getNodeParameter('coinId', i)), 'Coin') };
	const coin = objectAt(await client.read(ENDPOINTS_V2.coin, body, i), 'coin');
	return this.getNodeParameter('simplify', i, true) ? simplifyCoin(coin) : coin;
};
