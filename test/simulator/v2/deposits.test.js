// @ts-check
'use strict';

// v2 money in: permanent addresses, order addresses, invoices, deposit records, and the ledger
// effects of payments (credited on Success, never when risky).

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
const usdt = () =>
	sim.ledger(sim.v2Merchant.appId).merchants[0].balances.find((b) => b.coin_id === COIN.USDT).value;
const act = async (path, body) => {
	const res = await control(sim, 'POST', `/__sim/v2/${path}`, body);
	assert.equal(res.status, 200, JSON.stringify(res.data));
	return res.data;
};

test('getOrCreateAppDepositAddress: one address per referenceId and chain, EVM twins, memo chains', async () => {
	const a = await okV2(sim, 'getOrCreateAppDepositAddress', {
		referenceId: 'user-1',
		chain: 'POLYGON',
	});
	assert.deepEqual(keys(a), ['address', 'memo']);
	assert.match(a.address, /^0x[0-9a-f]{40}$/);
	assert.deepEqual(
		await okV2(sim, 'getOrCreateAppDepositAddress', { referenceId: 'user-1', chain: 'POLYGON' }),
		a,
	);
	const eth = await okV2(sim, 'getOrCreateAppDepositAddress', {
		referenceId: 'user-1',
		chain: 'eth',
	});
	assert.equal(eth.address, a.address, 'EVM chains share one address');
	const trx = await okV2(sim, 'getOrCreateAppDepositAddress', {
		referenceId: 'user-1',
		chain: 'TRX',
	});
	assert.match(trx.address, /^T/);
	const x1 = await okV2(sim, 'getOrCreateAppDepositAddress', {
		referenceId: 'user-1',
		chain: 'XRP',
	});
	const x2 = await okV2(sim, 'getOrCreateAppDepositAddress', {
		referenceId: 'user-2',
		chain: 'XRP',
	});
	assert.equal(x1.address, x2.address);
	assert.notEqual(x1.memo, x2.memo);
	assert.equal(
		(await callV2(sim, 'getOrCreateAppDepositAddress', { referenceId: 'u1', chain: 'TRX' })).json
			.code,
		11000,
	);
	assert.equal(
		(await callV2(sim, 'getOrCreateAppDepositAddress', { referenceId: 'user-1', chain: 'NOPE' }))
			.json.code,
		13001,
	);
	const badUrl = await callV2(sim, 'getOrCreateAppDepositAddress', {
		referenceId: 'user-1',
		chain: 'TRX',
		notifyUrl: 'ftp://x',
	});
	assert.match(badUrl.json.msg, /notifyUrl/);
});

test('address cap answers 15001', async () => {
	sim.configure({ addressCapPerAppId: 2 });
	await okV2(sim, 'getOrCreateAppDepositAddress', { referenceId: 'user-1', chain: 'TRX' });
	await okV2(sim, 'getOrCreateAppDepositAddress', { referenceId: 'user-2', chain: 'TRX' });
	assert.equal(
		(await callV2(sim, 'getOrCreateAppDepositAddress', { referenceId: 'user-3', chain: 'TRX' }))
			.json.code,
		15001,
	);
});

test('addressUnbinding unbinds EVM twins; a new address follows; deposits still credit', async () => {
	const a = await okV2(sim, 'getOrCreateAppDepositAddress', {
		referenceId: 'user-9',
		chain: 'ETH',
	});
	await okV2(sim, 'getOrCreateAppDepositAddress', { referenceId: 'user-9', chain: 'BSC' });
	const data = await okV2(sim, 'addressUnbinding', { chain: 'ETH', address: a.address });
	assert.deepEqual(keys(data), ['unbound', 'unboundAt', 'userID', 'referenceID']);
	assert.deepEqual(data.unbound.map((u) => u.chain).sort(), ['BSC', 'ETH']);
	assert.equal(data.referenceID, 'user-9');
	const again = await okV2(sim, 'getOrCreateAppDepositAddress', {
		referenceId: 'user-9',
		chain: 'ETH',
	});
	assert.notEqual(again.address, a.address);
	assert.equal(
		(await callV2(sim, 'addressUnbinding', { chain: 'ETH', address: a.address })).json.code,
		17007,
	);
	const before = usdt();
	await act('addresses/deposit', { address: a.address, chain: 'BSC', amount: '10' });
	assert.notEqual(usdt(), before);
	const rescan = await okV2(sim, 'rescanLostTransaction', {
		chain: 'ETH',
		toAddress: a.address,
		txId: '0xabc',
	});
	assert.match(rescan.description, /rescanned/);
});

