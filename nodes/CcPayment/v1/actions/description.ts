import type { INodeProperties } from 'n8n-workflow';

import { throughputOptions } from '../../shared/execution/run';
import * as balance from './balance';
import * as blockchain from './blockchain';
import * as checkout from './checkout';
import * as coin from './coin';
import * as cwalletUser from './cwalletUser';
import * as depositAddress from './depositAddress';
import * as order from './order';
import * as webhook from './webhook';
import * as withdrawal from './withdrawal';

/**
 * Node-wide options (defaults match DEFAULT_RUN_SETTINGS in shared/transport/client.ts). The throughput
 * options are read from the first item and shared by every request of one execution.
 */
export const optionsCollection: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Include Not Found',
			name: 'includeNotFound',
			type: 'boolean',
			default: false,
			description:
				'Whether to output an item { merchant_order_id, found: false } for each ID CCPayment has no order for (found orders then carry found: true)',
			displayOptions: { show: { '/resource': ['order', 'withdrawal'], '/operation': ['get'] } },
		},
		...throughputOptions,
	],
};

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Balance', value: 'balance' },
		{ name: 'Blockchain', value: 'blockchain' },
		{ name: 'Checkout', value: 'checkout' },
		{ name: 'Coin', value: 'coin' },
		{ name: 'Cwallet User', value: 'cwalletUser' },
		{ name: 'Deposit Address', value: 'depositAddress' },
		{ name: 'Order', value: 'order' },
		{ name: 'Webhook', value: 'webhook' },
		{ name: 'Withdrawal', value: 'withdrawal' },
	],
	default: 'checkout',
};

export const nodeProperties: INodeProperties[] = [
	resourceProperty,
	...balance.description,
	...blockchain.description,
	...checkout.description,
	...coin.description,
	...cwalletUser.description,
	...depositAddress.description,
	...order.description,
	...webhook.description,
	...withdrawal.description,
	optionsCollection,
];
