// @ts-check
'use strict';

/**
 * The simulator's HTTP server and lifecycle. Protocol-neutral: it owns the config, the ledger, the
 * request log, webhook delivery, faults and the rate limiter, serves the control routes and the
 * hosted checkout page, and hands every API request to the protocol module whose prefix matches
 * the path (see "Adding a protocol version" in README.md).
 */

const http = require('http');
const {
	defaultConfig,
	mergeInto,
	replaceContents,
	validateConfig,
	clone,
} = require('./shared/config');
const { Store } = require('./shared/state');
const { WebhookEngine } = require('./shared/webhooks');
const { Actions } = require('./shared/actions');
const { FaultInjector, RateLimiter } = require('./shared/faults');
const { readBody, sendJson, sendHtml, normaliseIp, isLoopback } = require('./shared/http');
const control = require('./shared/control');
const pages = require('./shared/html');
const { handleApi } = require('./shared/api-pipeline');
const v1 = require('./v1');
const v2 = require('./v2');
const { V2Actions } = require('./v2/actions');

/**
 * What a protocol version supplies. The server routes, logs, delays, rate-limits and injects
 * socket-level faults; the protocol authenticates, runs endpoints and shapes every answer.
 * @typedef {import('./v1/pipeline').ApiResult} ApiResult
 * @typedef {object} Protocol
 * @property {string} name                        e.g. 'v1'
 * @property {string} prefix                      path prefix with both slashes, e.g. '/ccpayment/v1/'
 * @property {readonly string[]} endpoints        paths after the prefix; anything else answers 404
 * @property {(headers: import('http').IncomingHttpHeaders) => string} appIdOf  caller's App ID ('' if none)
 * @property {(sim: Simulator, endpoint: string, headers: import('http').IncomingHttpHeaders, raw: Buffer, entry: RequestLogEntry) => ApiResult} process
 *   authenticate, parse and run one request; never throws; sets entry.applied when state changed
 * @property {(sim: Simulator, kind: 'rateLimited'|'serviceError', detail: string|undefined, merchant: any) => ApiResult} refuse
 *   the protocol's answer for a rate limit or a service error decided outside the endpoint
 * @property {(sim: Simulator, kind: 'malformed_json'|'bad_signature', result: ApiResult, merchant: any) => ApiResult} corrupt
 *   a real answer damaged by an injected fault
 * @property {{ sign: (appId: string, appSecret: string, timestamp: string|number, body?: string|Uint8Array) => string, verify: (...args: unknown[]) => boolean }} signer
 *   also signs the webhooks of merchants that speak this protocol
 * @property {Record<string, (...args: any[]) => Record<string, any>>} [notifications]  webhook bodies
 * @property {ProtocolPages} [pages]  the console's section for this protocol's merchants
 * @property {{ GET: Record<string, Function>, POST: Record<string, Function> }} [controlRoutes]
 *   extra /__sim/ routes of this protocol
 * @property {(sim: Simulator, status: number|null, body: string) => boolean} [isAck]
 *   whether a webhook answer acknowledges delivery (default: config.webhook.ackMode)
 */

/**
 * @typedef {{ esc: (v: unknown) => string, button: (label: string, path: string, body: unknown) => string }} PageHelpers
 * @typedef {object} ProtocolPages
 * @property {(sim: Simulator, appId: string, h: PageHelpers) => string} merchantSection
 * @property {(sim: Simulator, h: PageHelpers) => string} summarySection  once, below the merchants
 * @property {(sim: Simulator, req: http.IncomingMessage, res: http.ServerResponse, form: URLSearchParams, h: PageHelpers, style: string) => boolean} [checkout]
 *   the protocol's hosted page behind /pay (true when it answered)
 */

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

const MERCHANT_KEYS = [
	'webhookUrl',
	'notificationTiming',
	'enabledTokens',
	'name',
	'ipWhitelist',
	'websiteVerified',
	'withdrawApproval',
];

