// @ts-check
'use strict';

const { SEED_BALANCES, FIAT_RATES } = require('./catalogue');

/** The two merchants every test, script and README example relies on. */
const DEFAULT_MERCHANT = {
	appId: '202401010000000000000000000000001',
	appSecret: '0123456789abcdef0123456789abcdef',
};
const SECOND_MERCHANT = {
	appId: '202401010000000000000000000000002',
	appSecret: 'fedcba9876543210fedcba9876543210',
};

/**
 * The v2 merchant: a 16-character alphanumeric App ID as v2 accounts have, and a 32-hex secret.
 * Its own account, because a CCPayment account speaks one API version (a v1 App ID calling v2
 * gets 11013).
 */
const V2_MERCHANT = {
	appId: 'SimV2AppId000001',
	appSecret: '0f1e2d3c4b5a69780f1e2d3c4b5a6978',
};

const HIDDEN = '(hidden)';

/**
 * Error codes. Only 224066 and 224083 are documented by CCPayment. EVERY OTHER CODE
 * BELOW IS A PLACEHOLDER GUESS (the real v1 error-code page was never retrievable); they are kept in
 * one 2299xx block so nobody mistakes them for real codes. The msg wording is chosen so the node's
 * hints can recognise the class: "sign", "timestamp", "appid", "rate limit".
 */
function defaultErrorCodes() {
	return {
		badSignature: { code: 229901, msg: 'signature verification failed', guess: true },
		timestampExpired: { code: 229902, msg: 'timestamp expired', guess: true },
		unknownAppId: { code: 229903, msg: 'invalid appid', guess: true },
		invalidParams: { code: 229904, msg: 'invalid params', guess: true },
		tokenNotSupported: { code: 229905, msg: 'token not supported', guess: true },
		duplicateOrder: { code: 229906, msg: 'merchant_order_id already exists', guess: true },
		orderNotFound: { code: 229907, msg: 'order not found', guess: true },
		insufficientBalance: { code: 229908, msg: 'insufficient balance', guess: true },
		invalidAddress: { code: 229909, msg: 'invalid address', guess: true },
		addressLimit: { code: 229910, msg: 'address quota exceeded', guess: true },
		rateLimited: { code: 229911, msg: 'rate limit exceeded', guess: true },
		resendLimited: { code: 229912, msg: 'webhook resend limit reached', guess: true },
		serviceError: { code: 224066, msg: 'service err, please try again', guess: false },
		userNotFound: {
			code: 224083,
			msg: 'users do not exist',
			reason: 'ToUserNotFound',
			guess: false,
		},
	};
}

/** Switches for the v2 questions CCPayment's documents leave open; defaults are the strict readings. */
function defaultV2Config() {
	return {
		/** |now - Timestamp| allowed (docs: "valid in 2 minutes"); 0 = off. */
		timestampToleranceSeconds: 120,
		/** 'symmetric': future timestamps are limited too; 'past': only old ones are refused. */
		timestampWindow: 'symmetric',
		/** Accept 13-digit millisecond Timestamps (one source says ms, every official client sends s). */
		acceptMillisecondTimestamps: false,
		/** Sign responses with Appid/Timestamp/Sign headers (undocumented for v2, so off). */
		signResponses: false,
		/** Error msg: 'description' (published prose) or 'tip' (e.g. InvalidArgument), then the detail. */
		errorMsg: 'description',
		/** Error envelopes: 'absent' (no data key) or 'null' (data: null). */
		errorData: 'absent',
		/** Unknown request fields: 'reject' (11000 naming the field) or 'ignore'. */
		unknownFields: 'reject',
		/** How a zero balance is written ("" in CCPayment's example). */
		zeroBalance: '',
		/** Which orderIds may not repeat: 'family' (deposit, withdrawal, swap, batch apart) or 'global'. */
		orderIdScope: 'family',
		/** Order address without expiredAt: the docs say both 24 h and 10 days; the shorter wins. */
		orderValiditySeconds: 86400,
		/** Invoice without expiredAt (docs: 24 h). */
		invoiceValiditySeconds: 86400,
		/** Longest expiredAt ahead (docs: 10 days; beyond it 11012). */
		maxValiditySeconds: 864000,
		/** Invoice with neither priceFiatId nor priceCoinId: 'required' (11000) or 'usd'. */
		invoicePricing: 'required',
		/** Which withdrawals finish by themselves: 'cwallet' (Cwallet ones), 'all', 'none'. */
		withdrawalAutoComplete: 'cwallet',
		/** Swap fee rate and the smallest fee, in USDT (docs' example: 0.5 %, at least 0.1 USDT). */
		swapFeeRate: '0.005',
		swapMinimumFeeUsdt: '0.1',
		/** webhook/resend limits per App ID (v2's are unpublished; v1's are used). */
		resendLimits: { enforce: true, perMinute: 1, perDay: 25 },
		/** Flag every new deposit as risky (isFlaggedAsRisky: true, never credited). */
		flagDepositsAsRisky: false,
	};
}

