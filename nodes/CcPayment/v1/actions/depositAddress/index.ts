import type { INodeProperties } from 'n8n-workflow';

import * as getPermanentAddress from './getPermanentAddress';

export { getPermanentAddress };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['depositAddress'] } },
		options: [
			{
				name: 'Get Permanent Address',
				value: 'getPermanentAddress',
				description:
					'Get the permanent deposit address of a user on a chain, creating it on first use',
				action: 'Get permanent deposit address',
			},
		],
		default: 'getPermanentAddress',
	},
	...getPermanentAddress.description,
];
