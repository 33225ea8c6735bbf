// @ts-check
'use strict';
/**
 * Throughput benchmark (not a test; prints figures; exit code 0 unless something crashed).
 *
 *   node scripts/bench.js [--items 1000] [--latency-ms 100] [--rps 95] [--concurrency 20]
 *                         [--skip-n8n] [--n8n 1|2|both] [--no-defaults] [--keep] [--api v1|v2]
 *
 * Needs a build (dist/). The simulator runs in this process with `latencyMs` = --latency-ms added to
 * every API request and its rate limit ON at CCPayment's 100 requests/s per IP, so any overrun shows
 * up as limit errors in its request log.
 *
 * Route A (this package): --items Coin > Get Rate items, then --items Withdrawal > Create items
 * (unique merchant_order_ids, to a Cwallet ID), through the CCPayment node with
 * maxRequestsPerSecond = --rps and maxConcurrentRequests = --concurrency:
 *   - in-process, through the n8n-core harness (a child process, so its peak RSS is the node's);
 *   - in real n8n (1.123.81 and/or 2.41.1 from the e2e cache) when installed: Manual Trigger -> Code
 *     (N items) -> CCPayment, run with `n8n execute --id`.
 *   Also the node's defaults (50 req/s, 10 in flight) in-process, for Get Rate (skip: --no-defaults).
 * Route B (what users do today, real n8n only): Code node signing each item with require('crypto')
 * -> HTTP Request node with default settings, token/rate for the same items.
 *
 * Figures: "window" = first request received by the simulator -> last response finished (excludes
 * n8n's boot); req/s = answered requests / window; server p50/p99 = per request, from the
 * simulator's HTTP server receiving it to finishing the answer (includes the added latency);
 * client p50/p99 (in-process only) = from the request leaving axios to the end of the response body.
 * Peak RSS = VmHWM of the process running the node (n8n execute, or the harness child).
 *
 * --api v2: --items v2 network withdrawals (Withdrawal > Withdraw to Address) and then --items
 * Withdrawal > Get (getAppWithdrawRecord) of the same order IDs, node version 2, in-process and in
 * real n8n; the same v1 runs in-process (token/rate, withdraw) give the ratio v2 / v1.
 */
const path = require('node:path');
const { parseArgs } = require('node:util');
const { performance } = require('node:perf_hooks');

const procs = require('../dev/e2e/lib/procs');
const { startSimulator } = require('../simulator');
const common = require('../dev/perf/common');
const workloads = require('../dev/perf/workloads');
const n8nBench = require('../dev/perf/n8n-bench');
const workloadsV2 = require('../dev/perf/workloads-v2');

const { fmtMs, fmtNum, fmtMb } = common;

/** @typedef {ReturnType<typeof import('../dev/perf/common').serverProbe>} Probe */

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
	},
});
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
const which = String(args.n8n ?? '1');
/** @type {Array<1 | 2>} */
const VERSIONS = args['skip-n8n'] ? [] : which === 'both' ? [1, 2] : which === '2' ? [2] : [1];
const TUNED = { maxRequestsPerSecond: RPS, maxConcurrentRequests: CONCURRENCY };
const TUNED_LABEL = `${RPS} rps / ${CONCURRENCY} in flight`;
/** What a user who read "100 requests per second" would put in the HTTP Request node's Batching option. */
const HTTP_BATCHING = { batchSize: 100, batchInterval: 1000 };
const TARGET_RPS = 90;
const TARGET_RATIO = 4;

/** @param {string} m */
const say = (m) => process.stdout.write(`${m}\n`);

/**
 * @typedef {{ route: string, where: string, op: string, settings: string, items: number, ok: number,
 *   windowMs?: number, perSecond?: number, goodPerSecond?: number, serverP50?: number, serverP99?: number,
 *   clientP50?: number, clientP99?: number, limitErrors: number, peakRssKb?: number, groupPeakKb?: number,
 *   nodeMs?: number, processMs?: number, duplicates?: number, maxPerSecondWindow?: number, cpuMs?: number, first?: number, last?: number }} Row
 */

