// @ts-check
'use strict';

/**
 * The v2 request pipeline after routing, in this order: headers present and well formed (11001),
 * App ID known (12001) and a v2 account (11013), timestamp window (11006), HMAC Sign over the raw
 * bytes (11005), then the merchant's IP whitelist (12002) and website verification (12003), JSON
 * parse, field validation (11000), and the endpoint. The merchant switches come after the signature
 * so an unsigned caller learns nothing about a merchant's settings. Nothing here throws.
 */

const { sign, verify } = require('./signer');
const { CODES, V2Error } = require('./errors');
const { readFields } = require('./fields');
const { definitionOf } = require('./routes');

const JSON_TYPE = 'application/json; charset=utf-8';

/** @typedef {import('../v1/pipeline').ApiResult} ApiResult */

/** @param {import('http').IncomingHttpHeaders} headers */
function appIdOf(headers) {
	return headers.appid === undefined ? '' : String(headers.appid);
}

/**
 * Response headers Appid, Timestamp, Sign: only with config.v2.signResponses, because CCPayment
 * does not document signed v2 responses and a client must not come to rely on them.
 * @param {any} sim @param {string} body @param {any} merchant
 */
function signHeaders(sim, body, merchant) {
	if (!merchant || !sim.config.v2.signResponses) return {};
	const ts = String(Math.floor(Date.now() / 1000));
	return {
		Appid: merchant.appId,
		Timestamp: ts,
		Sign: sign(merchant.appId, merchant.appSecret, ts, body),
	};
}

/** @returns {ApiResult} */
function successResponse(sim, data, merchant) {
	const body = JSON.stringify({ code: 10000, msg: 'success', data });
	return {
		status: 200,
		body,
		headers: { 'Content-Type': JSON_TYPE, ...signHeaders(sim, body, merchant) },
		code: 10000,
		msg: 'success',
	};
}

/**
 * `msg` is the published description (or the tip name with config.v2.errorMsg 'tip') followed by
 * the detail; `data` is left out unless config.v2.errorData says 'null'.
 * @param {any} sim @param {string} tip @param {string} [detail] @param {any} [merchant]
 * @returns {ApiResult}
 */
function errorResponse(sim, tip, detail, merchant) {
	const spec = CODES[tip] || CODES.Internal;
	const head = sim.config.v2.errorMsg === 'tip' ? tip : spec.description;
	const msg = detail ? `${head}: ${detail}` : head;
	/** @type {Record<string, any>} */
	const envelope = { code: spec.code, msg };
	if (sim.config.v2.errorData === 'null') envelope.data = null;
	const body = JSON.stringify(envelope);
	return {
		status: 200,
		body,
		headers: { 'Content-Type': JSON_TYPE, ...signHeaders(sim, body, merchant) },
		code: spec.code,
		msg,
	};
}

/** @param {string} value */
function header(value) {
	return value === undefined ? '' : String(value);
}

/**
 * @param {any} sim
 * @param {string} endpoint
 * @param {import('http').IncomingHttpHeaders} headers
 * @param {Buffer} raw
 * @param {{ applied?: boolean, error?: string, ip?: string }} [entry]
 * @returns {ApiResult}
 */
