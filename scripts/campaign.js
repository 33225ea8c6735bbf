// @ts-check
'use strict';
/**
 * Money-safety fault campaign (not a test; prints counts; exit 1 when any merchant_order_id was
 * debited twice or any item's reported outcome disagrees with the ledger, 2 when it crashed).
 *
 *   node scripts/campaign.js [--count 1000] [--fault-rate 0.10] [--seed 7] [--timeout-ms 1000]
 *                            [--rps 95] [--concurrency 20] [--latency-ms 0] [--unknown-payee-every 50]
 *                            [--no-rerun] [--n8n 1|2] [--keep] [--install] [--api v1|v2]
 *
 * Needs a build (dist/). Starts the simulator (rate limit on, 100 req/s per IP), injects faults into
 * `withdraw` and `bill/info` at --fault-rate of their requests, spread evenly over every kind the
 * simulator supports (latency; HTTP 500/502/503 before and after applying; reset before and after
 * applying; timeout after applying with a hold shorter and one longer than the node's timeout;
 * malformed JSON; bad response signature; rate-limit error; service error before and after applying),
 * then runs --count withdrawals (unique merchant_order_ids, to a Cwallet ID; every 50th to a Cwallet ID
 * that does not exist, so definite failures are in the mix too) through the CCPayment
 * node with "continue on fail" and a short timeout (--timeout-ms), in-process through the n8n-core
 * harness, then once more with the same items (a re-run after a partly failed batch: nothing may be
 * paid twice; skip with --no-rerun); with --n8n also in real n8n (`n8n execute`, the e2e suite's
 * cached install).
 * Afterwards every item's outcome is compared with the simulator's ledger debit journal.
 *
 * --api v2: the same campaign for v2 network withdrawals (Withdrawal > Withdraw to Address, node
 * version 2), faults on applyAppWithdrawToNetwork and getAppWithdrawRecord, every 50th item to a
 * malformed address (14007); in-process only (dev/perf/campaign-v2.js).
 */
const { parseArgs } = require('node:util');
const procs = require('../dev/e2e/lib/procs');
const { startSimulator } = require('../simulator');
const common = require('../dev/perf/common');
const campaign = require('../dev/perf/campaign-core');
const workloads = require('../dev/perf/workloads');
const campaignV2 = require('../dev/perf/campaign-v2');
const { product } = require('../dev/dist');

const { values: args } = parseArgs({
	options: {
		count: { type: 'string' },
		'fault-rate': { type: 'string' },
		seed: { type: 'string' },
		'timeout-ms': { type: 'string' },
		rps: { type: 'string' },
		concurrency: { type: 'string' },
		'latency-ms': { type: 'string' },
		'unknown-payee-every': { type: 'string' },
		'no-rerun': { type: 'boolean' },
		n8n: { type: 'string' },
		keep: { type: 'boolean' },
		install: { type: 'boolean' },
		api: { type: 'string' },
		workload: { type: 'string' },
	},
});
const API = String(args.api ?? 'v1');
if (API !== 'v1' && API !== 'v2') throw new Error(`--api must be v1 or v2 (got ${API})`);
const COUNT = common.numberArg(args, 'count', 1000, { min: 1, max: 100000, integer: true });
const RATE = common.numberArg(args, 'fault-rate', 0.1, { min: 0, max: 1 });
const SEED = common.numberArg(args, 'seed', 7, { min: 1, integer: true });
const TIMEOUT = common.numberArg(args, 'timeout-ms', 1000, {
	min: 100,
	max: 600000,
	integer: true,
});
const RPS = common.numberArg(args, 'rps', 95, { min: 1, max: 100, integer: true });
const CONCURRENCY = common.numberArg(args, 'concurrency', 20, { min: 1, max: 100, integer: true });
const LATENCY = common.numberArg(args, 'latency-ms', 0, { min: 0, max: 10000 });
const UNKNOWN_EVERY = common.numberArg(args, 'unknown-payee-every', 50, { min: 0, integer: true });
const N8N = args.n8n === undefined ? undefined : String(args.n8n) === '2' ? 2 : 1;
const NODE_OPTIONS = {
	maxRequestsPerSecond: RPS,
	maxConcurrentRequests: CONCURRENCY,
	maxRetries: 3,
	timeout: TIMEOUT,
};

/** Fault table columns of the API version. */
const COLUMNS = /** @type {[string, string]} */ (
	API === 'v2' ? Object.values(campaignV2.COLUMNS) : ['withdraw', 'bill/info']
);

/** @param {string} m */
const say = (m) => process.stdout.write(`${m}\n`);

