// @ts-check
'use strict';

// v2 swaps priced from the catalogue and batch withdrawals (seq, statuses, delay, abort, journal).

const test = require('node:test');
const assert = require('node:assert/strict');
const { callV2, okV2, useSimulator, control, uid } = require('../../helpers/simulator');
const { COIN } = require('../../../simulator');

/** @type {any} */
let sim;
useSimulator((s) => {
	sim = s;
});

const keys = (o) => Object.keys(o);
const bal = (coin = COIN.USDT) => sim.store.balance(sim.v2Merchant.appId, coin);
const tron = (c) => `T${c.repeat(33)}`;

test('estimate: amountOut from prices, fee rate with a 0.1 USDT floor, extraFee', async () => {
	const q = await okV2(sim, 'estimate', { coinIdIn: 1280, amountIn: '100', coinIdOut: 1482 });
	assert.deepEqual(keys(q), [
		'coinIdIn',
		'coinIdOut',
		'amountOut',
		'amountIn',
		'swapRate',
		'feeRate',
		'fee',
		'netAmountOut',
	]);
	assert.equal(q.amountOut, '1142.857142');
	assert.equal(q.fee, '5.714286');
	assert.equal(q.netAmountOut, '1137.142856');
	const small = await okV2(sim, 'estimate', { coinIdIn: 1482, amountIn: '20', coinIdOut: 1280 });
	assert.equal(small.fee, '0.1', 'minimum fee');
	const extra = await okV2(sim, 'estimate', {
		coinIdIn: 1280,
		amountIn: '100',
		coinIdOut: 1482,
		extraFeeRate: '0.01',
	});
	assert.equal(extra.extraFee, '11.428571');
	assert.equal(extra.netAmountOut, '1125.714285');
	assert.equal(
		(await callV2(sim, 'estimate', { coinIdIn: 1280, amountIn: '0.05', coinIdOut: 1482 })).json
			.code,
		16002,
	);
	assert.equal(
		(await callV2(sim, 'estimate', { coinIdIn: 1280, amountIn: '1', coinIdOut: 9007 })).json.code,
		16001,
	);
	assert.equal(
		(await callV2(sim, 'estimate', { coinIdIn: 1280, amountIn: '1', coinIdOut: 1280 })).json.code,
		11000,
	);
});

test('swap: moves both balances once, amountOutMinimum, 11011, records', async () => {
	const orderId = uid('swap');
	const data = await okV2(sim, 'swap', {
		orderId,
		coinIdIn: 1280,
		amountIn: '100',
		coinIdOut: '1482',
	});
	assert.equal(data.orderId, orderId);
	assert.equal(bal(), '999900');
	assert.equal(bal(COIN.TRX), '10001137.142856');
	assert.equal(
		(await callV2(sim, 'swap', { orderId, coinIdIn: 1280, amountIn: '100', coinIdOut: 1482 })).json
			.code,
		11011,
	);
	const tooHigh = await callV2(sim, 'swap', {
		orderId: uid('swap'),
		coinIdIn: 1280,
		amountIn: '100',
		coinIdOut: 1482,
		amountOutMinimum: '1200',
	});
	assert.equal(tooHigh.json.code, 16003);
	assert.equal(
		(
			await callV2(sim, 'swap', {
				orderId: uid('swap'),
				coinIdIn: 1280,
				amountIn: '9999999',
				coinIdOut: 1482,
			})
		).json.code,
		14000,
	);
	assert.equal(bal(), '999900');
	const { record } = await okV2(sim, 'getSwapRecord', { orderId });
	assert.deepEqual(keys(record), [
		'recordId',
		'orderId',
		'coinInSymbol',
		'coinIdIn',
		'coinOutSymbol',
		'coinIdOut',
		'amountOut',
		'amountIn',
		'amountOutMinimum',
		'netAmountOut',
		'userId',
		'extraFee',
		'extraFeeRate',
		'swapRate',
		'feeRate',
		'fee',
		'status',
		'createdAt',
		'arrivedAt',
	]);
	assert.equal(record.status, 'Success');
	assert.equal((await callV2(sim, 'getSwapRecord', {})).json.code, 11000);
	assert.equal(
		(await callV2(sim, 'getSwapRecord', { orderId, recordId: record.recordId })).json.code,
		11000,
	);
	assert.equal((await okV2(sim, 'getSwapRecordList', { coinIdIn: 1280 })).records.length, 1);
	const now = Math.floor(Date.now() / 1000);
	assert.equal(
		(await callV2(sim, 'getSwapRecordList', { startAt: now - 100 * 86400, endAt: now })).json.code,
		11008,
	);
	const coins = await okV2(sim, 'getSwapCoinList');
	assert.deepEqual(keys(coins.coins[0]), ['coinId', 'symbol', 'logoUrl']);
	assert.ok(!coins.coins.some((c) => c.coinId === 9007), 'maintenance coins cannot be swapped');
});

test('checkWithdrawAddress: codes per seq', async () => {
	const data = await okV2(sim, 'checkWithdrawAddress', {
		chain: 'TRX',
		addressInfoList: [
			{ address: tron('A'), seq: 0 },
			{ address: '0xabc', seq: 1 },
			{ address: tron('B'), memo: '1', seq: 2 },
		],
	});
	assert.deepEqual(data, {
		addressInfoResults: [
			{ seq: 0, codes: [] },
			{ seq: 1, codes: [14007] },
			{ seq: 2, codes: [14009] },
		],
	});
	const many = Array.from({ length: 501 }, (_, i) => ({ address: tron('A'), seq: i }));
	assert.match(
		(await callV2(sim, 'checkWithdrawAddress', { chain: 'TRX', addressInfoList: many })).json.msg,
		/at most 500/,
	);
	assert.match(
		(
			await callV2(sim, 'checkWithdrawAddress', {
				chain: 'TRX',
				addressInfoList: [{ address: 'x' }],
			})
		).json.msg,
		/addressInfoList\[0\]\.seq is required/,
	);
});

