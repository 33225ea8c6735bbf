// @ts-check
'use strict';
/**
 * The v2 wallet-system fault campaign: `--count` user-to-user transfers (unique order IDs) through
 * the CCPayment node (version 2, User Wallet > Transfer, continue on fail) in-process, with faults
 * on /userTransfer and on its reconciliation look-up /getUserTransferRecord at `--fault-rate` of
 * their requests, then the same items once more. Every item's outcome is compared with the
 * simulator's per-user journal: a transfer debited twice is a duplicate; an item reported created
 * or already_existed without exactly one debit, or failed with one, is a mismatch; and the sum of
 * all user balances plus the merchant balance must not change (transfers are zero-fee).
 */
const dec = require('../../simulator/shared/decimal');
const wallet = require('../../simulator/v2/wallet');
const deposits = require('../../simulator/v2/wallet-deposits');
const { faultVariants } = require('./campaign-core');
const { product } = require('../dist');

const USERS = 20;
const FUNDING = '1000';
const USDT = 1280;
const ENDPOINTS = ['userTransfer', 'getUserTransferRecord'];

/** @param {number} i */
const amountOf = (i) => `${1 + (i % 7)}.${String(i % 100).padStart(2, '0')}`;
/** @param {number} n */
const userId = (n) => `camp-user-${String(n).padStart(2, '0')}`;

/** @param {number} count @param {string} prefix */
function items(count, prefix) {
	return Array.from({ length: count }, (_, i) => ({
		json: {
			from: userId(i % USERS),
			to: userId((i * 7 + 3) % USERS === i % USERS ? (i + 1) % USERS : (i * 7 + 3) % USERS),
			orderId: `${prefix}-${String(i).padStart(5, '0')}`,
			amount: amountOf(i),
		},
	}));
}

/** @param {Record<string, unknown>} options */
function parameters(options) {
	return {
		apiVersion: 'v2',
		resource: 'userWallet',
		operation: 'transfer',
		fromUserId: '={{ $json.from }}',
		recipient: 'user',
		toUserId: '={{ $json.to }}',
		orderId: '={{ $json.orderId }}',
		coinId: { __rl: true, mode: 'id', value: String(USDT) },
		amount: '={{ $json.amount }}',
		options,
	};
}

/** @param {any} sim @param {string} appId */
function total(sim, appId) {
	const view = wallet.walletLedger(sim, appId);
	return dec.add(view.userTotals[USDT] || '0', view.merchant[USDT]);
}

/**
 * One pass over the items; counts per outcome, duplicates and mismatches against the journal.
 * @param {any} sim @param {string} appId @param {any[]} list @param {any[]} jsons
 */
function verify(sim, appId, list, jsons) {
	const debits = new Map();
	for (const e of wallet.walletLedger(sim, appId).journal) {
		if (e.type !== 'user_transfer' || dec.isPositive(e.amount)) continue;
		debits.set(e.order_id, (debits.get(e.order_id) || 0) + 1);
	}
	/** @type {Record<string, number>} */
	const outcomes = {};
	let duplicates = 0;
	let mismatches = 0;
	list.forEach((item, i) => {
		const json = jsons[i] || {};
		const outcome = String(json.outcome || 'none');
		outcomes[outcome] = (outcomes[outcome] || 0) + 1;
		const n = debits.get(item.json.orderId) || 0;
		if (n > 1) duplicates++;
		if ((outcome === 'created' || outcome === 'already_existed') && n !== 1) mismatches++;
		if (outcome === 'failed' && n !== 0) mismatches++;
	});
	return { outcomes, duplicates, mismatches };
}

/**
 * @param {{ sim: any, count: number, rate: number, seed: number, timeoutMs: number, rps: number,
 *   concurrency: number, rerun: boolean, say: (line: string) => void }} o
 * @returns {Promise<number>} exit code: 1 on any duplicate or mismatch
 */
async function runTransfersCampaign(o) {
	const { sim, say } = o;
	const { runNode } = require('../n8n/harness');
	const { CcPayment } = product('actionNode');
	const { CcPaymentApi } = product('credential');
	const { CcPaymentV2Api } = product('credentialV2');
	const merchant = sim.v2Merchant;
	await sim.reset({ keepConfig: true });
	for (let n = 0; n < USERS; n++) {
		deposits.openUserAddress(sim, { app_id: merchant.appId, user_id: userId(n), chain: 'TRX' });
		deposits.depositToUser(sim, {
			app_id: merchant.appId,
			user_id: userId(n),
			chain: 'TRX',
			coin_id: USDT,
			amount: FUNDING,
		});
	}
	const before = total(sim, merchant.appId);
	const variants = faultVariants(o.timeoutMs);
	const rules = ENDPOINTS.flatMap((endpoint) =>
		variants.map((v) => ({ ...v.rule, endpoint, probability: o.rate / variants.length })),
	);
	const list = items(o.count, `tr-${o.seed}-${Date.now().toString(36)}`);
	const options = {
		maxRequestsPerSecond: o.rps,
		maxConcurrentRequests: o.concurrency,
		maxRetries: 3,
		timeout: o.timeoutMs,
	};
	say(
		`v2 transfer campaign: ${o.count} transfers between ${USERS} users, faults on ${ENDPOINTS.join(' + ')} at ${(o.rate * 100).toFixed(1)}% over ${variants.length} variants, seed ${o.seed}`,
	);
	let bad = false;
	for (const [pass, seed] of [
		['first run', o.seed],
		...(o.rerun ? [['re-run of the same items', o.seed + 1]] : []),
	]) {
		sim.faults.set(rules, /** @type {number} */ (seed));
		const started = Date.now();
		const { output } = await runNode(CcPayment, {
			parameters: parameters(options),
			items: list,
			credentialsByType: {
				ccPaymentV2Api: { appId: merchant.appId, appSecret: merchant.appSecret, baseUrl: sim.url },
			},
			credentialTypes: [CcPaymentApi, CcPaymentV2Api],
			typeVersion: 2,
			continueOnFail: true,
		});
		const wallMs = Date.now() - started;
		const result = verify(
			sim,
			merchant.appId,
			list,
			output[0].map((/** @type {any} */ item) => item.json),
		);
		const conserved = total(sim, merchant.appId) === before;
		const stats = sim.faults.stats();
		const ok = result.duplicates === 0 && result.mismatches === 0 && conserved;
		bad ||= !ok;
		say('');
		say(`${pass}: ${o.count} items in ${wallMs} ms`);
		say(`  outcomes            ${JSON.stringify(result.outcomes)}`);
		say(`  faults injected     ${JSON.stringify(stats.counters?.by_kind ?? {})}`);
		say(`  duplicate transfers ${result.duplicates}`);
		say(`  mismatches          ${result.mismatches}`);
		say(`  users + merchant    ${conserved ? 'conserved' : 'CHANGED'} (${before} USDT)`);
		say(`${ok ? 'PASS' : 'FAIL'} ${pass}`);
	}
	return bad ? 1 : 0;
}

module.exports = { runTransfersCampaign, items, parameters, verify };
