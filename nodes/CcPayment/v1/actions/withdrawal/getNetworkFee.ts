import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InvalidParameterError, optionalText } from '../../helpers/validation';
import { ENDPOINTS } from '../../../shared/transport';
import { additionalFields, compact, requiredLocator, tokenLocator } from '../common';
import type { OperationExecute } from '../types';

const properties: INodeProperties[] = [
	tokenLocator({ description: 'Coin and network to quote the fee for' }),
	additionalFields([
		{
			displayName: 'Address',
			name: 'address',
			type: 'string',
			default: '',
			placeholder: 'e.g. TYWnk1EGALQyYst2yFSd29QQQTEkuKMbyt',
			description: 'Destination address. CCPayment quotes 0 for internal (Cwallet) destinations.',
		},
		{
			displayName: 'Memo',
			name: 'memo',
			type: 'string',
			default: '',
			placeholder: 'e.g. 12345',
			description: 'Memo or tag of the destination, on memo networks',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['withdrawal'], operation: ['getNetworkFee'] } },
	properties,
);

export const execute: OperationExecute = async function (this, i, client) {
	const extra = this.getNodeParameter('additionalFields', i, {});
	if ('address' in extra && optionalText(extra.address, 'Address') === undefined) {
		throw new InvalidParameterError(
			'Address',
			'was added but is empty',
			'Enter the destination address, or remove the field to get the external network fee.',
		);
	}
	const body = compact({
		token_id: requiredLocator(this.getNodeParameter('tokenId', i), 'Token'),
		address: optionalText(extra.address, 'Address'),
		memo: optionalText(extra.memo, 'Memo'),
	});
	return await client.read(ENDPOINTS.networkFee, body, i);
};