/** @type {any} */
let sim;
const cleanup = procs.cleanupOnExit();
cleanup.add(() => sim?.stop());

/** @param {string} title @param {campaign.CampaignResult} r */
function print(title, r) {
	say('');
	say(title);
	for (const line of campaign.formatResult(r, COLUMNS)) say(`  ${line}`);
}

async function main() {
	if (!common.distReady())
		throw new Error('dist/ is missing: build first (npm run campaign builds)');
	sim = await startSimulator({
		port: 0,
		latencyMs: LATENCY,
		requestLogLimit: Math.max(10000, COUNT * 5),
	});
	if (args.api === 'v2' && args.workload === 'transfers')
		return await require('../dev/perf/workloads-v2-transfers').runTransfersCampaign({
			...{ sim, count: args.count === undefined ? 500 : COUNT, rate: RATE, seed: SEED, say },
			...{ timeoutMs: TIMEOUT, rps: RPS, concurrency: CONCURRENCY, rerun: !args['no-rerun'] },
		});
	if (API === 'v2') return await mainV2();
	say(
		`Fault campaign: ${COUNT} withdrawals, faults on withdraw + bill/info at ${(RATE * 100).toFixed(1)}% of requests over ${campaign.faultVariants(TIMEOUT).length} fault variants, seed ${SEED}`,
	);
	if (UNKNOWN_EVERY)
		say(
			`Every ${UNKNOWN_EVERY}th payout goes to a Cwallet ID that does not exist (a definite failure: 224083).`,
		);
	say(
		`Node options: maxRequestsPerSecond ${RPS}, maxConcurrentRequests ${CONCURRENCY}, maxRetries 3, timeout ${TIMEOUT} ms; continue on fail; simulator ${sim.url} (rate limit 100/s, latency ${LATENCY} ms)`,
	);

	/** @type {Array<[string, campaign.CampaignResult]>} */
	const results = [];
	const { runNode } = require('../dev/n8n/harness');
	const { CcPayment } = product('actionNode');
	const credentials = {
		appId: sim.merchant.appId,
		appSecret: sim.merchant.appSecret,
		baseUrl: sim.url,
	};
	const prefix = `camp-${SEED}-${Date.now().toString(36)}`;
	/** @param {number} seed @param {boolean} rerun */
	const inProcessRun = (seed, rerun) =>
		campaign.runCampaign({
			sim,
			count: COUNT,
			seed,
			faults: { mode: 'probability', rate: RATE },
			nodeOptions: NODE_OPTIONS,
			prefix,
			unknownPayeeEvery: UNKNOWN_EVERY,
			rerun,
			run: async (items, parameters) => {
				// Node version 1: a saved v1 workflow (version 2 defaults to the v2 API).
				const { output } = await runNode(CcPayment, {
					parameters,
					items,
					credentials,
					continueOnFail: true,
					typeVersion: 1,
				});
				return output[0].map((item) => item.json);
			},
		});
	const inProcess = await inProcessRun(SEED, false);
	results.push(['in-process (n8n-core harness)', inProcess]);
	print(
		'In-process (n8n-core harness: real ExecuteContext, credential authenticate, axios):',
		inProcess,
	);
	if (!args['no-rerun']) {
		// What a user does after a partly failed batch: run the same items again.
		const again = await inProcessRun(SEED + 1, true);
		results.push(['in-process re-run of the same items', again]);
		print(
			`Re-run of the same ${COUNT} items (same merchant_order_ids, new fault draws; nothing may be paid twice):`,
			again,
		);
	}

	if (N8N !== undefined) {
		const n8nBench = require('../dev/perf/n8n-bench');
		if (!n8nBench.installed(N8N) && !args.install) {
			say(
				`\nreal n8n ${N8N}.x is not installed in the e2e cache; run \`npm run test:e2e\` once or pass --install.`,
			);
		} else {
			say(`\nreal n8n ${N8N}.x: installing the packed package into a throwaway user folder ...`);
			const env = await n8nBench.prepare({
				major: N8N,
				sim,
				log: (m) => say(`  ${m}`),
				keep: !!args.keep,
			});
			cleanup.add(() => env.cleanup());
			let seq = 0;
			const real = await campaign.runCampaign({
				sim,
				count: COUNT,
				seed: SEED,
				faults: { mode: 'probability', rate: RATE },
				nodeOptions: NODE_OPTIONS,
				prefix: `camp-n8n-${SEED}-${Date.now().toString(36)}`,
				unknownPayeeEvery: UNKNOWN_EVERY,
				run: async (items) => {
					const id = `ccpCampaign${N8N}${String(++seq).padStart(4, '0')}`;
					// The workflow's Code node makes the same items (same merchant_order_ids).
					const prefix = String(items[0]?.json.id ?? '').replace(/-\d{5}$/, '');
					await env.importWorkflows([
						workloads.nodeWorkflow({
							id,
							op: 'withdraw',
							count: items.length,
							prefix,
							options: NODE_OPTIONS,
							type: env.type,
							credentials: env.credentials,
							continueOnFail: true,
							unknownPayeeEvery: UNKNOWN_EVERY,
						}),
					]);
					const x = await env.execute(id);
					if (!x.node)
						throw new Error(
							`n8n execute gave no output for the CCPayment node (exit ${x.code}): ${x.tail}`,
						);
					return x.node.items;
				},
			});
			results.push([`n8n ${env.runtime.version} (execute)`, real]);
			print(`Real n8n ${env.runtime.version} (n8n execute; wall time includes n8n's boot):`, real);
		}
	}

	return summary(results);
}