test('createAppOrderDepositAddress: coin-priced order, duplicate 11011, expiredAt limits', async () => {
	const body = { coinId: 1280, price: '1', orderId: 'testorderid1111', chain: 'POLYGON' };
	const data = await okV2(sim, 'createAppOrderDepositAddress', body);
	assert.deepEqual(keys(data), ['address', 'amount', 'memo', 'confirmsNeeded']);
	assert.equal(data.amount, '1');
	assert.equal((await callV2(sim, 'createAppOrderDepositAddress', body)).json.code, 11011);
	assert.equal(
		(
			await callV2(sim, 'createInvoiceUrl', {
				orderId: 'testorderid1111',
				price: '1',
				priceFiatId: 1033,
			})
		).json.code,
		11011,
		'invoices share the deposit namespace',
	);
	const now = Math.floor(Date.now() / 1000);
	const far = await callV2(sim, 'createAppOrderDepositAddress', {
		...body,
		orderId: uid('o'),
		expiredAt: now + 10 * 86400 + 60,
	});
	assert.equal(far.json.code, 11012);
	const past = await callV2(sim, 'createAppOrderDepositAddress', {
		...body,
		orderId: uid('o'),
		expiredAt: now - 5,
	});
	assert.match(past.json.msg, /expiredAt/);
	assert.equal(
		(
			await callV2(sim, 'createAppOrderDepositAddress', {
				...body,
				orderId: uid('o'),
				price: '1.1234567',
			})
		).json.code,
		14013,
	);
	assert.equal(
		(
			await callV2(sim, 'createAppOrderDepositAddress', {
				...body,
				orderId: uid('o'),
				chain: 'SOL',
			})
		).json.code,
		13001,
	);
	assert.match(
		(await callV2(sim, 'createAppOrderDepositAddress', { ...body, orderId: uid('o'), price: 1 }))
			.json.msg,
		/price/,
	);
	// a rejected request does not burn the orderId
	assert.equal(
		(
			await callV2(sim, 'createAppOrderDepositAddress', {
				...body,
				orderId: 'reuse-ok',
				chain: 'SOL',
			})
		).json.code,
		13001,
	);
	await okV2(sim, 'createAppOrderDepositAddress', { ...body, orderId: 'reuse-ok' });
});

test('order priced in fiat: rate locked, full / partial / over / after expiry, another coin', async () => {
	const orderId = uid('ord');
	const created = await okV2(sim, 'createAppOrderDepositAddress', {
		orderId,
		coinId: '1482',
		chain: 'TRX',
		price: '10.5',
		fiatId: 1033,
		generateCheckoutURL: true,
		buyerEmail: 'b@example.com',
	});
	assert.equal(created.amount, '120', '10.5 USD / 0.0875');
	assert.match(created.checkoutUrl, /^http:\/\/127\.0\.0\.1:\d+\/pay\?v2=/);
	assert.equal(
		(
			await callV2(sim, 'createAppOrderDepositAddress', {
				orderId: uid('o'),
				coinId: 1482,
				chain: 'TRX',
				price: '1.234',
				fiatId: 1033,
			})
		).json.code,
		11000,
	);
	const before = sim.store.balance(sim.v2Merchant.appId, COIN.TRX);
	await act('orders/pay', { orderId, mode: 'partial' });
	let info = await okV2(sim, 'getAppOrderInfo', { orderId });
	assert.deepEqual(keys(info), [
		'amountToPay',
		'coinId',
		'coinSymbol',
		'chain',
		'toAddress',
		'toMemo',
		'createAt',
		'rate',
		'fiatId',
		'fiatSymbol',
		'expiredAt',
		'checkoutUrl',
		'buyerEmail',
		'paidList',
	]);
	assert.equal(info.rate, '0.0875');
	assert.equal(info.paidList[0].amount, '60');
	assert.deepEqual(keys(info.paidList[0]), [
		'recordId',
		'fromAddress',
		'amount',
		'serviceFee',
		'txid',
		'status',
		'isFlaggedAsRisky',
		'arrivedAt',
		'rate',
	]);
	assert.equal(
		sim.store.balance(sim.v2Merchant.appId, COIN.TRX),
		String(Number(before) + 60 - 0.18),
	);
	await act('orders/pay', { orderId, mode: 'full' });
	await act('orders/pay', { orderId, mode: 'over' });
	sim.configure({ tokenPrices: { [COIN.TRX]: '0.1' } });
	await act('orders/expire', { orderId });
	await act('orders/pay', { orderId, amount: '5' });
	await act('orders/pay', { orderId, amount: '1', coinId: 9001 }).catch(() => undefined);
	await act('orders/pay', { orderId, amount: '1', coinId: 1280 });
	info = await okV2(sim, 'getAppOrderInfo', { orderId });
	assert.deepEqual(
		info.paidList.map((p) => p.amount),
		['60', '60', '12', '5'],
		'other coins are not listed',
	);
	assert.deepEqual(
		info.paidList.map((p) => p.rate),
		['0.0875', '0.0875', '0.0875', '0.1'],
		'overdue at the rate of the moment',
	);
	assert.equal((await callV2(sim, 'getAppOrderInfo', { orderId: 'nope' })).json.code, 11003);
});

