import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { requiredText } from '../../helpers/validation';
import { objectAt } from '../common';
import type { OperationExecute, V2Operation } from '../types';

export const option: V2Operation['option'] = {
	name: 'Get',
	value: 'get',
	description: 'Get one deposit by its record ID (the way to confirm a deposit webhook)',
	action: 'Get a deposit record',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Record ID',
		name: 'recordId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 20240312090316119190942031876096',
		description: 'CCPayment’s record ID of the deposit',
	},
];

export const execute: OperationExecute = async function (this, i, client) {
	const recordId = requiredText(this.getNodeParameter('recordId', i), 'Record ID');
	return objectAt(await client.read(ENDPOINTS_V2.depositRecord, { recordId }, i), 'record');
};
