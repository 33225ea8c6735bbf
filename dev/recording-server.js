// @ts-check
'use strict';
/**
 * A tiny local HTTP server for harness tests: records every request's raw bytes and headers and
 * answers with whatever the test's `respond` function says (default: a CCPayment success envelope
 * signed like CCPayment signs it, unless told otherwise).
 */
const http = require('node:http');

const { product } = require('./dist');

/** @type {{ sign: (appId: string, appSecret: string, timestamp: string, body: string) => string }} */
const { sign } = product('signer');

/**
 * @typedef {{ method: string, url: string, headers: import('node:http').IncomingHttpHeaders, raw: Buffer }} RecordedRequest
 * @typedef {{ status?: number, headers?: Record<string, string>, body?: string | Buffer, holdMs?: number }} CannedResponse
 */

/**
 * A CCPayment-signed response: body bytes + Appid/Timestamp/Sign over exactly those bytes.
 * @param {{ appId: string, appSecret: string }} merchant
 * @param {string} body
 * @param {{ timestamp?: string, signBody?: string, signSecret?: string }} [opts] signBody/signSecret let a test sign something else than what is sent
 * @returns {CannedResponse}
 */
function signedResponse(merchant, body, opts = {}) {
	const timestamp = opts.timestamp ?? String(Math.floor(Date.now() / 1000));
	return {
		status: 200,
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			Appid: merchant.appId,
			Timestamp: timestamp,
			Sign: sign(
				merchant.appId,
				opts.signSecret ?? merchant.appSecret,
				timestamp,
				opts.signBody ?? body,
			),
		},
		body,
	};
}

/**
 * @param {(req: RecordedRequest) => CannedResponse | Promise<CannedResponse>} respond
 * @returns {Promise<{ url: string, requests: RecordedRequest[], stop: () => Promise<void> }>}
 */
async function startRecordingServer(respond) {
	/** @type {RecordedRequest[]} */
	const requests = [];
	/** @type {Set<NodeJS.Timeout>} */
	const timers = new Set();
	const server = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', async () => {
			const recorded = {
				method: req.method ?? '',
				url: req.url ?? '',
				headers: req.headers,
				raw: Buffer.concat(chunks),
			};
			requests.push(recorded);
			const answer = await respond(recorded);
			const send = () => {
				res.writeHead(answer.status ?? 200, answer.headers ?? {});
				res.end(answer.body ?? '');
			};
			if (answer.holdMs) {
				const t = setTimeout(() => {
					timers.delete(t);
					if (!res.destroyed) send();
				}, answer.holdMs);
				timers.add(t);
			} else {
				send();
			}
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		async stop() {
			for (const t of timers) clearTimeout(t);
			await new Promise((resolve) => {
				server.close(() => resolve(undefined));
				server.closeAllConnections();
			});
		},
	};
}

module.exports = { startRecordingServer, signedResponse };
