// @ts-check
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { product } = require('../../../../dev/dist');

const { checkAndRemember, readState, boundFor, MAX_ENTRIES, MAX_AGE_MS, STATIC_DATA_KEY } =
	product('dedup');

const T0 = 1_700_000_000_000;

test('the documented bound: 1,000 keys, 7 days, stored under ccpaymentDedup', () => {
	assert.equal(MAX_ENTRIES, 1000);
	assert.equal(MAX_AGE_MS, 7 * 24 * 3600 * 1000);
	assert.equal(STATIC_DATA_KEY, 'ccpaymentDedup');
	assert.deepEqual(boundFor(300), { maxEntries: 1000, maxAgeMs: MAX_AGE_MS });
	assert.deepEqual(
		boundFor(30 * 24 * 3600),
		{ maxEntries: 1000, maxAgeMs: 30 * 24 * 3600 * 1000 },
		'never shorter than the replay window',
	);
});

test('first delivery is new, the second is a duplicate and does not change the store', () => {
	const a = checkAndRemember(undefined, 'k1', T0);
	assert.deepEqual(a, {
		duplicate: false,
		changed: true,
		state: { version: 1, entries: [['k1', T0]] },
	});
	const b = checkAndRemember(a.state, 'k1', T0 + 1000);
	assert.equal(b.duplicate, true);
	assert.equal(b.changed, false);
	assert.deepEqual(b.state.entries, [['k1', T0]], 'first-seen time kept');
	const c = checkAndRemember(b.state, 'k2', T0 + 2000);
	assert.equal(c.duplicate, false);
	assert.deepEqual(
		c.state.entries.map(([k]) => k),
		['k1', 'k2'],
	);
});

test('survives a JSON round trip (how n8n stores static data)', () => {
	let state = /** @type {unknown} */ (undefined);
	for (let i = 0; i < 5; i++)
		state = JSON.parse(JSON.stringify(checkAndRemember(state, `k${i}`, T0 + i).state));
	assert.equal(checkAndRemember(state, 'k3', T0 + 10).duplicate, true);
});

test('count bound: the oldest key is evicted first, and the store never exceeds the bound', () => {
	const bound = { maxEntries: MAX_ENTRIES, maxAgeMs: MAX_AGE_MS };
	let state = /** @type {any} */ (undefined);
	for (let i = 0; i < MAX_ENTRIES; i++)
		state = checkAndRemember(state, `k${i}`, T0 + i, bound).state;
	assert.equal(state.entries.length, MAX_ENTRIES);
	assert.equal(
		checkAndRemember(state, 'k0', T0 + 2000, bound).duplicate,
		true,
		'all 1,000 remembered',
	);
	state = checkAndRemember(state, 'k1000', T0 + 2000, bound).state;
	assert.equal(state.entries.length, MAX_ENTRIES);
	assert.equal(state.entries[0][0], 'k1', 'k0 evicted');
	assert.equal(
		checkAndRemember(state, 'k0', T0 + 3000, bound).duplicate,
		false,
		'an evicted key runs again',
	);
	assert.equal(checkAndRemember(state, 'k1', T0 + 3000, bound).duplicate, true);
	assert.equal(checkAndRemember(state, 'k1000', T0 + 3000, bound).duplicate, true);
});

test('age cap: keys older than the cap are forgotten and pruned', () => {
	const bound = { maxEntries: 10, maxAgeMs: 60_000 };
	let s = checkAndRemember(undefined, 'old', T0, bound).state;
	s = checkAndRemember(s, 'newer', T0 + 30_000, bound).state;
	const atCap = checkAndRemember(s, 'old', T0 + 60_000, bound);
	assert.equal(atCap.duplicate, true, 'exactly at the cap is still remembered');
	const later = checkAndRemember(s, 'x', T0 + 60_001, bound);
	assert.equal(later.duplicate, false);
	assert.deepEqual(
		later.state.entries.map(([k]) => k),
		['newer', 'x'],
		'old pruned',
	);
	const again = checkAndRemember(s, 'old', T0 + 60_001, bound);
	assert.equal(again.duplicate, false, 'expired key runs again');
	// A duplicate check that prunes expired entries reports a change so it gets saved.
	const prunedDup = checkAndRemember(s, 'newer', T0 + 60_001, bound);
	assert.equal(prunedDup.duplicate, true);
	assert.equal(prunedDup.changed, true);
});

