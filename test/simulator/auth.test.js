// @ts-check
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { SECOND_MERCHANT } = require('../../simulator');
const { call, ok, sign, verify, useSimulator } = require('../helpers/simulator');

/** @type {any} */
let sim;
useSimulator((started) => (sim = started));

const codes = () => sim.config.errorCodes;

test('a correctly signed request succeeds and its response verifies over the raw bytes', async () => {
	const res = await call(sim, 'coin/all', {});
	assert.equal(res.status, 200);
	assert.equal(res.json.code, 10000);
	assert.equal(res.headers.appid, sim.merchant.appId);
	assert.match(res.headers.timestamp, /^\d{10}$/);
	assert.ok(
		verify(
			sim.merchant.appId,
			sim.merchant.appSecret,
			res.headers.timestamp,
			res.text,
			res.headers.sign,
		),
	);
	assert.match(res.headers['content-type'], /^application\/json/);
});

test('empty body and {} are both accepted on parameterless endpoints (the spec vectors sign both)', async () => {
	for (const path of ['coin/all', 'support/token', 'get/network/height/info']) {
		const empty = await call(sim, path, undefined);
		assert.equal(empty.raw, '');
		assert.equal(empty.json.code, 10000, `${path} with empty body: ${empty.text}`);
		const braces = await call(sim, path, '{}');
		assert.equal(braces.json.code, 10000, `${path} with {}: ${braces.text}`);
	}
	const log = sim.getRequests({ path: 'coin/all' });
	assert.deepEqual(
		log.map((r) => r.rawBody),
		['', '{}'],
	);
});

test('Python-style spaced JSON is accepted because the raw bytes are hashed', async () => {
	const raw =
		'{"product_price": "12", "merchant_order_id": "order-001", "product_name": "Test", "order_valid_period": 1800}';
	const data = await ok(sim, 'concise/url/get', raw);
	assert.match(data.payment_url, /\/pay\?key=\d{33}$/);
});

test('a wrong App Secret is rejected with a "sign" message and nothing is applied', async () => {
	const res = await call(
		sim,
		'withdraw',
		{
			merchant_order_id: 'w-bad-sign',
			address: '9454818',
			token_id: '0912e09a-d8e2-41d7-a0bc-a25530892988',
			value: '1',
		},
		{ appSecret: 'not-the-secret' },
	);
	assert.equal(res.status, 200);
	assert.equal(res.json.code, codes().badSignature.code);
	assert.match(res.json.msg, /sign/i);
	assert.equal(res.json.data, undefined);
	assert.equal(sim.ledger().journal.length, 0);
});

test('a tampered body (signed bytes differ from sent bytes) is rejected', async () => {
	const signedBody = '{"amount":"100","token_id":"0912e09a-d8e2-41d7-a0bc-a25530892988"}';
	const sentBody = '{"amount":"900","token_id":"0912e09a-d8e2-41d7-a0bc-a25530892988"}';
	const ts = String(Math.floor(Date.now() / 1000));
	const res = await call(sim, 'token/rate', sentBody, {
		timestamp: ts,
		sign: sign(sim.merchant.appId, sim.merchant.appSecret, ts, signedBody),
	});
	assert.equal(res.json.code, codes().badSignature.code);
});

test('re-serialised JSON (same object, different bytes) does not verify', async () => {
	const compact = '{"amount":"100","token_id":"0912e09a-d8e2-41d7-a0bc-a25530892988"}';
	const spaced = '{"amount": "100", "token_id": "0912e09a-d8e2-41d7-a0bc-a25530892988"}';
	const ts = String(Math.floor(Date.now() / 1000));
	const res = await call(sim, 'token/rate', spaced, {
		timestamp: ts,
		sign: sign(sim.merchant.appId, sim.merchant.appSecret, ts, compact),
	});
	assert.equal(res.json.code, codes().badSignature.code);
});

