// @ts-check
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { TOKENS } = require('../../simulator');
const { call, ok, uid, useSimulator } = require('../helpers/simulator');

/** @type {any} */
let sim;
useSimulator((started) => (sim = started));

/** Expect a given error class; parameter-type messages never borrow the auth words the node's hints match. */
async function expectError(path, body, kind, options) {
	const res = await call(sim, path, body, options);
	assert.equal(res.status, 200);
	assert.equal(
		res.json.code,
		sim.config.errorCodes[kind].code,
		`${path} ${JSON.stringify(body)} -> ${res.text}`,
	);
	if (!['badSignature', 'timestampExpired', 'unknownAppId', 'rateLimited'].includes(kind)) {
		assert.doesNotMatch(
			res.json.msg,
			/sign|timestamp|app ?id|rate.?limit|too many|frequen|expired/i,
			res.json.msg,
		);
	}
	return res.json;
}

const checkout = (over = {}) => ({
	product_price: '12',
	merchant_order_id: uid('hc'),
	product_name: 'Test',
	...over,
});
const native = (over = {}) => ({
	merchant_order_id: uid('nc'),
	product_price: '25',
	token_id: TOKENS.USDT_TRC20,
	denominated_currency: 'USD',
	...over,
});

test('product_price: decimal string > 0 with at most 2 decimals in USD mode', async () => {
	for (const price of ['0', '0.00', '-1', '1e3', '12.345', ' 12', '12.', '.5', 'abc', '1,5']) {
		await expectError('concise/url/get', checkout({ product_price: price }), 'invalidParams');
		await expectError('bill/create', native({ product_price: price }), 'invalidParams');
	}
	await expectError('concise/url/get', checkout({ product_price: 12 }), 'invalidParams'); // a number, not a string
	for (const price of ['0.01', '12.50', '999999.99', '7']) {
		await ok(sim, 'concise/url/get', checkout({ product_price: price }));
		await ok(sim, 'bill/create', native({ product_price: price }));
	}
	// token-denominated prices may carry more decimals
	assert.equal(
		(
			await ok(
				sim,
				'bill/create',
				native({ product_price: '0.123456', denominated_currency: 'token' }),
			)
		).amount,
		'0.123456',
	);
});

test('required fields are enforced; unknown keys are ignored', async () => {
	for (const field of ['product_price', 'merchant_order_id', 'product_name']) {
		const body = checkout();
		delete body[field];
		await expectError('concise/url/get', body, 'invalidParams');
		await expectError('concise/url/get', { ...checkout(), [field]: '' }, 'invalidParams');
	}
	for (const field of ['merchant_order_id', 'product_price', 'token_id', 'denominated_currency']) {
		const body = native();
		delete body[field];
		await expectError('bill/create', body, 'invalidParams');
	}
	await ok(sim, 'concise/url/get', {
		...checkout(),
		amount: '',
		valid_timestamp: 0,
		something_new: { nested: true },
	});
	await expectError('token/rate', { token_id: TOKENS.BTC }, 'invalidParams');
	await expectError('token/chain', {}, 'invalidParams');
	await expectError('check/user', { c_id: '' }, 'invalidParams');
	await expectError('network/fee', { address: '' }, 'invalidParams');
});

test('order_valid_period: integer 0..864000 (0 = 86400), at most 7200 for SATS', async () => {
	assert.equal(
		(await ok(sim, 'bill/create', native({ order_valid_period: 0 }))).order_valid_period,
		86400,
	);
	assert.equal(
		(await ok(sim, 'bill/create', native({ order_valid_period: 864000 }))).order_valid_period,
		864000,
	);
	await expectError('bill/create', native({ order_valid_period: 864001 }), 'invalidParams');
	await expectError('bill/create', native({ order_valid_period: -5 }), 'invalidParams');
	await expectError('bill/create', native({ order_valid_period: '1800' }), 'invalidParams');
	await expectError('bill/create', native({ order_valid_period: 1.5 }), 'invalidParams');
	await expectError('concise/url/get', checkout({ order_valid_period: 864001 }), 'invalidParams');
	const sats = { token_id: TOKENS.SATS, product_price: '1' };
	assert.equal(
		(await ok(sim, 'bill/create', native({ ...sats, order_valid_period: 7200 })))
			.order_valid_period,
		7200,
	);
	assert.equal(
		(await ok(sim, 'bill/create', native({ ...sats }))).order_valid_period,
		7200,
		'the default is capped for SATS',
	);
	await expectError('bill/create', native({ ...sats, order_valid_period: 7201 }), 'invalidParams');
});

