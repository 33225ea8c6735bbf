import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { sameDecimal } from '../../helpers/decimalMath';
import { orderIdText } from '../../helpers/moneyFields';
import { orderIdProperty } from '../../helpers/properties';
import { integerId } from '../../helpers/validation';
import { differ, lookupRecord, v2Write } from '../../helpers/writes';
import { additionalFields, compact } from '../common';
import { checkoutOptions, coinPrice, fiatPrice } from '../order/checkout';
import { checkoutFields } from '../order/create';
import type { OperationExecute, V2Operation } from '../types';

export const option: V2Operation['option'] = {
	name: 'Create',
	value: 'create',
	description: 'Create a hosted invoice page where the payer picks the coin and network',
	action: 'Create an invoice',
};

export const properties: INodeProperties[] = [
	orderIdProperty(
		'Your unique ID for this invoice: the idempotency key (3-64 characters)',
		'e.g. invoice-1001',
	),
	{
		displayName: 'Price In',
		name: 'priceIn',
		type: 'options',
		default: 'fiat',
		options: [
			{ name: 'Fiat Currency', value: 'fiat' },
			{ name: 'Coin', value: 'coin' },
		],
		description: 'Whether the price is in a fiat currency or in a coin (never both)',
	},
	{
		displayName: 'Fiat ID',
		name: 'priceFiatId',
		type: 'string',
		required: true,
		default: '1033',
		displayOptions: { show: { priceIn: ['fiat'] } },
		description: 'CCPayment fiat ID (Fiat Currency > Get Many lists them; 1033 = USD)',
	},
	{
		displayName: 'Coin ID',
		name: 'priceCoinId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1280',
		displayOptions: { show: { priceIn: ['coin'] } },
		description: 'CCPayment coin ID of the pricing coin',
	},
	{
		displayName: 'Price',
		name: 'price',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 19.99',
		description: 'Amount in the pricing currency, as a decimal string',
	},
	additionalFields(checkoutFields),
];

export const execute: OperationExecute = async function (this, i, client) {
	const extra = this.getNodeParameter('additionalFields', i, {});
	const orderId = orderIdText(
		this.getNodeParameter('orderId', i),
		'Order ID',
		'Enter your own stable invoice ID, e.g. invoice-1001.',
	);
	const priceIn = this.getNodeParameter('priceIn', i, 'fiat') as string;
	const rawPrice = this.getNodeParameter('price', i);
	let price: string;
	let priceFiatId: number | undefined;
	let priceCoinId: number | undefined;
	if (priceIn === 'coin') {
		priceCoinId = integerId(this.getNodeParameter('priceCoinId', i), 'Coin ID');
		price = await coinPrice(client, rawPrice, priceCoinId, undefined, i);
	} else {
		priceFiatId = integerId(this.getNodeParameter('priceFiatId', i), 'Fiat ID', '1033');
		price = fiatPrice(rawPrice);
	}
	const checkout = checkoutOptions(this, extra);
	const body = compact({
		orderId,
		price,
		priceFiatId,
		priceCoinId,
		product: checkout.product,
		returnUrl: checkout.returnUrl,
		closeUrl: checkout.closeUrl,
		notifyUrl: checkout.notifyUrl,
		expiredAt: checkout.expiredAt,
		buyerEmail: checkout.buyerEmail,
	});
	return await v2Write(this, client, i, {
		endpoint: ENDPOINTS_V2.createInvoice,
		body,
		orderId,
		what: 'invoice',
		lookupHint: 'Invoice > Get',
		lookup: async () => await lookupRecord(client, ENDPOINTS_V2.invoiceInfo, { orderId }, i),
		differences: (invoice) => [
			...differ('price', invoice.price, price, sameDecimal),
			...differ('fiat', invoice.priceFiatId, priceFiatId),
			...differ('coin', invoice.priceCoinId, priceCoinId),
		],
	});
};
