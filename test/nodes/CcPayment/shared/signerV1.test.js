// @ts-check
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { product } = require('../../../../dev/dist');

const { sign, verify, serializeBody, getHeader, checkSignedMessage, signedHeaders, nowSeconds } =
	product('signer');

// A synthetic request-signing vector for CCPayment v1 (values made up, signature verified independently).
const V2 = {
	appId: '202401010000000000000000000000001',
	appSecret: '0123456789abcdef0123456789abcdef',
	timestamp: '1700000000',
};

test('request vectors from the spec: empty body, {}, compact and spaced JSON', () => {
	assert.equal(
		sign(V2.appId, V2.appSecret, V2.timestamp, ''),
		'b1426fee636f92e2f8cbfa9321f206740fe33eda8e829706dd2e1727874b4e94',
	);
	assert.equal(
		sign(V2.appId, V2.appSecret, V2.timestamp, '{}'),
		'131edccdd02a315bc70d90e9543ae059f9c0671fc113876e053fecde1959086f',
	);
	assert.equal(
		sign(
			V2.appId,
			V2.appSecret,
			V2.timestamp,
			'{"product_price":"12","merchant_order_id":"order-001","product_name":"Test","order_valid_period":1800}',
		),
		'371f123e94d4a8f36350964b13302dd9b2efda030ae4647d74efcca182018723',
	);
	assert.equal(
		sign(
			V2.appId,
			V2.appSecret,
			V2.timestamp,
			'{"product_price": "12", "merchant_order_id": "order-001", "product_name": "Test", "order_valid_period": 1800}',
		),
		'a6d00daba96a32713c7c855d35d434837eed645cd261830ebb1877de323f0509',
	);
	// Default body is the empty string.
	assert.equal(
		sign(V2.appId, V2.appSecret, V2.timestamp),
		'b1426fee636f92e2f8cbfa9321f206740fe33eda8e829706dd2e1727874b4e94',
	);
	// A numeric timestamp signs like its decimal string.
	assert.equal(
		sign(V2.appId, V2.appSecret, 1700000000, '{}'),
		sign(V2.appId, V2.appSecret, '1700000000', '{}'),
	);
});

test('response vector from the spec', () => {
	const body =
		'{"code":10000,"msg":"success","data":{"payment_url":"https://example.test/pay/abc"}}';
	assert.equal(
		sign(V2.appId, V2.appSecret, '1700000001', body),
		'341c93beea14708c4d7bac8f2507aecd13d1c6ab81f676bfdc838c78e9259451',
	);
});

// The webhook vectors shared with the trigger and simulator tests.
const { VECTOR_A: VA, WEBHOOKS } = require('../../../../dev/spec-vectors');
const API_DEPOSIT = WEBHOOKS.api_deposit.body;

test('webhook vector A and its pretty-printed negative', () => {
	assert.equal(
		sign(VA.appId, VA.appSecret, VA.timestamp, API_DEPOSIT),
		'498b72483ff18f663708fe5f225749b9dcf2a727c84856153117fc60ab8db894',
	);
	const pretty = JSON.stringify(JSON.parse(API_DEPOSIT), null, 2);
	assert.equal(
		sign(VA.appId, VA.appSecret, VA.timestamp, pretty),
		'7d9037c5a80617eec7f39af6f1e8894a85c245301c98952b0371c789d265bb86',
	);
});

test('the bytes signed are the bytes sent: unicode and escapes are not normalised', () => {
	const literal = '{"product_name":"Café ☕ 支付"}';
	const escaped = '{"product_name":"Caf\\u00e9 \\u2615 \\u652f\\u4ed8"}';
	assert.deepEqual(JSON.parse(literal), JSON.parse(escaped), 'same JSON value');
	const a = sign(V2.appId, V2.appSecret, V2.timestamp, literal);
	const b = sign(V2.appId, V2.appSecret, V2.timestamp, escaped);
	assert.notEqual(a, b, 'different bytes, different signatures');
	// A string body is hashed as its UTF-8 bytes: identical to signing the Buffer.
	assert.equal(a, sign(V2.appId, V2.appSecret, V2.timestamp, Buffer.from(literal, 'utf8')));
	// Slash escaping (PHP) and <> escaping (Go) also change the signature.
	assert.notEqual(
		sign(V2.appId, V2.appSecret, V2.timestamp, '{"u":"https://a/b"}'),
		sign(V2.appId, V2.appSecret, V2.timestamp, '{"u":"https:\\/\\/a\\/b"}'),
	);
	assert.match(a, /^[0-9a-f]{64}$/);
});

