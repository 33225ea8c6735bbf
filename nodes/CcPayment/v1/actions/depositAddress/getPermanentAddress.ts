import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionalText, requiredText, userId } from '../../helpers/validation';
import { ENDPOINTS } from '../../../shared/transport';
import { additionalFields, compact } from '../common';
import type { OperationExecute } from '../types';

const properties: INodeProperties[] = [
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. user-1001',
		description:
			'ID of the user in your system, 3 to 64 characters. The same user and chain always get the same address.',
	},
	{
		displayName: 'Chain Name or ID',
		name: 'chain',
		type: 'options',
		required: true,
		default: '',
		typeOptions: { loadOptionsMethod: 'getChains' },
		description:
			'Chain of the address (e.g. TRX, ETH, BSC). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	additionalFields([
		{
			displayName: 'Notify URL',
			name: 'notifyUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://n8n.example.com/webhook/ccpayment',
			description:
				'Webhook URL for deposits to this address, instead of the one set on the Developer page',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['depositAddress'], operation: ['getPermanentAddress'] } },
	properties,
);

export const execute: OperationExecute = async function (this, i, client) {
	const extra = this.getNodeParameter('additionalFields', i, {});
	const body = compact({
		user_id: userId(this.getNodeParameter('userId', i)),
		chain: requiredText(
			this.getNodeParameter('chain', i),
			'Chain',
			'Pick a chain from the list, e.g. TRX.',
		),
		notify_url: optionalText(extra.notifyUrl, 'Notify URL'),
	});
	// One address per (user_id, chain): asking again returns the same address, so this is retried like a read.
	return await client.read(ENDPOINTS.paymentAddress, body, i);
};
