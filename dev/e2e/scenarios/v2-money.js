// @ts-check
'use strict';
/**
 * v2 money in real n8n: `n8n execute` runs a workflow of v2 operations (node version 2, a CCPayment
 * V2 API credential) against the simulator's v2 merchant: three network withdrawals, their lookup,
 * an order and its computed state, an invoice, a deposit address, a swap and a two-order batch. The
 * items are checked against the simulator's ledger and records, not against the node's code.
 */
const fs = require('fs');
const path = require('path');
const { ACTION_TYPE } = require('../fixtures');

const WORKFLOW_ID = 'ccpE2eV2Money001';
const CREDENTIAL = { id: 'ccpE2eCredV2001', name: 'CCPayment V2 (e2e)' };
const ADDRESS = '0x4444444444444444444444444444444444444444';

/** @param {string} value */
const byId = (value) => ({ __rl: true, mode: 'id', value });

/**
 * The workflow's CCPayment steps: [name, parameters, executeOnce].
 * @param {string} tag unique per run
 * @returns {Array<[string, Record<string, unknown>, boolean]>}
 */
function steps(tag) {
	return [
		[
			'Withdraw',
			{
				resource: 'withdrawal',
				operation: 'createToNetwork',
				orderId: `={{ "${tag}-wd-" + $itemIndex }}`,
				coinId: byId('1280'),
				chain: byId('POLYGON'),
				address: ADDRESS,
				amount: '={{ String($itemIndex + 2) }}',
			},
			false,
		],
		[
			'Withdrawal Get',
			{ resource: 'withdrawal', operation: 'get', id: '={{ $json.orderId }}' },
			false,
		],
		[
			'Batch Create',
			{
				resource: 'batchWithdrawal',
				operation: 'create',
				batchOrderId: `${tag}-batch`,
				coinId: byId('1280'),
				chain: byId('POLYGON'),
				seq: '={{ $itemIndex + 1 }}',
				address: ADDRESS,
				amount: '1.5',
			},
			false,
		],
		[
			'Order Create',
			{
				resource: 'order',
				operation: 'create',
				orderId: `${tag}-order`,
				coinId: byId('1280'),
				chain: byId('TRX'),
				priceIn: 'coin',
				price: '25',
				additionalFields: { validFor: 3600 },
			},
			true,
		],
		['Order Get', { resource: 'order', operation: 'get', orderId: `${tag}-order` }, true],
		[
			'Invoice Create',
			{ resource: 'invoice', operation: 'create', orderId: `${tag}-invoice`, price: '10' },
			true,
		],
		[
			'Deposit Address',
			{
				resource: 'depositAddress',
				operation: 'getOrCreate',
				referenceId: `${tag}-user`,
				chain: byId('TRX'),
			},
			true,
		],
		[
			'Swap',
			{
				resource: 'swap',
				operation: 'swap',
				orderId: `${tag}-swap`,
				coinIdIn: '1280',
				amountIn: '100',
				coinIdOut: '1482',
			},
			true,
		],
	];
}

/**
 * Writes the v2 credential and the workflow, and imports both (n8n not running yet).
 * @param {{ n8n: import('../lib/n8n').N8nInstance, sim: any, dir: string, tag: string }} o
 */
