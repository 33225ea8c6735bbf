// @ts-check
'use strict';
/**
 * startWebhookHost: a real HTTP server feeding requests into a fake trigger's webhook() through
 * n8n-core's WebhookContext, answering with n8n 1.123's rules (verified against a real n8n 1.123.81
 * with a probe trigger; see the header of test/helpers/n8n-harness.js).
 */
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const zlib = require('node:zlib');

const { startWebhookHost } = require('../../../dev/n8n/harness');
const { product } = require('../../../dev/dist');
const { sign, verify } = product('signer');

/**
 * A trigger whose behaviour is chosen by the `mode` query parameter, like a real trigger would
 * choose by signature / event type. It counts deliveries in node static data.
 */
class FakeTrigger {
	description = {
		displayName: 'Fake Trigger',
		name: 'fakeTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Webhook test trigger',
		defaults: { name: 'Fake Trigger' },
		inputs: [],
		outputs: ['main'],
		credentials: [{ name: 'ccPaymentApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
				responseData: '',
			},
			// No responseData: n8n answers the literal text "firstEntryJson" when a run starts.
			{ name: 'setup', httpMethod: 'POST', responseMode: 'onReceived', path: 'bare' },
			{
				name: 'full',
				httpMethod: 'POST,PUT',
				responseMode: 'onReceived',
				path: '/fixed-path/',
				isFullPath: true,
				responseData: '',
			},
		],
		properties: [{ displayName: 'Ack', name: 'ack', type: 'string', default: 'success' }],
	};

	/** @this {import('n8n-workflow').IWebhookFunctions} */
	async webhook() {
		const req = /** @type {any} */ (this.getRequestObject());
		const mode = String(req.query.mode ?? 'run');
		const staticData = this.getWorkflowStaticData('node');
		if (mode === 'reject') {
			staticData.rejected = Number(staticData.rejected ?? 0) + 1;
			this.getResponseObject().status(401).send('Unauthorized').end();
			return { noWebhookResponse: true };
		}
		if (mode === 'throw') {
			staticData.poisoned = true;
			throw new Error('trigger exploded');
		}
		if (mode === 'ack') return { webhookResponse: this.getNodeParameter('ack') };
		if (mode === 'ackObject') return { webhookResponse: { received: true } };
		if (mode === 'nothing') return {};
		if (mode === 'doubleAnswer') {
			this.getResponseObject().status(200).send('early');
			return { webhookResponse: 'late', workflowData: [[{ json: {} }]] };
		}
		await req.readRawBody();
		await req.readRawBody(); // idempotent
		const credentials = await this.getCredentials('ccPaymentApi');
		const raw = /** @type {Buffer} */ (req.rawBody);
		staticData.count = Number(staticData.count ?? 0) + 1;
		const json = {
			raw: raw.toString('utf8'),
			isBuffer: Buffer.isBuffer(raw),
			body: /** @type {any} */ (this.getBodyData()),
			headers: this.getHeaderData(),
			query: this.getQueryData(),
			params: this.getParamsData(),
			contentType: req.contentType,
			signatureOk: verify(
				String(credentials.appId),
				String(credentials.appSecret),
				String(req.headers.timestamp),
				raw,
				req.headers.sign,
			),
			count: staticData.count,
			webhookName: this.getWebhookName(),
			url: this.getNodeWebhookUrl('default'),
		};
		return {
			workflowData: [this.helpers.returnJsonArray([json])],
			...(mode === 'runWithAck' ? { webhookResponse: 'success' } : {}),
			...(mode === 'runWithObject' ? { webhookResponse: { ok: 1 } } : {}),
		};
	}
}

const MERCHANT = {
	appId: '202401010000000000000000000000001',
	appSecret: '0123456789abcdef0123456789abcdef',
};

/** @type {Array<{ stop: () => Promise<void> }>} */
const hosts = [];
after(async () => {
	await Promise.all(hosts.map((h) => h.stop()));
});

/** @param {Record<string, any>} [options] */
async function host(options = {}) {
	const h = await startWebhookHost(FakeTrigger, { credentials: MERCHANT, ...options });
	hosts.push(h);
	return h;
}