/** @type {Row[]} */
const rows = [];
/** @type {string[]} */
const notes = [];

/** @type {import('../simulator').Simulator | undefined} */
let sim;
/** @type {ReturnType<typeof common.limiterTrace> | undefined} */
let trace;
const cleanup = procs.cleanupOnExit();
cleanup.add(() => sim?.stop());

/**
 * Simulator figures for the run just finished.
 * @param {Probe} probe
 * @param {string} endpoint
 * @param {string} label for notes
 */
function simFigures(probe, endpoint, label) {
	if (!sim) throw new Error('no simulator');
	if (!trace) throw new Error('no trace');
	const s = probe.summary(endpoint);
	const a = trace.analyse(LATENCY);
	if (a.rejections.length) {
		const shown = a.rejections
			.slice(0, 5)
			.map(
				(r) =>
					`#${r.index + 1}: ${r.acceptedBefore} accepted in the 1 s before its check, ${r.receivedBefore} received in the 1 s before its arrival, checked ${fmtNum(r.lateMs)} ms late`,
			);
		notes.push(
			`${label}: ${a.rejections.length} limit error(s). Max requests received in any 1 s: ${a.maxReceivedPerWindow}; max accepted in any 1 s: ${a.maxAcceptedPerWindow}; simulator timers up to ${fmtNum(a.maxCheckLateMs)} ms late; simulator event-loop delay max ${fmtNum(a.maxLoopDelayMs)} ms. ${shown.join('; ')}`,
		);
	}
	const entries = sim.getRequests({ path: endpoint });
	const good = entries.filter((e) => e.response?.code === 10000).length;
	return {
		windowMs: s.windowMs,
		perSecond: s.perSecond,
		goodPerSecond: s.windowMs ? (good / s.windowMs) * 1000 : undefined,
		serverP50: s.p50,
		serverP99: s.p99,
		limitErrors: common.limitErrors(sim),
		requests: s.requests,
		maxPerSecondWindow: a.maxReceivedPerWindow,
		first: s.first,
		last: s.last,
	};
}

/**
 * Duplicate debits and debit count for this run's merchant_order_ids.
 * @param {string} prefix @param {string} [appId] default: the v1 merchant
 */
function ledgerCheck(prefix, appId) {
	if (!sim) throw new Error('no simulator');
	const id = appId ?? sim.merchant.appId;
	const ledger = sim.ledger(id);
	const byMerchant = /** @type {Record<string, Record<string, number>>} */ (
		ledger.withdrawal_debits
	);
	const debits = byMerchant[id] ?? {};
	const mine = Object.entries(debits).filter(([id]) => id.startsWith(`${prefix}-`));
	return { debited: mine.length, duplicates: mine.filter(([, n]) => n > 1).length };
}

async function freshSimulator() {
	if (!sim) throw new Error('no simulator');
	await sim.reset({ keepConfig: true });
	// Let any straggling connection of the previous run close before measuring again.
	await new Promise((r) => setTimeout(r, 300));
}

/**
 * Route A in-process: a harness child process.
 * @param {Probe} probe
 * @param {'rate' | 'withdraw'} op
 * @param {Record<string, number>} options
 * @param {string} settings label
 */
