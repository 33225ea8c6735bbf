// @ts-check
'use strict';
/**
 * The money-safety fault campaign, shared by scripts/campaign.js (full size) and its test (small,
 * fixed seed): inject faults of every kind the simulator supports into `withdraw` and `bill/info`
 * (reconciliation), run withdrawals through the CCPayment node with "continue on fail", then compare
 * every item's reported outcome with the simulator's ledger debit journal.
 *
 * With `unknownPayeeEvery` = n, every n-th payout goes to a Cwallet ID that does not exist, so the
 * run also has definite failures (224083), which must leave no debit even when faults hit them.
 *
 * Outcome rules (per merchant_order_id):
 *   created / already_existed -> exactly one debit (and the reported order_id is the ledger's);
 *   failed (a definite reason) -> zero debits, except "merchant_order_id already exists" (a re-run
 *                                 of an earlier run's items): exactly the one earlier debit;
 *   unknown                    -> reported separately; never more than one debit;
 *   any merchant_order_id debited twice -> duplicate.
 * An item with none of these outcomes counts as a mismatch.
 */
const { inputItems, nodeParameters, CWALLET_ID } = require('./workloads');

/**
 * Every fault the simulator can inject (simulator/README.md "Fault injection"), with the variants
 * that matter for money safety: 5xx and service errors both before and after applying; a held
 * answer that arrives before the node's timeout and one that outlives it.
 * @param {number} timeoutMs the node's timeout option
 * @returns {Array<{ label: string, rule: Record<string, unknown> }>}
 */
function faultVariants(timeoutMs) {
	return [
		{
			label: 'latency',
			rule: { kind: 'latency', latency_ms: Math.max(50, Math.round(timeoutMs / 5)) },
		},
		{ label: 'http500', rule: { kind: 'http500' } },
		{ label: 'http502', rule: { kind: 'http502' } },
		{ label: 'http503', rule: { kind: 'http503' } },
		{ label: 'http500_applied', rule: { kind: 'http500', apply: true } },
		{ label: 'http502_applied', rule: { kind: 'http502', apply: true } },
		{ label: 'http503_applied', rule: { kind: 'http503', apply: true } },
		{ label: 'reset_before', rule: { kind: 'reset_before' } },
		{ label: 'reset_after', rule: { kind: 'reset_after' } },
		// Applied, answered late but inside the node's timeout: must simply succeed.
		{
			label: 'timeout_after_short_hold',
			rule: { kind: 'timeout_after', hold_ms: Math.round(timeoutMs / 4), respond_late: true },
		},
		// Applied, held past the node's timeout: the node times out and must reconcile.
		{ label: 'timeout_after_long_hold', rule: { kind: 'timeout_after', hold_ms: timeoutMs * 2 } },
		{ label: 'malformed_json', rule: { kind: 'malformed_json' } },
		{ label: 'bad_signature', rule: { kind: 'bad_signature' } },
		{ label: 'rate_limit', rule: { kind: 'rate_limit' } },
		{ label: 'service_error', rule: { kind: 'service_error' } },
		{ label: 'service_error_applied', rule: { kind: 'service_error', apply: true } },
	];
}

/**
 * @typedef {{ mode: 'probability', rate: number }
 *   | { mode: 'count', perVariant: number, spacing: number, perVariantLookup?: number, spacingLookup?: number }} FaultPlan
 */

/** Endpoints that get faults: the write itself and the reconciliation lookup. */
const FAULT_ENDPOINTS = ['withdraw', 'bill/info'];

/**
 * Fault rules for the simulator.
 * - mode 'probability': each variant on each endpoint with probability rate / variants, so about
 *   `rate` of all requests to those endpoints get a fault (seeded RNG);
 * - mode 'count': variant j exactly `perVariant` times on withdraw, starting after the first
 *   j * `spacing` withdraw requests (`perVariantLookup` / `spacingLookup` for bill/info), so the same
 *   faults are injected whatever order concurrent requests arrive in (for tests).
 * @param {FaultPlan & { timeoutMs: number }} o
 */
