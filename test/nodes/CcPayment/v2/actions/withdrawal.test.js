// @ts-check
'use strict';
/**
 * Withdrawal (v2) against a recording server: the exact bytes of each request, validation before
 * anything is sent, and the write policy (definite answers final, certainly-not-applied failures
 * re-sent with the same body, ambiguous failures reconciled by order ID, duplicates resolved).
 */
const { test } = require('node:test');
const assert = require('node:assert/strict');

const { ok, fail, runV2, jsonOf, errorOf, byId } = require('../../../../helpers/v2-node');
const { useMoneyServer } = require('../../../../helpers/v2-money');

const { state, sent } = useMoneyServer();

const RECORD = {
	recordId: '202403120909501767478092588126208',
	withdrawType: 'Network',
	coinId: 1280,
	coinSymbol: 'USDT',
	chain: 'POLYGON',
	toAddress: '0xBb9C',
	orderId: 'payout-0001',
	status: 'Processing',
	amount: '12.5',
	fee: { coinId: 1280, coinSymbol: 'USDT', amount: '0.1' },
};

/** @param {Record<string, unknown>} [overrides] */
const toNetwork = (overrides = {}) => ({
	resource: 'withdrawal',
	operation: 'createToNetwork',
	orderId: 'payout-0001',
	coinId: byId('1280'),
	chain: byId('POLYGON'),
	address: '0xBb9C',
	amount: '12.50',
	...overrides,
});

test('Withdraw to Address: exact bytes (coinId a number, amount a canonical string), outcome created', async () => {
	state.answers.applyAppWithdrawToNetwork = { recordId: RECORD.recordId };
	const items = await jsonOf(
		runV2(
			state.server.url,
			toNetwork({
				additionalFields: {
					merchantPayNetworkFee: true,
					networkFeeInquiryID: 'fee-1',
					notifyUrl: 'https://n8n.example.com/webhook/x',
					memo: '',
				},
			}),
		),
	);
	assert.deepEqual(sent('getCoin'), ['{"coinId":1280}']);
	assert.deepEqual(sent('applyAppWithdrawToNetwork'), [
		'{"coinId":1280,"chain":"POLYGON","address":"0xBb9C","orderId":"payout-0001","amount":"12.5","merchantPayNetworkFee":true,"networkFeeInquiryID":"fee-1","notifyUrl":"https://n8n.example.com/webhook/x"}',
	]);
	assert.deepEqual(items, [
		{ outcome: 'created', orderId: 'payout-0001', recordId: RECORD.recordId },
	]);
});

test('Withdraw to Address: refused before sending with field, rule and fix', async () => {
	const cases = [
		[{ amount: '1.1234567' }, /Amount has 7 decimal places, more than the 6 USDT allows/],
		[{ amount: '1e3' }, /Amount uses exponent notation/],
		[{ amount: '0' }, /Amount must be greater than 0/],
		[{ orderId: 'ab' }, /Order ID must be 3 to 64 characters/],
		[{ orderId: '' }, /Order ID is required/],
		[
			{ additionalFields: { notifyUrl: `https://x.io/${'a'.repeat(140)}` } },
			/Notify URL must be at most 150/,
		],
	];
	for (const [overrides, message] of cases) {
		const error = await errorOf(runV2(state.server.url, toNetwork(/** @type {any} */ (overrides))));
		assert.match(error.message, /** @type {RegExp} */ (message));
		assert.ok(error.description, 'the error says how to fix it');
	}
	assert.equal(sent('applyAppWithdrawToNetwork').length, 0, 'nothing was sent');
});

test('Withdraw to Address: a rate-limit answer was not applied, so the same bytes are re-sent', async () => {
	let calls = 0;
	state.answers.applyAppWithdrawToNetwork = () =>
		++calls === 1 ? fail(11004, 'RateLimit') : ok({ recordId: RECORD.recordId });
	const [item] = await jsonOf(runV2(state.server.url, toNetwork()));
	const bodies = sent('applyAppWithdrawToNetwork');
	assert.equal(bodies.length, 2);
	assert.equal(bodies[0], bodies[1], 'same body');
	assert.equal(sent('getAppWithdrawRecord').length, 0, 'no lookup needed');
	assert.equal(item.outcome, 'created');
});