/** @param {string} body */
function signed(body) {
	const timestamp = String(Math.floor(Date.now() / 1000));
	return {
		'Content-Type': 'application/json; charset=utf-8',
		Appid: MERCHANT.appId,
		Timestamp: timestamp,
		Sign: sign(MERCHANT.appId, MERCHANT.appSecret, timestamp, body),
	};
}

test('a delivery starts a run: exact raw bytes, parsed body, headers, query, credentials, static data', async () => {
	const h = await host();
	assert.match(
		h.url,
		/^http:\/\/127\.0\.0\.1:\d+\/webhook\/[0-9a-f-]{36}\/webhook$/,
		'n8n path without isFullPath: /webhook/<webhookId>/<path>',
	);
	const body = '{"pay_status":"success","amount":"1.50","memo":"naïve ☃"}';
	const res = await h.request({
		query: { mode: 'runWithAck', x: '1' },
		body,
		headers: signed(body),
	});
	assert.equal(res.status, 200);
	assert.equal(res.body, 'success');
	assert.match(
		String(res.headers['content-type']),
		/^text\/html/,
		'a string body is sent as text, like Express',
	);
	assert.equal(h.runs.length, 1);
	const json = /** @type {any} */ (h.runs[0][0][0].json);
	assert.equal(json.raw, body);
	assert.equal(json.isBuffer, true);
	assert.deepEqual(json.body, JSON.parse(body));
	assert.equal(json.contentType, 'application/json');
	assert.equal(json.headers.appid, MERCHANT.appId);
	assert.deepEqual(
		{ ...json.query },
		{ mode: 'runWithAck', x: '1' },
		'query parsed like Express 5 (null-prototype object)',
	);
	assert.deepEqual(json.params, {});
	assert.equal(json.signatureOk, true, 'credentials reach the trigger and the raw bytes verify');
	assert.equal(json.webhookName, 'default');
	assert.equal(json.url, h.url, 'getNodeWebhookUrl points at the host');
	assert.equal(h.staticData['node:Fake Trigger'].count, 1);
	assert.deepEqual(h.errors, []);
});

test('401 + noWebhookResponse: the trigger answers itself, no run is recorded, static data still saved', async () => {
	const h = await host();
	const res = await h.request({ query: { mode: 'reject' }, body: '{}' });
	assert.equal(res.status, 401);
	assert.equal(res.body, 'Unauthorized');
	assert.equal(h.runs.length, 0);
	assert.equal(h.staticData['node:Fake Trigger'].rejected, 1);
	assert.deepEqual(h.errors, []);
});

test('n8n response rules: webhookResponse without workflowData, default bodies, responseData precedence', async () => {
	const h = await host();
	const ack = await h.request({ query: { mode: 'ack' }, body: '{}' });
	assert.deepEqual([ack.status, ack.body], [200, 'success'], 'webhookResponse string, no run');
	const ackObject = await h.request({ query: { mode: 'ackObject' }, body: '{}' });
	assert.deepEqual([ackObject.status, ackObject.json()], [200, { received: true }]);
	assert.match(String(ackObject.headers['content-type']), /^application\/json/);
	const nothing = await h.request({ query: { mode: 'nothing' }, body: '{}' });
	assert.deepEqual(nothing.json(), { message: 'Webhook call received' });
	assert.equal(h.runs.length, 0, 'none of those started a run');

	const started = await h.request({ query: { mode: 'run' }, body: '{}' });
	assert.deepEqual(
		started.json(),
		{ message: 'Workflow was started' },
		"responseData '' and no webhookResponse",
	);
	const withObject = await h.request({ query: { mode: 'runWithObject' }, body: '{}' });
	assert.deepEqual(withObject.json(), { ok: 1 });
	// Without responseData in the description, n8n's default 'firstEntryJson' wins over webhookResponse.
	const bare = await h.request({ webhook: 'setup', query: { mode: 'runWithAck' }, body: '{}' });
	assert.deepEqual([bare.status, bare.body], [200, 'firstEntryJson']);
	assert.equal(h.runs.length, 3);
});