/**
 * @typedef {object} MerchantConfig
 * @property {string} appId
 * @property {string} appSecret
 * @property {string} [name]
 * @property {string|null} [webhookUrl]          dashboard Webhook URL
 * @property {'all'|string[]} [enabledTokens]     "tokens for your business"
 * @property {string|null} [notificationTiming]  overrides config.notificationTiming
 * @property {Record<string,string>} [balances]  seed balances per coin_id (override seedBalances)
 * @property {'v1'|'v2'} [protocol]              API version of the account (absent = v1)
 * @property {string[]} [ipWhitelist]            v2: caller IPs allowed ([] = any; else 12002)
 * @property {boolean} [websiteVerified]         v2: false answers every call with 12003
 * @property {boolean} [withdrawApproval]        v2: withdrawals wait for approval first
 */

function defaultConfig() {
	return {
		host: '127.0.0.1',
		/** Base URL used in payment_url; '' = the URL the simulator listens on. */
		publicUrl: '',
		/** @type {MerchantConfig[]} */
		merchants: [
			{
				...DEFAULT_MERCHANT,
				name: 'Demo Merchant',
				webhookUrl: null,
				enabledTokens: 'all',
				notificationTiming: null,
			},
			{
				...SECOND_MERCHANT,
				name: 'Second Merchant',
				webhookUrl: null,
				// A narrower "tokens for your business" selection, so token scoping is visible.
				enabledTokens: [
					'0912e09a-d8e2-41d7-a0bc-a25530892988',
					'264f4725-3cfd-4ff6-bc80-ff9d799d5fb2',
					'92b15088-7973-4813-b0f3-1895588a5df7',
					'4a8e1c3f-9b2d-4e6a-8f07-3c5b1d9e2a04',
					'e8f64d3d-df5b-411d-897f-c6d8d30206b7',
				],
				notificationTiming: null,
			},
			{
				...V2_MERCHANT,
				name: 'Demo Merchant (v2)',
				protocol: 'v2',
				webhookUrl: null,
				enabledTokens: 'all',
				notificationTiming: null,
				ipWhitelist: [],
				websiteVerified: true,
				withdrawApproval: false,
			},
		],
		/** Balance every merchant starts with, per coin_id. */
		seedBalances: { ...SEED_BALANCES },
		/** |now - Timestamp| allowed on API requests (docs: 2 minutes). */
		timestampToleranceSeconds: 120,
		/** Per source IP: at most perSecond requests in any sliding windowMs window; 0 = off. */
		rateLimit: { perSecond: 100, windowMs: 1000 },
		/** webhook/resend: 1 per minute and 25 per day per App ID (docs); enforce false = off. */
		resendLimits: { enforce: true, perMinute: 1, perDay: 25 },
		/** Same merchant_order_id again: 'reject' (error) or 'return_existing' (the first order's answer, no second order). */
		duplicateOrderPolicy: 'reject',
		/** Permanent addresses per App ID (docs: 1000). */
		addressCapPerAppId: 1000,
		orderValidPeriod: { default: 86400, max: 864000, maxSats: 7200 },
		/** Units of each fiat per 1 USD; denominated_currency accepts these codes plus token/TOKEN. */
		fiatRates: { ...FIAT_RATES },
		/** 'confirmed' (default: success only), 'processing' (processing, success), 'started' (pending, processing, success). */
		notificationTiming: 'confirmed',
		/** Which withdrawals finish by themselves: 'internal' (Cwallet ID/email), 'all', 'none'. */
		withdrawalAutoComplete: 'internal',
		/** Service fee rates (guesses matching the docs' examples: Invoice 0.3 %, Direct Deposit 0.03 %). */
		serviceFeeRate: '0.003',
		directDepositServiceFeeRate: '0.0003',
		/** token_id -> network fee override (token units). */
		networkFees: {},
		/** coin_id -> USD price override. */
		tokenPrices: {},
		/** Added delay before every API request is processed (ms), e.g. 100 to model a real round trip. */
		latencyMs: 0,
		/** Shift the Timestamp the simulator puts on its responses (tests of the client's tolerance). */
		responseTimestampOffsetSeconds: 0,
		/** Sign error responses too (harmless: clients only verify code 10000). */
		signErrorResponses: true,
		/** bill/info with IDs that match nothing: 'omit' (empty data) or 'error' (orderNotFound when none match). */
		billInfoUnknownIds: 'omit',
		/** Control routes answer loopback clients only unless this is true. */
		controlAllowRemote: false,
		requestLogLimit: 10000,
		webhook: {
			/** 'insensitive': HTTP 200 and trimmed body equal to "success" in any case; 'strict': exactly "success". */
			ackMode: 'insensitive',
			/** Multiplies the retry gaps (tests use e.g. 0.001). */
			speedFactor: 1,
			/** Gaps between attempts: 1 first attempt + one retry per gap (7 attempts in all). */
			retryGapsSeconds: [30, 60, 120, 240, 480, 960],
			attemptTimeoutMs: 10000,
			/** Re-sign every retry with a fresh Timestamp (CCPayment does not say). */
			freshTimestampOnRetry: true,
			contentType: 'application/json; charset=utf-8',
			/** Where custom_value goes in API Deposit payloads (unknown): 'extend', 'top' or 'none'. */
			customValueLocation: 'extend',
			/** Add credit_amount, network_fee, service_fee, memo to API Deposit payloads (unknown if real). */
			apiDepositExtraFields: false,
			deliveryLogLimit: 5000,
		},
		/** CCPayment v2 (see simulator/README.md "v2: open questions and the chosen readings"). */
		v2: defaultV2Config(),
		/** Seed for the deterministic fault RNG. */
		faultSeed: 1,
		errorCodes: defaultErrorCodes(),
	};
}

