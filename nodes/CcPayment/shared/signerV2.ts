/**
 * The one CCPayment v2 signer. Requests and webhooks are signed the same way:
 *
 *   Sign = lowercase_hex( HMAC-SHA256( key = AppSecret, message = Appid + Timestamp + Body ) )
 *
 * where Body is the exact bytes sent (never re-serialised JSON) and is left out entirely when no
 * body is sent. Used by the v2 credential, the transport and the webhook verifier. Pure; never logs
 * or returns the secret.
 */
import { createHmac, timingSafeEqual } from 'crypto';

import { appKeys, getHeader, nowSeconds } from './signerV1';
import type { HeaderBag, SignableBody } from './signerV1';

export { appKeys, getHeader, nowSeconds };
export type { HeaderBag, SignableBody };

export const HEADER_APP_ID = 'Appid';
export const HEADER_TIMESTAMP = 'Timestamp';
export const HEADER_SIGN = 'Sign';

const HEX_SIGN = /^[0-9a-f]{64}$/;

export function sign(
	appId: string,
	appSecret: string,
	timestamp: string | number,
	body: SignableBody | undefined = undefined,
): string {
	const hmac = createHmac('sha256', Buffer.from(appSecret, 'utf8'));
	hmac.update(`${appId}${timestamp}`, 'utf8');
	if (body !== undefined && body.length > 0) {
		hmac.update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
	}
	return hmac.digest('hex');
}

/**
 * Constant-time check of a received signature. Never throws: malformed input of any kind (wrong
 * type, wrong length, non-hex) is simply "not verified". Upper-case hex is accepted.
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
		if (body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array))
			return false;
		if (typeof signature !== 'string') return false;
		const candidate = signature.trim().toLowerCase();
		if (!HEX_SIGN.test(candidate)) return false;
		const expected = Buffer.from(
			sign(appId, appSecret, timestamp, body as SignableBody | undefined),
			'hex',
		);
		const actual = Buffer.from(candidate, 'hex');
		return expected.length === actual.length && timingSafeEqual(expected, actual);
	} catch {
		return false;
	}
}

/**
 * Serialise a v2 request body exactly once. Calls without parameters send no body at all and sign
 * Appid + Timestamp only, as CCPayment's own reference code does; an empty object counts as "no
 * parameters".
 */
export function serializeBody(body: unknown): string | undefined {
	if (body === undefined || body === null || body === '') return undefined;
	if (typeof body === 'string') return body;
	if (body instanceof Uint8Array)
		return body.length ? Buffer.from(body).toString('utf8') : undefined;
	if (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0)
		return undefined;
	return JSON.stringify(body);
}

/** Headers to attach to a signed v2 message. */
export function signedHeaders(
	appId: string,
	appSecret: string,
	body: SignableBody | undefined,
	timestamp: string = nowSeconds(),
): Record<string, string> {
	return {
		[HEADER_APP_ID]: appId,
		[HEADER_TIMESTAMP]: timestamp,
		[HEADER_SIGN]: sign(appId, appSecret, timestamp, body),
	};
}

export type AppIdShape = 'v1' | 'v2' | 'unknown';

/**
 * Which API version an App ID looks like: v1 App IDs are 33 digits, v2 App IDs 16 letters and
 * digits. Only used for hints in messages, never to refuse a value.
 */
export function appIdShape(appId: unknown): AppIdShape {
	const text = typeof appId === 'string' ? appId.trim() : '';
	if (/^\d{33}$/.test(text)) return 'v1';
	if (/^[A-Za-z0-9]{16}$/.test(text)) return 'v2';
	return 'unknown';
}

/** A sentence for a failure message when the App ID looks like it belongs to the other API version. */
export function appIdShapeHint(appId: unknown, credentialVersion: 'v1' | 'v2'): string | undefined {
	const shape = appIdShape(appId);
	if (credentialVersion === 'v2' && shape === 'v1') {
		return 'This App ID has 33 digits, like a v1 App ID: if it is one, use the CCPayment V1 API credential and API Version "V1 (Legacy)".';
	}
	if (credentialVersion === 'v1' && shape === 'v2') {
		return 'This App ID has 16 letters and digits, like a v2 App ID: if it is one, use the CCPayment V2 API credential and API Version "V2".';
	}
	return undefined;
}
