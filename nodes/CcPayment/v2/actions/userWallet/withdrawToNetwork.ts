import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { optionalUrl } from '../../helpers/moneyFields';
import { integerId, optionalText, positiveAmount, requiredText } from '../../helpers/validation';
import { additionalFields, chainLocator, coinLocator, locatorValue } from '../common';
import type { OperationExecute, V2Operation } from '../types';
import { orderIdOf, orderIdProperty, userIdOf, userIdProperty, writeWallet } from './shared';

export const option: V2Operation['option'] = {
	name: 'Withdraw to Network',
	value: 'withdrawToNetwork',
	description: "Send coins from a user's balance to a blockchain address",
	action: 'Withdraw from a user to a network address',
};

export const properties: INodeProperties[] = [
	userIdProperty(),
	orderIdProperty('Your unique ID for this withdrawal: re-running with it never pays twice'),
	coinLocator({ description: 'The coin to withdraw' }),
	chainLocator({ description: 'The network to withdraw on' }),
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 0x12ac45...',
		description: 'The destination address',
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 25.5',
		description:
			"Amount taken from the user's balance, as a decimal string; the network fee comes out of it",
	},
	additionalFields([
		{
			displayName: 'Memo',
			name: 'memo',
			type: 'string',
			default: '',
			description: 'Memo or tag, for chains that need one (e.g. XRP)',
		},
		{
			displayName: 'Network Fee Inquiry ID',
			name: 'networkFeeInquiryID',
			type: 'string',
			default: '',
			description: 'The ID from Withdrawal > Get Network Fee, to lock the quoted fee',
		},
		{
			displayName: 'Notify URL',
			name: 'notifyUrl',
			type: 'string',
			default: '',
			description: "Where CCPayment sends this withdrawal's UserWithdrawal webhooks",
		},
	]),
];

export const execute: OperationExecute = async function (this, i, client) {
	const extra = this.getNodeParameter('additionalFields', i, {});
	const orderId = orderIdOf(this.getNodeParameter('orderId', i));
	const body = {
		userId: userIdOf(this.getNodeParameter('userId', i), 'User ID', client.appId()),
		coinId: integerId(locatorValue(this.getNodeParameter('coinId', i)), 'Coin'),
		chain: requiredText(locatorValue(this.getNodeParameter('chain', i)), 'Chain'),
		address: requiredText(this.getNodeParameter('address', i), 'Address'),
		memo: optionalText(extra.memo, 'Memo'),
		orderId,
		amount: positiveAmount(this.getNodeParameter('amount', i), 'Amount', { example: '25.5' }),
		networkFeeInquiryID: optionalText(extra.networkFeeInquiryID, 'Network Fee Inquiry ID'),
		notifyUrl: optionalUrl(extra.notifyUrl, 'Notify URL'),
	};
	return await writeWallet(client, ENDPOINTS_V2.userWithdrawToNetwork, body, i, orderId, {
		what: 'user withdrawal',
		lookupHint: 'User Wallet > Get Withdrawal',
		lookupEndpoint: ENDPOINTS_V2.userWithdrawRecord,
	});
};
