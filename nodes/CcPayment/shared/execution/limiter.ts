/**
 * Request pacing and in-flight limits shared by all items of one node execution. Pure: the clock
 * and sleep are injected, so tests drive them with a fake clock.
 */

export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

/**
 * Request pacing. Two rules, both on the clock:
 * - evenness: start slots are `1000 / ratePerSecond` ms apart (no initial burst). Slots are
 *   reserved from the previous slot, not the previous actual start, so timer lateness does not
 *   pile up and the rate stays close to the limit;
 * - a hard sliding window: a request never starts less than 1000 ms after the start
 *   `floor(ratePerSecond)` places before it, measured on actual start times. So no window of one
 *   second ever holds more than the limit, even after an event-loop stall bunched timers up.
 * Turns are taken one at a time, in arrival order.
 */
/**
 * Extra room on the 1-second window. Requests leave n8n at their start time but arrive at CCPayment
 * a little later and unevenly; without a margin a run at exactly the limit lands 101 requests in
 * some second of CCPayment's window. 25 ms costs about 2% at 95 req/s.
 */
export const WINDOW_MARGIN_MS = 25;

export class Pacer {
	readonly intervalMs: number;

	private readonly windowCount: number;

	private nextSlot = Number.NEGATIVE_INFINITY;

	private readonly recentStarts: number[] = [];

	private queue: Promise<unknown> = Promise.resolve();

	constructor(
		ratePerSecond: number,
		private readonly clock: Clock,
	) {
		if (!(ratePerSecond > 0)) throw new RangeError('ratePerSecond must be greater than 0');
		this.intervalMs = 1000 / ratePerSecond;
		this.windowCount = Math.max(1, Math.floor(ratePerSecond));
	}

	/** Resolves when the caller may start; returns the start time (ms). */
	async acquire(): Promise<number> {
		const turn = this.queue.then(async () => await this.takeTurn());
		this.queue = turn.catch(() => undefined);
		return await turn;
	}

	private async takeTurn(): Promise<number> {
		const slot = Math.max(this.clock.now(), this.nextSlot);
		this.nextSlot = slot + this.intervalMs;
		for (;;) {
			const now = this.clock.now();
			const windowFree =
				this.recentStarts.length >= this.windowCount
					? this.recentStarts[0] + 1000 + WINDOW_MARGIN_MS
					: Number.NEGATIVE_INFINITY;
			const target = Math.max(slot, windowFree);
			if (now >= target) break;
			// Timers may fire a little early or late; loop until the target has really passed.
			await this.clock.sleep(Math.ceil(target - now));
		}
		const start = this.clock.now();
		this.recentStarts.push(start);
		if (this.recentStarts.length > this.windowCount) this.recentStarts.shift();
		return start;
	}
}

/** A FIFO counting semaphore: at most `limit` holders at a time. */
export class Semaphore {
	private active = 0;

	private readonly waiting: Array<() => void> = [];

	constructor(readonly limit: number) {
		if (!(limit >= 1)) throw new RangeError('limit must be at least 1');
	}

	get inUse(): number {
		return this.active;
	}

	async acquire(): Promise<() => void> {
		if (this.active < this.limit) {
			this.active++;
		} else {
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		}
		let released = false;
		return () => {
			if (released) return;
			released = true;
			const next = this.waiting.shift();
			// Hand the slot straight to the next waiter, so `active` never exceeds the limit.
			if (next) next();
			else this.active--;
		};
	}
}

/** Run `task` holding one semaphore slot and starting at a paced slot. */
export async function limited<T>(
	semaphore: Semaphore,
	pacer: Pacer,
	task: () => Promise<T>,
): Promise<T> {
	const release = await semaphore.acquire();
	try {
		await pacer.acquire();
		return await task();
	} finally {
		release();
	}
}
