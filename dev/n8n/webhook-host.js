// @ts-check
'use strict';
/**
 * A real HTTP server that hosts one trigger node's webhook(s) the way n8n 1.123.x / 2.x production
 * webhooks behave (packages/cli: abstract-server rawBodyReader, live-webhooks, webhook-helpers
 * executeWebhook, webhook-request-handler, response-helper). Each request runs the trigger's
 * `webhook()` through n8n-core's real WebhookContext.
 *
 * Faithful details (each checked against n8n 1.123.81 with a probe trigger, see the header of harness.js):
 * - URL: `/webhook/<path>` for `isFullPath: true`, else `/webhook/<webhookId>/<path>`; unknown -> 404 JSON.
 * - `req.rawBody` (Buffer) / idempotent `req.readRawBody()`; `req.contentType` / `req.encoding` from
 *   n8n-core's parseIncomingMessage; `req.body` parsed like n8n's parseBody (JSON, form, text/plain) for
 *   typeVersion 1 always, for typeVersion >= 2 only for JSON/text/form/xml content types. A JSON body
 *   that does not parse -> 422 `{ code: 422, message: 'Failed to parse request body', hint }`, no run.
 *   An empty body leaves `req.body` undefined (as Express 5 does).
 * - After webhook(): `noWebhookResponse: true` -> the trigger answered itself; no `workflowData` ->
 *   `webhookResponse` (or `{ message: 'Webhook call received' }`) with `responseCode`, no run;
 *   `workflowData` + responseMode 'onReceived' -> body from n8n's extractWebhookOnReceivedResponse:
 *   the description's `responseData` evaluated with default 'firstEntryJson' wins when truthy
 *   (so a description WITHOUT `responseData` answers the literal text "firstEntryJson", as real n8n
 *   does), then `webhookResponse`, then `{ message: 'Workflow was started' }`. Strings are sent as
 *   text (Content-Type text/html like Express), everything else as JSON.
 * - webhook() throwing -> 500 `{ code: 0, message: 'Workflow Webhook Error: Workflow could not be started!' }`,
 *   recorded in `host.errors`, not in `host.runs`, static data not saved.
 * - Static data: loaded (as JSON) into a fresh Workflow per request and saved back only when changed and
 *   the request did not fail, like LiveWebhooks + WorkflowStaticDataService. Concurrent requests race
 *   exactly as in n8n (last save wins).
 */
const http = require('node:http');
const querystring = require('node:querystring');
const zlib = require('node:zlib');

const { NodeHelpers, jsonParse } = require('n8n-workflow');
const { WebhookContext, parseIncomingMessage } = require('n8n-core');

const { prepareNode, buildWorkflow, buildAdditionalData } = require('./runtime');
const { request: httpRequest } = require('../e2e/lib/http');

/** n8n's default N8N_PAYLOAD_SIZE_MAX (MiB). */
const PAYLOAD_SIZE_MAX = 16 * 1024 * 1024;
const DEFAULT_WEBHOOK_ID = '6a5c2f0e-1b7d-4c3e-9f21-0c0ffee00001';

class UnprocessableRequestError extends Error {
	/** @param {string} message @param {string} hint */
	constructor(message, hint) {
		super(message);
		this.hint = hint;
	}
}

/** @param {any} req @param {URL} url */
function decorateRequest(req, url) {
	parseIncomingMessage(req);
	/** @type {Promise<void> | undefined} */
	let reading;
	req.readRawBody = async () => {
		if (req.rawBody) return;
		reading ??= (async () => {
			/** @type {NodeJS.ReadableStream} */
			let stream = req;
			const encoding = req.headers['content-encoding'];
			if (encoding === 'gzip') stream = req.pipe(zlib.createGunzip());
			else if (encoding === 'deflate') stream = req.pipe(zlib.createInflate());
			/** @type {Buffer[]} */
			const chunks = [];
			let size = 0;
			for await (const chunk of stream) {
				const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
				size += buf.length;
				if (size > PAYLOAD_SIZE_MAX) throw new Error('request entity too large');
				chunks.push(buf);
			}
			req.rawBody = Buffer.concat(chunks);
			req._body = true;
		})();
		await reading;
	};
	req.query = querystring.parse(url.search.startsWith('?') ? url.search.slice(1) : url.search);
	req.params = {};
	req.path = url.pathname;
	req.originalUrl = req.url;
	req.hostname = url.hostname;
	req.protocol = 'http';
	req.ip = req.socket?.remoteAddress;
	req.get = req.header = (/** @type {string} */ name) => {
		const lc = name.toLowerCase();
		if (lc === 'referer' || lc === 'referrer') return req.headers.referrer || req.headers.referer;
		return req.headers[lc];
	};
	return req;
}

