import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['balance'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get your balances, for all coins or one',
				action: 'Get many balances',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
