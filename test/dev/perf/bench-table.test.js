// @ts-check
'use strict';
/** The benchmark's table: one line a row, figures formatted, '-' where a place has no such figure. */
const { test } = require('node:test');
const assert = require('node:assert/strict');

const { formatTable, resultsPerSecond, LEGEND } = require('../../../dev/perf/bench-table');

const row = {
	route: 'A ours',
	where: 'n8n 2.41.1 (execute)',
	op: 'v2/getAppWithdrawRecord',
	settings: '95 rps / 20 in flight',
	items: 1000,
	ok: 998,
	rateLimitedItems: 2,
	limitErrors: 5,
	windowMs: 12500,
	perSecond: 80,
	serverP50: 101.4,
	serverP99: 192,
	nodeMs: 12840,
	peakRssKb: 512000,
	groupPeakKb: 655360,
};

test('formatTable: header, rule, one line a row, then the legend', () => {
	const lines = formatTable([row]).split('\n');
	const cells = lines[2].split(/\s{2,}/);
	assert.deepEqual(cells, [
		'A ours',
		'n8n 2.41.1 (execute)',
		'v2/getAppWithdrawRecord',
		'95 rps / 20 in flight',
		'998/1000',
		'12.50 s',
		'80.0',
		'-',
		'77.7',
		'-',
		'101 ms',
		'192 ms',
		'-',
		'-',
		'5',
		'2',
		'500 MB (group 640 MB)',
		'-',
		'12.84 s',
		'-',
	]);
	assert.equal(lines[0].split(/\s{2,}/).length, cells.length);
	assert.deepEqual(lines.slice(4), LEGEND);
});

test('resultsPerSecond: usable items per second of node time, NaN without a node time', () => {
	assert.equal(resultsPerSecond(row), (998 / 12840) * 1000);
	assert.ok(Number.isNaN(resultsPerSecond({ ...row, nodeMs: undefined })));
});
