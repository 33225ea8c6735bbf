// @ts-check
'use strict';
/**
 * The benchmark reads `n8n execute`'s result from its stdout. A process that prints a large result
 * and exits at once, while the reader is busy, must still leave all of it (n8n 2.x's 1,000-item
 * read result came back cut off through a pipe, so the run looked like 0 items).
 */
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { spawnToFile } = require('../../../dev/perf/n8n-bench');

/** Blocks this process's event loop until the child has exited (a zombie not yet reaped). @param {number} pid */
function busyUntilExited(pid) {
	const deadline = Date.now() + 30000;
	while (Date.now() < deadline) {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return;
	}
	throw new Error('the child did not exit');
}

test('spawnToFile keeps all of a large stdout printed just before process.exit()', async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccpayment-spawn-to-file-'));
	try {
		const size = 3 * 1024 * 1024;
		const script = `process.stdout.write('{' + 'x'.repeat(${size - 2}) + '}'); process.exit(0);`;
		const outFile = path.join(dir, 'out.txt');
		const { pid, exited } = spawnToFile(
			'big printer',
			process.execPath,
			['-e', script],
			{},
			outFile,
		);
		busyUntilExited(pid);
		assert.equal(await exited, 0);
		assert.equal(fs.statSync(outFile).size, size);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
});