test('denominated_currency: token/TOKEN or a configured fiat code', async () => {
	await ok(sim, 'bill/create', native({ denominated_currency: 'TOKEN' }));
	await ok(sim, 'bill/create', native({ denominated_currency: 'EUR' }));
	await expectError('bill/create', native({ denominated_currency: 'XYZ' }), 'invalidParams');
	sim.config.fiatRates.XYZ = '2';
	await ok(sim, 'bill/create', native({ denominated_currency: 'XYZ' }));
});

test('unknown, disabled and maintenance tokens are refused', async () => {
	await expectError('bill/create', native({ token_id: 'no-such-token' }), 'tokenNotSupported');
	await expectError(
		'bill/create',
		native({ token_id: TOKENS.FTM_MAINTENANCE }),
		'tokenNotSupported',
	);
	await expectError(
		'withdraw',
		{
			merchant_order_id: uid('w'),
			address: '0x3b55Ec4D9d15528B78958Fd3EeEAe87a893EDffF',
			token_id: TOKENS.FTM_MAINTENANCE,
			value: '1',
		},
		'tokenNotSupported',
	);
	sim.config.merchants[0].enabledTokens = [TOKENS.USDT_TRC20];
	await expectError('bill/create', native({ token_id: TOKENS.USDT_ERC20 }), 'tokenNotSupported');
	await ok(sim, 'bill/create', native({ token_id: TOKENS.USDT_TRC20 }));
	await expectError('token/rate', { amount: '1', token_id: 'nope' }, 'tokenNotSupported');
	await expectError('assets', { coin_id: 'nope' }, 'tokenNotSupported');
});

test('user_id must be 3 to 64 characters; chain must be known', async () => {
	await expectError('payment/address/get', { user_id: 'ab', chain: 'TRX' }, 'invalidParams');
	await expectError(
		'payment/address/get',
		{ user_id: 'x'.repeat(65), chain: 'TRX' },
		'invalidParams',
	);
	await expectError('payment/address/get', { user_id: 123456, chain: 'TRX' }, 'invalidParams');
	await ok(sim, 'payment/address/get', { user_id: 'abc', chain: 'TRX' });
	await ok(sim, 'payment/address/get', { user_id: 'y'.repeat(64), chain: 'TRX' });
	await ok(sim, 'payment/address/get', { user_id: 'üñí', chain: 'trx' }); // characters, not bytes; chain code case-insensitive
	await expectError('payment/address/get', { user_id: 'abc' }, 'invalidParams');
	await expectError('payment/address/get', { user_id: 'abc', chain: 'NOPE' }, 'tokenNotSupported');
});

test('merchant_order_ids: an array of 1 to 100 IDs, never mixing deposits and withdrawals', async () => {
	await expectError('bill/info', {}, 'invalidParams');
	await expectError('bill/info', { merchant_order_ids: [] }, 'invalidParams');
	await expectError('bill/info', { merchant_order_ids: 'one' }, 'invalidParams');
	await expectError('bill/info', { merchant_order_ids: [1, 2] }, 'invalidParams');
	await expectError(
		'bill/info',
		{ merchant_order_ids: Array.from({ length: 101 }, (_, i) => `id-${i}`) },
		'invalidParams',
	);
	assert.deepEqual(
		await ok(sim, 'bill/info', {
			merchant_order_ids: Array.from({ length: 100 }, (_, i) => `id-${i}`),
		}),
		[],
	);
	const dep = uid('dep');
	const wd = uid('wd');
	await ok(sim, 'bill/create', native({ merchant_order_id: dep }));
	await ok(sim, 'withdraw', {
		merchant_order_id: wd,
		address: '9454818',
		token_id: TOKENS.USDT_TRC20,
		value: '1',
	});
	await expectError('bill/info', { merchant_order_ids: [dep, wd] }, 'invalidParams');
	assert.equal((await ok(sim, 'bill/info', { merchant_order_ids: [dep] })).length, 1);
	assert.equal((await ok(sim, 'bill/info', { merchant_order_ids: [wd, wd] })).length, 1);
});

