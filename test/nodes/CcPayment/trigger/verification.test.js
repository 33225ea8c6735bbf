// @ts-check
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { product } = require('../../../../dev/dist');

const {
	verifyDelivery,
	parsePayload,
	normalizeTolerance,
	DEFAULT_TIMESTAMP_TOLERANCE_SECONDS,
	isIpAllowed,
	parseAllowList,
	normalizeIp,
	safeHeaders,
} = product('verification');
const { sign } = product('signer');
const {
	VECTOR_A,
	WEBHOOKS,
	PRETTY_API_DEPOSIT_SIGN,
	vectorHeaders,
	VECTOR_NOW_MS,
} = require('../../../../dev/spec-vectors');

/** @param {Partial<Parameters<typeof verifyDelivery>[0]>} over */
function run(over) {
	return verifyDelivery({
		headers: vectorHeaders(WEBHOOKS.api_deposit.sign),
		rawBody: Buffer.from(WEBHOOKS.api_deposit.body, 'utf8'),
		appId: VECTOR_A.appId,
		appSecret: VECTOR_A.appSecret,
		toleranceSeconds: 300,
		requireAppIdMatch: true,
		nowMs: VECTOR_NOW_MS,
		...over,
	});
}

test('all five vector-A webhooks verify on their raw bytes (Buffer and string)', () => {
	for (const [type, { body, sign: expected }] of Object.entries(WEBHOOKS)) {
		const viaBuffer = run({ headers: vectorHeaders(expected), rawBody: Buffer.from(body, 'utf8') });
		assert.deepEqual(
			viaBuffer,
			{ ok: true, appId: VECTOR_A.appId, timestamp: VECTOR_A.timestamp },
			type,
		);
		const viaString = run({ headers: vectorHeaders(expected), rawBody: body });
		assert.equal(viaString.ok, true, `${type} as string`);
		// The Sign printed in the spec really is the hash of that body: recompute it independently.
		assert.equal(
			sign(VECTOR_A.appId, VECTOR_A.appSecret, VECTOR_A.timestamp, body),
			expected,
			type,
		);
	}
});

test('header names are case-insensitive and Sign may be upper-case hex', () => {
	const { body, sign: s } = WEBHOOKS.refund;
	const headers = { Appid: VECTOR_A.appId, Timestamp: VECTOR_A.timestamp, Sign: s.toUpperCase() };
	assert.equal(run({ headers, rawBody: body }).ok, true);
});

test('tampered bodies fail: one changed byte, an added field, a trailing newline', () => {
	const { body, sign: s } = WEBHOOKS.api_deposit;
	const variants = [
		body.replace('"paid_amount":"10"', '"paid_amount":"19"'),
		body.replace('"ORDER-10042"', '"ORDER-10043"'),
		body.slice(0, -1) + ',"x":1}',
		body + '\n',
		' ' + body,
	];
	for (const rawBody of variants) {
		const r = run({ headers: vectorHeaders(s), rawBody: Buffer.from(rawBody) });
		assert.deepEqual(r, { ok: false, status: 401, reason: 'Sign header does not match the body' });
	}
});

test('the same JSON pretty-printed (spec negative vector) fails: signatures cover bytes, not meaning', () => {
	const { body, sign: s } = WEBHOOKS.api_deposit;
	const pretty = JSON.stringify(JSON.parse(body), null, 2);
	assert.deepEqual(JSON.parse(pretty), JSON.parse(body));
	assert.equal(
		sign(VECTOR_A.appId, VECTOR_A.appSecret, VECTOR_A.timestamp, pretty),
		PRETTY_API_DEPOSIT_SIGN,
	);
	assert.equal(run({ headers: vectorHeaders(s), rawBody: pretty }).ok, false);
	// And the pretty body with its own (correct) Sign passes: the check is byte-exact, not format-biased.
	assert.equal(run({ headers: vectorHeaders(PRETTY_API_DEPOSIT_SIGN), rawBody: pretty }).ok, true);
	// Re-serialising the parsed object (what a naive handler would do) only works by luck of key order.
	const reordered = JSON.stringify({ order_type: 'API Deposit', ...JSON.parse(body) });
	assert.equal(run({ headers: vectorHeaders(s), rawBody: reordered }).ok, false);
});

