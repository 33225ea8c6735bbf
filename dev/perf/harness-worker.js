// @ts-check
'use strict';
/**
 * Child process of scripts/bench.js (spawned by path, see HARNESS_WORKER in common.js): runs one
 * workload through the CCPayment node in-process, via the n8n-core harness (real ExecuteContext,
 * credential authenticate, n8n-core's request helper and axios), so its peak RSS is the node's alone
 * (the simulator runs in the parent).
 *
 * Input: env CCPAYMENT_BENCH_SPEC = JSON { simUrl, appId, appSecret, op, count, prefix, options, api? }
 * (api 'v2': op 'withdraw' or 'read', node version 2 with the V2 credential)
 * (passed by environment, not argv, so the dummy secret never shows in a process list).
 * Output: one JSON line on stdout: { wallMs, cpuMs, client: { requests, p50, p99 }, peakRssKb, items, ok, errors, outcomes }.
 *
 * Client-observed latency = from `http.client.request.start` (the request leaves n8n-core's axios)
 * to the end of the response body, for every /ccpayment/ request; it excludes the time an item
 * waits for the node's pacer and concurrency limit.
 */
const dc = require('node:diagnostics_channel');
const { performance } = require('node:perf_hooks');

const { percentile, procMemory } = require('./common');
const { inputItems, nodeParameters } = require('./workloads');
const { withdrawItems, nodeParametersV2 } = require('./workloads-v2');

async function main() {
	const spec = JSON.parse(process.env.CCPAYMENT_BENCH_SPEC || '{}');
	const { runNode } = require('../n8n/harness');
	const { CcPayment } = require('../dist').product('actionNode');

	/** @type {number[]} */
	const latencies = [];
	/** @param {any} message */
	const onStart = (message) => {
		const request = message.request;
		if (!String(request.path || '').startsWith('/ccpayment/')) return;
		const started = performance.now();
		request.once('response', (/** @type {import('node:http').IncomingMessage} */ response) => {
			response.once('end', () => latencies.push(performance.now() - started));
		});
	};
	dc.subscribe('http.client.request.start', onStart);

	const v2 = spec.api === 'v2';
	const items = v2
		? withdrawItems(spec.count, spec.prefix)
		: inputItems(spec.op, spec.count, spec.prefix);
	const credentials = { appId: spec.appId, appSecret: spec.appSecret, baseUrl: spec.simUrl };
	const started = performance.now();
	const cpuBefore = process.cpuUsage();
	const { output } = await runNode(CcPayment, {
		parameters: v2
			? nodeParametersV2(spec.op, spec.options)
			: nodeParameters(spec.op, spec.options),
		items,
		...(v2
			? {
					credentialsByType: { ccPaymentV2Api: credentials },
					credentialTypes: [require('../dist').product('credentialV2').CcPaymentV2Api],
				}
			: { credentials }),
		continueOnFail: true,
		typeVersion: v2 ? 2 : 1,
	});
	const wallMs = performance.now() - started;
	const cpu = process.cpuUsage(cpuBefore);
	dc.unsubscribe('http.client.request.start', onStart);

	const jsons = output[0].map((item) => item.json);
	/** @type {Record<string, number>} */
	const outcomes = {};
	let ok = 0;
	for (const json of jsons) {
		const good =
			spec.op === 'rate'
				? typeof json.price === 'string'
				: spec.op === 'read'
					? typeof json.recordId === 'string'
					: json.outcome === 'created' || json.outcome === 'already_existed';
		if (good) ok++;
		const key = String(json.outcome ?? (json.error ? `error:${json.kind ?? 'unknown'}` : 'ok'));
		outcomes[key] = (outcomes[key] ?? 0) + 1;
	}
	const mem = procMemory('self');
	const result = {
		wallMs,
		cpuMs: (cpu.user + cpu.system) / 1000,
		client: {
			requests: latencies.length,
			p50: percentile(latencies, 50),
			p99: percentile(latencies, 99),
		},
		peakRssKb: mem?.hwmKb ?? Math.round(process.resourceUsage().maxRSS),
		items: jsons.length,
		ok,
		errors: jsons.length - ok,
		outcomes,
		firstError: jsons.find((j) => j.error)?.error,
	};
	process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().then(
	// n8n-core leaves a 60 s interval (SSH client cleanup) running: exit explicitly.
	() => process.exit(0),
	(error) => {
		process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
		process.exit(1);
	},
);