/**
 * n8n's parseBody (packages/cli/src/middlewares/body-parser.ts) minus XML.
 * @param {any} req
 */
async function parseBody(req) {
	if (req.contentType?.startsWith('multipart/')) return;
	await req.readRawBody();
	const { rawBody, contentType, encoding } = req;
	if (!rawBody?.length) return;
	try {
		if (contentType === 'application/json') {
			req.body = jsonParse(rawBody.toString(encoding));
		} else if (contentType === 'application/x-www-form-urlencoded') {
			req.body = querystring.parse(rawBody.toString(encoding), undefined, undefined, {
				maxKeys: 1000,
			});
		} else if (contentType === 'text/plain') {
			req.body = rawBody.toString(encoding);
		}
	} catch (error) {
		throw new UnprocessableRequestError('Failed to parse request body', error.message);
	}
}

/**
 * webhook-helpers parseRequestBody (no binaryData option, no multipart).
 * @param {any} req @param {number} nodeVersion
 */
async function parseRequestBody(req, nodeVersion) {
	const { contentType } = req;
	if (contentType === 'multipart/form-data') return;
	if (nodeVersion > 1) {
		if (
			contentType?.startsWith('application/json') ||
			contentType?.startsWith('text/plain') ||
			contentType?.startsWith('application/x-www-form-urlencoded') ||
			contentType?.endsWith('/xml') ||
			contentType?.endsWith('+xml')
		) {
			await parseBody(req);
		}
	} else {
		await parseBody(req);
	}
}

/**
 * The Express response surface triggers use: status, send, json, end, set/header, setHeader, get.
 * @param {any} res
 */
function decorateResponse(res) {
	res.status = (/** @type {number} */ code) => {
		res.statusCode = code;
		return res;
	};
	res.set = res.header = (
		/** @type {string | Record<string, string>} */ field,
		/** @type {any} */ value,
	) => {
		if (typeof field === 'object') {
			for (const [k, v] of Object.entries(field)) res.setHeader(k, v);
		} else {
			res.setHeader(field, value);
		}
		return res;
	};
	res.get = (/** @type {string} */ name) => res.getHeader(name);
	res.send = (/** @type {unknown} */ body) => {
		let chunk = body;
		if (chunk === null || chunk === undefined) chunk = '';
		else if (
			typeof chunk === 'boolean' ||
			typeof chunk === 'number' ||
			(typeof chunk === 'object' && !Buffer.isBuffer(chunk))
		) {
			return res.json(chunk);
		}
		if (typeof chunk === 'string') {
			if (!res.getHeader('content-type')) res.setHeader('Content-Type', 'text/html; charset=utf-8');
		} else if (Buffer.isBuffer(chunk) && !res.getHeader('content-type')) {
			res.setHeader('Content-Type', 'application/octet-stream');
		}
		const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(/** @type {string} */ (chunk), 'utf8');
		// Like Express: setting headers after the response was sent throws ERR_HTTP_HEADERS_SENT.
		res.setHeader('Content-Length', buf.length);
		if (res.req?.method === 'HEAD') res.end();
		else res.end(buf);
		return res;
	};
	res.json = (/** @type {unknown} */ obj) => {
		const body = JSON.stringify(obj);
		if (!res.getHeader('content-type'))
			res.setHeader('Content-Type', 'application/json; charset=utf-8');
		return res.send(body ?? '');
	};
	return res;
}

/** webhook-request-handler sendLegacyResponse / sendStaticResponse with raw=true. */
function sendBody(
	/** @type {any} */ res,
	/** @type {unknown} */ body,
	/** @type {number | undefined} */ code,
) {
	if (code !== undefined) res.status(code);
	if (typeof body === 'string') res.send(body);
	else res.json(body);
}

