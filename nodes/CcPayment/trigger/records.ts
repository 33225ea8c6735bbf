/**
 * What the v2 trigger fetches for each notification, and what the fetched record says about
 * crediting. CCPayment's rule: a webhook is a notification only; credit only when the record says
 * Success and the payment is not flagged as risky. Pure and exact: amounts stay decimal strings.
 */
import { addDecimals, canonicalDecimal, parseDecimal } from '../shared/decimal';
import { RECORD_ENDPOINTS_V2 } from '../shared/transport/endpointsV2';
import type { RecordEndpointV2 } from '../shared/transport/endpointsV2';
import { str } from './eventsV2';
import type { EnvelopeV2, EventTypeV2, RecordFacts } from './eventsV2';

type Json = Record<string, unknown>;

export interface RecordCall {
	endpoint: RecordEndpointV2;
	body: Record<string, string>;
}

export interface RecordPlan {
	/** The authoritative record of the notified payment or withdrawal. */
	record: RecordCall;
	/** ApiDeposit only: the order it paid, tried in turn (order address, then invoice). */
	order: RecordCall[];
}

const DEPOSIT_TYPES: ReadonlySet<EventTypeV2> = new Set([
	'DirectDeposit',
	'ApiDeposit',
	'UserDeposit',
]);

/** The calls for one notification; undefined when it points to no record (risky address, unknown). */
export function recordPlan(
	type: EventTypeV2 | undefined,
	envelope: EnvelopeV2,
): RecordPlan | undefined {
	const recordId = str(envelope.msg.recordId);
	if (!type || !recordId) return undefined;
	const byRecord = (endpoint: RecordEndpointV2): RecordCall => ({ endpoint, body: { recordId } });
	switch (type) {
		case 'DirectDeposit':
			return { record: byRecord(RECORD_ENDPOINTS_V2.appDepositRecord), order: [] };
		case 'ApiDeposit': {
			// The deposit record is authoritative for this payment (invoices included); the order
			// adds what was asked for. Order addresses and invoices share the orderId namespace.
			const orderId = str(envelope.msg.orderId);
			const order = orderId
				? [RECORD_ENDPOINTS_V2.appOrderInfo, RECORD_ENDPOINTS_V2.invoiceOrderInfo].map(
						(endpoint) => ({ endpoint, body: { orderId } }),
					)
				: [];
			return { record: byRecord(RECORD_ENDPOINTS_V2.appDepositRecord), order };
		}
		case 'ApiWithdrawal':
			return { record: byRecord(RECORD_ENDPOINTS_V2.appWithdrawRecord), order: [] };
		case 'UserDeposit':
			return { record: byRecord(RECORD_ENDPOINTS_V2.userDepositRecord), order: [] };
		case 'UserWithdrawal':
			return { record: byRecord(RECORD_ENDPOINTS_V2.userWithdrawRecord), order: [] };
		default:
			return undefined;
	}
}

function isRecord(value: unknown): value is Json {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `data.record` of a record answer; undefined when CCPayment answered without one. */
export function recordOf(data: unknown): Json | undefined {
	if (!isRecord(data)) return undefined;
	const record = isRecord(data.record) ? data.record : undefined;
	return record && Object.keys(record).length ? record : undefined;
}

/** An order-info answer, or undefined when it has no order in it. */
export function orderOf(data: unknown): Json | undefined {
	if (!isRecord(data) || !Object.keys(data).length) return undefined;
	return data;
}

function decimalOf(value: unknown): string | null {
	if (typeof value !== 'string' && typeof value !== 'number') return null;
	const parsed = parseDecimal(value);
	return parsed.ok ? parsed.value : null;
}

/** a - b for non-negative decimal strings; null when the result would be negative. */
export function subtractDecimals(a: string, b: string): string | null {
	const [ai, af = ''] = a.split('.');
	const [bi, bf = ''] = b.split('.');
	const scale = Math.max(af.length, bf.length);
	const diff = BigInt(ai + af.padEnd(scale, '0')) - BigInt(bi + bf.padEnd(scale, '0'));
	if (diff < BigInt(0)) return null;
	const digits = diff.toString().padStart(scale + 1, '0');
	return canonicalDecimal(
		digits.slice(0, digits.length - scale),
		digits.slice(digits.length - scale),
	);
}

export interface CreditAssessment {
	/** true only for a deposit whose record says Success and is not flagged as risky. */
	creditable: boolean;
	/** Why it is or is not creditable, in words. */
	creditReason: string;
	/** The record's gross amount, when creditable; null otherwise. */
	creditAmount: string | null;
	/** CCPayment's service fee on the deposit (from the record), when present. */
	serviceFee: string | null;
	/** creditAmount minus serviceFee: what reaches the merchant balance. */
	netAmount: string | null;
	facts: RecordFacts;
}

/** Sum of the Success, not risky entries of an order's paidList (order or invoice answer). */
export function paidTotal(order: Json): string | null {
	const list = Array.isArray(order.paidList) ? order.paidList : [];
	const amounts: string[] = [];
	for (const entry of list) {
		if (!isRecord(entry) || entry.status !== 'Success' || entry.isFlaggedAsRisky === true) continue;
		const amount = decimalOf(entry.amount ?? entry.paidAmount);
		if (amount === null) return null;
		amounts.push(amount);
	}
	return addDecimals(amounts.length ? amounts : ['0']);
}

/** Judges a fetched record against the notification that pointed to it. */
export function assessRecord(
	type: EventTypeV2,
	envelope: EnvelopeV2,
	record: Json,
): CreditAssessment {
	const status = typeof record.status === 'string' ? record.status : null;
	const amount = decimalOf(record.amount);
	const fee = isRecord(record.fee) ? record.fee.amount : record.serviceFee;
	const serviceFee = decimalOf(fee);
	const facts: RecordFacts = {
		status,
		amount,
		coin: str(record.coinSymbol),
		chain: str(record.chain),
		txid: str(record.txId ?? record.txid),
		userId: str(record.userId),
		orderId: str(record.orderId),
	};
	const result = (creditable: boolean, creditReason: string): CreditAssessment => ({
		creditable,
		creditReason,
		creditAmount: creditable ? amount : null,
		serviceFee,
		netAmount: creditable && amount !== null ? subtractDecimals(amount, serviceFee ?? '0') : null,
		facts,
	});

	if (!DEPOSIT_TYPES.has(type))
		return result(false, 'Withdrawals move funds out: nothing to credit');
	const recordId = str(record.recordId);
	if (recordId !== null && recordId !== str(envelope.msg.recordId)) {
		return result(false, `The record fetched is ${recordId}, not the notified one`);
	}
	if (status !== 'Success') return result(false, `The record's status is ${status ?? 'missing'}`);
	if (record.isFlaggedAsRisky === true || envelope.msg.isFlaggedAsRisky === true) {
		return result(
			false,
			'The payment is flagged as risky: CCPayment does not credit it; handle it in Dashboard > Transaction > Risky Transaction',
		);
	}
	if (amount === null || /^0+(\.0+)?$/.test(amount)) {
		return result(false, 'The record has no positive amount');
	}
	return result(true, 'The record says Success and the payment is not flagged as risky');
}
