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

test('webhook resend: integer timestamps, enums, window rules, rate limit as a business error', async () => {
	const params = {
		resource: 'webhook',
		operation: 'resend',
		startTime: '2024-01-31T12:00:00Z',
		additionalFields: {
			endTime: '1706705400',
			webhookResult: 'All Result',
			transactionType: 'API Withdrawal',
		},
	};
	const items = await t.run(params);
	assert.deepEqual(t.bodies('webhook/resend'), [
		'{"start_timestamp":1706702400,"end_timestamp":1706705400,"webhook_result":"All Result","transaction_type":"API Withdrawal"}',
	]);
	assert.equal(typeof jsonOf(items)[0].resend_count, 'number');
	const tooLong = await t.fail({
		...params,
		additionalFields: { endTime: '2024-01-31T13:00:01Z' },
	});
	assert.match(
		tooLong.message,
		/End Time is 3601 seconds after Start Time; CCPayment resends at most a 1-hour window/,
	);
	const badEnum = await t.fail({ ...params, additionalFields: { webhookResult: 'Everything' } });
	assert.match(badEnum.message, /Webhook Result must be one of "Failed", "All Result"/);
	assert.match((await t.fail({ ...params, startTime: '' })).message, /^Start Time is required/);
	// CCPayment allows one resend per minute: the second call is rejected.
	const limited = await t.fail({ resource: 'webhook', operation: 'resend', startTime: 1706702400 });
	assert.match(limited.message, /code 229912/);
	assert.equal(t.bodies('webhook/resend')[1], '{"start_timestamp":1706702400}');
	assert.equal(
		jsonOf(
			await t.run(
				{ resource: 'webhook', operation: 'resend', startTime: 1706702400 },
				{ continueOnFail: true },
			),
		)[0].code,
		229912,
	);
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
	assert.deepEqual(
		t.sim.getRequests({ path: 'webhook/resend' }).map((entry) => entry.fault ?? null),
		['rate_limit', null],
	);
});
