#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Capacity check of the simulator itself (not a test): signed token/rate and withdraw calls with
 * the added latency a benchmark uses, many in flight, rate limit off. Prints requests/s, latency
 * percentiles and the worst event-loop delay seen.
 *   node simulator/perf.js [--requests 2000] [--concurrency 50] [--latency-ms 100]
 */

const http = require('http');
const { monitorEventLoopDelay } = require('perf_hooks');
const { startSimulator, TOKENS } = require('./index');
const { sign } = require('../dist/nodes/CCPayment/transport/signer');

function arg(name, fallback) {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main() {
	const total = arg('requests', 2000);
	const concurrency = arg('concurrency', 50);
	const latencyMs = arg('latency-ms', 100);
	const sim = await startSimulator({ port: 0, latencyMs, rateLimit: { perSecond: 0 } });
	const { appId, appSecret } = sim.merchant;
	const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
	const target = new URL(sim.url);
	const loop = monitorEventLoopDelay({ resolution: 10 });
	loop.enable();

	const post = (path, body) =>
		new Promise((resolve, reject) => {
			const raw = JSON.stringify(body);
			const ts = String(Math.floor(Date.now() / 1000));
			const req = http.request(
				{ host: target.hostname, port: target.port, path: `/ccpayment/v1/${path}`, method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(raw), Appid: appId, Timestamp: ts, Sign: sign(appId, appSecret, ts, raw) } },
				(res) => {
					let text = '';
					res.on('data', (c) => (text += c));
					res.on('end', () => resolve(JSON.parse(text).code));
				},
			);
			req.on('error', reject);
			req.end(raw);
		});

	const latencies = [];
	let next = 0;
	let errors = 0;
	const started = Date.now();
	const worker = async () => {
		while (next < total) {
			const i = next++;
			const t0 = process.hrtime.bigint();
			const code =
				i % 2 === 0
					? await post('token/rate', { amount: '100', token_id: TOKENS.BTC })
					: await post('withdraw', { merchant_order_id: `perf-${i}`, address: '9454818', token_id: TOKENS.USDT_TRC20, value: '0.01' });
			latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
			if (code !== 10000) errors++;
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	const seconds = (Date.now() - started) / 1000;
	loop.disable();
	latencies.sort((a, b) => a - b);
	const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
	const ledger = sim.ledger();
	process.stdout.write(
		[
			`simulator capacity: ${total} requests (token/rate + withdraw), ${concurrency} in flight, ${latencyMs} ms added latency`,
			`  throughput: ${(total / seconds).toFixed(1)} requests/s over ${seconds.toFixed(2)} s`,
			`  latency: p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms`,
			`  non-10000 answers: ${errors}; withdrawals recorded: ${ledger.merchants[0].withdrawals.length}; duplicate debits: ${ledger.duplicate_debits.length}`,
			`  event-loop delay: p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, max ${(loop.max / 1e6).toFixed(1)} ms`,
			`  peak RSS: ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`,
		].join('\n') + '\n',
	);
	agent.destroy();
	await sim.stop();
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exit(1);
});
