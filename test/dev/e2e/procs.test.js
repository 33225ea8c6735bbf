// @ts-check
'use strict';
const { test } = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const procs = require('../../../dev/e2e/lib/procs');

test('run with stdoutFile returns every byte a process printed right before process.exit', async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'procs-'));
	const file = path.join(dir, 'out.txt');
	const script =
		"process.stdout.write('x'.repeat(4 * 1024 * 1024) + 'END'); process.stderr.write('err'); process.exit(3)";
	const r = await procs.run('printer', process.execPath, ['-e', script], { stdoutFile: file });
	assert.strictEqual(r.code, 3);
	assert.strictEqual(r.stdout.length, 4 * 1024 * 1024 + 3);
	assert.ok(r.stdout.endsWith('END'));
	assert.strictEqual(r.stderr, 'err');
	assert.strictEqual(procs.runningCount(), 0);
	fs.rmSync(dir, { recursive: true, force: true });
});