async function inProcess(probe, op, options, settings) {
	if (!sim) throw new Error('no simulator');
	await freshSimulator();
	probe.reset();
	trace?.reset();
	const prefix = `bench-${op}-${Date.now().toString(36)}`;
	const spec = {
		simUrl: sim.url,
		appId: sim.merchant.appId,
		appSecret: sim.merchant.appSecret,
		op,
		count: COUNT,
		prefix,
		options,
	};
	const r = await procs.run('harness worker', process.execPath, [common.HARNESS_WORKER], {
		env: { ...process.env, CCPAYMENT_BENCH_SPEC: JSON.stringify(spec) },
		timeoutMs: 30 * 60 * 1000,
	});
	if (r.code !== 0)
		throw new Error(
			`harness worker failed (exit ${r.code}): ${r.stderr.trim().split('\n').slice(-10).join('\n')}`,
		);
	const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}');
	const endpoint = op === 'rate' ? 'token/rate' : 'withdraw';
	const f = simFigures(probe, endpoint, `in-process ${endpoint} (${settings})`);
	const ledger = op === 'withdraw' ? ledgerCheck(prefix) : undefined;
	if (out.errors)
		notes.push(
			`in-process ${op} (${settings}): ${out.errors} item(s) failed, e.g. ${out.firstError}`,
		);
	if (ledger && ledger.debited !== out.ok)
		notes.push(`in-process withdraw: ${out.ok} items created but ${ledger.debited} debited`);
	rows.push({
		route: 'A ours',
		where: 'in-process (n8n-core harness)',
		op: endpoint,
		settings,
		items: out.items,
		ok: out.ok,
		...f,
		clientP50: out.client.p50,
		clientP99: out.client.p99,
		peakRssKb: out.peakRssKb,
		cpuMs: out.cpuMs,
		nodeMs: out.wallMs,
		duplicates: ledger?.duplicates,
	});
}

/**
 * Real n8n: route A (both workloads) and route B.
 * @param {Probe} probe
 * @param {1 | 2} major
 */
async function realN8n(probe, major) {
	if (!sim) throw new Error('no simulator');
	if (!n8nBench.installed(major) && !args.install) {
		notes.push(
			`real n8n ${major}.x is not installed in the e2e cache (${path.join('~', '.cache', 'ccpayment-e2e')}); run \`npm run test:e2e\` once or pass --install. Route B and the real-n8n rows were skipped.`,
		);
		return;
	}
	say(`\nreal n8n ${major}.x: installing the packed package into a throwaway user folder ...`);
	const env = await n8nBench.prepare({ major, sim, log: (m) => say(`  ${m}`), keep: !!args.keep });
	cleanup.add(() => env.cleanup());
	const tag = Date.now().toString(36);
	const ids = {
		rate: `ccpBenchRate${major}01`,
		withdraw: `ccpBenchWdrw${major}01`,
		http: `ccpBenchHttp${major}01`,
		httpBatched: `ccpBenchHtBt${major}01`,
	};
	const prefix = `bench-n8n${major}-${tag}`;
	await env.importWorkflows([
		workloads.nodeWorkflow({
			id: ids.rate,
			op: 'rate',
			count: COUNT,
			prefix,
			options: TUNED,
			type: env.type,
			credentials: env.credentials,
			continueOnFail: true,
		}),
		workloads.nodeWorkflow({
			id: ids.withdraw,
			op: 'withdraw',
			count: COUNT,
			prefix,
			options: TUNED,
			type: env.type,
			credentials: env.credentials,
			continueOnFail: true,
		}),
		workloads.httpWorkflow({
			id: ids.http,
			count: COUNT,
			simUrl: sim.url,
			merchant: sim.merchant,
			httpVersion: env.httpVersion,
		}),
		workloads.httpWorkflow({
			id: ids.httpBatched,
			count: COUNT,
			simUrl: sim.url,
			merchant: sim.merchant,
			httpVersion: env.httpVersion,
			batching: HTTP_BATCHING,
		}),
	]);
	const where = `n8n ${env.runtime.version} (execute)`;
	for (const op of /** @type {const} */ (['rate', 'withdraw', 'http', 'httpBatched'])) {
		await freshSimulator();
		probe.reset();
		trace?.reset();
		say(`  ${where}: ${op} ...`);
		const x = await env.execute(ids[op]);
		const http = op === 'http' || op === 'httpBatched';
		const endpoint = op === 'withdraw' ? 'withdraw' : 'token/rate';
		const routeLabel =
			op === 'http'
				? 'HTTP Request route'
				: op === 'httpBatched'
					? 'HTTP Request route with Batching'
					: endpoint;
		const f = simFigures(probe, endpoint, `${where} ${routeLabel}`);
		const items = x.node?.items ?? [];
		const ok =
			op === 'withdraw'
				? items.filter((j) => j.outcome === 'created' || j.outcome === 'already_existed').length
				: op === 'rate'
					? items.filter((j) => typeof j.price === 'string').length
					: items.filter((j) => j.code === 10000 && j.data && typeof j.data.price === 'string')
							.length;
		if (x.code !== 0 || !x.node)
			notes.push(`${where} ${op}: exit ${x.code}${x.timedOut ? ' (timed out)' : ''}; ${x.tail}`);
		const ledger = op === 'withdraw' ? ledgerCheck(prefix) : undefined;
		if (ledger && ledger.debited !== ok)
			notes.push(`${where} withdraw: ${ok} items created but ${ledger.debited} debited`);
		if (http) {
			const limited = items.filter((j) => j.code !== 10000).length;
			if (limited)
				notes.push(
					`${where} ${routeLabel}: ${limited} of ${items.length} items are CCPayment error answers (HTTP 200 + error code, passed on as data by the HTTP Request node); e.g. ${JSON.stringify(items.find((j) => j.code !== 10000))}`,
				);
		}
		rows.push({
			route:
				op === 'http' ? 'B HTTP Request' : op === 'httpBatched' ? "B' HTTP + batching" : 'A ours',
			where,
			op: endpoint,
			settings:
				op === 'http'
					? `HTTP Request v${env.httpVersion} defaults + Code signing`
					: op === 'httpBatched'
						? `same, Batching ${HTTP_BATCHING.batchSize} items / ${HTTP_BATCHING.batchInterval} ms`
						: TUNED_LABEL,
			items: items.length,
			ok,
			...f,
			peakRssKb: x.rss.hwmKb || undefined,
			// CPU while the measured node ran (its start and duration from n8n's run data, on this machine's clock).
			cpuMs:
				x.node?.startTime !== undefined && x.node.executionTime !== undefined
					? x.rss.cpuBetween(
							x.node.startTime - performance.timeOrigin,
							x.node.startTime + x.node.executionTime - performance.timeOrigin,
						)
					: x.rss.cpuBetween(f.first, f.last),
			groupPeakKb: x.rss.groupSize > 1 ? x.rss.groupPeakKb : undefined,
			nodeMs: x.node?.executionTime,
			processMs: x.totalMs,
			duplicates: ledger?.duplicates,
		});
	}
}

