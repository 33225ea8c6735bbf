// @ts-check
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { product } = require('../../../../dev/dist');

const { classify, statusOf, applyFilter, normalise, dedupKey, toStringList, EVENT_TYPES } =
	product('events');
const { WEBHOOKS } = require('../../../../dev/spec-vectors');

const CTX = {
	timestamp: '1700000000',
	appId: '202302010636261620672405236006912',
	receivedAt: '2023-11-14T22:13:25.000Z',
};
/** @param {string} type */
const payloadOf = (type) => JSON.parse(WEBHOOKS[type].body);

test('classify: the five order_type labels, the Invocie typo, spacing and case, unknown and missing', () => {
	assert.deepEqual(classify(payloadOf('api_deposit')), {
		eventType: 'api_deposit',
		orderType: 'API Deposit',
		source: 'order_type',
	});
	assert.deepEqual(classify(payloadOf('direct_deposit')).eventType, 'direct_deposit');
	assert.deepEqual(classify(payloadOf('invoice')).eventType, 'invoice');
	assert.deepEqual(classify(payloadOf('api_withdrawal')).eventType, 'api_withdrawal');
	assert.deepEqual(classify(payloadOf('refund')).eventType, 'refund');
	assert.deepEqual(classify({ order_type: 'Invocie' }), {
		eventType: 'invoice',
		orderType: 'Invoice',
		source: 'order_type',
	});
	assert.equal(classify({ order_type: ' api  DEPOSIT ' }).eventType, 'api_deposit');
	assert.deepEqual(classify({ order_type: 'Payout' }), {
		eventType: undefined,
		orderType: 'Payout',
		source: 'unknown',
	});
	assert.deepEqual(classify({}), { eventType: undefined, orderType: null, source: 'unknown' });
});

test('classify falls back to the spec fingerprint only when order_type is missing', () => {
	for (const type of EVENT_TYPES) {
		const p = payloadOf(type);
		delete p.order_type;
		assert.deepEqual(
			classify(p),
			{ eventType: type, orderType: classify(payloadOf(type)).orderType, source: 'fingerprint' },
			type,
		);
	}
	// A present but unknown order_type is never overridden by the fingerprint.
	assert.equal(
		classify({ ...payloadOf('refund'), order_type: 'Something New' }).eventType,
		undefined,
	);
});

test('statusOf lower-cases and tolerates absence', () => {
	assert.equal(statusOf({ pay_status: 'success' }), 'success');
	assert.equal(statusOf({ pay_status: ' Processing ' }), 'processing');
	assert.equal(statusOf({}), '');
	assert.equal(statusOf({ pay_status: 1 }), '');
});

test('filters: event types, statuses, empty selections and unknown order types', () => {
	const all = { events: [...EVENT_TYPES], statuses: ['success'] };
	const dep = classify(payloadOf('api_deposit'));
	assert.deepEqual(applyFilter(dep, 'success', all), { wanted: true });
	assert.equal(applyFilter(dep, 'pending', all).wanted, false);
	assert.equal(
		applyFilter(dep, 'success', { events: ['refund'], statuses: ['success'] }).wanted,
		false,
	);
	assert.equal(
		applyFilter(dep, 'pending', { events: ['api_deposit'], statuses: [] }).wanted,
		true,
		'no status filter',
	);
	assert.equal(
		applyFilter(dep, 'pending', { events: [], statuses: ['pending', 'processing'] }).wanted,
		true,
	);
	const unknown = classify({ order_type: 'Payout' });
	assert.deepEqual(applyFilter(unknown, 'success', all), {
		wanted: false,
		reason: 'order type "Payout" not selected',
	});
	assert.equal(
		applyFilter(unknown, 'success', { events: [], statuses: ['success'] }).wanted,
		true,
		'empty Events accepts unknown types',
	);
	assert.equal(applyFilter(unknown, 'weird', { events: [], statuses: [] }).wanted, true);
	assert.equal(
		applyFilter(classify({ order_type: 'Invocie' }), 'success', {
			events: ['invoice'],
			statuses: ['success'],
		}).wanted,
		true,
	);
	assert.equal(applyFilter(dep, '', all).wanted, false, 'missing pay_status is not success');
});

test('toStringList reads multiOptions values', () => {
	assert.deepEqual(toStringList(['a', '', 3, 'b']), ['a', 'b']);
	assert.deepEqual(toStringList('a'), ['a']);
	assert.deepEqual(toStringList(undefined), []);
});

