// @ts-check
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { product } = require('../../dev/dist');

const { CcPaymentApi, signRequest, normalizeBaseUrl, DEFAULT_BASE_URL } = product('credential');
const { verify } = product('signer');

const creds = {
	appId: '202401010000000000000000000000001',
	appSecret: 'dummy-secret-for-tests',
	baseUrl: '',
};

test('credential definition: fields, password, default base URL, a signed test call', () => {
	const cred = new CcPaymentApi();
	assert.equal(cred.name, 'ccPaymentApi');
	const byName = Object.fromEntries(cred.properties.map((p) => [p.name, p]));
	assert.equal(byName.appId.required, true);
	assert.equal(byName.appSecret.required, true);
	assert.equal(byName.appSecret.typeOptions?.password, true, 'App Secret is a password field');
	assert.notEqual(byName.appId.typeOptions?.password, true, 'App ID is not a secret');
	assert.equal(byName.baseUrl.default, 'https://admin.ccpayment.com');
	assert.equal(
		typeof cred.authenticate,
		'function',
		'authenticate is a function (signing needs the body)',
	);
	assert.equal(cred.test.request.url, '/ccpayment/v1/coin/all');
	assert.equal(cred.test.request.method, 'POST');
	const rule = /** @type {any} */ (cred.test.rules?.[0]);
	assert.equal(rule.type, 'responseSuccessBody');
	assert.equal(rule.properties.key, 'data');
	assert.equal(
		rule.properties.value,
		undefined,
		'a response without data (every CCPayment error) fails the test',
	);
	assert.match(rule.properties.message, /App ID and App Secret/);
	assert.doesNotMatch(rule.properties.message, /\d{5,}/, 'says what is wrong, not a raw code');
});

test('authenticate serialises an object body once and signs exactly that string', async () => {
	const before = Math.floor(Date.now() / 1000);
	const out = await signRequest(creds, {
		method: 'POST',
		url: '/ccpayment/v1/token/rate',
		body: { amount: '1000', token_id: 'f36ad1cf-222a-4933-9ad0-86df8069f916' },
	});
	const after = Math.floor(Date.now() / 1000);
	assert.equal(out.body, '{"amount":"1000","token_id":"f36ad1cf-222a-4933-9ad0-86df8069f916"}');
	const headers = /** @type {Record<string,string>} */ (out.headers);
	assert.equal(headers.Appid, creds.appId);
	assert.equal(headers['Content-Type'], 'application/json');
	assert.match(headers.Timestamp, /^\d{10}$/, 'seconds, not milliseconds');
	assert.ok(Number(headers.Timestamp) >= before && Number(headers.Timestamp) <= after);
	assert.equal(
		verify(creds.appId, creds.appSecret, headers.Timestamp, out.body, headers.Sign),
		true,
	);
	assert.equal(out.baseURL, DEFAULT_BASE_URL);
	assert.equal(out.url, '/ccpayment/v1/token/rate');
	assert.ok(!JSON.stringify(out).includes(creds.appSecret), 'the secret is never in the request');
});

test('authenticate sends a pre-serialised string untouched (spaces, escapes, unicode)', async () => {
	const raw = '{"product_name": "Caf\\u00e9 ☕", "merchant_order_id":"A-1"}';
	const out = await signRequest(creds, {
		method: 'POST',
		url: '/x',
		body: raw,
		headers: { 'X-Keep': '1' },
	});
	assert.equal(out.body, raw);
	const headers = /** @type {Record<string,string>} */ (out.headers);
	assert.equal(headers['X-Keep'], '1', 'existing headers survive');
	assert.equal(verify(creds.appId, creds.appSecret, headers.Timestamp, raw, headers.Sign), true);
});

test('parameterless calls send and sign {}', async () => {
	for (const body of [undefined, '', {}]) {
		const out = await signRequest(creds, { method: 'POST', url: '/ccpayment/v1/coin/all', body });
		assert.equal(out.body, '{}');
		const headers = /** @type {Record<string,string>} */ (out.headers);
		assert.equal(verify(creds.appId, creds.appSecret, headers.Timestamp, '{}', headers.Sign), true);
	}
});

test('base URL: credential value, trailing slashes, explicit request base wins', async () => {
	assert.equal(normalizeBaseUrl(' http://127.0.0.1:8765/// '), 'http://127.0.0.1:8765');
	assert.equal(normalizeBaseUrl(undefined), DEFAULT_BASE_URL);
	const out = await signRequest(
		{ ...creds, baseUrl: 'http://127.0.0.1:8765/' },
		{ method: 'POST', url: '/a' },
	);
	assert.equal(out.baseURL, 'http://127.0.0.1:8765');
	const explicit = await signRequest(creds, {
		method: 'POST',
		url: '/a',
		baseURL: 'http://proxy.local',
	});
	assert.equal(explicit.baseURL, 'http://proxy.local');
});

test('App ID and secret are trimmed (pasted with whitespace)', async () => {
	const out = await signRequest(
		{ ...creds, appId: ` ${creds.appId}\n`, appSecret: ` ${creds.appSecret} ` },
		{ method: 'POST', url: '/a', body: {} },
	);
	const headers = /** @type {Record<string,string>} */ (out.headers);
	assert.equal(headers.Appid, creds.appId);
	assert.equal(verify(creds.appId, creds.appSecret, headers.Timestamp, '{}', headers.Sign), true);
});
