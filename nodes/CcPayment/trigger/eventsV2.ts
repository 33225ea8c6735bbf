/**
 * CCPayment v2 webhook types: recognition, filtering, duplicate keys and the normalised block the
 * trigger adds to each item (the same fields as v1, so one downstream workflow serves both). Pure
 * functions over the parsed `{type, msg}` envelope; the envelope itself is never changed.
 */
import type { EventFilter, FilterVerdict } from './events';

export type EventTypeV2 =
	| 'DirectDeposit'
	| 'ApiDeposit'
	| 'ApiWithdrawal'
	| 'UserDeposit'
	| 'UserWithdrawal'
	| 'RiskyAddress';

export const EVENT_TYPES_V2: readonly EventTypeV2[] = [
	'DirectDeposit',
	'ApiDeposit',
	'ApiWithdrawal',
	'UserDeposit',
	'UserWithdrawal',
	'RiskyAddress',
];

/** The dashboard's check when a webhook URL is saved: acknowledged, never runs a workflow. */
export const HANDSHAKE_TYPE = 'ActivateWebhookURL';

export const STATUSES_V2 = [
	'Processing',
	'Success',
	'Failed',
	'WaitingApproval',
	'Rejected',
] as const;

/** The v1 event type each v2 type corresponds to, for the shared `eventType` field. */
const V1_EQUIVALENT: Record<EventTypeV2, string> = {
	DirectDeposit: 'direct_deposit',
	ApiDeposit: 'api_deposit',
	ApiWithdrawal: 'api_withdrawal',
	UserDeposit: 'user_deposit',
	UserWithdrawal: 'user_withdrawal',
	RiskyAddress: 'risky_address',
};

type Json = Record<string, unknown>;

export interface EnvelopeV2 {
	/** The `type` text as sent ('' when absent). */
	type: string;
	msg: Json;
}

function isRecord(value: unknown): value is Json {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Reads `{type, msg}`; a body without them is an unknown type with an empty msg. */
export function readEnvelope(payload: Json): EnvelopeV2 {
	const type = typeof payload.type === 'string' ? payload.type.trim() : '';
	return { type, msg: isRecord(payload.msg) ? payload.msg : {} };
}

/**
 * The known type, or undefined. The risky-address notification's `type` value is undocumented:
 * any type naming a risky address, or a body with the documented address/riskAt fields, is it.
 */
export function classifyV2(envelope: EnvelopeV2): EventTypeV2 | undefined {
	const known = EVENT_TYPES_V2.find((t) => t.toLowerCase() === envelope.type.toLowerCase());
	if (known && known !== 'RiskyAddress') return known;
	if (/risk/i.test(envelope.type) && /address/i.test(envelope.type)) return 'RiskyAddress';
	if (
		envelope.msg.riskAt !== undefined &&
		envelope.msg.address !== undefined &&
		!envelope.msg.recordId
	)
		return 'RiskyAddress';
	return known;
}

export function isHandshake(envelope: EnvelopeV2): boolean {
	return envelope.type.toLowerCase() === HANDSHAKE_TYPE.toLowerCase();
}

/** A string field, or null when absent. IDs and amounts may arrive as numbers. */
export function str(value: unknown): string | null {
	if (typeof value === 'string') return value === '' ? null : value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'bigint') return value.toString();
	return null;
}

/** `msg.status` as sent (v2 statuses are capitalised); '' when absent. */
export function statusOfV2(envelope: EnvelopeV2): string {
	return typeof envelope.msg.status === 'string' ? envelope.msg.status.trim() : '';
}

/** Same rules as v1: unknown types pass only when no event is selected. Statuses match exactly. */
export function applyFilterV2(envelope: EnvelopeV2, filter: EventFilter): FilterVerdict {
	const eventType = classifyV2(envelope);
	if (filter.events.length) {
		if (!eventType)
			return { wanted: false, reason: `type ${JSON.stringify(envelope.type)} not selected` };
		if (!filter.events.includes(eventType))
			return { wanted: false, reason: `event ${eventType} not selected` };
	}
	// The risky-address notice has no status; a status filter never hides it.
	if (eventType === 'RiskyAddress') return { wanted: true };
	const status = statusOfV2(envelope);
	if (filter.statuses.length && !filter.statuses.includes(status)) {
		return { wanted: false, reason: `status ${JSON.stringify(status)} not selected` };
	}
	return { wanted: true };
}

/**
 * Duplicate key: type + recordId + status, so Processing -> Success is never swallowed. The
 * risky-address notice keys on chain, address and riskAt. undefined when there is nothing to key on.
 */
export function dedupKeyV2(envelope: EnvelopeV2): string | undefined {
	const type = classifyV2(envelope) ?? envelope.type;
	if (type === 'RiskyAddress') {
		const address = str(envelope.msg.address);
		if (!address) return undefined;
		return `${type}:${str(envelope.msg.chainId) ?? ''}:${address}:${str(envelope.msg.riskAt) ?? ''}`;
	}
	const recordId = str(envelope.msg.recordId);
	if (!recordId) return undefined;
	return `${type}:${recordId}:${statusOfV2(envelope)}`;
}

/** What the fetched record adds to the normalised block (see records.ts). */
export interface RecordFacts {
	status: string | null;
	amount: string | null;
	coin: string | null;
	chain: string | null;
	txid: string | null;
	userId: string | null;
	orderId: string | null;
}

export interface NormaliseV2Context {
	timestamp: string;
	appId: string;
	receivedAt: string;
	headers?: Record<string, string>;
	record?: RecordFacts;
}

/**
 * The v1 block's fields, filled from the notification and, where fetched, the record (which wins:
 * it is authoritative). `status` keeps v2's capitalisation; `orderType` is the v2 `type`.
 */
export function normaliseV2(envelope: EnvelopeV2, context: NormaliseV2Context): Json {
	const eventType = classifyV2(envelope);
	const { msg } = envelope;
	const record = context.record;
	const block: Json = {
		apiVersion: 'v2',
		eventType: eventType ? V1_EQUIVALENT[eventType] : 'unknown',
		orderType: envelope.type,
		// Lower case like v1's pay_status, so one downstream workflow reads both versions.
		status: (record?.status ?? statusOfV2(envelope)).toLowerCase(),
		merchantOrderId: record?.orderId ?? str(msg.orderId),
		recordId: str(msg.recordId),
		dedupKey: dedupKeyV2(envelope) ?? null,
		orderId: record?.orderId ?? str(msg.orderId),
		userId: record?.userId ?? str(msg.userId),
		referenceId: str(msg.referenceId),
		amount: record?.amount ?? str(msg.amount),
		crypto: record?.coin ?? str(msg.coinSymbol),
		coinId: str(msg.coinId),
		chain: record?.chain ?? str(msg.chain) ?? str(msg.chainId),
		txid: record?.txid ?? null,
		isFlaggedAsRisky: msg.isFlaggedAsRisky === true,
		verified: true,
		receivedAt: context.receivedAt,
		timestamp: context.timestamp,
		appId: context.appId,
	};
	if (context.headers) block.headers = context.headers;
	return block;
}
