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
const { faultVariants, verifyLedger } = require('./campaign-core');
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
	return verifyLedger(sim, ids, jsons, variants, wallMs, before, {
		appId: sim.v2Merchant.appId,
		prefix: '/ccpayment/v2/',
		classify: classifyV2,
		reportedId: (json) => json.orderId ?? json.merchant_order_id,
		columns: COLUMNS,
	});
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
