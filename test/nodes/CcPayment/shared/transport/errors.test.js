// @ts-check
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { product } = require('../../../../../dev/dist');

const {
	classifyBusinessError,
	classifyTransportError,
	classifyHttpStatus,
	messageFor,
	descriptionFor,
	hintFor,
} = product('errors');

const PATH = '/ccpayment/v1/withdraw';

test('documented business codes get their hints', () => {
	const notFound = classifyBusinessError(PATH, {
		code: 224083,
		msg: 'users do not exist',
		reason: 'ToUserNotFound',
	});
	assert.equal(notFound.kind, 'business');
	assert.equal(notFound.retryable, false);
	assert.equal(notFound.mayHaveBeenApplied, false);
	assert.equal(
		messageFor(notFound),
		'CCPayment rejected the request (code 224083: users do not exist, reason ToUserNotFound)',
	);
	assert.match(String(hintFor(notFound)), /Cwallet user does not exist/);

	const service = classifyBusinessError(PATH, {
		code: 224066,
		msg: 'service err, please try again',
	});
	assert.equal(service.kind, 'service_error');
	assert.equal(service.retryable, true);
	assert.equal(service.mayHaveBeenApplied, true, 'a write that hit 224066 has an unknown outcome');
	assert.match(String(hintFor(service)), /temporary/);
});

test('signature, timestamp and App ID problems point at the secret, the clock and the App ID', () => {
	const sig = classifyBusinessError(PATH, { code: 100001, msg: 'signature verification failed' });
	assert.match(String(hintFor(sig)), /App Secret/);
	const ts = classifyBusinessError(PATH, { code: 100002, msg: 'timestamp expired' });
	assert.match(String(hintFor(ts)), /clock/);
	const app = classifyBusinessError(PATH, { code: 100003, msg: 'appid not found' });
	assert.match(String(hintFor(app)), /App ID/);
	const sigNamingTimestamp = classifyBusinessError(PATH, {
		code: 100001,
		msg: 'signature verification failed: Sign does not match Appid + secret + Timestamp + body',
	});
	assert.match(
		String(hintFor(sigNamingTimestamp)),
		/App Secret/,
		'a signature message that names the Timestamp is still about the secret',
	);
	assert.match(
		String(
			hintFor(classifyBusinessError(PATH, { code: 1, msg: 'request timestamp out of range' })),
		),
		/clock/,
	);
	const other = classifyBusinessError(PATH, { code: 100009, msg: 'insufficient balance' });
	assert.equal(hintFor(other), undefined);
	assert.equal(
		messageFor(other),
		'CCPayment rejected the request (code 100009: insufficient balance)',
	);
});

test('rate-limit answers are retryable and were not applied', () => {
	for (const msg of ['rate limit exceeded', 'Too many requests', 'request frequency too high']) {
		const info = classifyBusinessError(PATH, { code: 100099, msg });
		assert.equal(info.kind, 'rate_limited', msg);
		assert.equal(info.retryable, true);
		assert.equal(info.mayHaveBeenApplied, false);
	}
});

test('transport failures: timeout and reset are ambiguous, refused is not', () => {
	const axiosLike = (/** @type {string} */ code, /** @type {string} */ message) =>
		Object.assign(new Error(message), { code });
	const wrapped = (/** @type {Error} */ cause) =>
		Object.assign(new Error('wrapped by n8n'), { cause });

	const timeout = classifyTransportError(
		PATH,
		wrapped(axiosLike('ECONNABORTED', 'timeout of 100ms exceeded')),
	);
	assert.deepEqual(
		[timeout.kind, timeout.retryable, timeout.mayHaveBeenApplied],
		['timeout', true, true],
	);

	const reset = classifyTransportError(PATH, wrapped(axiosLike('ECONNRESET', 'socket hang up')));
	assert.deepEqual([reset.kind, reset.mayHaveBeenApplied], ['connection_reset', true]);

	const refused = classifyTransportError(
		PATH,
		axiosLike('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1'),
	);
	assert.deepEqual(
		[refused.kind, refused.retryable, refused.mayHaveBeenApplied],
		['connection_refused', true, false],
	);

	const cancelled = classifyTransportError(PATH, axiosLike('ERR_CANCELED', 'canceled'));
	assert.equal(cancelled.kind, 'cancelled');

	const unknown = classifyTransportError(PATH, new Error('something odd'));
	assert.equal(unknown.mayHaveBeenApplied, true, 'unknown failures assume the worst');
});

