// @ts-check
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { TOKENS, COIN } = require('../../simulator');
const { call, ok, control, uid, useSimulator } = require('../helpers/simulator');

/** @type {any} */
let sim;
useSimulator((started) => (sim = started));

const usdt = () => sim.ledger().merchants[0].balances.find((b) => b.coin_id === COIN.USDT).value;
const withdrawal = (over = {}) => ({
	merchant_order_id: uid('w'),
	address: 'TYWnk1EGALQyYst2yFSd29QQQTEkuKMbyt',
	token_id: TOKENS.USDT_TRC20,
	value: '100',
	...over,
});

test('duplicate merchant_order_id is rejected by default on every creating endpoint, without a second order or debit', async () => {
	const dup = sim.config.errorCodes.duplicateOrder.code;
	const hosted = { product_price: '5', merchant_order_id: uid('hc'), product_name: 'x' };
	await ok(sim, 'concise/url/get', hosted);
	assert.equal((await call(sim, 'concise/url/get', hosted)).json.code, dup);
	const native = {
		merchant_order_id: uid('nc'),
		product_price: '5',
		token_id: TOKENS.USDT_TRC20,
		denominated_currency: 'USD',
	};
	await ok(sim, 'bill/create', native);
	assert.equal((await call(sim, 'bill/create', native)).json.code, dup);
	const w = withdrawal();
	await ok(sim, 'withdraw', w);
	const before = usdt();
	const again = await call(sim, 'withdraw', w);
	assert.equal(again.json.code, dup);
	assert.match(again.json.msg, /already/);
	assert.equal(usdt(), before);
	// one namespace per App ID: a deposit ID cannot be reused for a withdrawal
	assert.equal(
		(await call(sim, 'withdraw', withdrawal({ merchant_order_id: native.merchant_order_id }))).json
			.code,
		dup,
	);
	const ledger = sim.ledger();
	assert.equal(ledger.merchants[0].orders.length, 2);
	assert.equal(ledger.merchants[0].withdrawals.length, 1);
	assert.deepEqual(ledger.duplicate_debits, []);
	// the same ID is free for another merchant
	const second = sim.merchants[1];
	await ok(sim, 'withdraw', w, { appId: second.appId, appSecret: second.appSecret });
});

test("duplicateOrderPolicy 'return_existing' returns the first answer and never creates or debits twice", async () => {
	sim.config.duplicateOrderPolicy = 'return_existing';
	const w = withdrawal();
	const first = await ok(sim, 'withdraw', w);
	const balance = usdt();
	const second = await ok(sim, 'withdraw', { ...w, value: '999' });
	assert.deepEqual(second, first);
	assert.equal(usdt(), balance);
	assert.deepEqual(sim.ledger().withdrawal_debits[sim.merchant.appId], {
		[w.merchant_order_id]: 1,
	});
	const native = {
		merchant_order_id: uid('nc'),
		product_price: '5',
		token_id: TOKENS.USDT_TRC20,
		denominated_currency: 'USD',
	};
	assert.deepEqual(await ok(sim, 'bill/create', native), await ok(sim, 'bill/create', native));
	const hosted = { product_price: '5', merchant_order_id: uid('hc'), product_name: 'x' };
	assert.deepEqual(
		await ok(sim, 'concise/url/get', hosted),
		await ok(sim, 'concise/url/get', hosted),
	);
	// a different endpoint with a used ID is still a duplicate error
	assert.equal(
		(await call(sim, 'bill/create', { ...native, merchant_order_id: w.merchant_order_id })).json
			.code,
		sim.config.errorCodes.duplicateOrder.code,
	);
	assert.equal(sim.ledger().merchants[0].orders.length, 2);
});

