// @ts-check
'use strict';

/**
 * The simulator's wallet system over signed HTTP: per-user ledgers, the userId rules, the 1,000
 * address limit, instant atomic transfers (a refused one moves nothing), the sweep to the merchant,
 * batch transfers, withdrawals with and without webhooks, swaps, paging, and conservation of the
 * sum of user balances plus the merchant balance.
 */

const { test } = require('node:test');
const assert = require('node:assert/strict');
const dec = require('../../../simulator/shared/decimal');
const wallet = require('../../../simulator/v2/wallet');
const deposits = require('../../../simulator/v2/wallet-deposits');
const withdrawals = require('../../../simulator/v2/wallet-withdrawals');
const { callV2, okV2, control, useSimulator } = require('../../helpers/simulator');

/** @type {any} */
let sim;
useSimulator((s) => {
	sim = s;
});

const USDT = 1280;
const TRX = 1482;
const appId = () => sim.v2Merchant.appId;

/** The API answer's code (200 + envelope). */
async function codeOf(method, body) {
	const res = await callV2(sim, method, body);
	return res.json.code;
}

/** Create a user with a POLYGON-less TRX address and fund it with `amount` USDT. */
async function fundedUser(userId, amount) {
	await okV2(sim, 'getOrCreateUserDepositAddress', { userId, chain: 'TRX' });
	if (amount !== '0')
		deposits.depositToUser(sim, {
			app_id: appId(),
			user_id: userId,
			chain: 'TRX',
			coin_id: USDT,
			amount,
		});
}

async function balanceOf(userId, coinId = USDT) {
	const data = await okV2(sim, 'getUserCoinAsset', { userId, coinId });
	return data.asset.available;
}

/** Sum of every user's balance plus the merchant's, for one coin. */
function totalOf(coinId = USDT) {
	const view = wallet.walletLedger(sim, appId());
	return dec.add(view.userTotals[coinId] || '0', view.merchant[coinId]);
}

test('a user deposit address is stable per user and chain; userId rules are enforced', async () => {
	const first = await okV2(sim, 'getOrCreateUserDepositAddress', {
		userId: 'alice01',
		chain: 'TRX',
	});
	const again = await okV2(sim, 'getOrCreateUserDepositAddress', {
		userId: 'alice01',
		chain: 'TRX',
	});
	assert.deepEqual(again, first);
	assert.match(first.address, /^T/);
	for (const userId of ['sys-user', 'abcd', appId()])
		assert.equal(await codeOf('getOrCreateUserDepositAddress', { userId, chain: 'TRX' }), 11000);
	assert.equal(await codeOf('getUserCoinAssetList', { userId: 'nobody1' }), 11015);
});

test('the 1,000th user address is the last one (15001 after)', async () => {
	const w = wallet.walletOf(sim.store, appId());
	for (let i = 0; i < wallet.ADDRESS_LIMIT; i++) w.addresses.set(`filler${i}\u0000TRX`, {});
	assert.equal(
		await codeOf('getOrCreateUserDepositAddress', { userId: 'late-user', chain: 'TRX' }),
		15001,
	);
});

test('a deposit credits the user, is a record, and hands a UserDeposit webhook body to the hook', async () => {
	await fundedUser('alice01', '25.5');
	assert.equal(await balanceOf('alice01'), '25.5');
	const w = wallet.walletOf(sim.store, appId());
	const hook = w.webhooks.at(-1).body;
	assert.equal(hook.type, 'UserDeposit');
	assert.deepEqual(Object.keys(hook.msg), [
		'recordId',
		'userId',
		'coinId',
		'coinSymbol',
		'amount',
		'status',
		'isFlaggedAsRisky',
	]);
	const sent = sim.webhooks.events.map((/** @type {any} */ e) => JSON.parse(e.body));
	assert.deepEqual(sent.at(-1), hook, 'delivered through the shared v2 webhook engine');
	const record = (await okV2(sim, 'getUserDepositRecord', { recordId: hook.msg.recordId })).record;
	assert.equal(record.amount, '25.5');
	assert.equal(record.userId, 'alice01');
	const list = await okV2(sim, 'getUserDepositRecordList', { userId: 'alice01' });
	assert.equal(list.records.length, 1);
	assert.equal(list.nextId, '');
	const risky = deposits.depositToUser(sim, {
		app_id: appId(),
		user_id: 'alice01',
		chain: 'TRX',
		coin_id: USDT,
		amount: '5',
		risky: true,
	});
	assert.equal(risky.record.isFlaggedAsRisky, true);
	assert.equal(await balanceOf('alice01'), '25.5', 'a risky deposit is never credited');
});

