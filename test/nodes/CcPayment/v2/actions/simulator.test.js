// @ts-check
'use strict';
/**
 * The v2 money operations against the CCPayment simulator (its own signer, its own ledger): the
 * node's requests are accepted as sent, and what the items report matches the ledger, including
 * after injected faults.
 */
const { test } = require('node:test');
const assert = require('node:assert/strict');

const { useSimulator } = require('../../../../helpers/simulator');
const { runV2, jsonOf, byId } = require('../../../../helpers/v2-node');

/** @type {any} */
let sim;
useSimulator((started) => (sim = started));

/** @param {Record<string, unknown>} parameters @param {any} [options] */
const run = async (parameters, options = {}) =>
	await jsonOf(
		runV2(sim.url, parameters, {
			credentials: { appId: sim.v2Merchant.appId, appSecret: sim.v2Merchant.appSecret },
			...options,
		}),
	);
const ledger = () => sim.ledger(sim.v2Merchant.appId);
const debits = () => ledger().withdrawal_debits[sim.v2Merchant.appId];
const ADDRESS = '0x1111111111111111111111111111111111111111';

/** @param {string} orderId @param {string} [amount] */
const withdraw = (orderId, amount = '10') => ({
	resource: 'withdrawal',
	operation: 'createToNetwork',
	orderId,
	coinId: byId('1280'),
	chain: byId('POLYGON'),
	address: ADDRESS,
	amount,
});

test('simulator: a network withdrawal debits once; re-running it is already_existed, not a second debit', async () => {
	const [first] = await run(withdraw('sim-payout-1'));
	assert.equal(first.outcome, 'created');
	assert.match(first.recordId, /^\d{32,33}$/);
	const [again] = await run(withdraw('sim-payout-1'));
	assert.equal(again.outcome, 'already_existed');
	assert.equal(again.recordId, first.recordId);
	assert.deepEqual(debits(), { 'sim-payout-1': 1 });
	const [other] = await run(withdraw('sim-payout-1', '11'), { continueOnFail: true });
	assert.equal(other.outcome, 'failed');
	assert.match(other.error, /already used by a different withdrawal/);
	assert.deepEqual(ledger().duplicate_debits, []);
	const [record] = await run({ resource: 'withdrawal', operation: 'get', id: 'sim-payout-1' });
	assert.equal(record.amount, '10');
	assert.equal(record.toAddress, ADDRESS);
});

test('simulator: applied-then-lost answers are reconciled, refused ones re-sent: one debit each', async () => {
	const faults = [
		'reset_after',
		'timeout_after',
		'malformed_json',
		'http502',
		'rate_limit',
		'reset_before',
	];
	sim.faults.set(
		faults.map((kind, n) => ({
			endpoint: '/ccpayment/v2/applyAppWithdrawToNetwork',
			kind,
			count: 1,
			skip: n,
			hold_ms: 1500,
		})),
		1,
	);
	const items = Array.from({ length: faults.length + 2 }, (_, n) => ({ json: { n } }));
	const output = await run(
		{ ...withdraw('={{ "sim-fault-" + $json.n }}'), options: { timeout: 1000 } },
		{ items, continueOnFail: true },
	);
	assert.equal(sim.faults.stats().counters.total, faults.length, 'every fault was injected');
	const counts = debits();
	output.forEach((/** @type {any} */ item, /** @type {number} */ n) => {
		const id = `sim-fault-${n}`;
		if (item.outcome === 'created' || item.outcome === 'already_existed')
			assert.equal(counts[id], 1, `${id} debited once`);
		else assert.equal(counts[id], undefined, `${id} (${item.outcome}) not debited`);
	});
	assert.deepEqual(ledger().duplicate_debits, []);
	assert.ok(output.every((/** @type {any} */ item) => item.outcome !== 'unknown'));
});

