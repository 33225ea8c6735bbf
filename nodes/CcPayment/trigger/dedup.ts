/**
 * Bounded memory of recently accepted deliveries: key strings in, decisions out. Protocol-neutral,
 * so every trigger version derives its own key and scope and shares this module.
 *
 * Bound: at most MAX_ENTRIES keys (oldest first-seen evicted first) and none older than the age cap
 * (MAX_AGE_MS, raised to the timestamp tolerance if that is longer, so every replay that still
 * passes the timestamp window is caught).
 *
 * Stored compactly, because n8n loads the whole static data with the workflow on every webhook
 * request and saves all of it after every change: a delivery's key (type, record ID, status) is
 * remembered as the first 128 bits of its SHA-256 (22 base64url characters; a false match among
 * 1,000 keys has a probability around 1e-33) plus its first-seen time, and the store is one string
 * of fixed-width records (31 characters each, about 31 KB when full) instead of 1,000 JSON pairs of
 * about 70 bytes. Stores saved by earlier releases (pairs of readable keys) are read and converted
 * on the next save, so no remembered delivery runs again after an upgrade.
 *
 * Two layers per scope (trigger node and URL mode): an in-process memory, checked and updated
 * synchronously, and the workflow's node static data, which survives restarts. n8n loads the whole
 * static data per request and saves the whole object when the request is answered, so concurrent
 * requests overwrite each other's saves. Every request therefore merges what it loaded into the
 * in-process memory and saves the bounded union of both, so the last save carries every key this
 * process has accepted.
 *
 * Guarantees (documented in the README):
 * - one n8n process: simultaneous copies of a delivery run once; simultaneous different deliveries
 *   all run and all their keys are saved, so after a restart none of them runs again;
 * - the acknowledgement goes out before n8n's save completes: a crash in between forgets that key;
 * - saves the database applies out of order can drop a key until the next delivery saves it again;
 * - not across processes (queue mode with several webhook processes): each has its own memory and
 *   their static-data saves overwrite one another;
 * - per scope: the editor's Test URL and the Production URL have separate memories;
 * - a key older than the age cap, or evicted by 1,000 newer keys, runs again if re-delivered.
 *
 * In memory the state is an array of [key, firstSeenMs] pairs, oldest first; what n8n saves is its
 * packed form (see packState). Pure apart from the in-process memory: callers store the returned
 * state.
 */

import { createHash } from 'crypto';

export const MAX_ENTRIES = 1000;
/** 7 days: longer than the retry schedule (~32 min), the timestamp window and a week of manual resends. */
export const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
export const STATIC_DATA_KEY = 'ccpaymentDedup';

export interface DedupState {
	version: 1;
	entries: Array<[string, number]>;
}

/** The form n8n saves: `entries` is one string of RECORD_LENGTH-character records, oldest first. */
export interface PackedDedupState {
	version: 2;
	entries: string;
}

const DIGEST_LENGTH = 22;
/** First-seen time in ms, base36, zero-padded: 9 digits last until the year 5138. */
const TIME_LENGTH = 9;
export const RECORD_LENGTH = DIGEST_LENGTH + TIME_LENGTH;
const DIGEST = /^[A-Za-z0-9_-]{22}$/;
const TIME = /^[0-9a-z]{9}$/;

/** What the store remembers for a delivery key: 128 bits of its SHA-256, base64url. */
export function storeKey(key: string): string {
	return createHash('sha256').update(key, 'utf8').digest('base64url').slice(0, DIGEST_LENGTH);
}

/** A loaded key as the store keeps it: a digest stays, a readable key from an earlier release is digested. */
function asStoreKey(key: string): string {
	return DIGEST.test(key) ? key : storeKey(key);
}

/** The saved form of stored entries (digests only; anything else cannot be packed and is left out). */
export function packState(entries: Array<[string, number]>): PackedDedupState {
	let packed = '';
	for (const [key, seen] of entries) {
		if (!DIGEST.test(key) || !Number.isSafeInteger(seen) || seen < 0) continue;
		packed += key + seen.toString(36).padStart(TIME_LENGTH, '0');
	}
	return { version: 2, entries: packed };
}

/** A run of well-formed records: checked in one pass, so a store that is all records is read fast. */
const RECORDS = /^(?:[A-Za-z0-9_-]{22}[0-9a-z]{9})*$/;

