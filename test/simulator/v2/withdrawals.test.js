// @ts-check
'use strict';

// v2 money out: network and Cwallet withdrawals, their statuses and approval, fee modes, the
// debit journal (one debit per orderId, 11011 on reuse), and the record lists.

const test = require('node:test');
const assert = require('node:assert/strict');
const { callV2, okV2, useSimulator, control, uid } = require('../../helpers/simulator');
const { COIN } = require('../../../simulator');

/** @type {any} */
let sim;
useSimulator((s) => {
	sim = s;
});

const TRON = `T${'A'.repeat(33)}`;
const keys = (o) => Object.keys(o);
const bal = (coin = COIN.USDT) => sim.store.balance(sim.v2Merchant.appId, coin);
const debits = () => sim.ledger(sim.v2Merchant.appId).withdrawal_debits[sim.v2Merchant.appId];
const act = async (path, body) => {
	const res = await control(sim, 'POST', `/__sim/v2/${path}`, body);
	assert.equal(res.status, 200, JSON.stringify(res.data));
	return res.data;
};
const withdraw = (extra = {}) => ({
	coinId: 1280,
	chain: 'TRX',
	address: TRON,
	orderId: uid('wd'),
	amount: '10',
	...extra,
});

test('network withdrawal: recipient pays the fee by default; debit once; 11011 on reuse', async () => {
	const body = withdraw();
	const { recordId } = await okV2(sim, 'applyAppWithdrawToNetwork', body);
	assert.match(recordId, /^\d{33}$/);
	assert.equal(bal(), '999990');
	assert.equal((await callV2(sim, 'applyAppWithdrawToNetwork', body)).json.code, 11011);
	assert.equal(bal(), '999990', 'no second debit');
	assert.equal(debits()[body.orderId], 1);
	assert.deepEqual(sim.ledger(sim.v2Merchant.appId).duplicate_debits, []);
	const { record } = await okV2(sim, 'getAppWithdrawRecord', { recordId });
	assert.deepEqual(keys(record), [
		'recordId',
		'withdrawType',
		'coinId',
		'coinSymbol',
		'chain',
		'fromAddress',
		'toAddress',
		'orderId',
		'txId',
		'toMemo',
		'status',
		'amount',
		'fee',
		'coinUSDPrice',
	]);
	assert.equal(record.status, 'Processing');
	assert.deepEqual(record.fee, { coinId: 1280, coinSymbol: 'USDT', amount: '1' });
	assert.deepEqual(
		(await okV2(sim, 'getAppWithdrawRecord', { orderId: body.orderId })).record,
		record,
	);
	assert.equal((await callV2(sim, 'getAppWithdrawRecord', {})).json.code, 11000);
	assert.equal(
		(await callV2(sim, 'getAppWithdrawRecord', { recordId, orderId: 'other' })).json.code,
		11003,
	);
	const done = await act('withdrawals/complete', { recordId, status: 'Success' });
	assert.equal(done.record.status, 'Success');
	assert.match(done.record.txId, /^[0-9a-f]{64}$/);
});

test('merchantPayNetworkFee debits amount + fee; networkFeeInquiryID uses the quote', async () => {
	const { networkFeeInquiryID } = await okV2(sim, 'getWithdrawFee', { coinId: 1280, chain: 'TRX' });
	sim.configure({ networkFees: { '0912e09a-d8e2-41d7-a0bc-a25530892988': '2' } });
	await okV2(
		sim,
		'applyAppWithdrawToNetwork',
		withdraw({ merchantPayNetworkFee: true, networkFeeInquiryID }),
	);
	assert.equal(bal(), '999989', 'the quoted fee (1), not the current one (2)');
	await okV2(sim, 'applyAppWithdrawToNetwork', withdraw({ merchantPayNetworkFee: true }));
	assert.equal(bal(), '999977');
	const bad = await callV2(
		sim,
		'applyAppWithdrawToNetwork',
		withdraw({ networkFeeInquiryID: 'nope' }),
	);
	assert.match(bad.json.msg, /networkFeeInquiryID/);
	const other = await okV2(sim, 'getWithdrawFee', { coinId: 1280, chain: 'BSC' });
	const wrong = await callV2(
		sim,
		'applyAppWithdrawToNetwork',
		withdraw({ networkFeeInquiryID: other.networkFeeInquiryID }),
	);
	assert.equal(wrong.json.code, 11000);
});

