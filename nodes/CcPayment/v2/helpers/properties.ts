/** Parameters shared by the v2 money operations. */
import type { INodeProperties } from 'n8n-workflow';

/** The required order ID of a write: the idempotency key, never generated. */
export function orderIdProperty(description: string, placeholder = 'e.g. payout-2024-0001') {
	const property: INodeProperties = {
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		required: true,
		default: '',
		placeholder,
		description,
	};
	return property;
}

export const notifyUrlProperty: INodeProperties = {
	displayName: 'Notify URL',
	name: 'notifyUrl',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://n8n.example.com/webhook/ccpayment',
	description: 'Webhook URL for this request instead of the dashboard one (at most 150 characters)',
};

export const ORDER_ID_FIX =
	'Enter your own stable ID (e.g. the payout row ID). It is required because it keeps the request from being applied twice.';
