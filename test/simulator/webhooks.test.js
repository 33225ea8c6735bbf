// @ts-check
'use strict';

const { test, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const { createHash } = require('crypto');
const { startSimulator, TOKENS, COIN } = require('../../simulator');
const { VECTOR_A, WEBHOOKS } = require('../helpers/spec-vectors');
const { ok, control, startReceiver, uid } = require('../helpers/simulator');

/** @type {any} */
let sim;
/** @type {any} */
let hook;
/** How the receiver answers attempt n (default: 200 "success"). */
let answer = (_n, _r) => undefined;

before(async () => {
	hook = await startReceiver((n, r) => answer(n, r));
	sim = await startSimulator({ port: 0, webhookUrl: hook.url, webhook: { speedFactor: 0.001 } });
});
after(async () => {
	await sim.stop();
	await hook.close();
});
beforeEach(async () => {
	await sim.reset();
	hook.received.length = 0;
	answer = () => undefined;
});

/** The spec formula, computed independently of the package's signer. */
const specSign = (appId, secret, ts, body) =>
	createHash('sha256')
		.update(appId + secret + ts + body, 'utf8')
		.digest('hex');

function assertSigned(request) {
	const { appid, timestamp, sign } = request.headers;
	assert.equal(appid, sim.merchant.appId);
	assert.match(timestamp, /^\d{10}$/);
	assert.equal(sign, specSign(sim.merchant.appId, sim.merchant.appSecret, timestamp, request.body));
	assert.equal(request.headers['content-type'], 'application/json; charset=utf-8');
	assert.equal(JSON.stringify(JSON.parse(request.body)), request.body, 'compact JSON');
}

const settled = () => sim.waitForDeliveries(() => sim.webhooks.idle(), 10000);
const keys = (body) => Object.keys(JSON.parse(body));

test('API Deposit: documented payload, sent to the order notify_url, signed with the spec formula', async () => {
	const moid = uid('dep');
	await ok(sim, 'bill/create', {
		merchant_order_id: moid,
		product_price: '25',
		token_id: TOKENS.USDT_TRC20,
		denominated_currency: 'USD',
		notify_url: `${hook.url}?order=${moid}`,
	});
	const result = sim.actions.payOrder({ merchant_order_id: moid, amount: '10' });
	await settled();
	assert.equal(hook.received.length, 1);
	const [request] = hook.received;
	assert.equal(request.url, `/webhook?order=${moid}`);
	assertSigned(request);
	assert.deepEqual(keys(request.body), [
		'pay_status',
		'order_type',
		'record_id',
		'order_id',
		'product_price',
		'denominated_currency',
		'order_amount',
		'fiat_rate',
		'paid_amount',
		'token_rate',
		'chain',
		'txid',
		'contract',
		'crypto',
		'extend',
	]);
	const body = JSON.parse(request.body);
	assert.deepEqual(
		{ ...body, txid: undefined },
		{
			pay_status: 'success',
			order_type: 'API Deposit',
			record_id: result.record_id,
			order_id: result.order_id,
			product_price: '25',
			denominated_currency: 'USD',
			order_amount: '25',
			fiat_rate: '1',
			paid_amount: '10',
			token_rate: '1',
			chain: 'TRX',
			txid: undefined,
			contract: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
			crypto: 'USDT',
			extend: { merchant_order_id: moid },
		},
	);
	assert.match(body.record_id, /^\d{33}$/);
	const [delivery] = sim.deliveries;
	assert.equal(delivery.state, 'acked');
	assert.equal(delivery.attempts.length, 1);
	assert.equal(delivery.attempts[0].status, 200);
	assert.equal(delivery.attempts[0].response_body, 'success');
});

test('partial, over and repeated payments each get their own record_id', async () => {
	const moid = uid('multi');
	await ok(sim, 'bill/create', {
		merchant_order_id: moid,
		product_price: '25',
		token_id: TOKENS.USDT_TRC20,
		denominated_currency: 'USD',
	});
	sim.actions.payOrder({ merchant_order_id: moid, mode: 'partial' });
	sim.actions.payOrder({ merchant_order_id: moid, mode: 'full' });
	sim.actions.payOrder({ merchant_order_id: moid, mode: 'over' });
	await settled();
	const bodies = hook.received.map((r) => JSON.parse(r.body));
	assert.deepEqual(bodies.map((b) => b.paid_amount).sort(), ['12.5', '12.5', '2.5']);
	assert.equal(new Set(bodies.map((b) => b.record_id)).size, 3);
	assert.ok(bodies.every((b) => b.order_amount === '25' && b.extend.merchant_order_id === moid));
});

test('hosted checkout payment lets the payer choose the token', async () => {
	const moid = uid('hc');
	await ok(sim, 'concise/url/get', {
		product_price: '3276',
		merchant_order_id: moid,
		product_name: 'Laptop',
		custom_value: 'cart-7',
	});
	sim.actions.payOrder({ merchant_order_id: moid, token_id: TOKENS.ETH, mode: 'full' });
	await settled();
	const body = JSON.parse(hook.received[0].body);
	assert.equal(body.crypto, 'ETH');
	assert.equal(body.contract, '1');
	assert.equal(body.order_amount, '2');
	assert.equal(body.paid_amount, '2');
	assert.equal(body.token_rate, '1638');
	assert.deepEqual(body.extend, { merchant_order_id: moid, custom_value: 'cart-7' });
});

test('Direct Deposit: documented payload, sent to the address notify_url', async () => {
	await ok(sim, 'payment/address/get', {
		user_id: 'user-42',
		chain: 'BSC',
		notify_url: `${hook.url}/direct`,
	});
	const result = sim.actions.depositToAddress({
		user_id: 'user-42',
		chain: 'BSC',
		amount: '666',
		token_id: TOKENS.USDT_BEP20,
	});
	await settled();
	const [request] = hook.received;
	assert.equal(request.url, '/webhook/direct');
	assertSigned(request);
	assert.deepEqual(keys(request.body), [
		'pay_status',
		'order_type',
		'record_id',
		'paid_amount',
		'credit_amount',
		'chain',
		'from_address',
		'to_address',
		'contract',
		'crypto',
		'txid',
		'service_fee',
		'memo',
		'user_id',
	]);
	const body = JSON.parse(request.body);
	assert.equal(body.order_type, 'Direct Deposit');
	assert.equal(body.record_id, result.record_id);
	assert.equal(body.paid_amount, '666');
	assert.equal(body.service_fee, '0.1998');
	assert.equal(body.credit_amount, '665.8002');
	assert.equal(body.to_address, result.address);
	assert.equal(body.user_id, 'user-42');
	assert.equal(body.contract, '0x55d398326f99059ff775485246999027b3197955');
	const usdt = sim.ledger().merchants[0].balances.find((b) => b.coin_id === COIN.USDT).value;
	assert.equal(usdt, '1000665.8002');
	// tokens the merchant did not enable are credited without a notification (docs)
	sim.setMerchant(sim.merchant.appId, { enabledTokens: [TOKENS.USDT_TRC20] });
	const silent = sim.actions.depositToAddress({
		user_id: 'user-42',
		chain: 'BSC',
		amount: '1',
		token_id: TOKENS.USDT_BEP20,
	});
	await settled();
	assert.equal(silent.notified, false);
	assert.equal(hook.received.length, 1);
});

test('Invoice: documented payload to the dashboard URL', async () => {
	const result = sim.actions.payInvoice({
		product_price: '18',
		token_id: TOKENS.USDT_ERC20,
		user_email: 'buyer@example.com',
	});
	await settled();
	const [request] = hook.received;
	assert.equal(request.url, '/webhook');
	assertSigned(request);
	assert.deepEqual(keys(request.body), [
		'pay_status',
		'order_type',
		'record_id',
		'order_id',
		'product_price',
		'order_amount',
		'fiat_rate',
		'denominated_currency',
		'paid_amount',
		'credit_amount',
		'token_rate',
		'chain',
		'contract',
		'crypto',
		'txid',
		'network_fee',
		'service_fee',
		'memo',
		'extend',
	]);
	const body = JSON.parse(request.body);
	assert.equal(body.order_type, 'Invoice');
	assert.equal(body.paid_amount, '18');
	assert.equal(body.credit_amount, '17.946');
	assert.equal(body.service_fee, '0.054');
	assert.deepEqual(body.extend, { invoice_id: result.invoice_id, user_email: 'buyer@example.com' });
});

test('API Withdrawal: success and failed payloads (merchant_pays_fee is a boolean), failure refunds', async () => {
	const a = uid('wa');
	const b = uid('wb');
	await ok(sim, 'withdraw', {
		merchant_order_id: a,
		address: '0x3b55Ec4D9d15528B78958Fd3EeEAe87a893EDffF',
		token_id: TOKENS.USDT_ERC20,
		value: '50',
		merchant_pays_fee: true,
	});
	await ok(sim, 'withdraw', {
		merchant_order_id: b,
		address: '9454818',
		token_id: TOKENS.USDC_POLYGON,
		value: '0.05',
	});
	await settled(); // b is internal and completes at once
	sim.actions.completeWithdrawal({ merchant_order_id: a, status: 'failed' });
	await settled();
	assert.equal(hook.received.length, 2);
	for (const r of hook.received) {
		assertSigned(r);
		assert.deepEqual(keys(r.body), [
			'pay_status',
			'order_type',
			'order_id',
			'record_id',
			'withdraw_amount',
			'net_receivable',
			'network_fee',
			'network_fee_crypto',
			'network_coin_id',
			'network_fee_value',
			'chain',
			'contract',
			'crypto',
			'to_address',
			'memo',
			'txid',
			'merchant_order_id',
			'merchant_pays_fee',
		]);
	}
	const internal = JSON.parse(hook.received[0].body);
	assert.deepEqual(
		{
			pay_status: internal.pay_status,
			order_type: internal.order_type,
			withdraw_amount: internal.withdraw_amount,
			net_receivable: internal.net_receivable,
			network_fee: internal.network_fee,
			to_address: internal.to_address,
			txid: internal.txid,
			merchant_order_id: internal.merchant_order_id,
			merchant_pays_fee: internal.merchant_pays_fee,
		},
		{
			pay_status: 'success',
			order_type: 'API Withdrawal',
			withdraw_amount: '0.05',
			net_receivable: '0.05',
			network_fee: '0',
			to_address: '9454818',
			txid: 'internal transfer',
			merchant_order_id: b,
			merchant_pays_fee: false,
		},
	);
	const failed = JSON.parse(hook.received[1].body);
	assert.equal(failed.pay_status, 'failed');
	assert.equal(failed.withdraw_amount, '53.5');
	assert.equal(failed.net_receivable, '50');
	assert.equal(failed.merchant_pays_fee, true);
	assert.equal(
		sim.ledger().merchants[0].balances.find((x) => x.coin_id === COIN.USDT).value,
		'1000000',
	);
});

test('Refund: documented payload (network_crypto), debits the balance', async () => {
	const moid = uid('ref');
	await ok(sim, 'bill/create', {
		merchant_order_id: moid,
		product_price: '25',
		token_id: TOKENS.USDT_ERC20,
		denominated_currency: 'USD',
	});
	sim.actions.payOrder({ merchant_order_id: moid, mode: 'full' });
	await settled();
	hook.received.length = 0;
	const result = sim.actions.refundOrder({
		merchant_order_id: moid,
		amount: '10',
		to_address: '0xA9F422BFBeB46f1FbcBBaf947E15b84D8Fbba80C',
	});
	await settled();
	const [request] = hook.received;
	assertSigned(request);
	assert.deepEqual(keys(request.body), [
		'pay_status',
		'order_type',
		'record_id',
		'amount',
		'net_receivable',
		'network_fee',
		'network_crypto',
		'network_coin_id',
		'chain',
		'contract',
		'crypto',
		'to_address',
		'memo',
		'txid',
		'merchant_order_id',
	]);
	const body = JSON.parse(request.body);
	assert.deepEqual(
		{
			pay_status: body.pay_status,
			order_type: body.order_type,
			record_id: body.record_id,
			amount: body.amount,
			net_receivable: body.net_receivable,
			network_fee: body.network_fee,
			network_crypto: body.network_crypto,
			network_coin_id: body.network_coin_id,
			merchant_order_id: body.merchant_order_id,
		},
		{
			pay_status: 'success',
			order_type: 'Refund',
			record_id: result.record_id,
			amount: '10',
			net_receivable: '6.5',
			network_fee: '3.5',
			network_crypto: 'USDT',
			network_coin_id: COIN.USDT,
			merchant_order_id: moid,
		},
	);
	const [info] = await ok(sim, 'bill/info', { merchant_order_ids: [moid] });
	assert.deepEqual(Object.keys(info.refund_list[0]), [
		'refund_amount',
		'network_fee',
		'actual_received_amount',
		'chain',
		'contract',
		'crypto',
		'txid',
		'address',
		'pay_time',
		'status',
	]);
	assert.equal(info.refund_list[0].status, 'Successful');
	assert.throws(
		() => sim.actions.refundOrder({ merchant_order_id: moid, amount: '20' }),
		/refundable/,
	);
});

test('the spec webhook vector A is reproduced byte for byte (fixed Timestamp, raw send)', async (t) => {
	const vectorSim = await startSimulator({
		port: 0,
		merchants: [{ appId: VECTOR_A.appId, appSecret: VECTOR_A.appSecret }],
	});
	t.after(() => vectorSim.stop());
	const body = WEBHOOKS.api_deposit.body;
	const res = await control(vectorSim, 'POST', '/__sim/webhooks/send', {
		url: hook.url,
		body,
		timestamp: VECTOR_A.timestamp,
	});
	assert.equal(res.status, 200);
	await vectorSim.waitForDeliveries(() => vectorSim.webhooks.idle(), 10000);
	assert.equal(hook.received[0].body, body);
	assert.equal(hook.received[0].headers.timestamp, '1700000000');
	assert.equal(
		hook.received[0].headers.sign,
		'498b72483ff18f663708fe5f225749b9dcf2a727c84856153117fc60ab8db894',
	);
});

test('ack rules: 200 + trimmed "success" in any case acks by default; strict mode needs exact "success"', async () => {
	const replies = [
		{ status: 200, body: 'Success' },
		{ status: 200, body: '  SUCCESS\n' },
		{ status: 200, body: 'ok' },
		{ status: 500, body: 'success' },
		{ status: 201, body: 'success' },
		{ status: 200, body: '' },
	];
	const { isAck } = require('../../simulator/shared/webhooks');
	assert.deepEqual(
		replies.map((r) => isAck(r.status, r.body, 'insensitive')),
		[true, true, false, false, false, false],
	);
	assert.deepEqual(
		replies.map((r) => isAck(r.status, r.body, 'strict')),
		[false, false, false, false, false, false],
	);
	assert.equal(isAck(200, ' success \n', 'strict'), true);

	answer = () => ({ body: 'Success' });
	sim.actions.sendRaw({ body: { pay_status: 'success', order_type: 'Refund', record_id: 'r1' } });
	await settled();
	assert.equal(sim.deliveries[0].state, 'acked');
	sim.config.webhook.ackMode = 'strict';
	answer = (n) => ({ body: n === 2 ? 'Success' : 'success' });
	sim.actions.sendRaw({ body: { pay_status: 'success', order_type: 'Refund', record_id: 'r2' } });
	await settled();
	const strict = sim.deliveries[1];
	assert.equal(strict.state, 'acked');
	assert.deepEqual(
		strict.attempts.map((a) => a.acked),
		[false, true],
	);
});

test('retries: a receiver that never acks gets 1 + 6 attempts, then the delivery is failed', async () => {
	answer = () => ({ status: 500, body: 'nope' });
	sim.actions.sendRaw({
		body: { pay_status: 'success', order_type: 'Refund', record_id: 'r-fail' },
	});
	await sim.waitForDeliveries((ds) => ds[0] && ds[0].state === 'failed', 15000);
	const [delivery] = sim.deliveries;
	assert.equal(delivery.attempts.length, 7);
	assert.equal(hook.received.length, 7);
	assert.deepEqual(
		delivery.attempts.map((a) => a.n),
		[1, 2, 3, 4, 5, 6, 7],
	);
	assert.ok(
		delivery.attempts.every((a) => a.status === 500 && !a.acked && a.response_body === 'nope'),
	);
	// every retry is signed correctly (fresh Timestamp by default)
	for (const r of hook.received) assertSigned(r);
	assert.equal(new Set(hook.received.map((r) => r.body)).size, 1, 'the body never changes');
});

test('retries stop at the first ack; unreachable URLs are retried too', async () => {
	answer = (n) => (n < 3 ? { status: 503, body: 'busy' } : undefined);
	sim.actions.sendRaw({ body: { pay_status: 'success', order_type: 'Refund', record_id: 'r-3' } });
	await settled();
	assert.equal(sim.deliveries[0].state, 'acked');
	assert.equal(sim.deliveries[0].attempts.length, 3);
	sim.actions.sendRaw({
		body: { pay_status: 'success', order_type: 'Refund', record_id: 'r-x' },
		url: 'http://127.0.0.1:1/unreachable',
	});
	await sim.waitForDeliveries((ds) => ds[1] && ds[1].state === 'failed', 15000);
	assert.equal(sim.deliveries[1].attempts.length, 7);
	assert.ok(sim.deliveries[1].attempts.every((a) => a.status === null && a.error));
});

test('the retry schedule and count follow config: gaps x speedFactor, attempts = 1 + gaps', async () => {
	sim.config.webhook.retryGapsSeconds = [1, 1];
	answer = () => ({ status: 500 });
	sim.actions.sendRaw({
		body: { pay_status: 'success', order_type: 'Refund', record_id: 'r-2gaps' },
	});
	await sim.waitForDeliveries((ds) => ds[0] && ds[0].state === 'failed', 15000);
	assert.equal(sim.deliveries[0].attempts.length, 3);
	assert.deepEqual(
		require('../../simulator/shared/config').defaultConfig().webhook.retryGapsSeconds,
		[30, 60, 120, 240, 480, 960],
	);
});

test("freshTimestampOnRetry false reuses the first attempt's Timestamp and Sign", async () => {
	sim.config.webhook.freshTimestampOnRetry = false;
	answer = (n) => (n < 3 ? { status: 500 } : undefined);
	sim.actions.sendRaw({
		body: { pay_status: 'success', order_type: 'Refund', record_id: 'r-same' },
	});
	await settled();
	assert.equal(hook.received.length, 3);
	assert.equal(new Set(hook.received.map((r) => r.headers.timestamp)).size, 1);
	assert.equal(new Set(hook.received.map((r) => r.headers.sign)).size, 1);
});

test('a per-attempt timeout counts as a failed attempt', async () => {
	sim.config.webhook.attemptTimeoutMs = 50;
	answer = (n) => (n === 1 ? { delayMs: 2000 } : undefined);
	sim.actions.sendRaw({
		body: { pay_status: 'success', order_type: 'Refund', record_id: 'r-slow' },
	});
	await settled();
	const [delivery] = sim.deliveries;
	assert.equal(delivery.attempts.length, 2);
	assert.equal(delivery.attempts[0].status, null);
	assert.match(String(delivery.attempts[0].error), /timeout|ECONNRESET|socket hang up/i);
	assert.equal(delivery.state, 'acked');
});

test('notification timing: confirmed sends success only; processing adds processing; started adds pending', async () => {
	const run = async (timing) => {
		await sim.reset({ keepConfig: true });
		hook.received.length = 0;
		sim.config.notificationTiming = timing;
		const moid = uid(timing);
		await ok(sim, 'bill/create', {
			merchant_order_id: moid,
			product_price: '5',
			token_id: TOKENS.USDT_TRC20,
			denominated_currency: 'USD',
		});
		const result = sim.actions.payOrder({ merchant_order_id: moid });
		await settled();
		const bodies = hook.received.map((r) => JSON.parse(r.body));
		assert.ok(
			bodies.every((b) => b.record_id === result.record_id),
			'one record_id through every stage',
		);
		return bodies.map((b) => b.pay_status);
	};
	assert.deepEqual(await run('confirmed'), ['success']);
	assert.deepEqual(await run('processing'), ['processing', 'success']);
	assert.deepEqual(await run('started'), ['pending', 'processing', 'success']);
});

test('a transaction can be held at a stage and advanced; per-merchant timing overrides the global one', async () => {
	sim.setMerchant(sim.merchant.appId, { notificationTiming: 'started' });
	await ok(sim, 'payment/address/get', { user_id: 'user-7', chain: 'TRX' });
	const result = sim.actions.depositToAddress({
		user_id: 'user-7',
		chain: 'TRX',
		amount: '5',
		until: 'pending',
	});
	await settled();
	assert.deepEqual(
		hook.received.map((r) => JSON.parse(r.body).pay_status),
		['pending'],
	);
	const usdtBefore = sim.ledger().merchants[0].balances.find((b) => b.coin_id === COIN.USDT).value;
	assert.equal(usdtBefore, '1000000', 'not credited before success');
	const step = await control(sim, 'POST', '/__sim/records/advance', {
		record_id: result.record_id,
	});
	assert.equal(step.data.stage, 'processing');
	sim.actions.advanceRecord({ record_id: result.record_id });
	await settled();
	assert.deepEqual(
		hook.received.map((r) => JSON.parse(r.body).pay_status),
		['pending', 'processing', 'success'],
	);
	assert.throws(
		() => sim.actions.advanceRecord({ record_id: result.record_id }),
		/already success/,
	);
	// a deposit can also fail
	const failed = sim.actions.depositToAddress({
		user_id: 'user-7',
		chain: 'TRX',
		amount: '5',
		until: 'failed',
	});
	await settled();
	assert.equal(JSON.parse(hook.received[hook.received.length - 1].body).pay_status, 'failed');
	assert.equal(failed.stage, 'failed');
});

test('webhook/resend via the API re-delivers failed confirmed notifications in the window', async () => {
	answer = () => ({ status: 500 });
	sim.config.webhook.retryGapsSeconds = []; // one attempt each, so the test is quick
	sim.actions.payInvoice({ product_price: '5' });
	await settled();
	assert.equal(sim.deliveries[0].state, 'failed');
	answer = () => undefined;
	sim.actions.payInvoice({ product_price: '6' });
	await settled();
	const now = Math.floor(Date.now() / 1000);
	const failedOnly = await ok(sim, 'webhook/resend', {
		start_timestamp: now - 600,
		end_timestamp: now + 5,
	});
	assert.deepEqual(failedOnly, { resend_count: 1 });
	await settled();
	const resent = sim.deliveries.filter((d) => d.resend);
	assert.equal(resent.length, 1);
	assert.equal(resent[0].state, 'acked');
	assert.equal(resent[0].body, sim.deliveries[0].body);
	sim.config.resendLimits.enforce = false;
	assert.deepEqual(
		await ok(sim, 'webhook/resend', { start_timestamp: now - 600, end_timestamp: now + 5 }),
		{ resend_count: 0 },
	);
	assert.deepEqual(
		await ok(sim, 'webhook/resend', {
			start_timestamp: now - 600,
			end_timestamp: now + 5,
			webhook_result: 'All Result',
		}),
		{ resend_count: 2 },
	);
	assert.deepEqual(
		await ok(sim, 'webhook/resend', {
			start_timestamp: now - 600,
			end_timestamp: now + 5,
			webhook_result: 'All Result',
			transaction_type: 'API Deposit',
		}),
		{ resend_count: 0 },
	);
	assert.deepEqual(
		await ok(sim, 'webhook/resend', {
			start_timestamp: now - 7200,
			end_timestamp: now - 3601,
			webhook_result: 'All Result',
		}),
		{ resend_count: 0 },
	);
});

test('only confirmed notifications are resent; the control route resends without limits', async () => {
	sim.config.notificationTiming = 'started';
	const moid = uid('rs');
	await ok(sim, 'bill/create', {
		merchant_order_id: moid,
		product_price: '5',
		token_id: TOKENS.USDT_TRC20,
		denominated_currency: 'USD',
	});
	const paid = sim.actions.payOrder({ merchant_order_id: moid });
	await settled();
	assert.equal(hook.received.length, 3);
	const res = await control(sim, 'POST', '/__sim/webhooks/resend', {
		transaction_type: 'API Deposit',
	});
	assert.deepEqual(res.data, { resend_count: 1 });
	await settled();
	assert.equal(JSON.parse(hook.received[3].body).pay_status, 'success');
	assert.deepEqual(
		(await control(sim, 'POST', '/__sim/webhooks/resend', { record_id: paid.record_id })).data,
		{ resend_count: 1 },
	);
	assert.deepEqual(
		(await control(sim, 'POST', '/__sim/webhooks/resend', { record_id: paid.record_id })).data,
		{ resend_count: 1 },
		'no per-minute limit',
	);
	await settled();
	const log = (await control(sim, 'GET', `/__sim/webhooks?record_id=${paid.record_id}`)).data;
	assert.equal(log.count, 6); // pending, processing, success + 3 resends of success
	assert.equal(log.deliveries.filter((d) => d.resend).length, 3);
	assert.ok(log.deliveries.filter((d) => d.resend).every((d) => d.pay_status === 'success'));
});

test('without any URL the delivery is logged as no_url; a later resend uses the URL set by then', async () => {
	sim.setMerchant(sim.merchant.appId, { webhookUrl: null });
	sim.actions.payInvoice({ product_price: '5' });
	assert.equal(sim.deliveries[0].state, 'no_url');
	sim.setMerchant(sim.merchant.appId, { webhookUrl: hook.url });
	sim.actions.resend({});
	await settled();
	assert.equal(sim.deliveries[1].state, 'acked');
	assert.equal(sim.deliveries[1].url, hook.url);
});

test('tamper modes for negative tests: the body or headers no longer verify (except what each mode keeps)', async () => {
	const body = {
		pay_status: 'success',
		order_type: 'Refund',
		record_id: '202307310544361685889174073212928',
	};
	const compact = JSON.stringify(body);
	for (const tamper of ['pretty', 'body', 'signature', 'stale', 'future', 'appid', 'unsigned'])
		sim.actions.sendRaw({ body, tamper });
	await settled();
	// same record_id, so the seven deliveries go out one after another, in order
	const byMode = Object.fromEntries(sim.deliveries.map((d, i) => [d.tamper, hook.received[i]]));
	const m = sim.merchant;
	const valid = (r) =>
		r.headers.sign === specSign(m.appId, m.appSecret, r.headers.timestamp, r.body);
	assert.equal(byMode.pretty.body, JSON.stringify(body, null, 2));
	assert.equal(valid(byMode.pretty), false);
	assert.equal(
		byMode.pretty.headers.sign,
		specSign(m.appId, m.appSecret, byMode.pretty.headers.timestamp, compact),
		'signed over the compact body',
	);
	assert.notEqual(byMode.body.body, compact);
	assert.equal(valid(byMode.body), false);
	assert.equal(byMode.signature.body, compact);
	assert.equal(valid(byMode.signature), false);
	const now = Math.floor(Date.now() / 1000);
	assert.ok(Number(byMode.stale.headers.timestamp) < now - 500 && valid(byMode.stale));
	assert.ok(Number(byMode.future.headers.timestamp) > now + 500 && valid(byMode.future));
	assert.notEqual(byMode.appid.headers.appid, m.appId);
	assert.equal(byMode.unsigned.headers.sign, undefined);
	assert.equal(
		(await control(sim, 'POST', '/__sim/webhooks/send', { body, tamper: 'sideways' })).status,
		400,
	);
});

test('stop() cancels pending retries at once', async (t) => {
	const other = await startSimulator({ port: 0, webhookUrl: hook.url }); // real 30 s schedule
	t.after(() => other.stop());
	answer = () => ({ status: 500 });
	other.actions.sendRaw({
		body: { pay_status: 'success', order_type: 'Refund', record_id: 'r-stop' },
	});
	await other.waitForDeliveries((ds) => ds[0] && ds[0].state === 'retrying', 5000);
	await other.stop();
	assert.equal(other.deliveries[0].state, 'cancelled');
	assert.equal(other.webhooks.timers.size, 0);
});
