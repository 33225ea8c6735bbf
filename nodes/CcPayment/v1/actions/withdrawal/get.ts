import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { merchantOrderIdsField, simplifyField } from '../common';
import { getOrders } from '../orderLookup';
import type { OperationExecute } from '../types';

const properties: INodeProperties[] = [
	merchantOrderIdsField,
	simplifyField(
		'Whether to return a simplified version of the response instead of the raw data (key withdrawal fields and fees)',
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['withdrawal'], operation: ['get'] } },
	properties,
);

export const execute: OperationExecute = async function (this, i, client) {
	return await getOrders.call(this, i, client, 'withdrawal');
};
