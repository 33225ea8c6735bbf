import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { orderIdText } from '../../helpers/moneyFields';
import type { OperationExecute, V2Operation } from '../types';
import { batchOrderIdProperty } from './shared';

export const option: V2Operation['option'] = {
	name: 'Get',
	value: 'get',
	description: 'Get a batch with its status and counts',
	action: 'Get a batch withdrawal',
};

export const properties: INodeProperties[] = [
	{ ...batchOrderIdProperty, description: 'The batch to get' },
];

export const execute: OperationExecute = async function (this, i, client) {
	const batchOrderId = orderIdText(
		this.getNodeParameter('batchOrderId', i),
		'Batch Order ID',
		'Enter the batch order ID used to create the batch.',
	);
	return await client.read(ENDPOINTS_V2.batchGet, { batchOrderId }, i);
};
