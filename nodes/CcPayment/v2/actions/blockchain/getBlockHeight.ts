import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { requiredText } from '../../helpers/validation';
import type { OperationExecute, V2Operation } from '../types';

export const option: V2Operation['option'] = {
	name: 'Get Block Height',
	value: 'getBlockHeight',
	description:
		'Get the block height of a transaction and the confirmations it needs (endpoint not in the public reference)',
	action: 'Get block height of transaction',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Record ID',
		name: 'recordId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 20240312090316119190942031876096',
		description: 'The CCPayment record ID of the deposit or withdrawal',
	},
];

export const execute: OperationExecute = async function (this, i, client) {
	// The one snake_case field of v2, as CCPayment's SDK sends it.
	const body = { record_id: requiredText(this.getNodeParameter('recordId', i), 'Record ID') };
	return await client.read(ENDPOINTS_V2.tradeBlockHeight, body, i);
};
