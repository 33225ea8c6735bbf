// @ts-check
'use strict';
/**
 * What the v1 and v2 benchmarks share: one workload run (in-process through the harness worker, or a
 * workflow in real n8n) recorded as a table row with the simulator's figures, and the correctness
 * verdict that decides the exit code (never a timing). The table is bench-table.js.
 */
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const procs = require('../e2e/lib/procs');
const common = require('./common');
const n8nBench = require('./n8n-bench');

const { fmtNum } = common;

/**
 * @typedef {'rate' | 'withdraw' | 'read' | 'http'} Op
 * @typedef {{ route: string, where: string, op: string, settings: string, items: number, ok: number,
 *   rateLimitedItems: number, windowMs?: number, perSecond?: number, goodPerSecond?: number,
 *   serverP50?: number, serverP99?: number, clientP50?: number, clientP99?: number, limitErrors: number,
 *   peakRssKb?: number, groupPeakKb?: number, nodeMs?: number, processMs?: number, duplicates?: number,
 *   maxPerSecondWindow?: number, cpuMs?: number, first?: number, last?: number }} Row
 * @typedef {{ appId: string, appSecret: string }} Merchant
 */

/** Route label of this package's node (the rows the verdict and the ratios are about). */
const OURS = 'A ours';
const IN_PROCESS = 'in-process (n8n-core harness)';

/**
 * Whether an output item is a usable answer for that workload.
 * @param {Op} op @param {any} json
 */
function isOk(op, json) {
	if (op === 'rate') return typeof json.price === 'string';
	if (op === 'read') return typeof json.recordId === 'string';
	if (op === 'withdraw') return json.outcome === 'created' || json.outcome === 'already_existed';
	return json.code === 10000 && !!json.data && typeof json.data.price === 'string';
}

/**
 * Output items of one run: how many, how many usable, how many carry a rate-limit error.
 * @param {Op} op @param {any[]} jsons
 */
function countItems(op, jsons) {
	let ok = 0;
	let rateLimited = 0;
	for (const json of jsons) {
		if (isOk(op, json)) ok++;
		else if (json.kind === 'rate_limited') rateLimited++;
	}
	return { items: jsons.length, ok, rateLimited };
}

/**
 * Correctness problems of this package's rows: every run must give `count` items, each a usable
 * answer, none of them a rate-limit error. Empty = the bench passes.
 * @param {Row[]} rows @param {number} count
 */
function verdict(rows, count) {
	/** @type {string[]} */
	const problems = [];
	for (const r of rows.filter((x) => x.route === OURS)) {
		const name = `${r.where} ${r.op}`;
		if (r.items !== count) problems.push(`${name}: ${r.items} of ${count} items came back`);
		if (r.rateLimitedItems)
			problems.push(`${name}: ${r.rateLimitedItems} item(s) are rate-limit errors`);
		const other = r.items - r.ok - r.rateLimitedItems;
		if (other > 0) problems.push(`${name}: ${other} other item(s) without a usable answer`);
	}
	return problems;
}

/**
 * Runs workloads against one in-process simulator and collects rows and notes.
 * @param {{ sim: import('../../simulator').Simulator, latencyMs: number, count: number, say: (m: string) => void, keep?: boolean, install?: boolean, cleanup: { add: (f: () => unknown) => void } }} o
 */
