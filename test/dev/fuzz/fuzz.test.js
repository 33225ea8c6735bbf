// @ts-check
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { generator, schedule, rngFrom, KINDS, OVERSIZE_MIB } = require('../../../dev/fuzz/cases');
const { judge, answeredBy, isXmlTyped, Table } = require('../../../dev/fuzz/classify');
const { PROFILES } = require('../../../dev/fuzz/profiles');
const { product } = require('../../../dev/dist');
const { readState } = product('dedup');

const merchant = { appId: '202401010000000000000000000000001', appSecret: '0123456789abcdef' };
const other = { appId: '202401010000000000000000000000002', appSecret: 'fedcba9876543210' };
const MiB = 1024 * 1024;

const v2Merchant = { appId: 'SimV2AppId000001', appSecret: '0f1e2d3c4b5a69780f1e2d3c4b5a6978' };
const v2Other = { appId: 'SimV2AppId000002', appSecret: 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5' };

/**
 * The trigger's own verdict on a delivery, with the headers as n8n hands them over (lower-case names,
 * repeated custom headers joined by ", " as Node's HTTP parser does).
 * @param {{ headers: Record<string, string | string[]>, body: Buffer }} d
 * @param {'v1' | 'v2'} [api]
 */
function packageAccepts(d, api = 'v1') {
	/** @type {Record<string, string>} */
	const headers = {};
	for (const [k, v] of Object.entries(d.headers))
		headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
	const m = api === 'v1' ? merchant : v2Merchant;
	const verify =
		api === 'v1'
			? product('verification').verifyDelivery
			: product('verificationV2').verifyDeliveryV2;
	return verify({
		headers,
		rawBody: d.body,
		appId: m.appId,
		appSecret: m.appSecret,
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

test('v2: every refuse kind fails the package v2 verifier; every signed kind passes it', () => {
	const gen = generator({ profile: PROFILES.v2, merchant: v2Merchant, other: v2Other, seed: 9 });
	for (const kind of KINDS) {
		for (let i = 0; i < 30; i++) {
			const d = gen.make(kind.name);
			if (kind.expect === 'signed')
				assert.ok(packageAccepts(d, 'v2'), `${kind.name} should verify`);
			else assert.ok(!packageAccepts(d, 'v2'), `${kind.name} #${i} must not verify`);
		}
	}
	const valid = gen.valid('valid');
	assert.ok(packageAccepts(valid, 'v2'));
	const json = JSON.parse(valid.body.toString());
	assert.equal(json.type, 'ApiDeposit');
	assert.match(String(gen.recordId(json)), /^fuzz-valid-\d+$/);
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

const n8nFormParser = {
	status: 400,
	contentType: 'application/json; charset=utf-8',
	text: '{"code":400,"message":"The submitted form data could not be parsed."}',
};

test('answeredBy tells the node (text/plain) from n8n (JSON message)', () => {
	assert.equal(answeredBy(nodeRefusal), 'node');
	assert.equal(answeredBy(n8nParser), 'n8n-parser');
	assert.equal(answeredBy(n8nFormParser), 'n8n-parser');
	assert.equal(answeredBy({ ...n8nFormParser, text: '{"code":400,"message":"Bad"}' }), 'n8n-other');
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
	assert.deepEqual(judge(small, n8nFormParser), { ok: true, by: 'n8n-parser' });
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

test("judge: no answer to an XML body is n8n's only when its XML reader is proven stuck", () => {
	const noAnswer = { status: 0, contentType: '', text: '', error: 'timeout after 15000 ms' };
	const xml = {
		expect: /** @type {const} */ ('refuse'),
		bytes: 30,
		headers: { 'Content-Type': 'text/xml' },
	};
	const json = { ...xml, headers: { 'content-type': 'application/json' } };
	assert.deepEqual(judge(xml, noAnswer, { xmlReaderStuck: true }), {
		ok: true,
		by: 'n8n-xml-stuck',
	});
	assert.equal(judge(xml, noAnswer).ok, false);
	assert.equal(judge(json, noAnswer, { xmlReaderStuck: true }).ok, false);
	assert.equal(
		judge(xml, { ...noAnswer, error: undefined, status: 500 }, { xmlReaderStuck: true }).ok,
		false,
	);
	assert.equal(isXmlTyped({ 'content-type': 'application/vnd.x+xml; charset=utf-8' }), true);
	assert.equal(isXmlTyped({ 'content-type': ['application/json', 'text/xml'] }), false);
	assert.equal(isXmlTyped({}), false);
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
	t.add(
		'b',
		{ status: 0, contentType: '', text: '', error: 'timeout' },
		{ ok: true, by: 'n8n-xml-stuck' },
	);
	assert.match(t.format()[2], /^b\s+1\s+0\s+0\s+no-answerx1 \(n8n-xml-stuck 1\)$/);
});

test('fuzz workflows: both trigger versions, full duplicate stores except the no-dedup variant', () => {
	const fs = require('node:fs');
	const os = require('node:os');
	const path = require('node:path');
	const wf = require('../../../dev/fuzz/workflows');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-wf-'));
	try {
		const files = wf.write(dir, { simUrl: 'http://sim', merchant, v2Merchant });
		const creds = JSON.parse(fs.readFileSync(files.credentials, 'utf8'));
		assert.deepEqual(
			creds.map((/** @type {any} */ c) => c.type),
			['ccPaymentApi', 'ccPaymentV2Api', 'httpHeaderAuth'],
		);
		for (const spec of wf.SPECS) {
			const w = JSON.parse(
				fs.readFileSync(path.join(files.workflowsDir, `${spec.key}.json`), 'utf8'),
			);
			const store = w.staticData?.[`node:${wf.TRIGGER_NODE}`]?.ccpaymentDedup;
			const seeded = spec.api !== undefined && spec.key !== 'v1-no-dedup';
			if (spec.key === 'v1-store-read')
				assert.equal(w.nodes[0].parameters.options.ignoreDuplicates, false);
			assert.equal(store ? readState(store).entries.length : 0, seeded ? 1000 : 0, spec.key);
			if (store) assert.equal(store.version, 2, 'saved packed, as the trigger saves it');
			if (spec.api === 'v2') assert.equal(w.nodes[0].parameters.apiVersion, 'v2');
		}
		assert.equal(wf.url('http://n', 'v2'), `http://n/webhook/${wf.spec('v2').hook}/webhook`);
		assert.equal(wf.url('http://n', 'plain'), 'http://n/webhook/ccpayment-fuzz-plain');
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
});

test('bench format: rate and CPU against the baseline', () => {
	const { format } = require('../../../dev/fuzz/bench');
	const lines = format(
		[
			{ key: 'plain', perSec: 100, cpuMs: 10, good: 1, sent: 1 },
			{ key: 'v1', perSec: 50, cpuMs: 25, good: 1, sent: 1 },
		],
		'plain',
	);
	assert.match(lines[1], /^v1\s+50\.0\/s \(50% of plain\), n8n CPU 25\.0 ms\/delivery \(2\.50x\)$/);
});
