// @ts-check
const { test, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');

const {
	setup,
	byId,
	jsonOf,
	pairedOf,
	startCountingProxy,
	TOKENS,
} = require('../../helpers/run-node');

/** @type {Awaited<ReturnType<typeof setup>>} */
let t;
/** @type {Awaited<ReturnType<typeof startCountingProxy>>} */
let proxy;
before(async () => {
	t = await setup();
	proxy = await startCountingProxy(t.sim.url);
});
after(async () => {
	await proxy.stop();
	await t.stop();
});
beforeEach(async () => {
	await t.sim.reset();
	proxy.stats.peak = 0;
	proxy.stats.total = 0;
});

const rate = (/** @type {Record<string, unknown>} */ options) => ({
	resource: 'coin',
	operation: 'getRate',
	amount: '={{ $json.usd }}',
	tokenId: byId(TOKENS.USDT_TRC20),
	options,
});
const usdItems = (/** @type {number} */ n) =>
	Array.from({ length: n }, (_, i) => ({ json: { usd: String(i + 1) } }));

test('output order and pairedItem follow input order with concurrency > 1 and uneven latency', async () => {
	// Every other request is slow, so answers complete out of order.
	t.sim.faults.set(
		[
			{ endpoint: 'token/rate', kind: 'latency', latency_ms: 80, probability: 0.5 },
			{ endpoint: 'token/rate', kind: 'latency', latency_ms: 5, probability: 1 },
		],
		7,
	);
	const items = await t.run(rate({ maxConcurrentRequests: 8, maxRequestsPerSecond: 100 }), {
		items: usdItems(40),
		credentials: { ...t.credentials, baseUrl: proxy.url },
	});
	assert.ok(proxy.stats.peak > 1, 'requests really overlapped');
	const [slow] = t.sim.faults.stats().faults;
	assert.ok(slow.injected > 5 && slow.injected < 35, `${slow.injected} of 40 requests were slow`);
	assert.deepEqual(
		pairedOf(items),
		Array.from({ length: 40 }, (_, i) => i),
	);
	// USDT is priced at 1 USD, so value == amount: item i answers its own request.
	assert.deepEqual(
		jsonOf(items).map((json) => Number(json.value)),
		Array.from({ length: 40 }, (_, i) => i + 1),
	);
});

test('never more than Max Concurrent Requests in flight (items and chunked lookups alike)', async () => {
	t.sim.faults.set([{ endpoint: '*', kind: 'latency', latency_ms: 40 }], 1);
	const credentials = { ...t.credentials, baseUrl: proxy.url };
	await t.run(rate({ maxConcurrentRequests: 3, maxRequestsPerSecond: 100 }), {
		items: usdItems(24),
		credentials,
	});
	assert.equal(proxy.stats.total, 24);
	assert.equal(proxy.stats.peak, 3);

	proxy.stats.peak = 0;
	const ids = Array.from({ length: 1000 }, (_, i) => `x-${i}`).join(',');
	await t.run(
		{
			resource: 'order',
			operation: 'get',
			merchantOrderIds: ids,
			options: { maxConcurrentRequests: 2, maxRequestsPerSecond: 100 },
		},
		{ credentials },
	);
	assert.equal(t.count('bill/info'), 10);
	assert.equal(proxy.stats.peak, 2);
});

test('the pacer keeps a burst under the simulator rate limit: no limit errors, no retries', async () => {
	t.sim.configure({ rateLimit: { perSecond: 25 } });
	const items = await t.run(rate({ maxConcurrentRequests: 20, maxRequestsPerSecond: 20 }), {
		items: usdItems(50),
	});
	assert.equal(items.length, 50);
	const log = t.sim.getRequests({ path: 'token/rate' });
	assert.equal(log.length, 50, 'no request was retried');
	assert.equal(log.filter((entry) => entry.rateLimited).length, 0);
});

/** @param {string[]} kinds */
async function retriedThrough(kinds) {
	t.sim.faults.set(
		kinds.map((kind) => ({ endpoint: 'token/rate', kind, count: 1 })),
		1,
	);
	const items = await t.run(rate({ maxRetries: 3, timeout: 300 }), { items: usdItems(1) });
	assert.equal(jsonOf(items)[0].value, '1');
	const log = t.sim.getRequests({ path: 'token/rate' });
	assert.deepEqual(
		log.map((entry) => entry.fault ?? null),
		[...kinds, null],
	);
}

test('reads retry 5xx, rate-limit and reset-after-apply faults, then succeed', async () => {
	await retriedThrough(['http503', 'rate_limit', 'reset_after']);
});

test('reads retry bad-signature, timeout and service-error faults, then succeed', async () => {
	await retriedThrough(['bad_signature', 'timeout_after', 'service_error']);
});

test('read retries are bounded by Max Retries; the last failure is reported', async () => {
	t.sim.faults.set([{ endpoint: 'token/rate', kind: 'http502', count: 5 }], 1);
	const error = await t.fail(rate({ maxRetries: 2 }), { items: usdItems(1) });
	assert.match(error.message, /HTTP 502/);
	assert.equal(t.count('token/rate'), 3);
	const items = await t.run(rate({ maxRetries: 0 }), { items: usdItems(1), continueOnFail: true });
	assert.equal(jsonOf(items)[0].kind, 'http_status');
	assert.equal(t.count('token/rate'), 4);
});

test('business errors of reads are not retried', async () => {
	await t.fail({
		resource: 'cwalletUser',
		operation: 'check',
		cwalletId: '404404',
		options: { maxRetries: 5 },
	});
	assert.equal(t.count('check/user'), 1);
});

test('without continueOnFail, a failing item stops new items from starting', async () => {
	const error = await t.fail(rate({ maxConcurrentRequests: 1 }), {
		items: [
			{ json: { usd: '1' } },
			{ json: { usd: 'bad' } },
			{ json: { usd: '3' } },
			{ json: { usd: '4' } },
		],
	});
	assert.match(
		error.message,
		/^Amount \(USD\) is not a plain decimal number \("bad"\) \[item 1\]$/,
	);
	assert.equal(error.context.itemIndex, 1);
	assert.equal(t.count('token/rate'), 1, 'items after the failure were not started');
});

test('invalid throughput options are rejected up front', async () => {
	const error = await t.fail(rate({ maxRequestsPerSecond: 500 }), { items: usdItems(1) });
	assert.match(error.message, /maxRequestsPerSecond" must be a whole number from 1 to 100/);
	assert.equal(t.count('token/rate'), 0);
});
