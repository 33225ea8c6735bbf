import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	InvalidParameterError,
	optionalText,
	orderValidPeriod,
	positiveAmount,
	requiredText,
} from '../../helpers/validation';
import { ENDPOINTS } from '../../../shared/transport';
import { compact, isLightningLabel, locatorLabel, requiredLocator, tokenLocator } from '../common';
import type { OperationExecute } from '../types';
import { writeOutput } from '../writeOutput';
import { checkoutAdditionalFields, merchantOrderIdField } from './shared';

const properties: INodeProperties[] = [
	merchantOrderIdField,
	tokenLocator({ description: 'The coin and network the payer pays with' }),
	{
		displayName: 'Price Currency',
		name: 'denominatedCurrency',
		type: 'string',
		required: true,
		default: 'USD',
		placeholder: 'e.g. USD',
		description:
			'Currency of the product price: a fiat code from CCPayment\'s list (e.g. USD), or "token" to price the order in the chosen token',
	},
	{
		displayName: 'Product Price',
		name: 'productPrice',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 19.99',
		description:
			"Price as a decimal string in the price currency. Fiat prices allow at most 2 decimal places; token prices allow the token's precision.",
	},
	{
		...checkoutAdditionalFields,
		options: [
			...(checkoutAdditionalFields.options ?? []),
			{
				displayName: 'Remark',
				name: 'remark',
				type: 'string',
				default: '',
				description: 'Free text note stored with the order',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['checkout'], operation: ['createNativeOrder'] } },
	properties,
);

export const execute: OperationExecute = async function (this, i, client) {
	const extra = this.getNodeParameter('additionalFields', i, {});
	const merchantOrderId = requiredText(
		this.getNodeParameter('merchantOrderId', i),
		'Merchant Order ID',
	);
	const tokenRaw = this.getNodeParameter('tokenId', i);
	const currency = requiredText(
		this.getNodeParameter('denominatedCurrency', i),
		'Price Currency',
		'Enter USD (or another fiat code) or "token".',
	);
	if (!/^[A-Za-z]{2,10}$/.test(currency)) {
		throw new InvalidParameterError(
			'Price Currency',
			`must be a currency code or "token" (got "${currency}")`,
			'Enter e.g. USD, EUR or token.',
		);
	}
	const inToken = currency.toLowerCase() === 'token';
	const body = compact({
		merchant_order_id: merchantOrderId,
		product_price: positiveAmount(this.getNodeParameter('productPrice', i), 'Product Price', {
			maxDecimals: inToken ? undefined : 2,
			example: inToken ? '0.05' : '19.99',
		}),
		token_id: requiredLocator(tokenRaw, 'Token'),
		denominated_currency: currency,
		order_valid_period: orderValidPeriod(extra.orderValidPeriod, {
			lightning: isLightningLabel(locatorLabel(tokenRaw)),
		}),
		remark: optionalText(extra.remark, 'Remark'),
		notify_url: optionalText(extra.notifyUrl, 'Notify URL'),
		custom_value: optionalText(extra.customValue, 'Custom Value'),
	});
	const result = await client.write(ENDPOINTS.createOrder, body, i, {
		merchantOrderId,
		reconcilable: true,
		what: 'order',
		lookupHint: 'Order > Get',
	});
	return writeOutput(result, merchantOrderId);
};
