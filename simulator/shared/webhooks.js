// @ts-check
'use strict';

/**
 * Webhook delivery: signs each notification with its merchant's protocol signer (v1 or v2), POSTs
 * it, decides whether it was acknowledged (HTTP 200 + body "success"), retries (1 + 6 attempts,
 * gaps 30 s, 1 m, 2 m, 4 m, 8 m, 16 m times config.webhook.speedFactor: v2's documented schedule of
 * 30 s, 1 min 30 s, 3 min 30 s, 7 min 30 s, 15 min 30 s, 31 min 30 s after the first attempt; v1's
 * is a guess), and keeps a delivery log.
 */

const http = require('http');
const https = require('https');
const { EventEmitter } = require('events');

const TAMPER_MODES = ['pretty', 'body', 'signature', 'stale', 'future', 'appid', 'unsigned'];
const RESPONSE_LIMIT = 64 * 1024;

/**
 * @typedef {object} WebhookEvent   one notification (a record in one pay_status)
 * @property {string} id
 * @property {string} app_id
 * @property {string} type           order_type
 * @property {string} pay_status
 * @property {string} record_id
 * @property {number} created        unix seconds
 * @property {string} body           the exact compact JSON sent
 * @property {string} notify_url     per-order/per-address URL ('' = dashboard URL)
 * @property {string} [timestamp]    fixed Timestamp header (raw sends only)
 * @property {boolean} [no_retry]    one attempt only (e.g. a dashboard handshake)
 *
 * @typedef {object} Attempt
 * @property {number} n
 * @property {string} time
 * @property {string} timestamp
 * @property {number|null} status
 * @property {string} response_body
 * @property {boolean} acked
 * @property {string|null} error
 * @property {number} duration_ms
 *
 * @typedef {object} Delivery
 * @property {string} id
 * @property {string} event_id
 * @property {string} app_id
 * @property {string} type
 * @property {string} pay_status
 * @property {string} record_id
 * @property {string} url
 * @property {string} body
 * @property {boolean} resend
 * @property {string|null} tamper
 * @property {'pending'|'retrying'|'acked'|'failed'|'cancelled'|'no_url'} state
 * @property {boolean} acked
 * @property {Attempt[]} attempts
 * @property {string} created
 * @property {string|null} next_attempt_at
 */

function isAck(status, body, mode) {
	if (status !== 200) return false;
	const text = String(body || '').trim();
	return mode === 'strict' ? text === 'success' : text.toLowerCase() === 'success';
}

class WebhookEngine {
	constructor(sim) {
		this.sim = sim;
		this.emitter = new EventEmitter();
		this.emitter.setMaxListeners(0);
		this.agentHttp = new http.Agent({ keepAlive: false });
		this.agentHttps = new https.Agent({ keepAlive: false });
		this.clear();
	}

	get config() {
		return this.sim.config.webhook;
	}

	clear() {
		/** @type {WebhookEvent[]} */
		this.events = [];
		/** @type {Delivery[]} */
		this.deliveries = [];
		this.eventSeq = 0;
		this.deliverySeq = 0;
		/** @type {Set<NodeJS.Timeout>} */
		this.timers = new Set();
		/** @type {Set<http.ClientRequest>} */
		this.inflight = new Set();
		/** @type {Map<string, Promise<void>>} serialises first attempts per record */
		this.chains = new Map();
		this.generation = (this.generation || 0) + 1;
		this.stopped = false;
	}

	/** Cancel every pending retry and in-flight request. */
	stop() {
		this.stopped = true;
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		for (const req of this.inflight) req.destroy();
		this.inflight.clear();
		for (const d of this.deliveries) {
			if (d.state === 'pending' || d.state === 'retrying') {
				d.state = 'cancelled';
				d.next_attempt_at = null;
			}
		}
		this.emitter.emit('update');
	}

	reset() {
		this.stop();
		this.clear();
		this.emitter.emit('update');
	}

