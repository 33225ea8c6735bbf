// @ts-check
/**
 * Concurrent deliveries against the trigger's duplicate memory. n8n loads a workflow's static data
 * per request and saves the whole object when the request is answered, so the last save wins: the
 * trigger must make every save carry all keys this process knows, or keys accepted at the same
 * moment are forgotten on restart and a retry or resend runs again.
 *
 * Part 1 drives the dedup module directly with simulated interleaved requests; part 2 uses the n8n-core
 * harness (real HTTP, real WebhookContext, n8n's load-per-request and save-on-answer of static data).
 */
const http = require('node:http');
const { test } = require('node:test');
const assert = require('node:assert/strict');

const {
	rememberDelivery,
	mergeStates,
	forgetInProcess,
	readState,
	storeKey,
	boundFor,
	MAX_ENTRIES,
	MAX_AGE_MS,
	STATIC_DATA_KEY,
} = require('../../../../dev/dist').product('dedup');

const T0 = 1_700_000_000_000;
const BOUND = { maxEntries: MAX_ENTRIES, maxAgeMs: MAX_AGE_MS };
let scopeSeq = 0;
const freshScope = () => `concurrency-${process.pid}-${++scopeSeq}`;
/** Delivery keys as the store remembers them (digests). @param {string[]} keys */
const remembered = (keys) => keys.map(storeKey);

/** JSON round trip, as n8n stores static data. @param {unknown} v @returns {any} */
const stored = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

/**
 * N requests that all loaded the same stale stored state, then were checked and saved in the order of
 * `schedule` (`c3` = request 3 is checked, `s3` = request 3's save lands; last write wins). Saves are
 * JSON round trips, as n8n's are. Returns the final stored state and each request's decision.
 * @param {string} scope @param {unknown} stale @param {string[]} keys @param {string[]} schedule @param {number} now
 * @param {{ maxEntries: number, maxAgeMs: number }} [bound]
 */
function interleave(scope, stale, keys, schedule, now, bound = BOUND) {
	const loaded = keys.map(() => stored(stale));
	/** @type {any[]} */
	const results = [];
	let final = stale;
	for (const step of schedule) {
		const i = Number(step.slice(1));
		if (step[0] === 'c') results[i] = rememberDelivery(scope, loaded[i], keys[i], now + i, bound);
		else if (results[i].changed) final = stored(results[i].state);
	}
	return { final: readState(final), results };
}

/** Every request checked first, saves landing in `order`. @param {number[]} order */
const checksThenSaves = (order) => [
	...order.map((i) => `c${i}`).sort(),
	...order.map((i) => `s${i}`),
];

test('interleaved saves: whichever save lands last stores every key accepted in the burst', () => {
	const keys = Array.from({ length: 8 }, (_, i) => `API Deposit:rec${i}:success`);
	const schedules = [
		checksThenSaves([0, 1, 2, 3, 4, 5, 6, 7]),
		checksThenSaves([7, 6, 5, 4, 3, 2, 1, 0]),
		checksThenSaves([3, 0, 7, 1, 6, 2, 5, 4]),
		// Saves landing between later checks, and the earliest-checked request saving last.
		[
			'c0',
			'c1',
			's1',
			'c2',
			'c3',
			's3',
			'c4',
			's2',
			'c5',
			'c6',
			's4',
			's6',
			'c7',
			's7',
			's5',
			's0',
		],
	];
	for (const schedule of schedules) {
		const scope = freshScope();
		const { final, results } = interleave(scope, undefined, keys, schedule, T0);
		assert.ok(
			results.every((r) => !r.duplicate),
			'different deliveries all run',
		);
		assert.deepEqual(
			final.entries.map(([k]) => k),
			remembered(keys),
			`${schedule}: all keys, oldest first`,
		);
		assert.deepEqual(
			final.entries.map(([, t]) => t),
			keys.map((_, i) => T0 + i),
			'first-seen times kept',
		);
	}
});