test('Withdraw to Address: an ambiguous failure is reconciled by order ID before any re-send', async () => {
	state.answers.applyAppWithdrawToNetwork = () => fail(11002, 'Internal');
	state.answers.getAppWithdrawRecord = { record: RECORD };
	const [item] = await jsonOf(runV2(state.server.url, toNetwork()));
	assert.equal(sent('applyAppWithdrawToNetwork').length, 1, 'sent once, never again');
	assert.deepEqual(sent('getAppWithdrawRecord'), ['{"orderId":"payout-0001"}']);
	assert.deepEqual(item, {
		outcome: 'already_existed',
		orderId: 'payout-0001',
		recordId: RECORD.recordId,
		status: 'Processing',
		record: RECORD,
	});
});

test('Withdraw to Address: ambiguous failure, no such record (11003): re-sent with the same body', async () => {
	let calls = 0;
	state.answers.applyAppWithdrawToNetwork = () =>
		++calls === 1 ? { body: '<html>bad gateway' } : ok({ recordId: RECORD.recordId });
	state.answers.getAppWithdrawRecord = () => fail(11003, 'NotFound');
	const [item] = await jsonOf(runV2(state.server.url, toNetwork()));
	const bodies = sent('applyAppWithdrawToNetwork');
	assert.equal(bodies.length, 2);
	assert.equal(bodies[0], bodies[1]);
	assert.equal(sent('getAppWithdrawRecord').length, 1, 'looked up before the re-send');
	assert.equal(item.outcome, 'created');
});

test('Withdraw to Address: ambiguous failure and the lookup fails too: outcome unknown, not re-sent', async () => {
	state.answers.applyAppWithdrawToNetwork = () => fail(11002, 'Internal');
	state.answers.getAppWithdrawRecord = () => fail(12001, 'MerchantNotFound');
	const [item] = await jsonOf(runV2(state.server.url, toNetwork(), { continueOnFail: true }));
	assert.equal(sent('applyAppWithdrawToNetwork').length, 1);
	assert.equal(item.outcome, 'unknown');
	assert.equal(item.merchant_order_id, 'payout-0001');
	assert.match(item.error, /may or may not have been created/);
	assert.equal(item.kind, 'service_error');
});

test('Withdraw to Address: 11011 duplicate resolves to already_existed when the record is this payout', async () => {
	state.answers.applyAppWithdrawToNetwork = () => fail(11011, 'OrderDuplicate');
	state.answers.getAppWithdrawRecord = { record: RECORD };
	const [item] = await jsonOf(runV2(state.server.url, toNetwork()));
	assert.equal(sent('applyAppWithdrawToNetwork').length, 1);
	assert.equal(item.outcome, 'already_existed');
	assert.equal(item.recordId, RECORD.recordId);
});

test('Withdraw to Address: 11011 for a different payout fails the item and names the difference', async () => {
	state.answers.applyAppWithdrawToNetwork = () => fail(11011, 'OrderDuplicate');
	state.answers.getAppWithdrawRecord = { record: { ...RECORD, amount: '99' } };
	const [item] = await jsonOf(runV2(state.server.url, toNetwork(), { continueOnFail: true }));
	assert.equal(item.outcome, 'failed');
	assert.match(
		item.error,
		/already used by a different withdrawal \(amount: existing "99", this item "12.5"\)/,
	);
	assert.equal(sent('applyAppWithdrawToNetwork').length, 1);
});

test('Withdraw to Address: a definite business error is final (no re-send, no lookup)', async () => {
	state.answers.applyAppWithdrawToNetwork = () => fail(14000, 'BalanceInsufficient');
	const [item] = await jsonOf(runV2(state.server.url, toNetwork(), { continueOnFail: true }));
	assert.equal(sent('applyAppWithdrawToNetwork').length, 1);
	assert.equal(sent('getAppWithdrawRecord').length, 0);
	assert.equal(item.code, 14000);
	assert.equal(item.tip, 'BalanceInsufficient');
	assert.equal(item.kind, 'business');
	assert.equal(item.outcome, 'failed');
});

test('Withdraw to Cwallet: exact bytes; precision of any chain of the coin', async () => {
	state.answers.applyAppWithdrawToCwallet = { recordId: '2024' };
	const [item] = await jsonOf(
		runV2(state.server.url, {
			resource: 'withdrawal',
			operation: 'createToCwallet',
			orderId: 'cw-0001',
			coinId: byId('1280'),
			cwalletUser: '9454818',
			amount: 5,
		}),
	);
	assert.deepEqual(sent('applyAppWithdrawToCwallet'), [
		'{"coinId":1280,"cwalletUser":"9454818","amount":"5","orderId":"cw-0001"}',
	]);
	assert.deepEqual(item, { outcome: 'created', orderId: 'cw-0001', recordId: '2024' });
});

