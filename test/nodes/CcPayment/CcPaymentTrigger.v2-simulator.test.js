// @ts-check
/**
 * The v2 trigger fetching real records from the simulator's v2 API: deposits to a permanent
 * address (plain and risky), an order address paid in full, an invoice and a withdrawal. The
 * notifications are built from the simulator's records and signed in the test (node:crypto), so the
 * trigger's record fetch, not the notification, decides what is creditable.
 */
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');

const { startSimulator } = require('../../../simulator');
const { startWebhookHost } = require('../../../dev/n8n/harness');
const { product } = require('../../../dev/dist');
const { CcPaymentTrigger } = product('triggerNode');
const { CcPaymentApi } = product('credential');
const { CcPaymentV2Api } = product('credentialV2');
const { forgetInProcess } = product('dedup');
const { hmacSign, signedV2 } = require('../../helpers/v2-webhooks');

/** @type {any} */
let sim;
/** @type {any} */
let h;

before(async () => {
	sim = await startSimulator({ port: 0 });
	forgetInProcess();
	h = await startWebhookHost(CcPaymentTrigger, {
		parameters: { statuses: [] },
		credentialsByType: { ccPaymentV2Api: { ...sim.v2Merchant, baseUrl: sim.url } },
		credentialTypes: [CcPaymentApi, CcPaymentV2Api],
		typeVersion: 2,
	});
});

after(async () => {
	await h.stop();
	await sim.stop();
});

/** A signed v2 API call to the simulator. @param {string} path @param {object} body */
async function api(path, body) {
	const raw = JSON.stringify(body);
	const ts = String(Math.floor(Date.now() / 1000));
	const { appId, appSecret } = sim.v2Merchant;
	const response = await fetch(`${sim.url}/ccpayment/v2/${path}`, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/json',
			Appid: appId,
			Timestamp: ts,
			Sign: hmacSign(appId, appSecret, ts, raw),
		},
		body: raw,
	});
	const json = /** @type {any} */ (await response.json());
	assert.equal(json.code, 10000, `${path}: ${JSON.stringify(json)}`);
	return json.data;
}

/** Delivers a notification signed with the simulator's v2 merchant; returns the run's item. */
async function notify(/** @type {string} */ type, /** @type {Record<string, unknown>} */ msg) {
	const body = JSON.stringify({ type, msg });
	const before = h.runs.length;
	const r = await h.request({ body, headers: signedV2(body, sim.v2Merchant) });
	assert.equal(r.status, 200, r.body);
	assert.equal(h.runs.length, before + 1, `${type} started one run`);
	return h.runs[h.runs.length - 1][0][0].json;
}

test('deposit to a permanent address: the simulator record is fetched; plain is creditable, risky is not', async () => {
	await api('getOrCreateAppDepositAddress', { referenceId: 'trigger-user-1', chain: 'TRX' });
	const plain = sim.v2Actions.depositToAddress({
		referenceId: 'trigger-user-1',
		chain: 'TRX',
		amount: '12.345678',
	}).record;
	const item = await notify('DirectDeposit', {
		recordId: plain.recordId,
		referenceId: 'trigger-user-1',
		coinId: plain.coinId,
		coinSymbol: plain.coinSymbol,
		status: 'Success',
		isFlaggedAsRisky: false,
	});
	assert.equal(item.record.recordId, plain.recordId);
	assert.equal(item.ccpayment.creditable, true, item.ccpayment.creditReason);
	assert.equal(item.ccpayment.creditAmount, '12.345678');
	assert.equal(item.ccpayment.serviceFee, plain.serviceFee);

	const risky = sim.v2Actions.depositToAddress({
		referenceId: 'trigger-user-1',
		chain: 'TRX',
		amount: '50',
		risky: true,
	}).record;
	// The notification claims not risky: the record decides.
	const flagged = await notify('DirectDeposit', {
		recordId: risky.recordId,
		coinId: risky.coinId,
		status: 'Success',
		isFlaggedAsRisky: false,
	});
	assert.equal(flagged.record.isFlaggedAsRisky, true);
	assert.equal(flagged.ccpayment.creditable, false);
	assert.match(flagged.ccpayment.creditReason, /risky/);
});

test('an order address paid in full: deposit record plus the order (getAppOrderInfo)', async () => {
	await api('createAppOrderDepositAddress', {
		orderId: 'trigger-order-1',
		coinId: 1280,
		chain: 'TRX',
		price: '10',
	});
	const paid = sim.v2Actions.payOrder({ orderId: 'trigger-order-1', mode: 'full' }).record;
	const item = await notify('ApiDeposit', {
		recordId: paid.recordId,
		orderId: 'trigger-order-1',
		coinId: 1280,
		status: 'Success',
		isFlaggedAsRisky: false,
	});
	assert.equal(item.ccpayment.creditable, true, item.ccpayment.creditReason);
	assert.equal(item.ccpayment.orderSource, 'getAppOrderInfo');
	assert.equal(item.ccpayment.orderPaidTotal, item.ccpayment.creditAmount);
	assert.equal(item.ccpayment.merchantOrderId, 'trigger-order-1');
});

test('an invoice payment: the order-address lookup misses, the invoice is found', async () => {
	await api('createInvoiceUrl', { orderId: 'trigger-invoice-1', price: '5', priceFiatId: 1033 });
	const paid = sim.v2Actions.payInvoice({ orderId: 'trigger-invoice-1', mode: 'full' }).record;
	const item = await notify('ApiDeposit', {
		recordId: paid.recordId,
		orderId: 'trigger-invoice-1',
		coinId: paid.coinId,
		status: 'Success',
		isFlaggedAsRisky: false,
	});
	assert.equal(item.ccpayment.creditable, true, item.ccpayment.creditReason);
	assert.equal(item.ccpayment.orderSource, 'getInvoiceOrderInfo');
});

test('a completed withdrawal: the withdraw record is fetched, nothing is creditable', async () => {
	const { recordId } = await api('applyAppWithdrawToNetwork', {
		coinId: 1280,
		chain: 'TRX',
		address: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
		orderId: 'trigger-payout-1',
		amount: '2',
	});
	sim.v2Actions.completeWithdrawal({ recordId, status: 'Success' });
	const item = await notify('ApiWithdrawal', {
		recordId,
		orderId: 'trigger-payout-1',
		coinId: 1280,
		status: 'Success',
	});
	assert.equal(item.record.recordId, recordId);
	assert.equal(item.ccpayment.status, 'success');
	assert.equal(item.ccpayment.creditable, false);
	assert.equal(item.ccpayment.recordSource, 'getAppWithdrawRecord');
});
