import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/transport';
import { listOf } from '../common';
import type { OperationExecute } from '../types';

const properties: INodeProperties[] = [
	{
		displayName:
			'This legacy endpoint is kept for older integrations; Get Many returns the same coins with their networks.',
		name: 'legacyNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['coin'], operation: ['getSupportedTokens'] } },
	properties,
);

export const execute: OperationExecute = async function (this, i, client) {
	return listOf(await client.read(ENDPOINTS.supportToken, {}, i));
};