test('Withdrawal > Get by order or record ID; Get Many follows nextId with dates in seconds', async () => {
	state.answers.getAppWithdrawRecord = { record: RECORD };
	const [byOrder] = await jsonOf(
		runV2(state.server.url, { resource: 'withdrawal', operation: 'get', id: 'payout-0001' }),
	);
	await jsonOf(
		runV2(state.server.url, {
			resource: 'withdrawal',
			operation: 'get',
			findBy: 'recordId',
			id: RECORD.recordId,
		}),
	);
	assert.deepEqual(sent('getAppWithdrawRecord'), [
		'{"orderId":"payout-0001"}',
		`{"recordId":"${RECORD.recordId}"}`,
	]);
	assert.deepEqual(byOrder, RECORD);

	state.answers.getAppWithdrawRecordList = (/** @type {any} */ req) => {
		const body = req.body ? JSON.parse(req.body) : {};
		return body.nextId
			? ok({ records: [{ recordId: '3' }], nextId: '' })
			: ok({ records: [{ recordId: '1' }, { recordId: '2' }], nextId: 'abc' });
	};
	const all = await jsonOf(
		runV2(state.server.url, {
			resource: 'withdrawal',
			operation: 'getMany',
			returnAll: true,
			filters: {
				coinId: '1280',
				orderIds: 'a-1, b-2',
				startAt: '2026-01-01T00:00:00Z',
				endAt: '2026-01-02T00:00:00Z',
			},
		}),
	);
	assert.deepEqual(
		all.map((/** @type {any} */ r) => r.recordId),
		['1', '2', '3'],
	);
	assert.deepEqual(sent('getAppWithdrawRecordList'), [
		'{"coinId":1280,"orderIds":["a-1","b-2"],"startAt":1767225600,"endAt":1767312000}',
		'{"coinId":1280,"orderIds":["a-1","b-2"],"startAt":1767225600,"endAt":1767312000,"nextId":"abc"}',
	]);
	const limited = await jsonOf(
		runV2(state.server.url, { resource: 'withdrawal', operation: 'getMany', limit: 1 }),
	);
	assert.equal(limited.length, 1);
});

test('Auto-withdrawals and risky refunds: one item per record, record IDs capped at 50', async () => {
	state.answers.getAutoWithdrawRecordList = { records: [{ recordId: 'a' }], nextId: '' };
	state.answers.getRiskyRefundRecordList = { records: [{ recordId: 'r', fromDeposit: ['d'] }] };
	const auto = await jsonOf(
		runV2(state.server.url, {
			resource: 'withdrawal',
			operation: 'getAutoWithdrawals',
			returnAll: true,
			filters: { chain: 'TRX' },
		}),
	);
	const risky = await jsonOf(
		runV2(state.server.url, {
			resource: 'withdrawal',
			operation: 'getRiskyRefunds',
			returnAll: true,
		}),
	);
	assert.deepEqual(sent('getAutoWithdrawRecordList'), ['{"chain":"TRX"}']);
	assert.deepEqual(sent('getRiskyRefundRecordList'), ['']);
	assert.deepEqual(auto, [{ recordId: 'a' }]);
	assert.deepEqual(risky, [{ recordId: 'r', fromDeposit: ['d'] }]);
	const ids = Array.from({ length: 51 }, (_, n) => `id${n}`).join(',');
	const error = await errorOf(
		runV2(state.server.url, {
			resource: 'withdrawal',
			operation: 'getRiskyRefunds',
			filters: { recordIds: ids },
		}),
	);
	assert.match(error.message, /Record IDs has 51 entries, more than the 50/);
});

test('Existing v2 workflows keep Get Network Fee as the default withdrawal operation', async () => {
	state.answers.getWithdrawFee = { fee: { coinId: 1280, coinSymbol: 'USDT', amount: '1' } };
	await jsonOf(
		runV2(state.server.url, {
			resource: 'withdrawal',
			coinId: byId('1280'),
			chain: byId('POLYGON'),
		}),
	);
	assert.equal(sent('getWithdrawFee').length, 1);
	assert.equal(sent('applyAppWithdrawToNetwork').length, 0, 'never a payout by default');
});
