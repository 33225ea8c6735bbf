// @ts-check
'use strict';
/**
 * The CCPayment V2 API credential: `authenticate` signs the exact bytes that are sent (no body for
 * calls without parameters), the credential test is a real signed call whose failure names the
 * cause, and App IDs shaped like the other API version get a hint (never a refusal).
 */
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');

const {
	CcPaymentV2Api,
	signRequestV2,
	normalizeBaseUrlV2,
	DEFAULT_BASE_URL_V2,
	V2_CREDENTIAL_TEST_MESSAGES,
} = require('../../dev/dist').product('credentialV2');
const { CcPaymentApi } = require('../../dev/dist').product('credential');
const { sign, verify } = require('../../dev/dist').product('signerV2');
const { testCredential } = require('../../dev/n8n/harness');

const CREDS = {
	appId: 'AbCdEfGh12345678',
	appSecret: '0123456789abcdef0123456789abcdef',
	baseUrl: '',
};
const V1_APP_ID = '202302010636261620672405236006912';

/** @type {{ url: string, requests: Array<{ url: string, headers: any, body: string }>, answer: (req: any) => { status?: number, body: string }, stop: () => Promise<void> }} */
let server;

before(async () => {
	/** @type {Array<{ url: string, headers: any, body: string }>} */
	const requests = [];
	const state = {
		url: '',
		requests,
		answer: (/** @type {any} */ _req) => ({
			body: '{"code":10000,"msg":"success","data":{"assets":[]}}',
		}),
		stop: async () => {},
	};
	const srv = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const recorded = {
				url: req.url ?? '',
				headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8'),
			};
			requests.push(recorded);
			const answer = state.answer(recorded);
			res.writeHead(answer.status ?? 200, { 'Content-Type': 'application/json' });
			res.end(answer.body);
		});
	});
	await new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve(undefined)));
	state.url = `http://127.0.0.1:${/** @type {any} */ (srv.address()).port}`;
	state.stop = async () => {
		srv.closeAllConnections?.();
		await new Promise((resolve) => srv.close(() => resolve(undefined)));
	};
	server = state;
});

after(async () => {
	await server.stop();
});

/** @param {Record<string, unknown>} creds */
const runTest = (creds) =>
	testCredential(/** @type {any} */ (creds), {
		CredentialClass: CcPaymentV2Api,
		type: 'ccPaymentV2Api',
	});

test('definition: name, fields, password, default base URL, a signed test call', () => {
	const cred = new CcPaymentV2Api();
	assert.equal(cred.name, 'ccPaymentV2Api');
	assert.equal(cred.displayName, 'CCPayment V2 API');
	const byName = Object.fromEntries(cred.properties.map((/** @type {any} */ p) => [p.name, p]));
	assert.equal(byName.appId.required, true);
	assert.equal(byName.appSecret.required, true);
	assert.equal(byName.appSecret.typeOptions?.password, true);
	assert.notEqual(byName.appId.typeOptions?.password, true);
	assert.equal(byName.baseUrl.default, 'https://ccpayment.com');
	assert.equal(DEFAULT_BASE_URL_V2, 'https://ccpayment.com');
	assert.equal(cred.test.request.url, '/ccpayment/v2/getAppCoinAssetList');
	assert.equal(cred.test.request.method, 'POST');
	assert.equal(typeof cred.authenticate, 'function');
});

test('the v1 credential keeps its name; its display name and failure text point v2 App IDs to this one', () => {
	const v1 = new CcPaymentApi();
	assert.equal(v1.name, 'ccPaymentApi');
	assert.equal(v1.displayName, 'CCPayment V1 API');
	const rule = /** @type {any} */ (v1.test.rules?.[0]);
	assert.match(
		rule.properties.message,
		/16 letters and digits is a v2 one: use the CCPayment V2 API credential/,
	);
});

test('authenticate: no body means nothing is sent and Appid + Timestamp are signed', async () => {
	for (const body of [undefined, '', {}, null]) {
		const before = Math.floor(Date.now() / 1000);
		const out = await signRequestV2(CREDS, {
			method: 'POST',
			url: '/ccpayment/v2/getCoinList',
			...(body === undefined ? {} : { body }),
		});
		const after = Math.floor(Date.now() / 1000);
		assert.ok(!('body' in out), `no body key for ${JSON.stringify(body)}`);
		const headers = /** @type {Record<string, string>} */ (out.headers);
		assert.equal(headers.Appid, CREDS.appId);
		assert.match(headers.Timestamp, /^\d{10}$/);
		assert.ok(Number(headers.Timestamp) >= before && Number(headers.Timestamp) <= after);
		assert.equal(headers.Sign, sign(CREDS.appId, CREDS.appSecret, headers.Timestamp));
		assert.equal(out.baseURL, 'https://ccpayment.com');
		assert.equal(out.url, '/ccpayment/v2/getCoinList');
	}
});

test('authenticate: an object is serialised once and that exact string is signed and sent', async () => {
	const out = await signRequestV2(CREDS, {
		method: 'POST',
		url: '/x',
		body: { coinId: 1280, chain: 'POLYGON', amount: '0.10' },
	});
	assert.equal(out.body, '{"coinId":1280,"chain":"POLYGON","amount":"0.10"}');
	const headers = /** @type {Record<string, string>} */ (out.headers);
	assert.equal(headers['Content-Type'], 'application/json');
	assert.ok(verify(CREDS.appId, CREDS.appSecret, headers.Timestamp, out.body, headers.Sign));
	assert.ok(!JSON.stringify(out).includes(CREDS.appSecret), 'the secret is never in the request');
});

