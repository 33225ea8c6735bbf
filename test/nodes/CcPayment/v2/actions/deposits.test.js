// @ts-check
'use strict';
/**
 * Deposit address, Order, Invoice, Deposit Record and Webhook (v2) against a recording server:
 * exact bytes sent, validation before sending, the computed payment state in the output.
 */
const { test } = require('node:test');
const assert = require('node:assert/strict');

const { ok, fail, runV2, jsonOf, errorOf, byId } = require('../../../../helpers/v2-node');
const { useMoneyServer } = require('../../../../helpers/v2-money');

const { state, sent } = useMoneyServer();
const now = () => Math.floor(Date.now() / 1000);

test('Deposit Address > Get or Create, Unbind, Rescan: exact bytes and answers', async () => {
	state.answers.getOrCreateAppDepositAddress = { address: '0x7C63', memo: '' };
	state.answers.addressUnbinding = {
		unbound: [{ chain: 'POLYGON', address: '0x7C63' }],
		unboundAt: 1,
		userID: '',
		referenceID: 'user-1001',
	};
	state.answers.rescanLostTransaction = { description: 'The deposit has been rescanned.' };
	const [address] = await jsonOf(
		runV2(state.server.url, {
			resource: 'depositAddress',
			operation: 'getOrCreate',
			referenceId: 'user-1001',
			chain: byId('POLYGON'),
			additionalFields: { notifyUrl: 'https://n8n.example.com/webhook/a' },
		}),
	);
	await jsonOf(
		runV2(state.server.url, {
			resource: 'depositAddress',
			operation: 'unbind',
			chain: byId('POLYGON'),
			address: '0x7C63',
		}),
	);
	const [rescan] = await jsonOf(
		runV2(state.server.url, {
			resource: 'depositAddress',
			operation: 'rescan',
			chain: byId('TRX'),
			toAddress: 'TAkm',
			txId: 'f39a',
		}),
	);
	assert.deepEqual(sent('getOrCreateAppDepositAddress'), [
		'{"referenceId":"user-1001","chain":"POLYGON","notifyUrl":"https://n8n.example.com/webhook/a"}',
	]);
	assert.deepEqual(sent('addressUnbinding'), ['{"chain":"POLYGON","address":"0x7C63"}']);
	assert.deepEqual(sent('rescanLostTransaction'), [
		'{"chain":"TRX","toAddress":"TAkm","txId":"f39a"}',
	]);
	assert.deepEqual(address, { address: '0x7C63', memo: '' });
	assert.match(rescan.description, /rescanned/);
	const error = await errorOf(
		runV2(state.server.url, {
			resource: 'depositAddress',
			operation: 'getOrCreate',
			referenceId: 'u1',
			chain: byId('POLYGON'),
		}),
	);
	assert.match(error.message, /Reference ID must be 3 to 64 characters/);
});

