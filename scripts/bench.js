// @ts-check
'use strict';
/**
 * Throughput benchmark (prints figures; exit 1 when an item of this package's node is missing, is
 * not a usable answer or is a rate-limit error; 2 when it crashed; never on a timing).
 *
 *   node scripts/bench.js [--items 1000] [--latency-ms 100] [--rps 95] [--concurrency 20]
 *                         [--skip-n8n] [--n8n 1|2|both] [--no-defaults] [--keep] [--install] [--api v1|v2]
 *
 * --n8n defaults to 1 for v1 and to both (one after the other) for v2.
 *
 * Needs a build (dist/). The simulator runs in this process with --latency-ms added to every API
 * request and its rate limit ON at CCPayment's 100 requests/s per IP, so any overrun shows up as
 * limit errors. The node runs with maxRequestsPerSecond = --rps and maxConcurrentRequests =
 * --concurrency, in-process (dev/n8n harness, in a child process) and in real n8n (1.123.81 and/or
 * 2.41.1 from the e2e cache, `n8n execute`).
 *
 * --api v1 (dev/perf/bench-v1.js): Coin > Get Rate and Withdrawal > Create; in real n8n also the
 * HTTP Request node + Code signing route for comparison. --api v2 (dev/perf/bench-v2.js): network
 * withdrawals and getAppWithdrawRecord reads of the same order IDs, and v1's figures in the same
 * places for the ratio.
 */
const { parseArgs } = require('node:util');

const procs = require('../dev/e2e/lib/procs');
const { startSimulator } = require('../simulator');
const common = require('../dev/perf/common');
const core = require('../dev/perf/bench-core');
const { formatTable } = require('../dev/perf/bench-table');
const benchV1 = require('../dev/perf/bench-v1');
const benchV2 = require('../dev/perf/bench-v2');

const { values: args } = parseArgs({
	options: {
		items: { type: 'string' },
		count: { type: 'string' }, // older name of --items
		'latency-ms': { type: 'string' },
		rps: { type: 'string' },
		concurrency: { type: 'string' },
		'rate-limit': { type: 'string' },
		n8n: { type: 'string' },
		'skip-n8n': { type: 'boolean' },
		'no-defaults': { type: 'boolean' },
		install: { type: 'boolean' },
		keep: { type: 'boolean' },
		api: { type: 'string' },
		help: { type: 'boolean' },
	},
});
/** @param {string} m */
const say = (m) => process.stdout.write(`${m}\n`);
if (args.help) {
	say(
		'node scripts/bench.js [--api v1|v2] [--items 1000] [--latency-ms 100] [--rps 95] [--concurrency 20]\n' +
			'  [--rate-limit 100] [--n8n 1|2|both] [--skip-n8n] [--no-defaults] [--keep] [--install]',
	);
	process.exit(0);
}
const API = String(args.api ?? 'v1');
if (API !== 'v1' && API !== 'v2') throw new Error(`--api must be v1 or v2 (got ${API})`);
const COUNT = common.numberArg(
	args,
	'items',
	common.numberArg(args, 'count', 1000, { min: 1, integer: true }),
	{ min: 1, max: 100000, integer: true },
);
const LATENCY = common.numberArg(args, 'latency-ms', 100, { min: 0, max: 10000 });
const RPS = common.numberArg(args, 'rps', 95, { min: 1, max: 100, integer: true });
const CONCURRENCY = common.numberArg(args, 'concurrency', 20, { min: 1, max: 100, integer: true });
const RATE_LIMIT = common.numberArg(args, 'rate-limit', 100, { min: 0, integer: true });
// v2's figures are wanted from both n8n versions; v1's real-n8n runs (with route B) take longer.
const which = String(args.n8n ?? (API === 'v2' ? 'both' : '1'));
/** @type {import('../dev/perf/bench-v1').Config} */
const cfg = {
	count: COUNT,
	tuned: { maxRequestsPerSecond: RPS, maxConcurrentRequests: CONCURRENCY },
	tunedLabel: `${RPS} rps / ${CONCURRENCY} in flight`,
	defaults: !args['no-defaults'],
	versions: args['skip-n8n'] ? [] : which === 'both' ? [1, 2] : which === '2' ? [2] : [1],
};
const cleanup = procs.cleanupOnExit();
/** @type {ReturnType<typeof core.createBench> | undefined} */
let bench;

/** @param {ReturnType<typeof core.createBench>} run */
function report(run) {
	say('');
	say(
		`Benchmark (--api ${API}): ${COUNT} items per run, simulator latency ${LATENCY} ms per request, simulator rate limit ${RATE_LIMIT || 'off'} req/s per IP`,
	);
	say(`Node settings "tuned": ${cfg.tunedLabel}; "defaults": 50 / 10`);
	say('');
	say(formatTable(run.rows));
	say('');
	for (const line of API === 'v2' ? benchV2.summary(run.rows) : benchV1.summary(run.rows, cfg))
		say(line);
	if (run.notes.length) {
		say('');
		say('Notes:');
		for (const n of run.notes) say(`  - ${n}`);
	}
	const problems = core.verdict(run.rows, COUNT);
	say('');
	say(
		problems.length
			? 'FAILED:'
			: 'Every item of every run through the node: a usable answer, none rate limited.',
	);
	for (const p of problems) say(`  - ${p}`);
	return problems.length ? 1 : 0;
}

async function main() {
	if (!common.distReady()) throw new Error('dist/ is missing: build first (npm run bench builds)');
	const sim = await startSimulator({
		port: 0,
		latencyMs: LATENCY,
		rateLimit: { perSecond: RATE_LIMIT },
		requestLogLimit: Math.max(10000, COUNT * 3),
	});
	cleanup.add(() => sim.stop());
	say(
		`simulator ${sim.url} (latency ${LATENCY} ms, rate limit ${RATE_LIMIT || 'off'}/s); ${COUNT} items per run`,
	);
	bench = core.createBench({
		sim,
		latencyMs: LATENCY,
		count: COUNT,
		say,
		keep: !!args.keep,
		install: !!args.install,
		cleanup,
	});
	await (API === 'v2' ? benchV2 : benchV1).run(bench, cfg, say);
	bench.stop();
	return report(bench);
}

main()
	.then(async (code) => {
		await cleanup.run();
		process.exit(code);
	})
	.catch(async (error) => {
		process.stderr.write(`bench crashed: ${error && error.stack ? error.stack : error}\n`);
		if (bench?.rows.length) report(bench);
		await cleanup.run();
		process.exit(2);
	});
