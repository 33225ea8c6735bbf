// @ts-check
const { test, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');

const { setup, jsonOf } = require('../../../../helpers/run-node');

/** @type {Awaited<ReturnType<typeof setup>>} */
let t;
before(async () => {
	t = await setup();
});
after(async () => await t.stop());
beforeEach(async () => await t.sim.reset());

test('deposit address: body, same address on repeat, validation and business errors', async () => {
	const params = {
		resource: 'depositAddress',
		operation: 'getPermanentAddress',
		userId: 'user-1001',
		chain: 'TRX',
	};
	const first = await t.run({
		...params,
		additionalFields: { notifyUrl: 'https://n8n.example.com/hook' },
	});
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
