// @ts-check
'use strict';
/**
 * A small, deterministic version of scripts/campaign.js: 120 withdrawals through the CCPayment node
 * (n8n-core harness, continue on fail) while the simulator injects every fault variant into
 * `withdraw` and `bill/info` a fixed number of times (count rules, so the same faults are injected
 * whatever order concurrent requests arrive in). Then, against the simulator's ledger debit journal:
 * no merchant_order_id is debited twice, and every item's reported outcome matches the ledger.
 */
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');

const { startSimulator } = require('../../../simulator');
const { runNode } = require('../../../dev/n8n/harness');
const { product } = require('../../../dev/dist');
const { CcPayment } = product('actionNode');
const campaign = require('../../../dev/perf/campaign-core');
const { UNKNOWN_CWALLET_ID } = require('../../../dev/perf/workloads');

const COUNT = 120;
const UNKNOWN_EVERY = 20;
const TIMEOUT_MS = 400;
const NODE_OPTIONS = {
	maxRequestsPerSecond: 95,
	maxConcurrentRequests: 8,
	maxRetries: 3,
	timeout: TIMEOUT_MS,
};

/** @type {any} */
let sim;
/** @type {campaign.CampaignResult} */
let result;
/** @type {any[]} */
let jsons = [];
/** @type {Array<{ json: Record<string, string> }>} */
let inputs = [];

/** @type {campaign.CampaignResult} */
let rerun;

before(async () => {
	sim = await startSimulator({ port: 0 });
	const credentials = {
		appId: sim.merchant.appId,
		appSecret: sim.merchant.appSecret,
		baseUrl: sim.url,
	};
	/** @param {boolean} again */
	const options = (again) => ({
		sim,
		count: COUNT,
		seed: 20241124,
		// 3 of each variant on withdraw (every 4th matching request from rule j*4 on), 1 of each on
		// bill/info (every other lookup), so every kind is injected whatever the request order.
		faults: /** @type {const} */ ({
			mode: 'count',
			perVariant: 3,
			spacing: 4,
			perVariantLookup: 1,
			spacingLookup: 2,
		}),
		nodeOptions: NODE_OPTIONS,
		prefix: 'safety',
		unknownPayeeEvery: UNKNOWN_EVERY,
		rerun: again,
	});
	result = await campaign.runCampaign({
		...options(false),
		run: async (items, parameters) => {
			inputs = items;
			const { output } = await runNode(CcPayment, {
				parameters,
				items,
				credentials,
				continueOnFail: true,
				typeVersion: 1,
			});
			assert.deepEqual(
				output[0].map((item) => /** @type {any} */ (item.pairedItem).item),
				items.map((_, i) => i),
				'one output item per input item, in input order',
			);
			jsons = output[0].map((item) => item.json);
			return jsons;
		},
	});
	// A user running the same batch again (same merchant_order_ids), with the same fault mix.
	rerun = await campaign.runCampaign({
		...options(true),
		run: async (items, parameters) => {
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
});

after(async () => {
	await sim?.stop();
});

test('no merchant_order_id is debited twice', () => {
	assert.equal(result.duplicates, 0, campaign.formatResult(result).join('\n'));
	const debits = sim.ledger(sim.merchant.appId).withdrawal_debits[sim.merchant.appId] ?? {};
	for (const [id, n] of Object.entries(debits)) assert.ok(n <= 1, `${id} debited ${n} times`);
});

test('every item reports created, already existed, failed or unknown, and it matches the ledger', () => {
	assert.equal(result.unclassified, 0, campaign.formatResult(result).join('\n'));
	assert.equal(result.mismatches, 0, campaign.formatResult(result).join('\n'));
	assert.equal(result.created + result.alreadyExisted + result.failed + result.unknown, COUNT);
	assert.equal(result.debited, result.created + result.alreadyExisted + result.unknownDebited);
});

test('payouts to a Cwallet ID that does not exist never report success and are never debited', () => {
	const debits = sim.ledger(sim.merchant.appId).withdrawal_debits[sim.merchant.appId] ?? {};
	const bad = inputs.filter((it) => it.json.address === UNKNOWN_CWALLET_ID);
	assert.equal(bad.length, COUNT / UNKNOWN_EVERY);
	for (const item of bad) {
		const json = jsons[inputs.indexOf(item)];
		assert.ok(
			json.outcome === 'failed' || json.outcome === 'unknown',
			`${item.json.id}: ${JSON.stringify(json)}`,
		);
		assert.equal(debits[item.json.id] ?? 0, 0, `${item.json.id} was debited`);
	}
	// At least one of them got CCPayment's definite answer (the faults cannot hide them all).
	assert.ok(
		(result.failedByReason['business 224083 users do not exist'] ?? 0) > 0,
		JSON.stringify(result.failedByReason),
	);
});

test('the campaign really injected every fault kind the simulator has, on withdraw and on bill/info', () => {
	const kinds = sim.faults.stats().kinds;
	assert.deepEqual(result.missingKinds, [], `never injected: ${result.missingKinds.join(', ')}`);
	for (const endpoint of campaign.FAULT_ENDPOINTS) {
		const rows = result.faults.filter((f) => f.endpoint === endpoint);
		const variants = campaign.faultVariants(TIMEOUT_MS);
		assert.equal(rows.length, variants.length);
		for (const row of rows)
			assert.ok(row.injected >= 1, `${row.label} never injected on ${endpoint}`);
		assert.deepEqual(
			new Set(rows.map((r) => r.kind)),
			new Set(kinds),
			`${endpoint}: every simulator kind has a rule`,
		);
	}
});

test('running the same batch again pays nothing twice: only items not paid the first time can be created', () => {
	assert.equal(rerun.duplicates, 0, campaign.formatResult(rerun).join('\n'));
	assert.equal(rerun.mismatches, 0, campaign.formatResult(rerun).join('\n'));
	assert.equal(rerun.unclassified, 0);
	// New debits land only on items the first run did not pay, and at least on every item this run
	// reports created. (An item whose first send here was applied but answered ambiguously is found
	// by the lookup and may be reported as already existing, so `created` is a lower bound.)
	assert.ok(
		rerun.newDebits >= rerun.created && rerun.newDebits <= COUNT - result.debited,
		`new debits ${rerun.newDebits}, created ${rerun.created}, unpaid after the first run ${COUNT - result.debited}`,
	);
	assert.ok(
		rerun.created <= COUNT - result.created - result.alreadyExisted,
		`re-run created ${rerun.created}`,
	);
	const duplicates = Object.entries(rerun.failedByReason).filter(([reason]) =>
		/duplicate/.test(reason),
	);
	assert.ok(
		duplicates.length > 0,
		'CCPayment answered "already exists" for items paid by the first run',
	);
});
