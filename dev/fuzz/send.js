// @ts-check
'use strict';
/**
 * Sends deliveries with a fixed number in flight, exactly as given (duplicate header lines included),
 * and collects each answer. A refused connection or a reset is an answer too (`error`).
 */
const http = require('http');

/** @typedef {import('./classify').Answer} Answer */

/**
 * @param {string} url
 * @param {{ headers: Record<string, string | string[]>, body: Buffer }} d
 * @param {http.Agent} agent
 * @param {number} [timeoutMs]
 * @returns {Promise<Answer>}
 */
function post(url, d, agent, timeoutMs = 60000) {
	return new Promise((resolve) => {
		const req = http.request(url, {
			method: 'POST',
			agent,
			timeout: timeoutMs,
			headers: { ...d.headers, 'content-length': String(d.body.length) },
		});
		req.on('response', (res) => {
			/** @type {Buffer[]} */
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () =>
				resolve({
					status: res.statusCode ?? 0,
					contentType: String(res.headers['content-type'] ?? ''),
					text: Buffer.concat(chunks).toString('utf8').slice(0, 2000),
				}),
			);
			res.on('error', (e) => resolve({ status: 0, contentType: '', text: '', error: e.message }));
		});
		req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
		req.on('error', (e) => resolve({ status: 0, contentType: '', text: '', error: e.message }));
		req.end(d.body);
	});
}

/**
 * Runs `count` deliveries made on demand by `make(i)` with `concurrency` in flight.
 * @template {{ headers: Record<string, string | string[]>, body: Buffer }} D
 * @param {{ url: string, count: number, concurrency: number, make: (i: number) => D, onAnswer: (d: D, a: Answer, i: number) => void, timeoutMs?: (d: D) => number }} opts
 * @returns {Promise<{ ms: number }>}
 */
async function storm({ url, count, concurrency, make, onAnswer, timeoutMs = () => 60000 }) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
	const started = Date.now();
	let next = 0;
	const worker = async () => {
		while (next < count) {
			const i = next++;
			const d = make(i);
			onAnswer(d, await post(url, d, agent, timeoutMs(d)), i);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	agent.destroy();
	return { ms: Date.now() - started };
}

module.exports = { post, storm };
