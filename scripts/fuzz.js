// @ts-check
'use strict';
/**
 * Webhook fuzz: hostile deliveries to an active CCPayment Trigger in real n8n (dev/fuzz/).
 *
 *   node scripts/fuzz.js [--count 10000] [--concurrency 16] [--n8n 1|2|both] [--seed 1]
 *                        [--bench 300] [--rounds 2] [--no-prove-limit] [--keep] [--cpu-prof <dir>]
 *
 * --count is per API version: each n8n (both by default, one at a time) gets a storm of that many on
 * its v1 trigger and as many on its v2 trigger. --cpu-prof writes a V8 CPU profile of each n8n main
 * process into <dir> when it stops (open it in Chrome DevTools' Performance panel).
 *
 * Prints the per-kind table (sent, runs, refusals, HTTP statuses, who answered), deliveries/s, n8n's
 * peak RSS, the 5 valid deliveries after the storm, the trigger-vs-Webhook-node throughput and the
 * oversize-body finding. Needs a build (dist/); `npm run fuzz` builds first. Last line:
 * `N passed, N failed`.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { parseArgs } = require('util');

const procs = require('../dev/e2e/lib/procs');
const { ensureN8n } = require('../dev/e2e/lib/install');
const { packPackage } = require('../dev/e2e/lib/pkg');
const { Checks } = require('../dev/e2e/lib/report');
const { distPath } = require('../dev/dist');
const { fuzzVersion } = require('../dev/fuzz/run');

const { values: args } = parseArgs({
	options: {
		count: { type: 'string' },
		concurrency: { type: 'string' },
		n8n: { type: 'string' },
		seed: { type: 'string' },
		bench: { type: 'string' },
		rounds: { type: 'string' },
		'no-prove-limit': { type: 'boolean' },
		keep: { type: 'boolean' },
		'cpu-prof': { type: 'string' },
	},
});
const count = Number(args.count ?? 10000);
const which = args.n8n ?? 'both';
/** @type {Array<1 | 2>} */
const versions = which === '2' ? [2] : which === 'both' ? [1, 2] : [1];

const checks = new Checks();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ccpayment-fuzz-'));
const cleanup = procs.cleanupOnExit();
cleanup.add(() => {
	if (args.keep) process.stdout.write(`kept ${tmp}\n`);
	else fs.rmSync(tmp, { recursive: true, force: true });
});

async function main() {
	if (!fs.existsSync(distPath('credential')))
		throw new Error('dist/ is missing: run `npm run build` first (npm run fuzz does)');
	const npmCache = path.join(tmp, 'npm-cache');
	const [installs, pack] = await Promise.all([
		ensureN8n({ versions, log: (m) => process.stdout.write(`   ${m}\n`) }),
		packPackage(path.join(tmp, 'pack'), npmCache),
	]);
	// One version at a time: the figures are per n8n, and 2 shared cores cannot run two storms fairly.
	for (const v of versions) {
		const runtime = v === 1 ? installs.v1 : installs.v2;
		const tag = `n8n ${runtime.major}`;
		process.stdout.write(`\n=== fuzz, ${tag} (${runtime.version}), v1 and v2 triggers\n`);
		await fuzzVersion({
			runtime,
			pack,
			dir: path.join(tmp, `v${v}`),
			npmCache,
			count,
			concurrency: Number(args.concurrency ?? 16),
			benchCount: Number(args.bench ?? Math.min(300, Math.max(50, Math.round(count / 20)))),
			benchRounds: Number(args.rounds ?? 2),
			proveLimit: !args['no-prove-limit'],
			cpuProfDir: args['cpu-prof'] && path.resolve(args['cpu-prof'], `n8n${v}`),
			seed: Number(args.seed ?? 1),
			ok: (label, cond, detail) => checks.ok(`[${tag}] ${label}`, cond, detail),
			say: (line) => process.stdout.write(`  ${line}\n`),
			onStarted: (stop) => cleanup.add(stop),
		}).catch((e) => checks.crash(`[${tag}] fuzz aborted`, e));
	}
}

main()
	.catch((e) => checks.crash('fuzz aborted', e))
	.finally(async () => {
		await cleanup.run();
		process.stdout.write(`\n${checks.passed} passed, ${checks.failed} failed\n`);
		process.exit(checks.failed ? 1 : 0);
	});