test('batch withdrawal: apply, append, confirm, complete; journal per item', async () => {
	const batchOrderId = uid('batch');
	const created = await okV2(sim, 'applyBatchWithdraw', {
		batchOrderId,
		coinId: 1280,
		chain: 'TRX',
		taskName: 'payroll',
		mode: 'Batch',
		orders: [{ seq: 1, address: tron('B'), amount: '5', orderId: 'pay-1' }],
	});
	assert.deepEqual(keys(created), ['batchOrderId', 'billId']);
	assert.equal(
		(await callV2(sim, 'applyBatchWithdraw', { batchOrderId, coinId: 1280, chain: 'TRX' })).json
			.code,
		11011,
	);
	const dup = await callV2(sim, 'appendBatchWithdraw', {
		batchOrderId,
		orders: [{ seq: 1, address: tron('C'), amount: '5' }],
	});
	assert.equal(dup.json.code, 14027);
	const badAddress = await callV2(sim, 'appendBatchWithdraw', {
		batchOrderId,
		orders: [{ seq: 2, address: '0x1', amount: '5' }],
	});
	assert.equal(badAddress.json.code, 14007);
	await okV2(sim, 'appendBatchWithdraw', {
		batchOrderId,
		orders: [
			{ seq: 2, address: tron('C'), amount: '6' },
			{ seq: 3, address: tron('D'), amount: '7' },
		],
	});
	assert.equal(bal(), '1000000', 'nothing debited before confirm');
	const confirmed = await okV2(sim, 'confirmBatchWithdraw', { batchOrderId, delaySeconds: 0 });
	assert.equal(confirmed.status, 'Processing');
	assert.equal(confirmed.totalCount, 3);
	assert.equal(bal(), String(1000000 - 18 - 3), 'amounts plus a fee of 1 each');
	assert.equal((await callV2(sim, 'confirmBatchWithdraw', { batchOrderId })).json.code, 11007);
	assert.equal(bal(), '999979', 'confirmed once');
	assert.equal(
		(await callV2(sim, 'abortBatchWithdraw', { batchOrderId, seqs: [2] })).json.code,
		14028,
	);
	const res = await control(sim, 'POST', '/__sim/v2/batches/complete', {
		batchOrderId,
		failSeqs: [3],
	});
	assert.equal(res.data.status, 'Completed');
	assert.equal(bal(), '999987', 'the failed item is refunded');
	const order = await okV2(sim, 'getBatchWithdrawOrder', { batchOrderId });
	assert.equal(order.orders, undefined, 'verbose 0 has no items');
	assert.equal(order.successCount, 2);
	assert.equal(order.failedCount, 1);
	const page1 = await okV2(sim, 'getBatchWithdrawOrderRecordList', { batchOrderId, limit: 2 });
	assert.deepEqual(
		page1.records.map((r) => r.seq),
		[1, 2],
	);
	const page2 = await okV2(sim, 'getBatchWithdrawOrderRecordList', {
		batchOrderId,
		limit: 2,
		nextId: page1.nextId,
	});
	assert.deepEqual(
		page2.records.map((r) => [r.seq, r.status]),
		[[3, 'Failed']],
	);
	const d = sim.ledger(sim.v2Merchant.appId).withdrawal_debits[sim.v2Merchant.appId];
	assert.equal(d['pay-1'], 1);
	assert.equal(d[`${batchOrderId}#2`], 1);
});

test('batch withdrawal: delay keeps it Pending, abort refunds, approval reviews', async () => {
	const batchOrderId = uid('batch');
	await okV2(sim, 'applyBatchWithdraw', {
		batchOrderId,
		coinId: 1280,
		chain: 'TRX',
		orders: [
			{ seq: 0, address: tron('B'), amount: '5' },
			{ seq: 1, address: tron('C'), amount: '5' },
		],
	});
	const pending = await okV2(sim, 'confirmBatchWithdraw', { batchOrderId, delaySeconds: 3600 });
	assert.equal(pending.status, 'Pending');
	await okV2(sim, 'abortBatchWithdraw', { batchOrderId, seqs: [0] });
	assert.equal(bal(), '999994');
	const order = await okV2(sim, 'getBatchWithdrawOrder', { batchOrderId, verbose: 1 });
	assert.deepEqual(
		order.orders.map((o) => o.status),
		['Aborted', 'Pending'],
	);
	assert.match(
		(await callV2(sim, 'abortBatchWithdraw', { batchOrderId })).json.msg,
		/orderIds or seqs/,
	);
	sim.setMerchant(sim.v2Merchant.appId, { withdrawApproval: true });
	const reviewed = uid('batch');
	await okV2(sim, 'applyBatchWithdraw', {
		batchOrderId: reviewed,
		coinId: 1280,
		chain: 'TRX',
		orders: [{ seq: 0, address: tron('B'), amount: '5' }],
	});
	assert.equal(
		(await okV2(sim, 'confirmBatchWithdraw', { batchOrderId: reviewed })).status,
		'Reviewing',
	);
	const rejected = await control(sim, 'POST', '/__sim/v2/batches/complete', {
		batchOrderId: reviewed,
		action: 'reject',
	});
	assert.equal(rejected.data.status, 'Rejected');
	assert.equal(bal(), '999994');
});
