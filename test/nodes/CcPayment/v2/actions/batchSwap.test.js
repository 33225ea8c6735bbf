// @ts-check
'use strict';
/**
 * Batch Withdrawal and Swap (v2) against a recording server: a batch is one request built from all
 * input items (seq ties each result back to its item), swaps follow the write policy.
 */
const { test } = require('node:test');
const assert = require('node:assert/strict');

const { ok, fail, runV2, jsonOf, errorOf, byId } = require('../../../../helpers/v2-node');
const { useMoneyServer } = require('../../../../helpers/v2-money');

const { state, sent } = useMoneyServer();

const items = (/** @type {any[]} */ rows) => rows.map((json) => ({ json }));
const PAYROLL = items([
	{ to: '0xA1', amount: '10' },
	{ to: '0xB2', amount: '2.5' },
	{ to: '0xC3', amount: 0.125 },
]);
const batchCreate = {
	resource: 'batchWithdrawal',
	operation: 'create',
	batchOrderId: 'payroll-2026-01',
	coinId: byId('1280'),
	chain: byId('POLYGON'),
	seq: '={{ $itemIndex + 1 }}',
	address: '={{ $json.to }}',
	amount: '={{ $json.amount }}',
	additionalFields: { productName: 'January payroll' },
};

test('Batch Withdrawal > Create: one request with one order per item; each item reports its seq', async () => {
	state.answers.applyBatchWithdraw = { batchOrderId: 'payroll-2026-01', billId: 'b-1' };
	const output = await jsonOf(runV2(state.server.url, batchCreate, { items: PAYROLL }));
	assert.deepEqual(sent('applyBatchWithdraw'), [
		'{"batchOrderId":"payroll-2026-01","coinId":1280,"chain":"POLYGON","productName":"January payroll","orders":[{"seq":1,"address":"0xA1","amount":"10"},{"seq":2,"address":"0xB2","amount":"2.5"},{"seq":3,"address":"0xC3","amount":"0.125"}],"mode":"Batch"}',
	]);
	assert.equal(sent('getCoin').length, 1, 'the coin is read once per execution');
	assert.deepEqual(output, [
		{
			outcome: 'created',
			batchOrderId: 'payroll-2026-01',
			billId: 'b-1',
			seq: 1,
			address: '0xA1',
			amount: '10',
		},
		{
			outcome: 'created',
			batchOrderId: 'payroll-2026-01',
			billId: 'b-1',
			seq: 2,
			address: '0xB2',
			amount: '2.5',
		},
		{
			outcome: 'created',
			batchOrderId: 'payroll-2026-01',
			billId: 'b-1',
			seq: 3,
			address: '0xC3',
			amount: '0.125',
		},
	]);
});

test('Batch Withdrawal > Create: refused before sending on a bad item, duplicate seqs or differing batch IDs', async () => {
	const cases = [
		[
			{ amount: '={{ $itemIndex === 1 ? "1.1234567" : "1" }}' },
			/Amount \(item 1\) has 7 decimal places, more than the 6 USDT allows/,
		],
		[{ seq: '7' }, /Seq 7 is used by items 0 and 1/],
		[{ batchOrderId: '={{ "batch-" + $itemIndex }}' }, /Batch Order ID differs between items/],
		[{ seq: '0' }, /Seq must be a whole number from 1/],
	];
	for (const [overrides, message] of cases) {
		const error = await errorOf(
			runV2(
				state.server.url,
				{ ...batchCreate, .../** @type {any} */ (overrides) },
				{ items: PAYROLL },
			),
		);
		assert.match(error.message, /** @type {RegExp} */ (message));
	}
	assert.equal(sent('applyBatchWithdraw').length, 0);
});

test('Batch Withdrawal > Create: an ambiguous failure is reconciled with getBatchWithdrawOrder', async () => {
	state.answers.applyBatchWithdraw = () => fail(11002, 'Internal');
	state.answers.getBatchWithdrawOrder = {
		batchOrderId: 'payroll-2026-01',
		status: 'Init',
		chain: 'POLYGON',
	};
	const output = await jsonOf(runV2(state.server.url, batchCreate, { items: PAYROLL }));
	assert.equal(sent('applyBatchWithdraw').length, 1);
	assert.deepEqual(sent('getBatchWithdrawOrder'), ['{"batchOrderId":"payroll-2026-01"}']);
	assert.deepEqual(
		output.map((/** @type {any} */ o) => [o.outcome, o.status, o.seq]),
		[
			['already_existed', 'Init', 1],
			['already_existed', 'Init', 2],
			['already_existed', 'Init', 3],
		],
	);
});

