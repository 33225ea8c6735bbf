// @ts-check
'use strict';
/**
 * The v2 signer against the HMAC vectors of CCPayment's v2 reference (synthetic App ID / secret):
 * exact bytes in, lowercase hex out; verify never throws and compares in constant time.
 */
const { test } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');

const signer = require('../../../../dev/dist').product('signerV2');

const APP_ID = 'AbCdEfGh12345678';
const SECRET = '0123456789abcdef0123456789abcdef';
const TS = '1700000000';

/** [body exactly as sent (undefined = no body), expected Sign] */
const VECTORS = /** @type {Array<[string | undefined, string]>} */ ([
	[undefined, '3ff96579a38138085b1ef62f62a4c260cbc11f4fc460f1f5a42a9eb795ab9fa4'],
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
]);

test('sign matches every reference vector (string and byte bodies, numeric timestamp too)', () => {
	for (const [body, expected] of VECTORS) {
		assert.equal(signer.sign(APP_ID, SECRET, TS, body), expected, `body ${body}`);
		assert.equal(signer.sign(APP_ID, SECRET, Number(TS), body), expected);
		if (body !== undefined)
			assert.equal(signer.sign(APP_ID, SECRET, TS, Buffer.from(body, 'utf8')), expected);
	}
});

test('an empty body signs Appid + Timestamp only, exactly like no body', () => {
	const none = VECTORS[0][1];
	assert.equal(signer.sign(APP_ID, SECRET, TS), none);
	assert.equal(signer.sign(APP_ID, SECRET, TS, ''), none);
	assert.equal(signer.sign(APP_ID, SECRET, TS, Buffer.alloc(0)), none);
	assert.notEqual(
		signer.sign(APP_ID, SECRET, TS, '{}'),
		none,
		'"{}" is a body, and signs differently',
	);
});

test('it is an HMAC keyed by the secret, not a hash of the concatenation (as v1 was)', () => {
	const body = VECTORS[2][0];
	const hmac = crypto.createHmac('sha256', SECRET).update(`${APP_ID}${TS}${body}`).digest('hex');
	assert.equal(signer.sign(APP_ID, SECRET, TS, body), hmac);
	const v1Style = crypto
		.createHash('sha256')
		.update(`${APP_ID}${SECRET}${TS}${body}`)
		.digest('hex');
	assert.notEqual(signer.sign(APP_ID, SECRET, TS, body), v1Style);
});

test('unicode and escapes are signed as the UTF-8 bytes given, never re-serialised', () => {
	const raw = '{"product":"Caf\\u00e9 ☕"}';
	const expected = crypto
		.createHmac('sha256', SECRET)
		.update(Buffer.from(`${APP_ID}${TS}${raw}`, 'utf8'))
		.digest('hex');
	assert.equal(signer.sign(APP_ID, SECRET, TS, raw), expected);
	assert.notEqual(signer.sign(APP_ID, SECRET, TS, JSON.stringify(JSON.parse(raw))), expected);
});

test('verify accepts the vectors, upper-case hex and surrounding spaces', () => {
	for (const [body, expected] of VECTORS) {
		assert.equal(signer.verify(APP_ID, SECRET, TS, body, expected), true);
		assert.equal(signer.verify(APP_ID, SECRET, TS, body, expected.toUpperCase()), true);
		assert.equal(signer.verify(APP_ID, SECRET, TS, body, ` ${expected}\n`), true);
	}
});

test('verify rejects a changed body, secret, App ID or timestamp', () => {
	const [body, expected] = VECTORS[2];
	assert.equal(signer.verify(APP_ID, SECRET, TS, `${body} `, expected), false);
	assert.equal(signer.verify(APP_ID, `${SECRET}x`, TS, body, expected), false);
	assert.equal(signer.verify('AbCdEfGh12345679', SECRET, TS, body, expected), false);
	assert.equal(signer.verify(APP_ID, SECRET, '1700000001', body, expected), false);
});

