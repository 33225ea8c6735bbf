import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { invoicePaymentState } from '../../helpers/paymentState';
import { requiredText } from '../../helpers/validation';
import { simplifyField } from '../common';
import type { OperationExecute, V2Operation } from '../types';

export const option: V2Operation['option'] = {
	name: 'Get',
	value: 'get',
	description: 'Get an invoice with its payments and computed payment state',
	action: 'Get an invoice',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. invoice-1001',
		description: 'Your invoice order ID',
	},
	simplifyField('Whether to return a simplified version of the invoice without its payment list'),
];

export const execute: OperationExecute = async function (this, i, client) {
	const orderId = requiredText(this.getNodeParameter('orderId', i), 'Order ID');
	const data = await client.read(ENDPOINTS_V2.invoiceInfo, { orderId }, i);
	if (Array.isArray(data)) {
		throw new NodeOperationError(this.getNode(), 'CCPayment answered with a list', {
			itemIndex: i,
		});
	}
	// Amounts of an invoice are in its pricing currency: paidValue against price.
	const state = invoicePaymentState(data, Math.floor(Date.now() / 1000));
	if (!(this.getNodeParameter('simplify', i, true) as boolean)) return { ...data, ...state };
	const { paidList, ...rest } = data;
	const payments = Array.isArray(paidList) ? (paidList as IDataObject[]) : [];
	return {
		...rest,
		...state,
		paymentCount: payments.length,
		coinsPaid: [...new Set(payments.map((p) => `${String(p.coinSymbol)} (${String(p.chain)})`))],
	};
};
