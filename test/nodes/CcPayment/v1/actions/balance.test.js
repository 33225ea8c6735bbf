// @ts-check
const { test, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');

const { setup, byId, jsonOf, COIN } = require('../../../../helpers/run-node');

/** @type {Awaited<ReturnType<typeof setup>>} */
let t;
before(async () => {
	t = await setup();
});
after(async () => await t.stop());
beforeEach(async () => await t.sim.reset());

test('balance get many: all coins or one coin', async () => {
	const all = await t.run({ resource: 'balance', operation: 'getMany' });
	const one = await t.run({
		resource: 'balance',
		operation: 'getMany',
		filters: { coinId: byId(COIN.USDT) },
	});
	assert.deepEqual(t.bodies('assets'), ['{}', `{"coin_id":"${COIN.USDT}"}`]);
	assert.ok(all.length > 1);
	assert.deepEqual(
		jsonOf(one).map((balance) => balance.coin_id),
		[COIN.USDT],
	);
	assert.equal(jsonOf(one)[0].value, '1000000');
	const business = {
		resource: 'balance',
		operation: 'getMany',
		filters: { coinId: byId('no-such-coin') },
	};
	const error = await t.fail(business);
	assert.match(error.message, /code 2299/);
	assert.equal(jsonOf(await t.run(business, { continueOnFail: true }))[0].kind, 'business');
});
