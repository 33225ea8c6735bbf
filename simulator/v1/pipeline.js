// @ts-check
'use strict';

/**
 * The v1 request pipeline after routing: authenticate (headers, App ID, timestamp window, Sign over
 * the raw bytes), parse JSON, run the endpoint, and build the signed answer. Also the v1 shape of
 * answers decided elsewhere (rate limit, injected faults). Nothing here throws: every failure is an
 * HTTP 200 error envelope, as CCPayment answers.
 */

const { sign, verify } = require('./signer');
const { HANDLERS, ApiError } = require('./endpoints');

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * @typedef {object} ApiResult   an answer ready to send
 * @property {number} status
 * @property {string} body
 * @property {Record<string, string>} headers
 * @property {number} code
 * @property {string} msg
 */

/** The caller's App ID header ('' when absent). @param {import('http').IncomingHttpHeaders} headers */
function appIdOf(headers) {
	return headers.appid === undefined ? '' : String(headers.appid);
}

/**
 * Response headers Appid, Timestamp, Sign over the exact body bytes sent.
 * @param {any} sim
 * @param {string} body
 * @param {{ appId: string, appSecret: string }} merchant
 */
function signHeaders(sim, body, merchant) {
	const ts = String(
		Math.floor(Date.now() / 1000) + (Number(sim.config.responseTimestampOffsetSeconds) || 0),
	);
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
 * @param {any} sim
 * @param {string} kind     key of config.errorCodes
 * @param {string} [detail]
 * @param {any} [merchant]  signs the error response when known (config.signErrorResponses)
 * @returns {ApiResult}
 */
function errorResponse(sim, kind, detail, merchant) {
	const spec = sim.config.errorCodes[kind] || sim.config.errorCodes.serviceError;
	// CCPayment's own wording of its documented codes stays exactly as published.
	const documented = spec.code === 224066 || spec.code === 224083;
	const msg = detail && !documented ? `${spec.msg}: ${detail}` : spec.msg;
	/** @type {Record<string, any>} */
	const envelope = { code: spec.code, msg };
	if (spec.reason) envelope.reason = spec.reason;
	const body = JSON.stringify(envelope);
	/** @type {Record<string,string>} */
	let headers = { 'Content-Type': JSON_TYPE };
	if (merchant && sim.config.signErrorResponses)
		headers = { ...headers, ...signHeaders(sim, body, merchant) };
	return { status: 200, body, headers, code: spec.code, msg };
}

/**
 * Authenticate, parse, run the handler. Never throws.
 * @param {any} sim
 * @param {string} endpoint   path after the prefix, known to HANDLERS
 * @param {import('http').IncomingHttpHeaders} headers
 * @param {Buffer} raw        the body bytes as received (hashed as they are)
 * @param {{ applied?: boolean, error?: string }} [entry]  request log entry to mark
 * @returns {ApiResult}
 */
function process(sim, endpoint, headers, raw, entry) {
	const appId = appIdOf(headers);
	const timestamp = headers.timestamp === undefined ? '' : String(headers.timestamp);
	const signature = headers.sign === undefined ? '' : String(headers.sign);
	if (!appId) return errorResponse(sim, 'unknownAppId', 'missing Appid header');
	if (!timestamp) return errorResponse(sim, 'timestampExpired', 'missing Timestamp header');
	if (!signature) return errorResponse(sim, 'badSignature', 'missing Sign header');
	const merchant = sim.store.merchantConfig(appId);
	if (!merchant)
		return errorResponse(sim, 'unknownAppId', `appid ${appId.slice(0, 64)} is not registered`);
	if (!/^\d{1,12}$/.test(timestamp.trim()))
		return errorResponse(sim, 'timestampExpired', 'Timestamp must be Unix seconds', merchant);
	const tolerance = sim.config.timestampToleranceSeconds;
	if (
		tolerance > 0 &&
		Math.abs(Math.floor(Date.now() / 1000) - Number(timestamp.trim())) > tolerance
	) {
		return errorResponse(
			sim,
			'timestampExpired',
			`Timestamp is more than ${tolerance} s away from server time`,
			merchant,
		);
	}
	if (!verify(appId, merchant.appSecret, timestamp, raw, signature)) {
		return errorResponse(
			sim,
			'badSignature',
			'Sign does not match Appid + secret + Timestamp + body',
			merchant,
		);
	}
	const text = raw.toString('utf8');
	let body = {};
	if (text.trim() !== '') {
		try {
			body = JSON.parse(text);
		} catch {
			return errorResponse(sim, 'invalidParams', 'body is not valid JSON', merchant);
		}
		if (!body || typeof body !== 'object' || Array.isArray(body))
			return errorResponse(sim, 'invalidParams', 'body must be a JSON object', merchant);
	}
	try {
		const data = HANDLERS[endpoint]({
			sim,
			store: sim.store,
			config: sim.config,
			appId,
			merchant,
			body,
		});
		if (entry) entry.applied = true;
		return successResponse(sim, data, merchant);
	} catch (error) {
		if (error instanceof ApiError) return errorResponse(sim, error.kind, error.detail, merchant);
		if (entry) entry.error = String(error && error.stack ? error.stack : error);
		return errorResponse(sim, 'serviceError', undefined, merchant);
	}
}

/**
 * An answer decided before the endpoint ran: the rate limiter, or an injected rate_limit /
 * service_error fault (applied or not).
 * @param {any} sim
 * @param {'rateLimited'|'serviceError'} kind
 * @param {string|undefined} detail
 * @param {any} merchant
 */
function refuse(sim, kind, detail, merchant) {
	return errorResponse(sim, kind, detail, merchant);
}

/**
 * A real answer damaged by an injected fault after the request was applied: `malformed_json` cuts
 * the body in half (and signs those bytes, so only the parse fails); `bad_signature` keeps the body
 * and signs it with a wrong secret.
 * @param {any} sim
 * @param {'malformed_json'|'bad_signature'} kind
 * @param {ApiResult} result
 * @param {any} merchant  the caller's merchant, when its App ID is known
 * @returns {ApiResult}
 */
function corrupt(sim, kind, result, merchant) {
	if (kind === 'malformed_json') {
		const cut = result.body.slice(0, Math.max(1, Math.floor(result.body.length / 2)));
		const headers = {
			'Content-Type': JSON_TYPE,
			...(merchant ? signHeaders(sim, cut, merchant) : {}),
		};
		return { ...result, body: cut, headers };
	}
	const headers = { ...result.headers };
	const ts = headers.Timestamp || String(Math.floor(Date.now() / 1000));
	headers.Appid = headers.Appid || (merchant ? merchant.appId : '');
	headers.Timestamp = ts;
	headers.Sign = sign(headers.Appid, 'not-the-app-secret', ts, result.body);
	return { ...result, headers };
}

module.exports = {
	appIdOf,
	process,
	refuse,
	corrupt,
	errorResponse,
	successResponse,
	signHeaders,
	JSON_TYPE,
};
