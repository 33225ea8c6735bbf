import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionalText } from '../../helpers/validation';
import { ENDPOINTS } from '../../../shared/transport';
import { coinLocator, listOf, locatorValue } from '../common';
import type { OperationExecute } from '../types';

const properties: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			coinLocator({
				description: 'Only return the balance of this coin. Without it, all balances are returned.',
			}),
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['balance'], operation: ['getMany'] } },
	properties,
);

export const execute: OperationExecute = async function (this, i, client) {
	const filters = this.getNodeParameter('filters', i, {});
	const coinId = optionalText(locatorValue(filters.coinId), 'Coin');
	return listOf(await client.read(ENDPOINTS.assets, coinId ? { coin_id: coinId } : {}, i));
};
