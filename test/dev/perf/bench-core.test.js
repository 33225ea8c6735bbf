// @ts-check
'use strict';
/**
 * The pure parts of the benchmark that decide its exit code and its v2 / v1 ratios: which output
 * items count as usable, rate limited or missing, and which v1 row each v2 row is compared with.
 */
const { test } = require('node:test');
const assert = require('node:assert/strict');

const core = require('../../../dev/perf/bench-core');
const { ratios } = require('../../../dev/perf/bench-v2');

/** @param {Partial<import('../../../dev/perf/bench-core').Row>} r @returns {import('../../../dev/perf/bench-core').Row} */
const row = (r) => ({
	route: core.OURS,
	where: core.IN_PROCESS,
	op: 'token/rate',
	settings: '95 rps / 20 in flight',
	items: 3,
	ok: 3,
	rateLimitedItems: 0,
	limitErrors: 0,
	...r,
});

test('countItems: usable answers per workload, rate-limit error items apart from other failures', () => {
	const limited = { error: 'Too many requests', kind: 'rate_limited' };
	const failed = { error: 'Address invalid', kind: 'business' };
	assert.deepEqual(
		core.countItems('read', [{ recordId: '20240101' }, limited, failed, { recordId: 7 }]),
		{ items: 4, ok: 1, rateLimited: 1 },
	);
	assert.deepEqual(
		core.countItems('withdraw', [
			{ outcome: 'created' },
			{ outcome: 'already_existed' },
			{ outcome: 'unknown', kind: 'timeout' },
			limited,
		]),
		{ items: 4, ok: 2, rateLimited: 1 },
	);
	assert.deepEqual(core.countItems('rate', [{ price: '1.00' }, { price: 1 }]), {
		items: 2,
		ok: 1,
		rateLimited: 0,
	});
	assert.deepEqual(
		core.countItems('http', [
			{ code: 10000, data: { price: '1' } },
			{ code: 11007, msg: 'limit' },
		]),
		{ items: 2, ok: 1, rateLimited: 0 },
	);
	assert.deepEqual(core.countItems('read', []), { items: 0, ok: 0, rateLimited: 0 });
});

test('verdict: passes only when every run of the node gave every item a usable answer', () => {
	assert.deepEqual(core.verdict([row({}), row({ op: 'withdraw' })], 3), []);
	const where = 'n8n 2.41.1 (execute)';
	const problems = core.verdict(
		[
			row({ where, op: 'v2/getAppWithdrawRecord', items: 0, ok: 0 }),
			row({ op: 'withdraw', ok: 2, rateLimitedItems: 1 }),
			row({ op: 'v2/applyAppWithdrawToNetwork', ok: 2 }),
		],
		3,
	);
	assert.deepEqual(problems, [
		`${where} v2/getAppWithdrawRecord: 0 of 3 items came back`,
		`${core.IN_PROCESS} withdraw: 1 item(s) are rate-limit errors`,
		`${core.IN_PROCESS} v2/applyAppWithdrawToNetwork: 1 other item(s) without a usable answer`,
	]);
});

test('verdict: limit answers the node retried and the HTTP Request route are not failures', () => {
	const http = row({ route: 'B HTTP Request', ok: 1, items: 3 });
	assert.deepEqual(core.verdict([row({ limitErrors: 4 }), http], 3), []);
});

test('ratios: each v2 row against the v1 row of the same place (read vs token/rate, payout vs withdraw)', () => {
	const n8n = 'n8n 1.123.81 (execute)';
	const rows = [
		row({ op: 'token/rate', perSecond: 80 }),
		row({ op: 'withdraw', perSecond: 90 }),
		row({ where: n8n, op: 'token/rate', perSecond: 40 }),
		row({ where: n8n, op: 'withdraw', perSecond: 50 }),
		row({ op: 'v2/applyAppWithdrawToNetwork', perSecond: 45 }),
		row({ op: 'v2/getAppWithdrawRecord', perSecond: 60 }),
		row({ where: n8n, op: 'v2/getAppWithdrawRecord', perSecond: 20 }),
		row({ where: 'n8n 2.41.1 (execute)', op: 'v2/applyAppWithdrawToNetwork', perSecond: 30 }),
		row({ route: 'B HTTP Request', op: 'token/rate', perSecond: 500 }),
	];
	const got = ratios(rows).map((x) => [x.row.where, x.row.op, x.ref?.op, x.ratio]);
	assert.deepEqual(got.slice(0, 3), [
		[core.IN_PROCESS, 'v2/applyAppWithdrawToNetwork', 'withdraw', 0.5],
		[core.IN_PROCESS, 'v2/getAppWithdrawRecord', 'token/rate', 0.75],
		[n8n, 'v2/getAppWithdrawRecord', 'token/rate', 0.5],
	]);
	// No v1 row measured in that n8n: no reference, no ratio.
	assert.equal(got[3][2], undefined);
	assert.ok(Number.isNaN(got[3][3]));
});
