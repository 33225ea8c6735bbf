// @ts-check
/**
 * `npm test`: everything CI checks, in order, with one summary line at the end.
 *   build -> typecheck -> verification gates -> unit + integration tests (node:test, against the
 *   simulator and n8n-core) -> end-to-end suite in real n8n 1.x and 2.x -> queue mode (Redis, Postgres,
 *   workers, webhook processor) in both versions -> the editor in real Chromium (credentials, the
 *   action node, the trigger; n8n 1.x and 2.x) -> webhook fuzz (1,000 hostile deliveries to the
 *   triggers of both API versions in real n8n 1.x and 2.x). Each step's time is printed in the summary.
 * Flags: --skip-e2e (or CCPAYMENT_SKIP_E2E=1) skips every real-n8n step, for a quick local run;
 * --only=<step,...>.
 * Each step's own checks are counted; a step that crashes counts as one failure.
 */
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { parseArgs } = require('util');

const ROOT = path.resolve(__dirname, '..');
const { values: args } = parseArgs({
	options: { 'skip-e2e': { type: 'boolean' }, only: { type: 'string' } },
});
const skipE2e = !!args['skip-e2e'] || process.env.CCPAYMENT_SKIP_E2E === '1';
const only = (args.only ?? '').split(',').filter(Boolean);

function testFiles() {
	const dir = path.join(ROOT, 'test');
	return fs
		.readdirSync(dir, { recursive: true })
		.map(String)
		.filter((f) => f.endsWith('.test.js'))
		.sort()
		.map((f) => path.join('test', f));
}

/** @typedef {{ name: string, cmd: string, argv: string[], parse: string, timeoutMin?: number }} Step */
/** @type {Step[]} */
const steps = [
	{ name: 'build', cmd: 'npm', argv: ['run', 'build'], parse: 'none', timeoutMin: 5 },
	{ name: 'typecheck', cmd: 'npm', argv: ['run', 'typecheck'], parse: 'none', timeoutMin: 5 },
	{
		name: 'gates',
		cmd: process.execPath,
		argv: ['scripts/gates.js'],
		parse: 'summary-line',
		timeoutMin: 10,
	},
	// Explicit file list: Node 20 would otherwise also run every helper module under test/ as a test.
	{
		name: 'tests',
		cmd: process.execPath,
		argv: ['--test', '--test-reporter=tap', ...testFiles()],
		parse: 'node-test',
		timeoutMin: 20,
	},
	{
		name: 'e2e',
		cmd: process.execPath,
		argv: ['scripts/e2e/run.js'],
		parse: 'summary-line',
		timeoutMin: 40,
	},
	{
		name: 'queue',
		cmd: process.execPath,
		argv: ['scripts/test-queue.js'],
		parse: 'summary-line',
		timeoutMin: 40,
	},
	// A failed editor check names its screenshot, kept in the temp folder the step prints.
	{
		name: 'ui',
		cmd: process.execPath,
		argv: ['scripts/test-ui.js'],
		parse: 'summary-line',
		timeoutMin: 40,
	},
	// The webhook fuzz in real n8n, CI size: 1,000 deliveries on each n8n version, 500 per trigger
	// version (npm run fuzz sends 10,000 per trigger version).
	{
		name: 'fuzz',
		cmd: process.execPath,
		argv: ['scripts/fuzz.js', '--count', '500', '--n8n', 'both', '--bench', '50', '--rounds', '1'],
		parse: 'summary-line',
		timeoutMin: 40,
	},
].filter((s) =>
	only.length
		? only.includes(s.name)
		: !(skipE2e && ['e2e', 'queue', 'ui', 'fuzz'].includes(s.name)),
);

/** @param {Step} step @returns {Promise<{code: number, output: string, seconds: number}>} */
function run(step) {
	return new Promise((resolve) => {
		const started = Date.now();
		const child = spawn(step.cmd, step.argv, {
			cwd: ROOT,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: process.env,
			detached: true,
		});
		let output = '';
		// A hung step (e.g. a test file whose process never exits) must not eat CI's whole budget:
		// kill its process group (SIGTERM lets the e2e suite stop n8n by PID first) and count a failure.
		const limitMs = (step.timeoutMin ?? 30) * 60_000;
		const timer = setTimeout(() => {
			output += `\n${step.name} exceeded ${step.timeoutMin ?? 30} minutes and was stopped\n`;
			console.error(`\n!!! ${step.name} exceeded ${step.timeoutMin ?? 30} minutes; stopping it`);
			try {
				process.kill(-(child.pid ?? 0), 'SIGTERM');
				setTimeout(() => {
					try {
						process.kill(-(child.pid ?? 0), 'SIGKILL');
					} catch {
						// the group already exited after SIGTERM
					}
				}, 15_000).unref();
			} catch {
				// the step exited between the timer firing and the kill
			}
		}, limitMs);
		child.stdout.on('data', (d) => {
			output += d;
			process.stdout.write(d);
		});
		child.stderr.on('data', (d) => {
			output += d;
			process.stderr.write(d);
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code: code ?? 1, output, seconds: (Date.now() - started) / 1000 });
		});
	});
}

/** @param {Step} step @param {{code: number, output: string}} r @returns {{passed: number, failed: number}} */
function count(step, r) {
	if (step.parse === 'node-test') {
		const pass = [...r.output.matchAll(/^# pass (\d+)$/gm)].pop();
		const fail = [...r.output.matchAll(/^# fail (\d+)$/gm)].pop();
		if (pass && fail) {
			const failed = Number(fail[1]) + (r.code !== 0 && Number(fail[1]) === 0 ? 1 : 0);
			return { passed: Number(pass[1]), failed };
		}
	}
	if (step.parse === 'summary-line') {
		const line = [...r.output.matchAll(/^(\d+) passed, (\d+) failed$/gm)].pop();
		if (line) {
			const failed = Number(line[2]) + (r.code !== 0 && Number(line[2]) === 0 ? 1 : 0);
			return { passed: Number(line[1]), failed };
		}
	}
	return r.code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

async function main() {
	let passed = 0;
	let failed = 0;
	const summary = [];
	for (const step of steps) {
		console.log(
			`\n=== ${step.name}: ${[step.cmd === process.execPath ? 'node' : step.cmd, ...step.argv].join(' ')}`,
		);
		const r = await run(step);
		const c = count(step, r);
		passed += c.passed;
		failed += c.failed;
		summary.push(
			`${step.name.padEnd(10)} ${c.failed ? 'FAIL' : 'ok  '} ${String(c.passed).padStart(4)} passed ${String(c.failed).padStart(3)} failed  ${r.seconds.toFixed(1)}s`,
		);
		if (step.name === 'build' && r.code !== 0) break; // nothing else can run without dist/
	}
	console.log('\n=== summary');
	for (const line of summary) console.log(line);
	if (skipE2e) console.log('(real-n8n steps skipped: e2e, queue, ui, fuzz)');
	console.log(`${passed} passed, ${failed} failed`);
	process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
	console.error(error);
	console.log('0 passed, 1 failed');
	process.exitCode = 1;
});
