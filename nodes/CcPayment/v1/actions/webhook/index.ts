import type { INodeProperties } from 'n8n-workflow';

import * as resend from './resend';

export { resend };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		options: [
			{
				name: 'Resend',
				value: 'resend',
				description: 'Ask CCPayment to send the webhooks of a time window again',
				action: 'Resend webhooks',
			},
		],
		default: 'resend',
	},
	...resend.description,
];