/** Items that got a usable answer, per second of the node's own run time. @param {Row} r */
function resultsPerSecond(r) {
	return r.nodeMs ? (r.ok / r.nodeMs) * 1000 : NaN;
}

function report() {
	say('');
	say(
		`Benchmark: ${COUNT} items per run, simulator latency ${LATENCY} ms per request, simulator rate limit ${RATE_LIMIT || 'off'} req/s per IP`,
	);
	say(
		`Node settings "tuned": maxRequestsPerSecond ${RPS}, maxConcurrentRequests ${CONCURRENCY}; "defaults": 50 / 10`,
	);
	say('');
	say(
		common.table(
			[
				'route',
				'where',
				'endpoint',
				'settings',
				'ok/items',
				'window',
				'req/s',
				'good/s',
				'results/s',
				'max in 1 s',
				'srv p50',
				'srv p99',
				'cli p50',
				'cli p99',
				'limit err',
				'peak RSS',
				'CPU',
				'node time',
				'dup debits',
			],
			rows.map((r) => [
				r.route,
				r.where,
				r.op,
				r.settings,
				`${r.ok}/${r.items}`,
				r.windowMs === undefined ? '-' : `${(r.windowMs / 1000).toFixed(2)} s`,
				fmtNum(r.perSecond),
				fmtNum(r.goodPerSecond),
				fmtNum(resultsPerSecond(r)),
				r.maxPerSecondWindow ?? '-',
				fmtMs(r.serverP50),
				fmtMs(r.serverP99),
				fmtMs(r.clientP50),
				fmtMs(r.clientP99),
				r.limitErrors,
				`${fmtMb(r.peakRssKb)}${r.groupPeakKb ? ` (group ${fmtMb(r.groupPeakKb)})` : ''}`,
				r.cpuMs === undefined ? '-' : `${(r.cpuMs / 1000).toFixed(1)} s`,
				r.nodeMs === undefined ? '-' : `${(r.nodeMs / 1000).toFixed(2)} s`,
				r.duplicates === undefined ? '-' : r.duplicates,
			]),
		),
	);
	say('');
	say(
		'window = first request received by the simulator -> last response finished (n8n boot excluded)',
	);
	say('req/s = answered requests / window; good/s = code-10000 answers / window');
	say(
		"results/s = items with a usable answer / node time; node time = the node's executionTime in n8n's run data",
	);
	say('  (harness: execute() wall time)');
	say(
		'max in 1 s = most requests the simulator received in any 1 s (its limit: 100 accepted per sliding 1 s)',
	);
	say(
		'srv p50/p99 = per request on the simulator, received -> answered (includes the added latency)',
	);
	say(
		'cli p50/p99 = per request as n8n-core/axios saw it, sent -> body received (in-process only)',
	);
	say(
		'peak RSS = VmHWM of the process running the node (harness child / n8n execute; group = with task runner)',
	);
	say('CPU = user + system time of that process while the node ran (100 ms samples)');
	say('');
	say('Targets:');
	const ours = rows.filter((r) => r.route === 'A ours' && r.settings === TUNED_LABEL);
	for (const r of ours) {
		const met = (r.perSecond ?? 0) >= TARGET_RPS && r.limitErrors === 0 && r.ok === COUNT;
		say(
			`  [${met ? 'MET' : 'MISSED'}] >= ${TARGET_RPS} req/s with 0 limit errors: ${r.where} ${r.op}: ${fmtNum(r.perSecond)} req/s, ${r.limitErrors} limit errors, ${r.ok}/${r.items} ok`,
		);
	}
	const theirs = rows.filter((r) => r.route !== 'A ours');
	for (const b of theirs) {
		const a = ours.find((r) => r.where === b.where && r.op === 'token/rate');
		if (!a) continue;
		const raw = (a.perSecond ?? 0) / (b.perSecond || NaN);
		const results = resultsPerSecond(a) / (resultsPerSecond(b) || NaN);
		const isDefault = b.route === 'B HTTP Request';
		say(
			`  ratio ours/theirs vs ${isDefault ? 'HTTP Request (defaults)' : 'HTTP Request with Batching'} (${b.where}, token/rate):`,
		);
		say(
			`    requests/s ${fmtNum(raw, 2)}x (ours ${fmtNum(a.perSecond)}, theirs ${fmtNum(b.perSecond)}); results/s ${fmtNum(results, 2)}x (ours ${fmtNum(resultsPerSecond(a))}, theirs ${fmtNum(resultsPerSecond(b))})`,
		);
		say(
			`    theirs: ${b.ok}/${b.items} items got a rate, ${b.limitErrors} limit errors from the simulator, most requests in 1 s: ${b.maxPerSecondWindow ?? '-'}`,
		);
		if (isDefault)
			say(
				`  [${results >= TARGET_RATIO ? 'MET' : 'MISSED'}] >= ${TARGET_RATIO}x the HTTP Request route, on results/s (a rate-limit answer is not a result)`,
			);
	}
	if (!theirs.length)
		say('  ratio ours/theirs: not measured (the HTTP Request route needs real n8n)');
	const defaults = rows.find((r) => r.settings === 'defaults (50 rps / 10 in flight)');
	const tuned = rows.find(
		(r) => r.where.startsWith('in-process') && r.op === 'token/rate' && r.settings === TUNED_LABEL,
	);
	if (defaults && tuned)
		say(
			`  defaults vs tuned (in-process token/rate): ${fmtNum(defaults.perSecond)} vs ${fmtNum(tuned.perSecond)} req/s`,
		);
	if (notes.length) {
		say('');
		say('Notes:');
		for (const n of notes) say(`  - ${n}`);
	}
}