test('verify never throws, whatever it is given', () => {
	const good = VECTORS[1][1];
	const weird = [
		undefined,
		null,
		0,
		1n,
		{},
		[],
		() => 1,
		Symbol('s'),
		NaN,
		'',
		'zz',
		'g'.repeat(64),
		good.slice(1),
		`${good}00`,
	];
	for (const value of weird) {
		for (let position = 0; position < 5; position++) {
			const args = /** @type {unknown[]} */ ([APP_ID, SECRET, TS, '{}', good]);
			args[position] = value;
			let result;
			assert.doesNotThrow(
				() => {
					result = signer.verify(args[0], args[1], args[2], args[3], args[4]);
				},
				`position ${position} value ${String(typeof value === 'symbol' ? 'symbol' : value)}`,
			);
			assert.equal(typeof result, 'boolean');
		}
	}
	// A throwing getter or toString anywhere is still just "not verified".
	const hostile = {
		toString() {
			throw new Error('boom');
		},
	};
	assert.equal(signer.verify(hostile, SECRET, TS, '{}', good), false);
	assert.equal(signer.verify(APP_ID, SECRET, TS, '{}', hostile), false);
});

test('verify compares in constant time: timingSafeEqual on equal-length buffers', () => {
	// The comparison goes through crypto.timingSafeEqual; count its calls while verifying.
	const original = crypto.timingSafeEqual;
	let calls = 0;
	/** @type {any} */ (crypto).timingSafeEqual = (/** @type {any} */ a, /** @type {any} */ b) => {
		calls++;
		assert.equal(a.length, b.length, 'only equal lengths reach the comparison');
		return original(a, b);
	};
	try {
		const [body, expected] = VECTORS[2];
		const wrongFirst = `${expected[0] === 'a' ? 'b' : 'a'}${expected.slice(1)}`;
		const wrongLast = `${expected.slice(0, -1)}${expected.endsWith('a') ? 'b' : 'a'}`;
		assert.equal(signer.verify(APP_ID, SECRET, TS, body, expected), true);
		assert.equal(signer.verify(APP_ID, SECRET, TS, body, wrongFirst), false);
		assert.equal(signer.verify(APP_ID, SECRET, TS, body, wrongLast), false);
		assert.equal(
			calls,
			3,
			'every well-formed candidate is compared with timingSafeEqual, never ===',
		);
	} finally {
		/** @type {any} */ (crypto).timingSafeEqual = original;
	}
});

test('serializeBody: no parameters means no body; anything else is serialised once', () => {
	assert.equal(signer.serializeBody(undefined), undefined);
	assert.equal(signer.serializeBody(null), undefined);
	assert.equal(signer.serializeBody(''), undefined);
	assert.equal(signer.serializeBody({}), undefined);
	assert.equal(signer.serializeBody(Buffer.alloc(0)), undefined);
	assert.equal(signer.serializeBody({ coinId: 1280, price: '1' }), '{"coinId":1280,"price":"1"}');
	assert.equal(signer.serializeBody('{"a": 1}'), '{"a": 1}', 'strings go out untouched');
	assert.equal(signer.serializeBody([1, 2]), '[1,2]');
});

test('signedHeaders: Appid, Timestamp, Sign over the given body', () => {
	const headers = signer.signedHeaders(APP_ID, SECRET, undefined, TS);
	assert.deepEqual(headers, { Appid: APP_ID, Timestamp: TS, Sign: VECTORS[0][1] });
	assert.ok(!JSON.stringify(headers).includes(SECRET));
});

test('appIdShape / appIdShapeHint: 33 digits look like v1, 16 letters and digits like v2; others unknown', () => {
	assert.equal(signer.appIdShape('202302010636261620672405236006912'), 'v1');
	assert.equal(signer.appIdShape(' 9uWkOaQcHcipuk6z '), 'v2');
	assert.equal(signer.appIdShape('1234567890123456'), 'v2');
	assert.equal(signer.appIdShape('abc'), 'unknown');
	assert.equal(signer.appIdShape(undefined), 'unknown');
	assert.match(
		String(signer.appIdShapeHint('202302010636261620672405236006912', 'v2')),
		/33 digits.*V1 API credential/,
	);
	assert.match(
		String(signer.appIdShapeHint('9uWkOaQcHcipuk6z', 'v1')),
		/16 letters and digits.*V2 API credential/,
	);
	assert.equal(signer.appIdShapeHint('9uWkOaQcHcipuk6z', 'v2'), undefined);
	assert.equal(signer.appIdShapeHint('202302010636261620672405236006912', 'v1'), undefined);
	assert.equal(signer.appIdShapeHint('whatever', 'v2'), undefined);
});
