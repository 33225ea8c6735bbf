// @ts-check
'use strict';

// The v2 auth pipeline: header checks, App ID, version, timestamp window, Sign, the merchant's IP
// whitelist and website-verification switches, bodies of parameterless methods, 404/405, the
// rate limit and injected faults.

const test = require('node:test');
const assert = require('node:assert/strict');
const { callV2, okV2, useSimulator, signV2, control } = require('../../helpers/simulator');

/** @type {any} */
let sim;
useSimulator((s) => {
	sim = s;
});

const code = (res) => res.json && res.json.code;

test('v2 merchant: 16-character alphanumeric App ID beside the v1 merchant', () => {
	assert.match(sim.v2Merchant.appId, /^[A-Za-z0-9]{16}$/);
	assert.match(sim.v2Merchant.appSecret, /^[0-9a-f]{32}$/);
	assert.equal(sim.merchant.appId, '202401010000000000000000000000001', 'v1 default unchanged');
	assert.notEqual(sim.v2Merchant.appId, sim.merchant.appId);
});

test('a signed call answers HTTP 200 {code:10000,msg,data} and is unsigned by default', async () => {
	const res = await callV2(sim, 'getFiatList');
	assert.equal(res.status, 200);
	assert.deepEqual(Object.keys(res.json), ['code', 'msg', 'data']);
	assert.equal(res.json.code, 10000);
	assert.equal(res.headers.sign, undefined);
	sim.configure({ v2: { signResponses: true } });
	const signed = await callV2(sim, 'getFiatList');
	const h = signed.headers;
	assert.equal(h.sign, signV2(h.appid, sim.v2Merchant.appSecret, h.timestamp, signed.text));
});

test('11001 for a missing or malformed header, naming it', async () => {
	for (const name of ['Appid', 'Timestamp', 'Sign']) {
		const res = await callV2(sim, 'getCoinList', undefined, { omit: [name] });
		assert.equal(code(res), 11001, name);
		assert.match(res.json.msg, new RegExp(name));
		assert.equal(res.status, 200);
	}
	const res = await callV2(sim, 'getCoinList', undefined, { timestamp: '17e8' });
	assert.equal(code(res), 11001);
});

test('12001 unknown App ID, 11013 for a v1 App ID', async () => {
	assert.equal(
		code(await callV2(sim, 'getCoinList', undefined, { appId: 'NoSuchApp0000001' })),
		12001,
	);
	const v1 = await callV2(sim, 'getCoinList', undefined, {
		appId: sim.merchant.appId,
		appSecret: sim.merchant.appSecret,
	});
	assert.equal(code(v1), 11013);
	assert.match(v1.json.msg, /Version 1/);
});

test('11006 outside the timestamp window (configurable), milliseconds refused by default', async () => {
	const now = Math.floor(Date.now() / 1000);
	assert.equal(code(await callV2(sim, 'getCoinList', undefined, { timestamp: now - 121 })), 11006);
	assert.equal(code(await callV2(sim, 'getCoinList', undefined, { timestamp: now + 121 })), 11006);
	assert.equal(code(await callV2(sim, 'getCoinList', undefined, { timestamp: now - 100 })), 10000);
	assert.equal(code(await callV2(sim, 'getCoinList', undefined, { timestamp: Date.now() })), 11006);
	sim.configure({ v2: { timestampWindow: 'past', acceptMillisecondTimestamps: true } });
	assert.equal(code(await callV2(sim, 'getCoinList', undefined, { timestamp: now + 500 })), 10000);
	assert.equal(code(await callV2(sim, 'getCoinList', undefined, { timestamp: Date.now() })), 10000);
	sim.configure({ v2: { timestampToleranceSeconds: 10 } });
	assert.equal(code(await callV2(sim, 'getCoinList', undefined, { timestamp: now - 30 })), 11006);
});

