import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { integerIdList } from '../../helpers/validation';
import { objectAt, simplifyField } from '../common';
import type { OperationExecute, V2Operation } from '../types';

export const option: V2Operation['option'] = {
	name: 'Get USDT Prices',
	value: 'getPrices',
	description: 'Get the current USDT price of one or more coins',
	action: 'Get USDT prices of coins',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Coin IDs',
		name: 'coinIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1280, 1329',
		description:
			'Numeric CCPayment coin IDs, separated by commas, or an expression returning a list',
	},
	simplifyField('Whether to return one item per coin ({ coinId, price }) instead of the price map'),
];

export const execute: OperationExecute = async function (this, i, client) {
	const body = { coinIds: integerIdList(this.getNodeParameter('coinIds', i), 'Coin IDs') };
	const data = await client.read(ENDPOINTS_V2.coinUsdtPrice, body, i);
	if (!this.getNodeParameter('simplify', i, true)) return Array.isArray(data) ? {} : data;
	const prices = objectAt(data, 'prices');
	// Keys are coin IDs as text; prices stay decimal strings.
	return Object.entries(prices).map(
		([coinId, price]): IDataObject => ({
			coinId: /^\d+$/.test(coinId) ? Number(coinId) : coinId,
			price,
		}),
	);
};
