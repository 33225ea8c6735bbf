/**
 * Request pacing and in-flight limits shared by all items of one node execution. Pure: the clock
 * and sleep are injected, so tests drive them with a fake clock.
 */

export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

/**
 * Even pacing: request starts are at least `1000 / ratePerSecond` ms apart, so no window of one
 * second ever holds more than `ratePerSecond` starts and there is no initial burst. Each caller
 * reserves the next free slot synchronously, then waits for it.
 */
export class Pacer {
	readonly intervalMs: number;

	private nextSlot = Number.NEGATIVE_INFINITY;

	constructor(
		ratePerSecond: number,
		private readonly clock: Clock,
	) {
		if (!(ratePerSecond > 0)) throw new RangeError('ratePerSecond must be greater than 0');
		this.intervalMs = 1000 / ratePerSecond;
	}

	/** Resolves at the caller's slot time; returns that slot (ms). */
	async acquire(): Promise<number> {
		const now = this.clock.now();
		const slot = Math.max(now, this.nextSlot);
		this.nextSlot = slot + this.intervalMs;
		// Timers may fire a little early or late; never start before the reserved slot.
		for (let current = now; current < slot; current = this.clock.now()) {
			await this.clock.sleep(Math.ceil(slot - current));
		}
		return slot;
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
export async function limited<T>(semaphore: Semaphore, pacer: Pacer, task: () => Promise<T>): Promise<T> {
	const release = await semaphore.acquire();
	try {
		await pacer.acquire();
		return await task();
	} finally {
		release();
	}
}
