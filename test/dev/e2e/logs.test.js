// @ts-check
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { checkLogs } = require('../../../dev/e2e/lib/logs');

const section = (/** @type {string} */ header, /** @type {string[]} */ lines) =>
	`\n===== ${header} =====\n${lines.join('\n')}\n`;

test('checkLogs: a problem near this package is reported with the section it came from', () => {
	const log =
		section('n8n 2 execute --id=a (exit 0; result in a.json)', ['all fine']) +
		section('n8n 2 execute --id=b (exit 1; result in b.json)', [
			'CCPayment rejected the request (code 229906)',
			'Execution error:',
		]);
	const problems = checkLogs(log, []);
	assert.equal(problems.length, 1);
	assert.match(
		problems[0],
		/^line \d+ \(in: n8n 2 execute --id=b \(exit 1; result in b\.json\)\): Execution error:$/,
	);
});

test('checkLogs: sections expected to fail are skipped, other sections still scanned', () => {
	const failing = section('n8n 2 execute --id=payout (exit 1; result in p.json)', [
		'CCPayment rejected the request (code 229906)',
		'Execution error:',
		'====================================',
	]);
	const other = section('n8n 2 start (port 1)', ['Error in ccpayment trigger']);
	assert.deepEqual(checkLogs(failing, [], [/ execute --id=payout \(exit [1-9]/]), []);
	assert.equal(checkLogs(failing + other, [], [/ execute --id=payout \(exit [1-9]/]).length, 1);
	// Folder names that contain "ccpayment" say nothing about the package.
	assert.deepEqual(
		checkLogs('\nerror reading /tmp/ccpayment-e2e-x/file\n', ['/tmp/ccpayment-e2e-x']),
		[],
	);
});
