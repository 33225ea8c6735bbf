import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { InvalidParameterError, requiredText } from '../../helpers/validation';
import { objectAt } from '../common';
import type { OperationExecute, V2Operation } from '../types';

export const option: V2Operation['option'] = {
	name: 'Get',
	value: 'get',
	description: 'Get one withdrawal by its order ID or record ID',
	action: 'Get a withdrawal',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Find By',
		name: 'findBy',
		type: 'options',
		default: 'orderId',
		options: [
			{ name: 'Order ID', value: 'orderId' },
			{ name: 'Record ID', value: 'recordId' },
		],
		description: 'Which ID identifies the withdrawal',
	},
	{
		displayName: 'ID',
		name: 'id',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. payout-2024-0001',
		description: 'Your order ID, or CCPayment’s record ID',
	},
];

export const execute: OperationExecute = async function (this, i, client) {
	const findBy = this.getNodeParameter('findBy', i, 'orderId') as string;
	if (findBy !== 'orderId' && findBy !== 'recordId') {
		throw new InvalidParameterError(
			'Find By',
			`is unknown ("${findBy}")`,
			'Pick Order ID or Record ID.',
		);
	}
	const id = requiredText(this.getNodeParameter('id', i), 'ID', 'Enter the order or record ID.');
	return objectAt(await client.read(ENDPOINTS_V2.withdrawRecord, { [findBy]: id }, i), 'record');
};
