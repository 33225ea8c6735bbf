// @ts-check
'use strict';

/**
 * Fault injection for money-safety campaigns and a sliding-window rate limiter.
 *
 * A fault rule: { endpoint: 'withdraw' | '/ccpayment/v1/withdraw' | '*' | [..], kind, probability?,
 * count?, skip?, latency_ms?, hold_ms?, apply?, respond_late?, app_id? }.
 * - count N: inject on the next N matching requests (after the first `skip` matching requests, which
 *   pass untouched by this rule).
 * - probability p: inject with probability p, drawn from a seeded RNG (deterministic for a given
 *   request order); with count as well, count caps the number of injections.
 * - until_webhook_attempts N: the rule is spent once N webhook attempts (of its app_id, when set)
 *   have been made (answered or not) after it was added. A receiver that calls the API while handling a
 *   delivery then sees the fault on that delivery, however often it retries the call itself, and
 *   not on the webhook's next attempt: the "record briefly unavailable" case, without timing.
 */

const KINDS = {
	latency: { terminal: false, applies: true },
	http500: { terminal: true, applies: false, status: 500 },
	http502: { terminal: true, applies: false, status: 502 },
	http503: { terminal: true, applies: false, status: 503 },
	reset_before: { terminal: true, applies: false, fixed: true },
	reset_after: { terminal: true, applies: true, fixed: true },
	timeout_after: { terminal: true, applies: true, fixed: true },
	malformed_json: { terminal: true, applies: true, fixed: true },
	bad_signature: { terminal: true, applies: true, fixed: true },
	rate_limit: { terminal: true, applies: false },
	service_error: { terminal: true, applies: false },
};

