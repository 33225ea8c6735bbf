import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { requiredText } from '../../helpers/validation';
import type { OperationExecute, V2Operation } from '../types';

export const option: V2Operation['option'] = {
	name: 'Check',
	value: 'check',
	description: 'Check that a Cwallet user exists before sending it a payout',
	action: 'Check Cwallet user',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Cwallet User ID',
		name: 'cwalletUserId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 35255142',
		description: 'The Cwallet ID (or email) to check',
	},
];

export const execute: OperationExecute = async function (this, i, client) {
	const body = {
		cwalletUserId: requiredText(this.getNodeParameter('cwalletUserId', i), 'Cwallet User ID'),
	};
	return await client.read(ENDPOINTS_V2.cwalletUserId, body, i);
};