function unpack(packed: string): Array<[string, number]> {
	const end = packed.length - (packed.length % RECORD_LENGTH);
	const checked = RECORDS.test(end === packed.length ? packed : packed.slice(0, end));
	const entries: Array<[string, number]> = [];
	for (let at = 0; at < end; at += RECORD_LENGTH) {
		const key = packed.slice(at, at + DIGEST_LENGTH);
		const time = packed.slice(at + DIGEST_LENGTH, at + RECORD_LENGTH);
		if (checked || (DIGEST.test(key) && TIME.test(time))) entries.push([key, parseInt(time, 36)]);
	}
	return entries;
}

export interface DedupBound {
	maxEntries: number;
	maxAgeMs: number;
}

export function boundFor(toleranceSeconds: number): DedupBound {
	return { maxEntries: MAX_ENTRIES, maxAgeMs: Math.max(MAX_AGE_MS, toleranceSeconds * 1000) };
}

/**
 * Reads a stored state defensively, packed or as pairs: anything malformed becomes an empty store
 * (a malformed record or pair is dropped).
 */
export function readState(value: unknown): DedupState {
	if (value === null || typeof value !== 'object') return { version: 1, entries: [] };
	const entries = (value as { entries?: unknown }).entries;
	if (typeof entries === 'string') return { version: 1, entries: unpack(entries) };
	if (!Array.isArray(entries)) return { version: 1, entries: [] };
	const clean: Array<[string, number]> = [];
	// Indexed, each field read once: n8n hands static data over behind a proxy per array, where every
	// read is a trap, and this runs on up to 1,000 entries per delivery.
	const count = entries.length;
	for (let i = 0; i < count; i++) {
		const entry: unknown = entries[i];
		if (!Array.isArray(entry) || entry.length !== 2) continue;
		const key: unknown = entry[0];
		const seen: unknown = entry[1];
		if (typeof key === 'string' && typeof seen === 'number' && Number.isFinite(seen)) {
			clean.push([key, seen]);
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
	return checkClean(readState(stored), key, nowMs, bound);
}

/** checkAndRemember on a state already read (clean entries), so it is not copied again. */
function checkClean(
	before: DedupState,
	key: string,
	nowMs: number,
	bound: DedupBound,
): DedupResult {
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
 * most MAX_SCOPES scopes are kept. It does not survive a restart; the static-data store does, and
 * rememberDelivery merges it back in on the next request.
 */
const MAX_SCOPES = 200;
const processMemory = new Map<string, DedupState>();

function keepInProcess(scope: string, state: DedupState): void {
	// Re-insert so the least recently used scope is the one dropped.
	processMemory.delete(scope);
	processMemory.set(scope, state);
	if (processMemory.size > MAX_SCOPES) {
		const oldestScope = processMemory.keys().next().value;
		if (oldestScope !== undefined) processMemory.delete(oldestScope);
	}
}

export function rememberInProcess(
	scope: string,
	key: string,
	nowMs: number,
	bound: DedupBound = { maxEntries: MAX_ENTRIES, maxAgeMs: MAX_AGE_MS },
): boolean {
	const seen = checkAndRemember(processMemory.get(scope), key, nowMs, bound);
	keepInProcess(scope, seen.state);
	return seen.duplicate;
}

/** Forget the in-process memory of one scope (or all). Used by tests. */
export function forgetInProcess(scope?: string): void {
	if (scope === undefined) processMemory.clear();
	else processMemory.delete(scope);
}

/**
 * The bounded union of two states: each key once with its earliest first-seen time, none past the age
 * cap, oldest first, at most maxEntries (the newest kept). Order-independent apart from ties in time,
 * so any sequence of merges converges on the same store.
 */
export function mergeStates(
	a: unknown,
	b: unknown,
	nowMs: number,
	bound: DedupBound = { maxEntries: MAX_ENTRIES, maxAgeMs: MAX_AGE_MS },
): DedupState {
	return mergeClean(readState(a).entries, readState(b).entries, nowMs, bound);
}

/** mergeStates on entries already read (clean), so they are not copied again. */
function mergeClean(
	a: Array<[string, number]>,
	b: Array<[string, number]>,
	nowMs: number,
	bound: DedupBound,
): DedupState {
	const oldest = nowMs - bound.maxAgeMs;
	// The usual case: what was loaded is what this process remembers (its own last save), in order.
	if (a.length <= Math.max(1, bound.maxEntries) && sameEntries(a, b) && inOrder(a)) {
		return { version: 1, entries: a.filter(([, seen]) => seen >= oldest) };
	}
	const firstSeen = new Map<string, number>();
	for (const list of [a, b]) {
		for (const [key, seen] of list) {
			const known = firstSeen.get(key);
			if (known === undefined || seen < known) firstSeen.set(key, seen);
		}
	}
	const entries = [...firstSeen].filter(([, seen]) => seen >= oldest).sort((x, y) => x[1] - y[1]);
	const overflow = entries.length - Math.max(1, bound.maxEntries);
	return { version: 1, entries: overflow > 0 ? entries.slice(overflow) : entries };
}

function sameEntries(a: Array<[string, number]>, b: Array<[string, number]>): boolean {
	return a.length === b.length && a.every(([key, seen], i) => key === b[i][0] && seen === b[i][1]);
}

/** Whether entries are what a merge returns: oldest first, each key once. */
function inOrder(entries: Array<[string, number]>): boolean {
	const keys = new Set<string>();
	for (let i = 0; i < entries.length; i++) {
		if (i > 0 && entries[i][1] < entries[i - 1][1]) return false;
		keys.add(entries[i][0]);
	}
	return keys.size === entries.length;
}

/**
 * Check a delivery against both layers and record it in both. The stored state is first merged into
 * the in-process memory (so keys reloaded after a restart and keys this process accepted combine),
 * then the key is checked and recorded there synchronously (so simultaneous copies cannot both pass),
 * and `state` is the whole bounded union, serialised as the union at the time n8n saves it. The
 * caller writes `state` back to static data when `changed` (it differs from what was loaded, e.g.
 * another request's key that an overlapping save dropped), so whichever concurrent save lands last
 * holds every key this process had accepted by then.
 *
 * Why a union and not a lock per trigger node: n8n reads the static data before webhook() runs and
 * saves it after it returns, so a lock inside the node cannot cover the read-change-write; carrying
 * the union in every save makes the order of the saves irrelevant.
 */
export function rememberDelivery(
	scope: string,
	stored: unknown,
	key: string,
	nowMs: number,
	bound: DedupBound,
): DedupResult {
	const loaded = loadStored(stored);
	const known = mergeClean(processMemory.get(scope)?.entries ?? [], loaded.entries, nowMs, bound);
	const seen = checkClean(known, storeKey(key), nowMs, bound);
	keepInProcess(scope, seen.state);
	// A copy: n8n wraps stored objects in change-tracking proxies, which must not reach the memory.
	const state: DedupState = { version: 1, entries: seen.state.entries.map(([k, t]) => [k, t]) };
	// n8n writes static data as JSON when it saves, which can be after later requests were checked:
	// serialise the union as of that moment, so the order in which saves land does not matter, and
	// packed. Not enumerable, so it is not stored itself.
	// n8n may serialise or copy static data several times per request: the packed form is kept
	// until another request changes the memory.
	let packed: { memory: unknown; entries: string } | undefined;
	Object.defineProperty(state, 'toJSON', {
		value: (): PackedDedupState => {
			const memory = processMemory.get(scope)?.entries ?? [];
			if (packed?.memory !== memory) {
				const union = mergeClean(memory, state.entries, nowMs, bound).entries;
				packed = { memory, entries: packState(union).entries };
			}
			return { version: 2, entries: packed.entries };
		},
	});
	return {
		duplicate: seen.duplicate,
		state,
		changed: loaded.repack || !sameEntries(state.entries, loaded.entries),
	};
}

/** A stored state with every key as the store keeps it; `repack` when it was not saved packed. */
function loadStored(stored: unknown): DedupState & { repack: boolean } {
	const state = readState(stored);
	const packed =
		stored !== null &&
		typeof stored === 'object' &&
		typeof (stored as { entries?: unknown }).entries === 'string';
	if (packed) return { ...state, repack: false };
	// Merged as usual afterwards: two readable keys cannot share a digest in practice.
	return { version: 1, entries: state.entries.map(([k, t]) => [asStoreKey(k), t]), repack: true };
}

/**
 * Whether `key` was already accepted, by this process or in the stored state, without recording it.
 * For triggers that must do slow work (a record fetch) before deciding to run: they look here first
 * and call rememberDelivery only once the run is certain, so a delivery whose work failed is not
 * remembered and its retry runs.
 */
export function isKnownDelivery(
	scope: string,
	stored: unknown,
	key: string,
	nowMs: number,
	bound: DedupBound,
): boolean {
	const id = storeKey(key);
	const memory = processMemory.get(scope)?.entries ?? [];
	const loaded = loadStored(stored).entries;
	// A key in neither layer is unknown whatever the merge keeps: the usual case, decided without it.
	if (!memory.some(([k]) => k === id) && !loaded.some(([k]) => k === id)) return false;
	return mergeClean(memory, loaded, nowMs, bound).entries.some(([k]) => k === id);
}
