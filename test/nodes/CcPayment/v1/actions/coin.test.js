// @ts-check
const { test, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');

const { setup, byId, jsonOf, pairedOf, TOKENS, COIN } = require('../../../../helpers/run-node');

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
	assert.deepEqual(
		jsonOf(simple).map((coin) => coin.coin_id),
		catalogue.coins.map((coin) => coin.coin_id),
	);
	const usdt = jsonOf(simple).find((coin) => coin.coin_id === COIN.USDT);
	assert.deepEqual(Object.keys(usdt).sort(), [
		'coin_id',
		'min',
		'name',
		'networks',
		'precision',
		'price',
		'status',
		'symbol',
	]);
	assert.ok(usdt.networks.includes('TRC20 (TRX)'));
	const rawUsdt = jsonOf(raw).find((coin) => coin.coin_id === COIN.USDT);
	assert.ok(Array.isArray(rawUsdt.tokens) && rawUsdt.tokens.length >= 3);
	assert.ok(pairedOf(raw).every((item) => item === 0));
});

test('coin get rate: amount and token exactly as entered; numbers converted exactly', async () => {
	const items = await t.run(
		{
			resource: 'coin',
			operation: 'getRate',
			amount: '={{ $json.usd }}',
			tokenId: byId(TOKENS.USDT_TRC20),
		},
		{
			items: [
				{ json: { usd: '1000' } },
				{ json: { usd: 0.1 } },
				{ json: { usd: '12.345678901234567890' } },
			],
		},
	);
	assert.deepEqual(t.bodies('token/rate'), [
		`{"amount":"1000","token_id":"${TOKENS.USDT_TRC20}"}`,
		`{"amount":"0.1","token_id":"${TOKENS.USDT_TRC20}"}`,
		`{"amount":"12.34567890123456789","token_id":"${TOKENS.USDT_TRC20}"}`,
	]);
	assert.deepEqual(Object.keys(jsonOf(items)[0]).sort(), ['price', 'value']);
	assert.deepEqual(pairedOf(items), [0, 1, 2]);
	const invalid = await t.fail({
		resource: 'coin',
		operation: 'getRate',
		amount: '1,000',
		tokenId: byId(TOKENS.USDT_TRC20),
	});
	assert.match(invalid.message, /^Amount \(USD\) contains a comma/);
	const business = {
		resource: 'coin',
		operation: 'getRate',
		amount: '5',
		tokenId: byId('not-a-token'),
	};
	assert.match((await t.fail(business)).message, /code 229905/);
	assert.equal(jsonOf(await t.run(business, { continueOnFail: true }))[0].code, 229905);
});

test('coin get networks (legacy): token_id body, one item per network', async () => {
	const items = await t.run({
		resource: 'coin',
		operation: 'getNetworks',
		tokenId: byId(TOKENS.USDT_TRC20),
	});
	assert.deepEqual(t.bodies('token/chain'), [`{"token_id":"${TOKENS.USDT_TRC20}"}`]);
	const usdt = catalogue.coins.find((coin) => coin.coin_id === COIN.USDT);
	assert.deepEqual(
		jsonOf(items)
			.map((network) => network.token_id)
			.sort(),
		usdt.tokens.map((token) => token.token_id).sort(),
	);
	assert.match(
		(await t.fail({ resource: 'coin', operation: 'getNetworks', tokenId: byId(' ') })).message,
		/^Token is required/,
	);
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