test('a transfer is instant and atomic; a refused one (balance, duplicate, unknown user) moves nothing', async () => {
	await fundedUser('alice01', '10');
	await fundedUser('bob0001', '0');
	const before = totalOf();
	const sent = await okV2(sim, 'userTransfer', {
		fromUserId: 'alice01',
		toUserId: 'bob0001',
		coinId: USDT,
		amount: '3.25',
		orderId: 't-1',
	});
	assert.match(sent.recordId, /^\d{32,33}$/);
	assert.equal(await balanceOf('alice01'), '6.75');
	assert.equal(await balanceOf('bob0001'), '3.25');
	const record = (await okV2(sim, 'getUserTransferRecord', { orderId: 't-1' })).record;
	assert.equal(record.status, 'Success');
	assert.equal(record.recordId, sent.recordId);

	const refusals = [
		[
			{ fromUserId: 'alice01', toUserId: 'bob0001', coinId: USDT, amount: '3.25', orderId: 't-1' },
			11011,
		],
		[
			{ fromUserId: 'alice01', toUserId: 'bob0001', coinId: USDT, amount: '100', orderId: 't-2' },
			14000,
		],
		[
			{ fromUserId: 'ghost01', toUserId: 'bob0001', coinId: USDT, amount: '1', orderId: 't-3' },
			11015,
		],
		[
			{ fromUserId: 'alice01', toUserId: 'sysuser', coinId: USDT, amount: '1', orderId: 't-4' },
			11000,
		],
		[
			{
				fromUserId: 'alice01',
				toUserId: 'bob0001',
				coinId: USDT,
				amount: '0.0001',
				orderId: 't-5',
			},
			11000,
		],
	];
	for (const [body, code] of refusals)
		assert.equal(await codeOf('userTransfer', body), code, JSON.stringify(body));
	assert.equal(await balanceOf('alice01'), '6.75');
	assert.equal(await balanceOf('bob0001'), '3.25');
	assert.equal(totalOf(), before, 'users + merchant is conserved');
	assert.equal(
		wallet.walletOf(sim.store, appId()).webhooks.length,
		1,
		'transfers send no webhook (one deposit only)',
	);
});

test('the sweep to the App ID credits the merchant balance and conserves the total', async () => {
	await fundedUser('alice01', '10');
	const merchantBefore = wallet.walletLedger(sim, appId()).merchant[USDT];
	const before = totalOf();
	await okV2(sim, 'userTransfer', {
		fromUserId: 'alice01',
		toUserId: appId(),
		coinId: USDT,
		amount: '4',
		orderId: 'sweep-1',
	});
	assert.equal(await balanceOf('alice01'), '6');
	assert.equal(wallet.walletLedger(sim, appId()).merchant[USDT], dec.add(merchantBefore, '4'));
	assert.equal(totalOf(), before);
	assert.equal(
		await codeOf('userTransfer', {
			fromUserId: appId(),
			toUserId: 'alice01',
			coinId: USDT,
			amount: '1',
			orderId: 'back-1',
		}),
		11000,
	);
});