test('a malformed stored state is treated as empty, never thrown on', () => {
	for (const bad of [
		null,
		'x',
		42,
		{ entries: 'no' },
		{ entries: [['a'], [1, 2], ['b', 'x'], ['ok', T0]] },
	]) {
		const r = checkAndRemember(bad, 'k', T0);
		assert.equal(r.duplicate, false);
	}
	assert.deepEqual(readState({ entries: [['a'], ['ok', T0], ['nan', NaN]] }).entries, [['ok', T0]]);
});

test('a bound below one still keeps the newest key', () => {
	const r = checkAndRemember({ version: 1, entries: [['a', T0]] }, 'b', T0 + 1, {
		maxEntries: 0,
		maxAgeMs: MAX_AGE_MS,
	});
	assert.deepEqual(r.state.entries, [['b', T0 + 1]]);
});

test('rememberInProcess: check-and-record per scope, bounded by entries and age', () => {
	const { rememberInProcess, forgetInProcess } = product('dedup');
	const scope = `unit-${Math.random()}`;
	const bound = { maxEntries: 3, maxAgeMs: 1000 };
	assert.equal(rememberInProcess(scope, 'a', 0, bound), false, 'first time');
	assert.equal(rememberInProcess(scope, 'a', 10, bound), true, 'seen');
	assert.equal(rememberInProcess(`${scope}-2`, 'a', 10, bound), false, 'scopes are separate');
	assert.equal(rememberInProcess(scope, 'a', 2000, bound), false, 'aged out, recorded again');
	for (const k of ['b', 'c', 'd']) rememberInProcess(scope, k, 2001, bound);
	assert.equal(rememberInProcess(scope, 'a', 2002, bound), false, 'evicted by three newer keys');
	forgetInProcess(scope);
	assert.equal(rememberInProcess(scope, 'd', 2003, bound), false, 'forgotten');
});

test('isKnownDelivery: looks at both layers without recording, so work that fails leaves no key', () => {
	const { isKnownDelivery, rememberDelivery, forgetInProcess } = product('dedup');
	const bound = boundFor(300);
	forgetInProcess('look');
	assert.equal(isKnownDelivery('look', undefined, 'k', T0, bound), false);
	assert.equal(
		isKnownDelivery('look', undefined, 'k', T0, bound),
		false,
		'looking records nothing',
	);
	const seen = rememberDelivery('look', undefined, 'k', T0, bound);
	assert.equal(seen.duplicate, false);
	assert.equal(isKnownDelivery('look', undefined, 'k', T0 + 1, bound), true, 'in-process layer');
	forgetInProcess('look');
	const stored = JSON.parse(JSON.stringify(seen.state));
	assert.equal(isKnownDelivery('look', stored, 'k', T0 + 1, bound), true, 'static-data layer');
	assert.equal(isKnownDelivery('look', stored, 'k', T0 + MAX_AGE_MS + 1, bound), false, 'aged out');
	forgetInProcess('look');
});

test('isKnownDelivery: a key the bounded union evicts is unknown, as rememberDelivery would decide', () => {
	const { isKnownDelivery, rememberDelivery, mergeStates, forgetInProcess } = product('dedup');
	const bound = { maxEntries: 3, maxAgeMs: MAX_AGE_MS };
	forgetInProcess('evict');
	for (const [i, k] of ['m1', 'm2', 'm3'].entries())
		rememberDelivery('evict', undefined, k, T0 + 10 + i, bound);
	// Stored keys older than the three in memory: the union keeps only the newest three.
	const stored = {
		version: 1,
		entries: [
			['old', T0],
			['m2', T0 + 11],
		],
	};
	assert.equal(
		isKnownDelivery('evict', stored, 'old', T0 + 20, bound),
		false,
		'evicted by the bound',
	);
	assert.equal(isKnownDelivery('evict', stored, 'm3', T0 + 20, bound), true);
	assert.equal(isKnownDelivery('evict', stored, 'never', T0 + 20, bound), false);
	assert.deepEqual(
		mergeStates(undefined, stored, T0 + 20, bound).entries.map(([k]) => k),
		['old', 'm2'],
		'merging alone keeps it',
	);
	forgetInProcess('evict');
});

