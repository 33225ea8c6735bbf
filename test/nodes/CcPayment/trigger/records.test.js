// @ts-check
/** Which record each notification fetches, and what the record says about crediting (pure). */
const { test } = require('node:test');
const assert = require('node:assert/strict');

const { product } = require('../../../../dev/dist');
const { readEnvelope } = product('eventsV2');
const { recordPlan, recordOf, assessRecord, subtractDecimals, paidTotal } = product('records');
const { BODIES, bodyWith } = require('../../../helpers/v2-webhooks');

/** @param {string} body */
const envelope = (body) => readEnvelope(JSON.parse(body));

/** A deposit record as getAppDepositRecord returns it. @param {Record<string, unknown>} [over] */
const depositRecord = (over = {}) => ({
	recordId: '20240919035020188328269786624000',
	orderId: '1726717497',
	coinId: 2541,
	coinSymbol: 'POL',
	chain: 'POLYGON',
	amount: '0.123456789012345678',
	serviceFee: '0.000617283945061728',
	txId: '0xabc',
	status: 'Success',
	arrivedAt: 1726717500,
	isFlaggedAsRisky: false,
	...over,
});

test('each type fetches its record by recordId; ApiDeposit also looks the order up (order address, then invoice)', () => {
	const endpoint = (/** @type {string} */ type) =>
		recordPlan(type, envelope(BODIES[/** @type {keyof typeof BODIES} */ (type)]));
	assert.deepEqual(endpoint('DirectDeposit'), {
		record: {
			endpoint: 'getAppDepositRecord',
			body: { recordId: '20240313113108110000000000000001' },
		},
		order: [],
	});
	assert.deepEqual(endpoint('ApiDeposit'), {
		record: {
			endpoint: 'getAppDepositRecord',
			body: { recordId: '20240919035020188328269786624000' },
		},
		order: [
			{ endpoint: 'getAppOrderInfo', body: { orderId: '1726717497' } },
			{ endpoint: 'getInvoiceOrderInfo', body: { orderId: '1726717497' } },
		],
	});
	assert.equal(endpoint('ApiWithdrawal')?.record.endpoint, 'getAppWithdrawRecord');
	assert.equal(endpoint('UserDeposit')?.record.endpoint, 'getUserDepositRecord');
	assert.equal(endpoint('UserWithdrawal')?.record.endpoint, 'getUserWithdrawRecord');
	assert.equal(
		recordPlan('RiskyAddress', readEnvelope({ type: 'RiskyAddress', msg: {} })),
		undefined,
	);
	assert.equal(recordPlan(undefined, envelope(BODIES.ApiDeposit)), undefined);
	assert.equal(recordPlan('ApiDeposit', readEnvelope({ type: 'ApiDeposit', msg: {} })), undefined);
});

test('a Success, not risky deposit is creditable with its exact gross amount, fee and net', () => {
	const a = assessRecord('ApiDeposit', envelope(BODIES.ApiDeposit), depositRecord());
	assert.equal(a.creditable, true);
	assert.equal(a.creditAmount, '0.123456789012345678');
	assert.equal(a.serviceFee, '0.000617283945061728');
	assert.equal(a.netAmount, '0.12283950506728395');
	assert.equal(a.facts.txid, '0xabc');
	assert.equal(a.facts.chain, 'POLYGON');
});

test('not creditable: risky (record or notification), not Success, another record, no amount, withdrawals', () => {
	const env = envelope(BODIES.ApiDeposit);
	const cases = [
		[env, depositRecord({ isFlaggedAsRisky: true }), /risky/],
		[envelope(bodyWith('ApiDeposit', { isFlaggedAsRisky: true })), depositRecord(), /risky/],
		[env, depositRecord({ status: 'Processing' }), /Processing/],
		[env, depositRecord({ status: 'Failed' }), /Failed/],
		[env, depositRecord({ recordId: '1' }), /not the notified one/],
		[env, depositRecord({ amount: '0' }), /no positive amount/],
		[env, depositRecord({ amount: 'abc' }), /no positive amount/],
	];
	for (const [e, record, reason] of cases) {
		const a = assessRecord('ApiDeposit', e, record);
		assert.equal(a.creditable, false, String(reason));
		assert.equal(a.creditAmount, null);
		assert.match(a.creditReason, /** @type {RegExp} */ (reason));
	}
	// The notification said Success, but the record is authoritative.
	const stale = assessRecord('DirectDeposit', envelope(BODIES.DirectDeposit), {
		...depositRecord({ recordId: '20240313113108110000000000000001' }),
		status: 'Processing',
	});
	assert.equal(stale.creditable, false);
	const withdrawal = assessRecord('ApiWithdrawal', envelope(BODIES.ApiWithdrawal), {
		recordId: '20240313120722176788000000000002',
		status: 'Success',
		amount: '0.004',
		fee: { coinId: 1891, coinSymbol: 'TETH', amount: '0.001' },
	});
	assert.equal(withdrawal.creditable, false);
	assert.match(withdrawal.creditReason, /nothing to credit/);
	assert.equal(withdrawal.serviceFee, '0.001');
	assert.equal(withdrawal.facts.status, 'Success');
});

test('exact decimals: subtraction, order totals of Success and not risky payments', () => {
	assert.equal(subtractDecimals('1', '0.000000000000000001'), '0.999999999999999999');
	assert.equal(subtractDecimals('0.5', '0.0025'), '0.4975');
	assert.equal(subtractDecimals('1', '2'), null);
	const order = {
		paidList: [
			{ recordId: '1', amount: '0.1', status: 'Success' },
			{ recordId: '2', amount: '0.2', status: 'Success' },
			{ recordId: '3', amount: '5', status: 'Processing' },
			{ recordId: '4', amount: '7', status: 'Success', isFlaggedAsRisky: true },
		],
	};
	assert.equal(paidTotal(order), '0.3');
	assert.equal(paidTotal({ paidList: [{ paidAmount: '0.5', status: 'Success' }] }), '0.5');
	assert.equal(paidTotal({}), '0');
});

test('recordOf: data.record, or nothing when the answer carries no record', () => {
	assert.deepEqual(recordOf({ record: { recordId: '1' } }), { recordId: '1' });
	assert.equal(recordOf({ record: {} }), undefined);
	assert.equal(recordOf({}), undefined);
	assert.equal(recordOf(null), undefined);
});
