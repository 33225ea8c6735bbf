// @ts-check
'use strict';
/**
 * The v2 benchmark (`scripts/bench.js --api v2`): --items network withdrawals (Withdrawal > Withdraw
 * to Address, applyAppWithdrawToNetwork) and then --items Withdrawal > Get (getAppWithdrawRecord) of
 * the same order IDs, node version 2, in-process and in each real n8n; in each of those places the v1
 * workloads (token/rate, withdraw) run in the same run, so the v2 / v1 ratios compare like with like.
 */
const fs = require('node:fs');
const path = require('node:path');

const { fmtNum, fmtMs } = require('./common');
const workloadsV2 = require('./workloads-v2');
const { OURS } = require('./bench-core');
const v1 = require('./bench-v1');

/**
 * @typedef {import('./bench-core').Row} Row
 * @typedef {import('./bench-v1').Bench} Bench
 * @typedef {import('./bench-v1').Config} Config
 */

const V2 = {
	withdraw: '/ccpayment/v2/applyAppWithdrawToNetwork',
	read: '/ccpayment/v2/getAppWithdrawRecord',
};
/** The v1 workload each v2 one is compared with: a signed read, and a payout. */
const V1_REFERENCE = { [V2.read]: 'token/rate', [V2.withdraw]: 'withdraw' };

/**
 * Each v2 row of this package with the v1 row of the same place it is compared with, and the ratio
 * of their requests per second (NaN when there is no such v1 row).
 * @param {Row[]} rows
 */
function ratios(rows) {
	return rows
		.filter((r) => r.route === OURS && r.op.startsWith('v2/'))
		.map((r) => {
			const refOp = V1_REFERENCE[`/ccpayment/${r.op}`];
			const ref = rows.find((x) => x.route === OURS && x.where === r.where && x.op === refOp);
			return { row: r, ref, ratio: (r.perSecond ?? NaN) / (ref?.perSecond || NaN) };
		});
}

/**
 * Withdrawals then reads of the same order IDs (the reads keep the simulator's state).
 * @param {(w: { op: 'withdraw' | 'read', endpoint: string, prefix: string, fresh: boolean }) => Promise<unknown>} runOne
 * @param {string} prefix
 */
async function withdrawThenRead(runOne, prefix) {
	await runOne({ op: 'withdraw', endpoint: V2.withdraw, prefix, fresh: true });
	await runOne({ op: 'read', endpoint: V2.read, prefix, fresh: false });
}

/** @param {Bench} bench @param {Config} cfg @param {(m: string) => void} say */
async function run(bench, cfg, say) {
	const merchant = bench.sim.v2Merchant;
	const w = { settings: cfg.tunedLabel, merchant };
	say(
		'in-process: v1 token/rate, withdraw; v2 applyAppWithdrawToNetwork, getAppWithdrawRecord ...',
	);
	await v1.inProcessV1(bench, cfg);
	await withdrawThenRead(
		(x) => bench.inProcess({ ...w, ...x, api: 'v2', options: cfg.tuned }),
		`bench2-${Date.now().toString(36)}`,
	);
	for (const major of cfg.versions) {
		const env = await bench.n8n(major);
		if (!env) continue;
		await v1.n8nV1(bench, env, cfg, false);
		const file = path.join(env.tmp, 'credentials-v2.json');
		fs.writeFileSync(file, JSON.stringify(workloadsV2.credentialFileV2(bench.sim.url, merchant)));
		await env.n8n.importCredentials(file);
		const prefix = `bench2-n8n${major}-${Date.now().toString(36)}`;
		const ids = { withdraw: `ccpBenchV2Wd${major}01`, read: `ccpBenchV2Rd${major}01` };
		await env.importWorkflows(
			/** @type {const} */ (['withdraw', 'read']).map((op) =>
				workloadsV2.nodeWorkflowV2({
					id: ids[op],
					op,
					count: cfg.count,
					prefix,
					options: cfg.tuned,
					type: env.type,
				}),
			),
		);
		await withdrawThenRead((x) => bench.inN8n(env, { ...w, ...x, id: ids[x.op] }), prefix);
	}
}

/** The v2 figures and their ratio to v1's. @param {Row[]} rows */
function summary(rows) {
	const out = [
		'v2 through the node (requests/s; ratio = v2 / v1 in the same place, same settings):',
	];
	for (const { row: r, ref, ratio } of ratios(rows)) {
		out.push(
			`  ${r.where} ${r.op}: ${fmtNum(r.perSecond)} req/s, p50/p99 ${fmtMs(r.serverP50)} / ${fmtMs(r.serverP99)}, ${r.limitErrors} limit answers, ${r.rateLimitedItems} rate-limit items, ${r.ok}/${r.items} ok; v1 ${ref?.op ?? '-'} ${fmtNum(ref?.perSecond)} req/s; ratio ${fmtNum(ratio, 2)}x`,
		);
	}
	return out;
}

module.exports = { V2, ratios, run, summary };
