// @ts-check
/**
 * Money safety of writes under injected faults: every withdrawal ends as created, already_existed
 * or a definite failure, and the simulator's ledger shows each merchant_order_id debited at most
 * once, matching what the node reported.
 */
const { test, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');

const { setup, byId, jsonOf, pairedOf, TOKENS } = require('../../../../helpers/run-node');

/** @type {Awaited<ReturnType<typeof setup>>} */
let t;
before(async () => {
	t = await setup();
});
after(async () => await t.stop());
beforeEach(async () => await t.sim.reset());

const OPTIONS = { timeout: 300, maxRetries: 3 };
const withdraw = (/** @type {string} */ id, options = OPTIONS) => ({
	resource: 'withdrawal',
	operation: 'create',
	merchantOrderId: id,
	address: '9454818',
	tokenId: byId(TOKENS.USDT_TRC20),
	value: '2.5',
	options,
});
const debits = () => t.sim.ledger().withdrawal_debits[t.sim.merchant.appId] ?? {};
const faultsOn = (/** @type {string} */ endpoint) =>
	t.sim.getRequests({ path: endpoint }).map((entry) => entry.fault ?? null);

/** One withdrawal with `faults` injected on its first sends. */
async function withdrawThrough(/** @type {any[]} */ faults) {
	t.sim.faults.set(faults, 1);
	const [item] = await t.run(withdraw('w-1'));
	return /** @type {any} */ (item.json);
}

for (const kind of ['timeout_after', 'reset_after', 'malformed_json', 'bad_signature']) {
	test(`withdrawal: "${kind}" (applied, answer lost) -> reconciled as already_existed, one debit, no re-send`, async () => {
		const json = await withdrawThrough([{ endpoint: 'withdraw', kind, count: 1 }]);
		assert.equal(json.outcome, 'already_existed');
		assert.equal(json.merchant_order_id, 'w-1');
		assert.equal(json.order.order_detail.merchant_order_id, 'w-1');
		assert.equal(typeof json.order_id, 'string');
		assert.deepEqual(faultsOn('withdraw'), [kind]);
		assert.equal(t.count('bill/info'), 1);
		assert.deepEqual(debits(), { 'w-1': 1 });
	});
}

for (const kind of ['reset_before', 'http500', 'http503', 'service_error']) {
	test(`withdrawal: "${kind}" (not applied, ambiguous to the client) -> not found -> same body re-sent -> created, one debit`, async () => {
		const json = await withdrawThrough([{ endpoint: 'withdraw', kind, count: 1 }]);
		assert.equal(json.outcome, 'created');
		assert.deepEqual(faultsOn('withdraw'), [kind, null]);
		const [first, second] = t.bodies('withdraw');
		assert.equal(second, first, 'the re-send is the same body, same merchant_order_id');
		assert.equal(t.count('bill/info'), 1);
		assert.deepEqual(debits(), { 'w-1': 1 });
	});
}

test('withdrawal: 5xx after applying -> already_existed', async () => {
	const json = await withdrawThrough([
		{ endpoint: 'withdraw', kind: 'http502', count: 1, apply: true },
	]);
	assert.equal(json.outcome, 'already_existed');
	assert.deepEqual(debits(), { 'w-1': 1 });
});

test('withdrawal: rate limit -> waits and re-sends the same body without a lookup', async () => {
	const json = await withdrawThrough([{ endpoint: 'withdraw', kind: 'rate_limit', count: 2 }]);
	assert.equal(json.outcome, 'created');
	assert.deepEqual(faultsOn('withdraw'), ['rate_limit', 'rate_limit', null]);
	assert.equal(new Set(t.bodies('withdraw')).size, 1);
	assert.equal(t.count('bill/info'), 0);
	assert.deepEqual(debits(), { 'w-1': 1 });
});

test('withdrawal: ambiguous send and a flaky lookup -> the lookup is retried -> already_existed', async () => {
	const json = await withdrawThrough([
		{ endpoint: 'withdraw', kind: 'timeout_after', count: 1 },
		{ endpoint: 'bill/info', kind: 'http503', count: 2 },
	]);
	assert.equal(json.outcome, 'already_existed');
	assert.deepEqual(faultsOn('bill/info'), ['http503', 'http503', null]);
	assert.deepEqual(debits(), { 'w-1': 1 });
});

test('withdrawal: ambiguous send and a lookup that keeps failing -> unknown outcome, never re-sent', async () => {
	t.sim.faults.set(
		[
			{ endpoint: 'withdraw', kind: 'reset_after', count: 1 },
			{ endpoint: 'bill/info', kind: 'http503', count: 10 },
		],
		1,
	);
	const error = await t.fail(withdraw('w-1', { timeout: 300, maxRetries: 1 }));
	assert.match(
		error.message,
		/^The withdrawal "w-1" may or may not have been created: The connection to CCPayment dropped/,
	);
	assert.match(error.message, /looking it up failed too \(CCPayment answered with HTTP 503/);
	assert.match(error.description, /Withdrawal > Get/);
	assert.equal(t.count('withdraw'), 1);
	assert.deepEqual(debits(), { 'w-1': 1 });

	await t.sim.reset();
	t.sim.faults.set(
		[
			{ endpoint: 'withdraw', kind: 'reset_after', count: 1 },
			{ endpoint: 'bill/info', kind: 'http503', count: 10 },
		],
		1,
	);
	const [item] = await t.run(withdraw('w-1', { timeout: 300, maxRetries: 1 }), {
		continueOnFail: true,
	});
	assert.equal(item.json.outcome, 'unknown');
	assert.equal(item.json.merchant_order_id, 'w-1');
	assert.equal(item.json.kind, 'connection_reset');
});

test('withdrawal: nothing applied and the retry budget runs out -> definite failure, nothing debited', async () => {
	t.sim.faults.set([{ endpoint: 'withdraw', kind: 'reset_before', count: 10 }], 1);
	const [item] = await t.run(withdraw('w-1', { timeout: 300, maxRetries: 2 }), {
		continueOnFail: true,
	});
	assert.equal(item.json.outcome, 'failed');
	assert.match(String(item.json.error), /^The withdrawal "w-1" was not created/);
	assert.match(String(item.json.description), /same merchant order ID "w-1" is safe/);
	assert.equal(t.count('withdraw'), 3);
	assert.deepEqual(debits(), {});
});

test('native order: timeout after applying -> already_existed with the order; reset before -> created', async () => {
	const order = {
		resource: 'checkout',
		operation: 'createNativeOrder',
		merchantOrderId: '={{ $json.id }}',
		tokenId: byId(TOKENS.USDT_TRC20),
		denominatedCurrency: 'USD',
		productPrice: '10',
		options: OPTIONS,
	};
	t.sim.faults.set(
		[
			{ endpoint: 'bill/create', kind: 'timeout_after', count: 1 },
			{ endpoint: 'bill/create', kind: 'reset_before', count: 1 },
		],
		1,
	);
	const items = await t.run(order, { items: [{ json: { id: 'o-1' } }, { json: { id: 'o-2' } }] });
	const [first, second] = jsonOf(items);
	assert.equal(first.outcome, 'already_existed');
	assert.equal(first.order.order_detail.merchant_order_id, 'o-1');
	assert.equal(second.outcome, 'created');
	assert.equal(typeof second.pay_address, 'string');
	const orders = t.sim.ledger().merchants?.[0]?.orders ?? t.sim.ledger().orders;
	const ids = (Array.isArray(orders) ? orders : Object.values(orders ?? {})).map(
		(entry) => entry.merchant_order_id,
	);
	assert.deepEqual(ids.filter((id) => id === 'o-1').length, 1);
	assert.deepEqual(ids.filter((id) => id === 'o-2').length, 1);
});

test('hosted checkout: an ambiguous failure is not re-sent; the item says to check the order first', async () => {
	const hosted = {
		resource: 'checkout',
		operation: 'createHostedUrl',
		merchantOrderId: 'h-1',
		productPrice: '10',
		productName: 'X',
		options: OPTIONS,
	};
	t.sim.faults.set([{ endpoint: 'concise/url/get', kind: 'timeout_after', count: 1 }], 1);
	const error = await t.fail(hosted);
	assert.match(
		error.message,
		/^CCPayment may have created the hosted checkout order "h-1", but its answer was lost/,
	);
	assert.match(error.description, /Order > Get/);
	assert.equal(t.count('concise/url/get'), 1);

	t.sim.faults.set([{ endpoint: 'concise/url/get', kind: 'reset_after', count: 1 }], 1);
	const [item] = await t.run({ ...hosted, merchantOrderId: 'h-2' }, { continueOnFail: true });
	assert.equal(item.json.outcome, 'unknown');
	assert.equal(item.json.merchant_order_id, 'h-2');

	t.sim.faults.set([{ endpoint: 'concise/url/get', kind: 'rate_limit', count: 1 }], 1);
	const [ok] = await t.run({ ...hosted, merchantOrderId: 'h-3' });
	assert.match(String(ok.json.payment_url), /pay\?key=/);
	assert.deepEqual(faultsOn('concise/url/get').slice(-2), ['rate_limit', null]);
});

test('deposit address: idempotent per user and chain, so it is retried after a lost answer', async () => {
	t.sim.faults.set([{ endpoint: 'payment/address/get', kind: 'reset_after', count: 1 }], 1);
	const [item] = await t.run({
		resource: 'depositAddress',
		operation: 'getPermanentAddress',
		userId: 'user-1',
		chain: 'TRX',
		options: OPTIONS,
	});
	const again = await t.run({
		resource: 'depositAddress',
		operation: 'getPermanentAddress',
		userId: 'user-1',
		chain: 'TRX',
	});
	assert.equal(item.json.address, again[0].json.address);
	assert.deepEqual(faultsOn('payment/address/get'), ['reset_after', null, null]);
});

test('small campaign: 40 payouts, faults of every kind, concurrency 8 -> at most one debit each, outcomes match the ledger', async () => {
	const kinds = [
		'timeout_after',
		'reset_after',
		'reset_before',
		'http500',
		'http502',
		'http503',
		'malformed_json',
		'bad_signature',
		'rate_limit',
		'service_error',
	];
	t.sim.faults.set(
		[
			...kinds.map((kind) => ({ endpoint: 'withdraw', kind, probability: 0.04 })),
			{ endpoint: 'bill/info', kind: 'http503', probability: 0.1 },
			{ endpoint: 'bill/info', kind: 'timeout_after', probability: 0.05 },
		],
		20241123,
	);
	const ids = Array.from({ length: 40 }, (_, i) => `c-${i}`);
	const items = await t.run(
		{
			...withdraw('={{ $json.id }}', {
				timeout: 300,
				maxRetries: 3,
				maxConcurrentRequests: 8,
				maxRequestsPerSecond: 100,
			}),
		},
		{ continueOnFail: true, items: ids.map((id) => ({ json: { id } })) },
	);
	assert.deepEqual(
		pairedOf(items),
		ids.map((_, i) => i),
	);
	const ledger = t.sim.ledger();
	assert.deepEqual(ledger.duplicate_debits, [], 'no merchant_order_id debited twice');
	const debited = debits();
	const counts = { created: 0, already_existed: 0, failed: 0, unknown: 0 };
	jsonOf(items).forEach((json, i) => {
		const id = ids[i];
		const outcome = /** @type {keyof typeof counts} */ (json.outcome);
		counts[outcome]++;
		assert.ok((debited[id] ?? 0) <= 1, `${id} debited ${debited[id]} times`);
		if (outcome === 'created' || outcome === 'already_existed')
			assert.equal(debited[id], 1, `${id} reported ${outcome}`);
		else if (outcome === 'failed')
			assert.equal(debited[id] ?? 0, 0, `${id} reported failed but was debited`);
		else assert.equal(outcome, 'unknown', `${id}: unexpected item ${JSON.stringify(json)}`);
	});
	const injected = t.sim.faults.stats().faults.reduce((sum, rule) => sum + rule.injected, 0);
	assert.ok(injected >= 5, `faults were injected (${injected})`);
	assert.ok(counts.created + counts.already_existed >= 35, JSON.stringify(counts));
});