test('Batch Withdrawal > Check Addresses, Append, Confirm, Abort, Get, Get Records', async () => {
	state.answers.checkWithdrawAddress = {
		addressInfoResults: [
			{ seq: 1, codes: [] },
			{ seq: 2, codes: [14007] },
		],
	};
	const checks = await jsonOf(
		runV2(
			state.server.url,
			{
				resource: 'batchWithdrawal',
				operation: 'checkAddresses',
				chain: byId('POLYGON'),
				seq: '={{ $itemIndex + 1 }}',
				address: '={{ $json.to }}',
			},
			{ items: PAYROLL.slice(0, 2) },
		),
	);
	assert.deepEqual(sent('checkWithdrawAddress'), [
		'{"chain":"POLYGON","addressInfoList":[{"address":"0xA1","seq":1},{"address":"0xB2","seq":2}]}',
	]);
	assert.deepEqual(checks, [
		{ address: '0xA1', seq: 1, valid: true, codes: [] },
		{ address: '0xB2', seq: 2, valid: false, codes: [14007] },
	]);

	state.answers.appendBatchWithdraw = {};
	const appended = await jsonOf(
		runV2(
			state.server.url,
			{
				resource: 'batchWithdrawal',
				operation: 'append',
				batchOrderId: 'payroll-2026-01',
				seq: '={{ $itemIndex + 10 }}',
				address: '={{ $json.to }}',
				amount: '={{ $json.amount }}',
				orderFields: { memo: 'm' },
			},
			{ items: PAYROLL.slice(0, 1) },
		),
	);
	assert.deepEqual(sent('appendBatchWithdraw'), [
		'{"batchOrderId":"payroll-2026-01","orders":[{"seq":10,"address":"0xA1","amount":"10","memo":"m"}]}',
	]);
	assert.equal(appended[0].seq, 10);

	state.answers.confirmBatchWithdraw = { batchOrderId: 'payroll-2026-01', status: 'Pending' };
	state.answers.abortBatchWithdraw = {
		batchOrderId: 'payroll-2026-01',
		canceledSeqs: [2],
		ignoredSeqs: [],
	};
	state.answers.getBatchWithdrawOrder = { batchOrderId: 'payroll-2026-01', status: 'Processing' };
	state.answers.getBatchWithdrawOrderRecordList = { records: [{ seq: 1 }, { seq: 2 }], nextId: '' };
	const id = { batchOrderId: 'payroll-2026-01' };
	await jsonOf(
		runV2(state.server.url, {
			resource: 'batchWithdrawal',
			operation: 'confirm',
			...id,
			delaySeconds: 60,
		}),
	);
	const [aborted] = await jsonOf(
		runV2(state.server.url, { resource: 'batchWithdrawal', operation: 'abort', ...id, seqs: '2' }),
	);
	await jsonOf(runV2(state.server.url, { resource: 'batchWithdrawal', operation: 'get', ...id }));
	const records = await jsonOf(
		runV2(state.server.url, {
			resource: 'batchWithdrawal',
			operation: 'getRecords',
			...id,
			returnAll: true,
		}),
	);
	assert.deepEqual(sent('confirmBatchWithdraw'), [
		'{"batchOrderId":"payroll-2026-01","delaySeconds":60}',
	]);
	assert.deepEqual(sent('abortBatchWithdraw'), ['{"batchOrderId":"payroll-2026-01","seqs":[2]}']);
	assert.deepEqual(sent('getBatchWithdrawOrder'), ['{"batchOrderId":"payroll-2026-01"}']);
	assert.deepEqual(sent('getBatchWithdrawOrderRecordList'), ['{"batchOrderId":"payroll-2026-01"}']);
	assert.deepEqual(aborted.canceledSeqs, [2]);
	assert.deepEqual(records, [{ seq: 1 }, { seq: 2 }]);
	const error = await errorOf(
		runV2(state.server.url, {
			resource: 'batchWithdrawal',
			operation: 'confirm',
			...id,
			delaySeconds: 3601,
		}),
	);
	assert.match(error.message, /Delay \(Seconds\) must be a whole number from 0 to 3600/);
});

