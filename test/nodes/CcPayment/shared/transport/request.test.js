// @ts-check
'use strict';
/**
 * The node's `ccpaymentApiRequest` run inside a real n8n-core ExecuteContext (real
 * httpRequestWithAuthentication + axios + the credential's authenticate) against the simulator, and
 * against a tiny local server for response tampering the simulator does not do. Every failure must
 * be clear, and no error (message, description, JSON, inspect output) may contain the App Secret.
 */
const { test, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const util = require('node:util');

const { startSimulator } = require('../../../../../simulator');
const { runNode } = require('../../../../../dev/n8n/harness');
const { startRecordingServer, signedResponse } = require('../../../../../dev/recording-server');
const { product } = require('../../../../../dev/dist');
const { ccpaymentApiRequest, failureInfoOf } = product('transport');
const { verify } = product('signer');

const WRONG_SECRET = 'ffffeeeeddddccccbbbbaaaa99998888';

/** @type {any} */
let sim;
/** @type {Awaited<ReturnType<typeof startRecordingServer>>} */
let fake;
/** @type {(req: any) => any} */
let fakeResponder = () => ({ status: 500, body: 'not configured' });

before(async () => {
	sim = await startSimulator({ port: 0 });
	fake = await startRecordingServer((req) => fakeResponder(req));
});

after(async () => {
	await sim.stop();
	await fake.stop();
});

beforeEach(async () => {
	sim.faults.clear();
});

/** Calls ccpaymentApiRequest once per item; honours continueOnFail like our action node must. */
class FakeTransportNode {
	description = {
		displayName: 'Fake Transport',
		name: 'fakeTransport',
		group: ['transform'],
		version: 1,
		description: 'Calls ccpaymentApiRequest per item',
		defaults: { name: 'Fake Transport' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'ccPaymentApi', required: true }],
		properties: [
			{ displayName: 'Endpoint', name: 'endpoint', type: 'string', default: 'coin/all' },
			{ displayName: 'Body', name: 'body', type: 'json', default: '{}' },
			{ displayName: 'Timeout (ms)', name: 'timeoutMs', type: 'number', default: 0 },
		],
	};

	/** @this {import('n8n-workflow').IExecuteFunctions} */
	async execute() {
		const items = this.getInputData();
		const out = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const raw = this.getNodeParameter('body', i);
				const body = typeof raw === 'string' ? JSON.parse(raw) : raw;
				const timeoutMs =
					/** @type {number} */ (this.getNodeParameter('timeoutMs', i)) || undefined;
				const data = await ccpaymentApiRequest.call(
					this,
					/** @type {any} */ (this.getNodeParameter('endpoint', i)),
					body,
					{
						itemIndex: i,
						timeoutMs,
					},
				);
				out.push({ json: { data }, pairedItem: { item: i } });
			} catch (error) {
				if (this.continueOnFail()) {
					const info = failureInfoOf(error);
					out.push({
						json: { error: error.message, code: info?.code, kind: info?.kind },
						pairedItem: { item: i },
					});
					continue;
				}
				throw error;
			}
		}
		return [out];
	}
}

function goodCredentials() {
	return { appId: sim.merchant.appId, appSecret: sim.merchant.appSecret, baseUrl: sim.url };
}

/**
 * Run the fake node once and return the error it throws.
 * @param {Record<string, unknown>} parameters @param {any} credentials
 */
async function failure(parameters, credentials) {
	/** @type {any} */
	let caught;
	try {
		await runNode(FakeTransportNode, { parameters, credentials });
	} catch (error) {
		caught = error;
	}
	assert.ok(caught, 'the node must fail');
	return caught;
}

/**
 * The secret must appear nowhere in what an error exposes.
 * @param {any} error @param {string[]} secrets
 */
function assertNoSecret(error, secrets) {
	const seen = new WeakSet();
	const json = JSON.stringify(error, (_key, value) => {
		if (value && typeof value === 'object') {
			if (seen.has(value)) return '[circular]';
			seen.add(value);
		}
		return value;
	});
	const views = {
		message: String(error.message),
		description: String(error.description),
		json,
		inspect: util.inspect(error, { depth: 8, showHidden: false }),
		stack: String(error.stack),
	};
	for (const secret of secrets) {
		for (const [where, text] of Object.entries(views)) {
			assert.ok(!text.includes(secret), `the App Secret leaked into the error's ${where}`);
		}
	}
}

