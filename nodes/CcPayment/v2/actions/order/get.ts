import type { INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { requiredText } from '../../helpers/validation';
import type { OperationExecute, V2Operation } from '../types';
import { orderIdLookupProperty, orderOutput, simplifyOrder } from './shared';

export const option: V2Operation['option'] = {
	name: 'Get',
	value: 'get',
	description: 'Get an order with its payments and computed payment state',
	action: 'Get an order',
};

export const properties: INodeProperties[] = [orderIdLookupProperty, simplifyOrder];

export const execute: OperationExecute = async function (this, i, client) {
	const orderId = requiredText(this.getNodeParameter('orderId', i), 'Order ID');
	const data = await client.read(ENDPOINTS_V2.orderInfo, { orderId }, i);
	if (Array.isArray(data)) {
		throw new NodeOperationError(this.getNode(), 'CCPayment answered with a list', {
			itemIndex: i,
		});
	}
	return orderOutput(orderId, data, this.getNodeParameter('simplify', i, true) as boolean);
};
