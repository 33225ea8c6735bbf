// @ts-check
/**
 * The CCPayment Trigger at node version 2 (API Version v2), hosted by the n8n-core harness (real
 * HTTP, real WebhookContext, n8n's response and static-data rules). Deliveries are signed in the
 * test with node:crypto; the records come from a local recording server speaking the v2 envelope,
 * so every record fetch is seen with the exact bytes the trigger signed.
 */
const { test, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');

const { startWebhookHost } = require('../../../dev/n8n/harness');
const { product } = require('../../../dev/dist');
const { CcPaymentTrigger } = product('triggerNode');
const { CcPaymentApi } = product('credential');
const { CcPaymentV2Api } = product('credentialV2');
const { forgetInProcess, readState, storeKey } = product('dedup');
const { MERCHANT_V2, startServer, ok, fail } = require('../../helpers/v2-node');
const { BODIES, bodyWith, signedV2, hmacSign } = require('../../helpers/v2-webhooks');

/** @type {Record<string, (body: any) => { status?: number, body?: string }>} */
let answers = {};
/** @type {any} */
let api;

/** Deposit records by recordId; the default answers look them up here. */
const RECORDS = {
	'20240313113108110000000000000001': { coinSymbol: 'MATIC', chain: 'POLYGON', amount: '12.5' },
	'20240919035020188328269786624000': { coinSymbol: 'POL', chain: 'POLYGON', amount: '0.5' },
	'20240313120722176788000000000002': { coinSymbol: 'TETH', chain: 'ETH', amount: '0.004' },
	'20240313093815100000000000000003': { coinSymbol: 'MATIC', chain: 'POLYGON', amount: '0.1' },
	'20240313120733170000000000000004': { coinSymbol: 'TETH', chain: 'ETH', amount: '0.002' },
};

/** @param {any} body @param {Record<string, unknown>} [extra] */
const recordAnswer = (body, extra = {}) => {
	const known = RECORDS[/** @type {keyof typeof RECORDS} */ (body.recordId)];
	if (!known) return fail(11003, 'NotFound');
	return ok({
		record: {
			recordId: body.recordId,
			status: 'Success',
			isFlaggedAsRisky: false,
			serviceFee: '0.0025',
			txId: '0xfeed',
			...known,
			...extra,
		},
	});
};

function defaultAnswers() {
	return {
		getAppDepositRecord: (/** @type {any} */ b) => recordAnswer(b),
		getUserDepositRecord: (/** @type {any} */ b) => recordAnswer(b, { userId: '6322718677975328' }),
		getAppWithdrawRecord: (/** @type {any} */ b) => recordAnswer(b, { withdrawType: 'Network' }),
		getUserWithdrawRecord: (/** @type {any} */ b) =>
			recordAnswer(b, { userId: '6322718677975328' }),
		getAppOrderInfo: (/** @type {any} */ b) =>
			b.orderId === '1726717497'
				? ok({
						amountToPay: '0.5',
						coinSymbol: 'POL',
						paidList: [
							{ recordId: '20240919035020188328269786624000', amount: '0.5', status: 'Success' },
						],
					})
				: fail(11003, 'NotFound'),
		getInvoiceOrderInfo: () => fail(11003, 'NotFound'),
	};
}

before(async () => {
	api = await startServer((req) => {
		const path = req.url.replace('/ccpayment/v2/', '');
		const answer = answers[path];
		return answer
			? answer(req.body ? JSON.parse(req.body) : {})
			: { status: 404, body: 'no route' };
	});
});

after(async () => {
	await api.stop();
});

beforeEach(() => {
	answers = defaultAnswers();
	api.requests.length = 0;
});

/** @param {Record<string, unknown>} [parameters] @param {Record<string, unknown>} [staticData] */
function host(parameters = {}, staticData = undefined) {
	forgetInProcess();
	return startWebhookHost(CcPaymentTrigger, {
		parameters,
		credentialsByType: { ccPaymentV2Api: { ...MERCHANT_V2, baseUrl: api.url } },
		credentialTypes: [CcPaymentApi, CcPaymentV2Api],
		typeVersion: 2,
		staticData,
	});
}

/** @param {any} h @param {string} body @param {Record<string, string>} [headers] */
const deliver = (h, body, headers = signedV2(body)) => h.request({ body, headers });

/** Items of all runs. @param {any} h */
const items = (h) =>
	h.runs.flatMap((/** @type {any} */ run) => run[0]).map((/** @type {any} */ i) => i.json);

test('new triggers default to v2; each documented type runs once with its fetched record and ack "Success"', async () => {
	const h = await host();
	try {
		for (const [type, body] of Object.entries(BODIES)) {
			const r = await deliver(h, body);
			assert.equal(r.status, 200, `${type}: ${r.body}`);
			assert.equal(r.body, 'Success');
			assert.match(String(r.headers['content-type']), /^text\/plain/);
		}
		const got = items(h);
		assert.equal(got.length, 5);
		const byType = Object.fromEntries(got.map((/** @type {any} */ j) => [j.type, j]));
		for (const type of Object.keys(BODIES)) {
			const j = byType[type];
			assert.deepEqual(
				{ type: j.type, msg: j.msg },
				JSON.parse(BODIES[/** @type {keyof typeof BODIES} */ (type)]),
			);
			assert.equal(j.record.recordId, j.msg.recordId, type);
			assert.equal(j.ccpayment.verified, true);
			assert.equal(j.ccpayment.status, 'success');
			assert.equal(j.ccpayment.dedupKey, `${type}:${j.msg.recordId}:Success`);
		}
		const deposit = byType.DirectDeposit.ccpayment;
		assert.equal(deposit.creditable, true);
		assert.equal(deposit.creditAmount, '12.5');
		assert.equal(deposit.serviceFee, '0.0025');
		assert.equal(deposit.netAmount, '12.4975');
		assert.equal(deposit.amount, '12.5');
		assert.equal(deposit.txid, '0xfeed');
		assert.equal(deposit.recordSource, 'getAppDepositRecord');
		assert.equal(byType.UserDeposit.ccpayment.creditable, true);
		assert.equal(byType.UserDeposit.ccpayment.creditAmount, '0.1');
		const order = byType.ApiDeposit.ccpayment;
		assert.equal(order.creditable, true);
		assert.equal(order.orderSource, 'getAppOrderInfo');
		assert.equal(order.orderPaidTotal, '0.5');
		assert.equal(byType.ApiWithdrawal.ccpayment.creditable, false);
		assert.equal(byType.UserWithdrawal.ccpayment.creditable, false);
		// Each record fetch is a signed v2 call with exactly the recordId.
		const fetch = api.to('getAppDepositRecord')[0];
		assert.equal(fetch.body, '{"recordId":"20240313113108110000000000000001"}');
		assert.equal(
			fetch.headers.sign,
			hmacSign(
				MERCHANT_V2.appId,
				MERCHANT_V2.appSecret,
				String(fetch.headers.timestamp),
				fetch.raw,
			),
		);
	} finally {
		await h.stop();
	}
});

test('a risky deposit arrives with creditable false; a Processing record is not creditable even if notified Success', async () => {
	answers.getAppDepositRecord = (b) => recordAnswer(b, { isFlaggedAsRisky: true });
	const h = await host();
	try {
		await deliver(h, bodyWith('DirectDeposit', { isFlaggedAsRisky: true }));
		answers.getAppDepositRecord = (b) => recordAnswer(b, { status: 'Processing' });
		await deliver(h, BODIES.ApiDeposit);
		const [risky, processing] = items(h);
		assert.equal(risky.ccpayment.creditable, false);
		assert.match(risky.ccpayment.creditReason, /risky/);
		assert.equal(risky.ccpayment.creditAmount, null);
		assert.equal(processing.ccpayment.creditable, false);
		assert.equal(processing.ccpayment.status, 'processing');
	} finally {
		await h.stop();
	}
});

test('the activation handshake is acknowledged and runs nothing; unsigned it is refused', async () => {
	const h = await host();
	try {
		const body = '{"type":"ActivateWebhookURL","msg":{}}';
		const r = await deliver(h, body);
		assert.equal(r.status, 200);
		assert.match(r.body, /success/i);
		assert.equal((await deliver(h, body, {})).status, 401);
		assert.equal(h.runs.length, 0);
		assert.equal(api.requests.length, 0);
	} finally {
		await h.stop();
	}
});

test('tampered, re-formatted, stale, wrong App ID and unsigned deliveries: 401, no run, no fetch', async () => {
	const h = await host();
	try {
		const body = BODIES.ApiDeposit;
		const old = String(Math.floor(Date.now() / 1000) - 301);
		const attempts = [
			[body.replace('"Success"', '"Failed"'), signedV2(body)],
			[JSON.stringify(JSON.parse(body), null, 2), signedV2(body)],
			[body, signedV2(body, { timestamp: old })],
			[body, signedV2(body, { appId: 'ZZZZZZZZ12345678' })],
			[body, { 'Content-Type': 'application/json' }],
		];
		for (const [b, headers] of attempts) {
			const r = await deliver(h, /** @type {string} */ (b), /** @type {any} */ (headers));
			assert.equal(r.status, 401, r.body);
		}
		assert.equal(h.runs.length, 0);
		assert.equal(api.requests.length, 0);
	} finally {
		await h.stop();
	}
});

test('a retried delivery runs once (even with a fresh signature); Processing then Success run twice', async () => {
	const h = await host({ statuses: [] });
	try {
		answers.getAppDepositRecord = (b) => recordAnswer(b, { status: 'Processing' });
		const processing = bodyWith('ApiDeposit', { status: 'Processing' });
		assert.equal((await deliver(h, processing)).status, 200);
		answers = defaultAnswers();
		for (let i = 0; i < 3; i++) assert.equal((await deliver(h, BODIES.ApiDeposit)).body, 'Success');
		assert.equal(h.runs.length, 2);
		// A known delivery costs no record call.
		assert.equal(api.to('getAppDepositRecord').length, 2);
		const saved = h.staticData;
		assert.deepEqual(
			readState(saved['node:CCPayment Trigger'].ccpaymentDedup).entries.map(([k]) => k),
			[
				'ApiDeposit:20240919035020188328269786624000:Processing',
				'ApiDeposit:20240919035020188328269786624000:Success',
			].map(storeKey),
		);
		assert.deepEqual(h.errors, []);
		await h.stop();
		// After a restart (process memory gone), the saved keys still stop the redelivery.
		const restarted = await host({ statuses: [] }, saved);
		try {
			assert.equal((await deliver(restarted, BODIES.ApiDeposit)).body, 'Success');
			assert.equal(restarted.runs.length, 0);
		} finally {
			await restarted.stop();
		}
	} finally {
		await h.stop();
	}
});

test('a transient record-fetch failure answers 5xx and runs nothing; the retry then runs once', async () => {
	const h = await host();
	try {
		for (const failure of [
			() => ({ status: 502, body: 'bad gateway' }),
			() => fail(11002, 'Internal'),
			() => fail(11004, 'RateLimit'),
		]) {
			answers.getAppDepositRecord = failure;
			const r = await deliver(h, BODIES.DirectDeposit);
			assert.equal(r.status, 503, r.body);
			assert.match(r.body, /retry later/);
			assert.equal(h.runs.length, 0);
			assert.equal(
				h.staticData['node:CCPayment Trigger'],
				undefined,
				'a failed delivery is not remembered',
			);
		}
		answers = defaultAnswers();
		assert.equal((await deliver(h, BODIES.DirectDeposit)).status, 200);
		assert.equal((await deliver(h, BODIES.DirectDeposit)).status, 200);
		assert.equal(h.runs.length, 1);
		assert.equal(items(h)[0].ccpayment.creditable, true);
	} finally {
		await h.stop();
	}
});

test('a record CCPayment does not have: one error run with the notification attached, not creditable', async () => {
	const h = await host();
	try {
		const body = bodyWith('DirectDeposit', { recordId: '99990101000000000000000000000000' });
		const r = await deliver(h, body);
		assert.equal(r.status, 200);
		assert.equal(r.body, 'Success');
		const [item] = items(h);
		assert.deepEqual({ type: item.type, msg: item.msg }, JSON.parse(body));
		assert.equal(item.record, null);
		assert.equal(item.error.code, 11003);
		assert.equal(item.error.notFound, true);
		assert.equal(item.ccpayment.creditable, false);
		assert.match(item.ccpayment.creditReason, /could not be fetched/);
		// Not remembered: a resend once the record exists runs (and is creditable).
		RECORDS['99990101000000000000000000000000'] = { coinSymbol: 'X', chain: 'C', amount: '1' };
		await deliver(h, body);
		assert.equal(h.runs.length, 2);
		assert.equal(items(h)[1].ccpayment.creditable, true);
	} finally {
		await h.stop();
	}
});

test('filters and unknown types: acked without a run; unknown types run only with an empty Events list', async () => {
	const unknown = '{"type":"SwapDone","msg":{"recordId":"1","status":"Success"}}';
	const h = await host({ events: ['DirectDeposit'] });
	try {
		for (const body of [
			BODIES.ApiDeposit,
			unknown,
			bodyWith('DirectDeposit', { status: 'Failed' }),
		]) {
			const r = await deliver(h, body);
			assert.equal(r.status, 200);
			assert.equal(r.body, 'Success');
		}
		assert.equal(h.runs.length, 0);
		assert.equal(api.requests.length, 0);
	} finally {
		await h.stop();
	}
	const all = await host({ events: [] });
	try {
		await deliver(all, unknown);
		const [item] = items(all);
		assert.equal(item.ccpayment.eventType, 'unknown');
		assert.equal(item.ccpayment.creditable, false);
		assert.equal(api.requests.length, 0);
	} finally {
		await all.stop();
	}
});

test('Fetch Record off: no call, nothing creditable; risky-address notices run without a fetch', async () => {
	const h = await host({ options: { fetchRecord: false } });
	try {
		await deliver(h, BODIES.DirectDeposit);
		const risky =
			'{"type":"RiskyAddress","msg":{"chainId":"TRX","address":"TAbc","riskAt":1710000000}}';
		await deliver(h, risky);
		const [deposit, address] = items(h);
		assert.equal(deposit.ccpayment.creditable, false);
		assert.match(deposit.ccpayment.creditReason, /Fetch Record is off/);
		assert.equal(address.ccpayment.eventType, 'risky_address');
		assert.equal(address.ccpayment.chain, 'TRX');
		assert.equal(api.requests.length, 0);
	} finally {
		await h.stop();
	}
});

test('sender IP preset: deliveries from elsewhere get 403 and run nothing; custom ack body', async () => {
	const h = await host({ options: { ccpaymentIpsOnly: true } });
	try {
		const r = await deliver(h, BODIES.DirectDeposit);
		assert.equal(r.status, 403);
		assert.equal(h.runs.length, 0);
	} finally {
		await h.stop();
	}
	const local = await host({
		options: { ccpaymentIpsOnly: true, ipAllowlist: '127.0.0.1', ackBody: 'Success OK' },
	});
	try {
		const r = await deliver(local, BODIES.DirectDeposit);
		assert.equal(r.status, 200);
		assert.equal(r.body, 'Success OK');
		assert.equal(local.runs.length, 1);
	} finally {
		await local.stop();
	}
});

test('simultaneous copies of a delivery (all fetching at once) run once', async () => {
	const h = await host();
	try {
		const answersNow = await Promise.all(
			Array.from({ length: 4 }, () => deliver(h, BODIES.UserDeposit)),
		);
		for (const r of answersNow) assert.deepEqual([r.status, r.body], [200, 'Success']);
		assert.equal(h.runs.length, 1);
		assert.deepEqual(h.errors, []);
	} finally {
		await h.stop();
	}
});
