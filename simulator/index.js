// @ts-check
'use strict';

/**
 * A local CCPayment v1 server for tests, demos and benchmarks. See simulator/README.md.
 *
 *   const { startSimulator } = require('./simulator');
 *   const sim = await startSimulator({ port: 0, ...configOverrides });
 *   sim.url, sim.merchant, sim.config (live), await sim.reset(), await sim.stop()
 */

const http = require('http');
const { sign, verify } = require('./v1/signer');
const { defaultConfig, mergeInto, replaceContents, validateConfig, clone, DEFAULT_MERCHANT, SECOND_MERCHANT } = require('./config');
const { Store } = require('./state');
const { HANDLERS, PREFIX, ENDPOINTS, ApiError } = require('./api');
const { WebhookEngine } = require('./webhooks');
const { Actions, ActionError } = require('./actions');
const { FaultInjector, RateLimiter } = require('./faults');
const control = require('./control');
const pages = require('./html');
const catalogue = require('./catalogue');

const BODY_LIMIT = 1024 * 1024;
const HTML_TYPE = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

/** @param {number} ms */
function delay(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function normaliseIp(address) {
	const ip = String(address || '');
	return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}

function isLoopback(ip) {
	return ip === '127.0.0.1' || ip === '::1' || ip.startsWith('127.');
}

/**
 * @typedef {object} RequestLogEntry
 * @property {number} id
 * @property {string} time
 * @property {string} method
 * @property {string} path
 * @property {Record<string, any>} headers
 * @property {string} rawBody
 * @property {string} ip
 * @property {{ status: number|null, code?: number, msg?: string } | null} response
 * @property {string|null} fault
 * @property {boolean} [rateLimited]
 * @property {boolean} [applied]
 * @property {string} [error]
 * @property {number} [injectedLatencyMs]
 */

class Simulator {
	/** @param {Record<string, any>} [options] */
	constructor(options = {}) {
		const { port = 0, webhookUrl, ...overrides } = options;
		this.requestedPort = port;
		/** Live, mutable configuration (see config.js for every key and its default). */
		this.config = defaultConfig();
		mergeInto(this.config, overrides);
		if (webhookUrl) this.config.merchants[0].webhookUrl = webhookUrl;
		validateConfig(this.config);
		this.initialConfig = clone(this.config);
		this.store = new Store(this);
		this.webhooks = new WebhookEngine(this);
		this.actions = new Actions(this);
		this.faults = new FaultInjector(this.config.faultSeed);
		this.limiter = new RateLimiter();
		/** @type {RequestLogEntry[]} */
		this.requests = [];
		this.requestSeq = 0;
		/** @type {Set<import('net').Socket>} */
		this.sockets = new Set();
		/** @type {Set<NodeJS.Timeout>} */
		this.holdTimers = new Set();
		this.url = '';
		this.port = 0;
		this.server = http.createServer((req, res) => {
			this.handle(req, res).catch((error) => {
				if (!res.headersSent && !res.destroyed) {
					res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
					res.end(`simulator error: ${error && error.message}`);
				}
			});
		});
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		this.server.keepAliveTimeout = 5000;
	}

	/** The default merchant: { appId, appSecret }. */
	get merchant() {
		const m = this.config.merchants[0];
		return { appId: m.appId, appSecret: m.appSecret };
	}

	/** Every configured merchant: [{ appId, appSecret, name }]. */
	get merchants() {
		return this.config.merchants.map((m) => ({ appId: m.appId, appSecret: m.appSecret, name: m.name || '' }));
	}

	/** The delivery log (live array). */
	get deliveries() {
		return this.webhooks.deliveries;
	}

	async start() {
		await new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(this.requestedPort, this.config.host, () => {
				this.server.off('error', reject);
				resolve(undefined);
			});
		});
		const address = /** @type {import('net').AddressInfo} */ (this.server.address());
		this.port = address.port;
		const host = this.config.host === '0.0.0.0' || this.config.host === '::' ? '127.0.0.1' : this.config.host;
		this.url = `http://${host.includes(':') ? `[${host}]` : host}:${this.port}`;
		return this;
	}

	/** Close every socket at once and cancel pending webhook retries. */
	async stop() {
		this.stopping = true;
		this.webhooks.destroy();
		for (const t of this.holdTimers) clearTimeout(t);
		this.holdTimers.clear();
		const closed = new Promise((resolve) => this.server.close(() => resolve(undefined)));
		for (const socket of this.sockets) socket.destroy();
		this.sockets.clear();
		await closed;
	}

	/**
	 * Back to the seeded state: orders, balances, addresses, logs, faults, rate-limit windows and
	 * pending webhook retries are cleared; the config returns to its start-up value unless keepConfig.
	 */
	async reset(options = {}) {
		if (!options.keepConfig) replaceContents(this.config, this.initialConfig);
		this.webhooks.reset();
		this.store.reset();
		this.faults.clear(this.config.faultSeed);
		this.limiter.reset();
		this.requests.length = 0;
		for (const t of this.holdTimers) clearTimeout(t);
		this.holdTimers.clear();
	}

	/** Merge a config patch (validated; a bad patch changes nothing). */
	configure(patch) {
		const candidate = clone(this.config);
		mergeInto(candidate, patch || {});
		validateConfig(candidate);
		replaceContents(this.config, candidate);
		return this.config;
	}

	/** Update one merchant: { webhookUrl, notificationTiming, enabledTokens, name }. */
	setMerchant(appId, patch) {
		const m = this.config.merchants.find((x) => x.appId === (appId || this.merchant.appId));
		if (!m) throw new Error(`unknown merchant ${appId}`);
		for (const key of ['webhookUrl', 'notificationTiming', 'enabledTokens', 'name']) {
			if (patch[key] !== undefined) m[key] = clone(patch[key]);
		}
		if (patch.balances) {
			for (const [coinId, value] of Object.entries(patch.balances)) this.store.merchant(m.appId).balances.set(coinId, String(value));
		}
		validateConfig(this.config);
		return m;
	}

	/** Request log entries, optionally filtered by path (full path or endpoint). */
	getRequests(filter = {}) {
		const path = filter.path ? (String(filter.path).startsWith('/') ? String(filter.path) : `${PREFIX}${filter.path}`) : '';
		return this.requests.filter((r) => !path || r.path === path);
	}

	clearRequests() {
		this.requests.length = 0;
	}

	ledger(appId) {
		return this.store.ledger(appId);
	}

	waitForDeliveries(predicate, timeoutMs) {
		return this.webhooks.waitFor(predicate, timeoutMs);
	}

	// ---------------- HTTP ----------------

	/**
	 * @param {http.IncomingMessage} req
	 * @param {http.ServerResponse} res
	 */
	async handle(req, res) {
		const url = new URL(req.url || '/', 'http://simulator.local');
		const path = url.pathname;
		const ip = normaliseIp(req.socket.remoteAddress);
		if (path === '/__sim' || path.startsWith('/__sim/')) {
			if (!this.config.controlAllowRemote && !isLoopback(ip)) {
				return this.sendJson(res, 403, { error: 'control routes answer loopback clients only (config.controlAllowRemote)' });
			}
			const raw = await this.readBody(req, res);
			if (raw === null) return undefined;
			return control.handle(this, req, res, url, raw);
		}
		if (path === '/pay') {
			const raw = await this.readBody(req, res);
			if (raw === null) return undefined;
			return pages.checkout(this, req, res, url, raw);
		}
		if (path === '/' && req.method === 'GET') {
			res.writeHead(302, { Location: '/__sim/' });
			return res.end();
		}
		return this.handleApi(req, res, path, ip);
	}

	/** @returns {Promise<Buffer|null>} null when the body was too large (already answered). */
	readBody(req, res) {
		return new Promise((resolve) => {
			const chunks = [];
			let size = 0;
			let tooLarge = false;
			req.on('data', (chunk) => {
				size += chunk.length;
				if (size > BODY_LIMIT) {
					tooLarge = true;
					return;
				}
				chunks.push(chunk);
			});
			req.on('end', () => {
				if (tooLarge) {
					res.writeHead(413, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
					res.end('request body too large');
					resolve(null);
					return;
				}
				resolve(Buffer.concat(chunks));
			});
			req.on('error', () => resolve(null));
		});
	}

	/**
	 * The API pipeline: log, latency, rate limit, faults, auth, handler, signed response.
	 * @param {http.IncomingMessage} req
	 * @param {http.ServerResponse} res
	 * @param {string} path
	 * @param {string} ip
	 */
	async handleApi(req, res, path, ip) {
		const raw = await this.readBody(req, res);
		if (raw === null) return;
		/** @type {RequestLogEntry} */
		const entry = {
			id: ++this.requestSeq,
			time: new Date().toISOString(),
			method: req.method || '',
			path,
			headers: { ...req.headers },
			rawBody: raw.toString('utf8'),
			ip,
			response: null,
			fault: null,
		};
		this.requests.push(entry);
		const limit = this.config.requestLogLimit || 10000;
		if (this.requests.length > limit) this.requests.splice(0, this.requests.length - limit);
		res.setHeader('X-Sim-Request-Id', String(entry.id));

		const endpoint = path.startsWith(PREFIX) ? path.slice(PREFIX.length) : '';
		if (!endpoint || !HANDLERS[endpoint]) {
			entry.response = { status: 404 };
			res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
			return void res.end('404 page not found');
		}
		if (req.method !== 'POST') {
			entry.response = { status: 405 };
			res.writeHead(405, { 'Content-Type': 'text/plain; charset=utf-8', Allow: 'POST' });
			return void res.end('405 method not allowed');
		}

		if (this.config.latencyMs > 0) await delay(this.config.latencyMs);
		if (this.stopping) return;
		const headerAppId = String(req.headers.appid || '');
		const merchant = this.store.merchantConfig(headerAppId);

		if (!this.limiter.allow(ip, this.config.rateLimit.perSecond, this.config.rateLimit.windowMs || 1000)) {
			entry.rateLimited = true;
			entry.applied = false;
			return this.send(res, entry, this.errorResponse('rateLimited', `at most ${this.config.rateLimit.perSecond} requests per second per IP`, merchant));
		}

		const decision = this.faults.decide(endpoint, headerAppId);
		if (decision.latencyMs > 0) {
			entry.injectedLatencyMs = decision.latencyMs;
			await delay(decision.latencyMs);
		}
		if (this.stopping) return;
		const fault = decision.terminal;
		if (fault) entry.fault = fault.kind;

		if (fault && !fault.apply) {
			entry.applied = false;
			return this.injectBefore(res, entry, fault, merchant);
		}
		const result = this.process(endpoint, req.headers, raw, entry);
		if (fault) return this.injectAfter(req, res, entry, fault, result);
		return this.send(res, entry, result);
	}

	/**
	 * Authenticate, parse, run the handler. Never throws.
	 * @returns {{ status: number, body: string, headers: Record<string,string>, code: number, msg: string }}
	 */
	process(endpoint, headers, raw, entry) {
		const appId = headers.appid === undefined ? '' : String(headers.appid);
		const timestamp = headers.timestamp === undefined ? '' : String(headers.timestamp);
		const signature = headers.sign === undefined ? '' : String(headers.sign);
		if (!appId) return this.errorResponse('unknownAppId', 'missing Appid header');
		if (!timestamp) return this.errorResponse('timestampExpired', 'missing Timestamp header');
		if (!signature) return this.errorResponse('badSignature', 'missing Sign header');
		const merchant = this.store.merchantConfig(appId);
		if (!merchant) return this.errorResponse('unknownAppId', `appid ${appId.slice(0, 64)} is not registered`);
		if (!/^\d{1,12}$/.test(timestamp.trim())) return this.errorResponse('timestampExpired', 'Timestamp must be Unix seconds', merchant);
		const tolerance = this.config.timestampToleranceSeconds;
		if (tolerance > 0 && Math.abs(Math.floor(Date.now() / 1000) - Number(timestamp.trim())) > tolerance) {
			return this.errorResponse('timestampExpired', `Timestamp is more than ${tolerance} s away from server time`, merchant);
		}
		if (!verify(appId, merchant.appSecret, timestamp, raw, signature)) {
			return this.errorResponse('badSignature', 'Sign does not match Appid + secret + Timestamp + body', merchant);
		}
		const text = raw.toString('utf8');
		let body = {};
		if (text.trim() !== '') {
			try {
				body = JSON.parse(text);
			} catch {
				return this.errorResponse('invalidParams', 'body is not valid JSON', merchant);
			}
			if (!body || typeof body !== 'object' || Array.isArray(body)) return this.errorResponse('invalidParams', 'body must be a JSON object', merchant);
		}
		try {
			const data = HANDLERS[endpoint]({ sim: this, store: this.store, config: this.config, appId, merchant, body });
			if (entry) entry.applied = true;
			return this.successResponse(data, merchant);
		} catch (error) {
			if (error instanceof ApiError) return this.errorResponse(error.kind, error.detail, merchant);
			if (entry) entry.error = String(error && error.stack ? error.stack : error);
			return this.errorResponse('serviceError', undefined, merchant);
		}
	}

	signHeaders(body, merchant) {
		const ts = String(Math.floor(Date.now() / 1000) + (Number(this.config.responseTimestampOffsetSeconds) || 0));
		return { Appid: merchant.appId, Timestamp: ts, Sign: sign(merchant.appId, merchant.appSecret, ts, body) };
	}

	successResponse(data, merchant) {
		const body = JSON.stringify({ code: 10000, msg: 'success', data });
		return { status: 200, body, headers: { 'Content-Type': JSON_TYPE, ...this.signHeaders(body, merchant) }, code: 10000, msg: 'success' };
	}

	/**
	 * @param {string} kind     key of config.errorCodes
	 * @param {string} [detail]
	 * @param {any} [merchant]  signs the error response when known (config.signErrorResponses)
	 */
	errorResponse(kind, detail, merchant) {
		const spec = this.config.errorCodes[kind] || this.config.errorCodes.serviceError;
		const documented = spec.code === 224066 || spec.code === 224083;
		const msg = detail && !documented ? `${spec.msg}: ${detail}` : spec.msg;
		/** @type {Record<string, any>} */
		const envelope = { code: spec.code, msg };
		if (spec.reason) envelope.reason = spec.reason;
		const body = JSON.stringify(envelope);
		/** @type {Record<string,string>} */
		let headers = { 'Content-Type': JSON_TYPE };
		if (merchant && this.config.signErrorResponses) headers = { ...headers, ...this.signHeaders(body, merchant) };
		return { status: 200, body, headers, code: spec.code, msg };
	}

	send(res, entry, result) {
		entry.response = { status: result.status, code: result.code, msg: result.msg };
		if (res.destroyed) return;
		res.writeHead(result.status, { ...result.headers, 'Content-Length': String(Buffer.byteLength(result.body)) });
		res.end(result.body);
	}

	sendJson(res, status, value) {
		const body = JSON.stringify(value);
		res.writeHead(status, { 'Content-Type': JSON_TYPE, 'Content-Length': String(Buffer.byteLength(body)), 'Cache-Control': 'no-store' });
		res.end(body);
	}

	sendHtml(res, status, html) {
		res.writeHead(status, { 'Content-Type': HTML_TYPE, 'Content-Length': String(Buffer.byteLength(html)), 'Cache-Control': 'no-store' });
		res.end(html);
	}

	/** Faults that stop the request before the server applies it. */
	injectBefore(res, entry, fault, merchant) {
		switch (fault.kind) {
			case 'reset_before':
				entry.response = { status: null };
				res.socket && res.socket.destroy();
				return;
			case 'rate_limit':
				return this.send(res, entry, this.errorResponse('rateLimited', `at most ${this.config.rateLimit.perSecond} requests per second per IP`, merchant));
			case 'service_error':
				return this.send(res, entry, this.errorResponse('serviceError', undefined, merchant));
			default:
				return this.sendHttpError(res, entry, fault);
		}
	}

	sendHttpError(res, entry, fault) {
		const status = { http500: 500, http502: 502, http503: 503 }[fault.kind] || 500;
		const text = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable' }[status];
		const body = `<html><head><title>${status} ${text}</title></head><body><center><h1>${status} ${text}</h1></center></body></html>`;
		entry.response = { status };
		res.writeHead(status, { 'Content-Type': 'text/html', 'Content-Length': String(Buffer.byteLength(body)) });
		res.end(body);
	}

	/** Faults that happen after the request was applied (the state change is real). */
	injectAfter(req, res, entry, fault, result) {
		switch (fault.kind) {
			case 'reset_after':
				entry.response = { status: null, code: result.code, msg: result.msg };
				res.socket && res.socket.destroy();
				return;
			case 'timeout_after': {
				entry.response = { status: null, code: result.code, msg: result.msg };
				if (fault.hold_ms > 0) {
					const timer = setTimeout(() => {
						this.holdTimers.delete(timer);
						if (fault.respond_late && !res.destroyed) this.send(res, entry, result);
						else if (res.socket) res.socket.destroy();
					}, fault.hold_ms);
					this.holdTimers.add(timer);
				}
				// Otherwise hold until the client gives up (or stop()).
				return;
			}
			case 'malformed_json': {
				const cut = result.body.slice(0, Math.max(1, Math.floor(result.body.length / 2)));
				const merchant = this.store.merchantConfig(String(req.headers.appid || ''));
				const headers = { 'Content-Type': JSON_TYPE, ...(merchant ? this.signHeaders(cut, merchant) : {}) };
				return this.send(res, entry, { ...result, body: cut, headers });
			}
			case 'bad_signature': {
				const headers = { ...result.headers };
				const merchant = this.store.merchantConfig(String(req.headers.appid || ''));
				const ts = headers.Timestamp || String(Math.floor(Date.now() / 1000));
				headers.Appid = headers.Appid || (merchant ? merchant.appId : '');
				headers.Timestamp = ts;
				headers.Sign = sign(headers.Appid, 'not-the-app-secret', ts, result.body);
				return this.send(res, entry, { ...result, headers });
			}
			case 'rate_limit':
			case 'service_error': {
				const merchant = this.store.merchantConfig(String(req.headers.appid || ''));
				const kind = fault.kind === 'rate_limit' ? 'rateLimited' : 'serviceError';
				return this.send(res, entry, this.errorResponse(kind, kind === 'rateLimited' ? 'injected' : undefined, merchant));
			}
			default:
				return this.sendHttpError(res, entry, fault);
		}
	}
}

/**
 * Start a simulator. Options are config overrides (see config.js) plus `port` (default 0 = any free
 * port) and `webhookUrl` (dashboard webhook URL of the default merchant).
 * @param {Record<string, any>} [options]
 * @returns {Promise<Simulator>}
 */
async function startSimulator(options = {}) {
	const sim = new Simulator(options);
	await sim.start();
	return sim;
}

module.exports = {
	startSimulator,
	Simulator,
	ENDPOINTS,
	PREFIX,
	DEFAULT_MERCHANT,
	SECOND_MERCHANT,
	TOKENS: catalogue.TOKENS,
	COIN: catalogue.COIN,
	ActionError,
};
