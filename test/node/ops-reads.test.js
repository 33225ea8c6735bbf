// @ts-check
const { test, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');

const { setup, byId, jsonOf, pairedOf, TOKENS, COIN } = require('./sim-helpers');

/** @type {Awaited<ReturnType<typeof setup>>} */
let t;
/** @type {any} */
let catalogue;
before(async () => {
	t = await setup();
	catalogue = await (await fetch(`${t.sim.url}/__sim/catalogue`)).json();
});
after(async () => await t.stop());
beforeEach(async () => await t.sim.reset());

test('coin get many: one item per coin, simplified or raw; body {}', async () => {
	const simple = await t.run({ resource: 'coin', operation: 'getMany' });
	const raw = await t.run({ resource: 'coin', operation: 'getMany', simplify: false });
	assert.deepEqual(t.bodies('coin/all'), ['{}', '{}']);
	assert.deepEqual(jsonOf(simple).map((coin) => coin.coin_id), catalogue.coins.map((coin) => coin.coin_id));
	const usdt = jsonOf(simple).find((coin) => coin.coin_id === COIN.USDT);
	assert.deepEqual(Object.keys(usdt).sort(), ['coin_id', 'min', 'name', 'networks', 'precision', 'price', 'status', 'symbol']);
	assert.ok(usdt.networks.includes('TRC20 (TRX)'));
	const rawUsdt = jsonOf(raw).find((coin) => coin.coin_id === COIN.USDT);
	assert.ok(Array.isArray(rawUsdt.tokens) && rawUsdt.tokens.length >= 3);
	assert.ok(pairedOf(raw).every((item) => item === 0));
});

test('coin get rate: amount and token exactly as entered; numbers converted exactly', async () => {
	const items = await t.run(
		{ resource: 'coin', operation: 'getRate', amount: '={{ $json.usd }}', tokenId: byId(TOKENS.USDT_TRC20) },
		{ items: [{ json: { usd: '1000' } }, { json: { usd: 0.1 } }, { json: { usd: '12.345678901234567890' } }] },
	);
	assert.deepEqual(t.bodies('token/rate'), [
		`{"amount":"1000","token_id":"${TOKENS.USDT_TRC20}"}`,
		`{"amount":"0.1","token_id":"${TOKENS.USDT_TRC20}"}`,
		`{"amount":"12.34567890123456789","token_id":"${TOKENS.USDT_TRC20}"}`,
	]);
	assert.deepEqual(Object.keys(jsonOf(items)[0]).sort(), ['price', 'value']);
	assert.deepEqual(pairedOf(items), [0, 1, 2]);
	const invalid = await t.fail({ resource: 'coin', operation: 'getRate', amount: '1,000', tokenId: byId(TOKENS.USDT_TRC20) });
	assert.match(invalid.message, /^Amount \(USD\) contains a comma/);
	const business = { resource: 'coin', operation: 'getRate', amount: '5', tokenId: byId('not-a-token') };
	assert.match((await t.fail(business)).message, /code 229905/);
	assert.equal(jsonOf(await t.run(business, { continueOnFail: true }))[0].code, 229905);
});

test('coin get networks (legacy): token_id body, one item per network', async () => {
	const items = await t.run({ resource: 'coin', operation: 'getNetworks', tokenId: byId(TOKENS.USDT_TRC20) });
	assert.deepEqual(t.bodies('token/chain'), [`{"token_id":"${TOKENS.USDT_TRC20}"}`]);
	const usdt = catalogue.coins.find((coin) => coin.coin_id === COIN.USDT);
	assert.deepEqual(jsonOf(items).map((network) => network.token_id).sort(), usdt.tokens.map((token) => token.token_id).sort());
	assert.match((await t.fail({ resource: 'coin', operation: 'getNetworks', tokenId: byId(' ') })).message, /^Token is required/);
	const business = { resource: 'coin', operation: 'getNetworks', tokenId: byId('unknown') };
	assert.match((await t.fail(business)).message, /code 2299/);
	assert.equal(jsonOf(await t.run(business, { continueOnFail: true }))[0].kind, 'business');
});

test('coin get supported tokens (legacy): one item per token', async () => {
	const items = await t.run({ resource: 'coin', operation: 'getSupportedTokens' });
	assert.deepEqual(t.bodies('support/token'), ['{}']);
	assert.ok(items.length >= catalogue.coins.length);
	for (const token of jsonOf(items)) assert.equal(typeof token.token_id, 'string');
});

test('balance get many: all coins or one coin', async () => {
	const all = await t.run({ resource: 'balance', operation: 'getMany' });
	const one = await t.run({ resource: 'balance', operation: 'getMany', filters: { coinId: byId(COIN.USDT) } });
	assert.deepEqual(t.bodies('assets'), ['{}', `{"coin_id":"${COIN.USDT}"}`]);
	assert.ok(all.length > 1);
	assert.deepEqual(jsonOf(one).map((balance) => balance.coin_id), [COIN.USDT]);
	assert.equal(jsonOf(one)[0].value, '1000000');
	const business = { resource: 'balance', operation: 'getMany', filters: { coinId: byId('no-such-coin') } };
	const error = await t.fail(business);
	assert.match(error.message, /code 2299/);
	assert.equal(jsonOf(await t.run(business, { continueOnFail: true }))[0].kind, 'business');
});

test('blockchain block heights: one item per chain', async () => {
	const items = await t.run({ resource: 'blockchain', operation: 'getBlockHeights' });
	assert.deepEqual(t.bodies('get/network/height/info'), ['{}']);
	assert.ok(items.length >= 3);
	for (const chain of jsonOf(items)) {
		assert.equal(typeof chain.chain, 'string');
		assert.equal(typeof chain.current_chain_height, 'number');
	}
});

test('cwallet user check: c_id body, nickname out; unknown user is 224083', async () => {
	const items = await t.run({ resource: 'cwalletUser', operation: 'check', cwalletId: '9454818' });
	assert.deepEqual(t.bodies('check/user'), ['{"c_id":"9454818"}']);
	assert.deepEqual(jsonOf(items), [{ c_id: '9454818', nickname: 'alv***' }]);
	const missing = { resource: 'cwalletUser', operation: 'check', cwalletId: '={{ $json.id }}' };
	const error = await t.fail(missing, { items: [{ json: { id: 123 } }] });
	assert.match(error.message, /code 224083/);
	assert.equal(t.bodies('check/user')[1], '{"c_id":"123"}');
	const out = await t.run(missing, { continueOnFail: true, items: [{ json: { id: '' } }, { json: { id: '777' } }, { json: { id: '10000001' } }] });
	const json = jsonOf(out);
	assert.equal(json[0].kind, 'invalid_parameter');
	assert.match(String(json[0].error), /^Cwallet ID is required but empty \[item 0\]/);
	assert.equal(json[1].code, 224083);
	assert.equal(json[2].nickname, 'bob***');
});

test('deposit address: body, same address on repeat, validation and business errors', async () => {
	const params = { resource: 'depositAddress', operation: 'getPermanentAddress', userId: 'user-1001', chain: 'TRX' };
	const first = await t.run({ ...params, additionalFields: { notifyUrl: 'https://n8n.example.com/hook' } });
	const again = await t.run(params);
	assert.deepEqual(t.bodies('payment/address/get'), [
		'{"user_id":"user-1001","chain":"TRX","notify_url":"https://n8n.example.com/hook"}',
		'{"user_id":"user-1001","chain":"TRX"}',
	]);
	assert.equal(jsonOf(first)[0].address, jsonOf(again)[0].address);
	assert.match(String(jsonOf(first)[0].address), /^T/);
	const short = await t.fail({ ...params, userId: 'ab' });
	assert.match(short.message, /^User ID must be 3 to 64 characters long \(got 2\) \[item 0\]$/);
	assert.match((await t.fail({ ...params, chain: '' })).message, /^Chain is required/);
	const business = { ...params, chain: 'NOPE' };
	assert.match((await t.fail(business)).message, /code 229905/);
	assert.equal(jsonOf(await t.run(business, { continueOnFail: true }))[0].code, 229905);
});

test('webhook resend: integer timestamps, enums, window rules, rate limit as a business error', async () => {
	const params = {
		resource: 'webhook',
		operation: 'resend',
		startTime: '2024-01-31T12:00:00Z',
		additionalFields: { endTime: '1706705400', webhookResult: 'All Result', transactionType: 'API Withdrawal' },
	};
	const items = await t.run(params);
	assert.deepEqual(t.bodies('webhook/resend'), [
		'{"start_timestamp":1706702400,"end_timestamp":1706705400,"webhook_result":"All Result","transaction_type":"API Withdrawal"}',
	]);
	assert.equal(typeof jsonOf(items)[0].resend_count, 'number');
	const tooLong = await t.fail({ ...params, additionalFields: { endTime: '2024-01-31T13:00:01Z' } });
	assert.match(tooLong.message, /End Time is 3601 seconds after Start Time; CCPayment resends at most a 1-hour window/);
	const badEnum = await t.fail({ ...params, additionalFields: { webhookResult: 'Everything' } });
	assert.match(badEnum.message, /Webhook Result must be one of "Failed", "All Result"/);
	assert.match((await t.fail({ ...params, startTime: '' })).message, /^Start Time is required/);
	// CCPayment allows one resend per minute: the second call is rejected.
	const limited = await t.fail({ resource: 'webhook', operation: 'resend', startTime: 1706702400 });
	assert.match(limited.message, /code 229912/);
	assert.equal(t.bodies('webhook/resend')[1], '{"start_timestamp":1706702400}');
	assert.equal(jsonOf(await t.run({ resource: 'webhook', operation: 'resend', startTime: 1706702400 }, { continueOnFail: true }))[0].code, 229912);
});

test('pickers: tokens, coins and chains come from the simulator catalogue, searchable', async () => {
	const tokens = await t.listSearch('searchTokens');
	const allTokens = catalogue.coins.flatMap((coin) => coin.tokens.map((token) => token.token_id));
	assert.deepEqual(tokens.results.map((item) => item.value).sort(), [...allTokens].sort());
	const trc = tokens.results.find((item) => item.value === TOKENS.USDT_TRC20);
	assert.equal(trc.name, 'USDT · TRC20 (TRX)');
	const found = await t.listSearch('searchTokens', { filter: 'trc20' });
	assert.ok(found.results.length >= 1 && found.results.every((item) => /TRC20/.test(item.name)));
	const coins = await t.listSearch('searchCoins', { filter: 'tether' });
	assert.deepEqual(coins.results.map((item) => item.value), [COIN.USDT]);
	assert.equal(coins.results[0].name, 'USDT · Tether USD');
	const chains = await t.loadOptions('getChains');
	assert.deepEqual(chains.map((item) => item.value).sort(), [...new Set(catalogue.coins.flatMap((coin) => coin.tokens.map((token) => token.chain)))].sort());
	assert.ok(chains.some((item) => item.name === 'TRX · Tron'));
	assert.ok(t.count('coin/all') >= 4, 'every picker call asks CCPayment (nothing cached)');
});

test('webhook resend is not repeated after an answer was lost (CCPayment allows one per minute)', async () => {
	t.sim.faults.set([{ endpoint: 'webhook/resend', kind: 'reset_after', count: 1 }], 1);
	const error = await t.fail({ resource: 'webhook', operation: 'resend', startTime: 1706702400 });
	assert.match(error.message, /connection to CCPayment dropped/);
	assert.equal(t.count('webhook/resend'), 1);
	await t.sim.reset();
	t.sim.faults.set([{ endpoint: 'webhook/resend', kind: 'rate_limit', count: 1 }], 1);
	const items = await t.run({ resource: 'webhook', operation: 'resend', startTime: 1706702400 });
	assert.equal(typeof jsonOf(items)[0].resend_count, 'number');
	assert.deepEqual(t.sim.getRequests({ path: 'webhook/resend' }).map((entry) => entry.fault ?? null), ['rate_limit', null]);
});