function faultRules(o) {
	const variants = faultVariants(o.timeoutMs);
	/** @type {Array<Record<string, unknown>>} */
	const rules = [];
	for (const endpoint of FAULT_ENDPOINTS) {
		const lookup = endpoint === 'bill/info';
		variants.forEach((v, j) => {
			if (o.mode === 'probability') {
				rules.push({ ...v.rule, endpoint, probability: o.rate / variants.length });
			} else {
				const count = lookup ? (o.perVariantLookup ?? o.perVariant) : o.perVariant;
				const spacing = lookup ? (o.spacingLookup ?? o.spacing) : o.spacing;
				rules.push({ ...v.rule, endpoint, count, skip: j * spacing });
			}
		});
	}
	return { rules, variants };
}

/** CCPayment's answer to a merchant_order_id it already has (same wording the node recognises). */
const DUPLICATE_TEXT =
	/duplicate|already (exist|used|been)|exist(s|ed)? already|repeat|order id (is )?exist/i;

/**
 * Outcome of one output item.
 * @param {any} json
 * @returns {{ outcome: 'created' | 'already_existed' | 'failed' | 'unknown' | 'unclassified', reason?: string, orderId?: string, duplicate?: boolean }}
 */
function classify(json) {
	if (json.outcome === 'created') return { outcome: 'created', orderId: json.order_id };
	if (json.outcome === 'already_existed')
		return { outcome: 'already_existed', orderId: json.order_id };
	if (
		json.outcome === 'failed' &&
		json.kind === 'business' &&
		DUPLICATE_TEXT.test(`${json.msg ?? ''} ${json.reason ?? ''}`)
	) {
		return {
			outcome: 'failed',
			duplicate: true,
			reason: `business ${json.code} duplicate merchant_order_id (exists from before)`,
		};
	}
	if (json.outcome === 'failed' || json.outcome === 'unknown') {
		const parts = [String(json.kind ?? 'error')];
		if (json.code !== undefined) parts.push(String(json.code));
		if (
			json.outcome === 'failed' &&
			/has no order with this merchant order ID/.test(String(json.error ?? ''))
		)
			parts.push('not found after re-sends');
		else if (json.kind === 'business' && json.msg) parts.push(String(json.msg).split(':')[0]);
		return { outcome: json.outcome, reason: parts.join(' ') };
	}
	return {
		outcome: 'unclassified',
		reason: String(json.error ?? JSON.stringify(json)).slice(0, 200),
	};
}

/**
 * @typedef {{ outcome: string, reason?: string, orderId?: string }} Classified
 * @typedef {{
 *   count: number, created: number, alreadyExisted: number, failed: number, unknown: number, unknownDebited: number, unclassified: number,
 *   failedByReason: Record<string, number>, unknownByReason: Record<string, number>,
 *   duplicates: number, mismatches: number, mismatchList: string[], unexpectedDebits: number,
 *   debited: number, newDebits: number, rerun: boolean, requests: Record<string, number>, limitErrors: number,
 *   faults: Array<{ label: string, endpoint: string, kind: string, injected: number }>, faultsByKind: Record<string, number>,
 *   faultsTotal: number, missingKinds: string[], wallMs: number
 * }} CampaignResult
 */

/**
 * What differs between the API versions when outcomes are compared with the ledger.
 * @typedef {{
 *   appId: string,
 *   prefix: string,
 *   classify: (json: any) => Classified & { duplicate?: boolean },
 *   reportedId: (json: any) => unknown,
 *   ledgerOrderId?: Map<string, string>,
 *   columns?: Record<string, string>,
 * }} LedgerView
 */