test('success: a signed coin/all response is verified and its data returned', async () => {
	const { output } = await runNode(FakeTransportNode, {
		parameters: { endpoint: 'coin/all' },
		credentials: goodCredentials(),
	});
	const data = /** @type {any} */ (output[0][0].json.data);
	assert.ok(
		Array.isArray(data.coins) || Array.isArray(data.list) || typeof data === 'object',
		'data is returned',
	);
	const logged = sim.getRequests({ path: 'coin/all' }).at(-1);
	assert.equal(logged.rawBody, '{}', 'a parameterless call sends {}');
	assert.ok(
		verify(
			sim.merchant.appId,
			sim.merchant.appSecret,
			logged.headers.timestamp,
			logged.rawBody,
			logged.headers.sign,
		),
	);
});

test('success with a body: the simulator received exactly the serialised body', async () => {
	const body = { amount: '100.5', token_id: '0912e09a-d8e2-41d7-a0bc-a25530892988' };
	const { output } = await runNode(FakeTransportNode, {
		parameters: { endpoint: 'token/rate', body: JSON.stringify(body) },
		credentials: goodCredentials(),
	});
	assert.ok(output[0][0].json.data && typeof output[0][0].json.data === 'object');
	assert.equal(sim.getRequests({ path: 'token/rate' }).at(-1).rawBody, JSON.stringify(body));
});

test('wrong secret: the business error from the simulator names code and msg, hints at the secret, and never shows it', async () => {
	const error = await failure(
		{ endpoint: 'coin/all' },
		{ ...goodCredentials(), appSecret: WRONG_SECRET },
	);
	const info = failureInfoOf(error);
	assert.equal(info?.kind, 'business');
	assert.equal(typeof info?.code, 'number');
	assert.notEqual(info?.code, 10000);
	assert.match(error.message, new RegExp(`code ${info?.code}`));
	assert.match(error.message, /sign/i, 'the simulator msg (signature) is in the message');
	assert.match(String(error.description), /App Secret/, 'the hint says to check the App Secret');
	assertNoSecret(error, [WRONG_SECRET, sim.merchant.appSecret]);
});

test('business code: message names the CCPayment code, msg and reason', async () => {
	const error = await failure(
		{ endpoint: 'check/user', body: JSON.stringify({ c_id: '99999999' }) },
		goodCredentials(),
	);
	const info = failureInfoOf(error);
	assert.equal(info?.code, 224083);
	assert.match(error.message, /224083/);
	assert.match(error.message, /users do not exist/);
	assert.match(error.message, /ToUserNotFound/);
	assert.equal(error.constructor.name, 'NodeApiError');
	assertNoSecret(error, [sim.merchant.appSecret]);
});

test('bad response signature: discarded, never returned as data', async () => {
	sim.faults.set([{ endpoint: 'coin/all', kind: 'bad_signature', count: 1 }]);
	const error = await failure({ endpoint: 'coin/all' }, goodCredentials());
	assert.equal(failureInfoOf(error)?.kind, 'bad_signature');
	assert.match(error.message, /signature verification/i);
	assertNoSecret(error, [sim.merchant.appSecret]);
});

test('HTTP 500: a clear error naming the status', async () => {
	sim.faults.set([{ endpoint: 'coin/all', kind: 'http500', count: 1 }]);
	const error = await failure({ endpoint: 'coin/all' }, goodCredentials());
	const info = failureInfoOf(error);
	assert.equal(info?.kind, 'http_status');
	assert.equal(info?.httpStatus, 500);
	assert.match(error.message, /HTTP 500/);
	assertNoSecret(error, [sim.merchant.appSecret]);
});

test('timeout: a short timeoutMs gives "did not answer in time" and says the call may have been applied', async () => {
	sim.faults.set([{ endpoint: 'coin/all', kind: 'timeout_after', count: 1, hold_ms: 3000 }]);
	const error = await failure({ endpoint: 'coin/all', timeoutMs: 150 }, goodCredentials());
	const info = failureInfoOf(error);
	assert.equal(info?.kind, 'timeout');
	assert.equal(info?.mayHaveBeenApplied, true);
	assert.match(error.message, /did not answer in time/);
	assertNoSecret(error, [sim.merchant.appSecret]);
});