test('stale and future timestamps are refused with the window; 0 turns the window off', () => {
	const ts = Number(VECTOR_A.timestamp);
	const stale = run({ nowMs: (ts + 301) * 1000 });
	assert.equal(stale.ok, false);
	assert.match(/** @type {any} */ (stale).reason, /more than 300s old/);
	const edge = run({ nowMs: (ts + 300) * 1000 });
	assert.equal(edge.ok, true, 'exactly at the tolerance is still inside');
	const future = run({ nowMs: (ts - 301) * 1000 });
	assert.equal(future.ok, false);
	assert.match(/** @type {any} */ (future).reason, /in the future/);
	assert.equal(run({ nowMs: (ts + 86400 * 365) * 1000, toleranceSeconds: 0 }).ok, true);
	assert.equal(run({ nowMs: (ts + 3600) * 1000, toleranceSeconds: 3600 }).ok, true);
	// A stale timestamp is refused even though the signature itself is valid.
	assert.equal(run({ nowMs: (ts + 3601) * 1000, toleranceSeconds: 3600 }).ok, false);
});

test('non-numeric timestamps are refused even with the window off', () => {
	for (const value of ['17000000x0', '1700000000.5', '-1700000000', '']) {
		const r = run({
			headers: vectorHeaders(WEBHOOKS.api_deposit.sign, { timestamp: value }),
			toleranceSeconds: 0,
		});
		assert.equal(r.ok, false, JSON.stringify(value));
	}
});

test('wrong App ID: refused when required, and a wrong secret always fails', () => {
	const other = '202302010636261620672405236006999';
	const r = run({ headers: vectorHeaders(WEBHOOKS.api_deposit.sign, { appid: other }) });
	assert.deepEqual(r, {
		ok: false,
		status: 401,
		reason: 'Appid header does not match the configured App ID',
	});
	// Credential configured for another App ID, delivery for vector A.
	assert.equal(run({ appId: other }).ok, false);
	assert.equal(run({ appSecret: 'fedcba9876543210fedcba9876543210' }).ok, false);
	// A delivery signed by another merchant (its own secret) under its own App ID never verifies.
	const foreignSign = sign(
		other,
		'dummy-secret-of-another-merchant',
		VECTOR_A.timestamp,
		WEBHOOKS.api_deposit.body,
	);
	assert.equal(
		run({ headers: vectorHeaders(foreignSign, { appid: other }), requireAppIdMatch: false }).ok,
		false,
	);
});

test('with Require App ID Match off: missing Appid accepted, a different one hashed as sent (secret still required)', () => {
	const { body, sign: s } = WEBHOOKS.invoice;
	const headers = vectorHeaders(s);
	delete headers.appid;
	assert.equal(run({ headers, rawBody: body, requireAppIdMatch: false }).ok, true);
	assert.equal(run({ headers, rawBody: body, requireAppIdMatch: true }).ok, false);
	const other = '202302010636261620672405236006999';
	const otherSign = sign(other, VECTOR_A.appSecret, VECTOR_A.timestamp, body);
	const r = run({
		headers: vectorHeaders(otherSign, { appid: other }),
		rawBody: body,
		requireAppIdMatch: false,
	});
	assert.deepEqual(r, { ok: true, appId: other, timestamp: VECTOR_A.timestamp });
});

test('each missing header is refused and named', () => {
	for (const [name, label] of [
		['appid', 'Appid'],
		['timestamp', 'Timestamp'],
		['sign', 'Sign'],
	]) {
		const headers = vectorHeaders(WEBHOOKS.api_deposit.sign);
		delete headers[name];
		const r = run({ headers });
		assert.equal(r.ok, false, name);
		assert.equal(/** @type {any} */ (r).reason, `Missing header(s): ${label}`);
		// Present but blank counts as missing.
		const blank = run({ headers: vectorHeaders(WEBHOOKS.api_deposit.sign, { [name]: '  ' }) });
		assert.equal(blank.ok, false, `${name} blank`);
	}
	const none = run({ headers: {} });
	assert.equal(/** @type {any} */ (none).reason, 'Missing header(s): Appid, Timestamp, Sign');
	assert.equal(run({ headers: undefined }).ok, false);
});

test('malformed Sign values are refused without throwing', () => {
	for (const bad of ['zz', 'a'.repeat(63), 'g'.repeat(64), WEBHOOKS.api_deposit.sign + '00']) {
		assert.equal(run({ headers: vectorHeaders(bad) }).ok, false, bad);
	}
});

test('no raw body: refused (never rebuilt from parsed JSON); empty body verifies only if signed empty', () => {
	for (const rawBody of [undefined, null, /** @type {any} */ ({ pay_status: 'success' })]) {
		assert.deepEqual(run({ rawBody }), {
			ok: false,
			status: 401,
			reason: 'Raw request body unavailable',
		});
	}
	const emptySign = sign(VECTOR_A.appId, VECTOR_A.appSecret, VECTOR_A.timestamp, '');
	assert.equal(run({ headers: vectorHeaders(emptySign), rawBody: Buffer.alloc(0) }).ok, true);
	assert.equal(
		run({ headers: vectorHeaders(WEBHOOKS.api_deposit.sign), rawBody: Buffer.alloc(0) }).ok,
		false,
	);
});

