/**
 * Jittered exponential backoff ("equal jitter"): attempt n waits between half and all of
 * min(cap, base * 2^n). Rate-limit answers start from a longer base, since CCPayment's limit is
 * counted per second.
 */
export const BACKOFF_BASE_MS = 200;
export const BACKOFF_RATE_LIMIT_BASE_MS = 500;
export const BACKOFF_CAP_MS = 10_000;

export function backoffDelay(
	attempt: number,
	options: { rateLimited?: boolean; random?: () => number; baseMs?: number; capMs?: number } = {},
): number {
	const base =
		options.baseMs ?? (options.rateLimited ? BACKOFF_RATE_LIMIT_BASE_MS : BACKOFF_BASE_MS);
	const cap = options.capMs ?? BACKOFF_CAP_MS;
	const ceiling = Math.min(cap, base * 2 ** Math.max(0, attempt));
	const random = Math.min(1, Math.max(0, (options.random ?? Math.random)()));
	return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
