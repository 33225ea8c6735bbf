import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/transport';
import { listOf, requiredLocator, tokenLocator } from '../common';
import type { OperationExecute } from '../types';

const properties: INodeProperties[] = [
	tokenLocator({ description: 'Token whose networks to list' }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['coin'], operation: ['getNetworks'] } },
	properties,
);

export const execute: OperationExecute = async function (this, i, client) {
	const body = { token_id: requiredLocator(this.getNodeParameter('tokenId', i), 'Token') };
	return listOf(await client.read(ENDPOINTS.tokenChain, body, i));
};
