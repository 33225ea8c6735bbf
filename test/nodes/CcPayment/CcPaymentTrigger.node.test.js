// @ts-check
/**
 * The trigger's webhook() through a small fake IWebhookFunctions (the shape of n8n's own
 * TriggerHelpers.testWebhookTriggerNode): what is answered, with which status, and whether a
 * workflow run would start. Real HTTP and n8n-core's WebhookContext are covered in integration.test.js.
 */
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { product } = require('../../../dev/dist');

const { CcPaymentTrigger } = product('triggerNode');
const { sign, nowSeconds } = product('signer');
const { VECTOR_A, WEBHOOKS, vectorHeaders } = require('../../../dev/spec-vectors');

const node = new CcPaymentTrigger();
/**
 * Whether a top-level parameter is shown on a saved node-version-1 trigger (API Version v1).
 * @param {any} p
 */
const shownForV1 = (p) =>
	(!p.displayOptions?.show?.apiVersion || p.displayOptions.show.apiVersion.includes('v1')) &&
	(!p.displayOptions?.show?.['@version'] || p.displayOptions.show['@version'].includes(1));
// The parameters a node-version-1 trigger reads: these tests pin v1 behaviour byte for byte.
const DEFAULTS = Object.fromEntries(
	node.description.properties.filter(shownForV1).map((p) => [p.name, p.default]),
);

/** @type {WeakMap<object, string>} */
const workflowIds = new WeakMap();

/** A response object recording what the node sent itself. */
function fakeResponse() {
	const res = {
		statusCode: 200,
		headersSent: false,
		/** @type {Record<string, string>} */ headers: {},
		/** @type {string | undefined} */ body: undefined,
		/** @param {number} code */ status(code) {
			res.statusCode = code;
			return res;
		},
		/** @param {string} body */ send(body) {
			res.body = body;
			res.headersSent = true;
			return res;
		},
		/** @param {string} n @param {string} v */ setHeader(n, v) {
			res.headers[n.toLowerCase()] = v;
		},
		end() {
			return res;
		},
	};
	return res;
}

/**
 * @param {{ body?: string | Buffer, headers?: Record<string, any>, parameters?: Record<string, any>,
 *   credentials?: Record<string, any> | null, staticData?: Record<string, any>, lazyRawBody?: boolean, ip?: string,
 *   readRawBodyFails?: boolean, workflowId?: string }} opts
 */
async function deliver(opts) {
	const body =
		opts.body === undefined
			? undefined
			: Buffer.isBuffer(opts.body)
				? opts.body
				: Buffer.from(opts.body, 'utf8');
	/** @type {any} */
	const req = { headers: opts.headers ?? {}, ip: opts.ip ?? '127.0.0.1', body: {} };
	if (opts.lazyRawBody) {
		req.readRawBody = async () => {
			if (opts.readRawBodyFails) throw new Error('stream consumed');
			req.rawBody = body;
		};
	} else {
		req.rawBody = body;
	}
	const res = fakeResponse();
	const parameters = { ...DEFAULTS, ...(opts.parameters ?? {}) };
	const staticData = opts.staticData ?? {};
	// Deliveries sharing a static-data object belong to the same workflow (and in-process dedup scope).
	let workflowId = opts.workflowId ?? workflowIds.get(staticData);
	if (!workflowId) {
		workflowId = `wf-${Math.random().toString(36).slice(2)}`;
		workflowIds.set(staticData, workflowId);
	}
	const ctx = {
		getWorkflow: () => ({ id: workflowId, name: 'Test', active: true }),
		getRequestObject: () => req,
		getResponseObject: () => res,
		getHeaderData: () => req.headers,
		getBodyData: () => ({ tampered: 'parsed body must never be used' }),
		/** @param {string} name @param {any} fallback */
		getNodeParameter: (name, fallback) =>
			parameters[name] === undefined ? fallback : parameters[name],
		getCredentials: async () => {
			if (opts.credentials === null) throw new Error('no credentials');
			return opts.credentials ?? { appId: VECTOR_A.appId, appSecret: VECTOR_A.appSecret };
		},
		getWorkflowStaticData: () => staticData,
		getWebhookName: () => 'default',
		getMode: () => 'webhook',
		getNode: () => ({ name: 'CCPayment Trigger' }),
	};
	const result = await node.webhook.call(/** @type {any} */ (ctx));
	return { result, res, staticData };
}