/** @param {unknown} value */
function isPlainObject(value) {
	return (
		!!value &&
		typeof value === 'object' &&
		!Array.isArray(value) &&
		Object.getPrototypeOf(value) === Object.prototype
	);
}

/** @template T @param {T} value @returns {T} */
function clone(value) {
	return value === undefined ? value : JSON.parse(JSON.stringify(value));
}

/**
 * Deep-merge `patch` into `target` in place: plain objects merge key by key, everything else
 * (arrays included) replaces. Merchants keep their secret when the patch hides or omits it.
 * @param {Record<string, any>} target
 * @param {Record<string, any>} patch
 */
function mergeInto(target, patch) {
	for (const [key, value] of Object.entries(patch)) {
		if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
		if (key === 'merchants' && Array.isArray(value)) {
			const previous = Array.isArray(target.merchants) ? target.merchants : [];
			target.merchants = value.map((m) => {
				const old = previous.find((p) => p.appId === m.appId);
				const merged = {
					webhookUrl: null,
					enabledTokens: 'all',
					notificationTiming: null,
					...(old ? clone(old) : {}),
					...clone(m),
				};
				if (!m.appSecret || m.appSecret === HIDDEN) merged.appSecret = old ? old.appSecret : '';
				return merged;
			});
			continue;
		}
		if (isPlainObject(value) && isPlainObject(target[key])) {
			mergeInto(target[key], value);
		} else {
			target[key] = clone(value);
		}
	}
	return target;
}

/** Replace the contents of `target` with `source` (keeps the object identity tests hold on to). */
function replaceContents(target, source) {
	for (const key of Object.keys(target)) delete target[key];
	Object.assign(target, clone(source));
	return target;
}