test('permanent addresses are idempotent per (user_id, chain) and capped per App ID', async () => {
	sim.config.addressCapPerAppId = 3;
	const a1 = await ok(sim, 'payment/address/get', { user_id: 'user-1', chain: 'TRX' });
	assert.deepEqual(
		await ok(sim, 'payment/address/get', {
			user_id: 'user-1',
			chain: 'trx',
			notify_url: 'https://shop.example/d',
		}),
		a1,
	);
	const a2 = await ok(sim, 'payment/address/get', { user_id: 'user-1', chain: 'ETH' });
	const a3 = await ok(sim, 'payment/address/get', { user_id: 'user-2', chain: 'TRX' });
	assert.notEqual(a1.address, a2.address);
	assert.notEqual(a1.address, a3.address);
	const over = await call(sim, 'payment/address/get', { user_id: 'user-3', chain: 'TRX' });
	assert.equal(over.json.code, sim.config.errorCodes.addressLimit.code);
	assert.match(over.json.msg, /quota/);
	// existing addresses still answer at the cap
	assert.deepEqual(await ok(sim, 'payment/address/get', { user_id: 'user-2', chain: 'TRX' }), a3);
	const ledger = sim.ledger();
	assert.equal(ledger.merchants[0].address_count, 3);
	assert.equal(
		ledger.merchants[0].addresses.find((a) => a.user_id === 'user-1' && a.chain === 'TRX')
			.notify_url,
		'https://shop.example/d',
	);
	// the cap is per App ID
	const second = sim.merchants[1];
	await ok(
		sim,
		'payment/address/get',
		{ user_id: 'user-3', chain: 'TRX' },
		{ appId: second.appId, appSecret: second.appSecret },
	);
});

test('the default address cap is 1000', async () => {
	assert.equal(sim.config.addressCapPerAppId, 1000);
	const state = sim.store.merchant(sim.merchant.appId);
	for (let i = 0; i < 999; i++)
		state.addresses.set(`seed-${i}\u0000TRX`, {
			user_id: `seed-${i}`,
			chain: 'TRX',
			address: `T${i}`,
			memo: '',
			deposits: [],
		});
	await ok(sim, 'payment/address/get', { user_id: 'user-1000', chain: 'TRX' });
	assert.equal(
		(await call(sim, 'payment/address/get', { user_id: 'user-1001', chain: 'TRX' })).json.code,
		sim.config.errorCodes.addressLimit.code,
	);
});

test('withdrawals debit value (user pays fee) or value + fee (merchant pays fee), exactly', async () => {
	const start = usdt();
	assert.equal(start, '1000000');
	const userPays = await ok(
		sim,
		'withdraw',
		withdrawal({
			value: '100.123456',
			token_id: TOKENS.USDT_ERC20,
			address: '0x3b55Ec4D9d15528B78958Fd3EeEAe87a893EDffF',
		}),
	);
	assert.equal(userPays.network_fee, '3.5');
	assert.equal(userPays.net_receivable, '96.623456');
	assert.equal(usdt(), '999899.876544');
	const merchantPays = await ok(
		sim,
		'withdraw',
		withdrawal({
			value: '0.1',
			token_id: TOKENS.USDT_POLYGON,
			address: '0x3b55Ec4D9d15528B78958Fd3EeEAe87a893EDffF',
			merchant_pays_fee: true,
		}),
	);
	assert.equal(merchantPays.network_fee, '0.0344');
	assert.equal(merchantPays.net_receivable, '0.1');
	assert.equal(usdt(), '999899.742144'); // 999899.876544 - 0.1344
	const internal = await ok(
		sim,
		'withdraw',
		withdrawal({ value: '7', address: '9454818', merchant_pays_fee: true }),
	);
	assert.equal(internal.network_fee, '0');
	assert.equal(internal.net_receivable, '7');
	assert.equal(usdt(), '999892.742144');
	const journal = sim.ledger().journal;
	assert.deepEqual(
		journal.map((e) => [e.type, e.amount]),
		[
			['withdrawal_debit', '-100.123456'],
			['withdrawal_debit', '-0.1344'],
			['withdrawal_debit', '-7'],
		],
	);
	assert.ok(journal.every((e) => e.merchant_order_id && e.order_id && e.record_id));
});

