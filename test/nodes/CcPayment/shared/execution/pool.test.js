// @ts-check
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { product } = require('../../../../../dev/dist');

const { runPool } = product('pool');

const tick = (n) =>
	new Promise((resolve) => {
		let left = n;
		const step = () => (left-- <= 0 ? resolve(undefined) : setImmediate(step));
		step();
	});

test('results come back in index order whatever the completion order', async () => {
	// Deterministic "random" completion delays.
	const delays = Array.from({ length: 40 }, (_, i) => (i * 7919) % 13);
	const completion = [];
	const results = await runPool(40, 8, async (i) => {
		await tick(delays[i]);
		completion.push(i);
		return `item-${i}`;
	});
	assert.notDeepEqual(
		completion,
		[...completion].sort((a, b) => a - b),
		'completion order should differ from input order',
	);
	assert.deepEqual(
		results.map((r) => r && r.ok && r.value),
		Array.from({ length: 40 }, (_, i) => `item-${i}`),
	);
});

test('never more than `concurrency` tasks run at once', async () => {
	let active = 0;
	let peak = 0;
	await runPool(50, 5, async (i) => {
		active++;
		peak = Math.max(peak, active);
		await tick(1 + (i % 4));
		active--;
	});
	assert.equal(peak, 5);
});

test('failures are captured per index; stopOnError stops new starts only', async () => {
	const started = [];
	const results = await runPool(
		20,
		3,
		async (i) => {
			started.push(i);
			await tick(i === 4 ? 1 : 3);
			if (i === 4) throw new Error('item 4 failed');
			return i;
		},
		{ stopOnError: true },
	);
	const failed = /** @type {{ ok: false, error: Error }} */ (results[4]);
	assert.equal(failed.ok, false);
	assert.match(failed.error.message, /item 4/);
	assert.ok(started.length < 20, 'should stop starting new items');
	// Everything before the failure finished; what was already running finished too.
	for (const i of started) assert.ok(results[i], `started item ${i} has a result`);
	for (let i = 0; i < 20; i++) if (!started.includes(i)) assert.equal(results[i], undefined);
});

test('without stopOnError every item runs', async () => {
	const results = await runPool(10, 4, async (i) => {
		if (i % 3 === 0) throw new Error(`bad ${i}`);
		return i;
	});
	assert.equal(results.filter((r) => r && !r.ok).length, 4);
	assert.equal(results.filter((r) => r && r.ok).length, 6);
});

test('shouldStop halts new starts; empty input and odd concurrency are fine', async () => {
	let stop = false;
	const results = await runPool(
		10,
		1,
		async (i) => {
			if (i === 2) stop = true;
			return i;
		},
		{ shouldStop: () => stop },
	);
	assert.deepEqual(
		results.map((r) => r && r.ok),
		[true, true, true, undefined, undefined, undefined, undefined, undefined, undefined, undefined],
	);
	assert.deepEqual(await runPool(0, 5, async () => 1), []);
	assert.equal((await runPool(3, 0, async (i) => i)).length, 3);
});
