// @ts-check
'use strict';
/**
 * The wallet system in real n8n (`n8n execute`, before `n8n start`): two users get deposit
 * addresses through the node, the simulator receives a deposit for one of them, then the worked
 * example examples/wallet-system.json (deposit -> credit user -> withdraw) runs, and a second
 * workflow transfers between the users, swaps and reads every balance. Each balance is compared
 * with the simulator's ledger, and users + merchant is conserved except what left the system.
 * Run twice, the example pays the same deposit out only once (already_existed).
 */
const fs = require('fs');
const path = require('path');
const { ROOT } = require('../lib/pkg');

const CREDENTIAL = { id: 'ccpDemoV2Cred001', name: 'CCPayment V2 account' };
const EXAMPLE_ID = 'ccpExampleWallet';
const FLOW_ID = 'ccpE2eWallet0001';
const USDT = 1280;
const TRX = 1482;

/** @param {any} result @param {string} node @returns {any[]} */
const out = (result, node) =>
	(result?.data?.resultData?.runData?.[node]?.[0]?.data?.main?.[0] ?? []).map(
		(/** @type {any} */ i) => i.json,
	);

const rl = (/** @type {string} */ value) => ({ __rl: true, mode: 'id', value });

/** Bob's address, the transfer, the swap and both users' balances. */
function flowWorkflow() {
	/** @param {string} name @param {number} x @param {Record<string, unknown>} parameters */
	const cc = (name, x, parameters) => ({
		id: `c6c6c6c6-0000-4000-8000-00000000${String(x).padStart(4, '0')}`,
		name,
		type: 'n8n-nodes-ccpayment.ccPayment',
		typeVersion: 2,
		position: [x, 0],
		parameters: { apiVersion: 'v2', resource: 'userWallet', ...parameters },
		credentials: { ccPaymentV2Api: CREDENTIAL },
	});
	const nodes = [
		{
			id: 'c6c6c6c6-0000-4000-8000-000000000001',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		cc('Bob address', 110, {
			operation: 'getDepositAddress',
			userId: 'user-bob',
			chain: rl('TRX'),
		}),
		cc('Transfer', 220, {
			operation: 'transfer',
			fromUserId: 'user-alice',
			recipient: 'user',
			toUserId: 'user-bob',
			orderId: 'e2e-transfer-1',
			coinId: rl(String(USDT)),
			amount: '30',
		}),
		cc('Swap', 440, {
			operation: 'swap',
			userId: 'user-bob',
			orderId: 'e2e-swap-1',
			coinIdIn: rl(String(USDT)),
			amountIn: '10',
			coinIdOut: rl(String(TRX)),
			amountOutMinimum: '1',
			additionalFields: { extraFeeRate: '0.01' },
		}),
		cc('Alice balances', 660, { operation: 'getBalances', userId: 'user-alice' }),
		cc('Bob balances', 880, { operation: 'getBalances', userId: 'user-bob' }),
	];
	const order = nodes.map((n) => n.name);
	/** @type {Record<string, any>} */
	const connections = {};
	for (let i = 0; i < order.length - 1; i++)
		connections[order[i]] = { main: [[{ node: order[i + 1], type: 'main', index: 0 }]] };
	return {
		id: FLOW_ID,
		name: 'e2e: v2 wallet flow',
		active: false,
		settings: {},
		nodes,
		connections,
	};
}

/**
 * @param {{ n8n: import('../lib/n8n').N8nInstance, sim: any, ok: (label: string, cond: boolean, detail?: unknown) => boolean, dir: string }} ctx
 */
async function run({ n8n, sim, ok, dir }) {
	const wallet = require(path.join(ROOT, 'simulator/v2/wallet'));
	const deposits = require(path.join(ROOT, 'simulator/v2/wallet-deposits'));
	const dec = require(path.join(ROOT, 'simulator/shared/decimal'));
	const appId = sim.v2Merchant.appId;
	const folder = path.join(dir, 'v2-wallet');
	fs.mkdirSync(path.join(folder, 'workflows'), { recursive: true });
	const credentials = path.join(folder, 'credentials.json');
	fs.writeFileSync(
		credentials,
		JSON.stringify([
			{
				...CREDENTIAL,
				type: 'ccPaymentV2Api',
				data: { appId, appSecret: sim.v2Merchant.appSecret, baseUrl: sim.url },
			},
		]),
	);
	fs.copyFileSync(
		path.join(ROOT, 'examples/wallet-system.json'),
		path.join(folder, 'workflows/example.json'),
	);
	fs.writeFileSync(path.join(folder, 'workflows/flow.json'), JSON.stringify(flowWorkflow()));
	await n8n.importCredentials(credentials);
	await n8n.importWorkflowsFromDir(path.join(folder, 'workflows'));

	const view = () => wallet.walletLedger(sim, appId);
	const total = (/** @type {number} */ coin) =>
		dec.add(view().userTotals[coin] || '0', view().merchant[coin]);
	const usdtStart = total(USDT);
	const trxStart = total(TRX);

	// Alice's address exists before the payment arrives (the example then reads it through the node).
	deposits.openUserAddress(sim, { app_id: appId, user_id: 'user-alice', chain: 'TRX' });
	deposits.depositToUser(sim, {
		app_id: appId,
		user_id: 'user-alice',
		chain: 'TRX',
		coin_id: USDT,
		amount: '100',
	});
	const first = await n8n.execute(EXAMPLE_ID);
	const [withdrawal] = out(first.result, 'Withdrawal record');
	ok(
		'wallet example: deposit credited, withdrawal made from the user balance',
		first.status === 'success' &&
			out(first.result, 'Deposit address')[0]?.address?.startsWith('T') &&
			out(first.result, 'User balance')[0]?.available === '100' &&
			out(first.result, 'Withdraw')[0]?.outcome === 'created' &&
			withdrawal?.amount === '20',
		{ code: first.code, stderr: first.stderr.slice(-2000), withdrawal },
	);
	const again = await n8n.execute(EXAMPLE_ID);
	ok(
		'wallet example re-run pays the same deposit out only once (already_existed)',
		again.status === 'success' && out(again.result, 'Withdraw')[0]?.outcome === 'already_existed',
		out(again.result, 'Withdraw'),
	);

	const flow = await n8n.execute(FLOW_ID);
	const [swap] = out(flow.result, 'Swap');
	const balance = (/** @type {string} */ node, /** @type {number} */ coin) =>
		out(flow.result, node).find((a) => a.coinId === coin)?.available;
	const ledger = view();
	ok(
		'wallet flow: transfer and swap made, every balance equals the simulator ledger',
		flow.status === 'success' &&
			out(flow.result, 'Bob address')[0]?.address?.startsWith('T') &&
			out(flow.result, 'Transfer')[0]?.outcome === 'created' &&
			swap?.outcome === 'created' &&
			balance('Alice balances', USDT) === '50' &&
			balance('Alice balances', USDT) === ledger.users['user-alice'][USDT] &&
			balance('Bob balances', USDT) === ledger.users['user-bob'][USDT] &&
			balance('Bob balances', TRX) === ledger.users['user-bob'][TRX],
		{ code: flow.code, stderr: flow.stderr.slice(-2000), users: ledger.users },
	);
	ok(
		'users + merchant conserved except what left (20 USDT withdrawn, 10 USDT swapped, CCPayment swap fee)',
		total(USDT) === dec.add(usdtStart, '70') &&
			total(TRX) === dec.add(trxStart, dec.add(swap?.netAmountOut ?? '0', swap?.extraFee ?? '0')),
		{ usdt: total(USDT), trx: total(TRX) },
	);
}

module.exports = { run, flowWorkflow, EXAMPLE_ID, FLOW_ID };
