import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { integerId, positiveAmount, requiredText } from '../../helpers/validation';
import { coinLocator, locatorValue } from '../common';
import type { OperationExecute, V2Operation } from '../types';
import { orderIdOf, orderIdProperty, userIdOf, userIdProperty, writeWallet } from './shared';

export const option: V2Operation['option'] = {
	name: 'Withdraw to Cwallet',
	value: 'withdrawToCwallet',
	description:
		"Send coins from a user's balance to a Cwallet account (instant, no fee, no webhook)",
	action: 'Withdraw from a user to Cwallet',
};

export const properties: INodeProperties[] = [
	userIdProperty(),
	orderIdProperty('Your unique ID for this withdrawal: re-running with it never pays twice'),
	coinLocator({ description: 'The coin to withdraw' }),
	{
		displayName: 'Cwallet User',
		name: 'cwalletUser',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 9454818 or name@example.com',
		description: 'Cwallet ID or email of the receiver',
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 25.5',
		description: 'Amount as a decimal string, worth at least 0.001 USD',
	},
];

export const execute: OperationExecute = async function (this, i, client) {
	const orderId = orderIdOf(this.getNodeParameter('orderId', i));
	const body = {
		userId: userIdOf(this.getNodeParameter('userId', i), 'User ID', client.appId()),
		coinId: integerId(locatorValue(this.getNodeParameter('coinId', i)), 'Coin'),
		cwalletUser: requiredText(this.getNodeParameter('cwalletUser', i), 'Cwallet User'),
		amount: positiveAmount(this.getNodeParameter('amount', i), 'Amount', { example: '25.5' }),
		orderId,
	};
	return await writeWallet(client, ENDPOINTS_V2.userWithdrawToCwallet, body, i, orderId, {
		what: 'user withdrawal',
		lookupHint: 'User Wallet > Get Withdrawal',
		lookupEndpoint: ENDPOINTS_V2.userWithdrawRecord,
	});
};