test('HTTP status classification', () => {
	assert.deepEqual(
		[classifyHttpStatus(PATH, 502).retryable, classifyHttpStatus(PATH, 502).mayHaveBeenApplied],
		[true, true],
	);
	assert.deepEqual(
		[classifyHttpStatus(PATH, 404).retryable, classifyHttpStatus(PATH, 404).mayHaveBeenApplied],
		[false, false],
	);
	assert.equal(classifyHttpStatus(PATH, 429).retryable, true);
	assert.equal(
		messageFor(classifyHttpStatus(PATH, 503)),
		'CCPayment answered with HTTP 503 instead of 200',
	);
});

test('descriptions tell the user what to do next', () => {
	const timeout = classifyTransportError(
		PATH,
		Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }),
	);
	assert.match(String(descriptionFor(timeout)), /Withdrawal > Get before sending it again/);
	assert.match(
		String(
			descriptionFor({
				path: PATH,
				kind: 'bad_signature',
				retryable: true,
				mayHaveBeenApplied: true,
			}),
		),
		/App Secret/,
	);
	assert.match(
		String(
			descriptionFor(
				classifyTransportError(PATH, Object.assign(new Error('x'), { code: 'ENOTFOUND' })),
			),
		),
		/Base URL/,
	);
	assert.match(
		String(descriptionFor(classifyHttpStatus(PATH, 502), 'Body: <html>')),
		/Body: <html>/,
	);
});

test('real axios failures wrapped by n8n-core (NodeApiError) are classified by their code', async () => {
	const http = require('node:http');
	const net = require('node:net');
	const axios = require('axios').default;
	const { NodeApiError } = require('n8n-workflow');
	const node = {
		id: '1',
		name: 'CCPayment',
		type: 'n8n-nodes-ccpayment.ccPayment',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	// What n8n-core's httpRequestWithAuthentication does with any axios failure.
	const wrapLikeN8n = async (/** @type {() => Promise<unknown>} */ call) => {
		try {
			await call();
		} catch (error) {
			return new NodeApiError(/** @type {any} */ (node), error);
		}
		throw new Error('expected a failure');
	};

	/** @type {import('node:net').Socket[]} */
	const sockets = [];
	const silent = http.createServer(() => {}); // never answers
	silent.on('connection', (s) => sockets.push(s));
	const resetting = net.createServer((s) => s.on('data', () => s.destroy())); // drops after the request
	await new Promise((r) => silent.listen(0, '127.0.0.1', () => r(undefined)));
	await new Promise((r) => resetting.listen(0, '127.0.0.1', () => r(undefined)));
	const closed = net.createServer();
	await new Promise((r) => closed.listen(0, '127.0.0.1', () => r(undefined)));
	const closedPort = /** @type {import('node:net').AddressInfo} */ (closed.address()).port;
	await new Promise((r) => closed.close(() => r(undefined)));
	try {
		const port = (/** @type {any} */ s) => s.address().port;
		const timeout = await wrapLikeN8n(() =>
			axios.post(`http://127.0.0.1:${port(silent)}/`, '{}', { timeout: 50 }),
		);
		assert.match(
			timeout.message,
			/aborted/i,
			'n8n rewrites the message, which is why the code matters',
		);
		assert.equal(classifyTransportError(PATH, timeout).kind, 'timeout');

		const refused = await wrapLikeN8n(() => axios.post(`http://127.0.0.1:${closedPort}/`, '{}'));
		const refusedInfo = classifyTransportError(PATH, refused);
		assert.deepEqual(
			[refusedInfo.kind, refusedInfo.mayHaveBeenApplied],
			['connection_refused', false],
		);

		const reset = await wrapLikeN8n(() => axios.post(`http://127.0.0.1:${port(resetting)}/`, '{}'));
		const resetInfo = classifyTransportError(PATH, reset);
		assert.deepEqual([resetInfo.kind, resetInfo.mayHaveBeenApplied], ['connection_reset', true]);

		const controller = new AbortController();
		const pending = wrapLikeN8n(() =>
			axios.post(`http://127.0.0.1:${port(silent)}/`, '{}', { signal: controller.signal }),
		);
		controller.abort();
		assert.equal(classifyTransportError(PATH, await pending).kind, 'cancelled');
	} finally {
		for (const s of sockets) s.destroy();
		await new Promise((r) => silent.close(() => r(undefined)));
		await new Promise((r) => resetting.close(() => r(undefined)));
	}
});
