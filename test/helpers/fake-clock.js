// @ts-check
/**
 * A discrete-event fake clock for the pure limiter: `sleep(ms)` registers a timer; `run()` keeps
 * firing the earliest timer (advancing `now` to it) until nothing is pending.
 */
class FakeClock {
	constructor(start = 1_000_000) {
		this.time = start;
		/** @type {{ at: number, resolve: () => void, seq: number }[]} */
		this.timers = [];
		this.seq = 0;
		/** @type {number[]} */
		this.sleeps = [];
	}

	now() {
		return this.time;
	}

	/** @param {number} ms */
	sleep(ms) {
		this.sleeps.push(ms);
		return new Promise((resolve) => {
			this.timers.push({
				at: this.time + Math.max(0, ms),
				resolve: () => resolve(undefined),
				seq: this.seq++,
			});
		});
	}

	/** Let pending promise callbacks run. */
	async settle() {
		for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
	}

	/** Fire timers in time order until none is left and everything settled. */
	async run() {
		for (;;) {
			await this.settle();
			if (!this.timers.length) return;
			this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
			const timer = /** @type {{ at: number, resolve: () => void }} */ (this.timers.shift());
			this.time = Math.max(this.time, timer.at);
			timer.resolve();
		}
	}
}

module.exports = { FakeClock };