test('the saved state itself: packed JSON data, and without JSON it still holds every key checked before it', () => {
	const scope = freshScope();
	const a = rememberDelivery(scope, undefined, 'a', T0, BOUND);
	const b = rememberDelivery(scope, undefined, 'b', T0 + 1, BOUND);
	const [ka, kb] = remembered(['a', 'b']);
	assert.deepEqual(Object.keys(a.state), ['version', 'entries'], 'nothing else is stored');
	assert.deepEqual(a.state.entries, [[ka, T0]], 'as checked');
	assert.deepEqual(
		b.state.entries,
		[
			[ka, T0],
			[kb, T0 + 1],
		],
		'a copy made later carries the earlier key',
	);
	const saved = stored(a.state);
	assert.deepEqual(
		saved,
		{
			version: 2,
			entries: `${ka}${T0.toString(36).padStart(9, '0')}${kb}${(T0 + 1).toString(36).padStart(9, '0')}`,
		},
		'saved as JSON: the union at save time, one string of fixed-width records',
	);
	assert.deepEqual(readState(saved).entries, b.state.entries, 'and read back the same');
	a.state.entries.push([storeKey('tampered'), T0]);
	assert.equal(
		rememberDelivery(scope, undefined, 'tampered', T0 + 2, BOUND).duplicate,
		false,
		'the stored copy is not the memory',
	);
});

test('interleaved saves after a restart: stored keys and the burst combine, and a copy among them is caught', () => {
	const scope = freshScope();
	// Before the restart: three keys reached static data.
	let before = /** @type {unknown} */ (undefined);
	for (const k of ['old-a', 'old-b', 'old-c'])
		before = stored(rememberDelivery(scope, before, k, T0, BOUND).state);
	forgetInProcess(scope); // restart: process memory gone, static data kept

	// Five requests load the same stored state; one is a redelivery of old-b, one repeats new-1.
	const keys = ['new-1', 'old-b', 'new-2', 'new-1', 'new-3'];
	const { final, results } = interleave(
		scope,
		before,
		keys,
		['c0', 'c1', 'c2', 's2', 'c3', 's0', 'c4', 's4', 's3', 's1'],
		T0 + 1000,
	);
	assert.deepEqual(
		results.map((r) => r.duplicate),
		[false, true, false, true, false],
	);
	// The last save came from a duplicate (old-b); it still wrote, because the union differed from its load.
	assert.equal(results[1].changed, true);
	assert.deepEqual(
		final.entries.map(([k]) => k),
		remembered(['old-a', 'old-b', 'old-c', 'new-1', 'new-2', 'new-3']),
	);
	assert.equal(
		final.entries.find(([k]) => k === storeKey('old-b'))?.[1],
		T0,
		'a duplicate keeps its first-seen time',
	);

	// Another restart: every one of them is still a duplicate.
	forgetInProcess(scope);
	for (const k of ['old-a', 'old-b', 'old-c', 'new-1', 'new-2', 'new-3']) {
		assert.equal(rememberDelivery(scope, stored(final), k, T0 + 2000, BOUND).duplicate, true, k);
	}
});

test('mergeStates: each key once with its earliest first-seen time, oldest first, bounded, argument order irrelevant', () => {
	const a = {
		version: 1,
		entries: [
			['x', T0 + 5],
			['y', T0 + 1],
			['old', T0 - 120_000],
		],
	};
	const b = {
		version: 1,
		entries: [
			['y', T0 + 3],
			['z', T0 + 2],
			['x', T0 + 4],
		],
	};
	const bound = /** @type {any} */ ({ maxEntries: 3, maxAgeMs: 60_000 });
	const ab = mergeStates(a, b, T0 + 10, bound);
	assert.deepEqual(ab.entries, [
		['y', T0 + 1],
		['z', T0 + 2],
		['x', T0 + 4],
	]);
	assert.deepEqual(mergeStates(b, a, T0 + 10, bound), ab);
	assert.deepEqual(
		mergeStates(
			a,
			b,
			T0 + 10,
			/** @type {any} */ ({ maxEntries: 2, maxAgeMs: 60_000 }),
		).entries.map(([k]) => k),
		['z', 'x'],
		'newest kept',
	);
	assert.deepEqual(mergeStates('garbage', undefined, T0).entries, [], 'malformed input is empty');
});