const V2_PATHS = {
	withdraw: '/ccpayment/v2/applyAppWithdrawToNetwork',
	read: '/ccpayment/v2/getAppWithdrawRecord',
};

/**
 * v2 in-process: withdrawals, then reads of the same order IDs (no reset between them).
 * @param {Probe} probe @param {'withdraw' | 'read'} op @param {string} prefix
 */
async function inProcessV2(probe, op, prefix) {
	if (!sim) throw new Error('no simulator');
	if (op === 'withdraw') await freshSimulator();
	probe.reset();
	trace?.reset();
	const spec = {
		simUrl: sim.url,
		appId: sim.v2Merchant.appId,
		appSecret: sim.v2Merchant.appSecret,
		api: 'v2',
		op,
		count: COUNT,
		prefix,
		options: TUNED,
	};
	const r = await procs.run('harness worker', process.execPath, [common.HARNESS_WORKER], {
		env: { ...process.env, CCPAYMENT_BENCH_SPEC: JSON.stringify(spec) },
		timeoutMs: 30 * 60 * 1000,
	});
	if (r.code !== 0)
		throw new Error(
			`harness worker failed (exit ${r.code}): ${r.stderr.trim().split('\n').slice(-10).join('\n')}`,
		);
	const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}');
	const endpoint = V2_PATHS[op];
	const f = simFigures(probe, endpoint, `in-process v2 ${op}`);
	const ledger = op === 'withdraw' ? ledgerCheck(prefix, sim.v2Merchant.appId) : undefined;
	if (out.errors)
		notes.push(`in-process v2 ${op}: ${out.errors} item(s) failed, e.g. ${out.firstError}`);
	rows.push({
		route: 'A ours',
		where: 'in-process (n8n-core harness)',
		op: endpoint.replace('/ccpayment/', ''),
		settings: TUNED_LABEL,
		items: out.items,
		ok: out.ok,
		...f,
		clientP50: out.client.p50,
		clientP99: out.client.p99,
		peakRssKb: out.peakRssKb,
		cpuMs: out.cpuMs,
		nodeMs: out.wallMs,
		duplicates: ledger?.duplicates,
	});
}