test('a withdrawal that spends the whole balance works; one unit more is insufficient', async () => {
	sim.config.seedBalances = { ...sim.config.seedBalances, [COIN.BTC]: '0.5' };
	await sim.reset({ keepConfig: true });
	const tooMuch = await call(
		sim,
		'withdraw',
		withdrawal({
			token_id: TOKENS.BTC,
			value: '0.49995001',
			address: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
			merchant_pays_fee: true,
		}),
	);
	assert.equal(tooMuch.json.code, sim.config.errorCodes.insufficientBalance.code);
	await ok(
		sim,
		'withdraw',
		withdrawal({
			token_id: TOKENS.BTC,
			value: '0.49995',
			address: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
			merchant_pays_fee: true,
		}),
	);
	assert.equal(sim.ledger().merchants[0].balances.find((b) => b.coin_id === COIN.BTC).value, '0');
});

test('balances are per coin: USDT withdrawn on any network comes from one balance; assets reflects it', async () => {
	await ok(
		sim,
		'withdraw',
		withdrawal({
			value: '10',
			token_id: TOKENS.USDT_BEP20,
			address: '0x3b55Ec4D9d15528B78958Fd3EeEAe87a893EDffF',
		}),
	);
	await ok(sim, 'withdraw', withdrawal({ value: '10', token_id: TOKENS.USDT_TRC20 }));
	const data = await ok(sim, 'assets', { coin_id: COIN.USDT });
	assert.equal(data.list[0].value, '999980');
});

test('a failed withdrawal refunds its debit; a successful one stays debited; neither can finish twice', async () => {
	const a = withdrawal();
	const b = withdrawal();
	await ok(sim, 'withdraw', a);
	await ok(sim, 'withdraw', b);
	assert.equal(usdt(), '999800');
	sim.actions.completeWithdrawal({ merchant_order_id: a.merchant_order_id, status: 'failed' });
	sim.actions.completeWithdrawal({ merchant_order_id: b.merchant_order_id, status: 'success' });
	assert.equal(usdt(), '999900');
	assert.throws(
		() =>
			sim.actions.completeWithdrawal({ merchant_order_id: a.merchant_order_id, status: 'success' }),
		/already/,
	);
	const [info] = await ok(sim, 'bill/info', { merchant_order_ids: [a.merchant_order_id] });
	assert.equal(info.order_detail.status, 'Failed');
	const ledger = sim.ledger();
	assert.deepEqual(
		ledger.journal.map((e) => e.type),
		['withdrawal_debit', 'withdrawal_debit', 'withdrawal_refund'],
	);
	assert.deepEqual(ledger.withdrawal_debits[sim.merchant.appId], {
		[a.merchant_order_id]: 1,
		[b.merchant_order_id]: 1,
	});
});

test('internal (Cwallet) withdrawals complete at once; external ones wait (withdrawalAutoComplete)', async () => {
	const internal = withdrawal({ address: '9454818' });
	const external = withdrawal();
	await ok(sim, 'withdraw', internal);
	await ok(sim, 'withdraw', external);
	const statuses = Object.fromEntries(
		sim.ledger().merchants[0].withdrawals.map((w) => [w.merchant_order_id, w.status]),
	);
	assert.deepEqual(statuses, {
		[internal.merchant_order_id]: 'Successful',
		[external.merchant_order_id]: 'Pending',
	});
	sim.config.withdrawalAutoComplete = 'all';
	const auto = withdrawal();
	await ok(sim, 'withdraw', auto);
	assert.equal(
		sim
			.ledger()
			.merchants[0].withdrawals.find((w) => w.merchant_order_id === auto.merchant_order_id).status,
		'Successful',
	);
});

