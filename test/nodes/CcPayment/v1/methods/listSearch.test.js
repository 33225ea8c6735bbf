// @ts-check
const { test, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');

const { setup, TOKENS, COIN } = require('../../../../helpers/run-node');

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

test('pickers: tokens, coins and chains come from the simulator catalogue, searchable', async () => {
	const tokens = await t.listSearch('searchTokens');
	const allTokens = catalogue.coins.flatMap((coin) => coin.tokens.map((token) => token.token_id));
	assert.deepEqual(tokens.results.map((item) => item.value).sort(), [...allTokens].sort());
	const trc = tokens.results.find((item) => item.value === TOKENS.USDT_TRC20);
	assert.equal(trc.name, 'USDT · TRC20 (TRX)');
	const found = await t.listSearch('searchTokens', { filter: 'trc20' });
	assert.ok(found.results.length >= 1 && found.results.every((item) => /TRC20/.test(item.name)));
	const coins = await t.listSearch('searchCoins', { filter: 'tether' });
	assert.deepEqual(
		coins.results.map((item) => item.value),
		[COIN.USDT],
	);
	assert.equal(coins.results[0].name, 'USDT · Tether USD');
	const chains = await t.loadOptions('getChains');
	assert.deepEqual(
		chains.map((item) => item.value).sort(),
		[...new Set(catalogue.coins.flatMap((coin) => coin.tokens.map((token) => token.chain)))].sort(),
	);
	assert.ok(chains.some((item) => item.name === 'TRX · Tron'));
	assert.ok(t.count('coin/all') >= 4, 'every picker call asks CCPayment (nothing cached)');
});
