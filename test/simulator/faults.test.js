// @ts-check
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { TOKENS } = require('../../simulator');
const { call, ok, control, uid, verify, useSimulator } = require('../helpers/simulator');

/** @type {any} */
let sim;
useSimulator((started) => (sim = started));

const withdrawal = () => ({
	merchant_order_id: uid('w'),
	address: 'TYWnk1EGALQyYst2yFSd29QQQTEkuKMbyt',
	token_id: TOKENS.USDT_TRC20,
	value: '10',
});
const debits = (moid) =>
	sim.ledger().journal.filter((e) => e.type === 'withdrawal_debit' && e.merchant_order_id === moid)
		.length;
const setFaults = async (faults, seed) => {
	const res = await control(
		sim,
		'POST',
		'/__sim/faults',
		seed === undefined ? { faults } : { faults, seed },
	);
	assert.equal(res.status, 200, JSON.stringify(res.data));
	return res.data;
};

/** A request that fails at the transport level; returns the error code. */
async function transportError(path, body, timeoutMs = 5000) {
	try {
		const res = await call(sim, path, body, { timeoutMs });
		assert.fail(`expected a transport error, got HTTP ${res.status} ${res.text}`);
	} catch (error) {
		if (error && error.code === 'ERR_ASSERTION') throw error;
		return String(error.code || error.message);
	}
	return '';
}

test('http 500/502/503 answer that status without applying; apply:true applies first', async () => {
	for (const [kind, status] of [
		['http500', 500],
		['http502', 502],
		['http503', 503],
	]) {
		await setFaults([{ endpoint: 'withdraw', kind, count: 1 }]);
		const w = withdrawal();
		const res = await call(sim, 'withdraw', w);
		assert.equal(res.status, status);
		assert.match(res.text, new RegExp(String(status)));
		assert.equal(debits(w.merchant_order_id), 0, `${kind} is not applied`);
		await ok(sim, 'withdraw', w); // the next one passes (count 1)
		assert.equal(debits(w.merchant_order_id), 1);
	}
	await setFaults([{ endpoint: 'withdraw', kind: 'http502', count: 1, apply: true }]);
	const w = withdrawal();
	assert.equal((await call(sim, 'withdraw', w)).status, 502);
	assert.equal(debits(w.merchant_order_id), 1, 'applied, then 502');
	const entry = sim.getRequests({ path: 'withdraw' }).pop();
	assert.deepEqual(
		{ fault: entry.fault, applied: entry.applied, status: entry.response.status },
		{ fault: 'http502', applied: true, status: 502 },
	);
});

test('reset_before drops the connection without applying', async () => {
	await setFaults([{ endpoint: 'withdraw', kind: 'reset_before', count: 1 }]);
	const w = withdrawal();
	const code = await transportError('withdraw', w);
	assert.match(code, /ECONNRESET|socket hang up|ERR_BAD_RESPONSE|EPIPE/i);
	assert.equal(debits(w.merchant_order_id), 0);
	assert.equal(sim.ledger().merchants[0].withdrawals.length, 0);
	const entry = sim.getRequests({ path: 'withdraw' })[0];
	assert.deepEqual(
		{ fault: entry.fault, applied: entry.applied, status: entry.response.status },
		{ fault: 'reset_before', applied: false, status: null },
	);
});

test('reset_after really applies (the withdrawal debits) and then drops the connection', async () => {
	await setFaults([{ endpoint: 'withdraw', kind: 'reset_after', count: 1 }]);
	const w = withdrawal();
	const code = await transportError('withdraw', w);
	assert.match(code, /ECONNRESET|socket hang up|EPIPE/i);
	assert.equal(debits(w.merchant_order_id), 1);
	const [info] = await ok(sim, 'bill/info', { merchant_order_ids: [w.merchant_order_id] });
	assert.equal(info.order_detail.merchant_order_id, w.merchant_order_id);
	// sending it again with the same merchant_order_id is a recognisable duplicate, never a second debit
	const again = await call(sim, 'withdraw', w);
	assert.equal(again.json.code, sim.config.errorCodes.duplicateOrder.code);
	assert.equal(debits(w.merchant_order_id), 1);
	assert.equal(sim.getRequests({ path: 'withdraw' })[0].applied, true);
});

test('timeout_after applies, then holds the socket until the client gives up', async () => {
	await setFaults([{ endpoint: 'withdraw', kind: 'timeout_after', count: 1 }]);
	const w = withdrawal();
	const code = await transportError('withdraw', w, 300);
	assert.match(code, /ECONNABORTED|timeout/i);
	assert.equal(debits(w.merchant_order_id), 1);
	assert.equal(sim.getRequests({ path: 'withdraw' })[0].fault, 'timeout_after');
});

