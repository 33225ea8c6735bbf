// @ts-check
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const axios = require('axios').default;
const { TOKENS } = require('../../simulator');
const { call, ok, control, uid, useSimulator } = require('../helpers/simulator');

/** @type {any} */
let sim;
useSimulator((started) => (sim = started));

test('rate limit: with perSecond 5, the 6th request in the window is rejected and not applied', async () => {
	// A long window makes this deterministic however slow the machine is.
	sim.config.rateLimit = { perSecond: 5, windowMs: 60000 };
	for (let i = 0; i < 5; i++) assert.equal((await call(sim, 'coin/all', {})).json.code, 10000);
	const moid = uid('rl');
	const res = await call(sim, 'withdraw', {
		merchant_order_id: moid,
		address: '9454818',
		token_id: TOKENS.USDT_TRC20,
		value: '1',
	});
	assert.equal(res.status, 200);
	assert.equal(res.json.code, sim.config.errorCodes.rateLimited.code);
	assert.match(res.json.msg, /rate limit/);
	assert.equal(
		sim.ledger().merchants[0].withdrawals.length,
		0,
		'a rate-limited request is not applied',
	);
	const entry = sim.getRequests({ path: 'withdraw' })[0];
	assert.equal(entry.rateLimited, true);
	assert.equal(entry.applied, false);
	// rejected requests do not count: still limited, and other merchants share the per-IP budget
	const second = sim.merchants[1];
	assert.equal(
		(await call(sim, 'coin/all', {}, { appId: second.appId, appSecret: second.appSecret })).json
			.code,
		sim.config.errorCodes.rateLimited.code,
	);
	sim.config.rateLimit.perSecond = 0; // off
	assert.equal((await call(sim, 'coin/all', {})).json.code, 10000);
});

test('rate limit: the default allows 100 requests per sliding second per IP and rejects the 101st', async () => {
	sim.config.rateLimit.windowMs = 60000; // same limit, wider window: deterministic on slow machines
	const results = await Promise.all(Array.from({ length: 101 }, () => call(sim, 'coin/all', {})));
	const codes = results.map((r) => r.json.code);
	assert.equal(codes.filter((c) => c === 10000).length, 100);
	assert.equal(codes.filter((c) => c === sim.config.errorCodes.rateLimited.code).length, 1);
});

test('the sliding window frees up as old requests age out', () => {
	const { RateLimiter } = require('../../simulator/shared/faults');
	const limiter = new RateLimiter();
	assert.equal(limiter.allow('ip', 2, 1000, 0), true);
	assert.equal(limiter.allow('ip', 2, 1000, 500), true);
	assert.equal(limiter.allow('ip', 2, 1000, 999), false);
	assert.equal(limiter.allow('ip', 2, 1000, 1000), true); // the request at 0 left the window
	assert.equal(limiter.allow('ip', 2, 1000, 1001), false);
	assert.equal(limiter.allow('other-ip', 2, 1000, 1001), true);
});

test('the request log records id, time, method, path, headers, raw body, IP and the response', async () => {
	const raw = '{"c_id": "9454818"}';
	await call(sim, 'check/user', raw);
	await call(sim, 'check/user', { c_id: '1' });
	await call(sim, 'nope', {});
	const { data } = await control(sim, 'GET', '/__sim/requests?path=check/user');
	assert.equal(data.count, 2);
	const [first, second] = data.requests;
	assert.equal(first.method, 'POST');
	assert.equal(first.path, '/ccpayment/v1/check/user');
	assert.equal(first.rawBody, raw);
	assert.equal(first.ip, '127.0.0.1');
	assert.equal(first.headers.appid, sim.merchant.appId);
	assert.match(first.headers.sign, /^[0-9a-f]{64}$/);
	assert.match(first.headers.timestamp, /^\d{10}$/);
	assert.ok(!Number.isNaN(Date.parse(first.time)));
	assert.deepEqual(first.response, { status: 200, code: 10000, msg: 'success' });
	assert.deepEqual(second.response, { status: 200, code: 224083, msg: 'users do not exist' });
	assert.ok(second.id > first.id);
	assert.equal(
		JSON.stringify(data).includes(sim.merchant.appSecret),
		false,
		'the secret is never logged',
	);
	const all = await control(sim, 'GET', '/__sim/requests');
	assert.equal(all.data.count, 3);
	assert.deepEqual(all.data.requests[2].response, { status: 404 });
	assert.equal(
		(await control(sim, 'GET', `/__sim/requests?since_id=${first.id}&limit=1`)).data.requests[0]
			.path,
		'/ccpayment/v1/nope',
	);
	await control(sim, 'DELETE', '/__sim/requests');
	assert.equal((await control(sim, 'GET', '/__sim/requests')).data.count, 0);
});