test('11005 for a wrong Sign; v1-style signatures are refused', async () => {
	const res = await callV2(sim, 'getCoinList', '{}', { sign: 'ab'.repeat(32) });
	assert.equal(code(res), 11005);
	const { createHash } = require('crypto');
	const ts = String(Math.floor(Date.now() / 1000));
	const m = sim.v2Merchant;
	const v1Sign = createHash('sha256').update(`${m.appId}${m.appSecret}${ts}{}`).digest('hex');
	assert.equal(
		code(await callV2(sim, 'getCoinList', '{}', { timestamp: ts, sign: v1Sign })),
		11005,
	);
	// the body bytes are hashed as sent: a signature over other bytes fails
	const other = signV2(m.appId, m.appSecret, ts, '{"coinId":1280}');
	assert.equal(
		code(await callV2(sim, 'getCoin', '{"coinId": 1280}', { timestamp: ts, sign: other })),
		11005,
	);
	assert.equal(
		code(await callV2(sim, 'getCoin', '{"coinId": 1280}')),
		10000,
		'spaced JSON is fine',
	);
});

test('no body, {} and [] are all accepted on parameterless methods', async () => {
	for (const body of [undefined, '{}', '[]', ' ']) {
		const data = await okV2(sim, 'getAppCoinAssetList', body);
		assert.ok(Array.isArray(data.assets), String(body));
	}
	assert.equal(code(await callV2(sim, 'getCoinList', '{')), 11000);
	assert.equal(code(await callV2(sim, 'getCoinList', '"x"')), 11000);
	assert.equal(code(await callV2(sim, 'getCoinList', '[1]')), 11000);
});

test('12002 IP whitelist and 12003 website not verified, per merchant', async () => {
	sim.setMerchant(sim.v2Merchant.appId, { ipWhitelist: ['10.9.9.9'] });
	const res = await callV2(sim, 'getCoinList');
	assert.equal(code(res), 12002);
	sim.setMerchant(sim.v2Merchant.appId, { ipWhitelist: ['127.0.0.1'] });
	assert.equal(code(await callV2(sim, 'getCoinList')), 10000);
	const r = await control(sim, 'POST', '/__sim/merchant', {
		app_id: sim.v2Merchant.appId,
		website_verified: false,
	});
	assert.equal(r.status, 200);
	assert.equal(code(await callV2(sim, 'getCoinList')), 12003);
	// a bad signature still comes first: switches are not revealed to unsigned callers
	assert.equal(code(await callV2(sim, 'getCoinList', '', { sign: '00'.repeat(32) })), 11005);
});

test('unknown v2 path 404, other methods 405, a bad body on a known path 11000', async () => {
	assert.equal((await callV2(sim, 'getNothing')).status, 404);
	assert.equal((await callV2(sim, 'getCoinList', undefined, { method: 'GET' })).status, 405);
	// Every listed path is served now (the wallet system included), so none answers 10001.
	const res = await callV2(sim, 'userSwap', {});
	assert.equal(res.json.code, 11000);
	assert.match(res.json.msg, /orderId is required/);
});

test('rate limit answers 11004 on v2; faults apply to v2 paths', async () => {
	sim.configure({ rateLimit: { perSecond: 2 } });
	const codes = [];
	for (let i = 0; i < 4; i++) codes.push(code(await callV2(sim, 'getFiatList')));
	assert.deepEqual(codes.slice(2), [11004, 11004]);
	sim.configure({ rateLimit: { perSecond: 0 } });
	sim.faults.set([{ endpoint: '/ccpayment/v2/getFiatList', kind: 'service_error', count: 1 }]);
	assert.equal(code(await callV2(sim, 'getFiatList')), 11002);
	sim.faults.set([{ endpoint: 'getCoinList', kind: 'http502', count: 1 }]);
	assert.equal((await callV2(sim, 'getCoinList')).status, 502);
	sim.faults.set([{ endpoint: 'getCoinList', kind: 'malformed_json', count: 1 }]);
	assert.equal((await callV2(sim, 'getCoinList')).json, undefined);
	assert.equal(code(await callV2(sim, 'getCoinList')), 10000);
});

test('the request log records v2 calls', async () => {
	await okV2(sim, 'getFiatList');
	const log = sim.getRequests({ path: '/ccpayment/v2/getFiatList' });
	assert.equal(log.length, 1);
	assert.equal(log[0].response.code, 10000);
});
