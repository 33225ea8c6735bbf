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

test('cwallet user check: c_id body, nickname out; unknown user is 224083', async () => {
	const items = await t.run({ resource: 'cwalletUser', operation: 'check', cwalletId: '9454818' });
	assert.deepEqual(t.bodies('check/user'), ['{"c_id":"9454818"}']);
	assert.deepEqual(jsonOf(items), [{ c_id: '9454818', nickname: 'alv***' }]);
	const missing = { resource: 'cwalletUser', operation: 'check', cwalletId: '={{ $json.id }}' };
	const error = await t.fail(missing, { items: [{ json: { id: 123 } }] });
	assert.match(error.message, /code 224083/);
	assert.equal(t.bodies('check/user')[1], '{"c_id":"123"}');
	const out = await t.run(missing, {
		continueOnFail: true,
		items: [{ json: { id: '' } }, { json: { id: '777' } }, { json: { id: '10000001' } }],
	});
	const json = jsonOf(out);
	assert.equal(json[0].kind, 'invalid_parameter');
	assert.match(String(json[0].error), /^Cwallet ID is required but empty \[item 0\]/);
	assert.equal(json[1].code, 224083);
	assert.equal(json[2].nickname, 'bob***');
});
