import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { collectPages, listLimit } from '../../helpers/lists';
import { orderIdText } from '../../helpers/moneyFields';
import { returnAllFields } from '../common';
import type { OperationExecute, V2Operation } from '../types';
import { batchOrderIdProperty } from './shared';

export const option: V2Operation['option'] = {
	name: 'Get Records',
	value: 'getRecords',
	description: 'List the orders of a batch with their status, one item per order',
	action: 'Get batch withdrawal records',
};

export const properties: INodeProperties[] = [
	{ ...batchOrderIdProperty, description: 'The batch whose orders to list' },
	...returnAllFields,
];

export const execute: OperationExecute = async function (this, i, client) {
	const batchOrderId = orderIdText(
		this.getNodeParameter('batchOrderId', i),
		'Batch Order ID',
		'Enter the batch order ID used to create the batch.',
	);
	const limit = listLimit(this, i);
	return await collectPages(client, ENDPOINTS_V2.batchRecordList, { batchOrderId }, i, limit);
};
