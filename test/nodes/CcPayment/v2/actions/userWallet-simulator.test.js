// @ts-check
'use strict';
/**
 * The User Wallet operations inside n8n-core against the local simulator: two users' addresses, a
 * deposit, a transfer, a swap with markup, withdrawals and the sweep, every balance checked against
 * the simulator's ledger, and the sum of all user balances plus the merchant balance conserved
 * except what left the system (withdrawals, CCPayment's swap fee). Then the write policy under
 * injected faults: never two transfers for one order ID.
 */
const { test, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');

const { startSimulator } = require('../../../../../simulator');
const wallet = require('../../../../../simulator/v2/wallet');
const deposits = require('../../../../../simulator/v2/wallet-deposits');
const dec = require('../../../../../simulator/shared/decimal');
const { runV2, jsonOf, byId } = require('../../../../helpers/v2-node');

/** @type {any} */
let sim;
before(async () => {
	sim = await startSimulator({ port: 0 });
});
after(async () => await sim.stop());
beforeEach(async () => await sim.reset());

const USDT = 1280;
const TRX = 1482;
const run = (/** @type {Record<string, unknown>} */ parameters, options = {}) =>
	jsonOf(
		runV2(
			sim.url,
			{ apiVersion: 'v2', resource: 'userWallet', ...parameters },
			{
				credentials: { appId: sim.v2Merchant.appId, appSecret: sim.v2Merchant.appSecret },
				...options,
			},
		),
	);
const ledger = () => wallet.walletLedger(sim, sim.v2Merchant.appId);
const total = (/** @type {number} */ coinId) => {
	const view = ledger();
	return dec.add(view.userTotals[coinId] || '0', view.merchant[coinId]);
};
const nodeBalance = async (/** @type {string} */ userId, /** @type {number} */ coinId) =>
	(await run({ operation: 'getBalance', userId, coinId: byId(String(coinId)) }))[0].available;

async function twoUsers() {
	for (const userId of ['alice01', 'bob0001']) {
		const [address] = await run({ operation: 'getDepositAddress', userId, chain: byId('TRX') });
		assert.match(address.address, /^T/);
	}
	deposits.depositToUser(sim, {
		app_id: sim.v2Merchant.appId,
		user_id: 'alice01',
		chain: 'TRX',
		coin_id: USDT,
		amount: '100',
	});
}

test('deposit, transfer, swap, withdraw and sweep: every balance matches the ledger and the total is conserved except fees', async () => {
	const usdtStart = total(USDT);
	const trxStart = total(TRX);
	await twoUsers();
	assert.equal(await nodeBalance('alice01', USDT), '100');

	const [sent] = await run({
		operation: 'transfer',
		fromUserId: 'alice01',
		recipient: 'user',
		toUserId: 'bob0001',
		orderId: 't-1',
		coinId: byId('1280'),
		amount: '30',
	});
	assert.equal(sent.outcome, 'created');
	const [record] = await run({ operation: 'getTransfer', lookupBy: 'orderId', id: 't-1' });
	assert.equal(record.status, 'Success');

	const [quote] = await run({
		operation: 'getSwapQuote',
		coinIdIn: byId('1280'),
		amountIn: '10',
		coinIdOut: byId('1482'),
		additionalFields: { extraFeeRate: '0.01' },
	}).catch(() => [undefined]);
	const [swapped] = await run({
		operation: 'swap',
		userId: 'bob0001',
		orderId: 's-1',
		coinIdIn: byId('1280'),
		amountIn: '10',
		coinIdOut: byId('1482'),
		amountOutMinimum: '1',
		additionalFields: { extraFeeRate: '0.01' },
	});
	assert.equal(swapped.outcome, 'created');
	if (quote) assert.equal(quote.netAmountOut, swapped.netAmountOut);

	const [withdrawn] = await run({
		operation: 'withdrawToNetwork',
		userId: 'alice01',
		orderId: 'w-1',
		coinId: byId('1280'),
		chain: byId('TRX'),
		address: 'TQ1TsPvVxXLTDz3GU4FLyGjkLqRBFhkXQm',
		amount: '20',
	});
	assert.equal(withdrawn.outcome, 'created');
	const [cwallet] = await run({
		operation: 'withdrawToCwallet',
		userId: 'bob0001',
		orderId: 'cw-1',
		coinId: byId('1280'),
		cwalletUser: '9454818',
		amount: '5',
	});
	assert.equal(cwallet.outcome, 'created');
	const [swept] = await run({
		operation: 'transfer',
		fromUserId: 'alice01',
		recipient: 'merchant',
		orderId: 'sweep-1',
		coinId: byId('1280'),
		amount: '10',
	});
	assert.equal(swept.outcome, 'created');

	const view = ledger();
	assert.equal(await nodeBalance('alice01', USDT), '40');
	assert.equal(await nodeBalance('bob0001', USDT), '15');
	assert.equal(await nodeBalance('bob0001', TRX), swapped.netAmountOut);
	assert.equal(view.users.alice01[USDT], '40');
	assert.equal(view.users.bob0001[TRX], swapped.netAmountOut);
	// In: the 100 deposit. Out: 20 + 5 withdrawn, 10 USDT swapped into TRX.
	assert.equal(total(USDT), dec.add(usdtStart, '65'));
	// TRX gained: the user's net output plus the merchant's markup; CCPayment's fee left the system.
	assert.equal(total(TRX), dec.add(trxStart, dec.add(swapped.netAmountOut, swapped.extraFee)));
	assert.equal(
		dec.sub(dec.sub(swapped.amountOut, swapped.fee), swapped.extraFee),
		swapped.netAmountOut,
	);

	const deposits = await run({ operation: 'getManyDeposits', userId: 'alice01', returnAll: true });
	assert.equal(deposits.length, 1);
	const [deposit] = await run({ operation: 'getDeposit', recordId: deposits[0].recordId });
	assert.equal(deposit.amount, '100');
	const withdrawals = await run({
		operation: 'getManyWithdrawals',
		userId: 'alice01',
		returnAll: true,
	});
	assert.deepEqual(
		withdrawals.map((w) => w.orderId),
		['w-1'],
	);
	const balances = await run({ operation: 'getBalances', userId: 'bob0001' });
	assert.equal(balances.find((b) => b.coinId === USDT).available, '15');
});

test('a batch transfer and its record, list and details', async () => {
	await twoUsers();
	await run({ operation: 'getDepositAddress', userId: 'carol01', chain: byId('TRX') });
	const [batch] = await run({
		operation: 'batchTransfer',
		userId: 'alice01',
		orderId: 'b-1',
		coinId: byId('1280'),
		receiversFrom: 'list',
		receivers: {
			receiver: [
				{ userId: 'bob0001', amount: '2' },
				{ userId: 'carol01', amount: '3' },
			],
		},
	});
	assert.equal(batch.outcome, 'created');
	const [record] = await run({
		operation: 'getBatchTransfer',
		lookupBy: 'recordId',
		id: batch.recordId,
	});
	assert.equal(record.orderId, 'b-1');
	const details = await run({
		operation: 'getBatchTransferDetails',
		recordId: batch.recordId,
		returnAll: true,
	});
	assert.deepEqual(
		details.map((d) => [d.toUserId, d.amount]),
		[
			['bob0001', '2'],
			['carol01', '3'],
		],
	);
	assert.equal((await run({ operation: 'getManyBatchTransfers', returnAll: true })).length, 1);
	assert.equal(await nodeBalance('alice01', USDT), '95');
});

test('faults: a transfer applied but unanswered resolves to already_existed, one not applied is re-sent; never two transfers', async () => {
	await twoUsers();
	await sim.faults.set([{ endpoint: 'userTransfer', kind: 'reset_after', count: 1 }]);
	const [first] = await run({
		operation: 'transfer',
		fromUserId: 'alice01',
		recipient: 'user',
		toUserId: 'bob0001',
		orderId: 'f-1',
		coinId: byId('1280'),
		amount: '7',
	});
	assert.equal(first.outcome, 'already_existed');
	await sim.faults.set([{ endpoint: 'userTransfer', kind: 'http502', count: 1 }]);
	const [second] = await run({
		operation: 'transfer',
		fromUserId: 'alice01',
		recipient: 'user',
		toUserId: 'bob0001',
		orderId: 'f-2',
		coinId: byId('1280'),
		amount: '7',
	});
	assert.equal(second.outcome, 'created');
	const [again] = await run({
		operation: 'transfer',
		fromUserId: 'alice01',
		recipient: 'user',
		toUserId: 'bob0001',
		orderId: 'f-2',
		coinId: byId('1280'),
		amount: '7',
	});
	assert.equal(again.outcome, 'already_existed', 'a re-run of the item moves nothing');
	const debits = ledger().journal.filter(
		(e) => e.user_id === 'alice01' && e.type === 'user_transfer',
	);
	assert.deepEqual(
		debits.map((e) => e.order_id),
		['f-1', 'f-2'],
	);
	assert.equal(await nodeBalance('alice01', USDT), '86');
});
