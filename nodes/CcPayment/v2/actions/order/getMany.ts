import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { textList } from '../../helpers/moneyFields';
import { InvalidParameterError } from '../../helpers/validation';
import type { OperationExecute, V2Operation } from '../types';
import { findOrder, orderOutput, simplifyOrder } from './shared';

export const option: V2Operation['option'] = {
	name: 'Get Many',
	value: 'getMany',
	description: 'Get several orders by ID, one request each within the rate limit',
	action: 'Get many orders',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Order IDs',
		name: 'orderIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. order-1001, order-1002',
		description: 'Your order IDs, comma- or newline-separated, or a list from an expression',
	},
	simplifyOrder,
	{
		displayName: 'Options',
		name: 'lookupOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Not Found',
				name: 'includeNotFound',
				type: 'boolean',
				default: false,
				description: 'Whether to output { orderId, found: false } for IDs CCPayment does not know',
			},
		],
	},
];

export const execute: OperationExecute = async function (this, i, client) {
	const orderIds = textList(this.getNodeParameter('orderIds', i), 'Order IDs');
	if (!orderIds.length) {
		throw new InvalidParameterError(
			'Order IDs',
			'is required but empty',
			'Enter one or more order IDs separated by commas.',
		);
	}
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const options = this.getNodeParameter('lookupOptions', i, {}) as IDataObject;
	// v2 has no batch order lookup: one request per ID, all through the execution's limiter.
	const found = await Promise.all(orderIds.map(async (id) => await findOrder(client, id, i)));
	const output: IDataObject[] = [];
	orderIds.forEach((orderId, index) => {
		const info = found[index];
		if (info) output.push({ ...orderOutput(orderId, info, simplify), found: true });
		else if (options.includeNotFound === true) output.push({ orderId, found: false });
	});
	return output;
};