test('authenticate: a pre-serialised string goes out untouched; headers, base URL and whitespace handled', async () => {
	const raw = '{"product": "Caf\\u00e9 ☕", "orderId":"A-1"}';
	const out = await signRequestV2(
		{
			appId: ` ${CREDS.appId}\n`,
			appSecret: ` ${CREDS.appSecret} `,
			baseUrl: 'http://proxy.local:8080//',
		},
		{ method: 'POST', url: '/y', body: raw, headers: { 'X-Keep': '1' } },
	);
	assert.equal(out.body, raw);
	const headers = /** @type {Record<string, string>} */ (out.headers);
	assert.equal(headers['X-Keep'], '1');
	assert.equal(headers.Appid, CREDS.appId, 'App ID trimmed');
	assert.ok(verify(CREDS.appId, CREDS.appSecret, headers.Timestamp, raw, headers.Sign));
	assert.equal(out.baseURL, 'http://proxy.local:8080');
	assert.equal(normalizeBaseUrlV2(''), 'https://ccpayment.com');
	assert.equal(normalizeBaseUrlV2(undefined), 'https://ccpayment.com');
});

test('credential test: accepted credentials are OK after one real signed call without a body', async () => {
	server.answer = () => ({
		body: '{"code":10000,"msg":"success","data":{"assets":[{"coinId":1280,"coinSymbol":"USDT","available":"1.5"}]}}',
	});
	const before = server.requests.length;
	const result = await runTest({ ...CREDS, baseUrl: `${server.url}/` });
	assert.deepEqual(result, { status: 'OK', message: 'Connection successful!' });
	const calls = server.requests.slice(before);
	assert.equal(calls.length, 1);
	assert.equal(calls[0].url, '/ccpayment/v2/getAppCoinAssetList');
	assert.equal(calls[0].body, '', 'no body for a call without parameters');
	assert.equal(calls[0].headers.appid, CREDS.appId);
	assert.equal(
		calls[0].headers.sign,
		sign(CREDS.appId, CREDS.appSecret, calls[0].headers.timestamp),
	);
});

test('credential test: each refusal names its cause (and no secret)', async () => {
	const expectations = /** @type {Array<[number, RegExp]>} */ ([
		[11005, /App Secret is wrong/],
		[12001, /does not know this App ID/],
		[11006, /clock/],
		[12002, /IP whitelist/],
		[12003, /website is verified/],
		[11013, /this App ID is a v1 account \(11013\): use the CCPayment V1 API credential/i],
	]);
	for (const [code, pattern] of expectations) {
		server.answer = () => ({ body: JSON.stringify({ code, msg: 'x' }) });
		const result = await runTest({ ...CREDS, baseUrl: server.url });
		assert.equal(result.status, 'Error', `code ${code}`);
		assert.match(result.message, pattern, `code ${code}`);
		assert.ok(!result.message.includes(CREDS.appSecret));
	}
	for (const { code, message } of V2_CREDENTIAL_TEST_MESSAGES) {
		assert.ok(message.length < 250, `message for ${code} stays short`);
	}
});

test('credential test: any other refusal (no data, or data null) fails too', async () => {
	for (const body of [
		'{"code":14000,"msg":"BalanceInsufficient"}',
		'{"code":19999,"msg":"x","data":null}',
	]) {
		server.answer = () => ({ body });
		const result = await runTest({ ...CREDS, baseUrl: server.url });
		assert.equal(result.status, 'Error');
		assert.match(result.message, /did not accept these credentials/);
	}
});

test('credential test: App ID shapes only hint, never block; a 33-digit App ID is still sent and tested', async () => {
	server.answer = () => ({ body: '{"code":12001,"msg":"MerchantNotFound"}' });
	const before = server.requests.length;
	const result = await runTest({ ...CREDS, appId: V1_APP_ID, baseUrl: server.url });
	assert.equal(server.requests.length, before + 1, 'the call was made');
	assert.equal(server.requests[before].headers.appid, V1_APP_ID);
	assert.equal(result.status, 'Error');
	assert.match(
		result.message,
		/a 33-digit App ID is a v1 one: use the CCPayment V1 API credential/,
	);

	server.answer = () => ({ body: '{"code":10000,"msg":"success","data":{"assets":[]}}' });
	const accepted = await runTest({ ...CREDS, appId: V1_APP_ID, baseUrl: server.url });
	assert.equal(accepted.status, 'OK', 'if CCPayment accepts it, so do we');
});

test('credential test: nothing listening is reported with the connection code', async () => {
	const closed = http.createServer();
	await new Promise((resolve) => closed.listen(0, '127.0.0.1', () => resolve(undefined)));
	const url = `http://127.0.0.1:${/** @type {any} */ (closed.address()).port}`;
	await new Promise((resolve) => closed.close(() => resolve(undefined)));
	const result = await runTest({ ...CREDS, baseUrl: url });
	assert.equal(result.status, 'Error');
	assert.match(result.message, /ECONNREFUSED|refused/);
});
