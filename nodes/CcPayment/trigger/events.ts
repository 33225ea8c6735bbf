/**
 * CCPayment v1 webhook types: recognition, filtering and the small normalised block the trigger
 * adds to each item. Pure functions over the parsed payload; the payload itself is never changed.
 */

export type EventType = 'api_deposit' | 'direct_deposit' | 'invoice' | 'api_withdrawal' | 'refund';

export const EVENT_TYPES: readonly EventType[] = [
	'api_deposit',
	'direct_deposit',
	'invoice',
	'api_withdrawal',
	'refund',
];

/** The canonical `order_type` label for each event type (as CCPayment sends it). */
export const ORDER_TYPE_LABELS: Record<EventType, string> = {
	api_deposit: 'API Deposit',
	direct_deposit: 'Direct Deposit',
	invoice: 'Invoice',
	api_withdrawal: 'API Withdrawal',
	refund: 'Refund',
};

export const PAY_STATUSES = ['success', 'pending', 'processing', 'failed'] as const;

/** Lower-cased, whitespace-collapsed `order_type` -> event type. `Invocie` is the docs' typo. */
const ORDER_TYPE_ALIASES: Record<string, EventType> = {
	'api deposit': 'api_deposit',
	'direct deposit': 'direct_deposit',
	invoice: 'invoice',
	invocie: 'invoice',
	'api withdrawal': 'api_withdrawal',
	refund: 'refund',
};

type Payload = Record<string, unknown>;

function isRecord(value: unknown): value is Payload {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function has(payload: Payload, key: string): boolean {
	return payload[key] !== undefined && payload[key] !== null;
}

/**
 * Field-presence fingerprint of the documented webhook bodies (docs/ccpayment-protocol.md), used only when `order_type` is missing.
 */
function fingerprint(payload: Payload): EventType | undefined {
	const extend = isRecord(payload.extend) ? payload.extend : {};
	if (has(payload, 'user_id') && has(payload, 'from_address')) return 'direct_deposit';
	if (has(extend, 'invoice_id')) return 'invoice';
	if (has(payload, 'withdraw_amount')) return 'api_withdrawal';
	if (has(payload, 'amount') && has(payload, 'network_crypto')) return 'refund';
	if (has(payload, 'product_price') && has(extend, 'merchant_order_id')) return 'api_deposit';
	return undefined;
}

export interface Classification {
	/** undefined when the type is not one of the five v1 types. */
	eventType: EventType | undefined;
	/** Canonical label (`Invocie` becomes `Invoice`); the raw text for unknown types; null if absent. */
	orderType: string | null;
	/** How the type was found. */
	source: 'order_type' | 'fingerprint' | 'unknown';
}

export function classify(payload: Payload): Classification {
	const raw = payload.order_type;
	if (typeof raw === 'string' && raw.trim()) {
		const key = raw.trim().replace(/\s+/g, ' ').toLowerCase();
		const eventType = ORDER_TYPE_ALIASES[key];
		if (eventType)
			return { eventType, orderType: ORDER_TYPE_LABELS[eventType], source: 'order_type' };
		return { eventType: undefined, orderType: raw.trim(), source: 'unknown' };
	}
	const guessed = fingerprint(payload);
	if (guessed)
		return { eventType: guessed, orderType: ORDER_TYPE_LABELS[guessed], source: 'fingerprint' };
	return { eventType: undefined, orderType: null, source: 'unknown' };
}

/** `pay_status` lower-cased and trimmed ('' when absent). v1 always sends lower case. */
export function statusOf(payload: Payload): string {
	const raw = payload.pay_status;
	return typeof raw === 'string' ? raw.trim().toLowerCase() : '';
}

export interface EventFilter {
	/** Selected event types. Empty = every event, including types this node does not know. */
	events: string[];
	/** Selected statuses. Empty = every status. */
	statuses: string[];
}

export type FilterVerdict = { wanted: true } | { wanted: false; reason: string };

/**
 * Unknown `order_type` values pass only when no event type is selected (the user asked for
 * "everything"); with any selection they are acknowledged and dropped like other unselected types.
 */
export function applyFilter(
	classification: Classification,
	status: string,
	filter: EventFilter,
): FilterVerdict {
	if (filter.events.length) {
		if (!classification.eventType) {
			return {
				wanted: false,
				reason: `order type ${JSON.stringify(classification.orderType)} not selected`,
			};
		}
		if (!filter.events.includes(classification.eventType)) {
			return { wanted: false, reason: `event ${classification.eventType} not selected` };
		}
	}
	if (filter.statuses.length && !filter.statuses.includes(status)) {
		return { wanted: false, reason: `status ${JSON.stringify(status)} not selected` };
	}
	return { wanted: true };
}

/** Reads a multiOptions parameter value into a clean list of strings. */
export function toStringList(value: unknown): string[] {
	if (Array.isArray(value))
		return value.filter((v): v is string => typeof v === 'string' && v !== '');
	if (typeof value === 'string' && value) return [value];
	return [];
}

/** A string field, or null when absent. Numbers are stringified (v1 sends amounts as strings). */
function str(value: unknown, emptyIsNull = false): string | null {
	if (typeof value === 'string') return emptyIsNull && value === '' ? null : value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'bigint') return value.toString();
	return null;
}

