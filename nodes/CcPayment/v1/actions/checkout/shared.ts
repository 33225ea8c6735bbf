import type { INodeProperties } from 'n8n-workflow';

import { additionalFields } from '../common';

export const merchantOrderIdField: INodeProperties = {
	displayName: 'Merchant Order ID',
	name: 'merchantOrderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. order-1001',
	description:
		'Your unique ID for this order. CCPayment refuses a second order with the same ID, so use a stable value from your data; the node never generates one.',
};

export const productNameField: INodeProperties = {
	displayName: 'Product Name',
	name: 'productName',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. Premium plan',
};

export const orderValidPeriodField: INodeProperties = {
	displayName: 'Order Valid Period (Seconds)',
	name: 'orderValidPeriod',
	type: 'number',
	default: 86400,
	typeOptions: { minValue: 0, maxValue: 864000 },
	description:
		'How long the order can be paid, in seconds: at most 864000 (10 days), or 7200 (2 hours) for Lightning (SATS). 0 uses the default of 24 hours.',
};

export const notifyUrlField: INodeProperties = {
	displayName: 'Notify URL',
	name: 'notifyUrl',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://n8n.example.com/webhook/ccpayment',
	description:
		'Webhook URL for status updates of this order, instead of the one set on the Developer page',
};

export const customValueField: INodeProperties = {
	displayName: 'Custom Value',
	name: 'customValue',
	type: 'string',
	default: '',
	description: 'Free text CCPayment sends back in the status notification',
};

/** Optional fields shared by both checkout operations (each adds its own). */
export const checkoutAdditionalFields = additionalFields([
	customValueField,
	notifyUrlField,
	orderValidPeriodField,
]);
