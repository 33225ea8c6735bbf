// @ts-check
'use strict';

/**
 * Test helpers for the simulator tests: a signed raw-bytes client built on axios and a tiny webhook
 * receiver. Requests are signed and responses verified with the package's compiled signer (needs
 * `npm run build`) while the simulator uses its own, so every test here also checks that the two
 * independent signers agree.
 */

const http = require('http');
const { createHmac } = require('crypto');
const { before, after, beforeEach } = require('node:test');
const axios = require('axios').default;
const { sign, verify } = require('../../dev/dist').product('signer');
const { startSimulator } = require('../../simulator');

const PREFIX = '/ccpayment/v1/';
const V2_PREFIX = '/ccpayment/v2/';

/**
 * The v2 signature computed right here with node:crypto, independently of both the simulator's
 * and the package's signers: hex HMAC-SHA256(key = AppSecret, Appid + Timestamp + body).
 * @param {string} appId @param {string} appSecret @param {string|number} timestamp @param {string} [body]
 */
function signV2(appId, appSecret, timestamp, body = '') {
	return createHmac('sha256', appSecret)
		.update(`${appId}${timestamp}${body}`, 'utf8')
		.digest('hex');
}

/**
 * POST exactly `raw` (string) or JSON.stringify(body) to an endpoint, signed unless told otherwise.
 * axios' own transforms are disabled so the bytes sent are the bytes signed (axios would otherwise
 * turn an empty string into '""').
 * @param {{ url: string, merchant: { appId: string, appSecret: string } }} sim
 * @param {string} path  endpoint ("coin/all") or full path
 * @param {any} [body]   object, or a string sent as is; undefined = empty body
 * @param {{ appId?: string, appSecret?: string, timestamp?: string|number, sign?: string, headers?: Record<string,string>, omit?: string[], method?: string, timeoutMs?: number }} [options]
 */
async function call(sim, path, body, options = {}) {
	const raw = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
	const appId = options.appId ?? sim.merchant.appId;
	const secret = options.appSecret ?? sim.merchant.appSecret;
	const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
	/** @type {Record<string,string>} */
	const headers = {
		'Content-Type': 'application/json; charset=utf-8',
		Appid: appId,
		Timestamp: timestamp,
		Sign: options.sign ?? sign(appId, secret, timestamp, raw),
		...(options.headers || {}),
	};
	for (const name of options.omit || []) delete headers[name];
	const url = sim.url + (path.startsWith('/') ? path : PREFIX + path);
	const res = await axios.request({
		method: options.method || 'POST',
		url,
		data: raw,
		headers,
		transformRequest: [(d) => d],
		transformResponse: [(d) => d],
		responseType: 'text',
		validateStatus: () => true,
		timeout: options.timeoutMs ?? 10000,
	});
	const text = typeof res.data === 'string' ? res.data : String(res.data ?? '');
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	/** @type {Record<string, string>} */
	const responseHeaders = {};
	for (const [name, value] of Object.entries(res.headers || {}))
		responseHeaders[name.toLowerCase()] = String(value);
	return { status: res.status, headers: responseHeaders, text, json, raw };
}

/** A successful call's data (asserts code 10000 and a valid response signature). */
async function ok(sim, path, body, options = {}) {
	const res = await call(sim, path, body, options);
	if (!res.json || res.json.code !== 10000) {
		throw new Error(`${path} failed: HTTP ${res.status} ${res.text}`);
	}
	const appId = options.appId ?? sim.merchant.appId;
	const secret = options.appSecret ?? sim.merchant.appSecret;
	if (!verify(appId, secret, String(res.headers.timestamp), res.text, res.headers.sign)) {
		throw new Error(`${path}: response signature does not verify`);
	}
	return res.json.data;
}

/**
 * POST to a v2 method as the v2 merchant (sim.v2Merchant), signed with signV2. `body` undefined =
 * no body; a string is sent as is. Options as for call().
 * @param {{ url: string, v2Merchant: { appId: string, appSecret: string } }} sim
 * @param {string} method  "getCoinList", "all/chain", or a full path
 * @param {any} [body]
 * @param {Parameters<typeof call>[3]} [options]
 */
async function callV2(sim, method, body, options = {}) {
	const raw = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
	const appId = options.appId ?? sim.v2Merchant.appId;
	const secret = options.appSecret ?? sim.v2Merchant.appSecret;
	const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
	const path = method.startsWith('/ccpayment/') ? method : V2_PREFIX + method.replace(/^\//, '');
	return call({ url: sim.url, merchant: sim.v2Merchant }, path, raw, {
		...options,
		appId,
		appSecret: secret,
		timestamp,
		sign: options.sign ?? signV2(appId, secret, timestamp, raw),
	});
}

/** A successful v2 call's data (asserts HTTP 200 and code 10000). */
async function okV2(sim, method, body, options = {}) {
	const res = await callV2(sim, method, body, options);
	if (res.status !== 200 || !res.json || res.json.code !== 10000)
		throw new Error(`${method} failed: HTTP ${res.status} ${res.text}`);
	return res.json.data;
}

/** Control route helper. */
async function control(sim, method, path, body) {
	const res = await axios.request({
		method,
		url: sim.url + path,
		data: body === undefined ? undefined : JSON.stringify(body),
		headers: { 'Content-Type': 'application/json' },
		validateStatus: () => true,
	});
	return { status: res.status, data: res.data };
}

/**
 * A webhook receiver. `respond(n, request)` decides each answer (default 200 "success").
 * @param {(n: number, request: { headers: any, body: string, url: string }) => ({ status?: number, body?: string, delayMs?: number } | undefined)} [respond]
 */
async function startReceiver(respond) {
	/** @type {{ headers: any, body: string, url: string, time: number }[]} */
	const received = [];
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const request = {
				headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8'),
				url: req.url || '',
				time: Date.now(),
			};
			received.push(request);
			const answer = (respond && respond(received.length, request)) || {};
			const reply = () => {
				if (res.destroyed) return;
				res.writeHead(answer.status ?? 200, { 'Content-Type': 'text/plain' });
				res.end(answer.body ?? 'success');
			};
			if (answer.delayMs) setTimeout(reply, answer.delayMs);
			else reply();
		});
	});
	const sockets = new Set();
	server.on('connection', (s) => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const address = /** @type {import('net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${address.port}/webhook`,
		received,
		async close() {
			for (const s of sockets) s.destroy();
			await new Promise((resolve) => server.close(() => resolve(undefined)));
		},
	};
}

/** Unique IDs per test run. */
let counter = 0;
function uid(prefix = 'id') {
	counter += 1;
	return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

/**
 * One simulator for a test file: started before its tests, reset before each, stopped after.
 * @param {(sim: any) => void} onStart receives the running simulator
 * @param {Record<string, unknown>} [config] simulator config overrides
 */
function useSimulator(onStart, config = {}) {
	/** @type {any} */
	let sim;
	before(async () => {
		sim = await startSimulator({ port: 0, ...config });
		onStart(sim);
	});
	after(async () => {
		await sim.stop();
	});
	beforeEach(async () => {
		await sim.reset();
	});
}

module.exports = {
	call,
	ok,
	control,
	startReceiver,
	uid,
	sign,
	verify,
	useSimulator,
	PREFIX,
	V2_PREFIX,
	callV2,
	okV2,
	signV2,
};
