// @ts-check
'use strict';
/**
 * Saved 0.1.0 workflows keep working unchanged: a node-version-1 CCPayment node (no apiVersion
 * parameter) resolves to the v1 API and sends byte-for-byte the requests 0.1.0 sent. The expected
 * bodies below were recorded from the 0.1.0 node with the same parameters. New nodes (version 2)
 * default to v2 and can still pick v1.
 */
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const http = require('node:http');
const crypto = require('node:crypto');

const { runNode } = require('../../../dev/n8n/harness');
const { CcPayment } = require('../../../dev/dist').product('actionNode');
const { CcPaymentApi } = require('../../../dev/dist').product('credential');
const { CcPaymentV2Api } = require('../../../dev/dist').product('credentialV2');

const ROOT = path.join(__dirname, '..', '..', '..');
const V1 = {
	appId: '202401010000000000000000000000001',
	appSecret: '0123456789abcdef0123456789abcdef',
};
const V2 = { appId: 'AbCdEfGh12345678', appSecret: '0123456789abcdef0123456789abcdef' };

/** Values for the examples' expressions, by the last property they read. */
const VALUES = /** @type {Record<string, unknown>} */ ({
	user_id: 'user-1001',
	chain: 'TRX',
	merchantOrderId: 'order-1001',
	merchant_order_id: 'order-1001',
	price_usd: 19.99,
	product_name: 'T-shirt "Café" ☕',
	coin_id: '8e5741cf-6e51-4892-9d04-3d40e1dd0128',
	token_id: 'f36ad1cf-222a-4933-9ad0-86df8069f916',
	address: 'TYWnk1EGALQyYst2yFSd29QQQTEkuKMbyt',
	payout_id: 'payout-1',
	amount: '12.50',
});

/** What the 0.1.0 node sent for each CCPayment node of examples/*.json (first request). */
const EXPECTED_V1 = [
	[
		'deposit-address-and-reconciliation.json > Get deposit address',
		'/ccpayment/v1/payment/address/get',
		'{"user_id":"user-1001","chain":"TRX"}',
	],
	[
		'deposit-address-and-reconciliation.json > Look up order',
		'/ccpayment/v1/bill/info',
		'{"merchant_order_ids":["order-1001"]}',
	],
	[
		'hosted-checkout.json > Create checkout URL',
		'/ccpayment/v1/concise/url/get',
		'{"product_price":"19.99","merchant_order_id":"order-1001","product_name":"T-shirt \\"Café\\" ☕","order_valid_period":3600,"return_url":"https://shop.example.com/thanks"}',
	],
	[
		'payout-with-balance-check.json > Coin balance',
		'/ccpayment/v1/assets',
		'{"coin_id":"8e5741cf-6e51-4892-9d04-3d40e1dd0128"}',
	],
	[
		'payout-with-balance-check.json > Network fee',
		'/ccpayment/v1/network/fee',
		'{"token_id":"f36ad1cf-222a-4933-9ad0-86df8069f916","address":"TYWnk1EGALQyYst2yFSd29QQQTEkuKMbyt"}',
	],
	[
		'payout-with-balance-check.json > Send payout',
		'/ccpayment/v1/withdraw',
		'{"merchant_order_id":"payout-1","address":"TYWnk1EGALQyYst2yFSd29QQQTEkuKMbyt","token_id":"f36ad1cf-222a-4933-9ad0-86df8069f916","value":"12.5","merchant_pays_fee":true}',
	],
	[
		'payout-with-balance-check.json > Payout status',
		'/ccpayment/v1/bill/info',
		'{"merchant_order_ids":["order-1001"]}',
	],
];
const HEADER_NAMES_V1 = [
	'accept',
	'content-type',
	'appid',
	'timestamp',
	'sign',
	'user-agent',
	'content-length',
	'accept-encoding',
	'host',
	'connection',
];

