/**
 * The one CCPayment v1 signer. Requests, responses and webhooks are all signed the same way:
 *
 *   Sign = lowercase_hex( SHA-256( AppId + AppSecret + Timestamp + Body ) )
 *
 * where Body is the exact bytes sent (never re-serialised JSON) and Timestamp the exact header
 * string (Unix seconds). Used by the credential, the transport, the trigger and the simulator.
 * Everything here is pure and never logs or returns the secret.
 */
import { createHash, timingSafeEqual } from 'crypto';

export type SignableBody = string | Uint8Array;

export const HEADER_APP_ID = 'Appid';
export const HEADER_TIMESTAMP = 'Timestamp';
export const HEADER_SIGN = 'Sign';

const HEX_SIGN = /^[0-9a-f]{64}$/;
const DIGITS = /^\d{1,12}$/;

export function sign(
	appId: string,
	appSecret: string,
	timestamp: string | number,
	body: SignableBody = '',
): string {
	const hash = createHash('sha256');
	hash.update(`${appId}${appSecret}${timestamp}`, 'utf8');
	hash.update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
	return hash.digest('hex');
}

/**
 * Constant-time check of a received signature. Never throws: malformed input of any kind
 * (wrong type, wrong length, non-hex) is simply "not verified".
 */
export function verify(
	appId: unknown,
	appSecret: unknown,
	timestamp: unknown,
	body: unknown,
	signature: unknown,
): boolean {
	try {
		if (typeof appId !== 'string' || typeof appSecret !== 'string') return false;
		if (typeof timestamp !== 'string' && typeof timestamp !== 'number') return false;
		if (typeof body !== 'string' && !(body instanceof Uint8Array)) return false;
		if (typeof signature !== 'string') return false;
		const candidate = signature.trim().toLowerCase();
		if (!HEX_SIGN.test(candidate)) return false;
		const expected = Buffer.from(sign(appId, appSecret, timestamp, body), 'hex');
		const actual = Buffer.from(candidate, 'hex');
		return expected.length === actual.length && timingSafeEqual(expected, actual);
	} catch {
		return false;
	}
}

/** The App ID and App Secret of a credential, trimmed (they are often pasted with whitespace). */
export function appKeys(credentials: { appId?: unknown; appSecret?: unknown }): {
	appId: string;
	appSecret: string;
} {
	return {
		appId: String(credentials.appId ?? '').trim(),
		appSecret: String(credentials.appSecret ?? '').trim(),
	};
}

export function nowSeconds(nowMs: number = Date.now()): string {
	return String(Math.floor(nowMs / 1000));
}

/** Serialise a request body exactly once. Parameterless calls send and sign `{}` (as Go/Python/Java do). */
export function serializeBody(body: unknown): string {
	if (body === undefined || body === null || body === '') return '{}';
	if (typeof body === 'string') return body;
	if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
	return JSON.stringify(body);
}

export type HeaderBag = Record<string, string | string[] | number | undefined | null>;

/** Case-insensitive header lookup (Node lower-cases incoming names; axios keeps them as sent). */
export function getHeader(headers: HeaderBag | undefined | null, name: string): string | undefined {
	if (!headers) return undefined;
	const wanted = name.toLowerCase();
	for (const key of Object.keys(headers)) {
		if (key.toLowerCase() !== wanted) continue;
		const value = headers[key];
		if (Array.isArray(value)) return value.length ? String(value[0]) : undefined;
		if (value === undefined || value === null) return undefined;
		return String(value);
	}
	return undefined;
}

export type SignedMessageFailure =
	| 'missing_headers'
	| 'app_id_mismatch'
	| 'bad_timestamp'
	| 'stale_timestamp'
	| 'future_timestamp'
	| 'bad_signature';

export type SignedMessageCheck =
	| { ok: true; timestamp: number; appId: string }
	| { ok: false; reason: SignedMessageFailure; message: string };

export interface SignedMessageOptions {
	headers: HeaderBag | undefined | null;
	body: SignableBody;
	appId: string;
	appSecret: string;
	/** Allowed |now - Timestamp| in seconds; 0 disables the window. */
	toleranceSeconds: number;
	/**
	 * How the Appid header is treated:
	 * - `required`: must be present and equal `appId` (webhooks; the Java SDK does this);
	 * - `optional`: may be absent, but if present must equal `appId` (API responses);
	 * - `trust`: may be absent; if it differs, hash with the header's value (PHP SDK behaviour).
	 *   The secret is still required, so this only loosens which App ID is accepted.
	 */
	appIdHeader: 'required' | 'optional' | 'trust';
	nowMs?: number;
}

/**
 * Verify a signed CCPayment message (an API response or a webhook delivery) on its raw bytes.
 * Order: headers present, App ID, timestamp window, signature (constant time). Never throws.
 */
export function checkSignedMessage(options: SignedMessageOptions): SignedMessageCheck {
	const { headers, body, appSecret, toleranceSeconds, appIdHeader } = options;
	const headerAppId = getHeader(headers, HEADER_APP_ID)?.trim();
	const timestamp = getHeader(headers, HEADER_TIMESTAMP)?.trim();
	const signature = getHeader(headers, HEADER_SIGN)?.trim();

	const missing = [
		appIdHeader === 'required' && !headerAppId ? HEADER_APP_ID : '',
		timestamp ? '' : HEADER_TIMESTAMP,
		signature ? '' : HEADER_SIGN,
	].filter(Boolean);
	if (missing.length) {
		return {
			ok: false,
			reason: 'missing_headers',
			message: `Missing header(s): ${missing.join(', ')}`,
		};
	}

	let appId = options.appId;
	if (headerAppId && headerAppId !== options.appId) {
		if (appIdHeader !== 'trust') {
			return {
				ok: false,
				reason: 'app_id_mismatch',
				message: 'Appid header does not match the configured App ID',
			};
		}
		appId = headerAppId;
	}

	if (!DIGITS.test(timestamp as string)) {
		return { ok: false, reason: 'bad_timestamp', message: 'Timestamp header is not Unix seconds' };
	}
	const ts = Number(timestamp);
	if (toleranceSeconds > 0) {
		const now = Math.floor((options.nowMs ?? Date.now()) / 1000);
		if (now - ts > toleranceSeconds) {
			return {
				ok: false,
				reason: 'stale_timestamp',
				message: `Timestamp is more than ${toleranceSeconds}s old`,
			};
		}
		if (ts - now > toleranceSeconds) {
			return {
				ok: false,
				reason: 'future_timestamp',
				message: `Timestamp is more than ${toleranceSeconds}s in the future`,
			};
		}
	}

	if (!verify(appId, appSecret, timestamp, body, signature)) {
		return { ok: false, reason: 'bad_signature', message: 'Sign header does not match the body' };
	}
	return { ok: true, timestamp: ts, appId };
}

/** Headers to attach to a signed message (request, response or webhook). */
export function signedHeaders(
	appId: string,
	appSecret: string,
	body: SignableBody,
	timestamp: string = nowSeconds(),
): Record<string, string> {
	return {
		[HEADER_APP_ID]: appId,
		[HEADER_TIMESTAMP]: timestamp,
		[HEADER_SIGN]: sign(appId, appSecret, timestamp, body),
	};
}