test('orders expire: bill/info status changes and paying needs allow_expired', async () => {
	const moid = uid('exp');
	await ok(sim, 'bill/create', {
		merchant_order_id: moid,
		product_price: '25',
		token_id: TOKENS.USDT_TRC20,
		denominated_currency: 'USD',
		order_valid_period: 60,
	});
	sim.actions.expireOrder({ merchant_order_id: moid });
	const [info] = await ok(sim, 'bill/info', { merchant_order_ids: [moid] });
	assert.equal(info.order_detail.status, 'Expired');
	assert.throws(() => sim.actions.payOrder({ merchant_order_id: moid }), /expired/);
	sim.actions.payOrder({ merchant_order_id: moid, amount: '5', allow_expired: true });
	assert.equal(
		(await ok(sim, 'bill/info', { merchant_order_ids: [moid] }))[0].order_detail.status,
		'Underpaid',
	);
});

test('payments move bill/info to Successful (full and over) and credit the balance minus the service fee', async () => {
	const moid = uid('pay');
	await ok(sim, 'bill/create', {
		merchant_order_id: moid,
		product_price: '25',
		token_id: TOKENS.USDT_TRC20,
		denominated_currency: 'USD',
	});
	sim.actions.payOrder({ merchant_order_id: moid, mode: 'partial' });
	assert.equal(
		(await ok(sim, 'bill/info', { merchant_order_ids: [moid] }))[0].order_detail.status,
		'Pending',
	);
	sim.actions.payOrder({ merchant_order_id: moid, mode: 'over' });
	const [info] = await ok(sim, 'bill/info', { merchant_order_ids: [moid] });
	assert.equal(info.order_detail.status, 'Successful');
	assert.deepEqual(
		info.trade_list.map((t) => t.amount),
		['12.5', '15'],
	); // over = due + 10 % of the order
	assert.equal(usdt(), '1000027.4175'); // + (12.5 - 0.0375) + (15 - 0.045)
});

test('reset restores the seeded state and the start-up config; the control route does the same', async () => {
	await ok(sim, 'withdraw', withdrawal());
	sim.config.rateLimit.perSecond = 3;
	await sim.reset();
	assert.equal(usdt(), '1000000');
	assert.equal(sim.config.rateLimit.perSecond, 100);
	await ok(sim, 'withdraw', withdrawal());
	await control(sim, 'POST', '/__sim/config', { duplicateOrderPolicy: 'return_existing' });
	const res = await control(sim, 'POST', '/__sim/reset', { keep_config: true });
	assert.equal(res.status, 200);
	assert.equal(usdt(), '1000000');
	assert.equal(sim.config.duplicateOrderPolicy, 'return_existing');
	assert.equal(sim.requests.length, 0);
});

test('the ledger route lists balances, orders, withdrawals and the debit journal keyed by merchant_order_id', async () => {
	const w = withdrawal();
	await ok(sim, 'withdraw', w);
	const { status, data } = await control(sim, 'GET', `/__sim/ledger?app_id=${sim.merchant.appId}`);
	assert.equal(status, 200);
	assert.equal(data.merchants.length, 1);
	const entry = data.merchants[0].withdrawals[0];
	assert.deepEqual(
		{
			merchant_order_id: entry.merchant_order_id,
			status: entry.status,
			value: entry.value,
			network_fee: entry.network_fee,
			debit: entry.debit,
			net_receivable: entry.net_receivable,
		},
		{
			merchant_order_id: w.merchant_order_id,
			status: 'Pending',
			value: '100',
			network_fee: '1',
			debit: '100',
			net_receivable: '99',
		},
	);
	assert.deepEqual(data.withdrawal_debits, { [sim.merchant.appId]: { [w.merchant_order_id]: 1 } });
	assert.deepEqual(data.duplicate_debits, []);
	assert.equal(data.journal[0].merchant_order_id, w.merchant_order_id);
	assert.equal(data.journal[0].balance_after, '999900');
});
