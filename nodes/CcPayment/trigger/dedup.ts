/**
 * Bounded memory of recently accepted deliveries, kept in the workflow's node static data.
 *
 * Bound: at most MAX_ENTRIES keys (oldest evicted first) and none older than the age cap
 * (MAX_AGE_MS, raised to the timestamp tolerance if that is longer, so every replay that still
 * passes the timestamp window is caught). 1,000 keys of about 70 bytes each is roughly 70 KB of
 * static data, which n8n stores with the workflow on every change.
 *
 * Limits (best effort, documented in the README):
 * - per webhook and per mode: the editor's Test URL and the Production URL have separate static data;
 * - n8n loads static data per request, so two copies of a delivery arriving at the same moment can
 *   both pass; CCPayment's retries are seconds to minutes apart, so this is rare;
 * - a key older than the age cap, or evicted by 1,000 newer keys, runs again if re-delivered.
 *
 * The state is a plain JSON object (an array of [key, firstSeenMs] pairs in insertion order) so
 * that it survives n8n's JSON round-trip unchanged. Pure: callers store the returned state.
 */

export const MAX_ENTRIES = 1000;
/** 7 days: longer than the retry schedule (~32 min), the timestamp window and a week of manual resends. */
export const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
export const STATIC_DATA_KEY = 'ccpaymentDedup';

export interface DedupState {
	version: 1;
	entries: Array<[string, number]>;
}

export interface DedupBound {
	maxEntries: number;
	maxAgeMs: number;
}

export function boundFor(toleranceSeconds: number): DedupBound {
	return { maxEntries: MAX_ENTRIES, maxAgeMs: Math.max(MAX_AGE_MS, toleranceSeconds * 1000) };
}

/** Reads a stored state defensively: anything malformed becomes an empty store. */
export function readState(value: unknown): DedupState {
	if (value === null || typeof value !== 'object') return { version: 1, entries: [] };
	const entries = (value as { entries?: unknown }).entries;
	if (!Array.isArray(entries)) return { version: 1, entries: [] };
	const clean: Array<[string, number]> = [];
	for (const entry of entries) {
		if (
			Array.isArray(entry) &&
			entry.length === 2 &&
			typeof entry[0] === 'string' &&
			typeof entry[1] === 'number' &&
			Number.isFinite(entry[1])
		) {
			clean.push([entry[0], entry[1]]);
		}
	}
	return { version: 1, entries: clean };
}

export interface DedupResult {
	duplicate: boolean;
	/** The state to store (pruned; with the key appended when it was new). */
	state: DedupState;
	/** Whether `state` differs from the input (so the caller knows to write it back). */
	changed: boolean;
}

/**
 * Checks `key` against the store and records it if new. A duplicate keeps its first-seen time
 * (re-deliveries do not extend their own memory). Entries from the future (clock moved back) are
 * kept until they age out relative to their own time.
 */
export function checkAndRemember(
	stored: unknown,
	key: string,
	nowMs: number,
	bound: DedupBound = { maxEntries: MAX_ENTRIES, maxAgeMs: MAX_AGE_MS },
): DedupResult {
	const before = readState(stored);
	const oldest = nowMs - bound.maxAgeMs;
	const fresh = before.entries.filter(([, seen]) => seen >= oldest);
	const duplicate = fresh.some(([k]) => k === key);
	const entries = duplicate ? fresh : [...fresh, [key, nowMs] as [string, number]];
	const overflow = entries.length - Math.max(1, bound.maxEntries);
	const kept = overflow > 0 ? entries.slice(overflow) : entries;
	const changed = kept.length !== before.entries.length || !duplicate;
	return { duplicate, state: { version: 1, entries: kept }, changed };
}

/**
 * In-process layer in front of the static-data store. Static data is loaded per request, so two
 * copies of a delivery arriving together could both pass it; this synchronous check-and-record
 * makes that atomic within one n8n process (the main process serves production webhooks in regular
 * mode). Each scope (trigger node and URL mode) keeps the same bounded state as static data, and at
 * most MAX_SCOPES scopes are kept. It does not survive a restart; the static-data store does.
 */
const MAX_SCOPES = 200;
const processMemory = new Map<string, DedupState>();

export function rememberInProcess(
	scope: string,
	key: string,
	nowMs: number,
	bound: DedupBound = { maxEntries: MAX_ENTRIES, maxAgeMs: MAX_AGE_MS },
): boolean {
	const seen = checkAndRemember(processMemory.get(scope), key, nowMs, bound);
	// Re-insert so the least recently used scope is the one dropped.
	processMemory.delete(scope);
	processMemory.set(scope, seen.state);
	if (processMemory.size > MAX_SCOPES) {
		const oldestScope = processMemory.keys().next().value;
		if (oldestScope !== undefined) processMemory.delete(oldestScope);
	}
	return seen.duplicate;
}

/** Forget the in-process memory of one scope (or all). Used by tests. */
export function forgetInProcess(scope?: string): void {
	if (scope === undefined) processMemory.clear();
	else processMemory.delete(scope);
}

/**
 * Check a delivery against both layers and record it in both: in-process first (synchronous, so
 * simultaneous copies cannot both pass), then the static-data store (survives restarts). The
 * caller writes `state` back to static data when `changed`.
 */
export function rememberDelivery(
	scope: string,
	stored: unknown,
	key: string,
	nowMs: number,
	bound: DedupBound,
): DedupResult {
	const seenInProcess = rememberInProcess(scope, key, nowMs, bound);
	const seen = checkAndRemember(stored, key, nowMs, bound);
	return { ...seen, duplicate: seen.duplicate || seenInProcess };
}