/** webhook-on-received-response-extractor. */
function extractWebhookOnReceivedResponse(
	/** @type {unknown} */ responseData,
	/** @type {any} */ webhookResultData,
) {
	if (responseData === 'noData') return undefined;
	if (responseData) return responseData;
	if (webhookResultData.webhookResponse !== undefined) return webhookResultData.webhookResponse;
	return { message: 'Workflow was started' };
}

/**
 * @typedef {object} WebhookHost
 * @property {string} url URL of the 'default' webhook (or the first one)
 * @property {Record<string, string>} urls URL per webhook name
 * @property {string} baseUrl http://127.0.0.1:PORT
 * @property {import('n8n-workflow').INodeExecutionData[][][]} runs one entry per would-be execution: the workflowData the trigger returned
 * @property {Array<{ error: Error, request: { method: string, path: string } }>} errors webhook() failures and protocol violations
 * @property {Record<string, any>} staticData the workflow static data as n8n would have saved it (e.g. staticData['node:CCPayment Trigger'])
 * @property {(req?: { method?: string, webhook?: string, path?: string, query?: Record<string, string>, body?: string | Buffer | object, headers?: Record<string, string> }) => Promise<{ status: number, headers: import('node:http').IncomingHttpHeaders, body: string, json: () => any }>} request send one request with exact bytes: POST to the named webhook (default 'default') or to `path`, plus `query`; an object body is sent as JSON
 * @property {() => Promise<void>} stop
 */

/**
 * Start a real HTTP server hosting the trigger's webhook(s) on 127.0.0.1:0.
 * @param {any} TriggerClass
 * @param {object} [options]
 * @param {Record<string, unknown>} [options.parameters]
 * @param {import('n8n-workflow').ICredentialDataDecryptedObject} [options.credentials]
 * @param {Record<string, import('n8n-workflow').ICredentialDataDecryptedObject>} [options.credentialsByType]
 * @param {any[]} [options.credentialTypes]
 * @param {Record<string, any>} [options.staticData] initial workflow static data
 * @param {string} [options.nodeName]
 * @param {string} [options.nodeType]
 * @param {number} [options.typeVersion]
 * @param {string} [options.webhookId]
 * @returns {Promise<WebhookHost>}
 */