/** v2 in real n8n: withdrawals, then reads of the same order IDs. @param {Probe} probe @param {1 | 2} major */
async function realN8nV2(probe, major) {
	if (!sim) throw new Error('no simulator');
	if (!n8nBench.installed(major) && !args.install) {
		notes.push(
			`real n8n ${major}.x is not installed in the e2e cache; the real-n8n v2 rows were skipped.`,
		);
		return;
	}
	say(`\nreal n8n ${major}.x: installing the packed package into a throwaway user folder ...`);
	const env = await n8nBench.prepare({ major, sim, log: (m) => say(`  ${m}`), keep: !!args.keep });
	cleanup.add(() => env.cleanup());
	const file = path.join(env.tmp, 'credentials-v2.json');
	require('node:fs').writeFileSync(
		file,
		JSON.stringify(workloadsV2.credentialFileV2(sim.url, sim.v2Merchant)),
	);
	await env.n8n.importCredentials(file);
	const prefix = `bench2-n8n${major}-${Date.now().toString(36)}`;
	const ids = { withdraw: `ccpBenchV2Wd${major}01`, read: `ccpBenchV2Rd${major}01` };
	await env.importWorkflows(
		/** @type {const} */ (['withdraw', 'read']).map((op) =>
			workloadsV2.nodeWorkflowV2({
				id: ids[op],
				op,
				count: COUNT,
				prefix,
				options: TUNED,
				type: env.type,
			}),
		),
	);
	await freshSimulator();
	const where = `n8n ${env.runtime.version} (execute)`;
	for (const op of /** @type {const} */ (['withdraw', 'read'])) {
		probe.reset();
		trace?.reset();
		say(`  ${where}: v2 ${op} ...`);
		const x = await env.execute(ids[op]);
		const endpoint = V2_PATHS[op];
		const f = simFigures(probe, endpoint, `${where} v2 ${op}`);
		const items = x.node?.items ?? [];
		const ok =
			op === 'withdraw'
				? items.filter((j) => j.outcome === 'created' || j.outcome === 'already_existed').length
				: items.filter((j) => typeof j.recordId === 'string').length;
		if (x.code !== 0 || !x.node)
			notes.push(`${where} v2 ${op}: exit ${x.code}${x.timedOut ? ' (timed out)' : ''}; ${x.tail}`);
		const ledger = op === 'withdraw' ? ledgerCheck(prefix, sim.v2Merchant.appId) : undefined;
		rows.push({
			route: 'A ours',
			where,
			op: endpoint.replace('/ccpayment/', ''),
			settings: TUNED_LABEL,
			items: items.length,
			ok,
			...f,
			peakRssKb: x.rss.hwmKb || undefined,
			nodeMs: x.node?.executionTime,
			processMs: x.totalMs,
			duplicates: ledger?.duplicates,
		});
	}
}

