// @ts-check
'use strict';
/**
 * v2 webhook deliveries for the trigger tests, signed independently of the product: HMAC-SHA256
 * computed here with node:crypto over Appid + Timestamp + the exact body bytes. The bodies are the
 * documented examples (full-length IDs), compact as CCPayment sends them.
 */
const crypto = require('node:crypto');

const MERCHANT_V2 = { appId: 'AbCdEfGh12345678', appSecret: '0123456789abcdef0123456789abcdef' };

/** The documented v2 webhook bodies, one per type. */
const BODIES = {
	DirectDeposit:
		'{"type":"DirectDeposit","msg":{"recordId":"20240313113108110000000000000001","referenceId":"6322470490100","coinId":1329,"coinSymbol":"MATIC","status":"Success","isFlaggedAsRisky":false}}',
	ApiDeposit:
		'{"type":"ApiDeposit","msg":{"recordId":"20240919035020188328269786624000","orderId":"1726717497","coinId":2541,"coinSymbol":"POL","status":"Success","isFlaggedAsRisky":false}}',
	ApiWithdrawal:
		'{"type":"ApiWithdrawal","msg":{"recordId":"20240313120722176788000000000002","orderId":"6322851679000","coinId":1891,"coinSymbol":"TETH","status":"Success"}}',
	UserDeposit:
		'{"type":"UserDeposit","msg":{"recordId":"20240313093815100000000000000003","userId":"6322718677975328","coinId":1329,"coinSymbol":"MATIC","amount":"0.1","status":"Success","isFlaggedAsRisky":false}}',
	UserWithdrawal:
		'{"type":"UserWithdrawal","msg":{"recordId":"20240313120733170000000000000004","orderId":"6322851679858976","userId":"6322718677975328","coinId":1891,"coinSymbol":"TETH","status":"Success"}}',
};

/**
 * Independent v2 signature. @param {string} appId @param {string} appSecret
 * @param {string} timestamp @param {string | Buffer} body
 */
function hmacSign(appId, appSecret, timestamp, body) {
	return crypto
		.createHmac('sha256', appSecret)
		.update(Buffer.concat([Buffer.from(`${appId}${timestamp}`), Buffer.from(body)]))
		.digest('hex');
}

/**
 * Headers of a signed delivery. @param {string | Buffer} body
 * @param {{ appId?: string, appSecret?: string, timestamp?: string }} [options]
 */
function signedV2(body, options = {}) {
	const appId = options.appId ?? MERCHANT_V2.appId;
	const appSecret = options.appSecret ?? MERCHANT_V2.appSecret;
	const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
	return {
		'Content-Type': 'application/json',
		Appid: appId,
		Timestamp: timestamp,
		Sign: hmacSign(appId, appSecret, timestamp, body),
	};
}

/** A body of `type` with msg fields replaced. @param {keyof typeof BODIES} type @param {Record<string, unknown>} patch */
function bodyWith(type, patch) {
	const parsed = JSON.parse(BODIES[type]);
	return JSON.stringify({ ...parsed, msg: { ...parsed.msg, ...patch } });
}

module.exports = { MERCHANT_V2, BODIES, hmacSign, signedV2, bodyWith };