test('simulator: order paid partly is Underpaid, then Overpaid; invoice paid in another coin', async () => {
	const [order] = await run({
		resource: 'order',
		operation: 'create',
		orderId: 'sim-order-1',
		coinId: byId('1280'),
		chain: byId('TRX'),
		priceIn: 'coin',
		price: '25',
		additionalFields: { validFor: 3600 },
	});
	assert.equal(order.outcome, 'created');
	assert.equal(order.amount, '25');
	sim.v2Actions.payOrder({ orderId: 'sim-order-1', amount: '10' });
	const [partial] = await run({ resource: 'order', operation: 'get', orderId: 'sim-order-1' });
	assert.equal(partial.paymentState, 'Underpaid');
	assert.equal(partial.remainingAmount, '15');
	sim.v2Actions.payOrder({ orderId: 'sim-order-1', amount: '20' });
	const [over] = await run({
		resource: 'order',
		operation: 'getMany',
		orderIds: 'sim-order-1, nope-1',
		lookupOptions: { includeNotFound: true },
	});
	assert.equal(over.paymentState, 'Overpaid');
	assert.equal(over.overpaidAmount, '5');

	const [invoice] = await run({
		resource: 'invoice',
		operation: 'create',
		orderId: 'sim-invoice-1',
		price: '10',
	});
	assert.match(invoice.invoiceUrl, /^http/);
	sim.v2Actions.payInvoice({ orderId: 'sim-invoice-1', mode: 'full' });
	const [paid] = await run({ resource: 'invoice', operation: 'get', orderId: 'sim-invoice-1' });
	assert.equal(paid.paymentState, 'Paid');
});

test('simulator: deposit address, deposit records, swap and a batch withdrawal end to end', async () => {
	const [address] = await run({
		resource: 'depositAddress',
		operation: 'getOrCreate',
		referenceId: 'sim-user-1',
		chain: byId('TRX'),
	});
	sim.v2Actions.depositToAddress({ referenceId: 'sim-user-1', chain: 'TRX', amount: '7' });
	const records = await run({
		resource: 'depositRecord',
		operation: 'getMany',
		returnAll: true,
		filters: { referenceId: 'sim-user-1' },
	});
	assert.equal(records.length, 1);
	assert.equal(records[0].toAddress, address.address);
	const [record] = await run({
		resource: 'depositRecord',
		operation: 'get',
		recordId: records[0].recordId,
	});
	assert.equal(record.amount, '7');

	const [swap] = await run({
		resource: 'swap',
		operation: 'swap',
		orderId: 'sim-swap-1',
		coinIdIn: '1280',
		amountIn: '100',
		coinIdOut: '1482',
	});
	assert.equal(swap.outcome, 'created');
	const [swapRecord] = await run({ resource: 'swap', operation: 'get', id: 'sim-swap-1' });
	assert.equal(swapRecord.status, 'Success');

	const rows = [ADDRESS, '0x2222222222222222222222222222222222222222'].map((to, n) => ({
		json: { to, amount: `${n + 1}.5` },
	}));
	const created = await run(
		{
			resource: 'batchWithdrawal',
			operation: 'create',
			batchOrderId: 'sim-batch-1',
			coinId: byId('1280'),
			chain: byId('POLYGON'),
			seq: '={{ $itemIndex + 1 }}',
			address: '={{ $json.to }}',
			amount: '={{ $json.amount }}',
		},
		{ items: rows },
	);
	assert.deepEqual(
		created.map((/** @type {any} */ item) => [item.outcome, item.seq, item.amount]),
		[
			['created', 1, '1.5'],
			['created', 2, '2.5'],
		],
	);
	const [confirmed] = await run({
		resource: 'batchWithdrawal',
		operation: 'confirm',
		batchOrderId: 'sim-batch-1',
	});
	assert.ok(['Pending', 'Processing'].includes(confirmed.status), confirmed.status);
	const batchRecords = await run({
		resource: 'batchWithdrawal',
		operation: 'getRecords',
		batchOrderId: 'sim-batch-1',
		returnAll: true,
	});
	assert.deepEqual(
		batchRecords.map((/** @type {any} */ r) => r.seq),
		[1, 2],
	);
});
