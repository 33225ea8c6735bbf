import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { coinPrecision } from '../../helpers/coins';
import { sameDecimal } from '../../helpers/decimalMath';
import { coinAmount, optionalUrl, orderIdText } from '../../helpers/moneyFields';
import { notifyUrlProperty, ORDER_ID_FIX, orderIdProperty } from '../../helpers/properties';
import { integerId, optionalText, requiredText } from '../../helpers/validation';
import { differ, lookupRecord, v2Write } from '../../helpers/writes';
import {
	additionalFields,
	chainLocator,
	chainOf,
	coinLocator,
	compact,
	locatorValue,
} from '../common';
import type { OperationExecute, V2Operation } from '../types';

export const option: V2Operation['option'] = {
	name: 'Withdraw to Address',
	value: 'createToNetwork',
	description: 'Pay out from the merchant balance to a blockchain address',
	action: 'Withdraw to a blockchain address',
};

export const properties: INodeProperties[] = [
	orderIdProperty(
		'Your unique ID for this payout: the idempotency key. Use a stable value so re-running cannot pay twice.',
	),
	coinLocator({ description: 'The coin to send' }),
	chainLocator({ description: 'The network to send on' }),
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 0x12ac45...',
		description: "The recipient's address on the chosen network",
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 25.5',
		description: 'Amount in coin units, as a decimal string',
	},
	additionalFields([
		{
			displayName: 'Memo',
			name: 'memo',
			type: 'string',
			default: '',
			description: 'Memo or tag, for networks that need one (XRP, XLM, TON)',
		},
		{
			displayName: 'Merchant Pays Network Fee',
			name: 'merchantPayNetworkFee',
			type: 'boolean',
			default: false,
			description:
				'Whether you pay the network fee on top, so the recipient gets the full amount; otherwise it is deducted',
		},
		{
			displayName: 'Network Fee Inquiry ID',
			name: 'networkFeeInquiryID',
			type: 'string',
			default: '',
			description: 'The fee quote from Withdrawal > Get Network Fee, to pay exactly that fee',
		},
		notifyUrlProperty,
	]),
];

export const execute: OperationExecute = async function (this, i, client) {
	const extra = this.getNodeParameter('additionalFields', i, {});
	const orderId = orderIdText(this.getNodeParameter('orderId', i), 'Order ID', ORDER_ID_FIX);
	const coinId = integerId(locatorValue(this.getNodeParameter('coinId', i)), 'Coin');
	const chain = chainOf(this, i);
	const address = requiredText(
		this.getNodeParameter('address', i),
		'Address',
		"Enter the recipient's address.",
	);
	const rawAmount = this.getNodeParameter('amount', i);
	coinAmount(rawAmount, 'Amount', undefined);
	const { precision, symbol } = await coinPrecision(client, coinId, chain, i);
	const amount = coinAmount(rawAmount, 'Amount', precision, symbol);
	const body = compact({
		coinId,
		chain,
		address,
		memo: optionalText(extra.memo, 'Memo'),
		orderId,
		amount,
		merchantPayNetworkFee:
			typeof extra.merchantPayNetworkFee === 'boolean' ? extra.merchantPayNetworkFee : undefined,
		networkFeeInquiryID: optionalText(extra.networkFeeInquiryID, 'Network Fee Inquiry ID'),
		notifyUrl: optionalUrl(extra.notifyUrl, 'Notify URL'),
	});
	return await v2Write(this, client, i, {
		endpoint: ENDPOINTS_V2.withdrawToNetwork,
		body,
		orderId,
		what: 'withdrawal',
		lookupHint: 'Withdrawal > Get',
		lookup: async () =>
			await lookupRecord(client, ENDPOINTS_V2.withdrawRecord, { orderId }, i, 'record'),
		differences: (record) => [
			...differ('coin', record.coinId, coinId),
			...differ('chain', record.chain, chain),
			...differ('address', record.toAddress, address),
			...differ('amount', record.amount, amount, sameDecimal),
		],
	});
};