/**
 * Compare reported outcomes with the ledger (v1).
 * @param {any} sim the simulator
 * @param {string[]} ids merchant_order_id per item, in input order
 * @param {any[]} jsons output item json, in input order (pairedItem order)
 * @param {Array<{ label: string }>} variants
 * @param {number} wallMs
 * @param {Record<string, number>} [before] debits per merchant_order_id before this run (a re-run)
 * @returns {CampaignResult}
 */
function verify(sim, ids, jsons, variants, wallMs, before) {
	const appId = sim.merchant.appId;
	/** @type {Map<string, string>} */
	const ledgerOrderId = new Map();
	for (const m of sim.ledger(appId).merchants)
		for (const w of m.withdrawals ?? [])
			ledgerOrderId.set(String(w.merchant_order_id), String(w.order_id));
	return verifyLedger(sim, ids, jsons, variants, wallMs, before, {
		appId,
		prefix: '/ccpayment/v1/',
		classify,
		reportedId: (json) => json.merchant_order_id,
		ledgerOrderId,
	});
}

/**
 * The outcome rules of both versions, per order ID: created / already_existed -> exactly one debit
 * (none before this run for created); failed -> no new debit (a duplicate answer: exactly the earlier
 * one); unknown -> reported, never more than one debit; a debit of an ID not in this run -> mismatch.
 * @param {any} sim @param {string[]} ids @param {any[]} jsons @param {Array<{ label: string }>} variants
 * @param {number} wallMs @param {Record<string, number> | undefined} before @param {LedgerView} view
 * @returns {CampaignResult}
 */
function verifyLedger(sim, ids, jsons, variants, wallMs, before, view) {
	const ledger = sim.ledger(view.appId);
	/** @type {Record<string, number>} */
	const debits = ledger.withdrawal_debits[view.appId] ?? {};
	const r = {
		count: ids.length,
		created: 0,
		alreadyExisted: 0,
		failed: 0,
		unknown: 0,
		unknownDebited: 0,
		unclassified: 0,
		/** @type {Record<string, number>} */
		failedByReason: {},
		/** @type {Record<string, number>} */
		unknownByReason: {},
		duplicates: ledger.duplicate_debits.length,
		mismatches: 0,
		/** @type {string[]} */
		mismatchList: [],
		unexpectedDebits: 0,
		debited: Object.keys(debits).length,
		newDebits: Object.entries(debits).reduce((sum, [id, n]) => sum + n - (before?.[id] ?? 0), 0),
		rerun: before !== undefined,
	};
	/** @param {string} what */
	const mismatch = (what) => {
		r.mismatches++;
		if (r.mismatchList.length < 20) r.mismatchList.push(what);
	};
	if (jsons.length !== ids.length)
		mismatch(`${jsons.length} output items for ${ids.length} input items`);
	const known = new Set(ids);
	for (const id of Object.keys(debits)) {
		if (!known.has(id)) {
			r.unexpectedDebits++;
			mismatch(`${id}: debited but not one of this run's items`);
		}
	}
	ids.forEach((id, i) => {
		const json = jsons[i];
		const n = debits[id] ?? 0;
		if (!json) return;
		const c = view.classify(json);
		const reported = view.reportedId(json);
		if (reported !== undefined && String(reported) !== id)
			mismatch(`item ${i}: reports order ID ${reported}, expected ${id}`);
		const earlier = before?.[id] ?? 0;
		if (n < earlier) mismatch(`${id}: debited ${earlier} time(s) before this run, ${n} after`);
		switch (c.outcome) {
			case 'created':
			case 'already_existed':
				if (c.outcome === 'created') r.created++;
				else r.alreadyExisted++;
				if (c.outcome === 'created' && earlier !== 0)
					mismatch(`${id}: reported created but was already debited before this run`);
				if (n !== 1) mismatch(`${id}: reported ${c.outcome} but debited ${n} time(s)`);
				else if (
					view.ledgerOrderId &&
					c.orderId !== undefined &&
					view.ledgerOrderId.get(id) !== String(c.orderId)
				) {
					mismatch(
						`${id}: reported order_id ${c.orderId}, the ledger has ${view.ledgerOrderId.get(id)}`,
					);
				}
				break;
			case 'failed':
				r.failed++;
				r.failedByReason[c.reason ?? '?'] = (r.failedByReason[c.reason ?? '?'] ?? 0) + 1;
				// "Already exists" is a definite answer too: the order is there (from an earlier run), once.
				if (c.duplicate) {
					if (n !== 1 || earlier !== 1)
						mismatch(
							`${id}: reported failed as a duplicate but debited ${earlier} time(s) before, ${n} after`,
						);
				} else if (n !== earlier)
					mismatch(`${id}: reported failed (${c.reason}) but debited ${n} time(s)`);
				break;
			case 'unknown':
				r.unknown++;
				if (n > 0) r.unknownDebited++;
				if (n > 1) mismatch(`${id}: unknown but debited ${n} times`);
				r.unknownByReason[c.reason ?? '?'] = (r.unknownByReason[c.reason ?? '?'] ?? 0) + 1;
				break;
			default:
				r.unclassified++;
				mismatch(`${id}: no outcome (${c.reason})`);
		}
	});

	const stats = sim.faults.stats();
	/** @type {Array<{ label: string, endpoint: string, kind: string, injected: number }>} */
	const faults = stats.faults.map((/** @type {any} */ rule, /** @type {number} */ i) => ({
		label: variants[i % variants.length]?.label ?? rule.kind,
		endpoint: view.columns?.[String(rule.endpoint)] ?? String(rule.endpoint),
		kind: rule.kind,
		injected: rule.injected,
	}));
	/** @type {Record<string, number>} */
	const faultsByKind = { ...stats.counters.by_kind };
	const missingKinds = stats.kinds.filter((/** @type {string} */ k) => !faultsByKind[k]);
	/** @type {Record<string, number>} */
	const requests = {};
	let limitErrors = 0;
	for (const e of sim.requests) {
		const endpoint = String(e.path).replace(view.prefix, '');
		requests[endpoint] = (requests[endpoint] ?? 0) + 1;
		if (e.rateLimited) limitErrors++;
	}
	return {
		...r,
		requests,
		limitErrors,
		faults,
		faultsByKind,
		faultsTotal: stats.counters.total,
		missingKinds,
		wallMs,
	};
}

