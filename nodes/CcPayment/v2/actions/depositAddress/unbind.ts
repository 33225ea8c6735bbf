import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { requiredText } from '../../helpers/validation';
import { chainLocator, chainOf } from '../common';
import type { OperationExecute, V2Operation } from '../types';

export const option: V2Operation['option'] = {
	name: 'Unbind',
	value: 'unbind',
	description: 'Detach a permanent address from its user (EVM twins on other chains go too)',
	action: 'Unbind a deposit address',
};

export const properties: INodeProperties[] = [
	chainLocator({ description: 'The network of the address' }),
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 0x12ac45...',
		description: 'The permanent deposit address to unbind',
	},
];

export const execute: OperationExecute = async function (this, i, client) {
	const body = {
		chain: chainOf(this, i),
		address: requiredText(this.getNodeParameter('address', i), 'Address', 'Enter the address.'),
	};
	// A repeat after an applied unbinding is refused (17xxx), so re-send only what never arrived.
	return await client.read(ENDPOINTS_V2.addressUnbinding, body, i, { onlyIfNotApplied: true });
};