test('stale and future timestamps beyond 120 s are rejected with a "timestamp" message; inside the window pass', async () => {
	const now = Math.floor(Date.now() / 1000);
	for (const ts of [now - 200, now + 200, now - 100000]) {
		const res = await call(sim, 'coin/all', {}, { timestamp: ts });
		assert.equal(res.json.code, codes().timestampExpired.code, `ts offset ${ts - now}`);
		assert.match(res.json.msg, /timestamp/i);
	}
	const inside = await call(sim, 'coin/all', {}, { timestamp: now - 60 });
	assert.equal(inside.json.code, 10000);
	const millis = await call(sim, 'coin/all', {}, { timestamp: Date.now() });
	assert.equal(millis.json.code, codes().timestampExpired.code, 'milliseconds are not seconds');
});

test('the timestamp tolerance is configurable', async () => {
	sim.config.timestampToleranceSeconds = 10;
	const now = Math.floor(Date.now() / 1000);
	assert.equal(
		(await call(sim, 'coin/all', {}, { timestamp: now - 60 })).json.code,
		codes().timestampExpired.code,
	);
	sim.config.timestampToleranceSeconds = 0; // off
	assert.equal((await call(sim, 'coin/all', {}, { timestamp: now - 100000 })).json.code, 10000);
});

test('an unknown Appid is rejected with an "appid" message', async () => {
	const res = await call(
		sim,
		'coin/all',
		{},
		{ appId: '202401010000000000000000000000999', appSecret: 'x' },
	);
	assert.equal(res.json.code, codes().unknownAppId.code);
	assert.match(res.json.msg, /appid/i);
});

test('missing headers are each rejected with the matching class', async () => {
	assert.equal(
		(await call(sim, 'coin/all', {}, { omit: ['Appid'] })).json.code,
		codes().unknownAppId.code,
	);
	const noTs = await call(sim, 'coin/all', {}, { omit: ['Timestamp'] });
	assert.equal(noTs.json.code, codes().timestampExpired.code);
	assert.match(noTs.json.msg, /timestamp/i);
	const noSign = await call(sim, 'coin/all', {}, { omit: ['Sign'] });
	assert.equal(noSign.json.code, codes().badSignature.code);
	assert.match(noSign.json.msg, /sign/i);
});

test('header names are case-insensitive and an upper-case hex Sign is accepted', async () => {
	const raw = '{}';
	const ts = String(Math.floor(Date.now() / 1000));
	const signature = sign(sim.merchant.appId, sim.merchant.appSecret, ts, raw).toUpperCase();
	const res = await call(sim, 'coin/all', raw, {
		omit: ['Appid', 'Timestamp', 'Sign'],
		headers: { APPID: sim.merchant.appId, timestamp: ts, SIGN: signature },
	});
	assert.equal(res.json.code, 10000);
});

test('the second merchant authenticates with its own secret only', async () => {
	const second = { appId: SECOND_MERCHANT.appId, appSecret: SECOND_MERCHANT.appSecret };
	await ok(sim, 'coin/all', {}, second);
	const res = await call(
		sim,
		'coin/all',
		{},
		{ appId: second.appId, appSecret: sim.merchant.appSecret },
	);
	assert.equal(res.json.code, codes().badSignature.code);
});

test('invalid JSON and non-object bodies are parameter errors (after the signature passed)', async () => {
	for (const raw of ['{"a":', '[1,2]', '"text"', 'null']) {
		const res = await call(sim, 'token/rate', raw);
		assert.equal(res.json.code, codes().invalidParams.code, raw);
	}
});

test('error responses carry code and msg (and reason when documented) but no data', async () => {
	const res = await call(sim, 'check/user', { c_id: '1' });
	assert.deepEqual(res.json, { code: 224083, msg: 'users do not exist', reason: 'ToUserNotFound' });
	assert.deepEqual(Object.keys((await call(sim, 'coin/all', {}, { appSecret: 'x' })).json), [
		'code',
		'msg',
	]);
});

test('unknown paths are HTTP 404 and non-POST methods HTTP 405', async () => {
	assert.equal((await call(sim, 'does/not/exist', {})).status, 404);
	assert.equal((await call(sim, '/ccpayment/v3/getCoinList', {})).status, 404);
	assert.equal(
		(await call(sim, '/ccpayment/v1/getCoinList', {})).status,
		404,
		'a v2 name under v1',
	);
	assert.equal((await call(sim, 'coin/all', undefined, { method: 'GET' })).status, 405);
	assert.equal((await call(sim, 'coin/all', undefined, { method: 'PUT' })).status, 405);
});
