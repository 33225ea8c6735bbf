// @ts-check
'use strict';

/**
 * CCPayment's v2 signature, written here on purpose instead of borrowing the package's signer: the
 * simulator is the oracle the package is tested against, so a mistake shared by both would pass
 * every test. Requests and webhooks are signed the same way:
 *
 *   Sign = lowercase hex of HMAC-SHA256(key = AppSecret, message = Appid + Timestamp + body)
 *
 * with no separators, the secret only as the key, and the body part empty when there is no body.
 * The body is hashed as the exact bytes sent (never re-serialised JSON).
 */

const { createHmac, timingSafeEqual } = require('crypto');

const HEX_SIGN = /^[0-9a-f]{64}$/;

/**
 * @param {string} appId
 * @param {string} appSecret
 * @param {string|number} timestamp
 * @param {string|Uint8Array} [body]  a string is hashed as its UTF-8 bytes
 * @returns {string}
 */
function sign(appId, appSecret, timestamp, body = '') {
	const hmac = createHmac('sha256', Buffer.from(appSecret, 'utf8'));
	hmac.update(`${appId}${timestamp}`, 'utf8');
	hmac.update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
	return hmac.digest('hex');
}

/**
 * Constant-time check of a received Sign (upper-case hex accepted). Never throws: input of the
 * wrong type, length or alphabet is simply "not verified".
 * @param {unknown} appId
 * @param {unknown} appSecret
 * @param {unknown} timestamp
 * @param {unknown} body
 * @param {unknown} signature
 * @returns {boolean}
 */
function verify(appId, appSecret, timestamp, body, signature) {
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

module.exports = { sign, verify };
