// @ts-check
'use strict';
/**
 * The harness sends requests through n8n-core's real httpRequestWithAuthentication: the
 * CCPaymentApi credential's `authenticate` really runs (signing the exact body string), axios really
 * sends it, and expressions / parameter defaults / credential defaults behave like in n8n.
 */
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');

const { runNode } = require('../../../dev/n8n/harness');
const { startRecordingServer } = require('../../../dev/recording-server');
const { product } = require('../../../dev/dist');
const { verify } = product('signer');

const MERCHANT = {
	appId: '202401010000000000000000000000001',
	appSecret: '0123456789abcdef0123456789abcdef',
};

/** @type {Awaited<ReturnType<typeof startRecordingServer>>} */
let server;

before(async () => {
	server = await startRecordingServer(() => ({
		status: 200,
		headers: { 'Content-Type': 'application/json' },
		body: '{"ok":true}',
	}));
});

after(async () => {
	await server.stop();
});

/** Sends one authenticated POST per item with the item's `payload` parameter as body. */
class FakeSender {
	description = {
		displayName: 'Fake Sender',
		name: 'fakeSender',
		group: ['transform'],
		version: 1,
		description: 'Sends one signed request per item',
		defaults: { name: 'Fake Sender' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'ccPaymentApi', required: true }],
		properties: [
			{ displayName: 'Path', name: 'path', type: 'string', default: '/ccpayment/v1/coin/all' },
			{ displayName: 'Payload', name: 'payload', type: 'json', default: '{}' },
			{ displayName: 'Label', name: 'label', type: 'string', default: 'default-label' },
			{
				displayName: 'Additional Fields',
				name: 'additionalFields',
				type: 'collection',
				default: {},
				options: [{ displayName: 'Memo', name: 'memo', type: 'string', default: '' }],
			},
		],
	};

	/** @this {import('n8n-workflow').IExecuteFunctions} */
	async execute() {
		const items = this.getInputData();
		const out = [];
		for (let i = 0; i < items.length; i++) {
			const payload = this.getNodeParameter('payload', i);
			const body = typeof payload === 'string' ? JSON.parse(payload) : payload;
			const credentials = await this.getCredentials('ccPaymentApi', i);
			const response = await this.helpers.httpRequestWithAuthentication.call(this, 'ccPaymentApi', {
				method: 'POST',
				url: /** @type {string} */ (this.getNodeParameter('path', i)),
				body,
				json: false,
				returnFullResponse: true,
			});
			out.push({
				json: {
					status: response.statusCode,
					label: this.getNodeParameter('label', i),
					memo: this.getNodeParameter('additionalFields.memo', i, ''),
					tolerance: credentials.responseTimestampTolerance,
				},
				pairedItem: { item: i },
			});
		}
		return [out];
	}
}

test('httpRequestWithAuthentication sends exactly the signed headers and the exact body string', async () => {
	const before = server.requests.length;
	const body = { product_price: '12.50', note: 'naïve ☃ "quoted" \\ / \u2028', n: 1 };
	const { output, credentialsHelper } = await runNode(FakeSender, {
		parameters: { payload: JSON.stringify(body) },
		credentials: { ...MERCHANT, baseUrl: `${server.url}/` },
	});
	assert.equal(output[0][0].json.status, 200);
	assert.equal(
		credentialsHelper.authenticateCalls.ccPaymentApi,
		1,
		"the credential's authenticate ran once",
	);

	const received = server.requests.slice(before);
	assert.equal(received.length, 1);
	const [req] = received;
	assert.equal(req.method, 'POST');
	assert.equal(req.url, '/ccpayment/v1/coin/all', 'baseUrl trailing slash is normalised');
	assert.equal(
		req.raw.toString('utf8'),
		JSON.stringify(body),
		'the exact serialised body is on the wire',
	);
	assert.equal(req.headers['content-type'], 'application/json');
	assert.equal(req.headers.appid, MERCHANT.appId);
	assert.match(String(req.headers.timestamp), /^\d{10}$/, 'Timestamp is Unix seconds');
	assert.ok(
		Math.abs(Number(req.headers.timestamp) - Date.now() / 1000) < 300,
		'Timestamp is current',
	);
	assert.ok(
		verify(
			MERCHANT.appId,
			MERCHANT.appSecret,
			String(req.headers.timestamp),
			req.raw,
			req.headers.sign,
		),
		'Sign verifies over the received raw bytes',
	);
	assert.equal(
		verify(
			MERCHANT.appId,
			'wrong-secret',
			String(req.headers.timestamp),
			req.raw,
			req.headers.sign,
		),
		false,
	);
	for (const [name, value] of Object.entries(req.headers)) {
		assert.ok(
			!String(value).includes(MERCHANT.appSecret),
			`header ${name} must not carry the secret`,
		);
	}
});

