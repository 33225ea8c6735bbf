// @ts-check
'use strict';

/**
 * The simulator signs with its own v1 signer so that it can catch a signing bug in the package
 * instead of sharing it. These tests hold both signers to CCPayment's published vectors and to each
 * other on random bodies. The package's signer is the compiled one: run `npm run build` first.
 */

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { randomBytes, randomInt } = require('crypto');
const simulatorSigner = require('../../simulator/v1/signer');
const packageSigner = require('../../dist/nodes/CCPayment/transport/signer');
const { VECTOR_A, WEBHOOKS, PRETTY_API_DEPOSIT_SIGN } = require('../helpers/spec-vectors');

/** @type {Array<[string, { sign: (appId: string, appSecret: string, timestamp: string|number, body?: string|Uint8Array) => string, verify: (...args: any[]) => boolean }]>} */
const SIGNERS = [
	['simulator', simulatorSigner],
	['package', packageSigner],
];

// CCPayment v1 request and response vectors (synthetic credentials, independently verified).
const API = {
	appId: '202401010000000000000000000000001',
	appSecret: '0123456789abcdef0123456789abcdef',
	timestamp: '1700000000',
};
const API_VECTORS = [
	['', 'b1426fee636f92e2f8cbfa9321f206740fe33eda8e829706dd2e1727874b4e94'],
	['{}', '131edccdd02a315bc70d90e9543ae059f9c0671fc113876e053fecde1959086f'],
	[
		'{"product_price":"12","merchant_order_id":"order-001","product_name":"Test","order_valid_period":1800}',
		'371f123e94d4a8f36350964b13302dd9b2efda030ae4647d74efcca182018723',
	],
	[
		'{"product_price": "12", "merchant_order_id": "order-001", "product_name": "Test", "order_valid_period": 1800}',
		'a6d00daba96a32713c7c855d35d434837eed645cd261830ebb1877de323f0509',
	],
];
const RESPONSE_VECTOR = {
	timestamp: '1700000001',
	body: '{"code":10000,"msg":"success","data":{"payment_url":"https://example.test/pay/abc"}}',
	sign: '341c93beea14708c4d7bac8f2507aecd13d1c6ab81f676bfdc838c78e9259451',
};

for (const [name, signer] of SIGNERS) {
	test(`${name} signer: the published request and response vectors`, () => {
		for (const [body, expected] of API_VECTORS) {
			assert.equal(
				signer.sign(API.appId, API.appSecret, API.timestamp, body),
				expected,
				`body ${JSON.stringify(body)}`,
			);
			assert.equal(signer.verify(API.appId, API.appSecret, API.timestamp, body, expected), true);
		}
		const r = RESPONSE_VECTOR;
		assert.equal(signer.sign(API.appId, API.appSecret, r.timestamp, r.body), r.sign);
		assert.equal(
			signer.sign(API.appId, API.appSecret, API.timestamp),
			API_VECTORS[0][1],
			'no body signs as an empty body',
		);
	});

	test(`${name} signer: the published webhook vectors and the pretty-printed negative`, () => {
		const { appId, appSecret, timestamp } = VECTOR_A;
		for (const [type, vector] of Object.entries(WEBHOOKS)) {
			assert.equal(signer.sign(appId, appSecret, timestamp, vector.body), vector.sign, type);
			assert.equal(
				signer.verify(appId, appSecret, timestamp, Buffer.from(vector.body, 'utf8'), vector.sign),
				true,
				type,
			);
		}
		const pretty = JSON.stringify(JSON.parse(WEBHOOKS.api_deposit.body), null, 2);
		assert.equal(signer.sign(appId, appSecret, timestamp, pretty), PRETTY_API_DEPOSIT_SIGN);
		assert.equal(
			signer.verify(appId, appSecret, timestamp, pretty, WEBHOOKS.api_deposit.sign),
			false,
		);
	});

	test(`${name} signer: verify accepts upper case and surrounding spaces, and never throws`, () => {
		const [body, expected] = API_VECTORS[1];
		const { appId, appSecret, timestamp } = API;
		assert.equal(
			signer.verify(appId, appSecret, timestamp, body, ` ${expected.toUpperCase()} `),
			true,
		);
		assert.equal(
			signer.verify(appId, appSecret, Number(timestamp), body, expected),
			true,
			'numeric timestamp',
		);
		/** @type {any[][]} */
		const wrong = [
			[appId, 'another-secret', timestamp, body, expected],
			[appId, appSecret, '1700000002', body, expected],
			[appId, appSecret, timestamp, '{ }', expected],
			[appId, appSecret, timestamp, body, expected.slice(1)],
			[appId, appSecret, timestamp, body, `${expected.slice(0, 63)}g`],
			[appId, appSecret, timestamp, body, ''],
			[appId, appSecret, timestamp, body, undefined],
			[appId, appSecret, timestamp, body, 42],
			[appId, appSecret, timestamp, { not: 'bytes' }, expected],
			[undefined, appSecret, timestamp, body, expected],
			[appId, null, timestamp, body, expected],
			[appId, appSecret, {}, body, expected],
		];
		for (const args of wrong) {
			assert.equal(signer.verify(...args), false, JSON.stringify(args));
		}
	});
}

test('both signers agree on random bodies, credentials and timestamps', () => {
	for (let i = 0; i < 300; i++) {
		const appId = String(randomInt(1, 2 ** 47)).padStart(33, '2');
		const appSecret = randomBytes(16).toString('hex');
		const timestamp = String(randomInt(1_000_000_000, 2_000_000_000));
		const bytes = randomBytes(randomInt(0, 512));
		const text =
			i % 3 === 0
				? JSON.stringify({ note: `Café ☕ 支付 ${bytes.toString('base64')}`, n: i })
				: bytes.toString('latin1');
		for (const body of [text, bytes]) {
			const ours = simulatorSigner.sign(appId, appSecret, timestamp, body);
			assert.match(ours, /^[0-9a-f]{64}$/);
			assert.equal(packageSigner.sign(appId, appSecret, timestamp, body), ours);
			assert.equal(packageSigner.verify(appId, appSecret, timestamp, body, ours), true);
			assert.equal(
				simulatorSigner.verify(
					appId,
					appSecret,
					timestamp,
					body,
					packageSigner.sign(appId, appSecret, timestamp, body),
				),
				true,
			);
		}
	}
});

test('the simulator signer hashes the exact bytes: a string and its UTF-8 Buffer sign alike, escapes do not', () => {
	const { appId, appSecret, timestamp } = API;
	const literal = '{"product_name":"Café ☕ 支付"}';
	const escaped = '{"product_name":"Caf\\u00e9 \\u2615 \\u652f\\u4ed8"}';
	const s = simulatorSigner.sign;
	assert.equal(
		s(appId, appSecret, timestamp, literal),
		s(appId, appSecret, timestamp, Buffer.from(literal, 'utf8')),
	);
	assert.notEqual(s(appId, appSecret, timestamp, literal), s(appId, appSecret, timestamp, escaped));
});