test('Order > Create: fiat price with a validity turned into expiredAt; checked before sending', async () => {
	state.answers.createAppOrderDepositAddress = {
		address: '0x9aBD',
		amount: '0.008552856654122477',
		memo: '',
		checkoutUrl: 'https://i.ccpayment.com/x',
		confirmsNeeded: 50,
	};
	const before = now();
	const [item] = await jsonOf(
		runV2(state.server.url, {
			resource: 'order',
			operation: 'create',
			orderId: 'order-1001',
			coinId: byId('1329'),
			chain: byId('POLYGON'),
			price: '19.90',
			additionalFields: { validFor: 3600, generateCheckoutURL: true, buyerEmail: 'a@b.co' },
		}),
	);
	const [body] = sent('createAppOrderDepositAddress');
	const parsed = JSON.parse(body);
	assert.ok(parsed.expiredAt >= before + 3600 && parsed.expiredAt <= now() + 3600);
	assert.equal(
		body,
		`{"orderId":"order-1001","coinId":1329,"chain":"POLYGON","price":"19.9","fiatId":1033,"expiredAt":${parsed.expiredAt},"buyerEmail":"a@b.co","generateCheckoutURL":true}`,
	);
	assert.equal(item.outcome, 'created');
	assert.equal(item.amount, '0.008552856654122477');

	const base = {
		resource: 'order',
		operation: 'create',
		orderId: 'order-1002',
		coinId: byId('1280'),
		chain: byId('POLYGON'),
		price: '1',
	};
	const cases = [
		[{ additionalFields: { validFor: 864001 } }, /more than 10 days from now/],
		[
			{ additionalFields: { expiresAt: new Date((now() + 11 * 86400) * 1000).toISOString() } },
			/Expires At is more than 10 days/,
		],
		[{ additionalFields: { expiresAt: '2020-01-01T00:00:00Z' } }, /Expires At is in the past/],
		[{ additionalFields: { expiresAt: '2099-01-01T00:00:00Z', validFor: 60 } }, /both set/],
		[{ price: '1.999' }, /Price allows at most 2 decimal places/],
		[{ priceIn: 'coin', price: '1.0000001' }, /more than the 6 USDT allows/],
		[{ additionalFields: { buyerEmail: 'nope' } }, /Buyer Email is not a valid e-mail/],
		[{ additionalFields: { returnUrl: 'ftp://x' } }, /Return URL must be an http\(s\) URL/],
	];
	for (const [overrides, message] of cases) {
		const error = await errorOf(
			runV2(state.server.url, { ...base, .../** @type {any} */ (overrides) }),
		);
		assert.match(error.message, /** @type {RegExp} */ (message));
	}
	assert.equal(sent('createAppOrderDepositAddress').length, 1, 'only the valid order was sent');
});

test('Order > Create priced in the coin: no fiatId; an 11011 for the same order is already_existed', async () => {
	state.answers.createAppOrderDepositAddress = () => fail(11011, 'OrderDuplicate');
	state.answers.getAppOrderInfo = {
		amountToPay: '25',
		coinId: 1280,
		chain: 'POLYGON',
		paidList: [],
	};
	const [item] = await jsonOf(
		runV2(state.server.url, {
			resource: 'order',
			operation: 'create',
			orderId: 'order-2001',
			coinId: byId('1280'),
			chain: byId('POLYGON'),
			priceIn: 'coin',
			price: '25.000',
		}),
	);
	assert.deepEqual(sent('createAppOrderDepositAddress'), [
		'{"orderId":"order-2001","coinId":1280,"chain":"POLYGON","price":"25"}',
	]);
	assert.deepEqual(sent('getAppOrderInfo'), ['{"orderId":"order-2001"}']);
	assert.equal(item.outcome, 'already_existed');
});

const ORDER_INFO = {
	amountToPay: '10',
	coinId: 1280,
	coinSymbol: 'USDT',
	chain: 'POLYGON',
	toAddress: '0x9abd',
	createAt: 1710233933,
	expiredAt: 4102444800,
	paidList: [
		{ recordId: 'r1', amount: '4.5', status: 'Success', txid: '0xa', arrivedAt: 1 },
		{ recordId: 'r2', amount: '1', status: 'Processing', txid: '0xb', arrivedAt: 2 },
	],
};

test('Order > Get: computed payment state, simplified by default, full with Simplify off', async () => {
	state.answers.getAppOrderInfo = ORDER_INFO;
	const [simple] = await jsonOf(
		runV2(state.server.url, { resource: 'order', operation: 'get', orderId: 'order-1001' }),
	);
	assert.deepEqual(sent('getAppOrderInfo'), ['{"orderId":"order-1001"}']);
	const { paidList, ...rest } = ORDER_INFO;
	assert.deepEqual(simple, {
		orderId: 'order-1001',
		...rest,
		paymentState: 'Underpaid',
		amountDue: '10',
		paidAmount: '4.5',
		remainingAmount: '5.5',
		overpaidAmount: '0',
		successCount: 1,
		pendingCount: 1,
		expired: false,
		paymentCount: 2,
		lastTxid: '0xb',
		lastArrivedAt: 2,
	});
	const [full] = await jsonOf(
		runV2(state.server.url, {
			resource: 'order',
			operation: 'get',
			orderId: 'order-1001',
			simplify: false,
		}),
	);
	assert.deepEqual(full.paidList, paidList);
	assert.equal(full.paymentState, 'Underpaid');
});

