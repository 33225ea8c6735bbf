import type { INodeProperties } from 'n8n-workflow';

import * as create from './create';
import * as get from './get';
import * as getNetworkFee from './getNetworkFee';

export { create, get, getNetworkFee };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['withdrawal'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Send a payout to a blockchain address or a Cwallet account',
				action: 'Create withdrawal',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get withdrawals by merchant order IDs',
				action: 'Get withdrawals',
			},
			{
				name: 'Get Network Fee',
				value: 'getNetworkFee',
				description: 'Get the network fee of a withdrawal of a token',
				action: 'Get network fee',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getNetworkFee.description,
];
