// @ts-check
'use strict';
/** Minimal HTTP client (Node built-ins) that sends exact bytes and keeps a cookie jar per instance. */
const http = require('http');
const net = require('net');

/**
 * @typedef {{ status: number, headers: import('http').IncomingHttpHeaders, text: string, json: any }} Resp
 */

/**
 * @param {string} method
 * @param {string} url
 * @param {{ headers?: Record<string, string>, body?: string | Buffer | object, timeoutMs?: number }} [opts]
 * @returns {Promise<Resp>}
 */
function request(method, url, opts = {}) {
	const { headers = {}, timeoutMs = 30000 } = opts;
	/** @type {Buffer | undefined} */
	let payload;
	const h = { ...headers };
	if (opts.body !== undefined) {
		if (Buffer.isBuffer(opts.body)) payload = opts.body;
		else if (typeof opts.body === 'string') payload = Buffer.from(opts.body, 'utf8');
		else {
			payload = Buffer.from(JSON.stringify(opts.body), 'utf8');
			if (!Object.keys(h).some((k) => k.toLowerCase() === 'content-type'))
				h['content-type'] = 'application/json';
		}
		h['content-length'] = String(payload.length);
	}
	return new Promise((resolve, reject) => {
		// A fresh connection per request: Node >= 19 keeps sockets alive by default, and reusing one the
		// server has just closed as idle fails with "socket hang up" (seen against busy n8n processes).
		const req = http.request(
			url,
			{ method, headers: h, timeout: timeoutMs, agent: false },
			(res) => {
				/** @type {Buffer[]} */
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					let json;
					try {
						json = JSON.parse(text);
					} catch {
						json = undefined;
					}
					resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
				});
				res.on('error', reject);
			},
		);
		req.on('timeout', () =>
			req.destroy(new Error(`timeout after ${timeoutMs} ms: ${method} ${url}`)),
		);
		req.on('error', reject);
		if (payload) req.write(payload);
		req.end();
	});
}

/** A client that remembers cookies (for n8n's REST login). */
class Session {
	/** @param {string} base */
	constructor(base) {
		this.base = base;
		/** @type {Map<string, string>} */
		this.cookies = new Map();
	}

	/**
	 * @param {string} method
	 * @param {string} p path under base
	 * @param {object} [body]
	 * @param {Record<string, string>} [headers]
	 */
	async call(method, p, body, headers = {}) {
		/** @type {Record<string, string>} */
		const h = { 'browser-id': 'ccpayment-e2e', ...headers };
		if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		const res = await request(method, this.base + p, { headers: h, body });
		const set = res.headers['set-cookie'] ?? [];
		for (const c of set) {
			const [pair] = c.split(';');
			const i = pair.indexOf('=');
			if (i > 0) this.cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
		}
		return res;
	}
}

/** @returns {Promise<number>} a currently free loopback TCP port */
function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const addr = srv.address();
			const port = typeof addr === 'object' && addr ? addr.port : 0;
			srv.close(() => resolve(port));
		});
	});
}

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `fn` until it returns a truthy value or the time is up.
 * @template T
 * @param {() => Promise<T>} fn
 * @param {{ timeoutMs: number, intervalMs?: number, what: string }} opts
 * @returns {Promise<T>}
 */
async function waitFor(fn, { timeoutMs, intervalMs = 250, what }) {
	const deadline = Date.now() + timeoutMs;
	/** @type {unknown} */
	let lastErr;
	for (;;) {
		try {
			const v = await fn();
			if (v) return v;
		} catch (e) {
			lastErr = e;
		}
		if (Date.now() > deadline) {
			throw new Error(
				`timed out after ${timeoutMs} ms waiting for ${what}${lastErr ? ` (last error: ${/** @type {Error} */ (lastErr).message})` : ''}`,
			);
		}
		await sleep(intervalMs);
	}
}

module.exports = { request, Session, freePort, sleep, waitFor };
