/**
 * Verification glue for CCPayment v1 webhook deliveries. Pure functions, no n8n context: the
 * trigger's webhook() feeds them the raw request and turns the verdicts into HTTP answers.
 *
 * The cryptographic check itself is `checkSignedMessage` from the one shared signer (headers
 * present, Appid, timestamp window, constant-time Sign over the raw bytes). Nothing here ever
 * re-serialises JSON, logs, returns or puts the App Secret in a message.
 */
import { appKeys, checkSignedMessage, getHeader, HEADER_TIMESTAMP } from '../shared/signerV1';
import type { HeaderBag } from '../shared/signerV1';

/**
 * Default replay window in seconds. Why 300 and not the documented 120:
 * - the v1 docs say a signed request is "valid for two minutes", but only the official Java SDK
 *   checks freshness on webhooks, and it allows 300 s (the same figure n8n's own signature helper
 *   and Slack use);
 * - it is unknown whether CCPayment re-signs retries with a fresh Timestamp (not documented).
 *   If it reuses the first one, 120 s would reject every retry after the second attempt; 300 s
 *   still accepts the first four attempts of the published (v2) schedule (0 s, 30 s, 1m30s, 3m30s);
 * - replays inside the window are blocked by the duplicate store, whose age cap is always at least
 *   the tolerance (see dedup.ts), so a longer window does not open a replay gap.
 * Users whose retries arrive later with the original Timestamp can raise it (about 2000 s covers
 * the whole 31m30s schedule) or set 0 to turn the window off.
 */
export const DEFAULT_TIMESTAMP_TOLERANCE_SECONDS = 300;

export type RawBody = Uint8Array | string | undefined | null;

export type DeliveryVerdict =
	| { ok: true; appId: string; timestamp: string }
	| { ok: false; status: 401; reason: string };

export interface VerifyDeliveryInput {
	headers: HeaderBag | undefined | null;
	rawBody: RawBody;
	appId: unknown;
	appSecret: unknown;
	/** Seconds; 0 (or a negative / non-finite value) turns the window off. */
	toleranceSeconds: number;
	/** true: the Appid header must be present and equal the credential's App ID. */
	requireAppIdMatch: boolean;
	nowMs?: number;
}

/** Normalises a user-entered tolerance: non-numbers fall back to the default, negatives to 0. */
export function normalizeTolerance(value: unknown): number {
	if (value === undefined || value === null || value === '')
		return DEFAULT_TIMESTAMP_TOLERANCE_SECONDS;
	const n = Number(value);
	if (!Number.isFinite(n)) return DEFAULT_TIMESTAMP_TOLERANCE_SECONDS;
	return n > 0 ? Math.floor(n) : 0;
}

/**
 * Decide whether a delivery is authentic. Never throws. The reason is short, safe to send back
 * to the caller and contains no secret material.
 */
export function verifyDelivery(input: VerifyDeliveryInput): DeliveryVerdict {
	const { appId, appSecret } = appKeys(input);
	if (!appId || !appSecret) {
		return { ok: false, status: 401, reason: 'Trigger credential has no App ID or App Secret' };
	}
	const body = input.rawBody;
	if (
		body === undefined ||
		body === null ||
		(typeof body !== 'string' && !(body instanceof Uint8Array))
	) {
		// Without the exact bytes there is nothing honest to verify; never rebuild them from parsed JSON.
		return { ok: false, status: 401, reason: 'Raw request body unavailable' };
	}
	const check = checkSignedMessage({
		headers: input.headers,
		body,
		appId,
		appSecret,
		toleranceSeconds: input.toleranceSeconds > 0 ? input.toleranceSeconds : 0,
		// Off: a missing Appid is accepted and a different one is hashed as sent (PHP SDK behaviour);
		// the App Secret still has to match, so only the App ID check is loosened.
		appIdHeader: input.requireAppIdMatch ? 'required' : 'trust',
		nowMs: input.nowMs,
	});
	if (!check.ok) return { ok: false, status: 401, reason: check.message };
	const timestamp = getHeader(input.headers, HEADER_TIMESTAMP)?.trim() ?? String(check.timestamp);
	return { ok: true, appId: check.appId, timestamp };
}

