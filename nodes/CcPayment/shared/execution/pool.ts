/**
 * Bounded-concurrency map over item indexes. Results come back in index order whatever the
 * completion order. Pure (no n8n, no timers).
 */

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface PoolOptions {
	/** Stop starting new indexes once any task failed (items already running still finish). */
	stopOnError?: boolean;
	/** Checked before each start; when true, nothing new starts. */
	shouldStop?: () => boolean;
}

/**
 * Runs `task(0..count-1)` with at most `concurrency` running at once. Indexes that were never
 * started (after a stop) are `undefined` in the result.
 */
export async function runPool<T>(
	count: number,
	concurrency: number,
	task: (index: number) => Promise<T>,
	options: PoolOptions = {},
): Promise<Array<Settled<T> | undefined>> {
	const results: Array<Settled<T> | undefined> = new Array(count).fill(undefined);
	let next = 0;
	let failed = false;

	const lane = async (): Promise<void> => {
		while (next < count) {
			if ((options.stopOnError && failed) || options.shouldStop?.()) return;
			const index = next++;
			try {
				results[index] = { ok: true, value: await task(index) };
			} catch (error) {
				failed = true;
				results[index] = { ok: false, error };
			}
		}
	};

	const lanes = Math.max(1, Math.min(Math.floor(concurrency) || 1, count));
	await Promise.all(Array.from({ length: lanes }, lane));
	return results;
}
