// @ts-check
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { product } = require('../../../../../dev/dist');

const { Pacer, Semaphore, limited, WINDOW_MARGIN_MS } = product('limiter');
const { FakeClock } = require('../../../../helpers/fake-clock');

/** Most starts in any window [t, t + 1000) over the given start times. */
function maxPerSecond(times) {
	const sorted = [...times].sort((a, b) => a - b);
	let best = 0;
	for (let i = 0, j = 0; i < sorted.length; i++) {
		while (sorted[i] - sorted[j] >= 1000) j++;
		best = Math.max(best, i - j + 1);
	}
	return best;
}

test('pacer spaces starts evenly: no 1-second window exceeds the rate, no initial burst', async () => {
	for (const rate of [1, 7, 50, 95, 100]) {
		const clock = new FakeClock();
		const pacer = new Pacer(rate, clock);
		const starts = [];
		const count = Math.ceil(rate * 3) + 5;
		const all = Promise.all(
			Array.from({ length: count }, async () => {
				starts.push(await pacer.acquire());
			}),
		);
		await clock.run();
		await all;
		assert.equal(starts.length, count);
		assert.ok(
			maxPerSecond(starts) <= Math.floor(rate),
			`rate ${rate}: ${maxPerSecond(starts)} in one second`,
		);
		// Even: consecutive starts are about one interval apart (integer clock: within 1 ms).
		for (let i = 1; i < starts.length; i++) {
			assert.ok(starts[i] >= starts[i - 1], 'starts in arrival order');
			assert.ok(
				starts[i] - starts[i - 1] >= 1000 / rate - 1,
				`rate ${rate}: gap ${starts[i] - starts[i - 1]}`,
			);
		}
		// Close to the rate: lateness does not pile up.
		const span = starts[starts.length - 1] - starts[0];
		// The window margin may add up to WINDOW_MARGIN_MS each time a full window is waited out.
		const margin = (WINDOW_MARGIN_MS * count) / Math.max(1, Math.floor(rate));
		assert.ok(
			span <= ((count - 1) * 1000) / rate + 1 + count / Math.max(1, Math.floor(rate)) + margin,
			`rate ${rate}: span ${span}`,
		);
	}
});

test('pacer window holds after a stall that made timers fire late together', async () => {
	const clock = new FakeClock();
	let stalled = false;
	// The first sleep after 30 starts "stalls" the event loop for 400 ms.
	const stalling = {
		now: () => clock.now(),
		sleep: (ms) => {
			if (!stalled && starts.length === 30) {
				stalled = true;
				return clock.sleep(ms + 400);
			}
			return clock.sleep(ms);
		},
	};
	const pacer = new Pacer(50, stalling);
	const starts = [];
	const all = Promise.all(
		Array.from({ length: 200 }, async () => starts.push(await pacer.acquire())),
	);
	await clock.run();
	await all;
	assert.ok(stalled);
	assert.ok(maxPerSecond(starts) <= 50, `${maxPerSecond(starts)} in one second`);
});

test('pacer does not wait when requests are already slower than the rate', async () => {
	const clock = new FakeClock();
	const pacer = new Pacer(10, clock);
	await pacer.acquire();
	clock.time += 500;
	await pacer.acquire();
	assert.deepEqual(clock.sleeps, []);
});

test('pacer never starts early even if timers fire early', async () => {
	const clock = new FakeClock();
	const early = { now: () => clock.now(), sleep: (ms) => clock.sleep(ms > 3 ? ms - 3 : ms) };
	const pacer = new Pacer(100, early);
	const starts = [];
	const all = Promise.all(
		Array.from({ length: 250 }, async () => starts.push(await pacer.acquire())),
	);
	await clock.run();
	await all;
	for (let i = 1; i < starts.length; i++)
		assert.ok(starts[i] - starts[i - 1] >= 10, `gap ${starts[i] - starts[i - 1]}`);
	assert.ok(maxPerSecond(starts) <= 100);
});

test('pacer rejects a non-positive rate', () => {
	assert.throws(() => new Pacer(0, new FakeClock()), RangeError);
});

test('semaphore: never more than the limit, FIFO hand-over', async () => {
	const semaphore = new Semaphore(3);
	let active = 0;
	let peak = 0;
	const order = [];
	const gates = [];
	const tasks = Array.from({ length: 10 }, async (_, i) => {
		const release = await semaphore.acquire();
		order.push(i);
		active++;
		peak = Math.max(peak, active);
		await new Promise((resolve) => gates.push(resolve));
		active--;
		release();
		release(); // a second release is a no-op
	});
	for (let done = 0; done < 10; done++) {
		while (!gates.length) await new Promise((resolve) => setImmediate(resolve));
		assert.ok(semaphore.inUse <= 3);
		/** @type {() => void} */ (gates.shift())();
	}
	await Promise.all(tasks);
	assert.equal(peak, 3);
	assert.deepEqual(order, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
	assert.equal(semaphore.inUse, 0);
});

test('limited(): slot released on failure too', async () => {
	const clock = new FakeClock();
	const semaphore = new Semaphore(1);
	const pacer = new Pacer(1000, clock);
	const failing = limited(semaphore, pacer, async () => {
		throw new Error('boom');
	});
	const run = clock.run();
	await assert.rejects(failing, /boom/);
	await run;
	const ok = limited(semaphore, pacer, async () => 'ok');
	await clock.run();
	assert.equal(await ok, 'ok');
	assert.equal(semaphore.inUse, 0);
});