test('connection refused: "could not connect", definitely not applied', async () => {
	const closed = await startRecordingServer(() => ({ body: '' }));
	const url = closed.url;
	await closed.stop();
	const error = await failure({ endpoint: 'coin/all' }, { ...sim.merchant, baseUrl: url });
	const info = failureInfoOf(error);
	assert.equal(info?.kind, 'connection_refused');
	assert.equal(info?.mayHaveBeenApplied, false);
	assert.match(error.message, /Could not connect/);
	assertNoSecret(error, [sim.merchant.appSecret]);
});

test('stale response timestamp (correctly signed, 1000 s old): rejected, never returned as data', async () => {
	const previous = sim.config.responseTimestampOffsetSeconds;
	sim.config.responseTimestampOffsetSeconds = -1000;
	try {
		const error = await failure({ endpoint: 'coin/all' }, goodCredentials());
		assert.equal(failureInfoOf(error)?.kind, 'bad_signature');
		assert.match(String(error.description), /old/);
		assertNoSecret(error, [sim.merchant.appSecret]);
	} finally {
		sim.config.responseTimestampOffsetSeconds = previous;
	}
});

test('non-JSON body (signed truncated JSON): a bad-response error with a snippet, no data', async () => {
	sim.faults.set([{ endpoint: 'coin/all', kind: 'malformed_json', count: 1 }]);
	const error = await failure({ endpoint: 'coin/all' }, goodCredentials());
	assert.equal(failureInfoOf(error)?.kind, 'bad_response');
	assert.match(error.message, /not a valid CCPayment envelope/);
	assertNoSecret(error, [sim.merchant.appSecret]);
});

test('tampered response body (signed, then changed in transit): rejected as a bad signature', async () => {
	const merchant = sim.merchant;
	const original = '{"code":10000,"msg":"success","data":{"price":"1.00","value":"100"}}';
	const tampered = '{"code":10000,"msg":"success","data":{"price":"1.00","value":"999"}}';
	fakeResponder = () => signedResponse(merchant, tampered, { signBody: original });
	const error = await failure(
		{ endpoint: 'token/rate', body: '{"amount":"100","token_id":"x"}' },
		{ ...merchant, baseUrl: fake.url },
	);
	assert.equal(failureInfoOf(error)?.kind, 'bad_signature');
	assertNoSecret(error, [merchant.appSecret]);

	// Control: the same server with an honest signature is accepted, so the rejection above is the tamper.
	fakeResponder = () => signedResponse(merchant, original);
	const { output } = await runNode(FakeTransportNode, {
		parameters: { endpoint: 'token/rate', body: '{"amount":"100","token_id":"x"}' },
		credentials: { ...merchant, baseUrl: fake.url },
	});
	assert.deepEqual(output[0][0].json.data, { price: '1.00', value: '100' });
});

test('plain text / HTML body with HTTP 200: a bad-response error', async () => {
	fakeResponder = () => ({
		status: 200,
		headers: { 'Content-Type': 'text/html' },
		body: '<html>gateway says hi</html>',
	});
	const error = await failure({ endpoint: 'coin/all' }, { ...sim.merchant, baseUrl: fake.url });
	assert.equal(failureInfoOf(error)?.kind, 'bad_response');
	assert.match(
		String(error.description),
		/gateway says hi/,
		'the description shows a snippet of what came back',
	);
	assertNoSecret(error, [sim.merchant.appSecret]);
});

test('continueOnFail: failing items become error items (with code) and the others still succeed', async () => {
	const items = [
		{ json: { c: '9454818' } },
		{ json: { c: '99999999' } },
		{ json: { c: '10000001' } },
	];
	const { output } = await runNode(FakeTransportNode, {
		parameters: { endpoint: 'check/user', body: '={{ JSON.stringify({ c_id: $json.c }) }}' },
		items,
		credentials: goodCredentials(),
		continueOnFail: true,
	});
	assert.equal(output[0].length, 3);
	assert.ok(output[0][0].json.data, 'item 0 succeeded');
	assert.equal(output[0][1].json.code, 224083, 'item 1 carries the CCPayment code');
	assert.match(String(output[0][1].json.error), /224083/);
	assert.ok(output[0][2].json.data, 'item 2 succeeded after the failure');
	assert.deepEqual(
		output[0].map((i) => i.pairedItem),
		[{ item: 0 }, { item: 1 }, { item: 2 }],
	);
	// Without continueOnFail the same input stops at item 1.
	await assert.rejects(
		runNode(FakeTransportNode, {
			parameters: { endpoint: 'check/user', body: '={{ JSON.stringify({ c_id: $json.c }) }}' },
			items,
			credentials: goodCredentials(),
		}),
		/224083/,
	);
});
