import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany';
import * as getNetworks from './getNetworks';
import * as getRate from './getRate';
import * as getSupportedTokens from './getSupportedTokens';

export { getMany, getNetworks, getRate, getSupportedTokens };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['coin'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get the coins enabled for your account, with their networks (token IDs)',
				action: 'Get many coins',
			},
			{
				name: 'Get Networks (Legacy)',
				value: 'getNetworks',
				description: 'Get the networks of a token (legacy endpoint)',
				action: 'Get networks of token',
			},
			{
				name: 'Get Rate',
				value: 'getRate',
				description: 'Convert a USD amount into a token amount at the current rate',
				action: 'Get token rate',
			},
			{
				name: 'Get Supported Tokens (Legacy)',
				value: 'getSupportedTokens',
				description: 'Get the supported tokens (legacy endpoint)',
				action: 'Get supported tokens',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
	...getNetworks.description,
	...getRate.description,
	...getSupportedTokens.description,
];
