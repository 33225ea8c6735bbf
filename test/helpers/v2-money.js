// @ts-check
'use strict';
/**
 * Shared setup for the v2 money operation tests: one recording server per test file whose answers
 * are set per path (a value, or a function of the request), and `sent(path)` returning the exact
 * bodies received after checking each one's HMAC signature covers exactly those bytes.
 */
const { before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');

const { MERCHANT_V2, ok, startServer } = require('./v2-node');

/** USDT with 6 decimals on POLYGON and TRX, as getCoin answers. */
const USDT = {
	coinId: 1280,
	symbol: 'USDT',
	networks: {
		POLYGON: { chain: 'POLYGON', precision: 6, canWithdraw: true },
		TRX: { chain: 'TRX', precision: 6, canWithdraw: true },
	},
};

/**
 * Registers before/after/beforeEach hooks for a test file and returns its server handle.
 * `answers[path]` is the data of a success envelope, or a function returning a full answer.
 */
function useMoneyServer() {
	/** @type {{ server: Awaited<ReturnType<typeof startServer>>, answers: Record<string, any> }} */
	const state = /** @type {any} */ ({ answers: {} });
	before(async () => {
		state.server = await startServer((req) => {
			const path = req.url.replace('/ccpayment/v2/', '');
			const answer = state.answers[path];
			if (typeof answer === 'function') return answer(req);
			if (path === 'getCoin' && answer === undefined) return ok({ coin: USDT });
			return ok(answer ?? {});
		});
	});
	after(async () => await state.server.stop());
	beforeEach(() => {
		state.answers = {};
		state.server.requests.length = 0;
	});
	/** Every body sent to `path`, each checked to be signed over exactly its bytes. @param {string} path */
	const sent = (path) =>
		state.server.to(path).map((request) => {
			const expected = crypto
				.createHmac('sha256', MERCHANT_V2.appSecret)
				.update(
					Buffer.concat([
						Buffer.from(`${MERCHANT_V2.appId}${request.headers.timestamp}`),
						request.raw,
					]),
				)
				.digest('hex');
			assert.equal(request.headers.sign, expected, `signature of ${path}`);
			return request.body;
		});
	return { state, sent };
}

module.exports = { USDT, useMoneyServer };