function createBench(o) {
	const { sim } = o;
	const probe = common.serverProbe(sim);
	const trace = common.limiterTrace(sim, probe);
	/** @type {Row[]} */
	const rows = [];
	/** @type {string[]} */
	const notes = [];

	/** Simulator figures since the last `measure()`. @param {string} endpoint @param {string} label */
	function simFigures(endpoint, label) {
		const s = probe.summary(endpoint);
		const a = trace.analyse(o.latencyMs);
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
		const good = sim.getRequests({ path: endpoint }).filter((e) => e.response?.code === 10000);
		return {
			windowMs: s.windowMs,
			perSecond: s.perSecond,
			goodPerSecond: s.windowMs ? (good.length / s.windowMs) * 1000 : undefined,
			serverP50: s.p50,
			serverP99: s.p99,
			limitErrors: common.limitErrors(sim),
			maxPerSecondWindow: a.maxReceivedPerWindow,
			first: s.first,
			last: s.last,
		};
	}

	/** Debits and duplicate debits of this run's order IDs. @param {string} prefix @param {string} appId */
	function ledgerCheck(prefix, appId) {
		const byMerchant = /** @type {Record<string, Record<string, number>>} */ (
			sim.ledger(appId).withdrawal_debits
		);
		const mine = Object.entries(byMerchant[appId] ?? {}).filter(([id]) =>
			id.startsWith(`${prefix}-`),
		);
		return { debited: mine.length, duplicates: mine.filter(([, n]) => n > 1).length };
	}

	/** A fresh simulator state (reads of earlier writes pass `fresh: false`). @param {boolean} fresh */
	async function measure(fresh) {
		if (fresh) {
			await sim.reset({ keepConfig: true });
			// Let any straggling connection of the previous run close before measuring again.
			await new Promise((r) => setTimeout(r, 300));
		}
		probe.reset();
		trace.reset();
	}

	/**
	 * The ledger check of a withdrawal run, and the row with the simulator's figures.
	 * @param {{ op: Op, endpoint: string, where: string, settings: string, route?: string, prefix: string, merchant: Merchant }} w
	 * @param {{ items: number, ok: number, rateLimited: number }} counts
	 * @param {Partial<Row>} extra
	 */
	function record(w, counts, extra) {
		const label = `${w.where} ${w.endpoint}`;
		const f = simFigures(w.endpoint, label);
		const ledger = w.op === 'withdraw' ? ledgerCheck(w.prefix, w.merchant.appId) : undefined;
		if (ledger && ledger.debited !== counts.ok)
			notes.push(`${label}: ${counts.ok} items created but ${ledger.debited} debited`);
		/** @type {Row} */
		const row = {
			route: w.route ?? OURS,
			where: w.where,
			op: w.endpoint.replace('/ccpayment/', ''),
			settings: w.settings,
			items: counts.items,
			ok: counts.ok,
			rateLimitedItems: counts.rateLimited,
			...f,
			duplicates: ledger?.duplicates,
			...extra,
		};
		rows.push(row);
		return row;
	}

	/**
	 * One workload in-process (a harness worker child, so its peak RSS is the node's).
	 * @param {{ api: 'v1' | 'v2', op: Op, endpoint: string, settings: string, options: Record<string, number>, prefix: string, merchant: Merchant, fresh: boolean }} w
	 */
	async function inProcess(w) {
		await measure(w.fresh);
		const spec = {
			simUrl: sim.url,
			appId: w.merchant.appId,
			appSecret: w.merchant.appSecret,
			api: w.api,
			op: w.op,
			count: o.count,
			prefix: w.prefix,
			options: w.options,
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
		if (out.errors)
			notes.push(
				`${IN_PROCESS} ${w.endpoint}: ${out.errors} item(s) failed, e.g. ${out.firstError}`,
			);
		const counts = {
			items: out.items,
			ok: out.ok,
			rateLimited: out.outcomes?.['error:rate_limited'] ?? 0,
		};
		return record({ ...w, where: IN_PROCESS }, counts, {
			clientP50: out.client.p50,
			clientP99: out.client.p99,
			peakRssKb: out.peakRssKb,
			cpuMs: out.cpuMs,
			nodeMs: out.wallMs,
		});
	}

	/**
	 * A throwaway real n8n of that major version with this package installed, or undefined (with a
	 * note) when it is not in the e2e cache and --install was not given.
	 * @param {1 | 2} major
	 */
	async function n8n(major) {
		if (!n8nBench.installed(major) && !o.install) {
			notes.push(
				`real n8n ${major}.x is not installed in the e2e cache (${path.join('~', '.cache', 'ccpayment-e2e')}); run \`npm run test:e2e\` once or pass --install. Its rows were skipped.`,
			);
			return undefined;
		}
		o.say(`\nreal n8n ${major}.x: installing the packed package into a throwaway user folder ...`);
		const env = await n8nBench.prepare({ major, sim, log: (m) => o.say(`  ${m}`), keep: o.keep });
		o.cleanup.add(() => env.cleanup());
		return env;
	}

	/**
	 * One imported workflow run with `n8n execute`; returns the row and the measured node's items.
	 * @param {Awaited<ReturnType<typeof n8nBench.prepare>>} env
	 * @param {{ id: string, op: Op, endpoint: string, settings: string, route?: string, prefix: string, merchant: Merchant, fresh: boolean }} w
	 */
	async function inN8n(env, w) {
		await measure(w.fresh);
		const where = `n8n ${env.runtime.version} (execute)`;
		o.say(`  ${where}: ${w.endpoint} ...`);
		const x = await env.execute(w.id);
		const items = x.node?.items ?? [];
		if (x.code !== 0 || !x.node)
			notes.push(
				`${where} ${w.endpoint}: exit ${x.code}${x.timedOut ? ' (timed out)' : ''}, ${x.outputChars} characters of output${x.result ? '' : ' (no complete result JSON)'}; ${x.tail}`,
			);
		const f = probe.summary(w.endpoint);
		const row = record({ ...w, where }, countItems(w.op, items), {
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
		});
		return { row, items };
	}

	return {
		sim,
		rows,
		notes,
		inProcess,
		n8n,
		inN8n,
		stop() {
			probe.stop();
			trace.stop();
		},
	};
}

module.exports = {
	OURS,
	IN_PROCESS,
	isOk,
	countItems,
	verdict,
	createBench,
};
