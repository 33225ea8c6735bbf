// @ts-check
'use strict';
/**
 * Webhook signing profiles for the fuzz, one per CCPayment API version. Written here from the protocol
 * (docs/ccpayment-protocol.md), not imported from the product: the fuzz is an independent oracle.
 *   v1: Sign = hex(SHA-256(Appid + AppSecret + Timestamp + Body))
 *   v2: Sign = hex(HMAC-SHA256(key = AppSecret, Appid + Timestamp + Body))
 * Both send the Appid, Timestamp and Sign headers. Each profile also builds its version's deposit
 * notification (v1: flat fields; v2: the {type, msg} envelope) and names where its record ID sits.
 * A new version plugs in as one more entry.
 */
const crypto = require('crypto');

/**
 * @typedef {{
 *   name: string,
 *   sign: (appId: string, appSecret: string, timestamp: string, body: Buffer) => string,
 *   deposit: (n: number, kind: string) => Record<string, unknown>,
 *   recordId: (json: any) => unknown,
 *   tamper: (text: string) => string,
 * }} Profile
 */

/** @type {Record<string, Profile>} */
const PROFILES = {
	v1: {
		name: 'v1',
		sign: (appId, appSecret, timestamp, body) =>
			crypto
				.createHash('sha256')
				.update(`${appId}${appSecret}${timestamp}`, 'utf8')
				.update(body)
				.digest('hex'),
		deposit: (n, kind) => ({
			pay_status: 'success',
			order_type: 'API Deposit',
			record_id: `fuzz-${kind}-${n}`,
			order_id: `fuzz-order-${n}`,
			paid_amount: '25',
			order_amount: '25',
			chain: 'TRX',
			crypto: 'USDT',
			extend: { merchant_order_id: `FUZZ-${n}` },
			fuzz_kind: kind,
		}),
		recordId: (json) => json?.record_id,
		tamper: (text) => text.replace('"paid_amount":"25"', '"paid_amount":"2500"'),
	},
	v2: {
		name: 'v2',
		sign: (appId, appSecret, timestamp, body) =>
			crypto
				.createHmac('sha256', appSecret)
				.update(`${appId}${timestamp}`, 'utf8')
				.update(body)
				.digest('hex'),
		deposit: (n, kind) => ({
			type: 'ApiDeposit',
			msg: {
				recordId: `fuzz-${kind}-${n}`,
				orderId: `fuzz-order-${n}`,
				coinId: 1280,
				coinSymbol: 'USDT',
				status: 'Success',
				isFlaggedAsRisky: false,
			},
			fuzz_kind: kind,
		}),
		recordId: (json) => json?.msg?.recordId,
		tamper: (text) => text.replace('"isFlaggedAsRisky":false', '"isFlaggedAsRisky":true'),
	},
};

/**
 * The three CCPayment headers for a body, signed with the profile.
 * @param {Profile} profile
 * @param {{ appId: string, appSecret: string }} merchant
 * @param {Buffer} body
 * @param {string} timestamp
 * @returns {Record<string, string>}
 */
function signedHeaders(profile, merchant, body, timestamp) {
	return {
		Appid: merchant.appId,
		Timestamp: timestamp,
		Sign: profile.sign(merchant.appId, merchant.appSecret, timestamp, body),
	};
}

module.exports = { PROFILES, signedHeaders };