/** Fresh signature so the default 300 s window applies. @param {string} body */
function freshHeaders(body, overrides = {}) {
	const ts = nowSeconds();
	return {
		appid: VECTOR_A.appId,
		timestamp: ts,
		sign: sign(VECTOR_A.appId, VECTOR_A.appSecret, ts, body),
		'content-type': 'application/json; charset=utf-8',
		...overrides,
	};
}

test('description: trigger conventions, webhook, parameter names and defaults used by e2e workflows', () => {
	const d = node.description;
	assert.equal(d.name, 'ccPaymentTrigger');
	assert.equal(d.displayName, 'CCPayment Trigger');
	assert.deepEqual(d.group, ['trigger']);
	assert.deepEqual(d.inputs, []);
	assert.deepEqual(d.outputs, ['main']);
	assert.equal(/** @type {any} */ (d).usableAsTool, undefined);
	assert.deepEqual(d.version, [1, 2]);
	assert.equal(d.defaultVersion, 2);
	assert.equal(DEFAULTS.apiVersion, 'v1');
	assert.deepEqual(d.credentials, [
		{ name: 'ccPaymentApi', required: true, displayOptions: { show: { apiVersion: ['v1'] } } },
		{ name: 'ccPaymentV2Api', required: true, displayOptions: { show: { apiVersion: ['v2'] } } },
	]);
	assert.deepEqual(d.webhooks, [
		{
			name: 'default',
			httpMethod: 'POST',
			responseMode: 'onReceived',
			responseData: '={{ $parameter["options"]["ackBody"] || "success" }}',
			path: 'webhook',
		},
	]);
	assert.deepEqual(DEFAULTS.events, [
		'api_deposit',
		'direct_deposit',
		'invoice',
		'api_withdrawal',
		'refund',
	]);
	assert.deepEqual(DEFAULTS.statuses, ['success']);
	const options = /** @type {any} */ (
		d.properties.find((p) => p.name === 'options' && shownForV1(p))
	).options;
	assert.deepEqual(Object.fromEntries(options.map((/** @type {any} */ o) => [o.name, o.default])), {
		ackBody: 'success',
		ipAllowlist: '',
		ignoreDuplicates: true,
		includeHeaders: false,
		requireAppIdMatch: true,
		timestampTolerance: 300,
	});
	assert.ok(
		d.properties.some(
			(p) =>
				shownForV1(p) &&
				p.type === 'notice' &&
				/notify_url/.test(p.displayName) &&
				/Test URL/.test(p.displayName),
		),
	);
});

test('lifecycle methods are explicit no-ops that succeed', async () => {
	const m = node.webhookMethods.default;
	assert.equal(await m.checkExists.call(/** @type {any} */ ({})), true);
	assert.equal(await m.create.call(/** @type {any} */ ({})), true);
	assert.equal(await m.delete.call(/** @type {any} */ ({})), true);
});