test('a parameterless call sends and signs "{}"', async () => {
	const before = server.requests.length;
	await runNode(FakeSender, { parameters: {}, credentials: { ...MERCHANT, baseUrl: server.url } });
	const [req] = server.requests.slice(before);
	assert.equal(req.raw.toString('utf8'), '{}');
	assert.ok(
		verify(
			MERCHANT.appId,
			MERCHANT.appSecret,
			String(req.headers.timestamp),
			req.raw,
			req.headers.sign,
		),
	);
});

test('expressions resolve per item, unset parameters and credential fields get their defaults', async () => {
	const before = server.requests.length;
	const items = [
		{ json: { amount: '1.10', who: 'a' } },
		{ json: { amount: '22', who: 'b' } },
		{ json: { amount: '0.333', who: 'c' } },
	];
	const { output } = await runNode(FakeSender, {
		parameters: {
			payload: '={{ JSON.stringify({ amount: $json.amount, index: $itemIndex }) }}',
			additionalFields: { memo: '=memo-{{ $json.who }}' },
		},
		items,
		credentials: { ...MERCHANT, baseUrl: server.url },
	});
	const bodies = server.requests.slice(before).map((r) => JSON.parse(r.raw.toString('utf8')));
	assert.deepEqual(bodies, [
		{ amount: '1.10', index: 0 },
		{ amount: '22', index: 1 },
		{ amount: '0.333', index: 2 },
	]);
	assert.deepEqual(
		output[0].map((i) => [i.json.memo, i.json.label, i.json.tolerance]),
		[
			['memo-a', 'default-label', 300],
			['memo-b', 'default-label', 300],
			['memo-c', 'default-label', 300],
		],
		'per-item expression in a collection, parameter default, credential default (responseTimestampTolerance)',
	);
	assert.deepEqual(
		output[0].map((i) => i.pairedItem),
		[{ item: 0 }, { item: 1 }, { item: 2 }],
	);
});

/** Echoes parameter `v` per item. */
class FakeEcho {
	description = {
		displayName: 'Fake Echo',
		name: 'fakeEcho',
		group: ['transform'],
		version: 1,
		description: 'Echoes a parameter',
		defaults: { name: 'Fake Echo' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Value', name: 'v', type: 'string', default: 'unset' }],
	};

	/** @this {import('n8n-workflow').IExecuteFunctions} */
	async execute() {
		return [
			this.getInputData().map((_, i) => ({
				json: { v: this.getNodeParameter('v', i) },
				pairedItem: { item: i },
			})),
		];
	}
}

test("expressions behave like n8n's legacy engine: unknown node references throw, TypeErrors resolve to nothing", async () => {
	await assert.rejects(
		runNode(FakeEcho, { parameters: { v: '={{ $("No Such Node").item.json.x }}' } }),
		(/** @type {any} */ error) => {
			assert.equal(error.constructor.name, 'ExpressionError');
			assert.match(String(error.message), /Referenced node doesn't exist/);
			return true;
		},
	);
	// n8n-workflow 1.120's legacy engine swallows TypeErrors inside {{ }}: the parameter is empty, not an
	// error. Nodes must therefore validate what expressions give them.
	const { output } = await runNode(FakeEcho, {
		parameters: { v: '={{ $json.missing.deeper }}' },
		items: [{ json: {} }],
	});
	assert.equal(output[0][0].json.v, undefined);
	const literal = await runNode(FakeEcho, {
		parameters: { v: '={{ $json.a.toUpperCase() }}-{{ 1 + 2 }}' },
		items: [{ json: { a: 'x' } }],
	});
	assert.equal(literal.output[0][0].json.v, 'X-3');
});
