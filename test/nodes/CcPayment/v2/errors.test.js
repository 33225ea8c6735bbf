// @ts-check
'use strict';
/**
 * v2 failures as the user sees them: CCPayment codes become NodeApiErrors naming code, tip and fix;
 * continue-on-fail items carry code, tip and kind; rate limits and server problems are retried;
 * invalid input fails before anything is sent; responses need no signature. Also the pickers.
 */
const { test, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');

const {
	ok,
	fail,
	startServer,
	runV2,
	jsonOf,
	errorOf,
	pick,
	byId,
} = require('../../../helpers/v2-node');

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
/** @type {Array<(req: any) => { status?: number, body?: string }>} */
let queue = [];
/** @type {(req: any) => { status?: number, body?: string }} */
let fallback = () => ok({});

before(async () => {
	server = await startServer((req) =>
		queue.length ? /** @type {any} */ (queue.shift())(req) : fallback(req),
	);
});

after(async () => {
	await server.stop();
});

beforeEach(() => {
	queue = [];
	fallback = () => ok({});
	server.requests.length = 0;
});

const COIN = { resource: 'coin', operation: 'get', coinId: byId('1280'), simplify: false };

test('a CCPayment code becomes a NodeApiError naming code, tip and fix', async () => {
	fallback = () => fail(14010, 'NoSupportCoin');
	const error = await errorOf(runV2(server.url, COIN));
	assert.equal(error.name, 'NodeApiError');
	assert.equal(error.message, 'CCPayment rejected the request (code 14010 NoSupportCoin)');
	assert.match(error.description, /Tokens for your business/);
	assert.equal(server.requests.length, 1, 'business errors are not retried');
});

test('wrong secret, unknown App ID, clock, IP, verification and v1 account each say what to fix', async () => {
	const cases = /** @type {Array<[number, string, RegExp]>} */ ([
		[11005, 'VerifySignFailed', /App Secret/],
		[12001, 'MerchantNotFound', /App ID/],
		[11006, 'ReqExpired', /clock/],
		[12002, 'IpNotInWhitelist', /whitelist/],
		[12003, 'MerchantApiDisabled', /website verification/],
		[11013, 'NoSupportVersion', /v1 account: use the CCPayment V1 API credential/],
	]);
	for (const [code, tip, fix] of cases) {
		fallback = () => fail(code, tip);
		const error = await errorOf(runV2(server.url, COIN));
		assert.equal(error.message, `CCPayment rejected the request (code ${code} ${tip})`);
		assert.match(error.description, fix, `code ${code}`);
	}
});

test('a 33-digit App ID gets a v1 hint on credential codes (the request is still sent)', async () => {
	fallback = () => fail(12001, 'MerchantNotFound');
	const error = await errorOf(
		runV2(server.url, COIN, { credentials: { appId: '202302010636261620672405236006912' } }),
	);
	assert.equal(server.requests.length, 1);
	assert.match(error.description, /33 digits, like a v1 App ID/);
	fallback = () => fail(14000, 'BalanceInsufficient');
	const other = await errorOf(
		runV2(server.url, COIN, { credentials: { appId: '202302010636261620672405236006912' } }),
	);
	assert.doesNotMatch(other.description, /33 digits/);
});

test('continue on fail: an error item with code, tip, msg and kind, paired to its input; other items go on', async () => {
	fallback = (req) =>
		JSON.parse(req.body).coinId === 1329
			? fail(13000, 'InvalidCoin')
			: ok({ coin: { coinId: 1280 } });
	const { output } = await runV2(
		server.url,
		{ ...COIN, coinId: byId('={{ $json.id }}') },
		{
			items: [{ json: { id: 1280 } }, { json: { id: 1329 } }, { json: { id: 'abc' } }],
			continueOnFail: true,
		},
	);
	const items = output[0];
	assert.deepEqual(items[0].json, { coinId: 1280 });
	assert.deepEqual(items[1].pairedItem, { item: 1 });
	const { description, ...rest } = items[1].json;
	assert.deepEqual(rest, {
		error: 'CCPayment rejected the request (code 13000 InvalidCoin)',
		code: 13000,
		tip: 'InvalidCoin',
		msg: 'InvalidCoin',
		kind: 'business',
	});
	assert.match(String(description), /Pick the coin from the list/);
	assert.equal(items[2].json.kind, 'invalid_parameter');
	assert.match(
		String(items[2].json.error),
		/^Coin must be a whole number of at least 1 \(got "abc"\) \[item 2\]$/,
	);
	assert.equal(server.requests.length, 2, 'the invalid item sent nothing');
});

test('rate limits (11004, 11018) and server problems (11002) are retried; then the answer is used', async () => {
	for (const code of [11004, 11018, 11002]) {
		server.requests.length = 0;
		queue = [() => fail(code, 'x')];
		fallback = () => ok({ coin: { coinId: 1280 } });
		const [coin] = await jsonOf(runV2(server.url, COIN));
		assert.deepEqual(coin, { coinId: 1280 }, `code ${code}`);
		assert.equal(server.requests.length, 2, `code ${code}: one retry`);
		assert.equal(server.requests[0].body, server.requests[1].body, 'the same bytes again');
	}
});

test('retries are bounded by Max Retries; the last answer is reported with its kind', async () => {
	fallback = () => fail(11004, 'RateLimit');
	const { output } = await runV2(
		server.url,
		{ ...COIN, options: { maxRetries: 1 } },
		{ continueOnFail: true },
	);
	assert.equal(server.requests.length, 2);
	assert.equal(output[0][0].json.kind, 'rate_limited');
	assert.equal(output[0][0].json.code, 11004);
	assert.match(String(output[0][0].json.description), /Max Requests per Second/);
});

test('validation happens before sending and names field, rule and fix', async () => {
	const cases = /** @type {Array<[Record<string, unknown>, RegExp]>} */ ([
		[
			{ resource: 'coin', operation: 'get', coinId: byId('') },
			/^Coin is required but empty \[item 0\]$/,
		],
		[{ resource: 'coin', operation: 'get', coinId: byId('12.5') }, /^Coin must be a whole number/],
		[
			{ resource: 'coin', operation: 'get', coinId: byId('99999999999999999999') },
			/^Coin must be a whole number/,
		],
		[
			{ resource: 'coin', operation: 'getPrices', coinIds: ' , ' },
			/^Coin IDs is required but empty/,
		],
		[
			{
				resource: 'withdrawal',
				operation: 'getNetworkFee',
				coinId: byId('1280'),
				chain: byId(' '),
			},
			/^Chain is required but empty/,
		],
		[
			{ resource: 'cwalletUser', operation: 'check', cwalletUserId: '' },
			/^Cwallet User ID is required but empty/,
		],
		[
			{
				resource: 'aggregationFee',
				operation: 'getMany',
				startTime: '2024-03-02T00:00:00Z',
				endTime: '2024-03-01T00:00:00Z',
			},
			/^End Time is before Start Time/,
		],
		[
			{
				resource: 'aggregationFee',
				operation: 'getMany',
				startTime: '',
				endTime: '2024-03-01T00:00:00Z',
			},
			/^Start Time is required but empty/,
		],
		[{ ...COIN, options: { maxRequestsPerSecond: 1000 } }, /maxRequestsPerSecond/],
	]);
	for (const [parameters, message] of cases) {
		const error = await errorOf(runV2(server.url, parameters));
		assert.equal(error.name, 'NodeOperationError', JSON.stringify(parameters));
		assert.match(error.message, message);
		assert.ok(error.description, 'says how to fix it');
	}
	assert.equal(server.requests.length, 0, 'nothing was sent');
});

test('responses need no signature; a broken envelope or HTTP error is reported as such', async () => {
	fallback = () => ok({ coin: { coinId: 1280 } });
	assert.deepEqual(await jsonOf(runV2(server.url, COIN)), [{ coinId: 1280 }]);
	fallback = () => ({ body: '<html>gateway</html>' });
	const bad = await errorOf(runV2(server.url, { ...COIN, options: { maxRetries: 0 } }));
	assert.match(bad.message, /not a valid CCPayment envelope/);
	fallback = () => ({ status: 502, body: 'Bad gateway' });
	const http = await errorOf(runV2(server.url, { ...COIN, options: { maxRetries: 0 } }));
	assert.match(http.message, /HTTP 502/);
});

test('pickers: coins from getCoinList, then the chains of the picked coin (all chains without one)', async () => {
	fallback = () =>
		ok({
			coins: [
				{
					coinId: 1280,
					symbol: 'USDT',
					coinFullName: 'Tether USD',
					status: 'Normal',
					networks: {
						POLYGON: { chain: 'POLYGON', chainFullName: 'Polygon', canWithdraw: true },
						TRX: { chain: 'TRX', chainFullName: 'Tron', canWithdraw: false },
					},
				},
				{
					coinId: 1329,
					symbol: 'MATIC',
					coinFullName: 'Polygon',
					status: 'Maintain',
					networks: { POLYGON: { chain: 'POLYGON', chainFullName: 'Polygon', canWithdraw: true } },
				},
				{
					coinId: 1891,
					symbol: 'TETH',
					coinFullName: 'Sepolia ETH',
					status: 'Normal',
					networks: {
						ETH_SEPOLIA: { chain: 'ETH_SEPOLIA', chainFullName: 'Sepolia', canWithdraw: true },
					},
				},
			],
		});
	const coins = await pick(server.url, 'searchCoinsV2');
	assert.deepEqual(coins.results, [
		{ name: 'MATIC · Polygon (Maintain)', value: '1329' },
		{ name: 'TETH · Sepolia ETH', value: '1891' },
		{ name: 'USDT · Tether USD', value: '1280' },
	]);
	assert.equal(server.requests[0].url, '/ccpayment/v2/getCoinList');
	assert.equal(server.requests[0].body, '');
	const filtered = await pick(server.url, 'searchCoinsV2', {}, 'tether');
	assert.deepEqual(
		filtered.results.map((r) => r.value),
		['1280'],
	);
	const chains = await pick(server.url, 'searchChainsV2', {
		coinId: { __rl: true, mode: 'list', value: '1280' },
	});
	assert.deepEqual(chains.results, [
		{ name: 'POLYGON · Polygon', value: 'POLYGON' },
		{ name: 'TRX · Tron (withdrawals closed)', value: 'TRX' },
	]);
	const every = await pick(server.url, 'searchChainsV2');
	assert.deepEqual(
		every.results.map((r) => r.value),
		['ETH_SEPOLIA', 'POLYGON', 'TRX'],
	);
});