	destroy() {
		this.stop();
		this.agentHttp.destroy();
		this.agentHttps.destroy();
	}

	/**
	 * Record a notification and deliver it.
	 * @param {{ appId: string, payload: Record<string, any>, notifyUrl?: string, tamper?: string, url?: string, body?: string, timestamp?: string, noRetry?: boolean }} spec
	 */
	emit(spec) {
		const body = spec.body !== undefined ? spec.body : JSON.stringify(spec.payload);
		const payload = spec.payload || {};
		// v1 bodies name their type, status and record at the top; v2 bodies are {type, msg:{...}}.
		const msg = payload.msg && typeof payload.msg === 'object' ? payload.msg : {};
		/** @type {WebhookEvent} */
		const event = {
			id: `evt_${++this.eventSeq}`,
			app_id: spec.appId,
			type: String(payload.order_type || payload.type || ''),
			pay_status: String(payload.pay_status || msg.status || ''),
			record_id: String(payload.record_id || msg.recordId || ''),
			created: Math.floor(Date.now() / 1000),
			body,
			notify_url: spec.notifyUrl || '',
		};
		if (spec.timestamp) event.timestamp = String(spec.timestamp);
		if (spec.noRetry) event.no_retry = true;
		this.events.push(event);
		const delivery = this.deliver(event, { tamper: spec.tamper, url: spec.url });
		return { event, delivery };
	}

	resolveUrl(event, override) {
		if (override) return override;
		if (event.notify_url) return event.notify_url;
		const merchant = this.sim.store.merchantConfig(event.app_id);
		return (merchant && merchant.webhookUrl) || '';
	}

	/**
	 * Start a delivery of an event (first attempt now, serialised behind earlier notifications of the
	 * same record so pending -> processing -> success arrive in order).
	 * @param {WebhookEvent} event
	 * @param {{ resend?: boolean, tamper?: string, url?: string }} [options]
	 */
	deliver(event, options = {}) {
		const tamper = options.tamper || null;
		if (tamper && !TAMPER_MODES.includes(tamper))
			throw new Error(`tamper must be one of ${TAMPER_MODES.join(', ')}`);
		const url = this.resolveUrl(event, options.url);
		/** @type {Delivery} */
		const delivery = {
			id: `dlv_${++this.deliverySeq}`,
			event_id: event.id,
			app_id: event.app_id,
			type: event.type,
			pay_status: event.pay_status,
			record_id: event.record_id,
			url,
			body: event.body,
			resend: !!options.resend,
			tamper,
			state: url ? 'pending' : 'no_url',
			acked: false,
			attempts: [],
			created: new Date().toISOString(),
			next_attempt_at: url ? new Date().toISOString() : null,
		};
		this.deliveries.push(delivery);
		const limit = this.config.deliveryLogLimit || 5000;
		if (this.deliveries.length > limit) this.deliveries.splice(0, this.deliveries.length - limit);
		this.emitter.emit('update');
		if (!url || this.stopped) {
			if (this.stopped && url) delivery.state = 'cancelled';
			return delivery;
		}
		const key = `${event.app_id}:${event.record_id || event.id}`;
		const previous = this.chains.get(key) || Promise.resolve();
		const generation = this.generation;
		const next = previous.then(() =>
			generation === this.generation ? this.attempt(delivery, event) : undefined,
		);
		const settled = next.catch(() => undefined);
		this.chains.set(key, settled);
		settled.then(() => {
			if (this.chains.get(key) === settled) this.chains.delete(key);
		});
		return delivery;
	}