/** --api v2: v1 reference rows in-process, then v2 in-process and in real n8n, then the ratios. */
async function mainV2(/** @type {Probe} */ probe) {
	say('in-process v1 reference: token/rate, withdraw (tuned) ...');
	await inProcess(probe, 'rate', TUNED, TUNED_LABEL);
	await inProcess(probe, 'withdraw', TUNED, TUNED_LABEL);
	const prefix = `bench2-${Date.now().toString(36)}`;
	say('in-process v2: applyAppWithdrawToNetwork, then getAppWithdrawRecord (tuned) ...');
	await inProcessV2(probe, 'withdraw', prefix);
	await inProcessV2(probe, 'read', prefix);
	for (const major of VERSIONS) await realN8nV2(probe, major);
	probe.stop();
	trace?.stop();
	report();
	say('');
	say('v2 / v1 (requests per second, same settings):');
	const v1 = (/** @type {string} */ op) =>
		rows.find((r) => r.where.startsWith('in-process') && r.op === op);
	for (const r of rows.filter((row) => row.op.startsWith('v2/'))) {
		const ref = v1(r.op.endsWith('Record') ? 'token/rate' : 'withdraw');
		say(
			`  ${r.where} ${r.op}: ${fmtNum(r.perSecond)} req/s, ${r.limitErrors} limit errors, ${r.ok}/${r.items} ok; v1 ${ref?.op} in-process ${fmtNum(ref?.perSecond)} req/s; ratio ${fmtNum((r.perSecond ?? 0) / (ref?.perSecond || NaN), 2)}x`,
		);
	}
}

async function main() {
	if (!common.distReady()) throw new Error('dist/ is missing: build first (npm run bench builds)');
	sim = await startSimulator({
		port: 0,
		latencyMs: LATENCY,
		rateLimit: { perSecond: RATE_LIMIT },
		requestLogLimit: Math.max(10000, COUNT * 3),
	});
	const probe = common.serverProbe(sim);
	trace = common.limiterTrace(sim, probe);
	say(
		`simulator ${sim.url} (latency ${LATENCY} ms, rate limit ${RATE_LIMIT || 'off'}/s); ${COUNT} items per run`,
	);
	if (API === 'v2') return await mainV2(probe);
	say('in-process: token/rate (tuned) ...');
	await inProcess(probe, 'rate', TUNED, TUNED_LABEL);
	say('in-process: withdraw (tuned) ...');
	await inProcess(probe, 'withdraw', TUNED, TUNED_LABEL);
	if (!args['no-defaults']) {
		say('in-process: token/rate (node defaults) ...');
		await inProcess(probe, 'rate', {}, 'defaults (50 rps / 10 in flight)');
	}
	for (const major of VERSIONS) await realN8n(probe, major);
	probe.stop();
	trace.stop();
	report();
}

main()
	.then(async () => {
		await cleanup.run();
		process.exit(0);
	})
	.catch(async (error) => {
		process.stderr.write(`bench crashed: ${error && error.stack ? error.stack : error}\n`);
		if (rows.length) report();
		await cleanup.run();
		process.exit(1);
	});
