// @ts-check
'use strict';
/**
 * Shared setup for the CCPayment node's integration tests: a simulator on port 0, the node run
 * through the n8n-core harness (real ExecuteContext, credential authenticate, axios), and helpers to
 * read what the simulator received.
 */
const http = require('node:http');
const assert = require('node:assert/strict');

const { startSimulator, TOKENS, COIN } = require('../../simulator');
const { runNode, loadOptions, listSearch } = require('../../dev/n8n/harness');
const { product } = require('../../dev/dist');
const { CcPayment: CCPayment } = product('actionNode');

/** A resourceLocator value in "ID" mode. */
const byId = (/** @type {string} */ value) => ({ __rl: true, mode: 'id', value });
/** A resourceLocator value picked "From List" (n8n caches the label). */
const fromList = (/** @type {string} */ value, /** @type {string} */ cachedResultName) => ({
	__rl: true,
	mode: 'list',
	value,
	cachedResultName,
});

/**
 * @param {Record<string, unknown>} [config] simulator config overrides
 */
// These tests cover the v1 API: node version 1, as in saved 0.1.0 workflows (new nodes default to v2).
async function setup(config = {}) {
	const sim = await startSimulator({ port: 0, ...config });
	const credentials = {
		appId: sim.merchant.appId,
		appSecret: sim.merchant.appSecret,
		baseUrl: sim.url,
	};
	return {
		sim,
		credentials,
		/**
		 * @param {Record<string, unknown>} parameters
		 * @param {{ items?: any[], continueOnFail?: boolean, credentials?: any }} [options]
		 */
		run: async (parameters, options = {}) =>
			(await runNode(CCPayment, { parameters, credentials, typeVersion: 1, ...options })).output[0],
		/** @param {Record<string, unknown>} parameters @param {{ items?: any[] }} [options] */
		fail: async (parameters, options = {}) => {
			try {
				await runNode(CCPayment, { parameters, credentials, typeVersion: 1, ...options });
			} catch (error) {
				return error;
			}
			return assert.fail('expected the node to fail');
		},
		/** Raw bodies the simulator received on one endpoint, oldest first. @param {string} path */
		bodies: (path) => sim.getRequests({ path }).map((entry) => entry.rawBody),
		/** @param {string} path */
		count: (path) => sim.getRequests({ path }).length,
		loadOptions: (/** @type {string} */ method, options = {}) =>
			loadOptions(CCPayment, method, {
				credentials,
				typeVersion: 1,
				parameters: { apiVersion: 'v1' },
				...options,
			}),
		listSearch: (/** @type {string} */ method, options = {}) =>
			listSearch(CCPayment, method, {
				credentials,
				typeVersion: 1,
				parameters: { apiVersion: 'v1' },
				...options,
			}),
		stop: async () => {
			await sim.stop();
			releaseN8nTimers();
		},
	};
}

/**
 * n8n-core's SSHClientsManager (created with every ExecuteContext) starts a 60 s setInterval that
 * keeps the test process alive. Until the harness unrefs it, do it here so the file can exit.
 */
function releaseN8nTimers() {
	try {
		const path = require('node:path');
		const coreDir = path.dirname(require.resolve('n8n-core/package.json'));
		const { Container } = require(require.resolve('@n8n/di', { paths: [coreDir] }));
		const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager');
		const manager = Container.has(SSHClientsManager) ? Container.get(SSHClientsManager) : undefined;
		manager?.cleanupTimer?.unref?.();
	} catch {
		// the harness may already handle it, or n8n-core moved the class: nothing to release
	}
}

/** The json of each output item, and check pairedItem points at the expected input items. */
function jsonOf(/** @type {any[]} */ items) {
	return items.map((item) => item.json);
}

function pairedOf(/** @type {any[]} */ items) {
	return items.map((item) => item.pairedItem.item);
}

/**
 * A counting HTTP proxy in front of the simulator: records the peak number of requests in flight.
 * @param {string} target simulator base URL
 */
async function startCountingProxy(target) {
	const targetUrl = new URL(target);
	const stats = { inFlight: 0, peak: 0, total: 0 };
	const server = http.createServer((req, res) => {
		stats.inFlight++;
		stats.total++;
		stats.peak = Math.max(stats.peak, stats.inFlight);
		let done = false;
		const finish = () => {
			if (!done) {
				done = true;
				stats.inFlight--;
			}
		};
		const upstream = http.request(
			{
				host: targetUrl.hostname,
				port: targetUrl.port,
				method: req.method,
				path: req.url,
				headers: req.headers,
			},
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
				answer.on('end', finish);
			},
		);
		upstream.on('error', () => {
			finish();
			res.destroy();
		});
		res.on('close', finish);
		req.pipe(upstream);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${address.port}`,
		stats,
		stop: async () => {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(() => resolve(undefined)));
		},
	};
}

module.exports = {
	setup,
	byId,
	fromList,
	jsonOf,
	pairedOf,
	startCountingProxy,
	TOKENS,
	COIN,
	CCPayment,
};