test('mergeStates of a store with itself (the usual load): in order it stays as it is, otherwise it is put in order', () => {
	const bound = /** @type {any} */ ({ maxEntries: 3, maxAgeMs: 60_000 });
	const same = (/** @type {any[]} */ entries) =>
		mergeStates({ entries }, { entries: entries.map(([k, t]) => [k, t]) }, T0 + 10, bound).entries;
	assert.deepEqual(
		same([
			['old', T0 - 120_000],
			['y', T0 + 1],
			['x', T0 + 1],
		]),
		[
			['y', T0 + 1],
			['x', T0 + 1],
		],
		'aged out dropped, order and ties kept',
	);
	assert.deepEqual(
		same([
			['x', T0 + 2],
			['y', T0 + 1],
		]),
		[
			['y', T0 + 1],
			['x', T0 + 2],
		],
		'out of order (clock moved back): sorted',
	);
	assert.deepEqual(
		same([
			['x', T0 + 1],
			['x', T0 + 2],
		]),
		[['x', T0 + 1]],
		'a key twice: once, earliest',
	);
	assert.deepEqual(
		same([
			['w', T0],
			['x', T0 + 1],
			['y', T0 + 2],
			['z', T0 + 3],
		]).map(([k]) => k),
		['x', 'y', 'z'],
		'over the bound: newest kept',
	);
});

test('the saved state is packed once per change of the memory, and a request in between is in the next save', () => {
	const scope = freshScope();
	const a = rememberDelivery(scope, undefined, 'a', T0, BOUND);
	const first = stored(a.state);
	assert.deepEqual(stored(a.state), first, 'saved twice: the same');
	rememberDelivery(scope, first, 'b', T0 + 1, BOUND);
	assert.deepEqual(
		readState(stored(a.state)).entries,
		remembered(['a', 'b']).map((k, i) => [k, T0 + i]),
	);
});

test('the merged store stays bounded: at most maxEntries, the oldest evicted first', () => {
	const scope = freshScope();
	const bound = { maxEntries: 5, maxAgeMs: MAX_AGE_MS };
	// Stored: s0..s3 (older). The process then accepts p0..p3 concurrently from that same stale load.
	let stale = /** @type {unknown} */ (undefined);
	for (let i = 0; i < 4; i++)
		stale = stored(rememberDelivery(scope, stale, `s${i}`, T0 + i, bound).state);
	forgetInProcess(scope);
	const keys = ['p0', 'p1', 'p2', 'p3'];
	const { final } = interleave(
		scope,
		stale,
		keys,
		['c0', 'c1', 's0', 'c2', 'c3', 's3', 's2', 's1'],
		T0 + 100,
		bound,
	);
	assert.deepEqual(
		final.entries.map(([k]) => k),
		remembered(['s3', 'p0', 'p1', 'p2', 'p3']),
		'newest five of the union, oldest first',
	);
	// A stale save that still lists evicted keys does not bring them back.
	const r = rememberDelivery(scope, stale, 'p4', T0 + 200, bound);
	assert.deepEqual(
		readState(r.state).entries.map(([k]) => k),
		remembered(['p0', 'p1', 'p2', 'p3', 'p4']),
	);
	assert.equal(
		rememberDelivery(scope, stored(r.state), 's0', T0 + 300, bound).duplicate,
		false,
		'an evicted key runs again',
	);
});

test('the merged store is pruned by age: keys past the cap are dropped from both layers', () => {
	const scope = freshScope();
	const bound = { maxEntries: 100, maxAgeMs: 60_000 };
	const stale = stored(rememberDelivery(scope, undefined, 'aged', T0, bound).state);
	rememberDelivery(scope, stale, 'recent', T0 + 30_000, bound);
	// 60.001 s later: 'aged' is past the cap in the stored state and in process memory.
	const r = rememberDelivery(scope, stale, 'new', T0 + 60_001, bound);
	assert.equal(r.duplicate, false);
	assert.deepEqual(
		readState(r.state).entries.map(([k]) => k),
		remembered(['recent', 'new']),
	);
	assert.equal(
		rememberDelivery(scope, stored(r.state), 'aged', T0 + 60_002, bound).duplicate,
		false,
		'expired key runs again',
	);
});

test('a duplicate with nothing new to save does not write (no workflow save per redelivery)', () => {
	const scope = freshScope();
	const first = rememberDelivery(scope, undefined, 'k', T0, BOUND);
	const again = rememberDelivery(scope, stored(first.state), 'k', T0 + 1, BOUND);
	assert.equal(again.duplicate, true);
	assert.equal(again.changed, false);
});

// ---- Part 2: the n8n-core harness ----

const { startWebhookHost } = require('../../../../dev/n8n/harness');
const { CcPaymentTrigger } = require('../../../../dev/dist').product('triggerNode');
const { signedHeaders } = require('../../../../dev/dist').product('signer');
const { VECTOR_A, WEBHOOKS } = require('../../../../dev/spec-vectors');

const NODE_KEY = 'node:CCPayment Trigger';