/** @param {Array<[string, campaign.CampaignResult]>} results */
function summary(results) {
	say('');
	let bad = false;
	for (const [where, r] of results) {
		const ok = r.duplicates === 0 && r.mismatches === 0;
		bad ||= !ok;
		say(
			`${ok ? 'PASS' : 'FAIL'} ${where}: duplicates ${r.duplicates}, mismatches ${r.mismatches}, unknown ${r.unknown} of ${r.count}${r.missingKinds.length ? `; kinds never injected: ${r.missingKinds.join(', ')}` : '; every fault kind injected'}`,
		);
	}
	return bad ? 1 : 0;
}

/** The v2 campaign (in-process): network withdrawals through node version 2. */
async function mainV2() {
	say(
		`Fault campaign (API v2): ${COUNT} network withdrawals, faults on applyAppWithdrawToNetwork + getAppWithdrawRecord at ${(RATE * 100).toFixed(1)}% of requests over ${campaign.faultVariants(TIMEOUT).length} fault variants, seed ${SEED}`,
	);
	if (UNKNOWN_EVERY)
		say(`Every ${UNKNOWN_EVERY}th payout goes to a malformed address (a definite failure: 14007).`);
	say(
		`Node options: maxRequestsPerSecond ${RPS}, maxConcurrentRequests ${CONCURRENCY}, maxRetries 3, timeout ${TIMEOUT} ms; continue on fail; simulator ${sim.url} (rate limit 100/s, latency ${LATENCY} ms)`,
	);
	const { runNode } = require('../dev/n8n/harness');
	const { CcPayment } = product('actionNode');
	const { CcPaymentV2Api } = product('credentialV2');
	const credentials = {
		appId: sim.v2Merchant.appId,
		appSecret: sim.v2Merchant.appSecret,
		baseUrl: sim.url,
	};
	const prefix = `camp2-${SEED}-${Date.now().toString(36)}`;
	/** @type {Array<[string, campaign.CampaignResult]>} */
	const results = [];
	/** @param {number} seed @param {boolean} rerun */
	const runOnce = async (seed, rerun) =>
		/** @type {campaign.CampaignResult} */ (
			await campaignV2.runCampaignV2({
				sim,
				count: COUNT,
				seed,
				rate: RATE,
				nodeOptions: NODE_OPTIONS,
				prefix,
				badAddressEvery: UNKNOWN_EVERY,
				rerun,
				run: async (items, parameters) => {
					const { output } = await runNode(CcPayment, {
						parameters,
						items,
						credentialsByType: { ccPaymentV2Api: credentials },
						credentialTypes: [CcPaymentV2Api],
						typeVersion: 2,
						continueOnFail: true,
					});
					return output[0].map((/** @type {any} */ item) => item.json);
				},
			})
		);
	const first = await runOnce(SEED, false);
	results.push(['v2 in-process (n8n-core harness)', first]);
	print(
		'In-process, API v2 (n8n-core harness: real ExecuteContext, HMAC credential, axios):',
		first,
	);
	if (!args['no-rerun']) {
		const again = await runOnce(SEED + 1, true);
		results.push(['v2 in-process re-run of the same items', again]);
		print(
			`Re-run of the same ${COUNT} items (same order IDs, new fault draws; nothing may be paid twice):`,
			again,
		);
	}
	return summary(results);
}

main()
	.then(async (code) => {
		await cleanup.run();
		process.exit(code);
	})
	.catch(async (error) => {
		process.stderr.write(`campaign crashed: ${error && error.stack ? error.stack : error}\n`);
		await cleanup.run();
		process.exit(2);
	});