const ENUMS = {
	duplicateOrderPolicy: ['reject', 'return_existing'],
	notificationTiming: ['confirmed', 'processing', 'started'],
	withdrawalAutoComplete: ['internal', 'all', 'none'],
	billInfoUnknownIds: ['omit', 'error'],
};

/** Throws a readable Error when the config holds a value the simulator cannot use. */
function validateConfig(config) {
	for (const [key, allowed] of Object.entries(ENUMS)) {
		if (!allowed.includes(config[key]))
			throw new Error(`config.${key} must be one of ${allowed.join(', ')}`);
	}
	if (!['insensitive', 'strict'].includes(config.webhook.ackMode))
		throw new Error('config.webhook.ackMode must be insensitive or strict');
	if (!['extend', 'top', 'none'].includes(config.webhook.customValueLocation)) {
		throw new Error('config.webhook.customValueLocation must be extend, top or none');
	}
	validateV2(config.v2);
	if (!Array.isArray(config.merchants) || config.merchants.length === 0)
		throw new Error('config.merchants must list at least one merchant');
	for (const m of config.merchants) {
		if (
			!m ||
			typeof m.appId !== 'string' ||
			!m.appId ||
			typeof m.appSecret !== 'string' ||
			!m.appSecret
		) {
			throw new Error('every merchant needs a non-empty appId and appSecret');
		}
		if (m.protocol !== undefined && m.protocol !== null && !['v1', 'v2'].includes(m.protocol))
			throw new Error(`merchant ${m.appId}: protocol must be v1 or v2`);
		if (m.notificationTiming && !ENUMS.notificationTiming.includes(m.notificationTiming)) {
			throw new Error(
				`merchant ${m.appId}: notificationTiming must be one of ${ENUMS.notificationTiming.join(', ')}`,
			);
		}
	}
	const numbers = [
		['timestampToleranceSeconds', config.timestampToleranceSeconds],
		['rateLimit.perSecond', config.rateLimit.perSecond],
		['rateLimit.windowMs', config.rateLimit.windowMs],
		['latencyMs', config.latencyMs],
		['addressCapPerAppId', config.addressCapPerAppId],
		['webhook.speedFactor', config.webhook.speedFactor],
		['webhook.attemptTimeoutMs', config.webhook.attemptTimeoutMs],
	];
	for (const [name, value] of numbers) {
		if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
			throw new Error(`config.${name} must be a number >= 0`);
	}
	if (!Array.isArray(config.webhook.retryGapsSeconds))
		throw new Error('config.webhook.retryGapsSeconds must be an array');
}

const V2_ENUMS = {
	timestampWindow: ['symmetric', 'past'],
	errorMsg: ['description', 'tip'],
	errorData: ['absent', 'null'],
	unknownFields: ['reject', 'ignore'],
	zeroBalance: ['', '0'],
	orderIdScope: ['family', 'global'],
	invoicePricing: ['required', 'usd'],
	withdrawalAutoComplete: ['cwallet', 'all', 'none'],
};

function validateV2(v2) {
	if (!v2 || typeof v2 !== 'object') throw new Error('config.v2 must be an object');
	for (const [key, allowed] of Object.entries(V2_ENUMS)) {
		if (!allowed.includes(v2[key]))
			throw new Error(
				`config.v2.${key} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`,
			);
	}
	const t = v2.timestampToleranceSeconds;
	if (typeof t !== 'number' || !Number.isFinite(t) || t < 0)
		throw new Error('config.v2.timestampToleranceSeconds must be a number >= 0');
}

/** A copy safe to show: merchant secrets hidden. */
function publicConfig(config, showSecrets = false) {
	const copy = clone(config);
	if (!showSecrets) for (const m of copy.merchants) m.appSecret = HIDDEN;
	return copy;
}

module.exports = {
	DEFAULT_MERCHANT,
	SECOND_MERCHANT,
	V2_MERCHANT,
	HIDDEN,
	defaultConfig,
	defaultErrorCodes,
	mergeInto,
	replaceContents,
	validateConfig,
	publicConfig,
	clone,
	isPlainObject,
};