/** @param {unknown} value @returns {unknown} */
function resolve(value) {
	if (typeof value === 'string' && value.startsWith('={{')) {
		const key = String(/\.([A-Za-z_]+)\s*}}$/.exec(value)?.[1]);
		assert.ok(key in VALUES, `no test value for ${value}`);
		return VALUES[key];
	}
	if (Array.isArray(value)) return value.map(resolve);
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
	return value;
}

function exampleNodes() {
	const nodes = [];
	for (const file of fs.readdirSync(path.join(ROOT, 'examples')).sort()) {
		const workflow = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', file), 'utf8'));
		for (const node of workflow.nodes) {
			// Version-1 nodes only: the v2 examples (wallet system) are checked by their own tests and e2e.
			if (node.type !== 'n8n-nodes-ccpayment.ccPayment' || node.typeVersion !== 1) continue;
			nodes.push({
				label: `${file} > ${node.name}`,
				typeVersion: node.typeVersion,
				parameters: /** @type {Record<string, unknown>} */ (resolve(node.parameters)),
			});
		}
	}
	return nodes;
}

/** @type {{ url: string, requests: Array<{ url: string, headers: any, body: string }>, stop: () => Promise<void> }} */
let server;

before(async () => {
	/** @type {Array<{ url: string, headers: any, body: string }>} */
	const requests = [];
	const srv = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			requests.push({
				url: req.url ?? '',
				headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8'),
			});
			const body = '{"code":10000,"msg":"success","data":{}}';
			const ts = String(Math.floor(Date.now() / 1000));
			// Signed like a v1 response (v1 checks it); v2 ignores these headers.
			const sign = crypto
				.createHash('sha256')
				.update(`${V1.appId}${V1.appSecret}${ts}${body}`)
				.digest('hex');
			res.writeHead(200, {
				'Content-Type': 'application/json',
				Appid: V1.appId,
				Timestamp: ts,
				Sign: sign,
			});
			res.end(body);
		});
	});
	await new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve(undefined)));
	server = {
		url: `http://127.0.0.1:${/** @type {any} */ (srv.address()).port}`,
		requests,
		stop: async () => {
			srv.closeAllConnections?.();
			await new Promise((resolve) => srv.close(() => resolve(undefined)));
		},
	};
});

after(async () => {
	await server.stop();
});

/** First request a node run sends. @param {Record<string, unknown>} parameters @param {number} typeVersion */
async function firstRequest(parameters, typeVersion) {
	const before = server.requests.length;
	await runNode(CcPayment, {
		parameters,
		typeVersion,
		credentialsByType: {
			ccPaymentApi: { ...V1, baseUrl: server.url },
			ccPaymentV2Api: { ...V2, baseUrl: server.url },
		},
		credentialTypes: [CcPaymentApi, CcPaymentV2Api],
		continueOnFail: true,
		checkPairedItems: false,
	}).catch((/** @type {unknown} */ error) => error);
	return server.requests[before];
}

/** @param {{ headers: any, body: string }} request */
function assertV1Signed(request) {
	const expected = crypto
		.createHash('sha256')
		.update(`${V1.appId}${V1.appSecret}${request.headers.timestamp}${request.body}`)
		.digest('hex');
	assert.equal(request.headers.appid, V1.appId);
	assert.equal(request.headers.sign, expected);
}

