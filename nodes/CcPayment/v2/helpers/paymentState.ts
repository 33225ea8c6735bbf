/**
 * The payment state of a v2 order or invoice. CCPayment has no order-level status: it is derived
 * from the `Success` payments against the amount due and the expiry time. Pure and exact (decimal
 * strings only), so the trigger can reuse it.
 */
import type { IDataObject } from 'n8n-workflow';

import { addDecimals } from '../../shared/decimal';
import { compareDecimals, subtractDecimals } from './decimalMath';

export type PaymentStateName =
	| 'Paid'
	| 'Underpaid'
	| 'Overpaid'
	| 'Expired'
	| 'Expired Underpaid'
	| 'Pending';

export interface PaymentState {
	paymentState: PaymentStateName;
	/** The amount due (order: coin amount; invoice: price in the pricing currency). */
	amountDue: string;
	/** Sum of the `Success` payments, in the same unit as amountDue. */
	paidAmount: string;
	/** What is still due (0 when paid or overpaid). */
	remainingAmount: string;
	/** Paid above the amount due (0 unless overpaid). */
	overpaidAmount: string;
	successCount: number;
	/** Payments seen but not confirmed yet (any status other than Success or Failed). */
	pendingCount: number;
	expired: boolean;
}

export interface PaymentInput {
	amountDue: string;
	payments: Array<{ amount: string; status: string }>;
	/** Unix seconds; 0 or absent = no expiry known. */
	expiredAt?: number;
	/** Unix seconds. */
	now: number;
}

export function computePaymentState(input: PaymentInput): PaymentState {
	const success = input.payments.filter((payment) => payment.status === 'Success');
	const pendingCount = input.payments.filter(
		(payment) => payment.status !== 'Success' && payment.status !== 'Failed',
	).length;
	const paidAmount = addDecimals(['0', ...success.map((payment) => payment.amount)]);
	const expired = !!input.expiredAt && input.now >= input.expiredAt;
	const order = compareDecimals(paidAmount, input.amountDue);
	let paymentState: PaymentStateName;
	if (order === 0) paymentState = 'Paid';
	else if (order > 0) paymentState = 'Overpaid';
	else if (compareDecimals(paidAmount, '0') === 0) paymentState = expired ? 'Expired' : 'Pending';
	else paymentState = expired ? 'Expired Underpaid' : 'Underpaid';
	return {
		paymentState,
		amountDue: input.amountDue,
		paidAmount,
		remainingAmount: order < 0 ? subtractDecimals(input.amountDue, paidAmount) : '0',
		overpaidAmount: order > 0 ? subtractDecimals(paidAmount, input.amountDue) : '0',
		successCount: success.length,
		pendingCount,
		expired,
	};
}

function paidList(info: IDataObject): IDataObject[] {
	return Array.isArray(info.paidList) ? (info.paidList as IDataObject[]) : [];
}

const text = (value: unknown): string =>
	value === undefined || value === null || value === '' ? '0' : String(value);

/** State of a getAppOrderInfo answer: coin amounts against `amountToPay`. */
export function orderPaymentState(info: IDataObject, now: number): PaymentState {
	return computePaymentState({
		amountDue: text(info.amountToPay),
		payments: paidList(info).map((entry) => ({
			amount: text(entry.amount),
			status: String(entry.status ?? ''),
		})),
		expiredAt: Number(info.expiredAt) || undefined,
		now,
	});
}

/** State of a getInvoiceOrderInfo answer: `paidValue` (pricing currency) against `price`. */
export function invoicePaymentState(info: IDataObject, now: number): PaymentState {
	return computePaymentState({
		amountDue: text(info.price),
		payments: paidList(info).map((entry) => ({
			amount: text(entry.paidValue),
			status: String(entry.status ?? ''),
		})),
		expiredAt: Number(info.expiredAt) || undefined,
		now,
	});
}