const QUOTE = {
	coinIdIn: 1280,
	coinIdOut: 1329,
	amountIn: '100',
	amountOut: '194.09158706508187',
	swapRate: '1.9409158706508187',
	feeRate: '0.005',
	fee: '0.97045793532540935',
	netAmountOut: '193.12112912975646065',
};

test('Swap > Get Quote, Swap (write policy), Get, Get Many, Get Coins', async () => {
	state.answers.estimate = QUOTE;
	const [quote] = await jsonOf(
		runV2(state.server.url, {
			resource: 'swap',
			operation: 'quote',
			coinIdIn: '1280',
			amountIn: '100',
			coinIdOut: '1329',
		}),
	);
	assert.deepEqual(sent('estimate'), ['{"coinIdIn":1280,"amountIn":"100","coinIdOut":1329}']);
	assert.deepEqual(quote, QUOTE);

	let calls = 0;
	state.answers.swap = () =>
		++calls === 1 ? fail(11004, 'RateLimit') : ok({ ...QUOTE, recordId: 's1', orderId: 'swap-1' });
	const [swapped] = await jsonOf(
		runV2(state.server.url, {
			resource: 'swap',
			operation: 'swap',
			orderId: 'swap-1',
			coinIdIn: '1280',
			amountIn: '100',
			coinIdOut: '1329',
			additionalFields: { amountOutMinimum: '193' },
		}),
	);
	const bodies = sent('swap');
	assert.deepEqual(bodies, [
		'{"orderId":"swap-1","coinIdIn":1280,"amountIn":"100","coinIdOut":1329,"amountOutMinimum":"193"}',
		bodies[0],
	]);
	assert.equal(swapped.outcome, 'created');
	assert.equal(swapped.recordId, 's1');

	state.answers.swap = () => fail(11002, 'Internal');
	state.answers.getSwapRecord = {
		record: {
			recordId: 's2',
			orderId: 'swap-2',
			coinIdIn: 1280,
			coinIdOut: 1329,
			amountIn: '100.0',
			status: 'Success',
		},
	};
	const [reconciled] = await jsonOf(
		runV2(state.server.url, {
			resource: 'swap',
			operation: 'swap',
			orderId: 'swap-2',
			coinIdIn: '1280',
			amountIn: '100',
			coinIdOut: '1329',
		}),
	);
	assert.deepEqual(sent('getSwapRecord'), ['{"orderId":"swap-2"}']);
	assert.equal(reconciled.outcome, 'already_existed');
	assert.equal(reconciled.status, 'Success');

	const same = await errorOf(
		runV2(state.server.url, {
			resource: 'swap',
			operation: 'quote',
			coinIdIn: '1280',
			amountIn: '1',
			coinIdOut: '1280',
		}),
	);
	assert.match(same.message, /Coin Out ID is the same as Coin In ID/);

	state.answers.getSwapRecordList = { records: [{ recordId: 's1' }], nextId: '' };
	state.answers.getSwapCoinList = { coins: [{ coinId: 1280, symbol: 'USDT' }] };
	const list = await jsonOf(
		runV2(state.server.url, {
			resource: 'swap',
			operation: 'getMany',
			returnAll: true,
			filters: { orderIds: 'swap-1' },
		}),
	);
	const coins = await jsonOf(runV2(state.server.url, { resource: 'swap', operation: 'getCoins' }));
	await jsonOf(
		runV2(state.server.url, { resource: 'swap', operation: 'get', findBy: 'recordId', id: 's1' }),
	);
	assert.deepEqual(sent('getSwapRecordList'), ['{"orderIds":["swap-1"]}']);
	assert.deepEqual(sent('getSwapCoinList'), ['']);
	assert.deepEqual(sent('getSwapRecord').slice(-1), ['{"recordId":"s1"}']);
	assert.deepEqual(list, [{ recordId: 's1' }]);
	assert.deepEqual(coins, [{ coinId: 1280, symbol: 'USDT' }]);
});