test('risky deposits are reported but never credited, and can be refunded', async () => {
	const orderId = uid('risky');
	await okV2(sim, 'createAppOrderDepositAddress', {
		orderId,
		coinId: 1280,
		chain: 'TRX',
		price: '50',
	});
	const before = usdt();
	const paid = await act('orders/pay', { orderId, risky: true });
	assert.equal(paid.record.isFlaggedAsRisky, true);
	assert.equal(usdt(), before);
	const refund = await act('risky/refund', { recordId: paid.record.recordId });
	const list = await okV2(sim, 'getRiskyRefundRecordList', {});
	assert.equal(list.records[0].recordId, refund.recordId);
	assert.deepEqual(list.records[0].fromDeposit, [paid.record.recordId]);
	assert.equal(list.records[0].amount, '49');
	sim.configure({ v2: { flagDepositsAsRisky: true } });
	const again = await act('orders/pay', { orderId, amount: '1' });
	assert.equal(again.record.isFlaggedAsRisky, true);
});

test('invoices: priced in fiat or coin, paid in any coin, totalPaidValue', async () => {
	assert.match(
		(await callV2(sim, 'createInvoiceUrl', { orderId: uid('i'), price: '10' })).json.msg,
		/priceFiatId or priceCoinId/,
	);
	assert.match(
		(
			await callV2(sim, 'createInvoiceUrl', {
				orderId: uid('i'),
				price: '10',
				priceFiatId: 1033,
				priceCoinId: 1280,
			})
		).json.msg,
		/priceFiatId and priceCoinId/,
	);
	const orderId = uid('inv');
	const { invoiceUrl } = await okV2(sim, 'createInvoiceUrl', {
		orderId,
		price: '1',
		priceCoinId: '1280',
		product: 'Tea',
	});
	assert.match(invoiceUrl, /\/pay\?v2=/);
	await act('invoices/pay', { orderId, coinId: 1280, chain: 'BSC', amount: '0.5' });
	await act('invoices/pay', { orderId, coinId: 9001, chain: 'BTC', mode: 'full' });
	const info = await okV2(sim, 'getInvoiceOrderInfo', { orderId });
	assert.deepEqual(keys(info), [
		'orderId',
		'createAt',
		'product',
		'price',
		'priceCoinId',
		'priceSymbol',
		'invoiceUrl',
		'buyerEmail',
		'expiredAt',
		'totalPaidValue',
		'paidList',
	]);
	assert.equal(info.priceSymbol, 'USDT');
	assert.equal(info.paidList.length, 2);
	assert.deepEqual(keys(info.paidList[0]), [
		'recordId',
		'coinId',
		'coinSymbol',
		'chain',
		'fromAddress',
		'toAddress',
		'toMemo',
		'paidAmount',
		'serviceFee',
		'txid',
		'status',
		'isFlaggedAsRisky',
		'arrivedAt',
		'rate',
		'paidValue',
	]);
	assert.equal(info.paidList[1].rate, '29196.27');
	assert.ok(Number(info.totalPaidValue) >= 1);
	const eur = uid('inv');
	await okV2(sim, 'createInvoiceUrl', { orderId: eur, price: '9.2', priceFiatId: 9101 });
	await act('invoices/pay', { orderId: eur });
	const e = await okV2(sim, 'getInvoiceOrderInfo', { orderId: eur });
	assert.equal(e.priceFiatId, 9101);
	assert.equal(e.paidList[0].paidAmount, '10', '9.2 EUR = 10 USDT');
	assert.equal(e.totalPaidValue, '9.2');
});