test('normalise: API Deposit', () => {
	assert.deepEqual(normalise(payloadOf('api_deposit'), CTX), {
		eventType: 'api_deposit',
		orderType: 'API Deposit',
		status: 'success',
		merchantOrderId: 'ORDER-10042',
		recordId: '202311140952301724307418092105728',
		dedupKey: 'API Deposit:202311140952301724307418092105728:success',
		orderId: '202311140950071724306818923245568',
		userId: null,
		invoiceId: null,
		amount: '10',
		creditAmount: null,
		netReceivable: null,
		crypto: 'USDT',
		chain: 'TRX',
		txid: '9a3f0c5e7b2d4a6c8e1f3b5d7a9c0e2f4b6d8a0c2e4f6b8d0a2c4e6f8b0d2a4c',
		verified: true,
		receivedAt: CTX.receivedAt,
		timestamp: CTX.timestamp,
		appId: CTX.appId,
	});
});

test('normalise: Direct Deposit has a user and no merchant order', () => {
	const n = normalise(payloadOf('direct_deposit'), CTX);
	assert.equal(n.eventType, 'direct_deposit');
	assert.equal(n.merchantOrderId, null);
	assert.equal(n.userId, '10192128173');
	assert.equal(n.orderId, null);
	assert.equal(n.amount, '666');
	assert.equal(n.creditAmount, '665.8002');
	assert.equal(n.chain, 'BSC');
});

test('normalise: Invoice (invoice id, credit amount; empty credit amount is null; Invocie mapped)', () => {
	const n = normalise(payloadOf('invoice'), CTX);
	assert.equal(n.eventType, 'invoice');
	assert.equal(n.orderType, 'Invoice');
	assert.equal(n.invoiceId, '202307310956001685943923384046592');
	assert.equal(n.merchantOrderId, null, 'current invoices carry no merchant order id');
	assert.equal(n.amount, '18');
	assert.equal(n.creditAmount, '17.946');
	const typo = normalise(
		{
			...payloadOf('invoice'),
			order_type: 'Invocie',
			credit_amount: '',
			extend: { invoice_id: 'I1', merchant_order_id: 'M1' },
		},
		CTX,
	);
	assert.equal(typo.eventType, 'invoice');
	assert.equal(typo.orderType, 'Invoice');
	assert.equal(typo.creditAmount, null);
	assert.equal(typo.merchantOrderId, 'M1', 'older fixtures keep merchant_order_id in extend');
});

test('normalise: API Withdrawal and Refund use the top-level merchant_order_id and their own amount fields', () => {
	const w = normalise(payloadOf('api_withdrawal'), CTX);
	assert.deepEqual(
		[
			w.eventType,
			w.merchantOrderId,
			w.amount,
			w.netReceivable,
			w.crypto,
			w.chain,
			w.recordId,
			w.orderId,
		],
		[
			'api_withdrawal',
			'1690792347702',
			'0.05',
			'0.05',
			'USDC',
			'POLYGON',
			'202307310832281685931420447666176',
			'202307310832281685931420435083264',
		],
	);
	const r = normalise(payloadOf('refund'), CTX);
	assert.deepEqual(
		[r.eventType, r.merchantOrderId, r.amount, r.netReceivable, r.crypto, r.chain, r.orderId],
		['refund', 'test_xxxx1688370383377840', '1', '1', 'USDT', 'ETH', null],
	);
});

test('normalise: amounts stay strings (numbers are stringified), unknown types pick the first amount field', () => {
	const n = normalise(
		{ order_type: 'Payout', pay_status: 'success', record_id: 'R', amount: 0.1 },
		CTX,
	);
	assert.equal(n.eventType, 'unknown');
	assert.equal(n.orderType, 'Payout');
	assert.equal(n.amount, '0.1');
	const big = normalise({ ...payloadOf('api_deposit'), paid_amount: '0.279173646007816863' }, CTX);
	assert.equal(big.amount, '0.279173646007816863', 'never converted to a float');
	assert.equal(normalise({}, CTX).status, '');
	assert.equal(
		normalise(payloadOf('refund'), { ...CTX, headers: { appid: 'x' } }).headers?.appid,
		'x',
	);
	assert.equal('headers' in normalise(payloadOf('refund'), CTX), false);
});

test('normalise leaves the payload untouched', () => {
	const p = payloadOf('api_deposit');
	const copy = JSON.parse(JSON.stringify(p));
	normalise(p, CTX);
	assert.deepEqual(p, copy);
});

test('dedupKey: canonical order type + record_id + pay_status; none without record_id', () => {
	assert.equal(
		dedupKey(payloadOf('api_deposit')),
		'API Deposit:202311140952301724307418092105728:success',
	);
	const p = payloadOf('invoice');
	assert.equal(
		dedupKey({ ...p, order_type: 'Invocie' }),
		dedupKey(p),
		'the typo shares keys with Invoice',
	);
	assert.notEqual(
		dedupKey({ ...p, pay_status: 'processing' }),
		dedupKey(p),
		'status progressions are distinct',
	);
	assert.equal(dedupKey({ order_type: 'Refund', pay_status: 'success' }), undefined);
	assert.equal(dedupKey({ order_type: 'Refund', record_id: '' }), undefined);
});