async function startWebhookHost(TriggerClass, options = {}) {
	const prepared = prepareNode(TriggerClass, options, {
		webhookId: options.webhookId ?? DEFAULT_WEBHOOK_ID,
	});
	const { resolved, type, nodeTypes, credentialsHelper, node, nodeName } = prepared;
	if (typeof resolved.webhook !== 'function') throw new Error(`${type} has no webhook() method`);
	const workflowId = 'harnessWebhookWf1';

	/** @type {Record<string, any>} */
	let staticData = JSON.parse(JSON.stringify(options.staticData ?? {}));
	/** @type {import('n8n-workflow').INodeExecutionData[][][]} */
	const runs = [];
	/** @type {Array<{ error: Error, request: { method: string, path: string } }>} */
	const errors = [];

	// Registered webhooks, resolved like WebhookService.getNodeWebhooks.
	const registration = buildWorkflow({
		id: workflowId,
		nodes: [structuredClone(node)],
		nodeTypes,
		active: true,
	});
	const regNode = /** @type {import('n8n-workflow').INode} */ (registration.getNode(nodeName));
	/** @type {Array<{ name: string, description: any, path: string, methods: string[] }>} */
	const webhooks = (resolved.description.webhooks ?? []).flatMap(
		(/** @type {any} */ description) => {
			let webhookPath = registration.expression.getSimpleParameterValue(
				regNode,
				description.path,
				'internal',
				{},
			);
			if (webhookPath === undefined) return [];
			webhookPath = String(webhookPath).replace(/^\//, '').replace(/\/$/, '');
			const isFullPath = registration.expression.getSimpleParameterValue(
				regNode,
				description.isFullPath,
				'internal',
				{},
				undefined,
				false,
			);
			const restartWebhook = registration.expression.getSimpleParameterValue(
				regNode,
				description.restartWebhook,
				'internal',
				{},
				undefined,
				false,
			);
			if (restartWebhook === true) return [];
			const fullPath = NodeHelpers.getNodeWebhookPath(
				workflowId,
				regNode,
				webhookPath,
				isFullPath === true,
				false,
			);
			const methods = String(
				registration.expression.getSimpleParameterValue(
					regNode,
					description.httpMethod,
					'internal',
					{},
					undefined,
					'GET',
				),
			)
				.split(',')
				.map((m) => m.trim())
				.filter(Boolean);
			return [{ name: description.name, description, path: fullPath, methods }];
		},
	);
	if (!webhooks.length) throw new Error(`${type} declares no webhooks`);

	let baseUrl = '';

	const saveStaticData = (/** @type {any} */ workflow) => {
		if (workflow.staticData.__dataChanged === true) {
			const { __dataChanged, ...rest } = JSON.parse(JSON.stringify(workflow.staticData));
			void __dataChanged;
			staticData = rest;
			workflow.staticData.__dataChanged = false;
		}
	};

	/** @param {any} req @param {any} res @param {any} webhook */
	async function executeWebhook(req, res, webhook) {
		const requestInfo = { method: req.method, path: req.path };
		const workflow = buildWorkflow({
			id: workflowId,
			nodes: [structuredClone(node)],
			nodeTypes,
			active: true,
			staticData: JSON.parse(JSON.stringify(staticData)),
		});
		const startNode = /** @type {import('n8n-workflow').INode} */ (workflow.getNode(nodeName));
		const additionalData = /** @type {any} */ (
			buildAdditionalData(credentialsHelper, {
				instanceBaseUrl: `${baseUrl}/`,
				restApiUrl: `${baseUrl}/rest`,
				webhookBaseUrl: `${baseUrl}/webhook`,
				webhookWaitingBaseUrl: `${baseUrl}/webhook-waiting`,
				webhookTestBaseUrl: `${baseUrl}/webhook-test`,
				formWaitingBaseUrl: `${baseUrl}/form-waiting`,
				executionId: undefined,
			})
		);
		const webhookData = {
			httpMethod: req.method,
			node: nodeName,
			path: webhook.path,
			webhookDescription: webhook.description,
			workflowId,
			workflowExecuteAdditionalData: additionalData,
			webhookId: startNode.webhookId,
		};
		const mode = 'webhook';
		const additionalKeys = { $executionId: /** @type {string | undefined} */ (undefined) };
		const { description } = webhook;
		const responseMode = workflow.expression.getSimpleParameterValue(
			startNode,
			description.responseMode,
			mode,
			additionalKeys,
			undefined,
			'onReceived',
		);
		const responseCode = /** @type {number} */ (
			workflow.expression.getSimpleParameterValue(
				startNode,
				description.responseCode,
				mode,
				additionalKeys,
				undefined,
				200,
			)
		);
		const responseData = workflow.expression.getComplexParameterValue(
			startNode,
			description.responseData,
			mode,
			additionalKeys,
			undefined,
			'firstEntryJson',
		);
		if (!['onReceived', 'lastNode'].includes(String(responseMode))) {
			sendBody(
				res,
				{ code: 0, message: `n8n harness: responseMode '${responseMode}' is not supported` },
				500,
			);
			return;
		}
		additionalData.httpRequest = req;
		additionalData.httpResponse = res;

		let didSendResponse = false;
		try {
			await parseRequestBody(req, startNode.typeVersion);

			/** @type {any} */
			let result;
			/** @type {Array<() => Promise<void>>} */
			const closeFunctions = [];
			try {
				const context = new WebhookContext(
					workflow,
					startNode,
					additionalData,
					mode,
					/** @type {any} */ (webhookData),
					closeFunctions,
					null,
				);
				result = await resolved.webhook.call(context);
			} catch (error) {
				errors.push({ error, request: requestInfo });
				if (!res.headersSent) {
					sendBody(
						res,
						{ code: 0, message: 'Workflow Webhook Error: Workflow could not be started!' },
						500,
					);
				}
				// n8n still records a failed execution (no downstream node runs); not a run here.
				return;
			} finally {
				await Promise.allSettled(closeFunctions.map(async (fn) => await fn()));
			}
			if (!result || typeof result !== 'object') {
				throw new Error(
					`webhook() must return an IWebhookResponseData object, got ${JSON.stringify(result)}`,
				);
			}

			if (result.noWebhookResponse === true && !didSendResponse) {
				didSendResponse = true;
				saveStaticData(workflow);
				if (!res.writableEnded) {
					errors.push({
						error: new Error(
							'webhook() returned noWebhookResponse: true but did not end the response; n8n would leave the request hanging',
						),
						request: requestInfo,
					});
				}
			} else if (res.headersSent) {
				throw new Error(
					'webhook() answered through the response object but did not return noWebhookResponse: true (n8n would fail with ERR_HTTP_HEADERS_SENT)',
				);
			}

			if (result.workflowData === undefined) {
				if (!didSendResponse) {
					sendBody(
						res,
						result.webhookResponse !== undefined
							? result.webhookResponse
							: { message: 'Webhook call received' },
						responseCode,
					);
					didSendResponse = true;
					saveStaticData(workflow);
				}
				return;
			}

			if (responseMode === 'onReceived' && !didSendResponse) {
				sendBody(res, extractWebhookOnReceivedResponse(responseData, result), responseCode);
				didSendResponse = true;
				saveStaticData(workflow);
			}

			runs.push(result.workflowData);

			if (!didSendResponse) {
				// lastNode: the hosted workflow is the trigger alone, so its output is the last node's data.
				const items = result.workflowData[0] ?? [];
				if (responseData === 'noData') sendBody(res, undefined, responseCode);
				else if (responseData === 'allEntries')
					sendBody(
						res,
						items.map((/** @type {any} */ i) => i.json),
						responseCode,
					);
				else sendBody(res, items[0]?.json ?? {}, responseCode);
				didSendResponse = true;
				saveStaticData(workflow);
			}
		} catch (error) {
			if (error instanceof UnprocessableRequestError) {
				if (!res.headersSent)
					sendBody(res, { code: 422, message: error.message, hint: error.hint }, 422);
				return;
			}
			errors.push({ error, request: requestInfo });
			if (!res.headersSent)
				sendBody(res, { code: 0, message: 'There was a problem executing the workflow' }, 500);
		}
	}

	const server = http.createServer((req, res) => {
		decorateResponse(res);
		const url = new URL(req.url ?? '/', baseUrl);
		const method = req.method ?? 'GET';
		let requested = '';
		try {
			requested = decodeURIComponent(url.pathname.replace(/^\/webhook\//, '')).replace(/\/$/, '');
		} catch {
			requested = url.pathname;
		}
		const webhook = url.pathname.startsWith('/webhook/')
			? webhooks.find((w) => w.path === requested && w.methods.includes(method))
			: undefined;
		if (!webhook) {
			sendBody(
				res,
				{ code: 404, message: `The requested webhook "${method} ${requested}" is not registered.` },
				404,
			);
			return;
		}
		decorateRequest(req, url);
		executeWebhook(req, res, webhook).catch((error) => {
			errors.push({ error, request: { method, path: url.pathname } });
			if (!res.headersSent)
				sendBody(res, { code: 0, message: 'There was a problem executing the workflow' }, 500);
		});
	});

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve(undefined));
	});
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	baseUrl = `http://127.0.0.1:${address.port}`;
	/** @type {Record<string, string>} */
	const urls = {};
	for (const w of webhooks) urls[w.name] = `${baseUrl}/webhook/${w.path}`;
	const defaultWebhook = webhooks.find((w) => w.name === 'default') ?? webhooks[0];

	/** @type {WebhookHost['request']} */
	const request = async (req = {}) => {
		const named = req.webhook ? webhooks.find((w) => w.name === req.webhook) : defaultWebhook;
		if (!named) throw new Error(`no webhook named ${req.webhook}`);
		const target = new URL(req.path ?? `/webhook/${named.path}`, baseUrl);
		for (const [k, v] of Object.entries(req.query ?? {})) target.searchParams.append(k, v);
		// The same exact-bytes client the e2e suite uses against real n8n.
		const r = await httpRequest(req.method ?? 'POST', target.toString(), {
			headers: req.headers,
			body: req.body,
		});
		return { status: r.status, headers: r.headers, body: r.text, json: () => JSON.parse(r.text) };
	};

	return {
		url: urls[defaultWebhook.name],
		urls,
		baseUrl,
		runs,
		errors,
		get staticData() {
			return staticData;
		},
		request,
		async stop() {
			await new Promise((resolve) => {
				server.close(() => resolve(undefined));
				server.closeAllConnections();
			});
		},
	};
}

module.exports = { startWebhookHost, extractWebhookOnReceivedResponse };