test('failed and rejected withdrawals give the debit back; approval switch', async () => {
	const a = withdraw();
	const { recordId } = await okV2(sim, 'applyAppWithdrawToNetwork', a);
	await act('withdrawals/complete', { recordId, status: 'Failed', reason: 'node down' });
	assert.equal(bal(), '1000000');
	const { record } = await okV2(sim, 'getAppWithdrawRecord', { recordId });
	assert.equal(record.status, 'Failed');
	assert.equal(record.reason, 'node down');
	sim.setMerchant(sim.v2Merchant.appId, { withdrawApproval: true });
	const b = withdraw();
	const w = await okV2(sim, 'applyAppWithdrawToNetwork', b);
	assert.equal((await okV2(sim, 'getAppWithdrawRecord', w)).record.status, 'WaitingApproval');
	assert.equal(
		(await control(sim, 'POST', '/__sim/v2/withdrawals/complete', { ...w, status: 'Success' }))
			.status,
		409,
	);
	await act('withdrawals/complete', { ...w, status: 'Rejected' });
	assert.equal(bal(), '1000000');
	const c = await okV2(sim, 'applyAppWithdrawToNetwork', withdraw());
	await act('withdrawals/complete', { ...c, status: 'approved' });
	await act('withdrawals/complete', { ...c, status: 'Success' });
	assert.equal((await okV2(sim, 'getAppWithdrawRecord', c)).record.status, 'Success');
	const journal = sim
		.ledger(sim.v2Merchant.appId)
		.journal.filter((e) => e.merchant_order_id === a.orderId);
	assert.deepEqual(
		journal.map((e) => e.type),
		['withdrawal_debit', 'withdrawal_refund'],
	);
});

test('withdrawal checks: 14000, 14005, 14007, 14009, 14013, 13000, 14010, 13001, 14004', async () => {
	const code = async (extra) =>
		(await callV2(sim, 'applyAppWithdrawToNetwork', withdraw(extra))).json.code;
	assert.equal(await code({ amount: '2000000' }), 14000);
	assert.equal(await code({ amount: '0.001' }), 14005);
	assert.equal(await code({ amount: '1' }), 14005, 'does not cover the fee');
	assert.equal(await code({ address: `0x${'a'.repeat(40)}` }), 14007);
	assert.equal(await code({ memo: '123' }), 14009);
	assert.equal(await code({ amount: '10.1234567' }), 14013);
	assert.equal(await code({ coinId: 4242 }), 13000);
	assert.equal(await code({ chain: 'SOL' }), 13001);
	assert.equal(await code({ coinId: 9007, chain: 'FTM', address: `0x${'a'.repeat(40)}` }), 14004);
	const own = await okV2(sim, 'getOrCreateAppDepositAddress', {
		referenceId: 'me-me',
		chain: 'TRX',
	});
	assert.equal(await code({ address: own.address }), 14008);
	sim.setMerchant(sim.v2Merchant.appId, {
		enabledTokens: ['0912e09a-d8e2-41d7-a0bc-a25530892988'],
	});
	assert.equal(await code({ coinId: 9001, chain: 'BTC' }), 14010);
	assert.equal(bal(), '1000000', 'no refused request debited anything');
	for (const field of ['coinId', 'chain', 'address', 'orderId', 'amount']) {
		const body = withdraw();
		delete body[field];
		const res = await callV2(sim, 'applyAppWithdrawToNetwork', body);
		assert.match(res.json.msg, new RegExp(`${field} is required`));
	}
	assert.match(
		(await callV2(sim, 'applyAppWithdrawToNetwork', withdraw({ merchantPayNetworkFee: 'yes' })))
			.json.msg,
		/merchantPayNetworkFee/,
	);
});

