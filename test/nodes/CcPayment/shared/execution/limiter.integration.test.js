// @ts-check
'use strict';
/**
 * Pacing against the simulator's own sliding-window rate limiter (a protocol fact, not a timing
 * measurement): reads paced below the limit never get a rate-limit answer. Retries are off, so a
 * limit answer would surface as an error item as well as in the simulator's request log.
 */
const { test, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');

const { startSimulator } = require('../../../../../simulator');
const { runNode } = require('../../../../../dev/n8n/harness');
const { product } = require('../../../../../dev/dist');
const { CcPayment } = product('actionNode');
const { inputItems, nodeParameters } = require('../../../../../dev/perf/workloads');

const LIMIT = 30;
const READS = 60;

/** @type {any} */
let sim;
before(async () => {
	sim = await startSimulator({ port: 0, latencyMs: 20, rateLimit: { perSecond: LIMIT } });
});
after(async () => {
	await sim?.stop();
});
beforeEach(async () => {
	await sim.reset({ keepConfig: true });
});

/** Runs READS Coin > Get Rate items and returns [error items, limit answers in the simulator's log]. */
async function reads(/** @type {number} */ perSecond, maxRetries = 0) {
	const { output } = await runNode(CcPayment, {
		parameters: nodeParameters('rate', {
			maxRequestsPerSecond: perSecond,
			maxConcurrentRequests: 10,
			maxRetries,
		}),
		items: inputItems('rate', READS, 'pacing'),
		credentials: { appId: sim.merchant.appId, appSecret: sim.merchant.appSecret, baseUrl: sim.url },
		continueOnFail: true,
		typeVersion: 1,
	});
	const errors = output[0].filter((item) => item.json.error !== undefined);
	const limited = sim
		.getRequests({ path: 'token/rate' })
		.filter((/** @type {any} */ entry) => entry.rateLimited);
	const sent = sim.getRequests({ path: 'token/rate' }).length;
	assert.equal(
		sent,
		READS + (maxRetries ? limited.length : 0),
		'one request per item, plus retries',
	);
	return { errors, limited };
}

test(`${READS} reads at ${LIMIT - 5} req/s against a ${LIMIT}/s limit: no rate-limit answer`, async () => {
	const { errors, limited } = await reads(LIMIT - 5);
	assert.equal(limited.length, 0, 'the simulator rejected requests for the rate limit');
	assert.deepEqual(errors, []);
});

// At exactly the limit, whether an arrival lands in the server's window depends on scheduling jitter
// between this process's timers and the server's clock, so the guarantee tested is the one users rely
// on: with the default retries a limit answer is re-sent, never surfaced as an error item. How many
// such answers occur is a figure for the benchmark, not an assertion here.
test(`${READS} reads at exactly ${LIMIT} req/s against a ${LIMIT}/s limit: no item fails`, async () => {
	const { errors } = await reads(LIMIT, 3);
	assert.deepEqual(errors, []);
});