test('credential without App ID or App Secret refuses every delivery', () => {
	assert.equal(run({ appId: '' }).ok, false);
	assert.equal(run({ appSecret: '' }).ok, false);
	assert.equal(run({ appSecret: undefined }).ok, false);
});

test('refusal reasons never contain the App Secret', () => {
	const cases = [
		run({ headers: {} }),
		run({ nowMs: 0 }),
		run({ appSecret: 'dummy-secret-value' }),
		run({ headers: vectorHeaders(WEBHOOKS.api_deposit.sign, { appid: '1' }) }),
		run({ rawBody: undefined }),
	];
	for (const r of cases) {
		assert.equal(r.ok, false);
		const text = JSON.stringify(r);
		assert.ok(!text.includes(VECTOR_A.appSecret) && !text.includes('dummy-secret-value'), text);
	}
});

test('parsePayload: object only; non-JSON, empty, arrays and scalars are 400', () => {
	assert.deepEqual(parsePayload(Buffer.from(WEBHOOKS.refund.body)), {
		ok: true,
		payload: JSON.parse(WEBHOOKS.refund.body),
	});
	assert.deepEqual(
		parsePayload('\ufeff{"a":"1"}'),
		{ ok: true, payload: { a: '1' } },
		'BOM tolerated',
	);
	const cases = [
		['', 'Empty body'],
		['   \n', 'Empty body'],
		['not json', 'Body is not valid JSON'],
		['{"a":', 'Body is not valid JSON'],
		['[1,2]', 'Body is not a JSON object'],
		['null', 'Body is not a JSON object'],
		['"success"', 'Body is not a JSON object'],
		['42', 'Body is not a JSON object'],
	];
	for (const [text, reason] of cases) {
		assert.deepEqual(
			parsePayload(Buffer.from(text)),
			{ ok: false, status: 400, reason },
			JSON.stringify(text),
		);
	}
});

test('normalizeTolerance: default 300, 0 and negatives mean off, junk falls back to the default', () => {
	assert.equal(DEFAULT_TIMESTAMP_TOLERANCE_SECONDS, 300);
	assert.equal(normalizeTolerance(undefined), 300);
	assert.equal(normalizeTolerance(''), 300);
	assert.equal(normalizeTolerance('abc'), 300);
	assert.equal(normalizeTolerance(0), 0);
	assert.equal(normalizeTolerance(-5), 0);
	assert.equal(normalizeTolerance(120.9), 120);
	assert.equal(normalizeTolerance('2000'), 2000);
});

test('IP allow-list: exact IPv4/IPv6, IPv4-mapped, CIDR; empty list allows all', () => {
	const list = parseAllowList('203.0.113.10, 198.51.100.0/24;2001:db8::1\n10.0.0.0/8');
	assert.deepEqual(list, ['203.0.113.10', '198.51.100.0/24', '2001:db8::1', '10.0.0.0/8']);
	assert.equal(isIpAllowed('203.0.113.10', list), true);
	assert.equal(isIpAllowed('::ffff:203.0.113.10', list), true);
	assert.equal(isIpAllowed('198.51.100.200', list), true);
	assert.equal(isIpAllowed('198.51.101.1', list), false);
	assert.equal(isIpAllowed('10.255.255.255', list), true);
	assert.equal(isIpAllowed('11.0.0.1', list), false);
	assert.equal(isIpAllowed('2001:DB8::1', list), true);
	assert.equal(isIpAllowed('2001:db8::2', list), false);
	assert.equal(isIpAllowed(undefined, list), false);
	assert.equal(isIpAllowed('1.2.3.4', []), true);
	assert.equal(isIpAllowed('0.0.0.1', parseAllowList('0.0.0.0/0')), true);
	assert.equal(isIpAllowed('1.2.3.4', parseAllowList('1.2.3.0/33, bogus/8')), false);
	assert.equal(normalizeIp('[::1]'), '::1');
	assert.equal(normalizeIp('fe80::1%eth0'), 'fe80::1');
});

test('safeHeaders never includes Sign or credential-like headers', () => {
	const out = safeHeaders({
		appid: 'A',
		timestamp: '1',
		sign: 'abc',
		Authorization: 'x',
		cookie: 'c',
		'X-Forwarded-For': ['1.1.1.1', '2.2.2.2'],
		'content-type': 'application/json',
	});
	assert.deepEqual(out, {
		appid: 'A',
		timestamp: '1',
		'x-forwarded-for': '1.1.1.1, 2.2.2.2',
		'content-type': 'application/json',
	});
	assert.deepEqual(safeHeaders(undefined), {});
});