test('a batch transfer moves all legs or none, and its detail lists every leg', async () => {
	await fundedUser('alice01', '10');
	await fundedUser('bob0001', '0');
	await fundedUser('carol01', '0');
	const refused = {
		orderId: 'b-0',
		userId: 'alice01',
		coinId: USDT,
		toUsers: [
			{ userId: 'bob0001', amount: '6' },
			{ userId: 'carol01', amount: '6' },
		],
	};
	assert.equal(await codeOf('userBatchTransfer', refused), 14000);
	const badLeg = {
		orderId: 'b-0',
		userId: 'alice01',
		coinId: USDT,
		toUsers: [
			{ userId: 'bob0001', amount: '1' },
			{ userId: 'sys0001', amount: '1' },
		],
	};
	assert.equal(await codeOf('userBatchTransfer', badLeg), 11000);
	assert.equal(await balanceOf('alice01'), '10');
	const sent = await okV2(sim, 'userBatchTransfer', {
		...refused,
		toUsers: [
			{ userId: 'bob0001', amount: '2' },
			{ userId: 'carol01', amount: '3.5' },
		],
	});
	assert.equal(await balanceOf('alice01'), '4.5');
	assert.equal(await balanceOf('carol01'), '3.5');
	const record = (await okV2(sim, 'getUserBatchTransferRecord', { orderId: 'b-0' })).record;
	assert.equal(record.recordId, sent.recordId);
	assert.deepEqual(record.toUsers, [
		{ userId: 'bob0001', amount: '2' },
		{ userId: 'carol01', amount: '3.5' },
	]);
	const detail = await okV2(sim, 'getUserBatchTransferRecordDetail', { recordId: sent.recordId });
	assert.deepEqual(
		detail.records.map((r) => r.toUserId),
		['bob0001', 'carol01'],
	);
	const list = await okV2(sim, 'getUserBatchTransferRecordList', { userId: 'alice01' });
	assert.equal(list.records.length, 1);
});

test('a network withdrawal debits at once, sends UserWithdrawal, and a failure gives the money back', async () => {
	await fundedUser('alice01', '50');
	const address = 'TQ1TsPvVxXLTDz3GU4FLyGjkLqRBFhkXQm';
	const body = {
		userId: 'alice01',
		coinId: USDT,
		chain: 'TRX',
		address,
		orderId: 'w-1',
		amount: '20',
	};
	const sent = await okV2(sim, 'applyUserWithdrawToNetwork', body);
	assert.equal(await balanceOf('alice01'), '30');
	const w = wallet.walletOf(sim.store, appId());
	assert.deepEqual(w.webhooks.at(-1).body.msg, {
		recordId: sent.recordId,
		orderId: 'w-1',
		userId: 'alice01',
		coinId: USDT,
		coinSymbol: 'USDT',
		status: 'Processing',
	});
	assert.equal(await codeOf('applyUserWithdrawToNetwork', body), 11011);
	assert.equal(
		await codeOf('applyUserWithdrawToNetwork', { ...body, orderId: 'w-2', address: '0xnot' }),
		14007,
	);
	withdrawals.completeUserWithdrawal(sim, { app_id: appId(), order_id: 'w-1', status: 'Failed' });
	assert.equal(await balanceOf('alice01'), '50');
	const record = (await okV2(sim, 'getUserWithdrawRecord', { orderId: 'w-1' })).record;
	assert.equal(record.status, 'Failed');
	assert.equal(record.fee.amount, '1');
	const again = await okV2(sim, 'applyUserWithdrawToNetwork', { ...body, orderId: 'w-3' });
	withdrawals.completeUserWithdrawal(sim, { app_id: appId(), record_id: again.recordId });
	assert.equal(
		(await okV2(sim, 'getUserWithdrawRecord', { recordId: again.recordId })).record.status,
		'Success',
	);
	assert.equal(w.webhooks.at(-1).body.msg.status, 'Success');
	assert.equal(await balanceOf('alice01'), '30');
});

test('a Cwallet withdrawal is final at once and sends no webhook; below 0.001 USD is refused', async () => {
	await fundedUser('alice01', '5');
	const hooks = wallet.walletOf(sim.store, appId()).webhooks.length;
	const sent = await okV2(sim, 'applyUserWithdrawToCwallet', {
		userId: 'alice01',
		coinId: USDT,
		cwalletUser: '9454818',
		amount: '1.5',
		orderId: 'cw-1',
	});
	const record = (await okV2(sim, 'getUserWithdrawRecord', { recordId: sent.recordId })).record;
	assert.equal(record.status, 'Success');
	assert.equal(record.chain, 'Cwallet OS');
	assert.equal(wallet.walletOf(sim.store, appId()).webhooks.length, hooks);
	assert.equal(
		await codeOf('applyUserWithdrawToCwallet', {
			userId: 'alice01',
			coinId: USDT,
			cwalletUser: '9454818',
			amount: '0.0005',
			orderId: 'cw-2',
		}),
		14005,
	);
	assert.equal(await balanceOf('alice01'), '3.5');
});

