// @ts-check
'use strict';

// v2 on the control page and its routes: the console, the hosted page behind checkoutUrl and
// invoiceUrl, /__sim/v2/records and /__sim/v2/endpoints, merchant switches, action errors.

const test = require('node:test');
const assert = require('node:assert/strict');
const { okV2, useSimulator, control } = require('../../helpers/simulator');

/** @type {any} */
let sim;
useSimulator((s) => {
	sim = s;
});

test('/__sim/v2/endpoints lists every path: 44 documented, SDK-only ones, createCheckoutUrl undocumented', async () => {
	const { data } = await control(sim, 'GET', '/__sim/v2/endpoints');
	const list = data.endpoints;
	assert.equal(list.filter((e) => e.source === 'documented').length, 44);
	assert.deepEqual(
		list.filter((e) => e.source === 'undocumented').map((e) => e.path),
		['/createCheckoutUrl'],
	);
	assert.ok(list.find((e) => e.path === '/getBatchWithdrawOrderRecordList').implemented);
	assert.equal(
		list.find((e) => e.path === '/getPaymentBlockHeight').alias_of,
		'/getTradeBlockHeight',
	);
	assert.deepEqual(
		list.filter((e) => !e.implemented).map((e) => e.group),
		list.filter((e) => e.group === 'wallet system').map(() => 'wallet system'),
		'only the wallet system is left',
	);
});

test('console shows the v2 merchant with its orders and buttons; hosted pages pay', async () => {
	const order = await okV2(sim, 'createAppOrderDepositAddress', {
		coinId: 1280,
		price: '5',
		orderId: 'page-order',
		chain: 'TRX',
		generateCheckoutURL: true,
	});
	const invoice = await okV2(sim, 'createInvoiceUrl', {
		orderId: 'page-invoice',
		price: '5',
		priceFiatId: 1033,
	});
	const page = await fetch(`${sim.url}/__sim/`).then((r) => r.text());
	for (const text of [
		sim.v2Merchant.appId,
		'page-order',
		'page-invoice',
		'Pay partly',
		'/__sim/v2/orders/pay',
		'v2 methods',
	])
		assert.ok(page.includes(text), text);
	const get = await fetch(order.checkoutUrl);
	assert.equal(get.status, 200);
	assert.match(await get.text(), /page-order/);
	const paid = await fetch(invoice.invoiceUrl, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: 'coin=9001%3ABTC&mode=full',
	}).then((r) => r.text());
	assert.match(paid, /Paid [\d.]+ BTC/);
	const info = await okV2(sim, 'getInvoiceOrderInfo', { orderId: 'page-invoice' });
	assert.equal(info.paidList[0].coinSymbol, 'BTC');
	assert.equal((await fetch(`${sim.url}/pay?v2=unknown`)).status, 404);
});

test('/__sim/v2/records and action errors', async () => {
	await okV2(sim, 'getOrCreateAppDepositAddress', { referenceId: 'user-1', chain: 'TRX' });
	const { data } = await control(sim, 'GET', '/__sim/v2/records');
	assert.equal(data.app_id, sim.v2Merchant.appId);
	assert.equal(data.addresses[0].referenceId, 'user-1');
	assert.equal(
		(await control(sim, 'POST', '/__sim/v2/orders/pay', { orderId: 'none' })).status,
		404,
	);
	assert.equal(
		(await control(sim, 'POST', '/__sim/v2/orders/pay', { app_id: sim.merchant.appId })).status,
		404,
		'v1 merchants have no v2 records',
	);
	assert.equal(
		(
			await control(sim, 'POST', '/__sim/v2/addresses/deposit', {
				referenceId: 'user-1',
				chain: 'TRX',
				amount: 'x',
			})
		).status,
		400,
	);
	const merchant = await control(sim, 'POST', '/__sim/merchant', {
		app_id: sim.v2Merchant.appId,
		ip_whitelist: ['10.0.0.1'],
		withdraw_approval: true,
	});
	assert.deepEqual(merchant.data.ip_whitelist, ['10.0.0.1']);
	assert.equal(merchant.data.withdraw_approval, true);
	assert.equal(merchant.data.protocol, 'v2');
});