test('timeout_after with hold_ms and respond_late answers late with the real (applied) response', async () => {
	await setFaults([
		{ endpoint: 'withdraw', kind: 'timeout_after', count: 1, hold_ms: 50, respond_late: true },
	]);
	const w = withdrawal();
	const data = await ok(sim, 'withdraw', w);
	assert.match(data.order_id, /^\d{33}$/);
	assert.equal(debits(w.merchant_order_id), 1);
	await setFaults([{ endpoint: 'withdraw', kind: 'timeout_after', count: 1, hold_ms: 50 }]);
	const w2 = withdrawal();
	assert.match(
		await transportError('withdraw', w2),
		/ECONNRESET|socket hang up/i,
		'without respond_late the socket is closed after hold_ms',
	);
	assert.equal(debits(w2.merchant_order_id), 1);
});

test('malformed_json applies and returns a truncated body (signed over those bytes)', async () => {
	await setFaults([{ endpoint: 'withdraw', kind: 'malformed_json', count: 1 }]);
	const w = withdrawal();
	const res = await call(sim, 'withdraw', w);
	assert.equal(res.status, 200);
	assert.equal(res.json, undefined, 'not parseable');
	assert.ok(res.text.startsWith('{"code":10000'));
	assert.ok(
		verify(
			sim.merchant.appId,
			sim.merchant.appSecret,
			res.headers.timestamp,
			res.text,
			res.headers.sign,
		),
	);
	assert.equal(debits(w.merchant_order_id), 1);
});

test('bad_signature applies and returns the real body with a Sign that does not verify', async () => {
	await setFaults([{ endpoint: 'withdraw', kind: 'bad_signature', count: 1 }]);
	const w = withdrawal();
	const res = await call(sim, 'withdraw', w);
	assert.equal(res.json.code, 10000);
	assert.match(res.headers.sign, /^[0-9a-f]{64}$/);
	assert.equal(
		verify(
			sim.merchant.appId,
			sim.merchant.appSecret,
			res.headers.timestamp,
			res.text,
			res.headers.sign,
		),
		false,
	);
	assert.equal(debits(w.merchant_order_id), 1);
});

test('rate_limit and service_error faults answer the error codes without applying', async () => {
	await setFaults([
		{ endpoint: 'withdraw', kind: 'rate_limit', count: 1 },
		{ endpoint: 'withdraw', kind: 'service_error', count: 1, skip: 1 },
	]);
	const w = withdrawal();
	const limited = await call(sim, 'withdraw', w);
	assert.equal(limited.json.code, sim.config.errorCodes.rateLimited.code);
	assert.match(limited.json.msg, /rate limit/);
	const service = await call(sim, 'withdraw', w);
	assert.deepEqual(service.json, { code: 224066, msg: 'service err, please try again' });
	assert.equal(debits(w.merchant_order_id), 0);
	await ok(sim, 'withdraw', w);
	await setFaults([{ endpoint: 'withdraw', kind: 'service_error', count: 1, apply: true }]);
	const w2 = withdrawal();
	assert.equal((await call(sim, 'withdraw', w2)).json.code, 224066);
	assert.equal(debits(w2.merchant_order_id), 1, 'apply:true makes 224066 ambiguous');
});

test('latency faults delay without failing, and are recorded', async () => {
	const stats = await setFaults([{ endpoint: '*', kind: 'latency', latency_ms: 30, count: 2 }]);
	assert.equal(stats.faults[0].remaining, 2);
	await ok(sim, 'coin/all', {});
	await ok(sim, 'token/rate', { amount: '1', token_id: TOKENS.BTC });
	await ok(sim, 'coin/all', {});
	const log = sim.requests;
	assert.deepEqual(
		log.map((r) => r.injectedLatencyMs || 0),
		[30, 30, 0],
	);
	assert.deepEqual(
		log.map((r) => r.fault),
		[null, null, null],
	);
	sim.config.latencyMs = 5; // the global latency used by benchmarks: still correct answers
	await ok(sim, 'coin/all', {});
});

