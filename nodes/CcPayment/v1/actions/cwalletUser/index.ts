import type { INodeProperties } from 'n8n-workflow';

import * as check from './check';

export { check };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['cwalletUser'] } },
		options: [
			{
				name: 'Check',
				value: 'check',
				description: 'Check that a Cwallet ID exists and get its nickname',
				action: 'Check cwallet user',
			},
		],
		default: 'check',
	},
	...check.description,
];