/** Mulberry32: small, fast, deterministic. */
function mulberry32(seed) {
	let a = seed >>> 0;
	return function next() {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Any protocol's API prefix: rules name endpoints the way the protocol routes them. */
const API_PREFIX = /^\/ccpayment\/v\d+\//;

function normEndpoint(value) {
	const text = String(value || '*').trim();
	if (text === '*') return '*';
	return API_PREFIX.test(text) ? text.replace(API_PREFIX, '') : text.replace(/^\/+/, '');
}

class FaultInjector {
	constructor(seed = 1) {
		this.seed = seed;
		this.rules = [];
		this.clear(seed);
	}

	clear(seed = this.seed) {
		this.seed = Number(seed) || 1;
		this.random = mulberry32(this.seed);
		/** @type {any[]} */
		this.rules = [];
		this.ruleSeq = 0;
		this.counters = { total: 0, by_kind: {}, by_endpoint: {} };
	}

	/**
	 * Replace the rule list (and reseed the RNG when a seed is given).
	 * @param {any[]} list
	 * @param {number} [seed]
	 */
	set(list, seed) {
		if (!Array.isArray(list)) throw new Error('faults must be an array');
		const rules = list.map((raw, i) => this.normalise(raw, i));
		this.clear(seed === undefined ? this.seed : seed);
		this.rules = rules;
		return this.stats();
	}

	/** Add rules to the current list. */
	add(list) {
		const items = Array.isArray(list) ? list : [list];
		for (const raw of items) this.rules.push(this.normalise(raw, this.rules.length));
		return this.stats();
	}

	normalise(raw, index) {
		if (!raw || typeof raw !== 'object') throw new Error(`fault ${index}: must be an object`);
		const kind = String(raw.kind || '');
		const info = KINDS[kind];
		if (!info)
			throw new Error(`fault ${index}: kind must be one of ${Object.keys(KINDS).join(', ')}`);
		const endpoints = (Array.isArray(raw.endpoint) ? raw.endpoint : [raw.endpoint || '*']).map(
			normEndpoint,
		);
		const count = raw.count === undefined || raw.count === null ? null : Number(raw.count);
		let probability =
			raw.probability === undefined || raw.probability === null ? null : Number(raw.probability);
		if (count === null && probability === null) probability = 1;
		if (probability !== null && (!(probability >= 0) || probability > 1))
			throw new Error(`fault ${index}: probability must be within 0..1`);
		if (count !== null && (!Number.isInteger(count) || count < 0))
			throw new Error(`fault ${index}: count must be a whole number`);
		const latency = Number(raw.latency_ms ?? raw.latencyMs ?? 0);
		if (kind === 'latency' && !(latency > 0))
			throw new Error(`fault ${index}: latency needs latency_ms > 0`);
		const apply = info.fixed || raw.apply === undefined ? info.applies : !!raw.apply;
		return {
			id: ++this.ruleSeq,
			kind,
			endpoint: endpoints,
			probability,
			count,
			skip: Number(raw.skip || 0),
			latency_ms: latency,
			hold_ms: Number(raw.hold_ms ?? raw.holdMs ?? 0),
			respond_late: !!(raw.respond_late ?? raw.respondLate),
			apply,
			app_id: raw.app_id || raw.appId || null,
			seen: 0,
			injected: 0,
			...untilWebhook(raw, index),
		};
	}

	/**
	 * Decide the faults for one request. Latency faults add up; the first terminal fault wins.
	 * @param {string} endpoint  path after the protocol's prefix
	 * @param {string} [appId]
	 */
	decide(endpoint, appId) {
		let latencyMs = 0;
		let terminal = null;
		for (const rule of this.rules) {
			if (!rule.endpoint.includes('*') && !rule.endpoint.includes(endpoint)) continue;
			if (rule.app_id && rule.app_id !== appId) continue;
			const info = KINDS[rule.kind];
			rule.seen += 1;
			if (rule.seen <= rule.skip) continue;
			if (info.terminal && terminal) continue;
			if (rule.count !== null && rule.injected >= rule.count) continue;
			const hit = rule.probability === null ? true : this.random() < rule.probability;
			if (!hit) continue;
			rule.injected += 1;
			this.counters.total += 1;
			this.counters.by_kind[rule.kind] = (this.counters.by_kind[rule.kind] || 0) + 1;
			const perEndpoint = (this.counters.by_endpoint[endpoint] =
				this.counters.by_endpoint[endpoint] || {});
			perEndpoint[rule.kind] = (perEndpoint[rule.kind] || 0) + 1;
			if (info.terminal) terminal = rule;
			else latencyMs += rule.latency_ms;
		}
		return { latencyMs, terminal };
	}

	/**
	 * A webhook attempt of `appId` ended (answered or not): count it against the rules that last until then,
	 * and spend those that reached their number (count = what was injected, so decide() skips them).
	 * @param {string} appId
	 */
	webhookAttempted(appId) {
		for (const rule of this.rules) {
			if (rule.until_webhook_attempts === undefined) continue;
			if (rule.app_id && rule.app_id !== appId) continue;
			if (rule.webhook_attempts >= rule.until_webhook_attempts) continue;
			rule.webhook_attempts += 1;
			if (rule.webhook_attempts >= rule.until_webhook_attempts) rule.count = rule.injected;
		}
	}

	stats() {
		return {
			seed: this.seed,
			kinds: Object.keys(KINDS),
			faults: this.rules.map((r) => ({
				...r,
				endpoint: r.endpoint.length === 1 ? r.endpoint[0] : r.endpoint,
				remaining: r.count === null ? null : Math.max(0, r.count - r.injected),
			})),
			counters: JSON.parse(JSON.stringify(this.counters)),
		};
	}
}

/** The until_webhook_attempts fields of a rule (none when it is not given). */
function untilWebhook(raw, index) {
	const value = raw.until_webhook_attempts ?? raw.untilWebhookAttempts;
	if (value === undefined || value === null) return {};
	const n = Number(value);
	if (!Number.isInteger(n) || n < 1)
		throw new Error(`fault ${index}: until_webhook_attempts must be a whole number >= 1`);
	return { until_webhook_attempts: n, webhook_attempts: 0 };
}

/** At most `limit` accepted requests per key in any sliding window of `windowMs`. */
class RateLimiter {
	constructor() {
		/** @type {Map<string, number[]>} */
		this.hits = new Map();
	}

	reset() {
		this.hits.clear();
	}

	/**
	 * @param {string} key
	 * @param {number} limit    0 = unlimited
	 * @param {number} windowMs
	 * @param {number} [now]
	 */
	allow(key, limit, windowMs, now = Date.now()) {
		if (!limit || limit <= 0) return true;
		let list = this.hits.get(key);
		if (!list) {
			list = [];
			this.hits.set(key, list);
		}
		let drop = 0;
		while (drop < list.length && list[drop] <= now - windowMs) drop++;
		if (drop) list.splice(0, drop);
		if (list.length >= limit) return false;
		list.push(now);
		return true;
	}
}

module.exports = { FaultInjector, RateLimiter, KINDS, mulberry32 };
