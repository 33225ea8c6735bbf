import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyCoin } from '../../helpers/simplify';
import { ENDPOINTS } from '../../../shared/transport';
import { listOf, simplifyField } from '../common';
import type { OperationExecute } from '../types';

const properties: INodeProperties[] = [
	simplifyField(
		'Whether to return a simplified version of the response instead of the raw data (key coin fields with a networks list)',
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['coin'], operation: ['getMany'] } },
	properties,
);

export const execute: OperationExecute = async function (this, i, client) {
	const simplify = this.getNodeParameter('simplify', i, true) === true;
	const coins = listOf(await client.read(ENDPOINTS.coinAll, {}, i));
	return simplify ? coins.map((coin) => simplifyCoin(coin) as IDataObject) : coins;
};
