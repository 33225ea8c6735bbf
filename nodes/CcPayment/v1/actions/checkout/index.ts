import type { INodeProperties } from 'n8n-workflow';

import * as createHostedUrl from './createHostedUrl';
import * as createNativeOrder from './createNativeOrder';

export { createHostedUrl, createNativeOrder };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['checkout'] } },
		options: [
			{
				name: 'Create Hosted Checkout URL',
				value: 'createHostedUrl',
				description:
					'Create a CCPayment-hosted payment page for a USD price; the payer picks the coin',
				action: 'Create hosted checkout URL',
			},
			{
				name: 'Create Native Checkout Order',
				value: 'createNativeOrder',
				description: 'Create an order for one token and get its payment address',
				action: 'Create native checkout order',
			},
		],
		default: 'createHostedUrl',
	},
	...createHostedUrl.description,
	...createNativeOrder.description,
];
