// @ts-check
'use strict';
/**
 * Webhook signing profiles for the fuzz, one per CCPayment API version. Written here from the protocol
 * (docs/ccpayment-protocol.md), not imported from the product: the fuzz is an independent oracle.
 *   v1: Sign = hex(SHA-256(Appid + AppSecret + Timestamp + Body))
 *   v2: Sign = hex(HMAC-SHA256(key = AppSecret, Appid + Timestamp + Body))
 * Both send the Appid, Timestamp and Sign headers. A new version plugs in as one more entry.
 */
const crypto = require('crypto');

/**
 * @typedef {{
 *   name: string,
 *   sign: (appId: string, appSecret: string, timestamp: string, body: Buffer) => string,
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
	},
	v2: {
		name: 'v2',
		sign: (appId, appSecret, timestamp, body) =>
			crypto
				.createHmac('sha256', appSecret)
				.update(`${appId}${timestamp}`, 'utf8')
				.update(body)
				.digest('hex'),
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