/**
 * Runs one campaign on a fresh simulator state.
 * @param {{
 *   sim: any,
 *   count: number,
 *   seed: number,
 *   faults: FaultPlan,
 *   nodeOptions: Record<string, number>,
 *   prefix?: string,
 *   unknownPayeeEvery?: number,
 *   rerun?: boolean,
 *   run: (items: Array<{ json: Record<string, string> }>, parameters: Record<string, unknown>) => Promise<any[]>,
 * }} o `run` executes the CCPayment node with continue-on-fail and returns the output items' json in input order;
 *   `rerun`: keep the simulator's state (same prefix = same merchant_order_ids as the run before)
 * @returns {Promise<CampaignResult>}
 */
async function runCampaign(o) {
	const { sim } = o;
	/** @type {Record<string, number> | undefined} */
	let before;
	if (o.rerun) {
		// Same items again on the state the first run left: nothing may be paid a second time.
		before = { ...(sim.ledger(sim.merchant.appId).withdrawal_debits[sim.merchant.appId] ?? {}) };
		sim.clearRequests();
	} else {
		await sim.reset({ keepConfig: true });
	}
	const timeoutMs = Number(o.nodeOptions.timeout ?? 30000);
	const { rules, variants } = faultRules({ ...o.faults, timeoutMs });
	sim.faults.set(rules, o.seed);
	const prefix = o.prefix ?? `camp-${o.seed}`;
	const items = inputItems('withdraw', o.count, prefix, o.unknownPayeeEvery ?? 0);
	const ids = items.map((it) => it.json.id);
	const started = Date.now();
	const jsons = await o.run(items, nodeParameters('withdraw', o.nodeOptions));
	const wallMs = Date.now() - started;
	// Sockets still held by timeout_after faults were applied before they were held, so the ledger is
	// final now; the simulator releases them on its own timers.
	return verify(sim, ids, jsons, variants, wallMs, before);
}