class Simulator {
	/** @param {Record<string, any>} [options] */
	constructor(options = {}) {
		const { port = 0, webhookUrl, ...overrides } = options;
		this.requestedPort = port;
		/** Live, mutable configuration (see shared/config.js for every key and its default). */
		this.config = defaultConfig();
		mergeInto(this.config, overrides);
		if (webhookUrl) this.config.merchants[0].webhookUrl = webhookUrl;
		validateConfig(this.config);
		this.initialConfig = clone(this.config);
		/** @type {Protocol[]} API protocols, matched by path prefix. */
		this.protocols = [v1, v2];
		/** The protocol whose bodies and signature merchant webhooks use. */
		this.webhookProtocol = v1;
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
		/** @type {V2Actions|undefined} */
		this._v2Actions = undefined;
		this.url = '';
		this.port = 0;
		this.stopping = false;
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

	/** The first v2 merchant: { appId, appSecret } (undefined when none is configured). */
	get v2Merchant() {
		const m = this.config.merchants.find((x) => x.protocol === 'v2');
		return m ? { appId: m.appId, appSecret: m.appSecret } : undefined;
	}

	/** Every configured merchant: [{ appId, appSecret, name }]. */
	get merchants() {
		return this.config.merchants.map((m) => ({
			appId: m.appId,
			appSecret: m.appSecret,
			name: m.name || '',
		}));
	}

	/** The protocol module a merchant speaks (v1 for unknown App IDs). @param {string} appId */
	protocolOf(appId) {
		const m = this.store.merchantConfig(appId);
		const name = (m && m.protocol) || 'v1';
		return this.protocols.find((p) => p.name === name) || v1;
	}

	/** v2 actions (orders paid, deposits, withdrawals finished, ...), as the /__sim/v2/ routes run them. */
	get v2Actions() {
		if (!this._v2Actions) this._v2Actions = new V2Actions(this);
		return this._v2Actions;
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
		const host =
			this.config.host === '0.0.0.0' || this.config.host === '::' ? '127.0.0.1' : this.config.host;
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

	/**
	 * Update one merchant: { webhookUrl, notificationTiming, enabledTokens, name, balances } and,
	 * for v2 merchants, { ipWhitelist, websiteVerified, withdrawApproval }.
	 */
	setMerchant(appId, patch) {
		const m = this.config.merchants.find((x) => x.appId === (appId || this.merchant.appId));
		if (!m) throw new Error(`unknown merchant ${appId}`);
		for (const key of MERCHANT_KEYS) {
			if (patch[key] !== undefined) m[key] = clone(patch[key]);
		}
		if (patch.balances) {
			for (const [coinId, value] of Object.entries(patch.balances))
				this.store.merchant(m.appId).balances.set(coinId, String(value));
		}
		validateConfig(this.config);
		return m;
	}

	/** Request log entries, optionally filtered by path (full path, or a v1 endpoint name). */
	getRequests(filter = {}) {
		const given = filter.path ? String(filter.path) : '';
		const path = given && !given.startsWith('/') ? `${this.protocols[0].prefix}${given}` : given;
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

	/**
	 * Route one HTTP request: control routes, the hosted checkout page, or an API protocol.
	 * @param {http.IncomingMessage} req
	 * @param {http.ServerResponse} res
	 */
	async handle(req, res) {
		const url = new URL(req.url || '/', 'http://simulator.local');
		const path = url.pathname;
		const ip = normaliseIp(req.socket.remoteAddress);
		if (path === '/__sim' || path.startsWith('/__sim/')) {
			if (!this.config.controlAllowRemote && !isLoopback(ip)) {
				return this.sendJson(res, 403, {
					error: 'control routes answer loopback clients only (config.controlAllowRemote)',
				});
			}
			const raw = await readBody(req, res);
			if (raw === null) return undefined;
			return control.handle(this, req, res, url, raw);
		}
		if (path === '/pay') {
			const raw = await readBody(req, res);
			if (raw === null) return undefined;
			return pages.checkout(this, req, res, url, raw);
		}
		if (path === '/' && req.method === 'GET') {
			res.writeHead(302, { Location: '/__sim/' });
			return res.end();
		}
		const protocol = this.protocols.find((p) => path.startsWith(p.prefix));
		return handleApi(this, protocol, req, res, path, ip);
	}

	/** @param {http.ServerResponse} res @param {number} status @param {unknown} value */
	sendJson(res, status, value) {
		sendJson(res, status, value);
	}

	/** @param {http.ServerResponse} res @param {number} status @param {string} html */
	sendHtml(res, status, html) {
		sendHtml(res, status, html);
	}
}

/**
 * Start a simulator. Options are config overrides (see shared/config.js) plus `port` (default 0 =
 * any free port) and `webhookUrl` (dashboard webhook URL of the default merchant).
 * @param {Record<string, any>} [options]
 * @returns {Promise<Simulator>}
 */
async function startSimulator(options = {}) {
	const sim = new Simulator(options);
	await sim.start();
	return sim;
}

module.exports = { Simulator, startSimulator };
