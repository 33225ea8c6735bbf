import type { INodeProperties } from 'n8n-workflow';

import * as get from './get';

export { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get deposit orders (hosted or native checkout) by merchant order IDs',
				action: 'Get orders',
			},
		],
		default: 'get',
	},
	...get.description,
];