function process(sim, endpoint, headers, raw, entry) {
	const cfg = sim.config.v2;
	const appId = header(/** @type {any} */ (headers.appid));
	const timestamp = header(/** @type {any} */ (headers.timestamp)).trim();
	const signature = header(/** @type {any} */ (headers.sign));
	for (const [name, value] of [
		['Appid', appId],
		['Timestamp', timestamp],
		['Sign', signature],
	]) {
		if (!value) return errorResponse(sim, 'HeaderInvalidArgument', `missing ${name} header`);
	}
	if (!/^\d{1,13}$/.test(timestamp))
		return errorResponse(
			sim,
			'HeaderInvalidArgument',
			'Timestamp must be Unix seconds (10 digits)',
		);
	const merchant = sim.store.merchantConfig(appId);
	if (!merchant)
		return errorResponse(sim, 'MerchantNotFound', `App ID ${appId.slice(0, 64)} is unknown`);
	if (merchant.protocol !== 'v2') return errorResponse(sim, 'NoSupportVersion');

	let seconds = Number(timestamp);
	if (timestamp.length === 13 && cfg.acceptMillisecondTimestamps)
		seconds = Math.floor(seconds / 1000);
	const tolerance = cfg.timestampToleranceSeconds;
	const skew = Math.floor(Date.now() / 1000) - seconds;
	if (
		tolerance > 0 &&
		(skew > tolerance || (cfg.timestampWindow === 'symmetric' && -skew > tolerance))
	)
		return errorResponse(
			sim,
			'ReqExpired',
			`Timestamp is more than ${tolerance} s away from server time`,
		);
	if (!verify(appId, merchant.appSecret, timestamp, raw, signature))
		return errorResponse(
			sim,
			'VerifySignFailed',
			'Sign must be hex HMAC-SHA256(AppSecret, Appid + Timestamp + body)',
		);

	const ip = (entry && entry.ip) || '';
	const whitelist = Array.isArray(merchant.ipWhitelist) ? merchant.ipWhitelist : [];
	if (whitelist.length && !whitelist.includes(ip))
		return errorResponse(sim, 'IpNotInWhitelist', `${ip} is not whitelisted`, merchant);
	if (merchant.websiteVerified === false)
		return errorResponse(sim, 'MerchantApiDisabled', undefined, merchant);

	const def = definitionOf(endpoint);
	if (!def)
		return errorResponse(
			sim,
			'Failed',
			`/${endpoint} is not implemented in the simulator yet`,
			merchant,
		);
	const text = raw.toString('utf8');
	/** @type {unknown} */
	let parsed = {};
	if (text.trim() !== '') {
		try {
			parsed = JSON.parse(text);
		} catch {
			return errorResponse(sim, 'InvalidArgument', 'body is not valid JSON', merchant);
		}
	}
	// PHP clients send [] for "no parameters"; an empty array carries no fields either.
	if (Array.isArray(parsed) && parsed.length === 0) parsed = {};
	try {
		const body = readFields(parsed, def.fields, '', cfg.unknownFields !== 'ignore');
		const data = def.handler({
			sim,
			store: sim.store,
			config: sim.config,
			appId,
			merchant,
			body,
			endpoint,
			ip,
		});
		if (entry) entry.applied = true;
		return successResponse(sim, data, merchant);
	} catch (error) {
		if (error instanceof V2Error) return errorResponse(sim, error.tip, error.detail, merchant);
		if (entry) entry.error = String(error && error.stack ? error.stack : error);
		return errorResponse(sim, 'Internal', undefined, merchant);
	}
}

/**
 * @param {any} sim @param {'rateLimited'|'serviceError'} kind @param {string|undefined} detail
 * @param {any} merchant
 */
function refuse(sim, kind, detail, merchant) {
	return errorResponse(sim, kind === 'rateLimited' ? 'RateLimit' : 'Internal', detail, merchant);
}

/**
 * `malformed_json` cuts the body in half; `bad_signature` adds response signature headers made
 * with a wrong secret (v2 responses are otherwise unsigned by default).
 * @param {any} sim @param {'malformed_json'|'bad_signature'} kind @param {ApiResult} result
 * @param {any} merchant
 * @returns {ApiResult}
 */
function corrupt(sim, kind, result, merchant) {
	if (kind === 'malformed_json') {
		const cut = result.body.slice(0, Math.max(1, Math.floor(result.body.length / 2)));
		return { ...result, body: cut, headers: { 'Content-Type': JSON_TYPE } };
	}
	const ts = String(Math.floor(Date.now() / 1000));
	const appId = merchant ? merchant.appId : '';
	const Sign = sign(appId, 'not-the-app-secret', ts, result.body);
	return { ...result, headers: { ...result.headers, Appid: appId, Timestamp: ts, Sign } };
}

module.exports = { appIdOf, process, refuse, corrupt, errorResponse, successResponse, JSON_TYPE };