test("webhook() throwing: 500 with n8n's message, no run, static data changes discarded", async () => {
	const h = await host({ staticData: { 'node:Fake Trigger': { count: 41 } } });
	const res = await h.request({ query: { mode: 'throw' }, body: '{}' });
	assert.equal(res.status, 500);
	assert.deepEqual(res.json(), {
		code: 0,
		message: 'Workflow Webhook Error: Workflow could not be started!',
	});
	assert.equal(h.runs.length, 0);
	assert.equal(h.errors.length, 1);
	assert.match(h.errors[0].error.message, /trigger exploded/);
	assert.deepEqual(
		h.staticData,
		{ 'node:Fake Trigger': { count: 41 } },
		'initial static data kept, poisoned flag not saved',
	);
	const next = await h.request({ query: { mode: 'run' }, body: '{}' });
	assert.equal(next.status, 200);
	assert.equal(
		/** @type {any} */ (h.runs[0][0][0].json).count,
		42,
		'static data carried across requests',
	);
});

test('a trigger that answers but does not return noWebhookResponse is reported as an error', async () => {
	const h = await host();
	const res = await h.request({ query: { mode: 'doubleAnswer' }, body: '{}' });
	assert.equal(res.body, 'early');
	assert.equal(h.errors.length, 1);
	assert.match(h.errors[0].error.message, /did not return noWebhookResponse/);
});

test('body parsing like n8n: invalid JSON -> 422 and no run; empty body leaves body undefined; gzip is inflated', async () => {
	const h = await host();
	const bad = await h.request({
		query: { mode: 'run' },
		body: '{"broken":',
		headers: { 'Content-Type': 'application/json' },
	});
	assert.equal(bad.status, 422);
	assert.equal(bad.json().message, 'Failed to parse request body');
	assert.equal(h.runs.length, 0);

	const empty = await h.request({
		query: { mode: 'run' },
		headers: { 'Content-Type': 'application/json' },
	});
	assert.equal(empty.status, 200);
	const emptyRun = /** @type {any} */ (h.runs[0][0][0].json);
	assert.equal(emptyRun.raw, '');
	assert.equal(emptyRun.body, undefined);

	const text = '{"a":1}';
	const gz = await h.request({
		query: { mode: 'run' },
		body: zlib.gzipSync(Buffer.from(text)),
		headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
	});
	assert.equal(gz.status, 200);
	const gzRun = /** @type {any} */ (h.runs[1][0][0].json);
	assert.equal(gzRun.raw, text, 'rawBody holds the decompressed bytes, like n8n');
	assert.deepEqual(gzRun.body, { a: 1 });
});

test('unknown path or method: 404 like n8n, trigger not called', async () => {
	const h = await host();
	const wrongPath = await h.request({ path: '/webhook/nope', body: '{}' });
	assert.equal(wrongPath.status, 404);
	assert.match(wrongPath.json().message, /"POST nope" is not registered/);
	const wrongMethod = await h.request({ method: 'GET' });
	assert.equal(wrongMethod.status, 404);
	assert.equal(h.runs.length + h.errors.length, 0);
});

test('concurrent deliveries each get their own context; webhookId paths when isFullPath is not set', async () => {
	const h = await host({ webhookId: 'abc-123' });
	assert.ok(h.url.endsWith('/webhook/abc-123/webhook'), h.url);
	assert.ok(h.urls.setup.endsWith('/webhook/abc-123/bare'));
	assert.ok(
		h.urls.full.endsWith('/webhook/fixed-path'),
		'isFullPath: /webhook/<path>, slashes trimmed',
	);
	const put = await h.request({
		method: 'PUT',
		webhook: 'full',
		query: { mode: 'ack' },
		body: '{}',
	});
	assert.deepEqual([put.status, put.body], [200, 'success'], 'comma-separated httpMethod');
	const results = await Promise.all(
		Array.from({ length: 8 }, (_, i) =>
			h.request({ query: { mode: 'run', n: String(i) }, body: { n: i } }),
		),
	);
	assert.ok(results.every((r) => r.status === 200));
	const seen = h.runs.map((r) => /** @type {any} */ (r[0][0].json).body.n).sort((a, b) => a - b);
	assert.deepEqual(seen, [0, 1, 2, 3, 4, 5, 6, 7]);
});