export interface NormalisedEvent {
	eventType: EventType | 'unknown';
	orderType: string | null;
	status: string;
	merchantOrderId: string | null;
	recordId: string | null;
	/** Stable key of this delivery (type, record ID, status), for n8n's Remove Duplicates node. */
	dedupKey: string | null;
	orderId: string | null;
	userId: string | null;
	invoiceId: string | null;
	/** The amount of this notification: paid (deposits, invoices), withdrawn or refunded. */
	amount: string | null;
	/** Amount credited to the merchant after fees, when the payload carries it. */
	creditAmount: string | null;
	/** Amount the payee receives (withdrawals and refunds). */
	netReceivable: string | null;
	crypto: string | null;
	chain: string | null;
	txid: string | null;
	verified: true;
	receivedAt: string;
	/** The Timestamp header, exactly as received. */
	timestamp: string;
	appId: string;
	headers?: Record<string, string>;
}

export interface NormaliseContext {
	timestamp: string;
	appId: string;
	receivedAt: string;
	headers?: Record<string, string>;
}

export function normalise(payload: Payload, context: NormaliseContext): NormalisedEvent {
	const { eventType, orderType } = classify(payload);
	const extend = isRecord(payload.extend) ? payload.extend : {};

	let merchantOrderId: string | null;
	if (eventType === 'direct_deposit') merchantOrderId = null;
	else if (eventType === 'api_deposit' || eventType === 'invoice') {
		merchantOrderId = str(extend.merchant_order_id, true) ?? str(payload.merchant_order_id, true);
	} else
		merchantOrderId = str(payload.merchant_order_id, true) ?? str(extend.merchant_order_id, true);

	let amount: string | null;
	if (eventType === 'api_withdrawal') amount = str(payload.withdraw_amount);
	else if (eventType === 'refund') amount = str(payload.amount);
	else if (eventType) amount = str(payload.paid_amount);
	else amount = str(payload.paid_amount) ?? str(payload.withdraw_amount) ?? str(payload.amount);

	const event: NormalisedEvent = {
		eventType: eventType ?? 'unknown',
		orderType,
		status: statusOf(payload),
		merchantOrderId,
		recordId: str(payload.record_id, true),
		dedupKey: dedupKey(payload) ?? null,
		orderId: str(payload.order_id, true),
		userId: str(payload.user_id, true),
		invoiceId: str(extend.invoice_id, true),
		amount,
		creditAmount: str(payload.credit_amount, true),
		netReceivable: str(payload.net_receivable, true),
		crypto: str(payload.crypto, true),
		chain: str(payload.chain, true),
		txid: str(payload.txid, true),
		verified: true,
		receivedAt: context.receivedAt,
		timestamp: context.timestamp,
		appId: context.appId,
	};
	if (context.headers) event.headers = context.headers;
	return event;
}

/**
 * Duplicate key: canonical order type + record_id + pay_status, so a status progression
 * (pending -> processing -> success) is never swallowed, and `Invocie`/`Invoice` share keys.
 * undefined when the payload has no record_id (nothing safe to key on; such events always pass).
 */
export function dedupKey(payload: Payload): string | undefined {
	const recordId = str(payload.record_id, true);
	if (!recordId) return undefined;
	const { orderType } = classify(payload);
	return `${orderType ?? ''}:${recordId}:${statusOf(payload)}`;
}
