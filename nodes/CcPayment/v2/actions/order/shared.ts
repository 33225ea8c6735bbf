import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { CCPaymentClient } from '../../../shared/transport';
import { ENDPOINTS_V2 } from '../../../shared/transport';
import { orderPaymentState } from '../../helpers/paymentState';
import { lookupRecord } from '../../helpers/writes';
import { simplifyField } from '../common';

export const simplifyOrder = simplifyField(
	'Whether to return a simplified version of the order without its payment list',
);

/** The order with its computed payment state; Simplify drops the payment list. */
export function orderOutput(orderId: string, info: IDataObject, simplify: boolean): IDataObject {
	const state = orderPaymentState(info, Math.floor(Date.now() / 1000));
	if (!simplify) return { orderId, ...info, ...state };
	const { paidList, ...rest } = info;
	const payments = Array.isArray(paidList) ? (paidList as IDataObject[]) : [];
	const last = payments[payments.length - 1];
	return {
		orderId,
		...rest,
		...state,
		paymentCount: payments.length,
		...(last ? { lastTxid: last.txid, lastArrivedAt: last.arrivedAt } : {}),
	};
}

/** getAppOrderInfo for one order ID, or undefined when CCPayment has no such order. */
export async function findOrder(
	client: CCPaymentClient,
	orderId: string,
	i: number,
): Promise<IDataObject | undefined> {
	return await lookupRecord(client, ENDPOINTS_V2.orderInfo, { orderId }, i);
}

export const orderIdLookupProperty: INodeProperties = {
	displayName: 'Order ID',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. order-1001',
	description: 'Your order ID',
};
