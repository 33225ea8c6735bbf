import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	optionalText,
	orderValidPeriod,
	positiveAmount,
	requiredText,
} from '../../helpers/validation';
import { ENDPOINTS } from '../../../shared/transport';
import { compact } from '../common';
import type { OperationExecute } from '../types';
import { checkoutAdditionalFields, merchantOrderIdField, productNameField } from './shared';

const properties: INodeProperties[] = [
	merchantOrderIdField,
	{
		displayName: 'Product Price (USD)',
		name: 'productPrice',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 19.99',
		description:
			'Price in USD as a decimal string, at most 2 decimal places. The payer picks the coin on the CCPayment page.',
	},
	productNameField,
	{
		...checkoutAdditionalFields,
		options: [
			...(checkoutAdditionalFields.options ?? []),
			{
				displayName: 'Return URL',
				name: 'returnUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://shop.example.com/thanks',
				description: 'Where CCPayment sends the payer after paying',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['checkout'], operation: ['createHostedUrl'] } },
	properties,
);

export const execute: OperationExecute = async function (this, i, client) {
	const extra = this.getNodeParameter('additionalFields', i, {});
	const merchantOrderId = requiredText(
		this.getNodeParameter('merchantOrderId', i),
		'Merchant Order ID',
	);
	const body = compact({
		product_price: positiveAmount(this.getNodeParameter('productPrice', i), 'Product Price (USD)', {
			maxDecimals: 2,
			example: '19.99',
		}),
		merchant_order_id: merchantOrderId,
		product_name: requiredText(this.getNodeParameter('productName', i), 'Product Name'),
		order_valid_period: orderValidPeriod(extra.orderValidPeriod),
		return_url: optionalText(extra.returnUrl, 'Return URL'),
		notify_url: optionalText(extra.notifyUrl, 'Notify URL'),
		custom_value: optionalText(extra.customValue, 'Custom Value'),
	});
	const result = await client.write(ENDPOINTS.checkoutUrl, body, i, {
		merchantOrderId,
		reconcilable: false,
		what: 'hosted checkout order',
		lookupHint: 'Order > Get',
	});
	const data = result.outcome === 'created' && !Array.isArray(result.data) ? result.data : {};
	return { merchant_order_id: merchantOrderId, ...data };
};
