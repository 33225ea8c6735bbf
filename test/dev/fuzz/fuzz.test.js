// @ts-check
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { generator, schedule, rngFrom, KINDS, OVERSIZE_MIB } = require('../../../dev/fuzz/cases');
const { judge, answeredBy, Table } = require('../../../dev/fuzz/classify');
const { PROFILES } = require('../../../dev/fuzz/profiles');
const { product } = require('../../../dev/dist');

const merchant = { appId: '202401010000000000000000000000001', appSecret: '0123456789abcdef' };
const other = { appId: '202401010000000000000000000000002', appSecret: 'fedcba9876543210' };
const MiB = 1024 * 1024;

/**
 * The trigger's own verdict on a delivery, with the headers as n8n hands them over (lower-case names,
 * repeated custom headers joined by ", " as Node's HTTP parser does).
 * @param {{ headers: Record<string, string | string[]>, body: Buffer }} d
 */
function packageAccepts(d) {
	/** @type {Record<string, string>} */
	const headers = {};
	for (const [k, v] of Object.entries(d.headers))
		headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
	return product('verification').verifyDelivery({
		headers,
		rawBody: d.body,
		appId: merchant.appId,
		appSecret: merchant.appSecret,
		toleranceSeconds: 300,
		requireAppIdMatch: true,
		nowMs: Date.now(),
	}).ok;
}

test('v1 profile signs exactly like the package signer', () => {
	const body = Buffer.from('{"a":1}');
	const signer = product('signer');
	assert.equal(
		PROFILES.v1.sign(merchant.appId, merchant.appSecret, '1700000000', body),
		signer.sign(merchant.appId, merchant.appSecret, '1700000000', body),
	);
});

test('v2 profile is HMAC-SHA256 keyed by the secret over Appid + Timestamp + body', () => {
	const crypto = require('node:crypto');
	const expected = crypto.createHmac('sha256', 'sec').update('app1700000000{}').digest('hex');
	assert.equal(PROFILES.v2.sign('app', 'sec', '1700000000', Buffer.from('{}')), expected);
	assert.notEqual(
		PROFILES.v2.sign('app', 'sec', '1', Buffer.from('{}')),
		PROFILES.v1.sign('app', 'sec', '1', Buffer.from('{}')),
	);
});

test('every refuse kind fails the package verifier; every signed kind passes it', () => {
	const gen = generator({ profile: PROFILES.v1, merchant, other, seed: 7 });
	for (const kind of KINDS) {
		for (let i = 0; i < 30; i++) {
			const d = gen.make(kind.name);
			if (kind.expect === 'signed') assert.ok(packageAccepts(d), `${kind.name} should verify`);
			else assert.ok(!packageAccepts(d), `${kind.name} #${i} must not verify`);
		}
	}
	assert.ok(packageAccepts(gen.valid('valid')));
});

test('JSON bodies carry their kind and a fresh record_id', () => {
	const gen = generator({ profile: PROFILES.v1, merchant, other, seed: 3 });
	const a = JSON.parse(gen.make('wrong-secret').body.toString());
	const b = JSON.parse(gen.make('wrong-secret').body.toString());
	assert.equal(a.fuzz_kind, 'wrong-secret');
	assert.notEqual(a.record_id, b.record_id);
});

test('schedule: exact count, a few oversize bodies on both sides of 16 MiB, every kind present, seeded', () => {
	const names = schedule(1000, rngFrom(1));
	assert.equal(names.length, 1000);
	assert.equal(names.filter((n) => n === 'oversize').length, OVERSIZE_MIB.length);
	for (const k of KINDS) assert.ok(names.includes(k.name), k.name);
	assert.deepEqual(schedule(1000, rngFrom(1)), names);
	assert.notDeepEqual(schedule(1000, rngFrom(2)), names);
	assert.ok(OVERSIZE_MIB.some((m) => m > 16) && OVERSIZE_MIB.some((m) => m < 16));
	const gen = generator({ profile: PROFILES.v1, merchant, other });
	const sizes = OVERSIZE_MIB.map(() => gen.make('oversize').bytes / MiB).sort((x, y) => x - y);
	assert.deepEqual(
		sizes,
		[...OVERSIZE_MIB].sort((x, y) => x - y),
	);
});

const nodeRefusal = {
	status: 401,
	contentType: 'text/plain; charset=utf-8',
	text: 'Sign header does not match the body',
};
const n8nGeneric = {
	status: 500,
	contentType: 'application/json; charset=utf-8',
	text: '{"code":0,"message":"There was a problem executing the workflow"}',
};
const n8nParser = {
	status: 422,
	contentType: 'application/json; charset=utf-8',
	text: '{"code":422,"message":"Failed to parse request body"}',
};

test('answeredBy tells the node (text/plain) from n8n (JSON message)', () => {
	assert.equal(answeredBy(nodeRefusal), 'node');
	assert.equal(answeredBy(n8nParser), 'n8n-parser');
	assert.equal(answeredBy(n8nGeneric), 'n8n-other');
	assert.equal(
		answeredBy({ status: 0, contentType: '', text: '', error: 'ECONNRESET' }),
		'network',
	);
});

test('judge: refusals pass, acceptance or 5xx of an unverified delivery fails', () => {
	const small = { expect: /** @type {const} */ ('refuse'), bytes: 100 };
	assert.deepEqual(judge(small, nodeRefusal), { ok: true, by: 'node' });
	assert.deepEqual(judge(small, n8nParser), { ok: true, by: 'n8n-parser' });
	assert.equal(judge(small, { ...nodeRefusal, status: 200, text: 'success' }).ok, false);
	assert.equal(judge(small, n8nGeneric).ok, false);
	assert.equal(judge(small, { ...nodeRefusal, status: 400 }).ok, false);
});

test("judge: n8n's 500 is its payload limit only for a body over N8N_PAYLOAD_SIZE_MAX", () => {
	const over = { expect: /** @type {const} */ ('refuse'), bytes: 17 * MiB };
	const under = { expect: /** @type {const} */ ('refuse'), bytes: 15 * MiB };
	assert.deepEqual(judge(over, n8nGeneric), { ok: true, by: 'n8n-limit' });
	assert.equal(judge(under, n8nGeneric).ok, false);
	assert.equal(judge(over, n8nGeneric, { payloadMaxMib: 32 }).ok, false);
	assert.deepEqual(judge(over, { ...n8nGeneric, status: 413 }), { ok: true, by: 'n8n-limit' });
});

test('judge: signed odd bodies may be acked or refused, never 5xx', () => {
	const d = { expect: /** @type {const} */ ('signed'), bytes: 50 };
	assert.equal(judge(d, { ...nodeRefusal, status: 200, text: 'success' }).ok, true);
	assert.equal(judge(d, { ...nodeRefusal, status: 400 }).ok, true);
	assert.equal(judge(d, n8nGeneric).ok, false);
});

test('Table counts sent, statuses, runs and bad answers per kind', () => {
	const t = new Table();
	t.add('a', nodeRefusal, { ok: true, by: 'node' });
	t.add('a', n8nGeneric, { ok: false, by: 'n8n-other', why: 'HTTP 500' });
	t.addRun('a');
	const row = t.row('a');
	assert.equal(row.sent, 2);
	assert.equal(row.runs, 1);
	assert.equal(row.bad, 1);
	assert.deepEqual(row.statuses, { 401: 1, 500: 1 });
	assert.match(t.format()[1], /^a\s+2\s+1\s+1\s+401x1 500x1/);
});
