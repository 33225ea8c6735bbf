// @ts-check
'use strict';
/**
 * User Wallet operations against a recording server: the exact bytes each write sends, validation
 * before anything is sent (userId rules, the App ID, order IDs, amounts), the write policy
 * (reconciliation by order ID, same-body re-sends, duplicates as already_existed), the 11015 fix,
 * nextId paging and a batch built from input items.
 */
const { test, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');

const {
	MERCHANT_V2,
	ok,
	fail,
	startServer,
	runV2,
	jsonOf,
	errorOf,
	byId,
} = require('../../../../helpers/v2-node');

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
/** Answers per path: a list is consumed in order, its last entry repeats. @type {Record<string, any>} */
let answers = {};

before(async () => {
	server = await startServer((req) => {
		const path = req.url.replace('/ccpayment/v2/', '');
		const answer = answers[path];
		if (Array.isArray(answer)) return answer.length > 1 ? answer.shift() : answer[0];
		return answer ?? fail(11003, 'NotFound');
	});
});
after(async () => await server.stop());
beforeEach(() => {
	server.requests.length = 0;
	answers = {};
});

const RECORD_ID = '20240312090316119190942031876096';
const run = (/** @type {Record<string, unknown>} */ parameters, options = {}) =>
	runV2(server.url, { apiVersion: 'v2', resource: 'userWallet', ...parameters }, options);
const transfer = {
	operation: 'transfer',
	fromUserId: 'alice01',
	recipient: 'user',
	toUserId: 'bob0001',
	orderId: 't-1',
	coinId: byId('1280'),
	amount: '3.250',
};

test('Transfer sends exactly the documented bytes, amounts as exact normalised strings', async () => {
	answers.userTransfer = ok({ recordId: RECORD_ID });
	const [json] = await jsonOf(run(transfer));
	assert.deepEqual(json, { outcome: 'created', orderId: 't-1', recordId: RECORD_ID });
	assert.equal(
		server.to('userTransfer')[0].body,
		'{"fromUserId":"alice01","toUserId":"bob0001","coinId":1280,"amount":"3.25","orderId":"t-1"}',
	);
});

test('the sweep sends the App ID as toUserId only when "Merchant Balance (Sweep)" is chosen', async () => {
	answers.userTransfer = ok({ recordId: RECORD_ID });
	await jsonOf(run({ ...transfer, recipient: 'merchant', toUserId: 'ignored-user' }));
	assert.equal(JSON.parse(server.to('userTransfer')[0].body).toUserId, MERCHANT_V2.appId);
});

test('user IDs, order IDs and amounts are checked before anything is sent', async () => {
	/** @type {Array<[Record<string, string>, RegExp]>} */
	const cases = [
		[{ fromUserId: 'sys-admin' }, /From User ID must not start with "sys"/],
		[{ fromUserId: 'abc' }, /From User ID must be 5-64 characters long/],
		[{ toUserId: MERCHANT_V2.appId }, /To User ID is the App ID/],
		[{ toUserId: 'alice01' }, /To User ID is the same as From User ID/],
		[{ orderId: '' }, /Order ID is required/],
		[{ orderId: 'ab' }, /Order ID must be 3-64 characters long/],
		[{ amount: '1e3' }, /Amount/],
		[{ amount: '0' }, /Amount must be greater than 0/],
	];
	for (const [override, message] of cases) {
		const error = await errorOf(run({ ...transfer, ...override }));
		assert.match(error.message, message);
		assert.ok(error.description, 'names the fix');
	}
	const error = await errorOf(run({ operation: 'getBalances', userId: MERCHANT_V2.appId }));
	assert.match(error.description, /Merchant Balance \(Sweep\)/);
	assert.equal(server.requests.length, 0);
});

test('notify URLs are checked like the merchant operations before anything is sent', async () => {
	const long = `https://example.com/${'x'.repeat(140)}`;
	const withdraw = {
		operation: 'withdrawToNetwork',
		userId: 'alice01',
		orderId: 'w-1',
		coinId: byId('1280'),
		chain: byId('POLYGON'),
		address: '0x4444444444444444444444444444444444444444',
		amount: '1',
	};
	const address = { operation: 'getDepositAddress', userId: 'alice01', chain: byId('POLYGON') };
	for (const parameters of [withdraw, address]) {
		/** @type {Array<[string, RegExp]>} */
		const cases = [
			[long, /Notify URL must be at most 150 characters/],
			['example.com/hook', /Notify URL must be an http\(s\) URL/],
		];
		for (const [notifyUrl, message] of cases) {
			const error = await errorOf(run({ ...parameters, additionalFields: { notifyUrl } }));
			assert.match(error.message, message);
		}
	}
	assert.equal(server.requests.length, 0);
});

test('an ambiguous failure is reconciled by order ID: found means already_existed, one send', async () => {
	answers.userTransfer = { status: 502, body: 'bad gateway' };
	answers.getUserTransferRecord = ok({
		record: { recordId: RECORD_ID, orderId: 't-1', status: 'Success' },
	});
	const [json] = await jsonOf(run(transfer));
	assert.equal(json.outcome, 'already_existed');
	assert.equal(json.recordId, RECORD_ID);
	assert.equal(server.to('userTransfer').length, 1);
	assert.equal(server.to('getUserTransferRecord')[0].body, '{"orderId":"t-1"}');
});

test('not found after an ambiguous failure: the same bytes are sent again', async () => {
	answers.userTransfer = [{ status: 502, body: '' }, ok({ recordId: RECORD_ID })];
	answers.getUserTransferRecord = fail(11003, 'NotFound');
	const [json] = await jsonOf(run(transfer));
	assert.equal(json.outcome, 'created');
	const sends = server.to('userTransfer');
	assert.equal(sends.length, 2);
	assert.equal(sends[1].body, sends[0].body);
});

test('a duplicate order ID from an earlier run resolves to the existing record', async () => {
	answers.userSwap = fail(11011, 'OrderDuplicate');
	answers.getUserSwapRecord = ok({
		record: { recordId: RECORD_ID, orderId: 's-1', status: 'Success' },
	});
	const [json] = await jsonOf(
		run({
			operation: 'swap',
			userId: 'alice01',
			orderId: 's-1',
			coinIdIn: byId('1280'),
			amountIn: '10',
			coinIdOut: byId('1482'),
			amountOutMinimum: '30.5',
			additionalFields: { extraFeeRate: '0.01' },
		}),
	);
	assert.equal(json.outcome, 'already_existed');
	assert.equal(
		server.to('userSwap')[0].body,
		'{"orderId":"s-1","userId":"alice01","coinIdIn":1280,"amountIn":"10","coinIdOut":1482,"extraFeeRate":"0.01","amountOutMinimum":"30.5"}',
	);
});

test('a definite business error is final: not re-sent, continue-on-fail carries code and outcome', async () => {
	answers.applyUserWithdrawToNetwork = fail(14000, 'BalanceInsufficient');
	const [json] = await jsonOf(
		run(
			{
				operation: 'withdrawToNetwork',
				userId: 'alice01',
				orderId: 'w-1',
				coinId: byId('1280'),
				chain: byId('TRX'),
				address: 'TQ1TsPvVxXLTDz3GU4FLyGjkLqRBFhkXQm',
				amount: '20',
			},
			{ continueOnFail: true },
		),
	);
	assert.equal(json.code, 14000);
	assert.equal(json.outcome, 'failed');
	assert.equal(server.to('applyUserWithdrawToNetwork').length, 1);
});

test('11015 says how to create the user', async () => {
	answers.getUserCoinAssetList = fail(11015, 'UserIdNotFound');
	const error = await errorOf(run({ operation: 'getBalances', userId: 'ghost01' }));
	assert.match(error.description, /Get Deposit Address/);
});

test('lists follow nextId until Limit', async () => {
	const page = (from, next) =>
		ok({
			records: Array.from({ length: 20 }, (_, n) => ({ recordId: `r${from + n}` })),
			nextId: next,
		});
	answers.getUserTransferRecordList = [page(0, 'c1'), page(20, 'c2'), page(40, '')];
	const records = await jsonOf(
		run({
			operation: 'getManyTransfers',
			returnAll: false,
			limit: 30,
			additionalFields: { fromUserId: 'alice01' },
		}),
	);
	assert.equal(records.length, 30);
	const bodies = server.to('getUserTransferRecordList').map((r) => r.body);
	assert.deepEqual(bodies, ['{"fromUserId":"alice01"}', '{"fromUserId":"alice01","nextId":"c1"}']);
});

test('a batch transfer from input items sends one request with every receiver', async () => {
	answers.userBatchTransfer = ok({ recordId: RECORD_ID });
	const output = await jsonOf(
		run(
			{
				operation: 'batchTransfer',
				userId: 'alice01',
				orderId: 'b-1',
				coinId: byId('1280'),
				receiversFrom: 'items',
				receiverUserId: '={{ $json.user }}',
				receiverAmount: '={{ $json.amount }}',
			},
			{
				items: [
					{ json: { user: 'bob0001', amount: '1.5' } },
					{ json: { user: 'carol01', amount: '2' } },
				],
			},
		),
	);
	assert.equal(output.length, 1);
	assert.equal(output[0].receivers, 2);
	assert.equal(
		server.to('userBatchTransfer')[0].body,
		'{"orderId":"b-1","userId":"alice01","toUsers":[{"userId":"bob0001","amount":"1.5"},{"userId":"carol01","amount":"2"}],"coinId":1280}',
	);
});

test('the swap quote sends the markup as extraFeeRate and refuses a rate of 1 or more', async () => {
	answers.estimate = ok({ amountOut: '30', fee: '0.15', extraFee: '0.3', netAmountOut: '29.55' });
	const [json] = await jsonOf(
		run({
			operation: 'getSwapQuote',
			coinIdIn: byId('1280'),
			amountIn: '10',
			coinIdOut: byId('1482'),
			additionalFields: { extraFeeRate: '0.01' },
		}),
	);
	assert.equal(json.netAmountOut, '29.55');
	assert.equal(
		server.to('estimate')[0].body,
		'{"coinIdIn":1280,"amountIn":"10","coinIdOut":1482,"extraFeeRate":"0.01"}',
	);
	const error = await errorOf(
		run({
			operation: 'getSwapQuote',
			coinIdIn: byId('1280'),
			amountIn: '10',
			coinIdOut: byId('1482'),
			additionalFields: { extraFeeRate: '1.5' },
		}),
	);
	assert.match(error.message, /Markup Rate must be below 1/);
});