test('the node offers versions 1 and 2, new nodes get 2; names of node and credentials are unchanged', () => {
	const description = new CcPayment().description;
	assert.equal(description.name, 'ccPayment');
	assert.deepEqual(description.version, [1, 2]);
	assert.equal(description.defaultVersion, 2);
	assert.equal(description.usableAsTool, true);
	const credentials = Object.fromEntries(
		(description.credentials ?? []).map((c) => [c.name, c.displayOptions?.show?.apiVersion]),
	);
	assert.deepEqual(credentials, { ccPaymentApi: ['v1'], ccPaymentV2Api: ['v2'] });
	const apiVersions = description.properties.filter((p) => p.name === 'apiVersion');
	assert.equal(apiVersions.length, 2);
	assert.deepEqual(
		apiVersions.map((p) => [p.displayName, p.default, p.displayOptions?.show?.['@version']]),
		[
			['API Version', 'v1', [1]],
			['API Version', 'v2', [{ _cnd: { gte: 2 } }]],
		],
	);
	assert.deepEqual(apiVersions[0].options, [
		{ name: 'V2', value: 'v2' },
		{ name: 'V1 (Legacy)', value: 'v1' },
	]);
	for (const property of description.properties) {
		if (property.name === 'apiVersion') continue;
		assert.equal(
			property.displayOptions?.show?.apiVersion?.length,
			1,
			`${property.name} belongs to one API version`,
		);
	}
});

test('every v1 parameter keeps its name, type and default (shown only for v1)', () => {
	const { nodeProperties } = require('../../../dev/dist').product('v1Description');
	const v1 = new CcPayment().description.properties.filter(
		(p) => p.displayOptions?.show?.apiVersion?.[0] === 'v1',
	);
	assert.equal(v1.length, nodeProperties.length);
	v1.forEach((property, i) => {
		const original = nodeProperties[i];
		assert.equal(property.name, original.name);
		assert.equal(property.type, original.type);
		assert.deepEqual(property.default, original.default);
		assert.deepEqual(property.options, original.options);
		const { apiVersion, ...rest } = property.displayOptions?.show ?? {};
		assert.deepEqual(apiVersion, ['v1']);
		assert.deepEqual(rest, original.displayOptions?.show ?? {});
	});
});

test('examples/*.json (node version 1, no apiVersion) send exactly the requests 0.1.0 sent', async () => {
	const nodes = exampleNodes();
	assert.deepEqual(
		nodes.map((n) => n.label),
		EXPECTED_V1.map(([label]) => label),
	);
	for (const [i, node] of nodes.entries()) {
		assert.equal(node.typeVersion, 1);
		assert.ok(!('apiVersion' in node.parameters));
		const request = await firstRequest(node.parameters, node.typeVersion);
		const [label, url, body] = EXPECTED_V1[i];
		assert.ok(request, `${label}: a request was sent`);
		assert.equal(request.url, url, label);
		assert.equal(request.body, body, label);
		assert.deepEqual(Object.keys(request.headers), HEADER_NAMES_V1, `${label}: same headers`);
		assert.equal(request.headers['content-type'], 'application/json');
		assertV1Signed(request);
	}
});

test('a version-1 node with default parameters (Checkout > Create Hosted URL) stays v1', async () => {
	const request = await firstRequest(
		{ merchantOrderId: 'order-7', productPrice: '5', productName: 'Mug' },
		1,
	);
	assert.equal(request.url, '/ccpayment/v1/concise/url/get');
	assert.equal(
		request.body,
		'{"product_price":"5","merchant_order_id":"order-7","product_name":"Mug"}',
	);
	assertV1Signed(request);
});

test('a new node (version 2) picking "V1 (Legacy)" sends the same v1 bytes', async () => {
	const [label, url, body] = EXPECTED_V1[4];
	const node = exampleNodes().find((n) => n.label === label);
	const request = await firstRequest({ ...node?.parameters, apiVersion: 'v1' }, 2);
	assert.equal(request.url, url);
	assert.equal(request.body, body);
	assertV1Signed(request);
});

test('a new node (version 2) with default parameters speaks v2: Coin > Get Many, no body, HMAC signature', async () => {
	const request = await firstRequest({}, 2);
	assert.equal(request.url, '/ccpayment/v2/getCoinList');
	assert.equal(request.body, '');
	assert.equal(request.headers.appid, V2.appId);
	const expected = crypto
		.createHmac('sha256', V2.appSecret)
		.update(`${V2.appId}${request.headers.timestamp}`)
		.digest('hex');
	assert.equal(request.headers.sign, expected);
});
