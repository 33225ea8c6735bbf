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

test('blockchain block heights: one item per chain', async () => {
	const items = await t.run({ resource: 'blockchain', operation: 'getBlockHeights' });
	assert.deepEqual(t.bodies('get/network/height/info'), ['{}']);
	assert.ok(items.length >= 3);
	for (const chain of jsonOf(items)) {
		assert.equal(typeof chain.chain, 'string');
		assert.equal(typeof chain.current_chain_height, 'number');
	}
});
