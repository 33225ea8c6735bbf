// @ts-check
'use strict';
/**
 * The money-safety fault campaign for v2 network withdrawals: the v1 campaign's fault variants,
 * injected into `applyAppWithdrawToNetwork` and its reconciliation lookup `getAppWithdrawRecord`,
 * then every item's outcome compared with the simulator's debit journal of the v2 merchant.
 *
 * Outcome rules (per order ID): created / already_existed -> exactly one debit; failed -> none
 * (on a re-run: exactly the earlier one); unknown -> reported, never more than one; any order ID
 * debited twice -> duplicate. Anything else is a mismatch.
 */
const { faultVariants } = require('./campaign-core');
const { withdrawItems, nodeParametersV2 } = require('./workloads-v2');

const WRITE = '/ccpayment/v2/applyAppWithdrawToNetwork';
const LOOKUP = '/ccpayment/v2/getAppWithdrawRecord';
/** Column names of the fault table. @type {Record<string, string>} */
const COLUMNS = { [WRITE]: 'applyAppWithdrawToNetwork', [LOOKUP]: 'getAppWithdrawRecord' };

/** @param {number} rate @param {number} timeoutMs */
function faultRulesV2(rate, timeoutMs) {
	const variants = faultVariants(timeoutMs);
	const rules = [WRITE, LOOKUP].flatMap((endpoint) =>
		variants.map((v) => ({ ...v.rule, endpoint, probability: rate / variants.length })),
	);
	return { rules, variants };
}

/**
 * @param {any} json
 * @returns {{ outcome: string, reason?: string }}
 */
function classifyV2(json) {
	if (json.outcome === 'created' || json.outcome === 'already_existed')
		return { outcome: json.outcome };
	if (json.outcome === 'failed' || json.outcome === 'unknown') {
		const parts = [String(json.kind ?? 'error')];
		if (json.code !== undefined) parts.push(String(json.code));
		if (json.tip) parts.push(String(json.tip));
		else if (/has no order with this merchant order ID/.test(String(json.error ?? '')))
			parts.push('not found after re-sends');
		return { outcome: json.outcome, reason: parts.join(' ') };
	}
	return {
		outcome: 'unclassified',
		reason: String(json.error ?? JSON.stringify(json)).slice(0, 200),
	};
}

/**
 * @param {any} sim @param {string[]} ids @param {any[]} jsons @param {Array<{ label: string }>} variants
 * @param {number} wallMs @param {Record<string, number>} [before]
 */
function verifyV2(sim, ids, jsons, variants, wallMs, before) {
	const appId = sim.v2Merchant.appId;
	const ledger = sim.ledger(appId);
	/** @type {Record<string, number>} */
	const debits = ledger.withdrawal_debits[appId] ?? {};
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
		mismatch(`${jsons.length} output items for ${ids.length} inputs`);
	const known = new Set(ids);
	for (const id of Object.keys(debits))
		if (!known.has(id)) {
			r.unexpectedDebits++;
			mismatch(`${id}: debited but not one of this run's items`);
		}
	ids.forEach((id, i) => {
		const json = jsons[i];
		if (!json) return;
		const n = debits[id] ?? 0;
		const earlier = before?.[id] ?? 0;
		const c = classifyV2(json);
		const reported = json.orderId ?? json.merchant_order_id;
		if (reported !== undefined && String(reported) !== id)
			mismatch(`item ${i}: reports order ID ${reported}, expected ${id}`);
		if (c.outcome === 'created' || c.outcome === 'already_existed') {
			if (c.outcome === 'created') r.created++;
			else r.alreadyExisted++;
			if (c.outcome === 'created' && earlier !== 0)
				mismatch(`${id}: reported created but was debited before this run`);
			if (n !== 1) mismatch(`${id}: reported ${c.outcome} but debited ${n} time(s)`);
		} else if (c.outcome === 'failed') {
			r.failed++;
			r.failedByReason[c.reason ?? '?'] = (r.failedByReason[c.reason ?? '?'] ?? 0) + 1;
			if (n !== earlier) mismatch(`${id}: reported failed (${c.reason}) but debited ${n} time(s)`);
		} else if (c.outcome === 'unknown') {
			r.unknown++;
			if (n > 0) r.unknownDebited++;
			if (n > 1) mismatch(`${id}: unknown but debited ${n} times`);
			r.unknownByReason[c.reason ?? '?'] = (r.unknownByReason[c.reason ?? '?'] ?? 0) + 1;
		} else {
			r.unclassified++;
			mismatch(`${id}: no outcome (${c.reason})`);
		}
	});
	const stats = sim.faults.stats();
	const faults = stats.faults.map((/** @type {any} */ rule, /** @type {number} */ i) => ({
		label: variants[i % variants.length]?.label ?? rule.kind,
		endpoint: COLUMNS[String(rule.endpoint)] ?? String(rule.endpoint),
		kind: rule.kind,
		injected: rule.injected,
	}));
	/** @type {Record<string, number>} */
	const faultsByKind = { ...stats.counters.by_kind };
	/** @type {Record<string, number>} */
	const requests = {};
	let limitErrors = 0;
	for (const e of sim.requests) {
		const endpoint = String(e.path).replace('/ccpayment/v2/', '');
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
		missingKinds: stats.kinds.filter((/** @type {string} */ k) => !faultsByKind[k]),
		wallMs,
	};
}

/**
 * One v2 campaign. `run(items, parameters)` runs the node (version 2, continue on fail) and returns
 * the output json in input order. With `rerun`, the simulator keeps its state (same order IDs).
 * @param {{ sim: any, count: number, seed: number, rate: number, nodeOptions: Record<string, number>,
 *   prefix: string, badAddressEvery?: number, rerun?: boolean,
 *   run: (items: any[], parameters: Record<string, unknown>) => Promise<any[]> }} o
 */
async function runCampaignV2(o) {
	const { sim } = o;
	const appId = sim.v2Merchant.appId;
	/** @type {Record<string, number> | undefined} */
	let before;
	if (o.rerun) {
		before = { ...(sim.ledger(appId).withdrawal_debits[appId] ?? {}) };
		sim.clearRequests();
	} else {
		await sim.reset({ keepConfig: true });
	}
	const { rules, variants } = faultRulesV2(o.rate, Number(o.nodeOptions.timeout ?? 30000));
	sim.faults.set(rules, o.seed);
	const items = withdrawItems(o.count, o.prefix, o.badAddressEvery ?? 0);
	const started = Date.now();
	const jsons = await o.run(items, nodeParametersV2('withdraw', o.nodeOptions));
	const wallMs = Date.now() - started;
	return verifyV2(
		sim,
		items.map((item) => item.json.id),
		jsons,
		variants,
		wallMs,
		before,
	);
}

module.exports = { faultRulesV2, classifyV2, verifyV2, runCampaignV2, COLUMNS };
