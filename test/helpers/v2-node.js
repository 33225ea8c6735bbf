// @ts-check
'use strict';
/**
 * Shared setup for the v2 operation tests: a small local HTTP server that records each request's raw
 * bytes and answers with a v2 envelope, and the CCPayment node (version 2) run inside n8n-core with
 * the real CCPayment V2 API credential in the request path.
 */
const http = require('node:http');

const { runNode, listSearch } = require('../../dev/n8n/harness');
const { CcPayment } = require('../../dev/dist').product('actionNode');
const { CcPaymentApi } = require('../../dev/dist').product('credential');
const { CcPaymentV2Api } = require('../../dev/dist').product('credentialV2');

const MERCHANT_V2 = { appId: 'AbCdEfGh12345678', appSecret: '0123456789abcdef0123456789abcdef' };

/**
 * @typedef {{ method: string, url: string, headers: import('node:http').IncomingHttpHeaders, raw: Buffer, body: string }} Recorded
 * @typedef {{ status?: number, headers?: Record<string, string>, body?: string }} Answer
 */

/** A v2 success envelope, compact as CCPayment sends it. @param {unknown} data */
const ok = (data) => ({ body: JSON.stringify({ code: 10000, msg: 'success', data }) });
/** A v2 error envelope. @param {number} code @param {string} msg */
const fail = (code, msg) => ({ body: JSON.stringify({ code, msg }) });

/**
 * @param {(req: Recorded) => Answer | Promise<Answer>} respond
 */
async function startServer(respond) {
	/** @type {Recorded[]} */
	const requests = [];
	const server = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', async () => {
			const raw = Buffer.concat(chunks);
			const recorded = {
				method: req.method ?? '',
				url: req.url ?? '',
				headers: req.headers,
				raw,
				body: raw.toString('utf8'),
			};
			requests.push(recorded);
			const answer = await respond(recorded);
			res.writeHead(answer.status ?? 200, {
				'Content-Type': 'application/json',
				...(answer.headers ?? {}),
			});
			res.end(answer.body ?? '');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${address.port}`,
		requests,
		/** Requests to one v2 path, e.g. "getCoin". @param {string} path */
		to: (path) => requests.filter((r) => r.url === `/ccpayment/v2/${path}`),
		stop: async () => {
			server.closeAllConnections?.();
			await new Promise((resolve) => server.close(() => resolve(undefined)));
		},
	};
}

/**
 * Runs the node as a new (version 2) node would, with v2 credentials pointing at `baseUrl`.
 * @param {string} baseUrl
 * @param {Record<string, unknown>} parameters
 * @param {{ items?: any[], continueOnFail?: boolean, credentials?: any, typeVersion?: number }} [options]
 */
async function runV2(baseUrl, parameters, options = {}) {
	const { credentials, ...rest } = options;
	return await runNode(CcPayment, {
		parameters,
		credentialsByType: {
			ccPaymentV2Api: { ...MERCHANT_V2, baseUrl, ...(credentials ?? {}) },
			ccPaymentApi: { appId: '202401010000000000000000000000001', appSecret: 'v1-secret', baseUrl },
		},
		credentialTypes: [CcPaymentApi, CcPaymentV2Api],
		typeVersion: 2,
		...rest,
	});
}

/** The output items' json of a v2 run. */
async function jsonOf(/** @type {Promise<any>} */ run) {
	const { output } = await run;
	return output[0].map((/** @type {any} */ item) => item.json);
}

/** The node's error, or a failed assertion when it did not fail. */
async function errorOf(/** @type {Promise<any>} */ run) {
	try {
		await run;
	} catch (error) {
		return /** @type {any} */ (error);
	}
	throw new Error('expected the node to fail');
}

/**
 * Calls a v2 picker with the given current parameters.
 * @param {string} baseUrl @param {string} method @param {Record<string, unknown>} [parameters] @param {string} [filter]
 */
async function pick(baseUrl, method, parameters = {}, filter) {
	return await listSearch(CcPayment, method, {
		parameters: { apiVersion: 'v2', ...parameters },
		credentialsByType: { ccPaymentV2Api: { ...MERCHANT_V2, baseUrl } },
		credentialTypes: [CcPaymentApi, CcPaymentV2Api],
		typeVersion: 2,
		filter,
	});
}

/** A resourceLocator value in "ID" mode. @param {string} value */
const byId = (value) => ({ __rl: true, mode: 'id', value });
/** A resourceLocator value picked from the list. @param {string} value @param {string} name */
const fromList = (value, name) => ({ __rl: true, mode: 'list', value, cachedResultName: name });

module.exports = {
	MERCHANT_V2,
	ok,
	fail,
	startServer,
	runV2,
	jsonOf,
	errorOf,
	pick,
	byId,
	fromList,
};