/** Five different, correctly signed deliveries (distinct record ids). */
function deliveries(prefix = 'rec') {
	const base = JSON.parse(WEBHOOKS.api_deposit.body);
	return Array.from({ length: 5 }, (_, i) =>
		JSON.stringify({ ...base, record_id: `${prefix}${Date.now()}${i}` }),
	);
}

/** @param {string} body */
const headersFor = (body) => ({
	'Content-Type': 'application/json',
	...signedHeaders(VECTOR_A.appId, VECTOR_A.appSecret, body),
});

/**
 * Deliveries that arrive at the same moment: every request's headers reach the host first (so each
 * has loaded the static data) and the bodies follow together, so all are in flight before any saves.
 * @param {any} h @param {string[]} bodies @returns {Promise<Array<{ status: number, body: string }>>}
 */
async function sendTogether(h, bodies) {
	const answers = bodies.map((body) => {
		const req = http.request(h.url, {
			method: 'POST',
			headers: { ...headersFor(body), 'Content-Length': Buffer.byteLength(body) },
		});
		req.flushHeaders();
		const answer = new Promise((resolve, reject) => {
			req.on('error', reject);
			req.on('response', (res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (c) => (text += c));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
			});
		});
		return { req, body, answer };
	});
	await new Promise((resolve) => setTimeout(resolve, 200));
	for (const a of answers) a.req.end(a.body);
	return Promise.all(
		answers.map((a) => /** @type {Promise<{ status: number, body: string }>} */ (a.answer)),
	);
}

/**
 * The trigger hosted like n8n hosts it, warmed up with one refused (unsigned) request so that the
 * first real requests are handled as fast as later ones.
 * @param {Record<string, any>} [staticData]
 */
async function host(staticData) {
	const h = await startWebhookHost(CcPaymentTrigger, {
		credentials: { appId: VECTOR_A.appId, appSecret: VECTOR_A.appSecret },
		// A saved v1 trigger (node version 1, no apiVersion parameter).
		typeVersion: 1,
		staticData,
	});
	assert.equal((await h.request({ body: '{}' })).status, 401);
	return h;
}

test('harness: five different deliveries and their copies at once: each runs once, all five keys are saved, and after a restart none runs again', async () => {
	forgetInProcess();
	const bodies = deliveries();
	const h = await host();
	let saved;
	try {
		// Five different deliveries and a copy of each, all at once.
		const answers = await sendTogether(h, [...bodies, ...bodies]);
		for (const a of answers) assert.deepEqual([a.status, a.body], [200, 'success']);
		assert.equal(h.runs.length, 5, 'different deliveries all run, copies do not');
		assert.deepEqual(h.errors, []);
		saved = h.staticData;
		assert.equal(
			readState(saved[NODE_KEY][STATIC_DATA_KEY]).entries.length,
			5,
			'no key lost to the last write',
		);
	} finally {
		await h.stop();
	}

	// Restart: fresh process memory, the saved static data. Retries of all five, again at once.
	forgetInProcess();
	const h2 = await host(saved);
	try {
		const answers = await sendTogether(h2, [...bodies, ...bodies]);
		for (const a of answers)
			assert.deepEqual([a.status, a.body], [200, 'success'], 'every copy is acknowledged');
		assert.equal(h2.runs.length, 0, 'none runs twice');
		assert.deepEqual(h2.errors, []);
	} finally {
		await h2.stop();
	}
});

test('harness: a burst after a restart combines with the reloaded keys, and a second restart still knows all', async () => {
	forgetInProcess();
	const first = deliveries('a');
	const h = await host();
	let saved;
	try {
		await sendTogether(h, first);
		saved = h.staticData;
	} finally {
		await h.stop();
	}
	forgetInProcess();
	const second = deliveries('b');
	const h2 = await host(saved);
	try {
		// New deliveries and redeliveries of the first burst, all at once.
		await sendTogether(h2, [...second, ...first]);
		assert.equal(h2.runs.length, 5, 'only the new ones run');
		saved = h2.staticData;
		assert.equal(readState(saved[NODE_KEY][STATIC_DATA_KEY]).entries.length, 10);
	} finally {
		await h2.stop();
	}
	forgetInProcess();
	const h3 = await host(saved);
	try {
		await sendTogether(h3, [...first, ...second]);
		assert.equal(h3.runs.length, 0);
	} finally {
		await h3.stop();
	}
});

test('bound used by the trigger: 1,000 keys and at least 7 days', () => {
	assert.deepEqual(boundFor(300), BOUND);
});
