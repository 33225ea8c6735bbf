/**
 * Verification of CCPayment v2 webhook deliveries on the raw bytes:
 * Sign = hex(HMAC-SHA256(App Secret, Appid + Timestamp + raw body)), compared in constant time by
 * the one v2 signer, after the Appid and the Timestamp window. Same inputs and verdicts as the v1
 * verifier, so the trigger answers both versions the same way. Never throws, never logs.
 */
import {
	appKeys,
	getHeader,
	HEADER_APP_ID,
	HEADER_SIGN,
	HEADER_TIMESTAMP,
	verify,
} from '../shared/signerV2';
import type { DeliveryVerdict, VerifyDeliveryInput } from './verification';

/** The sender IPs CCPayment publishes for v2 webhooks (the allow-list preset). */
export const CCPAYMENT_V2_SENDER_IPS: readonly string[] = [
	'54.150.123.157',
	'35.72.150.75',
	'18.176.186.244',
];

const SECONDS = /^\d{1,12}$/;

const refuse = (reason: string): DeliveryVerdict => ({ ok: false, status: 401, reason });

export function verifyDeliveryV2(input: VerifyDeliveryInput): DeliveryVerdict {
	const { appId, appSecret } = appKeys(input);
	if (!appId || !appSecret) return refuse('Trigger credential has no App ID or App Secret');
	const body = input.rawBody;
	if (
		body === undefined ||
		body === null ||
		(typeof body !== 'string' && !(body instanceof Uint8Array))
	) {
		// Without the exact bytes there is nothing honest to verify; never rebuild them from parsed JSON.
		return refuse('Raw request body unavailable');
	}
	const headerAppId = getHeader(input.headers, HEADER_APP_ID)?.trim();
	const timestamp = getHeader(input.headers, HEADER_TIMESTAMP)?.trim();
	const signature = getHeader(input.headers, HEADER_SIGN)?.trim();
	const missing = [
		input.requireAppIdMatch && !headerAppId ? HEADER_APP_ID : '',
		timestamp ? '' : HEADER_TIMESTAMP,
		signature ? '' : HEADER_SIGN,
	].filter(Boolean);
	if (missing.length) return refuse(`Missing header(s): ${missing.join(', ')}`);

	// Off: a missing Appid is accepted and a different one is hashed as sent; the App Secret still
	// has to match, so only the App ID check is loosened (as in v1).
	let signedAppId = appId;
	if (headerAppId && headerAppId !== appId) {
		if (input.requireAppIdMatch) return refuse('Appid header does not match the configured App ID');
		signedAppId = headerAppId;
	}

	if (!SECONDS.test(timestamp as string)) return refuse('Timestamp header is not Unix seconds');
	const tolerance = input.toleranceSeconds > 0 ? input.toleranceSeconds : 0;
	if (tolerance > 0) {
		const now = Math.floor((input.nowMs ?? Date.now()) / 1000);
		const ts = Number(timestamp);
		if (now - ts > tolerance) return refuse(`Timestamp is more than ${tolerance}s old`);
		if (ts - now > tolerance) return refuse(`Timestamp is more than ${tolerance}s in the future`);
	}

	if (!verify(signedAppId, appSecret, timestamp, body, signature)) {
		return refuse('Sign header does not match the body');
	}
	return { ok: true, appId: signedAppId, timestamp: timestamp as string };
}