test('a user swap pays netAmountOut, gives the markup to the merchant, and honours amountOutMinimum', async () => {
	await fundedUser('alice01', '100');
	const body = {
		orderId: 's-1',
		userId: 'alice01',
		coinIdIn: USDT,
		amountIn: '10',
		coinIdOut: TRX,
		extraFeeRate: '0.01',
	};
	assert.equal(await codeOf('userSwap', { ...body, amountOutMinimum: '1000000' }), 16003);
	assert.equal(await balanceOf('alice01'), '100');
	const merchantTrx = wallet.walletLedger(sim, appId()).merchant[TRX];
	const reply = await okV2(sim, 'userSwap', body);
	assert.equal(reply.orderId, 's-1');
	assert.equal(dec.sub(dec.sub(reply.amountOut, reply.fee), reply.extraFee), reply.netAmountOut);
	assert.equal(await balanceOf('alice01'), '90');
	assert.equal(await balanceOf('alice01', TRX), reply.netAmountOut);
	assert.equal(
		wallet.walletLedger(sim, appId()).merchant[TRX],
		dec.add(merchantTrx, reply.extraFee),
	);
	const record = (await okV2(sim, 'getUserSwapRecord', { orderId: 's-1' })).record;
	assert.equal(record.extraFeeRate, '0.01');
	assert.equal(record.status, 'Success');
	assert.equal((await okV2(sim, 'getUserSwapRecordList', { userId: 'alice01' })).records.length, 1);
});

test('lists page by 20 with nextId, newest first, and the cursor ends with ""', async () => {
	await fundedUser('alice01', '100');
	await fundedUser('bob0001', '0');
	for (let i = 0; i < 25; i++)
		await okV2(sim, 'userTransfer', {
			fromUserId: 'alice01',
			toUserId: 'bob0001',
			coinId: USDT,
			amount: '1',
			orderId: `p-${i}`,
		});
	const first = await okV2(sim, 'getUserTransferRecordList', { fromUserId: 'alice01' });
	assert.equal(first.records.length, 20);
	assert.equal(first.records[0].orderId, 'p-24');
	const second = await okV2(sim, 'getUserTransferRecordList', {
		fromUserId: 'alice01',
		nextId: first.nextId,
	});
	assert.equal(second.records.length, 5);
	assert.equal(second.nextId, '');
});

test('control routes: open an address, deposit to it, finish a withdrawal, read the ledger', async () => {
	const opened = await control(sim, 'POST', '/__sim/v2/users/address', {
		user_id: 'dave001',
		chain: 'TRX',
	});
	assert.match(opened.data.address, /^T/);
	const paid = await control(sim, 'POST', '/__sim/v2/users/deposit', {
		user_id: 'dave001',
		chain: 'TRX',
		coin_id: USDT,
		amount: '12.5',
	});
	assert.equal(paid.data.record.amount, '12.5');
	const body = {
		userId: 'dave001',
		coinId: USDT,
		chain: 'TRX',
		address: 'TQ1TsPvVxXLTDz3GU4FLyGjkLqRBFhkXQm',
		orderId: 'cw-9',
		amount: '5',
	};
	await okV2(sim, 'applyUserWithdrawToNetwork', body);
	const done = await control(sim, 'POST', '/__sim/v2/users/withdrawals/complete', {
		order_id: 'cw-9',
	});
	assert.equal(done.data.msg.status, 'Success');
	const ledger = await control(sim, 'GET', '/__sim/v2/users/ledger');
	assert.equal(ledger.data.users.dave001[USDT], '7.5');
});
