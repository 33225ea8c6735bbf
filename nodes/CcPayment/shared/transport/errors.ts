/**
 * How CCPayment failures are described to users and classified for retry and money-safety
 * decisions. Pure: no n8n context here, so it is tested directly.
 */

export type FailureKind =
	/** HTTP 200 with a code other than 10000: CCPayment processed and rejected the request. */
	| 'business'
	/** CCPayment's rate limit (100 req/s per IP). Rejected before processing. */
	| 'rate_limited'
	/** Code 224066 "service err, please try again": transient, outcome of a write unknown. */
	| 'service_error'
	/** A non-200 HTTP status (proxy, gateway or server failure). */
	| 'http_status'
	/** No answer in time: the request may or may not have been applied. */
	| 'timeout'
	/** The connection dropped after the request was sent: may or may not have been applied. */
	| 'connection_reset'
	/** The request never reached CCPayment (refused, DNS): definitely not applied. */
	| 'connection_refused'
	/** The body could not be read as a CCPayment envelope. */
	| 'bad_response'
	/** A success response whose signature did not verify: treated as tampered, never as data. */
	| 'bad_signature'
	/** The execution was cancelled while the request was in flight. */
	| 'cancelled';

export interface FailureInfo {
	kind: FailureKind;
	path: string;
	/** CCPayment's `code` for business errors. */
	code?: number;
	msg?: string;
	reason?: string;
	httpStatus?: number;
	/** Safe to send again as is (reads) after a pause. */
	retryable: boolean;
	/** The request may have been applied by CCPayment even though we got no clean answer. */
	mayHaveBeenApplied: boolean;
	/** CCPayment's name for the code, where its error table has one (v2). */
	tip?: string;
	/** What to do about it, where the error table says (v2); replaces the text-based hint. */
	fix?: string;
	/** The order ID is already taken (v2 codes say so; v1 answers are read by their text). */
	duplicate?: boolean;
}

export const SUCCESS_CODE = 10000;
export const CODE_SERVICE_ERROR = 224066;
export const CODE_USER_NOT_FOUND = 224083;

const RATE_LIMIT_TEXT = /rate.?limit|too many|frequen|request limit/i;
const SIGNATURE_TEXT = /sign/i;
// Expiry wording only: signature messages often name the Timestamp as one of the signed parts.
const TIMESTAMP_TEXT = /expired|out of range|too (old|new|far)|clock|time ?window/i;
const APP_ID_TEXT = /app ?id|merchant not (found|exist)/i;

export function classifyBusinessError(
	path: string,
	envelope: { code: number; msg?: string; reason?: string },
): FailureInfo {
	const text = `${envelope.msg ?? ''} ${envelope.reason ?? ''}`;
	const base = {
		path,
		code: envelope.code,
		msg: envelope.msg,
		reason: envelope.reason,
		httpStatus: 200,
	};
	if (envelope.code === CODE_SERVICE_ERROR) {
		return { ...base, kind: 'service_error', retryable: true, mayHaveBeenApplied: true };
	}
	if (RATE_LIMIT_TEXT.test(text)) {
		return { ...base, kind: 'rate_limited', retryable: true, mayHaveBeenApplied: false };
	}
	return { ...base, kind: 'business', retryable: false, mayHaveBeenApplied: false };
}

/** A short, user-facing hint for a business error: what to check or do next. */
export function hintFor(info: FailureInfo): string | undefined {
	if (info.fix) return info.fix;
	const text = `${info.msg ?? ''} ${info.reason ?? ''}`;
	if (info.code === CODE_USER_NOT_FOUND) {
		return 'The Cwallet user does not exist. Check the Cwallet ID or email (the Cwallet User > Check operation tells you before you pay).';
	}
	if (info.kind === 'service_error') {
		return 'CCPayment reported a temporary service problem. Try again in a moment.';
	}
	if (info.kind === 'rate_limited') {
		return 'CCPayment allows 100 requests per second per IP. Lower "Max Requests per Second" in the node options or spread the work out.';
	}
	if (TIMESTAMP_TEXT.test(text)) {
		return "CCPayment only accepts requests signed within 2 minutes of its own clock. Check that this machine's clock is synchronised (NTP).";
	}
	if (SIGNATURE_TEXT.test(text)) {
		return 'The signature was not accepted. Check the App Secret in the CCPayment credential (copy it again from the Developer page).';
	}
	if (APP_ID_TEXT.test(text)) {
		return 'CCPayment does not recognise this App ID. Check the App ID in the CCPayment credential (Developer page).';
	}
	return undefined;
}