test('serializeBody serialises once and maps "no parameters" to {}', () => {
	assert.equal(serializeBody(undefined), '{}');
	assert.equal(serializeBody(null), '{}');
	assert.equal(serializeBody(''), '{}');
	assert.equal(serializeBody({}), '{}');
	assert.equal(serializeBody('{"a": 1}'), '{"a": 1}', 'a string is sent as is');
	assert.equal(
		serializeBody({ b: 'x', a: [1, 2] }),
		'{"b":"x","a":[1,2]}',
		'compact, insertion order',
	);
	assert.equal(serializeBody(Buffer.from('{"z":true}')), '{"z":true}');
});

test('verify accepts the right signature in any case and with whitespace', () => {
	const s = sign(V2.appId, V2.appSecret, V2.timestamp, '{}');
	assert.equal(verify(V2.appId, V2.appSecret, V2.timestamp, '{}', s), true);
	assert.equal(verify(V2.appId, V2.appSecret, V2.timestamp, '{}', s.toUpperCase()), true);
	assert.equal(verify(V2.appId, V2.appSecret, V2.timestamp, '{}', ` ${s}\n`), true);
	assert.equal(verify(V2.appId, V2.appSecret, Number(V2.timestamp), Buffer.from('{}'), s), true);
});

test('verify rejects wrong inputs and never throws on malformed ones', () => {
	const s = sign(V2.appId, V2.appSecret, V2.timestamp, '{}');
	assert.equal(verify(V2.appId, 'wrong-secret', V2.timestamp, '{}', s), false);
	assert.equal(verify(V2.appId, V2.appSecret, '1700000001', '{}', s), false);
	assert.equal(verify(V2.appId, V2.appSecret, V2.timestamp, '{ }', s), false);
	assert.equal(
		verify('202401010000000000000000000000002', V2.appSecret, V2.timestamp, '{}', s),
		false,
	);
	for (const bad of [
		undefined,
		null,
		42,
		{},
		[],
		'',
		'abc',
		s.slice(0, 63),
		`${s}0`,
		'z'.repeat(64),
		s.replace(/./, 'g'),
	]) {
		assert.equal(
			verify(V2.appId, V2.appSecret, V2.timestamp, '{}', bad),
			false,
			`signature ${String(bad)}`,
		);
	}
	/** @type {Array<[unknown, unknown, unknown, unknown, unknown]>} */
	const malformed = [
		[undefined, V2.appSecret, V2.timestamp, '{}', s],
		[V2.appId, undefined, V2.timestamp, '{}', s],
		[V2.appId, V2.appSecret, undefined, '{}', s],
		[V2.appId, V2.appSecret, {}, '{}', s],
		[V2.appId, V2.appSecret, V2.timestamp, undefined, s],
		[V2.appId, V2.appSecret, V2.timestamp, { a: 1 }, s],
	];
	for (const [a, b, c, d, e] of malformed) {
		assert.equal(verify(a, b, c, d, e), false);
	}
});

test('getHeader is case-insensitive and handles arrays and missing bags', () => {
	const headers = { appid: 'x', TIMESTAMP: '1', Sign: ['a', 'b'], empty: [] };
	assert.equal(getHeader(headers, 'Appid'), 'x');
	assert.equal(getHeader(headers, 'timestamp'), '1');
	assert.equal(getHeader(headers, 'sign'), 'a');
	assert.equal(getHeader(headers, 'empty'), undefined);
	assert.equal(getHeader(headers, 'missing'), undefined);
	assert.equal(getHeader(undefined, 'x'), undefined);
});