test('Cwallet withdrawal: done at once, no webhook, fee 0, 11003 for an unknown user', async () => {
	const hook = [];
	sim.setMerchant(sim.v2Merchant.appId, { webhookUrl: 'http://127.0.0.1:9/none' });
	const orderId = uid('cw');
	const { recordId } = await okV2(sim, 'applyAppWithdrawToCwallet', {
		coinId: 1280,
		cwalletUser: 'bob@example.com',
		amount: '3',
		orderId,
	});
	const { record } = await okV2(sim, 'getAppWithdrawRecord', { recordId });
	assert.deepEqual(keys(record), [
		'recordId',
		'withdrawType',
		'coinId',
		'coinSymbol',
		'chain',
		'cwalletUser',
		'orderId',
		'txId',
		'status',
		'amount',
		'coinUSDPrice',
	]);
	assert.equal(record.chain, 'Cwallet OS');
	assert.equal(record.status, 'Success');
	assert.equal(bal(), '999997');
	assert.equal(sim.webhooks.events.length, hook.length);
	assert.equal(
		(
			await callV2(sim, 'applyAppWithdrawToCwallet', {
				coinId: 1280,
				cwalletUser: '1',
				amount: '3',
				orderId: uid('cw'),
			})
		).json.code,
		11003,
	);
	assert.equal(
		(
			await callV2(sim, 'applyAppWithdrawToCwallet', {
				coinId: 1280,
				cwalletUser: '9454818',
				amount: '0.0001',
				orderId: uid('cw'),
			})
		).json.code,
		14005,
	);
	assert.equal(
		(
			await callV2(sim, 'applyAppWithdrawToCwallet', {
				coinId: 1280,
				cwalletUser: '9454818',
				amount: '3',
				orderId,
			})
		).json.code,
		11011,
	);
	assert.equal(
		(await callV2(sim, 'applyAppWithdrawToNetwork', withdraw({ orderId }))).json.code,
		11011,
		'one namespace for withdrawals',
	);
});

test('getAppWithdrawRecordList: filters, orderIds <= 20, pagination', async () => {
	const ids = [];
	for (let i = 0; i < 22; i++) {
		const body = withdraw();
		ids.push(body.orderId);
		await okV2(sim, 'applyAppWithdrawToNetwork', body);
	}
	const first = await okV2(sim, 'getAppWithdrawRecordList', {});
	assert.equal(first.records.length, 20);
	const second = await okV2(sim, 'getAppWithdrawRecordList', { nextId: first.nextId });
	assert.equal(second.records.length, 2);
	assert.equal(second.nextId, '');
	const some = await okV2(sim, 'getAppWithdrawRecordList', { orderIds: ids.slice(0, 3) });
	assert.equal(some.records.length, 3);
	assert.match(
		(await callV2(sim, 'getAppWithdrawRecordList', { orderIds: ids.slice(0, 21) })).json.msg,
		/orderIds allows at most 20/,
	);
	assert.equal((await okV2(sim, 'getAppWithdrawRecordList', { chain: 'BSC' })).records.length, 0);
	assert.deepEqual(await okV2(sim, 'getAutoWithdrawRecordList', {}), { records: [], nextId: '' });
});

test('auto-complete: all network withdrawals finish at once with config.v2.withdrawalAutoComplete all', async () => {
	sim.configure({ v2: { withdrawalAutoComplete: 'all' } });
	const w = await okV2(sim, 'applyAppWithdrawToNetwork', withdraw());
	assert.equal((await okV2(sim, 'getAppWithdrawRecord', w)).record.status, 'Success');
});