export function messageFor(info: FailureInfo): string {
	switch (info.kind) {
		case 'business':
		case 'service_error':
		case 'rate_limited': {
			const detail = [
				info.msg !== info.tip ? info.msg : '',
				info.reason ? `reason ${info.reason}` : '',
			]
				.filter(Boolean)
				.join(', ');
			const code = info.tip ? `${info.code} ${info.tip}` : `${info.code}`;
			return `CCPayment rejected the request (code ${code}${detail ? `: ${detail}` : ''})`;
		}
		case 'http_status':
			return `CCPayment answered with HTTP ${info.httpStatus} instead of 200`;
		case 'timeout':
			return 'CCPayment did not answer in time';
		case 'connection_reset':
			return 'The connection to CCPayment dropped before an answer arrived';
		case 'connection_refused':
			return 'Could not connect to CCPayment';
		case 'bad_response':
			return 'CCPayment sent a response that is not a valid CCPayment envelope';
		case 'bad_signature':
			return 'CCPayment response failed signature verification and was discarded';
		case 'cancelled':
			return 'The request to CCPayment was cancelled';
	}
}

export function descriptionFor(info: FailureInfo, detail?: string): string | undefined {
	const parts: string[] = [];
	const hint = hintFor(info);
	if (hint) parts.push(hint);
	switch (info.kind) {
		case 'timeout':
		case 'connection_reset':
			parts.push(
				info.mayHaveBeenApplied
					? 'The request may still have been processed. For payouts, check the order with Withdrawal > Get before sending it again.'
					: 'Try again later.',
			);
			break;
		case 'connection_refused':
			parts.push(
				'Check the Base URL in the CCPayment credential and the network between n8n and CCPayment.',
			);
			break;
		case 'bad_signature':
			parts.push(
				"Check the App Secret in the credential. If it is right, something between n8n and CCPayment changed the response, or this machine's clock is far off.",
			);
			break;
		case 'http_status':
		case 'bad_response':
			parts.push(
				'This usually means a proxy or gateway answered instead of CCPayment. Check the Base URL.',
			);
			break;
		default:
			break;
	}
	if (detail) parts.push(detail);
	return parts.length ? parts.join(' ') : undefined;
}

const NETWORK_TIMEOUT = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);
const NETWORK_RESET = new Set([
	'ECONNRESET',
	'EPIPE',
	'ERR_STREAM_PREMATURE_CLOSE',
	'EPROTO',
	'HPE_INVALID_CONSTANT',
]);
const NETWORK_REFUSED = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);

interface ErrorLike {
	code?: unknown;
	httpCode?: unknown;
	message?: unknown;
	messages?: unknown;
	cause?: unknown;
}

const ERROR_CODE = /^(E[A-Z_]+|ERR_[A-Z_]+|HPE_[A-Z_]+)$/;

/**
 * Walk an error and its causes for a Node/axios error code and the text around it. n8n-core wraps
 * axios failures in a NodeApiError whose `cause` is not kept: the code survives in `httpCode`
 * (e.g. "ECONNABORTED") and the original text in `messages[]`, while `message` is replaced by a
 * generic sentence ("The connection was aborted, perhaps the server is offline").
 */
function findCode(error: unknown): { code?: string; text: string } {
	let current: unknown = error;
	let text = '';
	let code: string | undefined;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const e = current as ErrorLike;
		if (typeof e.message === 'string') text += ` ${e.message}`;
		if (Array.isArray(e.messages))
			text += ` ${e.messages.filter((m) => typeof m === 'string').join(' ')}`;
		for (const candidate of [e.code, e.httpCode]) {
			if (!code && typeof candidate === 'string' && ERROR_CODE.test(candidate)) code = candidate;
		}
		current = e.cause;
	}
	return { code, text };
}

/** Classify a failure that happened before any HTTP response arrived. */
export function classifyTransportError(path: string, error: unknown): FailureInfo {
	const { code, text } = findCode(error);
	const base = { path };
	const timeout = { ...base, kind: 'timeout' as const, retryable: true, mayHaveBeenApplied: true };
	const refused = {
		...base,
		kind: 'connection_refused' as const,
		retryable: true,
		mayHaveBeenApplied: false,
	};
	const reset = {
		...base,
		kind: 'connection_reset' as const,
		retryable: true,
		mayHaveBeenApplied: true,
	};
	if (code === 'ERR_CANCELED')
		return { ...base, kind: 'cancelled', retryable: false, mayHaveBeenApplied: true };
	if (code && NETWORK_TIMEOUT.has(code)) return timeout;
	if (code && NETWORK_REFUSED.has(code)) return refused;
	if (code && NETWORK_RESET.has(code)) return reset;
	// No recognisable code: fall back to the text, most specific first.
	if (/\b(canceled|cancelled)\b/i.test(text) && !/timeout/i.test(text)) {
		return { ...base, kind: 'cancelled', retryable: false, mayHaveBeenApplied: true };
	}
	if (/timeout|timed out/i.test(text)) return timeout;
	if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(text)) return refused;
	// Unknown transport problem (socket hang up, reset, anything else): assume the worst for money safety.
	return reset;
}

export function classifyHttpStatus(path: string, status: number): FailureInfo {
	return {
		path,
		kind: 'http_status',
		httpStatus: status,
		retryable: status >= 500 || status === 429 || status === 408,
		// A 4xx other than 408/429 means the request was refused; a 5xx may have been half-done.
		mayHaveBeenApplied: status >= 500,
	};
}