test('createCheckoutUrl (undocumented): plugin fields accepted, answers checkoutUrl', async () => {
	const orderId = uid('woo');
	const data = await okV2(sim, 'createCheckoutUrl', {
		orderId,
		product: 'Order',
		price: '12.50',
		fiatSymbol: 'USD',
		buyerEmail: 'a@b.co',
		plugin: 'woocommerce',
		version: '1.0',
	});
	assert.deepEqual(keys(data), ['checkoutUrl']);
	assert.equal((await okV2(sim, 'getInvoiceOrderInfo', { orderId })).priceFiatId, 1033);
});

test('getAppDepositRecord and the list: filters, 20 a page, nextId', async () => {
	await okV2(sim, 'getOrCreateAppDepositAddress', { referenceId: 'pager', chain: 'TRX' });
	for (let i = 0; i < 23; i++)
		await act('addresses/deposit', { referenceId: 'pager', chain: 'TRX', amount: String(i + 1) });
	const first = await okV2(sim, 'getAppDepositRecordList', { referenceId: 'pager' });
	assert.equal(first.records.length, 20);
	assert.match(first.nextId, /^[0-9a-f]{32}$/);
	const second = await okV2(sim, 'getAppDepositRecordList', {
		referenceId: 'pager',
		nextId: first.nextId,
	});
	assert.equal(second.records.length, 3);
	assert.equal(second.nextId, '');
	const ids = new Set([...first.records, ...second.records].map((r) => r.recordId));
	assert.equal(ids.size, 23);
	const one = await okV2(sim, 'getAppDepositRecord', { recordId: first.records[0].recordId });
	assert.deepEqual(keys(one.record), [
		'recordId',
		'referenceId',
		'coinId',
		'coinSymbol',
		'chain',
		'contract',
		'coinUSDPrice',
		'fromAddress',
		'toAddress',
		'toMemo',
		'amount',
		'serviceFee',
		'txId',
		'txIndex',
		'status',
		'arrivedAt',
		'isFlaggedAsRisky',
	]);
	assert.equal((await callV2(sim, 'getAppDepositRecord', { recordId: '1' })).json.code, 11003);
	assert.match(
		(await callV2(sim, 'getAppDepositRecordList', { orderId: 'abc', referenceId: 'pager' })).json
			.msg,
		/orderId and referenceId/,
	);
	assert.match(
		(await callV2(sim, 'getAppDepositRecordList', { nextId: 'nope' })).json.msg,
		/nextId/,
	);
	const height = await okV2(sim, 'getTradeBlockHeight', { record_id: one.record.recordId });
	assert.deepEqual(keys(height), ['chain', 'txBlockHeight', 'currBlockHeight', 'reqConfirmations']);
	assert.equal(height.chain, 'TRX');
});

test('Processing first, then Success or Failed from the control routes', async () => {
	await okV2(sim, 'getOrCreateAppDepositAddress', { referenceId: 'slow', chain: 'TRX' });
	const before = usdt();
	const dep = await act('addresses/deposit', {
		referenceId: 'slow',
		chain: 'TRX',
		amount: '100',
		until: 'Processing',
	});
	assert.equal(dep.record.status, 'Processing');
	assert.equal(usdt(), before);
	const done = await act('records/advance', { recordId: dep.record.recordId, status: 'Failed' });
	assert.equal(done.record.status, 'Failed');
	assert.equal(usdt(), before);
	assert.equal(
		(await control(sim, 'POST', '/__sim/v2/records/advance', { recordId: dep.record.recordId }))
			.status,
		409,
	);
});
