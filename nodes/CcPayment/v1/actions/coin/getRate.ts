import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { positiveAmount } from '../../helpers/validation';
import { ENDPOINTS } from '../../../shared/transport';
import { requiredLocator, tokenLocator } from '../common';
import type { OperationExecute } from '../types';

const properties: INodeProperties[] = [
	{
		displayName: 'Amount (USD)',
		name: 'amount',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1000',
		description: 'USD amount to convert, as a decimal string',
	},
	tokenLocator({ description: 'Token to convert the USD amount into' }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['coin'], operation: ['getRate'] } },
	properties,
);

export const execute: OperationExecute = async function (this, i, client) {
	const body = {
		amount: positiveAmount(this.getNodeParameter('amount', i), 'Amount (USD)', { example: '1000' }),
		token_id: requiredLocator(this.getNodeParameter('tokenId', i), 'Token'),
	};
	return await client.read(ENDPOINTS.tokenRate, body, i);
};
