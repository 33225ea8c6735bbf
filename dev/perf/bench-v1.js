// @ts-check
'use strict';
/**
 * The v1 benchmark (`scripts/bench.js`): Coin > Get Rate and Withdrawal > Create items through the
 * node (route A), in-process and in real n8n, and what users do today in real n8n (route B: a Code
 * node signing each item -> HTTP Request node, with and without Batching). Its in-process and
 * real-n8n runs are also the v1 reference the v2 benchmark measures in the same run.
 */
const common = require('./common');
const workloads = require('./workloads');
const { OURS, IN_PROCESS } = require('./bench-core');
const { resultsPerSecond } = require('./bench-table');

const { fmtNum } = common;

/** What a user who read "100 requests per second" would put in the HTTP Request node's Batching option. */
const HTTP_BATCHING = { batchSize: 100, batchInterval: 1000 };
const TARGET_RPS = 90;
const TARGET_RATIO = 4;
const DEFAULTS_LABEL = 'defaults (50 rps / 10 in flight)';

/**
 * @typedef {ReturnType<typeof import('./bench-core').createBench>} Bench
 * @typedef {{ count: number, tuned: Record<string, number>, tunedLabel: string, defaults: boolean, versions: Array<1 | 2> }} Config
 * @typedef {Awaited<ReturnType<Bench['n8n']>>} Env
 */

const OPS = /** @type {const} */ ([
	{ op: 'rate', endpoint: 'token/rate' },
	{ op: 'withdraw', endpoint: 'withdraw' },
]);

/** token/rate then withdraw in-process, tuned. @param {Bench} bench @param {Config} cfg */
async function inProcessV1(bench, cfg) {
	for (const { op, endpoint } of OPS)
		await bench.inProcess({
			api: 'v1',
			op,
			endpoint,
			settings: cfg.tunedLabel,
			options: cfg.tuned,
			prefix: `bench-${op}-${Date.now().toString(36)}`,
			merchant: bench.sim.merchant,
			fresh: true,
		});
}

/**
 * token/rate then withdraw through the node in one real n8n; with `routeB` also the HTTP Request
 * routes. @param {Bench} bench @param {NonNullable<Env>} env @param {Config} cfg @param {boolean} routeB
 */
async function n8nV1(bench, env, cfg, routeB) {
	const major = env.runtime.major;
	const prefix = `bench-n8n${major}-${Date.now().toString(36)}`;
	const base = { count: cfg.count, simUrl: bench.sim.url, merchant: bench.sim.merchant };
	const ours = { prefix, options: cfg.tuned, type: env.type, credentials: env.credentials };
	const http = [
		{ id: `ccpBenchHttp${major}01`, route: 'B HTTP Request', batching: undefined },
		{ id: `ccpBenchHtBt${major}01`, route: "B' HTTP + batching", batching: HTTP_BATCHING },
	];
	await env.importWorkflows([
		...OPS.map(({ op }) =>
			workloads.nodeWorkflow({
				id: `ccpBench${op === 'rate' ? 'Rate' : 'Wdrw'}${major}01`,
				op,
				count: cfg.count,
				...ours,
				continueOnFail: true,
			}),
		),
		...(routeB
			? http.map((h) =>
					workloads.httpWorkflow({
						...base,
						id: h.id,
						httpVersion: env.httpVersion,
						batching: h.batching,
					}),
				)
			: []),
	]);
	for (const { op, endpoint } of OPS) {
		const id = `ccpBench${op === 'rate' ? 'Rate' : 'Wdrw'}${major}01`;
		const w = { op, endpoint, settings: cfg.tunedLabel, prefix, merchant: bench.sim.merchant };
		await bench.inN8n(env, { ...w, id, fresh: true });
	}
	if (!routeB) return;
	for (const h of http) {
		const settings = h.batching
			? `same, Batching ${h.batching.batchSize} items / ${h.batching.batchInterval} ms`
			: `HTTP Request v${env.httpVersion} defaults + Code signing`;
		const w = { op: /** @type {const} */ ('http'), endpoint: 'token/rate', settings, prefix };
		const { row, items } = await bench.inN8n(env, {
			...w,
			id: h.id,
			route: h.route,
			merchant: bench.sim.merchant,
			fresh: true,
		});
		const failed = items.filter((j) => j.code !== 10000);
		if (failed.length)
			bench.notes.push(
				`${row.where} ${h.route}: ${failed.length} of ${items.length} items are CCPayment error answers (HTTP 200 + error code, passed on as data by the HTTP Request node); e.g. ${JSON.stringify(failed[0])}`,
			);
	}
}