test('config: GET hides secrets, POST merges and validates (a bad patch changes nothing)', async () => {
	const got = await control(sim, 'GET', '/__sim/config');
	assert.equal(got.status, 200);
	assert.equal(got.data.merchants[0].appSecret, '(hidden)');
	assert.equal(got.data.timestampToleranceSeconds, 120);
	assert.equal(got.data.errorCodes.serviceError.code, 224066);
	assert.equal(got.data.errorCodes.badSignature.guess, true);
	const merged = await control(sim, 'POST', '/__sim/config', {
		rateLimit: { perSecond: 7 },
		webhook: { speedFactor: 0.5 },
	});
	assert.equal(merged.status, 200);
	assert.equal(sim.config.rateLimit.perSecond, 7);
	assert.equal(sim.config.rateLimit.windowMs, 1000, 'objects merge key by key');
	assert.equal(sim.config.webhook.speedFactor, 0.5);
	const bad = await control(sim, 'POST', '/__sim/config', {
		duplicateOrderPolicy: 'create_second',
		latencyMs: 5,
	});
	assert.equal(bad.status, 400);
	assert.match(bad.data.error, /duplicateOrderPolicy/);
	assert.equal(sim.config.latencyMs, 0);
	// a merchants patch that hides the secret keeps it
	await control(sim, 'POST', '/__sim/config', { merchants: got.data.merchants });
	await ok(sim, 'coin/all', {});
	assert.equal(
		(await control(sim, 'GET', '/__sim/config?secrets=1')).data.merchants[0].appSecret,
		sim.merchant.appSecret,
	);
});

test('merchant route sets the dashboard webhook URL, timing and enabled tokens', async () => {
	const res = await control(sim, 'POST', '/__sim/merchant', {
		webhook_url: 'http://127.0.0.1:9/hook',
		notification_timing: 'processing',
		enabled_tokens: [TOKENS.BTC],
	});
	assert.equal(res.status, 200);
	assert.equal(sim.config.merchants[0].webhookUrl, 'http://127.0.0.1:9/hook');
	assert.equal(sim.store.notificationTiming(sim.merchant.appId), 'processing');
	const coins = await ok(sim, 'coin/all', {});
	assert.deepEqual(
		coins.list.map((c) => c.symbol),
		['BTC'],
	);
	assert.equal(
		(await control(sim, 'POST', '/__sim/merchant', { notification_timing: 'sometimes' })).status,
		400,
	);
});

test('control routes: health, catalogue, console and checkout pages, 404/405 and bad JSON', async () => {
	const health = await control(sim, 'GET', '/__sim/health');
	assert.equal(health.data.ok, true);
	assert.equal(health.data.url, sim.url);
	assert.ok((await control(sim, 'GET', '/__sim/catalogue')).data.coins.length >= 10);
	const moid = uid('console');
	await ok(sim, 'bill/create', {
		merchant_order_id: moid,
		product_price: '5',
		token_id: TOKENS.USDT_TRC20,
		denominated_currency: 'USD',
	});
	await ok(sim, 'payment/address/get', { user_id: 'console-user', chain: 'TRX' });
	const wd = uid('console-w');
	await ok(sim, 'withdraw', {
		merchant_order_id: wd,
		address: 'TYWnk1EGALQyYst2yFSd29QQQTEkuKMbyt',
		token_id: TOKENS.USDT_TRC20,
		value: '5',
	});
	const page = await axios.get(`${sim.url}/__sim/`);
	assert.match(String(page.headers['content-type']), /text\/html/);
	assert.match(page.data, /CCPayment simulator \(v1 and v2\)/);
	assert.match(page.data, /v2 methods/);
	for (const text of [moid, 'console-user', wd, 'Pay full', 'Deposit', 'Complete', 'Fail'])
		assert.ok(page.data.includes(text), text);
	assert.equal((await control(sim, 'GET', '/__sim/nope')).status, 404);
	assert.equal((await control(sim, 'PUT', '/__sim/reset')).status, 405);
	const badJson = await axios.post(`${sim.url}/__sim/orders/pay`, '{oops', {
		headers: { 'Content-Type': 'application/json' },
		validateStatus: () => true,
		transformRequest: [(d) => d],
	});
	assert.equal(badJson.status, 400);
	assert.equal(
		(await control(sim, 'POST', '/__sim/orders/pay', { merchant_order_id: 'missing' })).status,
		404,
	);
});

test('hosted checkout: payment_url serves a page; paying it settles the order', async () => {
	const moid = uid('hc');
	const { payment_url: url } = await ok(sim, 'concise/url/get', {
		product_price: '20',
		merchant_order_id: moid,
		product_name: 'Widget',
		return_url: 'https://shop.example/thanks',
	});
	const page = await axios.get(url);
	assert.match(page.data, /Widget/);
	assert.match(page.data, new RegExp(TOKENS.USDT_TRC20));
	const key = new URL(url).searchParams.get('key');
	const paid = await axios.post(
		`${sim.url}/pay`,
		new URLSearchParams({
			key: String(key),
			token_id: TOKENS.USDT_BEP20,
			amount: '',
			mode: 'full',
		}).toString(),
		{
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		},
	);
	assert.match(paid.data, /Successful/);
	assert.match(paid.data, /shop\.example\/thanks/);
	const [info] = await ok(sim, 'bill/info', { merchant_order_ids: [moid] });
	assert.equal(info.order_detail.status, 'Successful');
	assert.equal(info.order_detail.chain, 'BSC');
	assert.equal(info.order_detail.order_amount, '20');
	assert.equal(
		(await axios.get(`${sim.url}/pay?key=000`, { validateStatus: () => true })).status,
		404,
	);
});

test('control routes refuse non-loopback clients unless controlAllowRemote', async () => {
	// Simulate a remote peer by calling the handler with a fake socket address.
	const { Readable } = require('stream');
	const req = Object.assign(Readable.from([]), {
		url: '/__sim/health',
		method: 'GET',
		headers: {},
		socket: { remoteAddress: '10.1.2.3' },
	});
	let status = 0;
	const res = {
		writeHead: (s) => {
			status = s;
		},
		end: () => undefined,
		setHeader: () => undefined,
	};
	await sim.handle(/** @type {any} */ (req), /** @type {any} */ (res));
	assert.equal(status, 403);
});