test('faults are per endpoint, and counters report what was injected', async () => {
	await setFaults([
		{ endpoint: ['withdraw', '/ccpayment/v1/bill/create'], kind: 'http503', count: 3 },
		{ endpoint: 'coin/all', kind: 'http500', count: 1 },
	]);
	await ok(sim, 'token/rate', { amount: '1', token_id: TOKENS.BTC });
	assert.equal((await call(sim, 'withdraw', withdrawal())).status, 503);
	assert.equal(
		(
			await call(sim, 'bill/create', {
				merchant_order_id: uid('n'),
				product_price: '1',
				token_id: TOKENS.USDT_TRC20,
				denominated_currency: 'USD',
			})
		).status,
		503,
	);
	assert.equal((await call(sim, 'coin/all', {})).status, 500);
	await ok(sim, 'coin/all', {});
	const { data } = await control(sim, 'GET', '/__sim/faults');
	assert.equal(data.counters.total, 3);
	assert.deepEqual(data.counters.by_kind, { http503: 2, http500: 1 });
	assert.deepEqual(data.counters.by_endpoint, {
		withdraw: { http503: 1 },
		'bill/create': { http503: 1 },
		'coin/all': { http500: 1 },
	});
	assert.deepEqual(
		data.faults.map((f) => [f.kind, f.injected, f.remaining]),
		[
			['http503', 2, 1],
			['http500', 1, 0],
		],
	);
	assert.ok(data.kinds.includes('timeout_after'));
	const cleared = await control(sim, 'DELETE', '/__sim/faults');
	assert.deepEqual(cleared.data.faults, []);
	assert.equal(cleared.data.counters.total, 0);
	await ok(sim, 'withdraw', withdrawal());
});

test('probability faults are deterministic for a seed', async () => {
	const pattern = async (seed) => {
		await sim.reset();
		await setFaults([{ endpoint: 'coin/all', kind: 'http503', probability: 0.5 }], seed);
		const statuses = [];
		for (let i = 0; i < 24; i++) statuses.push((await call(sim, 'coin/all', {})).status);
		return statuses.map((s) => (s === 503 ? 'F' : '.')).join('');
	};
	const a = await pattern(42);
	const b = await pattern(42);
	const c = await pattern(7);
	assert.equal(a, b);
	assert.notEqual(a, c);
	assert.ok(a.includes('F') && a.includes('.'), a);
	// probability 0 never fires, with count it caps injections
	await setFaults([
		{ endpoint: '*', kind: 'http500', probability: 0 },
		{ endpoint: '*', kind: 'http502', probability: 1, count: 1 },
	]);
	assert.equal((await call(sim, 'coin/all', {})).status, 502);
	assert.equal((await call(sim, 'coin/all', {})).status, 200);
});

test('bad fault definitions are refused with 400', async () => {
	for (const faults of [
		[{ kind: 'meteor' }],
		[{ kind: 'http500', probability: 2 }],
		[{ kind: 'latency' }],
		[{ kind: 'http500', count: -1 }],
		'nope',
	]) {
		const res = await control(sim, 'POST', '/__sim/faults', { faults });
		assert.equal(res.status, 400, JSON.stringify(faults));
	}
	const appended = await control(sim, 'POST', '/__sim/faults', {
		append: true,
		faults: [{ endpoint: 'withdraw', kind: 'http500', count: 1 }],
	});
	assert.equal(appended.data.faults.length, 1);
});

test('money safety under a mixed fault campaign: each merchant_order_id is debited at most once', async () => {
	await setFaults(
		[
			{ endpoint: 'withdraw', kind: 'reset_after', probability: 0.1 },
			{ endpoint: 'withdraw', kind: 'reset_before', probability: 0.1 },
			{ endpoint: 'withdraw', kind: 'http502', probability: 0.1, apply: true },
			{ endpoint: 'withdraw', kind: 'malformed_json', probability: 0.1 },
			{ endpoint: 'withdraw', kind: 'bad_signature', probability: 0.1 },
			{ endpoint: 'withdraw', kind: 'service_error', probability: 0.1 },
		],
		3,
	);
	const ids = Array.from({ length: 30 }, () => uid('camp'));
	// A naive client: resend every ambiguous attempt with the same merchant_order_id, up to 6 times.
	for (const moid of ids) {
		for (let attempt = 0; attempt < 6; attempt++) {
			let res;
			try {
				res = await call(
					sim,
					'withdraw',
					{ merchant_order_id: moid, address: '9454818', token_id: TOKENS.USDT_TRC20, value: '1' },
					{ timeoutMs: 2000 },
				);
			} catch {
				continue;
			}
			if (
				res.json &&
				(res.json.code === 10000 || res.json.code === sim.config.errorCodes.duplicateOrder.code)
			)
				break;
		}
	}
	const ledger = sim.ledger();
	assert.deepEqual(ledger.duplicate_debits, []);
	const counts = ledger.withdrawal_debits[sim.merchant.appId];
	assert.ok(Object.values(counts).every((n) => n === 1));
	assert.ok((await control(sim, 'GET', '/__sim/faults')).data.counters.total > 0);
});
