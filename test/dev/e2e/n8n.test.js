// @ts-check
'use strict';
const { test } = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { N8nInstance } = require('../../../dev/e2e/lib/n8n');

/**
 * A stand-in for n8n's public executions API whose answers follow a script: each GET returns the next
 * list (the last one repeats), as n8n lists a run before its data is saved.
 * @param {any[][]} lists
 */
async function executionsApi(lists) {
	let calls = 0;
	const server = http.createServer((req, res) => {
		const list = lists[Math.min(calls++, lists.length - 1)];
		res.setHeader('Content-Type', 'application/json');
		res.end(JSON.stringify({ data: list, nextCursor: null }));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const port = /** @type {import('net').AddressInfo} */ (server.address()).port;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-lib-'));
	const n8n = new N8nInstance({
		runtime: /** @type {any} */ ({ version: 'test', major: 1 }),
		userFolder: dir,
		port,
		brokerPort: 0,
		logFile: path.join(dir, 'log'),
	});
	n8n.apiKey = 'key';
	const close = () => {
		server.close();
		fs.rmSync(dir, { recursive: true, force: true });
	};
	return { n8n, close, calls: () => calls };
}

const running = { id: '3', status: 'running', finished: false, data: {} };
const done = (/** @type {string} */ id) => ({
	id,
	status: 'success',
	finished: true,
	data: { resultData: { runData: { Trigger: [] } } },
});

test('settledExecutions waits past a run that is listed but still running', async () => {
	const api = await executionsApi([
		[running, done('2'), done('1')],
		[running, done('2'), done('1')],
		[done('3'), done('2'), done('1')],
	]);
	try {
		const list = await api.n8n.settledExecutions('wf', 3, { timeoutMs: 5000, stableMs: 10 });
		assert.deepStrictEqual(
			list.map((e) => e.status),
			['success', 'success', 'success'],
		);
		assert.ok(api.calls() >= 3);
	} finally {
		api.close();
	}
});

test('settledExecutions counts a run that arrives after the expected number', async () => {
	const api = await executionsApi([[done('1')], [done('1')], [done('2'), done('1')]]);
	try {
		const list = await api.n8n.settledExecutions('wf', 1, { timeoutMs: 5000, stableMs: 10 });
		assert.strictEqual(list.length, 2);
	} finally {
		api.close();
	}
});

test('settledExecutions returns what is there when time runs out', async () => {
	const api = await executionsApi([[running]]);
	try {
		const list = await api.n8n.settledExecutions('wf', 2, { timeoutMs: 300, stableMs: 5 });
		assert.deepStrictEqual(list, [running]);
	} finally {
		api.close();
	}
});
