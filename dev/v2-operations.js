// @ts-check
'use strict';
/**
 * Every v2 operation of the CCPayment node as one workflow step, in an order that runs top to
 * bottom on a fresh simulator (its v2 merchant): reads and deposits (v2-operations/reads.js),
 * orders, payouts and swaps (payments.js), a batch withdrawal (batches.js), the wallet system
 * (wallet.js), then a webhook resend. Each step names the exact bytes the node must send, with
 * every optional field that does not depend on the clock, so the simulator's request log is the
 * oracle. The same list drives the in-process test, the real-n8n e2e scenario and the
 * queue-mode suite.
 *
 * `prepare(simUrl)` makes what the steps need but cannot make themselves (a merchant deposit, a
 * refunded risky deposit, a funded user) through the simulator's API and control routes, and
 * returns the context `steps(ctx)` builds on. Each step runs once (executeOnce) on the first item of
 * the step before it, or on an empty item when that step returned none; `$json` in a parameter
 * therefore reads the previous step's first item, and `bodyOf` derives such a step's body from it.
 */
const crypto = require('node:crypto');
const { request } = require('./e2e/lib/http');
const { V2_MERCHANT } = require('../simulator');
const { USDT, START, START_AT, j, expect, one, step } = require('./v2-operations/common');
const { readSteps } = require('./v2-operations/reads');
const { paymentSteps } = require('./v2-operations/payments');
const { batchSteps } = require('./v2-operations/batches');
const { walletSteps } = require('./v2-operations/wallet');

/**
 * @typedef {import('./v2-operations/common').Context} Context
 * @typedef {import('./v2-operations/common').Step} Step
 */

/** A signed v2 call as the merchant (the setup the node cannot do itself). */
async function api(/** @type {string} */ simUrl, /** @type {string} */ method, body = {}) {
	const raw = j(body);
	const timestamp = String(Math.floor(Date.now() / 1000));
	const sign = crypto
		.createHmac('sha256', V2_MERCHANT.appSecret)
		.update(`${V2_MERCHANT.appId}${timestamp}${raw}`)
		.digest('hex');
	const headers = { Appid: V2_MERCHANT.appId, Timestamp: timestamp, Sign: sign };
	const res = await request('POST', `${simUrl}/ccpayment/v2/${method}`, {
		headers: { ...headers, 'content-type': 'application/json' },
		body: raw,
	});
	if (res.json?.code !== 10000) throw new Error(`${method}: ${res.text.slice(0, 300)}`);
	return res.json.data;
}

/** A control route; throws with the simulator's answer on anything but 200. */
async function control(/** @type {string} */ simUrl, /** @type {string} */ route, body = {}) {
	const res = await request('POST', simUrl + route, { body });
	if (res.status !== 200) throw new Error(`${route}: ${res.status} ${res.text.slice(0, 300)}`);
	return res.json;
}

/**
 * The simulator state the steps need, made for this run only (`tag` keeps its IDs unique).
 * @param {string} simUrl
 * @param {string} [tag] unique per run; default derived from the clock
 * @returns {Promise<Context>}
 */
async function prepare(simUrl, tag = `ops${Date.now().toString(36)}`) {
	const paid = await api(simUrl, 'getOrCreateAppDepositAddress', {
		referenceId: `${tag}-paid`,
		chain: 'POLYGON',
	});
	const deposit = await control(simUrl, '/__sim/v2/addresses/deposit', {
		referenceId: `${tag}-paid`,
		chain: 'POLYGON',
		coinId: USDT,
		amount: '20',
	});
	await api(simUrl, 'getOrCreateAppDepositAddress', { referenceId: `${tag}-risky`, chain: 'TRX' });
	const risky = await control(simUrl, '/__sim/v2/addresses/deposit', {
		referenceId: `${tag}-risky`,
		chain: 'TRX',
		coinId: USDT,
		amount: '30',
		risky: true,
	});
	const refund = await control(simUrl, '/__sim/v2/risky/refund', {
		recordId: risky.record.recordId,
	});
	const alice = `${tag}-alice`;
	await control(simUrl, '/__sim/v2/users/address', { user_id: alice, chain: 'TRX' });
	const funded = await control(simUrl, '/__sim/v2/users/deposit', {
		user_id: alice,
		chain: 'TRX',
		coin_id: USDT,
		amount: '100',
	});
	return {
		tag,
		appId: V2_MERCHANT.appId,
		paidAddress: paid.address,
		depositRecordId: deposit.record.recordId,
		riskyRefundId: refund.recordId,
		aliceDepositId: funded.record.recordId,
		alice,
		bob: `${tag}-bob`,
		carol: `${tag}-carol`,
	};
}

/**
 * Every v2 operation, in running order.
 * @param {Context} ctx what prepare() returned
 * @returns {Step[]}
 */
function steps(ctx) {
	return [
		...readSteps(ctx),
		...paymentSteps(ctx),
		...batchSteps(ctx),
		...walletSteps(ctx),
		step(
			'Webhook Resend',
			{
				resource: 'webhook',
				operation: 'resend',
				startTime: START,
				additionalFields: {
					endTime: '2024-03-01T00:30:00Z',
					recordIds: ctx.depositRecordId,
					transactionType: 'DirectDeposit',
					webhookResult: 'AllResult',
				},
			},
			'webhook/resend',
			j({
				recordIds: [ctx.depositRecordId],
				startTimestamp: START_AT,
				endTimestamp: START_AT + 1800,
				webhookResult: 'AllResult',
				transactionType: 'DirectDeposit',
			}),
			(items) => expect(one(items, 'resendCount', 0), 'nothing to resend in that hour', items),
		),
	];
}

/** `resource.operation` of every step. */
const OPERATIONS = new Set(
	steps(/** @type {any} */ ({ tag: 'x' })).map(
		(s) => `${s.parameters.resource}.${s.parameters.operation}`,
	),
);

/**
 * The body a step must send: its own, or the one it derives from the previous step's first item.
 * @param {Step} s @param {any} previous
 */
const bodyOf = (s, previous) => (typeof s.body === 'function' ? s.body(previous) : s.body);

module.exports = { prepare, steps, bodyOf, OPERATIONS };
