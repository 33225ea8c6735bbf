import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import {
	integerId,
	InvalidParameterError,
	optionalText,
	positiveAmount,
} from '../../helpers/validation';
import { additionalFields, coinLocator, locatorValue } from '../common';
import type { OperationExecute, V2Operation } from '../types';
import { orderIdOf, orderIdProperty, userIdOf, userIdProperty, writeWallet } from './shared';

export const option: V2Operation['option'] = {
	name: 'Transfer',
	value: 'transfer',
	description:
		'Move coins from one user to another user or to the merchant balance (instant, no fee)',
	action: 'Transfer between users',
};

export const properties: INodeProperties[] = [
	userIdProperty('fromUserId', 'From User ID', 'The user whose balance pays'),
	{
		displayName: 'To',
		name: 'recipient',
		type: 'options',
		default: 'user',
		options: [
			{ name: 'Another User', value: 'user', description: 'Credit another user of this wallet' },
			{
				name: 'Merchant Balance (Sweep)',
				value: 'merchant',
				description: 'Move the funds to your own merchant balance',
			},
		],
	},
	{
		...userIdProperty('toUserId', 'To User ID', 'The user who receives the coins'),
		displayOptions: { show: { recipient: ['user'] } },
	},
	orderIdProperty('Your unique ID for this transfer: re-running with it never transfers twice'),
	coinLocator({ description: 'The coin to transfer' }),
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 25.5',
		description: 'Amount as a decimal string, worth at least 0.001 USD',
	},
	additionalFields([
		{
			displayName: 'Remark',
			name: 'remark',
			type: 'string',
			default: '',
			description: 'A note kept with the transfer (at most 255 characters)',
		},
	]),
];

export const execute: OperationExecute = async function (this, i, client) {
	const appId = client.appId();
	const fromUserId = userIdOf(this.getNodeParameter('fromUserId', i), 'From User ID', appId);
	const recipient = this.getNodeParameter('recipient', i, 'user') as string;
	// The merchant's user ID is the App ID: the sweep sends it, never a typed-in magic string.
	const toUserId =
		recipient === 'merchant'
			? appId
			: userIdOf(this.getNodeParameter('toUserId', i), 'To User ID', appId);
	if (toUserId === fromUserId) {
		throw new InvalidParameterError(
			'To User ID',
			'is the same as From User ID',
			'Pick a different receiving user.',
		);
	}
	const extra = this.getNodeParameter('additionalFields', i, {});
	const orderId = orderIdOf(this.getNodeParameter('orderId', i));
	const body = {
		fromUserId,
		toUserId,
		coinId: integerId(locatorValue(this.getNodeParameter('coinId', i)), 'Coin'),
		amount: positiveAmount(this.getNodeParameter('amount', i), 'Amount', { example: '25.5' }),
		orderId,
		remark: optionalText(extra.remark, 'Remark'),
	};
	return await writeWallet(client, ENDPOINTS_V2.userTransfer, body, i, orderId, {
		what: 'transfer',
		lookupHint: 'User Wallet > Get Transfer',
		lookupEndpoint: ENDPOINTS_V2.userTransferRecord,
	});
};