export type ParsedPayload =
	| { ok: true; payload: Record<string, unknown> }
	| { ok: false; status: 400; reason: string };

/** Parse the (already verified) raw body. Only a JSON object is a CCPayment v1 notification. */
export function parsePayload(rawBody: Uint8Array | string): ParsedPayload {
	let text = typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody).toString('utf8');
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	if (!text.trim()) return { ok: false, status: 400, reason: 'Empty body' };
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return { ok: false, status: 400, reason: 'Body is not valid JSON' };
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		return { ok: false, status: 400, reason: 'Body is not a JSON object' };
	}
	return { ok: true, payload: value as Record<string, unknown> };
}

// ---------------------------------------------------------------------------------------------
// Optional source-IP allow-list (off by default: CCPayment publishes no v1 sender IPs).

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4ToInt(ip: string): number | undefined {
	const m = IPV4.exec(ip);
	if (!m) return undefined;
	const parts = m.slice(1).map(Number);
	if (parts.some((p) => p > 255)) return undefined;
	return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

/** Strip the IPv4-mapped IPv6 prefix, brackets and zone, and lower-case. */
export function normalizeIp(ip: unknown): string {
	if (typeof ip !== 'string') return '';
	let text = ip.trim().toLowerCase();
	if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
	const zone = text.indexOf('%');
	if (zone >= 0) text = text.slice(0, zone);
	if (text.startsWith('::ffff:') && IPV4.test(text.slice(7))) text = text.slice(7);
	return text;
}

/** Parses "1.2.3.4, 10.0.0.0/8, 2001:db8::1" (commas, spaces or new lines) into entries. */
export function parseAllowList(value: unknown): string[] {
	if (typeof value !== 'string') return [];
	return value
		.split(/[\s,;]+/)
		.map((entry) => entry.trim())
		.filter(Boolean);
}

/** Exact match for IPv4 and IPv6, CIDR ranges for IPv4. An empty list allows everyone. */
export function isIpAllowed(ip: unknown, allowList: string[]): boolean {
	if (!allowList.length) return true;
	const candidate = normalizeIp(ip);
	if (!candidate) return false;
	const candidateInt = ipv4ToInt(candidate);
	for (const entry of allowList) {
		const slash = entry.indexOf('/');
		if (slash < 0) {
			if (normalizeIp(entry) === candidate) return true;
			continue;
		}
		const base = ipv4ToInt(normalizeIp(entry.slice(0, slash)));
		const bits = Number(entry.slice(slash + 1));
		if (base === undefined || candidateInt === undefined) continue;
		if (!Number.isInteger(bits) || bits < 0 || bits > 32) continue;
		const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
		if ((base & mask) >>> 0 === (candidateInt & mask) >>> 0) return true;
	}
	return false;
}

// ---------------------------------------------------------------------------------------------
// Headers copied into the output when "Include Headers" is on. Sign is always left out: it is a
// SHA-256 over the secret-prefixed message, which is length-extendable and a replay token for the
// tolerance window, so it should not be visible to everyone who can read executions.

const WITHHELD_HEADERS = new Set([
	'sign',
	'authorization',
	'proxy-authorization',
	'cookie',
	'set-cookie',
	'x-api-key',
]);

export function safeHeaders(headers: HeaderBag | undefined | null): Record<string, string> {
	const out: Record<string, string> = {};
	if (!headers) return out;
	for (const key of Object.keys(headers)) {
		const name = key.toLowerCase();
		if (WITHHELD_HEADERS.has(name)) continue;
		const value = headers[key];
		if (value === undefined || value === null) continue;
		out[name] = Array.isArray(value) ? value.map(String).join(', ') : String(value);
	}
	return out;
}
