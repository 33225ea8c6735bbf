// @ts-check
'use strict';
/**
 * Scenario 5: the importable examples in examples/ (what the demo loads) work in real n8n.
 *   - hosted checkout and payout-with-balance-check run with `n8n execute`; their order and payout IDs
 *     come from their input rows, so the payout example run twice debits the balance once (CCPayment
 *     refuses the second send of the same payout ID);
 *   - the deposit-address + webhook reconciliation workflow is active: a fully paid order ends in
 *     "Mark order paid", a partly paid one in "Flag underpaid order", a direct deposit in "Credit customer".
 * The examples reference the demo credential; their copies here point at the suite's credential.
 */
const fs = require('fs');
const path = require('path');
const { ROOT } = require('../lib/pkg');
const sim = require('../lib/sim');
const { CREDENTIAL_ID, CREDENTIAL_NAME, CREDENTIAL_TYPE } = require('../fixtures');

const DIR = path.join(ROOT, 'examples');
const CHECKOUT_ID = 'ccpExampleCheck1';
const PAYOUT_ID = 'ccpExamplePayout';
const WEBHOOK_WORKFLOW_ID = 'ccpExampleDepos1';

/** @param {string} file */
const load = (file) => JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'));

/**
 * Copies every example into the import folder, re-pointed at the suite's credential.
 * @param {string} workflowsDir
 * @returns {{ webhookId: string }}
 */
function prepare(workflowsDir) {
	let webhookId = '';
	for (const file of fs.readdirSync(DIR).filter((f) => f.endsWith('.json'))) {
		const wf = load(file);
		for (const node of wf.nodes) {
			if (node.credentials?.[CREDENTIAL_TYPE])
				node.credentials[CREDENTIAL_TYPE] = { id: CREDENTIAL_ID, name: CREDENTIAL_NAME };
			if (wf.id === WEBHOOK_WORKFLOW_ID && String(node.type).endsWith('.ccPaymentTrigger'))
				webhookId = node.webhookId;
		}
		fs.writeFileSync(path.join(workflowsDir, `example-${file}`), JSON.stringify(wf, null, 2));
	}
	return { webhookId };
}

/** @param {any} result @param {string} node @returns {any[]} */
const out = (result, node) =>
	(result?.data?.resultData?.runData?.[node]?.[0]?.data?.main?.[0] ?? []).map(
		(/** @type {any} */ i) => i.json,
	);

/**
 * Before `n8n start`: the two manual examples via `n8n execute`.
 * @param {{ n8n: import('../lib/n8n').N8nInstance, sim: any, ok: (label: string, cond: boolean, detail?: unknown) => boolean }} ctx
 */
async function runManual({ n8n, sim: simulator, ok }) {
	const checkout = await n8n.execute(CHECKOUT_ID);
	const [link] = out(checkout.result, 'Checkout link');
	ok(
		'example "hosted checkout" runs and returns a payment_url',
		checkout.status === 'success' &&
			!!link &&
			String(link.payment_url).startsWith(simulator.url) &&
			link.merchant_order_id === 'order-1001',
		{
			exit: checkout.code,
			status: checkout.status,
			link,
			tail: (checkout.stdout + checkout.stderr).slice(-1500),
		},
	);

	// Twice, as a user re-running the workflow would: the payout ID comes from the row, so CCPayment
	// refuses the second send as a duplicate and the balance is debited once.
	const first = await n8n.execute(PAYOUT_ID);
	const second = await n8n.execute(PAYOUT_ID);
	const [row] = out(first.result, 'Payout row');
	const ledger = await sim.get(simulator, `/__sim/ledger?app_id=${simulator.merchant.appId}`);
	const debits = row
		? ledger.withdrawal_debits?.[simulator.merchant.appId]?.[row.payout_id]
		: undefined;
	const [status] = out(first.result, 'Payout status');
	const [sent] = out(first.result, 'Send payout');
	const refused = second.result?.data?.resultData?.runData?.['Send payout']?.[0]?.error;
	ok(
		'example "payout with balance check" sends the payout once and reads its status',
		first.status === 'success' &&
			!!status &&
			status.merchant_order_id === row?.payout_id &&
			sent?.outcome === 'created' &&
			out(first.result, 'Insufficient balance').length === 0,
		status ?? (first.stdout + first.stderr).slice(-1500),
	);
	ok(
		'example "payout with balance check" run twice debits once (second send refused as used before)',
		debits === 1 &&
			/used before/.test(String(refused?.description ?? '')) &&
			out(second.result, 'Payout status').length === 0,
		{ debits, refused: refused ?? (second.stdout + second.stderr).slice(-1500) },
	);
}

/**
 * After `n8n start`, with the example's webhook active: three deliveries to its URL.
 * @param {{ n8n: import('../lib/n8n').N8nInstance, sim: any, ok: (label: string, cond: boolean, detail?: unknown) => boolean, webhookId: string }} ctx
 */
async function runWebhook({ n8n, sim: simulator, ok, webhookId }) {
	const url = `${n8n.base}/webhook/${webhookId}/webhook`;
	const stamp = Date.now();
	const full = `example-full-${stamp}`;
	const part = `example-part-${stamp}`;
	await sim.api(simulator, 'concise/url/get', {
		merchant_order_id: full,
		product_price: '10',
		product_name: 'Example',
	});
	await sim.api(simulator, 'concise/url/get', {
		merchant_order_id: part,
		product_price: '10',
		product_name: 'Example',
	});
	await sim.api(simulator, 'payment/address/get', { user_id: 'customer-42', chain: 'TRX' });

	const records = [];
	for (const [route, body] of /** @type {Array<[string, object]>} */ ([
		['/__sim/orders/pay', { merchant_order_id: full, mode: 'full', url }],
		['/__sim/orders/pay', { merchant_order_id: part, mode: 'partial', url }],
		['/__sim/addresses/deposit', { user_id: 'customer-42', chain: 'TRX', amount: '42', url }],
	])) {
		const r = await sim.control(simulator, route, body);
		records.push(r.record_id);
		await sim.waitDeliveries(simulator, (l) => l.length > 0 && l.every(sim.settled), {
			record_id: r.record_id,
			what: `delivery to the example (${route})`,
		});
	}
	const list = await n8n.settledExecutions(WEBHOOK_WORKFLOW_ID, 3, { timeoutMs: 20000 });
	/** @param {string} recordId @param {string} node */
	const endsIn = (recordId, node) =>
		list.some((e) => {
			const runData = e.data?.resultData?.runData ?? {};
			const trigger = runData['On CCPayment notification']?.[0]?.data?.main?.[0]?.[0]?.json;
			return (
				trigger?.record_id === recordId && (runData[node]?.[0]?.data?.main?.[0] ?? []).length === 1
			);
		});
	const summary = list.map((e) => Object.keys(e.data?.resultData?.runData ?? {}).join(' > '));
	ok(
		'example reconciliation: fully paid order -> "Mark order paid"',
		endsIn(records[0], 'Mark order paid'),
		summary,
	);
	ok(
		'example reconciliation: partly paid order -> "Flag underpaid order"',
		endsIn(records[1], 'Flag underpaid order'),
		summary,
	);
	ok(
		'example reconciliation: direct deposit -> "Credit customer"',
		endsIn(records[2], 'Credit customer'),
		summary,
	);
}

module.exports = { prepare, runManual, runWebhook, WEBHOOK_WORKFLOW_ID };
