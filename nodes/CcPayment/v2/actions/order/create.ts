import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { sameDecimal } from '../../helpers/decimalMath';
import { orderIdText } from '../../helpers/moneyFields';
import { notifyUrlProperty, orderIdProperty } from '../../helpers/properties';
import { integerId } from '../../helpers/validation';
import { differ, v2Write } from '../../helpers/writes';
import {
	additionalFields,
	chainLocator,
	chainOf,
	coinLocator,
	compact,
	locatorValue,
} from '../common';
import type { OperationExecute, V2Operation } from '../types';
import { checkoutOptions, coinPrice, fiatPrice } from './checkout';
import { findOrder } from './shared';

export const option: V2Operation['option'] = {
	name: 'Create',
	value: 'create',
	description: 'Create an order with a deposit address for one coin and chain',
	action: 'Create an order',
};

/** Fields shared with Invoice > Create. */
export const checkoutFields: INodeProperties[] = [
	{
		displayName: 'Expires At',
		name: 'expiresAt',
		type: 'dateTime',
		default: '',
		description: 'When the order expires (at most 10 days ahead). Set this or Valid For.',
	},
	{
		displayName: 'Valid For (Seconds)',
		name: 'validFor',
		type: 'number',
		default: 86400,
		typeOptions: { minValue: 1, maxValue: 864000 },
		description: 'How long the order stays open (at most 864000 = 10 days)',
	},
	{
		displayName: 'Buyer Email',
		name: 'buyerEmail',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'E-mail of the payer, shown on the checkout page',
	},
	{
		displayName: 'Product',
		name: 'product',
		type: 'string',
		default: '',
		description: 'Product name shown on the checkout page (at most 120 characters)',
	},
	{
		displayName: 'Return URL',
		name: 'returnUrl',
		type: 'string',
		default: '',
		description: 'Where the checkout page sends the payer after paying',
	},
	{
		displayName: 'Close URL',
		name: 'closeUrl',
		type: 'string',
		default: '',
		description: 'Where the checkout page sends a payer who leaves',
	},
	notifyUrlProperty,
];

export const properties: INodeProperties[] = [
	orderIdProperty(
		'Your unique ID for this order: the idempotency key (3-64 characters)',
		'e.g. order-1001',
	),
	coinLocator({ description: 'The coin the payer pays with' }),
	chainLocator({ description: 'The network the payer pays on' }),
	{
		displayName: 'Price In',
		name: 'priceIn',
		type: 'options',
		default: 'fiat',
		options: [
			{ name: 'Fiat Currency', value: 'fiat' },
			{ name: 'The Coin', value: 'coin' },
		],
		description: 'Whether the price is a fiat amount (converted at a locked rate) or a coin amount',
	},
	{
		displayName: 'Fiat ID',
		name: 'fiatId',
		type: 'string',
		required: true,
		default: '1033',
		displayOptions: { show: { priceIn: ['fiat'] } },
		description: 'CCPayment fiat ID (Fiat Currency > Get Many lists them; 1033 = USD)',
	},
	{
		displayName: 'Price',
		name: 'price',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 19.99',
		description: 'Fiat price (at most 2 decimals) or coin amount, as a decimal string',
	},
	additionalFields([
		...checkoutFields,
		{
			displayName: 'Generate Checkout URL',
			name: 'generateCheckoutURL',
			type: 'boolean',
			default: false,
			description: 'Whether to also create a hosted checkout page for the order',
		},
	]),
];

export const execute: OperationExecute = async function (this, i, client) {
	const extra = this.getNodeParameter('additionalFields', i, {});
	const orderId = orderIdText(
		this.getNodeParameter('orderId', i),
		'Order ID',
		'Enter your own stable order ID, e.g. order-1001.',
	);
	const coinId = integerId(locatorValue(this.getNodeParameter('coinId', i)), 'Coin');
	const chain = chainOf(this, i);
	const priceIn = this.getNodeParameter('priceIn', i, 'fiat') as string;
	const rawPrice = this.getNodeParameter('price', i);
	let price: string;
	let fiatId: number | undefined;
	if (priceIn === 'fiat') {
		fiatId = integerId(this.getNodeParameter('fiatId', i), 'Fiat ID', '1033');
		price = fiatPrice(rawPrice);
	} else {
		price = await coinPrice(client, rawPrice, coinId, chain, i);
	}
	const checkout = checkoutOptions(this, extra);
	const body = compact({
		orderId,
		coinId,
		chain,
		price,
		fiatId,
		expiredAt: checkout.expiredAt,
		buyerEmail: checkout.buyerEmail,
		generateCheckoutURL: extra.generateCheckoutURL === true ? true : undefined,
		product: checkout.product,
		returnUrl: checkout.returnUrl,
		closeUrl: checkout.closeUrl,
		notifyUrl: checkout.notifyUrl,
	});
	return await v2Write(this, client, i, {
		endpoint: ENDPOINTS_V2.createOrder,
		body,
		orderId,
		what: 'order',
		lookupHint: 'Order > Get',
		lookup: async () => await findOrder(client, orderId, i),
		differences: (order) => [
			...differ('coin', order.coinId, coinId),
			...differ('chain', order.chain, chain),
			...(fiatId === undefined
				? differ('amount', order.amountToPay, price, sameDecimal)
				: differ('fiat', order.fiatId, fiatId)),
		],
	});
};
