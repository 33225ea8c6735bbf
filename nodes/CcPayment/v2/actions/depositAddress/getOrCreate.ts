import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { optionalUrl, orderIdText } from '../../helpers/moneyFields';
import { notifyUrlProperty } from '../../helpers/properties';
import { additionalFields, chainLocator, chainOf, compact } from '../common';
import type { OperationExecute, V2Operation } from '../types';

export const option: V2Operation['option'] = {
	name: 'Get or Create',
	value: 'getOrCreate',
	description:
		'Get the permanent deposit address of one of your users on a chain, creating it once',
	action: 'Get or create a deposit address',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Reference ID',
		name: 'referenceId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. user-1001',
		description: 'Your ID of the user who owns the address (3-64 characters)',
	},
	chainLocator({ description: 'The network of the address' }),
	additionalFields([notifyUrlProperty]),
];

export const execute: OperationExecute = async function (this, i, client) {
	const extra = this.getNodeParameter('additionalFields', i, {});
	const body = compact({
		referenceId: orderIdText(
			this.getNodeParameter('referenceId', i),
			'Reference ID',
			'Enter your ID of the user, e.g. user-1001.',
		),
		chain: chainOf(this, i),
		notifyUrl: optionalUrl(extra.notifyUrl, 'Notify URL'),
	});
	// Idempotent by (referenceId, chain): repeating it returns the same address.
	return await client.read(ENDPOINTS_V2.depositAddress, body, i);
};
