import type { INodeProperties } from 'n8n-workflow';

import * as getBlockHeights from './getBlockHeights';

export { getBlockHeights };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['blockchain'] } },
		options: [
			{
				name: 'Get Block Heights',
				value: 'getBlockHeights',
				description: 'Get the current block height and required confirmations of each chain',
				action: 'Get block heights',
			},
		],
		default: 'getBlockHeights',
	},
	...getBlockHeights.description,
];