test('withdraw validates value, merchant_pays_fee, memo, address format and Cwallet users', async () => {
	const base = (over = {}) => ({
		merchant_order_id: uid('w'),
		address: 'TYWnk1EGALQyYst2yFSd29QQQTEkuKMbyt',
		token_id: TOKENS.USDT_TRC20,
		value: '10',
		...over,
	});
	await expectError('withdraw', base({ value: 10 }), 'invalidParams');
	await expectError('withdraw', base({ value: '0' }), 'invalidParams');
	await expectError('withdraw', base({ value: '1.1234567' }), 'invalidParams'); // USDT has 6 decimals
	await expectError('withdraw', base({ value: '1' }), 'invalidParams'); // nothing left after the 1 USDT fee
	await expectError('withdraw', base({ merchant_pays_fee: 'true' }), 'invalidParams');
	await expectError('withdraw', base({ memo: { x: 1 } }), 'invalidParams');
	await ok(sim, 'withdraw', base({ merchant_pays_fee: '', memo: '' }));
	await ok(sim, 'withdraw', base({ merchant_pays_fee: 0, memo: 12345 }));
	await expectError(
		'withdraw',
		base({ address: '0x3b55Ec4D9d15528B78958Fd3EeEAe87a893EDffF' }),
		'invalidAddress',
	); // EVM address on Tron
	await expectError(
		'withdraw',
		base({ token_id: TOKENS.USDT_ERC20, address: 'TYWnk1EGALQyYst2yFSd29QQQTEkuKMbyt' }),
		'invalidAddress',
	);
	await expectError(
		'withdraw',
		base({ token_id: TOKENS.BTC, value: '0.1', address: 'not-an-address' }),
		'invalidAddress',
	);
	const unknownUser = await call(sim, 'withdraw', base({ address: '99999999' }));
	assert.deepEqual(unknownUser.json, {
		code: 224083,
		msg: 'users do not exist',
		reason: 'ToUserNotFound',
	});
	assert.equal(
		(await call(sim, 'withdraw', base({ address: 'nobody@example.com' }))).json.code,
		224083,
	);
	await ok(sim, 'withdraw', base({ address: 'bob@example.com' }));
	await expectError('withdraw', base({ value: '2000000' }), 'insufficientBalance');
	// A Lightning invoice accepts one payment
	const invoice = `lnbc${'q'.repeat(60)}`;
	await ok(sim, 'withdraw', base({ token_id: TOKENS.SATS, value: '1000', address: invoice }));
	await expectError(
		'withdraw',
		base({ token_id: TOKENS.SATS, value: '1000', address: invoice }),
		'invalidAddress',
	);
	await expectError(
		'withdraw',
		base({ token_id: TOKENS.SATS, value: '1000.5', address: `lnbc${'p'.repeat(60)}` }),
		'invalidParams',
	);
});

test('webhook/resend: window <= 3600 s, end optional, enum checks', async () => {
	const now = Math.floor(Date.now() / 1000);
	sim.config.resendLimits.enforce = false;
	await expectError('webhook/resend', {}, 'invalidParams');
	await expectError('webhook/resend', { start_timestamp: String(now) }, 'invalidParams');
	await expectError(
		'webhook/resend',
		{ start_timestamp: now - 4000, end_timestamp: now },
		'invalidParams',
	);
	await expectError(
		'webhook/resend',
		{ start_timestamp: now, end_timestamp: now - 1 },
		'invalidParams',
	);
	await expectError(
		'webhook/resend',
		{ start_timestamp: now - 60, webhook_result: 'failed' },
		'invalidParams',
	);
	await expectError(
		'webhook/resend',
		{ start_timestamp: now - 60, transaction_type: 'Deposit' },
		'invalidParams',
	);
	await ok(sim, 'webhook/resend', { start_timestamp: now - 3600, end_timestamp: now });
	await ok(sim, 'webhook/resend', {
		start_timestamp: now - 60,
		end_timestamp: 0,
		webhook_result: '',
		transaction_type: '',
	});
	for (const result of ['Failed', 'All Result'])
		await ok(sim, 'webhook/resend', { start_timestamp: now - 60, webhook_result: result });
	for (const type of [
		'All Type',
		'Direct Deposit',
		'API Deposit',
		'Invoice',
		'API Withdrawal',
		'Refund',
	]) {
		await ok(sim, 'webhook/resend', { start_timestamp: now - 60, transaction_type: type });
	}
});

test('webhook/resend limits: 1 per minute and 25 per day per App ID (and can be switched off)', async () => {
	const now = Math.floor(Date.now() / 1000);
	await ok(sim, 'webhook/resend', { start_timestamp: now - 60 });
	await expectError('webhook/resend', { start_timestamp: now - 60 }, 'resendLimited');
	// invalid calls do not count; other merchants have their own budget
	const second = sim.merchants[1];
	await ok(
		sim,
		'webhook/resend',
		{ start_timestamp: now - 60 },
		{ appId: second.appId, appSecret: second.appSecret },
	);
	sim.config.resendLimits = { enforce: true, perMinute: 1000, perDay: 3 };
	await sim.reset({ keepConfig: true });
	for (let i = 0; i < 3; i++) await ok(sim, 'webhook/resend', { start_timestamp: now - 60 });
	const limited = await expectError(
		'webhook/resend',
		{ start_timestamp: now - 60 },
		'resendLimited',
	);
	assert.match(limited.msg, /per day/);
	sim.config.resendLimits.enforce = false;
	await ok(sim, 'webhook/resend', { start_timestamp: now - 60 });
});