/** The whole v1 benchmark. @param {Bench} bench @param {Config} cfg @param {(m: string) => void} say */
async function run(bench, cfg, say) {
	say('in-process: token/rate, withdraw (tuned) ...');
	await inProcessV1(bench, cfg);
	if (cfg.defaults) {
		say('in-process: token/rate (node defaults) ...');
		await bench.inProcess({
			api: 'v1',
			op: 'rate',
			endpoint: 'token/rate',
			settings: DEFAULTS_LABEL,
			options: {},
			prefix: `bench-defaults-${Date.now().toString(36)}`,
			merchant: bench.sim.merchant,
			fresh: true,
		});
	}
	for (const major of cfg.versions) {
		const env = await bench.n8n(major);
		if (env) await n8nV1(bench, env, cfg, true);
	}
}

/** v1's targets and route-B ratios. @param {import('./bench-core').Row[]} rows @param {Config} cfg */
function summary(rows, cfg) {
	const out = ['Targets:'];
	const ours = rows.filter((r) => r.route === OURS && r.settings === cfg.tunedLabel);
	for (const r of ours) {
		const met = (r.perSecond ?? 0) >= TARGET_RPS && r.limitErrors === 0 && r.ok === cfg.count;
		out.push(
			`  [${met ? 'MET' : 'MISSED'}] >= ${TARGET_RPS} req/s with 0 limit errors: ${r.where} ${r.op}: ${fmtNum(r.perSecond)} req/s, ${r.limitErrors} limit errors, ${r.ok}/${r.items} ok`,
		);
	}
	const theirs = rows.filter((r) => r.route !== OURS);
	for (const b of theirs) {
		const a = ours.find((r) => r.where === b.where && r.op === 'token/rate');
		if (!a) continue;
		const raw = (a.perSecond ?? 0) / (b.perSecond || NaN);
		const results = resultsPerSecond(a) / (resultsPerSecond(b) || NaN);
		const isDefault = b.route === 'B HTTP Request';
		out.push(
			`  ratio ours/theirs vs ${isDefault ? 'HTTP Request (defaults)' : 'HTTP Request with Batching'} (${b.where}, token/rate):`,
			`    requests/s ${fmtNum(raw, 2)}x (ours ${fmtNum(a.perSecond)}, theirs ${fmtNum(b.perSecond)}); results/s ${fmtNum(results, 2)}x (ours ${fmtNum(resultsPerSecond(a))}, theirs ${fmtNum(resultsPerSecond(b))})`,
			`    theirs: ${b.ok}/${b.items} items got a rate, ${b.limitErrors} limit errors from the simulator, most requests in 1 s: ${b.maxPerSecondWindow ?? '-'}`,
		);
		if (isDefault)
			out.push(
				`  [${results >= TARGET_RATIO ? 'MET' : 'MISSED'}] >= ${TARGET_RATIO}x the HTTP Request route, on results/s (a rate-limit answer is not a result)`,
			);
	}
	if (!theirs.length)
		out.push('  ratio ours/theirs: not measured (the HTTP Request route needs real n8n)');
	const defaults = rows.find((r) => r.settings === DEFAULTS_LABEL);
	const tuned = ours.find((r) => r.where === IN_PROCESS && r.op === 'token/rate');
	if (defaults && tuned)
		out.push(
			`  defaults vs tuned (in-process token/rate): ${fmtNum(defaults.perSecond)} vs ${fmtNum(tuned.perSecond)} req/s`,
		);
	return out;
}

module.exports = { inProcessV1, n8nV1, run, summary, TARGET_RPS };
