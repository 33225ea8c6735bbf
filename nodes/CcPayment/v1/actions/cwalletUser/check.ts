import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredText } from '../../helpers/validation';
import { ENDPOINTS } from '../../../shared/transport';
import type { OperationExecute } from '../types';

const properties: INodeProperties[] = [
	{
		displayName: 'Cwallet ID',
		name: 'cwalletId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 9454818',
		description: 'The Cwallet ID to check before sending it a payout',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['cwalletUser'], operation: ['check'] } },
	properties,
);

export const execute: OperationExecute = async function (this, i, client) {
	const body = { c_id: requiredText(this.getNodeParameter('cwalletId', i), 'Cwallet ID') };
	return await client.read(ENDPOINTS.checkUser, body, i);
};
