import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { simplifyCoin } from '../../helpers/simplify';
import { listAt, simplifyField } from '../common';
import type { OperationExecute, V2Operation } from '../types';

export const option: V2Operation['option'] = {
	name: 'Get Many',
	value: 'getMany',
	description: 'Get the coins in "Tokens for your business", with their networks and limits',
	action: 'Get many coins',
};

export const properties: INodeProperties[] = [
	simplifyField(
		'Whether to return a simplified version of each coin (symbol, status, chains) instead of the full network detail',
	),
];

export const execute: OperationExecute = async function (this, i, client) {
	const coins = listAt(await client.read(ENDPOINTS_V2.coinList, {}, i), 'coins');
	return this.getNodeParameter('simplify', i, true) ? coins.map(simplifyCoin) : coins;
};