/**
 * Human-readable report lines.
 * @param {CampaignResult} r
 * @param {[string, string]} [columns] the write and lookup endpoint names of the fault table
 */
function formatResult(r, columns = ['withdraw', 'bill/info']) {
	const [write, lookup] = columns;
	const lines = [];
	const sorted = (/** @type {Record<string, number>} */ obj) =>
		Object.entries(obj).sort((a, b) => b[1] - a[1]);
	lines.push(`items                 ${r.count}`);
	lines.push(`created               ${r.created}`);
	lines.push(`already existed       ${r.alreadyExisted}`);
	lines.push(`failed                ${r.failed}`);
	for (const [reason, n] of sorted(r.failedByReason)) lines.push(`  ${reason.padEnd(40)} ${n}`);
	lines.push(
		`unknown               ${r.unknown}${r.unknown ? `   (the ledger shows ${r.unknownDebited} of them debited once, ${r.unknown - r.unknownDebited} not debited)` : ''}`,
	);
	for (const [reason, n] of sorted(r.unknownByReason)) lines.push(`  ${reason.padEnd(40)} ${n}`);
	if (r.unclassified) lines.push(`no outcome            ${r.unclassified}`);
	lines.push(
		`duplicates            ${r.duplicates}   (merchant_order_ids debited more than once; must be 0)`,
	);
	lines.push(`mismatches            ${r.mismatches}   (outcome vs ledger; must be 0)`);
	for (const m of r.mismatchList) lines.push(`  ${m}`);
	if (r.rerun)
		lines.push(
			`new debits            ${r.newDebits}   (by this re-run; it reported created ${r.created}); debited ids in total ${r.debited}`,
		);
	else
		lines.push(
			`debited ids           ${r.debited}   (created + already existed = ${r.created + r.alreadyExisted})`,
		);
	lines.push(
		`requests              ${Object.entries(r.requests)
			.map(([k, v]) => `${k} ${v}`)
			.join(', ')}`,
	);
	lines.push(
		`limit errors          ${r.limitErrors}   (the simulator's own rate limiter, not injected)`,
	);
	lines.push(`faults injected       ${r.faultsTotal}`);
	/** @type {Map<string, Record<string, number>>} */
	const byLabel = new Map();
	for (const f of r.faults) {
		const row = byLabel.get(f.label) ?? {};
		row[f.endpoint] = (row[f.endpoint] ?? 0) + f.injected;
		byLabel.set(f.label, row);
	}
	const w = Math.max(8, write.length);
	const l = Math.max(9, lookup.length);
	lines.push(`  ${'fault'.padEnd(28)} ${write.padStart(w)} ${lookup.padStart(l)}`);
	for (const [label, row] of byLabel) {
		lines.push(
			`  ${label.padEnd(28)} ${String(row[write] ?? 0).padStart(w)} ${String(row[lookup] ?? 0).padStart(l)}`,
		);
	}
	lines.push(
		`  by simulator kind: ${Object.entries(r.faultsByKind)
			.map(([k, v]) => `${k} ${v}`)
			.join(', ')}`,
	);
	if (r.missingKinds.length) lines.push(`  kinds never injected: ${r.missingKinds.join(', ')}`);
	lines.push(`wall time             ${(r.wallMs / 1000).toFixed(1)} s`);
	return lines;
}

module.exports = {
	faultVariants,
	faultRules,
	FAULT_ENDPOINTS,
	classify,
	verify,
	verifyLedger,
	runCampaign,
	formatResult,
	CWALLET_ID,
};
