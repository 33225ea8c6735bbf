import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { requiredText } from '../../helpers/validation';
import { chainLocator, chainOf } from '../common';
import type { OperationExecute, V2Operation } from '../types';

export const option: V2Operation['option'] = {
	name: 'Check Validity',
	value: 'checkValidity',
	description: 'Check that an address is valid on a chain before withdrawing to it',
	action: 'Check address validity',
};

export const properties: INodeProperties[] = [
	chainLocator({ description: 'The network of the address' }),
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 0x43fEeF6879286BBAC5082f17AD3dA55EA456B934',
		description: 'The address to check',
	},
];

export const execute: OperationExecute = async function (this, i, client) {
	const body = {
		chain: chainOf(this, i, 'ETH'),
		address: requiredText(this.getNodeParameter('address', i), 'Address'),
	};
	return await client.read(ENDPOINTS_V2.checkWithdrawalAddressValidity, body, i);
};