async function prepare(o) {
	const dir = fs.mkdtempSync(path.join(o.dir, 'v2-money-'));
	const credentials = path.join(dir, 'credentials.json');
	const merchant = o.sim.v2Merchant;
	fs.writeFileSync(
		credentials,
		JSON.stringify([
			{
				...CREDENTIAL,
				type: 'ccPaymentV2Api',
				data: { appId: merchant.appId, appSecret: merchant.appSecret, baseUrl: o.sim.url },
			},
		]),
	);
	const runTag = `e2e${o.tag.replace(/\D/g, '')}-${Date.now().toString(36)}`;
	const names = ['Start', 'Items', ...steps(runTag).map(([name]) => name)];
	const nodes = [
		{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
		{
			name: 'Items',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: {
				jsCode: 'return [{ json: { n: 0 } }, { json: { n: 1 } }, { json: { n: 2 } }];',
			},
		},
		...steps(runTag).map(([name, parameters, executeOnce]) => ({
			name,
			type: ACTION_TYPE,
			typeVersion: 2,
			parameters: { apiVersion: 'v2', ...parameters },
			credentials: { ccPaymentV2Api: CREDENTIAL },
			...(executeOnce ? { executeOnce: true } : {}),
		})),
	].map((node, i) => ({
		id: `e2e2e000-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`,
		position: [220 * i, 0],
		...node,
	}));
	/** @type {Record<string, any>} */
	const connections = {};
	for (let i = 0; i + 1 < names.length; i++)
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	const workflows = path.join(dir, 'workflows');
	fs.mkdirSync(workflows);
	fs.writeFileSync(
		path.join(workflows, 'v2-money.json'),
		JSON.stringify({
			id: WORKFLOW_ID,
			name: 'E2E v2 money',
			active: false,
			settings: { executionOrder: 'v1' },
			nodes,
			connections,
			pinData: {},
		}),
	);
	await o.n8n.importCredentials(credentials);
	await o.n8n.importWorkflowsFromDir(workflows);
	return runTag;
}

/**
 * Imports, executes and checks against the simulator.
 * @param {{ n8n: import('../lib/n8n').N8nInstance, sim: any, ok: (label: string, cond: boolean, detail?: unknown) => boolean, dir: string, tag: string }} o
 */
async function run(o) {
	const runTag = await prepare(o);
	const r = await o.n8n.execute(WORKFLOW_ID);
	const status = r.status;
	if (
		!o.ok('v2 money workflow finished (status success)', status === 'success', {
			exit: r.code,
			status,
			tail: (r.stdout + r.stderr).split('\n').slice(-20).join('\n'),
		})
	)
		return;
	const runData = r.result?.data?.resultData?.runData ?? {};
	/** @param {string} node @returns {any[]} */
	const items = (node) =>
		(runData[node]?.[0]?.data?.main?.[0] ?? []).map((/** @type {any} */ it) => it.json);
	const appId = o.sim.v2Merchant.appId;
	const debits = o.sim.ledger(appId).withdrawal_debits[appId] ?? {};
	const withdrawals = items('Withdraw');
	o.ok(
		'v2 withdrawals: 3 items created, each debited exactly once',
		withdrawals.length === 3 &&
			withdrawals.every((w) => w.outcome === 'created' && debits[w.orderId] === 1),
		{ withdrawals, debits },
	);
	const got = items('Withdrawal Get');
	o.ok(
		'v2 Withdrawal > Get returns each record with its amount',
		got.length === 3 && got.every((g, i) => g.amount === String(i + 2) && g.toAddress === ADDRESS),
		got,
	);
	const [order] = items('Order Get');
	o.ok(
		'v2 Order > Get: the new order is Pending with 25 due',
		order?.paymentState === 'Pending' && order.amountDue === '25' && order.remainingAmount === '25',
		order,
	);
	const [invoice] = items('Invoice Create');
	o.ok(
		'v2 Invoice > Create returns an invoice URL',
		/^https?:\/\//.test(invoice?.invoiceUrl ?? ''),
		invoice,
	);
	const [address] = items('Deposit Address');
	o.ok('v2 Deposit Address > Get or Create returns an address', !!address?.address, address);
	const [swap] = items('Swap');
	o.ok('v2 Swap: created with a record ID', swap?.outcome === 'created' && !!swap.recordId, swap);
	const batch = items('Batch Create');
	o.ok(
		'v2 Batch Withdrawal > Create: one batch, one order per item (seq 1-3)',
		batch.length === 3 &&
			batch.every(
				(b, i) =>
					b.outcome === 'created' && b.seq === i + 1 && b.batchOrderId === `${runTag}-batch`,
			),
		batch,
	);
	o.ok('v2: no order ID debited twice', o.sim.ledger(appId).duplicate_debits.length === 0);
}

module.exports = { run, WORKFLOW_ID };