test('readState reads a store behind proxies (as n8n hands static data over) like the plain object', () => {
	/** @param {any} value @returns {any} */
	const observed = (value) =>
		value !== null && typeof value === 'object'
			? new Proxy(
					Array.isArray(value)
						? value.map(observed)
						: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, observed(v)])),
					{
						get: (target, name, receiver) => Reflect.get(target, name, receiver),
					},
				)
			: value;
	const plain = {
		version: 1,
		entries: [['a', T0], ['bad'], ['b', T0 + 1], [1, 2], ['c', Infinity]],
	};
	assert.deepEqual(readState(observed(plain)), {
		version: 1,
		entries: [
			['a', T0],
			['b', T0 + 1],
		],
	});
	assert.deepEqual(readState(observed(plain)), readState(plain));
});

test('stored compactly: 128 bits of SHA-256 per key and the first-seen time, 31 characters a record', () => {
	const { storeKey, packState, RECORD_LENGTH } = product('dedup');
	const key = 'API Deposit:20240919035020188328260000000001:success';
	const digest = require('node:crypto').createHash('sha256').update(key).digest('base64url');
	assert.equal(storeKey(key), digest.slice(0, 22));
	assert.equal(RECORD_LENGTH, 31);
	const full = Array.from({ length: MAX_ENTRIES }, (_, i) => [storeKey(`${key}${i}`), T0 + i]);
	const packed = packState(full);
	assert.equal(packed.version, 2);
	assert.equal(packed.entries.length, MAX_ENTRIES * RECORD_LENGTH, 'about 31 KB when full');
	assert.deepEqual(readState(JSON.parse(JSON.stringify(packed))).entries, full);
	// Malformed records are dropped, the rest kept; a trailing partial record is ignored.
	const [a, b] = [storeKey('a'), storeKey('b')];
	const time = T0.toString(36).padStart(9, '0');
	assert.deepEqual(
		readState({
			version: 2,
			entries: `${a}${time}${'!'.repeat(22)}${time}${b}ZZZZZZZZZ${b}${time}${a}`,
		}).entries,
		[
			[a, T0],
			[b, T0],
		],
	);
	// Only digests with safe, non-negative times are packed.
	assert.deepEqual(
		packState([
			['readable:key', T0],
			[a, -1],
			[a, NaN],
			[b, T0],
		]).entries,
		`${b}${time}`,
	);
});

test('a store saved by an earlier release (readable keys) still knows its deliveries, and is saved packed', () => {
	const { rememberDelivery, isKnownDelivery, forgetInProcess } = product('dedup');
	const bound = boundFor(300);
	const older = {
		version: 1,
		entries: [
			['API Deposit:rec-1:success', T0],
			['API Deposit:rec-2:success', T0 + 1],
		],
	};
	forgetInProcess('upgrade');
	assert.equal(isKnownDelivery('upgrade', older, 'API Deposit:rec-2:success', T0 + 5, bound), true);
	assert.equal(
		isKnownDelivery('upgrade', older, 'API Deposit:rec-3:success', T0 + 5, bound),
		false,
	);
	const again = rememberDelivery('upgrade', older, 'API Deposit:rec-1:success', T0 + 5, bound);
	assert.equal(again.duplicate, true, 'no remembered delivery runs again after an upgrade');
	assert.equal(again.changed, true, 'converted on this save');
	const saved = JSON.parse(JSON.stringify(again.state));
	assert.equal(saved.version, 2);
	assert.equal(typeof saved.entries, 'string');
	forgetInProcess('upgrade');
	assert.equal(
		rememberDelivery('upgrade', saved, 'API Deposit:rec-2:success', T0 + 6, bound).duplicate,
		true,
		'and the converted store still knows both',
	);
	const next = rememberDelivery('upgrade', saved, 'API Deposit:rec-3:success', T0 + 7, bound);
	assert.equal(next.duplicate, false);
	forgetInProcess('upgrade');
});
