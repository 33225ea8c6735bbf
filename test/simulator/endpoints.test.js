// @ts-check
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { TOKENS, COIN, SECOND_MERCHANT, ENDPOINTS } = require('../../simulator');
const { call, ok, uid, useSimulator } = require('../helpers/simulator');

/** @type {any} */
let sim;
useSimulator((started) => (sim = started));

const keys = (o) => Object.keys(o);

test('the simulator serves every documented v1 path', () => {
	assert.deepEqual([...ENDPOINTS].sort(), [
		'assets',
		'bill/create',
		'bill/info',
		'check/user',
		'coin/all',
		'concise/url/get',
		'get/network/height/info',
		'network/fee',
		'payment/address/get',
		'support/token',
		'token/chain',
		'token/rate',
		'webhook/resend',
		'withdraw',
	]);
});

test('success responses are compact JSON that survives a JS parse/stringify round trip byte for byte', async () => {
	const bodies = [
		(await call(sim, 'coin/all', {})).text,
		(await call(sim, 'get/network/height/info', {})).text,
		(await call(sim, 'token/rate', { amount: '1000', token_id: COIN.BTC })).text,
		(await call(sim, 'assets', {})).text,
	];
	for (const text of bodies) {
		assert.equal(JSON.stringify(JSON.parse(text)), text);
		assert.ok(text.startsWith('{"code":10000,"msg":"success","data":'));
		assert.doesNotMatch(text, /\\u00|\\\//);
	}
});

test('concise/url/get returns data.payment_url pointing at the local checkout', async () => {
	const data = await ok(sim, 'concise/url/get', {
		product_price: '12.5',
		merchant_order_id: uid('hc'),
		product_name: 'Test',
		return_url: 'https://shop.example/ok',
		notify_url: 'https://shop.example/hook',
		custom_value: 'x',
	});
	assert.deepEqual(keys(data), ['payment_url']);
	assert.ok(data.payment_url.startsWith(`${sim.url}/pay?key=`));
});

test('bill/create returns the documented fields and the effective order_valid_period', async () => {
	const data = await ok(sim, 'bill/create', {
		merchant_order_id: uid('nc'),
		product_price: '25',
		token_id: TOKENS.USDT_TRC20,
		denominated_currency: 'USD',
		order_valid_period: 1800,
		remark: '',
		notify_url: '',
		custom_value: '',
	});
	assert.deepEqual(keys(data), [
		'amount',
		'order_id',
		'logo',
		'network',
		'pay_address',
		'memo',
		'token_id',
		'crypto',
		'order_valid_period',
	]);
	assert.equal(data.amount, '25');
	assert.match(data.order_id, /^\d{33}$/);
	assert.equal(data.network, 'TRC20');
	assert.match(data.pay_address, /^T[1-9A-HJ-NP-Za-km-z]{33}$/);
	assert.equal(data.memo, '');
	assert.equal(data.token_id, TOKENS.USDT_TRC20);
	assert.equal(data.crypto, 'USDT');
	assert.equal(data.order_valid_period, 1800);
	// Go SDK style: every key sent, "" and 0 meaning "not given" -> the 86400 default
	const goStyle = await ok(sim, 'bill/create', {
		merchant_order_id: uid('go'),
		product_price: '1',
		token_id: TOKENS.USDT_TRC20,
		denominated_currency: 'USD',
		order_valid_period: 0,
		remark: '',
		notify_url: '',
		custom_value: '',
		amount: '',
	});
	assert.equal(goStyle.order_valid_period, 86400);
});

test('bill/create converts fiat prices with exact decimals: order_amount = price / fiat_rate / token_rate', async () => {
	const eth = await ok(sim, 'bill/create', {
		merchant_order_id: uid('eth'),
		product_price: '18',
		token_id: TOKENS.ETH,
		denominated_currency: 'USD',
	});
	assert.equal(eth.amount, '0.010989010989010989'); // 18 / 1638 at ETH's 18 decimals
	const eur = await ok(sim, 'bill/create', {
		merchant_order_id: uid('eur'),
		product_price: '9.2',
		token_id: TOKENS.USDT_TRC20,
		denominated_currency: 'EUR',
	});
	assert.equal(eur.amount, '10'); // 9.2 EUR / 0.92 EUR-per-USD / 1 USD
	const token = await ok(sim, 'bill/create', {
		merchant_order_id: uid('tok'),
		product_price: '0.07',
		token_id: TOKENS.ETH,
		denominated_currency: 'TOKEN',
	});
	assert.equal(token.amount, '0.07');
	const memo = await ok(sim, 'bill/create', {
		merchant_order_id: uid('xrp'),
		product_price: '5',
		token_id: TOKENS.XRP,
		denominated_currency: 'USD',
	});
	assert.match(memo.memo, /^\d+$/);
	assert.match(memo.pay_address, /^r/);
});

test('bill/info returns data as an array with order_detail, trade_list and refund_list for deposits', async () => {
	const moid = uid('info');
	await ok(sim, 'bill/create', {
		merchant_order_id: moid,
		product_price: '25',
		token_id: TOKENS.USDT_TRC20,
		denominated_currency: 'USD',
	});
	sim.actions.payOrder({ merchant_order_id: moid, amount: '10' });
	const data = await ok(sim, 'bill/info', { merchant_order_ids: [moid, 'unknown-id'] });
	assert.ok(Array.isArray(data));
	assert.equal(data.length, 1);
	assert.deepEqual(keys(data[0]), ['order_detail', 'trade_list', 'refund_list']);
	assert.deepEqual(keys(data[0].order_detail), [
		'product_price',
		'denominated_currency',
		'product_name',
		'merchant_order_id',
		'chain',
		'contract',
		'crypto',
		'order_amount',
		'status',
		'token_rate',
		'created',
		'order_id',
	]);
	assert.equal(data[0].order_detail.status, 'Pending');
	assert.equal(typeof data[0].order_detail.created, 'number');
	assert.deepEqual(keys(data[0].trade_list[0]), [
		'amount',
		'chain',
		'contract',
		'crypto',
		'service_fee',
		'network_fee',
		'txid',
		'pay_time',
		'token_rate',
		'status',
	]);
	assert.equal(data[0].trade_list[0].amount, '10');
	assert.equal(data[0].trade_list[0].service_fee, '0.03');
	assert.deepEqual(await ok(sim, 'bill/info', { merchant_order_ids: ['nothing-here'] }), []);
});

test('bill/info for withdrawals has one trade_list element with the fee fields', async () => {
	const moid = uid('wd');
	await ok(sim, 'withdraw', {
		merchant_order_id: moid,
		address: 'TYWnk1EGALQyYst2yFSd29QQQTEkuKMbyt',
		token_id: TOKENS.USDT_TRC20,
		value: '5',
	});
	const [entry] = await ok(sim, 'bill/info', { merchant_order_ids: [moid] });
	assert.deepEqual(keys(entry), ['order_detail', 'trade_list']);
	assert.deepEqual(keys(entry.order_detail), [
		'merchant_order_id',
		'chain',
		'contract',
		'crypto',
		'order_amount',
		'token_rate',
		'status',
		'created',
		'order_id',
	]);
	assert.equal(entry.order_detail.status, 'Pending');
	assert.equal(entry.trade_list.length, 1);
	assert.deepEqual(keys(entry.trade_list[0]), [
		'amount',
		'chain',
		'contract',
		'crypto',
		'service_fee',
		'network_fee',
		'network_coin_id',
		'network_fee_crypto',
		'network_fee_value',
		'txid',
		'pay_time',
		'token_rate',
		'status',
	]);
	sim.actions.completeWithdrawal({ merchant_order_id: moid, status: 'success' });
	const [done] = await ok(sim, 'bill/info', { merchant_order_ids: [moid] });
	assert.equal(done.order_detail.status, 'Successful');
	assert.match(done.trade_list[0].txid, /^[0-9a-f]{64}$/);
});

test('payment/address/get returns {address, memo}', async () => {
	const data = await ok(sim, 'payment/address/get', {
		user_id: 'user-001',
		chain: 'ETH',
		notify_url: 'https://shop.example/deposits',
	});
	assert.deepEqual(keys(data), ['address', 'memo']);
	assert.match(data.address, /^0x[0-9a-f]{40}$/);
	assert.equal(data.memo, '');
	const xrp = await ok(sim, 'payment/address/get', { user_id: 'user-001', chain: 'XRP' });
	assert.match(xrp.memo, /^\d+$/);
});

test('withdraw returns the documented fields', async () => {
	const data = await ok(sim, 'withdraw', {
		merchant_order_id: uid('w'),
		address: '0x3b55Ec4D9d15528B78958Fd3EeEAe87a893EDffF',
		token_id: TOKENS.USDT_ERC20,
		value: '100',
		memo: '',
		merchant_pays_fee: false,
	});
	assert.deepEqual(keys(data), [
		'order_id',
		'network_fee',
		'record_id',
		'net_receivable',
		'network_fee_crypto',
		'network_coin_id',
		'network_fee_value',
	]);
	assert.equal(data.network_fee, '3.5');
	assert.equal(data.net_receivable, '96.5');
	assert.equal(data.network_fee_crypto, 'USDT');
	assert.equal(data.network_coin_id, COIN.USDT);
	assert.equal(data.network_fee_value, '3.5');
	assert.notEqual(data.order_id, data.record_id);
});

test('coin/all returns data.list of coins with tokens, with the spec field names', async () => {
	const data = await ok(sim, 'coin/all', {});
	assert.deepEqual(keys(data), ['list']);
	const usdt = data.list.find((c) => c.coin_id === COIN.USDT);
	assert.deepEqual(keys(usdt), [
		'symbol',
		'crypto',
		'name',
		'logo',
		'min',
		'price',
		'precision',
		'coin_id',
		'status',
		'tokens',
	]);
	const trc20 = usdt.tokens.find((t) => t.token_id === TOKENS.USDT_TRC20);
	assert.deepEqual(keys(trc20), [
		'token_id',
		'crypto',
		'logo',
		'name',
		'is_support_memo',
		'network',
		'chain',
		'contract',
		'chain_logo',
		'status',
		'network_fee_crypto',
		'network_coin_id',
	]);
	assert.deepEqual(
		{
			network: trc20.network,
			chain: trc20.chain,
			contract: trc20.contract,
			network_fee_crypto: trc20.network_fee_crypto,
			network_coin_id: trc20.network_coin_id,
		},
		{
			network: 'TRC20',
			chain: 'TRX',
			contract: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
			network_fee_crypto: 'TRX',
			network_coin_id: '217d4c3b-4f84-4416-bf1a-a1d15d7d2f50',
		},
	);
	const btc = data.list.find((c) => c.coin_id === COIN.BTC);
	assert.deepEqual(
		{ symbol: btc.symbol, min: btc.min, price: btc.price, precision: btc.precision },
		{ symbol: 'BTC', min: '0.00008', price: '29196.27', precision: 8 },
	);
	const ftm = data.list.find((c) => c.symbol === 'FTM');
	assert.equal(ftm.tokens[0].status, 2, 'one token is under maintenance');
	assert.ok(
		data.list.some((c) => c.tokens.some((t) => t.is_support_memo === true)),
		'a memo chain exists',
	);
	for (const id of [COIN.USDCE, COIN.USDC, COIN.SOL, COIN.TRX])
		assert.ok(
			data.list.some((c) => c.coin_id === id),
			id,
		);
});

test("coin/all and support/token only list the merchant's enabled tokens", async () => {
	const second = { appId: SECOND_MERCHANT.appId, appSecret: SECOND_MERCHANT.appSecret };
	const data = await ok(sim, 'coin/all', {}, second);
	const tokenIds = data.list.flatMap((c) => c.tokens.map((t) => t.token_id)).sort();
	assert.deepEqual(
		tokenIds,
		[TOKENS.USDT_TRC20, TOKENS.USDT_ERC20, TOKENS.USDT_BEP20, TOKENS.BTC, TOKENS.ETH].sort(),
	);
	const legacy = await ok(sim, 'support/token', {}, second);
	assert.equal(legacy.list.length, 5);
});

test('token/rate returns price and value = amount / price with 16 decimals (doc example with a coin_id)', async () => {
	sim.config.tokenPrices = { [COIN.BTC]: '16944.3' };
	const data = await ok(sim, 'token/rate', { amount: '1000', token_id: COIN.BTC });
	assert.deepEqual(data, { price: '16944.3', value: '0.0590168965374787' });
	const usdt = await ok(sim, 'token/rate', { amount: '12.5', token_id: TOKENS.USDT_TRC20 });
	assert.deepEqual(usdt, { price: '1', value: '12.5' });
});

test('assets returns data.list with all coins, or one with coin_id', async () => {
	const all = await ok(sim, 'assets', { coin_id: '' });
	assert.ok(all.list.length >= 10);
	assert.deepEqual(keys(all.list[0]), ['coin_id', 'crypto', 'name', 'value', 'price', 'logo']);
	const one = await ok(sim, 'assets', { coin_id: COIN.USDT });
	assert.deepEqual(
		one.list.map((x) => [x.coin_id, x.crypto, x.value]),
		[[COIN.USDT, 'USDT', '1000000']],
	);
});

test('network/fee returns {token_id, crypto, fee}; an internal address costs 0', async () => {
	const data = await ok(sim, 'network/fee', { token_id: TOKENS.USDT_POLYGON, address: '' });
	assert.deepEqual(data, { token_id: TOKENS.USDT_POLYGON, crypto: 'USDT', fee: '0.0344' });
	assert.equal(
		(await ok(sim, 'network/fee', { token_id: TOKENS.USDT_ERC20, address: '9454818', memo: '' }))
			.fee,
		'0',
	);
	assert.equal(
		(
			await ok(sim, 'network/fee', {
				token_id: TOKENS.USDT_ERC20,
				address: '0x3b55Ec4D9d15528B78958Fd3EeEAe87a893EDffF',
			})
		).fee,
		'3.5',
	);
});

test('get/network/height/info returns data as an array of chain heights', async () => {
	const data = await ok(sim, 'get/network/height/info', undefined);
	assert.ok(Array.isArray(data));
	assert.deepEqual(keys(data[0]), [
		'chain',
		'current_chain_height',
		'tx_confirm_block_num',
		'block_rate',
	]);
	const chains = data.map((d) => d.chain);
	for (const chain of ['BTC', 'ETH', 'BSC', 'TRX', 'POLYGON', 'BCH'])
		assert.ok(chains.includes(chain), chain);
	assert.ok(
		data.every(
			(d) =>
				Number.isSafeInteger(d.current_chain_height) &&
				Number.isSafeInteger(d.tx_confirm_block_num),
		),
	);
});

test('check/user returns {c_id, nickname} (desensitised) and 224083 for unknown IDs', async () => {
	assert.deepEqual(await ok(sim, 'check/user', { c_id: '9454818' }), {
		c_id: '9454818',
		nickname: 'alv***',
	});
	const res = await call(sim, 'check/user', { c_id: '123' });
	assert.deepEqual(res.json, { code: 224083, msg: 'users do not exist', reason: 'ToUserNotFound' });
});

test('support/token (legacy) returns data.list of tokens', async () => {
	const data = await ok(sim, 'support/token', undefined);
	assert.deepEqual(keys(data), ['list']);
	assert.deepEqual(keys(data.list[0]), [
		'crypto',
		'name',
		'logo',
		'min',
		'price',
		'token_id',
		'status',
	]);
	assert.ok(data.list.some((t) => t.token_id === TOKENS.ETH && t.crypto === 'ETH'));
});

test("token/chain (legacy) returns data.list of the coin's networks", async () => {
	const eth = await ok(sim, 'token/chain', { token_id: TOKENS.ETH });
	assert.deepEqual(
		eth.list.map((t) => t.token_id),
		[TOKENS.ETH],
	);
	assert.deepEqual(keys(eth.list[0]), [
		'token_id',
		'crypto',
		'logo',
		'name',
		'network',
		'chain',
		'contract',
		'chain_logo',
		'is_support_memo',
		'status',
	]);
	const usdt = await ok(sim, 'token/chain', { token_id: TOKENS.USDT_TRC20 });
	assert.deepEqual(usdt.list.map((t) => t.network).sort(), ['BEP20', 'ERC20', 'POLYGON', 'TRC20']);
});

test('webhook/resend returns data.resend_count', async () => {
	const data = await ok(sim, 'webhook/resend', {
		start_timestamp: Math.floor(Date.now() / 1000) - 600,
	});
	assert.deepEqual(data, { resend_count: 0 });
});