test('Order > Get Many: one request per ID within the limiter, one item per order, not-found optional', async () => {
	state.answers.getAppOrderInfo = (/** @type {any} */ req) =>
		JSON.parse(req.body).orderId === 'missing' ? fail(11003, 'NotFound') : ok(ORDER_INFO);
	const items = await jsonOf(
		runV2(state.server.url, {
			resource: 'order',
			operation: 'getMany',
			orderIds: 'a-1, missing\nb-2, a-1',
			lookupOptions: { includeNotFound: true },
		}),
	);
	assert.deepEqual(sent('getAppOrderInfo').sort(), [
		'{"orderId":"a-1"}',
		'{"orderId":"b-2"}',
		'{"orderId":"missing"}',
	]);
	assert.deepEqual(
		items.map((/** @type {any} */ o) => [o.orderId, o.found, o.paymentState]),
		[
			['a-1', true, 'Underpaid'],
			['missing', false, undefined],
			['b-2', true, 'Underpaid'],
		],
	);
});

test('Invoice > Create: fiat XOR coin pricing; Get adds the payment state in the pricing currency', async () => {
	state.answers.createInvoiceUrl = { invoiceUrl: 'https://i.ccpayment.com/xxx' };
	const [fiat] = await jsonOf(
		runV2(state.server.url, {
			resource: 'invoice',
			operation: 'create',
			orderId: 'inv-1001',
			price: '19.99',
			additionalFields: { product: 'T-shirt', returnUrl: 'https://shop.example.com/ok' },
		}),
	);
	await jsonOf(
		runV2(state.server.url, {
			resource: 'invoice',
			operation: 'create',
			orderId: 'inv-1002',
			priceIn: 'coin',
			priceCoinId: '1280',
			price: '1.5',
		}),
	);
	assert.deepEqual(sent('createInvoiceUrl'), [
		'{"orderId":"inv-1001","price":"19.99","priceFiatId":1033,"product":"T-shirt","returnUrl":"https://shop.example.com/ok"}',
		'{"orderId":"inv-1002","price":"1.5","priceCoinId":1280}',
	]);
	assert.deepEqual(fiat, {
		outcome: 'created',
		orderId: 'inv-1001',
		invoiceUrl: 'https://i.ccpayment.com/xxx',
	});

	state.answers.getInvoiceOrderInfo = {
		orderId: 'inv-1001',
		price: '1',
		priceCoinId: 1280,
		priceSymbol: 'USDT',
		expiredAt: 4102444800,
		totalPaidValue: '1.022400000000000008',
		paidList: [
			{ coinSymbol: 'USDT', chain: 'BSC', paidAmount: '0.5', paidValue: '0.5', status: 'Success' },
			{
				coinSymbol: 'CELO',
				chain: 'CELO',
				paidAmount: '1',
				paidValue: '0.522400000000000008',
				status: 'Success',
			},
		],
	};
	const [invoice] = await jsonOf(
		runV2(state.server.url, { resource: 'invoice', operation: 'get', orderId: 'inv-1001' }),
	);
	assert.deepEqual(sent('getInvoiceOrderInfo'), ['{"orderId":"inv-1001"}']);
	assert.equal(invoice.paymentState, 'Overpaid');
	assert.equal(invoice.paidAmount, '1.022400000000000008');
	assert.deepEqual(invoice.coinsPaid, ['USDT (BSC)', 'CELO (CELO)']);
	assert.equal(invoice.paidList, undefined);
});

