// @ts-check
'use strict';

/**
 * What every v1 endpoint needs to read a request body: the ApiError that becomes an error envelope,
 * field readers ("" and 0 on optional fields mean "not given", wrong JSON types are parameter
 * errors) and the checks several endpoints share.
 */

const dec = require('../shared/decimal');

const MAX_TEXT = 256;

class ApiError extends Error {
	/**
	 * @param {string} kind   key of config.errorCodes
	 * @param {string} [detail]
	 */
	constructor(kind, detail) {
		super(detail ? `${kind}: ${detail}` : kind);
		this.kind = kind;
		this.detail = detail;
	}
}

/** @param {string} detail */
const invalid = (detail) => new ApiError('invalidParams', detail);

// ---------- field readers ("" and 0 on optional fields mean "not given") ----------

function isMissing(value) {
	return value === undefined || value === null || value === '';
}

function reqString(body, name, max = MAX_TEXT) {
	const value = body[name];
	if (isMissing(value)) throw invalid(`${name} is required`);
	if (typeof value !== 'string') throw invalid(`${name} must be a string`);
	if (!value.trim()) throw invalid(`${name} is required`);
	if ([...value].length > max) throw invalid(`${name} is longer than ${max} characters`);
	return value;
}

function optString(body, name, max = 2048) {
	const value = body[name];
	if (isMissing(value)) return undefined;
	if (typeof value !== 'string') throw invalid(`${name} must be a string`);
	if ([...value].length > max) throw invalid(`${name} is longer than ${max} characters`);
	return value;
}

function optInt(body, name) {
	const value = body[name];
	if (isMissing(value) || value === 0) return undefined;
	if (typeof value !== 'number' || !Number.isSafeInteger(value))
		throw invalid(`${name} must be an integer`);
	return value;
}

function optBool(body, name) {
	const value = body[name];
	if (isMissing(value) || value === 0) return undefined;
	if (typeof value !== 'boolean') throw invalid(`${name} must be a boolean`);
	return value;
}

function optUrl(body, name) {
	const value = optString(body, name);
	if (value === undefined) return undefined;
	let url;
	try {
		url = new URL(value);
	} catch {
		throw invalid(`${name} must be an http(s) URL`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:')
		throw invalid(`${name} must be an http(s) URL`);
	return value;
}

/** A positive decimal string with at most `maxDecimals` decimals. */
function reqAmount(body, name, maxDecimals) {
	const value = body[name];
	if (isMissing(value)) throw invalid(`${name} is required`);
	if (typeof value !== 'string') throw invalid(`${name} must be a decimal string`);
	if (!dec.isDecimalString(value))
		throw invalid(`${name} must be a plain decimal string such as "12.5"`);
	if (!dec.isPositive(value)) throw invalid(`${name} must be greater than 0`);
	if (dec.decimalPlaces(value) > maxDecimals)
		throw invalid(`${name} allows at most ${maxDecimals} decimal places`);
	return dec.normalize(value);
}

// ---------- shared checks ----------

/** Token usable for the operation: known, enabled for the merchant, right status. */
function usableToken(ctx, tokenId, purpose) {
	const token = ctx.store.token(tokenId);
	if (!token) throw new ApiError('tokenNotSupported', `unknown token_id ${tokenId}`);
	if (!ctx.store.isTokenEnabled(ctx.appId, tokenId))
		throw new ApiError('tokenNotSupported', `token_id ${tokenId} is not enabled for this merchant`);
	if (token.status === 2)
		throw new ApiError(
			'tokenNotSupported',
			`${token.crypto} on ${token.chain} is under maintenance`,
		);
	if (token.status === 3 && purpose !== 'withdraw')
		throw new ApiError('tokenNotSupported', `${token.crypto} on ${token.chain} is being delisted`);
	if (token.status !== 1 && token.status !== 3)
		throw new ApiError('tokenNotSupported', `token_id ${tokenId} is not available`);
	return token;
}

function validPeriod(ctx, body, isSats) {
	const limits = ctx.config.orderValidPeriod;
	const given = optInt(body, 'order_valid_period');
	const max = isSats ? limits.maxSats : limits.max;
	if (given !== undefined && (given < 0 || given > max)) {
		throw invalid(
			`order_valid_period must be between 0 and ${max} seconds${isSats ? ' for SATS' : ''}`,
		);
	}
	const effective = given === undefined ? limits.default : given;
	return Math.min(effective, max);
}

/**
 * Duplicate merchant_order_id: 'reject' -> error; 'return_existing' -> the first order's response
 * when it came from the same endpoint (never a second order).
 */
function checkDuplicate(ctx, merchantOrderId, endpoint) {
	const existing = ctx.store.merchant(ctx.appId).orders.get(merchantOrderId);
	if (!existing) return undefined;
	if (
		ctx.config.duplicateOrderPolicy === 'return_existing' &&
		existing.endpoint === endpoint &&
		existing.response
	) {
		return existing.response;
	}
	throw new ApiError('duplicateOrder', `merchant_order_id ${merchantOrderId} was already used`);
}

module.exports = {
	ApiError,
	invalid,
	isMissing,
	reqString,
	optString,
	optInt,
	optBool,
	optUrl,
	reqAmount,
	usableToken,
	validPeriod,
	checkDuplicate,
};
