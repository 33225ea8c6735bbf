import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/transport';
import { listOf } from '../common';
import type { OperationExecute } from '../types';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions(
	{ show: { resource: ['blockchain'], operation: ['getBlockHeights'] } },
	properties,
);

export const execute: OperationExecute = async function (this, i, client) {
	return listOf(await client.read(ENDPOINTS.networkHeight, {}, i));
};
