// @ts-check
'use strict';

// The simulator's v2 signer against CCPayment's published HMAC vectors (requests and a webhook),
// and against an HMAC computed here with node:crypto.

const test = require('node:test');
const assert = require('node:assert/strict');
const { v2Signer } = require('../../../simulator');
const { signV2 } = require('../../helpers/simulator');

const APP_ID = 'AbCdEfGh12345678';
const SECRET = '0123456789abcdef0123456789abcdef';
const TS = '1700000000';

const VECTORS = [
	['', '3ff96579a38138085b1ef62f62a4c260cbc11f4fc460f1f5a42a9eb795ab9fa4'],
	['{}', 'c9846980bd873397b34f6a6912db6b6ee7f11ca7755849a1dded8c12afbe3aa9'],
	[
		'{"coinId":1280,"price":"1","orderId":"testorderid1111","chain":"POLYGON"}',
		'eefa71755a3e012f0d05104ea1db207415e45c3b45f24a8a72016d0b9a1753ca',
	],
	[
		'{"coinId": 1280, "price": "1", "orderId": "testorderid1111", "chain": "POLYGON"}',
		'f7286ebcbc4b8af7c900e8b5481280b8aa2a4031d19bb7ed9505240a9d5397cd',
	],
	[
		'{"startTimestamp":1710145756}',
		'ad0ad4e1e843c274d03568f5133f9f7c0f062162b4100989262055680edf175f',
	],
	[
		'{"type":"ApiDeposit","msg":{"recordId":"20240313121919000000000000000001","orderId":"testorderid1111","coinId":1280,"coinSymbol":"USDT","status":"Success","isFlaggedAsRisky":false}}',
		'a638f923443df17a0b35c00a80ec1e22ac4639e25ab9a37356c9336b4bdaf885',
	],
];

test('v2 signer: every published vector, as string and as bytes', () => {
	for (const [body, expected] of VECTORS) {
		assert.equal(v2Signer.sign(APP_ID, SECRET, TS, body), expected, body || '(empty)');
		assert.equal(v2Signer.sign(APP_ID, SECRET, Number(TS), Buffer.from(body)), expected);
		assert.equal(signV2(APP_ID, SECRET, TS, body), expected, 'the test helper agrees');
		assert.ok(v2Signer.verify(APP_ID, SECRET, TS, body, expected));
		assert.ok(v2Signer.verify(APP_ID, SECRET, TS, Buffer.from(body), expected.toUpperCase()));
	}
});

test('v2 signer: no body is the same as an empty body, never "{}"', () => {
	assert.equal(v2Signer.sign(APP_ID, SECRET, TS), VECTORS[0][1]);
	assert.notEqual(v2Signer.sign(APP_ID, SECRET, TS, '{}'), VECTORS[0][1]);
});

test('v2 signer: verify refuses wrong input without throwing', () => {
	const good = VECTORS[1][1];
	assert.equal(v2Signer.verify(APP_ID, SECRET, TS, '{} ', good), false, 'one extra byte');
	assert.equal(v2Signer.verify(APP_ID, 'x', TS, '{}', good), false);
	assert.equal(v2Signer.verify(APP_ID, SECRET, '1700000001', '{}', good), false);
	assert.equal(v2Signer.verify(APP_ID, SECRET, TS, '{}', good.slice(1)), false);
	assert.equal(v2Signer.verify(APP_ID, SECRET, TS, '{}', `${good.slice(0, 63)}g`), false);
	assert.equal(v2Signer.verify(APP_ID, SECRET, TS, {}, good), false);
	assert.equal(v2Signer.verify(undefined, SECRET, TS, '{}', good), false);
	assert.equal(v2Signer.verify(APP_ID, SECRET, TS, '{}', 42), false);
});

test('v2 signer differs from v1: the secret is only the HMAC key', () => {
	const { createHash } = require('crypto');
	const v1Style = createHash('sha256').update(`${APP_ID}${SECRET}${TS}{}`).digest('hex');
	assert.notEqual(v2Signer.sign(APP_ID, SECRET, TS, '{}'), v1Style);
});