test('checkSignedMessage: order of checks and every failure reason', () => {
	const body = API_DEPOSIT;
	const nowMs = 1700000000 * 1000 + 30_000;
	const good = signedHeaders(VA.appId, VA.appSecret, body, VA.timestamp);
	const base = {
		body,
		appId: VA.appId,
		appSecret: VA.appSecret,
		toleranceSeconds: 120,
		appIdHeader: /** @type {const} */ ('required'),
		nowMs,
	};

	assert.deepEqual(checkSignedMessage({ ...base, headers: good }), {
		ok: true,
		timestamp: 1700000000,
		appId: VA.appId,
	});
	// Lower-cased header names as Node delivers them.
	const lower = Object.fromEntries(Object.entries(good).map(([k, v]) => [k.toLowerCase(), v]));
	assert.equal(checkSignedMessage({ ...base, headers: lower }).ok, true);

	/** @param {any} r */ const reason = (r) => (r.ok ? 'ok' : r.reason);
	assert.equal(reason(checkSignedMessage({ ...base, headers: {} })), 'missing_headers');
	assert.equal(
		reason(checkSignedMessage({ ...base, headers: { ...good, Sign: '' } })),
		'missing_headers',
	);
	assert.equal(
		reason(
			checkSignedMessage({ ...base, headers: { Timestamp: good.Timestamp, Sign: good.Sign } }),
		),
		'missing_headers',
	);
	assert.equal(
		reason(
			checkSignedMessage({
				...base,
				headers: { ...good, Appid: '202401010000000000000000000000002' },
			}),
		),
		'app_id_mismatch',
	);
	assert.equal(
		reason(checkSignedMessage({ ...base, headers: { ...good, Timestamp: '17000000.5' } })),
		'bad_timestamp',
	);
	assert.equal(
		reason(checkSignedMessage({ ...base, headers: good, nowMs: (1700000000 + 121) * 1000 })),
		'stale_timestamp',
	);
	assert.equal(
		reason(checkSignedMessage({ ...base, headers: good, nowMs: (1700000000 - 121) * 1000 })),
		'future_timestamp',
	);
	assert.equal(
		reason(
			checkSignedMessage({
				...base,
				headers: good,
				nowMs: (1700000000 + 10_000) * 1000,
				toleranceSeconds: 0,
			}),
		),
		'ok',
		'0 disables the window',
	);
	assert.equal(
		reason(checkSignedMessage({ ...base, headers: good, body: body.replace('"10"', '"11"') })),
		'bad_signature',
	);
	assert.equal(
		reason(
			checkSignedMessage({
				...base,
				headers: good,
				body: JSON.stringify(JSON.parse(body), null, 2),
			}),
		),
		'bad_signature',
	);
	assert.equal(
		reason(checkSignedMessage({ ...base, headers: good, appSecret: 'another-secret' })),
		'bad_signature',
	);
	assert.equal(reason(checkSignedMessage({ ...base, headers: good, body: '' })), 'bad_signature');
});

test('checkSignedMessage: App ID header modes', () => {
	const body = '{"code":10000,"msg":"success","data":{}}';
	const nowMs = 1700000000 * 1000;
	const other = '202401010000000000000000000000002';
	const signedByOther = signedHeaders(other, V2.appSecret, body, V2.timestamp);
	const noAppId = {
		Timestamp: V2.timestamp,
		Sign: sign(V2.appId, V2.appSecret, V2.timestamp, body),
	};
	const base = { body, appId: V2.appId, appSecret: V2.appSecret, toleranceSeconds: 0, nowMs };
	// optional: absent is fine (hash with ours), present must match.
	assert.equal(checkSignedMessage({ ...base, headers: noAppId, appIdHeader: 'optional' }).ok, true);
	assert.equal(
		checkSignedMessage({ ...base, headers: signedByOther, appIdHeader: 'optional' }).ok,
		false,
	);
	// required: absent fails.
	assert.equal(
		checkSignedMessage({ ...base, headers: noAppId, appIdHeader: 'required' }).ok,
		false,
	);
	// trust: a different header App ID is hashed as sent; the secret is still needed.
	const trusted = checkSignedMessage({ ...base, headers: signedByOther, appIdHeader: 'trust' });
	assert.deepEqual(trusted, { ok: true, timestamp: 1700000000, appId: other });
	assert.equal(
		checkSignedMessage({ ...base, headers: signedByOther, appIdHeader: 'trust', appSecret: 'x' })
			.ok,
		false,
	);
});

test('nowSeconds is Unix seconds as a 10-digit string', () => {
	assert.equal(nowSeconds(1700000000999), '1700000000');
	assert.match(nowSeconds(), /^\d{10}$/);
});