test('Invoice > Create: an ambiguous failure is reconciled with getInvoiceOrderInfo', async () => {
	state.answers.createInvoiceUrl = () => fail(11002, 'Internal');
	state.answers.getInvoiceOrderInfo = {
		orderId: 'inv-3',
		price: '5',
		priceFiatId: 1033,
		invoiceUrl: 'u',
	};
	const [item] = await jsonOf(
		runV2(state.server.url, {
			resource: 'invoice',
			operation: 'create',
			orderId: 'inv-3',
			price: '5',
		}),
	);
	assert.equal(sent('createInvoiceUrl').length, 1);
	assert.deepEqual(sent('getInvoiceOrderInfo'), ['{"orderId":"inv-3"}']);
	assert.equal(item.outcome, 'already_existed');
	assert.equal(item.record.invoiceUrl, 'u');
});

test('Deposit Record > Get and Get Many (nextId, Limit, orderId XOR referenceId)', async () => {
	state.answers.getAppDepositRecord = {
		record: { recordId: 'd1', amount: '0.5', isFlaggedAsRisky: true },
	};
	const [record] = await jsonOf(
		runV2(state.server.url, { resource: 'depositRecord', operation: 'get', recordId: 'd1' }),
	);
	assert.deepEqual(sent('getAppDepositRecord'), ['{"recordId":"d1"}']);
	assert.equal(record.isFlaggedAsRisky, true);

	state.answers.getAppDepositRecordList = (/** @type {any} */ req) =>
		JSON.parse(req.body || '{}').nextId
			? ok({ records: [{ recordId: 'c' }], nextId: '' })
			: ok({ records: [{ recordId: 'a' }, { recordId: 'b' }], nextId: 'n1' });
	const two = await jsonOf(
		runV2(state.server.url, {
			resource: 'depositRecord',
			operation: 'getMany',
			limit: 2,
			filters: { referenceId: 'user-1001' },
		}),
	);
	assert.deepEqual(two, [{ recordId: 'a' }, { recordId: 'b' }]);
	assert.deepEqual(
		sent('getAppDepositRecordList'),
		['{"referenceId":"user-1001"}'],
		'stops at the limit',
	);
	const error = await errorOf(
		runV2(state.server.url, {
			resource: 'depositRecord',
			operation: 'getMany',
			filters: { referenceId: 'u-1', orderId: 'o-1' },
		}),
	);
	assert.match(error.message, /Order ID and Reference ID/);
});

test('Webhook > Resend: camelCase fields, record IDs, window at most one hour', async () => {
	state.answers['webhook/resend'] = { resendCount: 2 };
	const [item] = await jsonOf(
		runV2(state.server.url, {
			resource: 'webhook',
			operation: 'resend',
			startTime: '2026-01-01T00:00:00Z',
			additionalFields: {
				endTime: '2026-01-01T00:30:00Z',
				recordIds: 'r1,r2',
				transactionType: 'ApiWithdrawal',
				webhookResult: 'AllResult',
			},
		}),
	);
	assert.deepEqual(sent('webhook/resend'), [
		'{"recordIds":["r1","r2"],"startTimestamp":1767225600,"endTimestamp":1767227400,"webhookResult":"AllResult","transactionType":"ApiWithdrawal"}',
	]);
	assert.deepEqual(item, { resendCount: 2 });
	const error = await errorOf(
		runV2(state.server.url, {
			resource: 'webhook',
			operation: 'resend',
			startTime: '2026-01-01T00:00:00Z',
			additionalFields: { endTime: '2026-01-01T02:00:00Z' },
		}),
	);
	assert.match(error.message, /End Time must be from Start Time to one hour after it/);
	state.answers['webhook/resend'] = () => fail(11002, 'Internal');
	await errorOf(
		runV2(state.server.url, {
			resource: 'webhook',
			operation: 'resend',
			startTime: '2026-01-01T00:00:00Z',
		}),
	);
	assert.equal(
		sent('webhook/resend').length,
		2,
		'a resend that may have been applied is not repeated',
	);
});
