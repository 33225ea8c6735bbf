// @ts-check
'use strict';
/**
 * testCredential replays n8n's CredentialsTester for the CCPaymentApi credential: its `test.request`
 * runs through n8n-core's RoutingNode (real authenticate + httpRequestWithAuthentication), and the
 * `rules` decide OK / Error. Against the simulator: right secret OK, wrong secret / App ID a message
 * about the credentials (not a raw code), unreachable host the connection error code.
 */
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');

const { startSimulator } = require('../../simulator');
const { testCredential } = require('../../dev/n8n/harness');
const { startRecordingServer } = require('../../dev/recording-server');
const { product } = require('../../dev/dist');
const { verify } = product('signer');

/** @type {any} */
let sim;

before(async () => {
	sim = await startSimulator({ port: 0 });
});

after(async () => {
	await sim.stop();
});

test('right App ID and secret: OK, after a real signed coin/all call', async () => {
	const before = sim.getRequests({ path: 'coin/all' }).length;
	const result = await testCredential({
		appId: sim.merchant.appId,
		appSecret: sim.merchant.appSecret,
		baseUrl: sim.url,
	});
	assert.deepEqual(result, { status: 'OK', message: 'Connection successful!' });
	const calls = sim.getRequests({ path: 'coin/all' }).slice(before);
	assert.equal(calls.length, 1);
	assert.equal(calls[0].method, 'POST');
	assert.ok(
		verify(
			sim.merchant.appId,
			sim.merchant.appSecret,
			calls[0].headers.timestamp,
			calls[0].rawBody,
			calls[0].headers.sign,
		),
	);
});

test('the second merchant works too, and a trailing slash in the Base URL is fine', async () => {
	const second = sim.merchants[1];
	const result = await testCredential({
		appId: second.appId,
		appSecret: second.appSecret,
		baseUrl: `${sim.url}/`,
	});
	assert.equal(result.status, 'OK');
});

test('wrong secret: Error whose message says the App ID / App Secret are not accepted (no raw code, no secret)', async () => {
	const wrong = 'ffffeeeeddddccccbbbbaaaa99998888';
	const result = await testCredential({
		appId: sim.merchant.appId,
		appSecret: wrong,
		baseUrl: sim.url,
	});
	assert.equal(result.status, 'Error');
	assert.match(result.message, /App ID and App Secret/);
	assert.doesNotMatch(result.message, /\b2299\d\d\b/, 'not a raw CCPayment code');
	assert.ok(!result.message.includes(wrong));
	assert.ok(!result.message.includes(sim.merchant.appSecret));
});

test('unknown App ID: Error about the credentials', async () => {
	const result = await testCredential({
		appId: '209999999999999999999999999999999',
		appSecret: sim.merchant.appSecret,
		baseUrl: sim.url,
	});
	assert.equal(result.status, 'Error');
	assert.match(result.message, /App ID/);
});

test('nothing listening at the Base URL: Error with the connection error code, as n8n shows it', async () => {
	const closed = await startRecordingServer(() => ({ body: '' }));
	await closed.stop();
	const result = await testCredential({
		appId: sim.merchant.appId,
		appSecret: sim.merchant.appSecret,
		baseUrl: closed.url,
	});
	assert.equal(result.status, 'Error');
	assert.match(result.message, /ECONNREFUSED|refused/);
});

test('an HTTP error status from a proxy: Error naming the status', async () => {
	const proxy = await startRecordingServer(() => ({
		status: 502,
		headers: { 'Content-Type': 'text/html' },
		body: '<h1>Bad gateway</h1>',
	}));
	try {
		const result = await testCredential({
			appId: sim.merchant.appId,
			appSecret: sim.merchant.appSecret,
			baseUrl: proxy.url,
		});
		assert.equal(result.status, 'Error');
		assert.match(result.message, /502|Bad Gateway/i);
	} finally {
		await proxy.stop();
	}
});