	/**
	 * @param {Delivery} delivery
	 * @param {WebhookEvent} event
	 */
	async attempt(delivery, event) {
		if (this.stopped || delivery.state === 'cancelled') return;
		const n = delivery.attempts.length + 1;
		const merchant = this.sim.store.merchantConfig(delivery.app_id);
		const appId = delivery.app_id;
		const secret = merchant ? merchant.appSecret : '';
		let timestamp = event.timestamp || String(Math.floor(Date.now() / 1000));
		if (!event.timestamp && !this.config.freshTimestampOnRetry && delivery.attempts.length)
			timestamp = delivery.attempts[0].timestamp;
		const { body, headers } = this.build(delivery, appId, secret, timestamp);
		const started = Date.now();
		const result = await this.post(delivery.url, body, headers);
		// Faults meant to last for this attempt only end before any retry is scheduled.
		if (this.sim.faults) this.sim.faults.webhookAttempted(appId);
		if (this.stopped || /** @type {string} */ (delivery.state) === 'cancelled') return;
		const acked = this.sim.protocolOf(appId).isAck
			? this.sim.protocolOf(appId).isAck(this.sim, result.status, result.body, delivery)
			: isAck(result.status, result.body, this.config.ackMode);
		delivery.attempts.push({
			n,
			time: new Date(started).toISOString(),
			timestamp: headers.Timestamp || timestamp,
			status: result.status,
			response_body: result.body,
			acked,
			error: result.error,
			duration_ms: Date.now() - started,
		});
		const gaps =
			Array.isArray(this.config.retryGapsSeconds) && !event.no_retry
				? this.config.retryGapsSeconds
				: [];
		if (acked) {
			delivery.state = 'acked';
			delivery.acked = true;
			delivery.next_attempt_at = null;
		} else if (n <= gaps.length) {
			delivery.state = 'retrying';
			const wait = Math.max(0, Number(gaps[n - 1]) * 1000 * Number(this.config.speedFactor));
			delivery.next_attempt_at = new Date(Date.now() + wait).toISOString();
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				this.attempt(delivery, event).catch(() => undefined);
			}, wait);
			timer.unref();
			this.timers.add(timer);
		} else {
			delivery.state = 'failed';
			delivery.next_attempt_at = null;
		}
		this.emitter.emit('update');
	}

	/** Body and headers for one attempt, with the negative-test tampering applied. */
	build(delivery, appId, secret, timestamp) {
		const compact = delivery.body;
		let body = compact;
		let ts = timestamp;
		let headerAppId = appId;
		let signature;
		switch (delivery.tamper) {
			case 'pretty':
				body = JSON.stringify(JSON.parse(compact), null, 2);
				break;
			case 'body': {
				const obj = JSON.parse(compact);
				if (obj.msg && typeof obj.msg === 'object') obj.msg.recordId = `${obj.msg.recordId || ''}9`;
				else obj.record_id = `${obj.record_id || ''}9`;
				body = JSON.stringify(obj);
				break;
			}
			case 'stale':
				ts = String(Number(timestamp) - 600);
				break;
			case 'future':
				ts = String(Number(timestamp) + 600);
				break;
			case 'appid':
				headerAppId =
					appId === '202401010000000000000000000000009'
						? '202401010000000000000000000000008'
						: '202401010000000000000000000000009';
				break;
			default:
				break;
		}
		// Each merchant's webhooks are signed the way its API version signs.
		const { sign } = this.sim.protocolOf(appId).signer;
		// Signed over the compact body (so 'pretty' and 'body' no longer verify).
		signature = sign(appId, secret, ts, compact);
		if (delivery.tamper === 'signature') signature = sign(appId, `${secret}-wrong`, ts, compact);
		/** @type {Record<string, string>} */
		const headers = {
			'Content-Type': this.config.contentType || 'application/json; charset=utf-8',
			'User-Agent': 'ccpayment-simulator',
			Appid: headerAppId,
			Timestamp: ts,
		};
		if (delivery.tamper !== 'unsigned') headers.Sign = signature;
		return { body, headers };
	}

	/**
	 * @param {string} url
	 * @param {string} body
	 * @param {Record<string, string>} headers
	 * @returns {Promise<{ status: number|null, body: string, error: string|null }>}
	 */
	post(url, body, headers) {
		return new Promise((resolve) => {
			let target;
			try {
				target = new URL(url);
			} catch {
				resolve({ status: null, body: '', error: 'invalid URL' });
				return;
			}
			const lib = target.protocol === 'https:' ? https : http;
			const bytes = Buffer.from(body, 'utf8');
			let done = false;
			const finish = (result) => {
				if (done) return;
				done = true;
				this.inflight.delete(req);
				resolve(result);
			};
			const req = lib.request(
				target,
				{
					method: 'POST',
					headers: { ...headers, 'Content-Length': String(bytes.length) },
					agent: target.protocol === 'https:' ? this.agentHttps : this.agentHttp,
				},
				(res) => {
					const chunks = [];
					let size = 0;
					res.on('data', (c) => {
						if (size < RESPONSE_LIMIT) chunks.push(c);
						size += c.length;
					});
					res.on('end', () =>
						finish({
							status: res.statusCode || null,
							body: Buffer.concat(chunks).toString('utf8').slice(0, RESPONSE_LIMIT),
							error: null,
						}),
					);
					res.on('error', (e) =>
						finish({ status: res.statusCode || null, body: '', error: e.message }),
					);
				},
			);
			req.setTimeout(Math.max(1, Number(this.config.attemptTimeoutMs) || 10000), () => {
				req.destroy(new Error('timeout'));
			});
			req.on('error', (e) =>
				finish({ status: null, body: '', error: /** @type {any} */ (e).code || e.message }),
			);
			this.inflight.add(req);
			req.end(bytes);
		});
	}

	isAcked(event) {
		return this.deliveries.some((d) => d.event_id === event.id && d.acked);
	}

	/** Final-state ("confirmed") notifications: success, or failed for withdrawals and refunds. */
	isConfirmed(event) {
		const status = event.pay_status.toLowerCase();
		const withdrawal = ['API Withdrawal', 'Refund', 'ApiWithdrawal', 'UserWithdrawal'];
		return (
			status === 'success' ||
			((status === 'failed' || status === 'rejected') && withdrawal.includes(event.type))
		);
	}

	/**
	 * Re-deliver confirmed notifications in a window. Used by webhook/resend and the control route.
	 * @param {{ appId: string, start: number, end: number, result: string, type: string, recordId?: string, eventId?: string }} filter
	 */
	resendMatching(filter) {
		const matches = this.events.filter((e) => {
			if (e.app_id !== filter.appId) return false;
			if (filter.eventId) return e.id === filter.eventId;
			if (filter.recordId && e.record_id !== filter.recordId) return false;
			if (!this.isConfirmed(e)) return false;
			if (e.created < filter.start || e.created > filter.end) return false;
			if (filter.type && filter.type !== 'All Type' && e.type !== filter.type) return false;
			if (filter.result !== 'All Result' && this.isAcked(e)) return false;
			return true;
		});
		for (const e of matches) this.deliver(e, { resend: true });
		return matches.length;
	}

	/** Resolve once predicate(deliveries) is true (or reject after timeoutMs). */
	waitFor(predicate, timeoutMs = 10000) {
		return new Promise((resolve, reject) => {
			const check = () => {
				let ok = false;
				try {
					ok = !!predicate(this.deliveries);
				} catch (e) {
					cleanup();
					reject(e);
					return;
				}
				if (ok) {
					cleanup();
					resolve(this.deliveries);
				}
			};
			const timer = setTimeout(() => {
				cleanup();
				reject(
					new Error(`webhook deliveries did not reach the expected state within ${timeoutMs} ms`),
				);
			}, timeoutMs);
			const cleanup = () => {
				clearTimeout(timer);
				this.emitter.off('update', check);
			};
			this.emitter.on('update', check);
			check();
		});
	}

	/** True when no delivery is pending or waiting for a retry. */
	idle() {
		return this.deliveries.every((d) => d.state !== 'pending' && d.state !== 'retrying');
	}
}

module.exports = { WebhookEngine, isAck, TAMPER_MODES };