test('each vector-A type (window off) runs the workflow once with payload + ccpayment block and acks "success"', async () => {
	for (const [type, { body, sign: s }] of Object.entries(WEBHOOKS)) {
		const { result, res } = await deliver({
			body,
			headers: vectorHeaders(s),
			parameters: { options: { timestampTolerance: 0 } },
		});
		// Runs are acknowledged by the node itself (so n8n saves the dedup key before the run starts).
		assert.equal(res.statusCode, 200, `${type}: 200`);
		assert.equal(res.body, 'success', `${type}: node answered the ack itself`);
		assert.equal(result.noWebhookResponse, true);
		assert.equal(result.webhookResponse, undefined);
		assert.equal(result.workflowData?.length, 1);
		assert.equal(result.workflowData[0].length, 1);
		const json = result.workflowData[0][0].json;
		const { ccpayment, ...rest } = json;
		assert.deepEqual(rest, JSON.parse(body), `${type}: payload unchanged`);
		assert.equal(ccpayment.eventType, type);
		assert.equal(ccpayment.verified, true);
		assert.equal(ccpayment.timestamp, VECTOR_A.timestamp);
		assert.equal(ccpayment.appId, VECTOR_A.appId);
		assert.match(ccpayment.receivedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		assert.equal(typeof ccpayment.amount, 'string');
		assert.equal('headers' in ccpayment, false, 'headers only on request');
	}
});

test('the default 300 s window refuses the 2023 vector timestamps with 401 and no run', async () => {
	const { result, res } = await deliver({
		body: WEBHOOKS.refund.body,
		headers: vectorHeaders(WEBHOOKS.refund.sign),
	});
	assert.deepEqual(result, { noWebhookResponse: true });
	assert.equal(res.statusCode, 401);
	assert.match(String(res.body), /more than 300s old/);
	assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
});

test('bad deliveries: 401 with a short reason, no run, nothing thrown, secret never echoed', async () => {
	const body = WEBHOOKS.api_deposit.body;
	const good = freshHeaders(body);
	const cases = [
		{
			name: 'tampered',
			body: body.replace('"10"', '"11"'),
			headers: good,
			reason: /Sign header does not match/,
		},
		{
			name: 'pretty-printed',
			body: JSON.stringify(JSON.parse(body), null, 2),
			headers: good,
			reason: /Sign header/,
		},
		{
			name: 'wrong App ID',
			body,
			headers: { ...good, appid: '202302010636261620672405236006999' },
			reason: /Appid header does not match/,
		},
		{
			name: 'missing Appid',
			body,
			headers: { ...good, appid: undefined },
			reason: /Missing header\(s\): Appid/,
		},
		{
			name: 'missing Timestamp',
			body,
			headers: { ...good, timestamp: undefined },
			reason: /Missing header\(s\): Timestamp/,
		},
		{
			name: 'missing Sign',
			body,
			headers: { ...good, sign: undefined },
			reason: /Missing header\(s\): Sign/,
		},
		{ name: 'stale', body, headers: freshWithTs(body, Number(nowSeconds()) - 301), reason: /old/ },
		{
			name: 'future',
			body,
			headers: freshWithTs(body, Number(nowSeconds()) + 301),
			reason: /future/,
		},
		{ name: 'no raw body', body: undefined, headers: good, reason: /Raw request body unavailable/ },
		{
			name: 'wrong secret',
			body,
			headers: good,
			credentials: { appId: VECTOR_A.appId, appSecret: 'dummy-secret' },
			reason: /Sign header/,
		},
		{
			name: 'no credential',
			body,
			headers: good,
			credentials: null,
			reason: /credential unavailable/,
		},
	];
	for (const c of cases) {
		const { result, res, staticData } = await deliver({
			body: c.body,
			headers: c.headers,
			credentials: c.credentials,
		});
		assert.deepEqual(result, { noWebhookResponse: true }, c.name);
		assert.equal(res.statusCode, 401, c.name);
		assert.match(String(res.body), c.reason, c.name);
		assert.ok(!String(res.body).includes(VECTOR_A.appSecret), c.name);
		assert.deepEqual(staticData, {}, `${c.name}: dedup store untouched`);
	}
});

/** @param {string} body @param {number} ts */
function freshWithTs(body, ts) {
	return {
		appid: VECTOR_A.appId,
		timestamp: String(ts),
		sign: sign(VECTOR_A.appId, VECTOR_A.appSecret, ts, body),
	};
}

test('verified but not a JSON object: 400 with reason, no run (empty body, non-JSON, array)', async () => {
	for (const [body, reason] of [
		['', 'Empty body'],
		['success', 'Body is not valid JSON'],
		['[{"pay_status":"success"}]', 'Body is not a JSON object'],
	]) {
		const { result, res } = await deliver({ body, headers: freshHeaders(body) });
		assert.deepEqual(result, { noWebhookResponse: true });
		assert.equal(res.statusCode, 400);
		assert.equal(res.body, reason);
	}
});

test('raw body is read lazily through readRawBody(); a read failure is a 401, not a throw', async () => {
	const body = WEBHOOKS.invoice.body;
	const ok = await deliver({ body, headers: freshHeaders(body), lazyRawBody: true });
	assert.equal(ok.result.workflowData?.[0][0].json.ccpayment.eventType, 'invoice');
	const bad = await deliver({
		body,
		headers: freshHeaders(body),
		lazyRawBody: true,
		readRawBodyFails: true,
	});
	assert.deepEqual(bad.result, { noWebhookResponse: true });
	assert.equal(bad.res.statusCode, 401);
});

test('filtered-out type or status: HTTP 200 + ack, no run, no dedup entry', async () => {
	const withdrawal = WEBHOOKS.api_withdrawal.body;
	const r1 = await deliver({
		body: withdrawal,
		headers: freshHeaders(withdrawal),
		parameters: { events: ['api_deposit', 'invoice'] },
	});
	assert.deepEqual(r1.result, { webhookResponse: 'success' });
	assert.deepEqual(r1.staticData, {});
	const pending = WEBHOOKS.api_deposit.body.replace(
		'"pay_status":"success"',
		'"pay_status":"pending"',
	);
	const r2 = await deliver({ body: pending, headers: freshHeaders(pending) });
	assert.deepEqual(r2.result, { webhookResponse: 'success' });
	const r3 = await deliver({
		body: pending,
		headers: freshHeaders(pending),
		parameters: { statuses: ['pending', 'success'] },
	});
	assert.equal(r3.result.workflowData?.[0][0].json.ccpayment.status, 'pending');
	const unknown = '{"pay_status":"success","order_type":"Payout","record_id":"1"}';
	const r4 = await deliver({ body: unknown, headers: freshHeaders(unknown) });
	assert.deepEqual(
		r4.result,
		{ webhookResponse: 'success' },
		'unknown type dropped with the default selection',
	);
	const r5 = await deliver({
		body: unknown,
		headers: freshHeaders(unknown),
		parameters: { events: [] },
	});
	assert.equal(
		r5.result.workflowData?.[0][0].json.ccpayment.eventType,
		'unknown',
		'empty Events accepts it',
	);
});

test('Invocie is delivered as an invoice event', async () => {
	const body = WEBHOOKS.invoice.body.replace('"order_type":"Invoice"', '"order_type":"Invocie"');
	const { result } = await deliver({
		body,
		headers: freshHeaders(body),
		parameters: { events: ['invoice'] },
	});
	const json = result.workflowData?.[0][0].json;
	assert.equal(json.order_type, 'Invocie', 'payload unchanged');
	assert.equal(json.ccpayment.eventType, 'invoice');
	assert.equal(json.ccpayment.orderType, 'Invoice');
});

test('duplicates: the same record and status is acked without a second run; a new status runs; option off runs again', async () => {
	const staticData = {};
	const body = WEBHOOKS.direct_deposit.body;
	const first = await deliver({ body, headers: freshHeaders(body), staticData });
	assert.equal(first.result.workflowData?.length, 1);
	const second = await deliver({ body, headers: freshHeaders(body), staticData });
	assert.deepEqual(second.result, { webhookResponse: 'success' });
	assert.equal(/** @type {any} */ (staticData).ccpaymentDedup.entries.length, 1);
	const processing = body.replace('"pay_status":"success"', '"pay_status":"processing"');
	const third = await deliver({
		body: processing,
		headers: freshHeaders(processing),
		staticData,
		parameters: { statuses: [] },
	});
	assert.equal(third.result.workflowData?.length, 1, 'status progression is not a duplicate');
	const off = await deliver({
		body,
		headers: freshHeaders(body),
		staticData,
		parameters: { options: { ignoreDuplicates: false } },
	});
	assert.equal(off.result.workflowData?.length, 1);
	// A record without record_id cannot be keyed and always runs.
	const noId = '{"pay_status":"success","order_type":"Refund","amount":"1"}';
	for (let i = 0; i < 2; i++) {
		const r = await deliver({ body: noId, headers: freshHeaders(noId), staticData });
		assert.equal(r.result.workflowData?.length, 1);
	}
});

test('custom ack body, Include Headers (without Sign), App ID check off, IP allow-list 403', async () => {
	const body = WEBHOOKS.refund.body;
	const r1 = await deliver({
		body,
		headers: freshHeaders(body),
		parameters: { options: { ackBody: 'Success', includeHeaders: true } },
	});
	assert.equal(r1.res.body, 'Success');
	const h = r1.result.workflowData?.[0][0].json.ccpayment.headers;
	assert.equal(h.appid, VECTOR_A.appId);
	assert.equal('sign' in h, false);
	assert.ok(!JSON.stringify(r1.result).includes(VECTOR_A.appSecret));
	const r2 = await deliver({
		body,
		headers: freshHeaders(body),
		parameters: { options: { ackBody: '' } },
	});
	assert.equal(r2.res.body, 'success', 'empty ack body falls back to success');

	const noAppId = freshHeaders(body);
	delete noAppId.appid;
	const r3 = await deliver({
		body,
		headers: noAppId,
		parameters: { options: { requireAppIdMatch: false } },
	});
	assert.equal(r3.result.workflowData?.length, 1);
	assert.equal(r3.result.workflowData?.[0][0].json.ccpayment.appId, VECTOR_A.appId);

	const r4 = await deliver({
		body,
		headers: freshHeaders(body),
		ip: '::ffff:192.0.2.7',
		parameters: { options: { ipAllowlist: '203.0.113.0/24' } },
	});
	assert.deepEqual(r4.result, { noWebhookResponse: true });
	assert.equal(r4.res.statusCode, 403);
	const r5 = await deliver({
		body,
		headers: freshHeaders(body),
		ip: '::ffff:203.0.113.9',
		parameters: { options: { ipAllowlist: '203.0.113.0/24' } },
	});
	assert.equal(r5.result.workflowData?.length, 1);
});

test('verification uses the raw bytes even when the parsed body differs', async () => {
	// getBodyData() in the fake returns a different object; the run must carry the raw body's payload.
	const body = WEBHOOKS.api_deposit.body;
	const { result } = await deliver({ body, headers: freshHeaders(body) });
	assert.equal(result.workflowData?.[0][0].json.tampered, undefined);
	assert.equal(result.workflowData?.[0][0].json.record_id, '202311140952301724307418092105728');
});

test('in-process dedup: a redelivery is caught even when static data was not persisted, and simultaneous copies run once', async () => {
	const body = WEBHOOKS.api_withdrawal.body;
	const workflowId = `wf-lost-${Math.random()}`;
	// Each request gets a fresh static-data object, as if n8n had not saved the previous key.
	const first = await deliver({ body, headers: freshHeaders(body), staticData: {}, workflowId });
	assert.equal(first.result.workflowData?.length, 1);
	const again = await deliver({ body, headers: freshHeaders(body), staticData: {}, workflowId });
	assert.deepEqual(again.result, { webhookResponse: 'success' }, 'no second run');
	assert.equal(
		/** @type {any} */ (again.staticData).ccpaymentDedup.entries.length,
		1,
		'and the key is written to static data again',
	);

	// Five copies at the same moment, each with its own static-data load: exactly one run.
	const burstBody = WEBHOOKS.refund.body;
	const burstWorkflow = `wf-burst-${Math.random()}`;
	const results = await Promise.all(
		Array.from({ length: 5 }, () =>
			deliver({
				body: burstBody,
				headers: freshHeaders(burstBody),
				staticData: {},
				workflowId: burstWorkflow,
			}),
		),
	);
	assert.equal(results.filter((r) => r.result.workflowData).length, 1);
	for (const r of results) {
		assert.equal(r.res.statusCode, 200);
		assert.ok(
			r.res.body === 'success' || r.result.webhookResponse === 'success',
			'every copy is acknowledged',
		);
	}

	// Another workflow (or the Test URL's mode) has its own memory.
	const other = await deliver({
		body,
		headers: freshHeaders(body),
		staticData: {},
		workflowId: `${workflowId}-other`,
	});
	assert.equal(other.result.workflowData?.length, 1);
});
