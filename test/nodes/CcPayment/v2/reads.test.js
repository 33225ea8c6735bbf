// @ts-check
'use strict';
/**
 * The first v2 operations (reads), run inside n8n-core against a local server: for each, the exact
 * path, the exact bytes sent (no body when there are no parameters; integer IDs as JSON numbers)
 * and an HMAC signature over exactly those bytes; then what comes out.
 */
const { test, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');

const {
	MERCHANT_V2,
	ok,
	startServer,
	runV2,
	jsonOf,
	byId,
	fromList,
} = require('../../../helpers/v2-node');

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
/** @type {Record<string, unknown>} */
let answers = {};

const COINS = [
	{
		coinId: 1280,
		symbol: 'USDT',
		coinFullName: 'Tether USD',
		logoUrl: 'https://resource.cwallet.com/token/icon/usdt.png',
		status: 'Normal',
		price: '1',
		networks: {
			POLYGON: {
				chain: 'POLYGON',
				chainFullName: 'Polygon',
				contract: '0xc2132d05d31c914a87c6611c10748aeb04b58e8f',
				precision: 6,
				canDeposit: true,
				canWithdraw: true,
				minimumDepositAmount: '0',
				minimumWithdrawAmount: '0.1',
				maximumWithdrawAmount: '0',
				isSupportMemo: false,
			},
			TRX: {
				chain: 'TRX',
				chainFullName: 'Tron',
				contract: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
				precision: 6,
				canDeposit: true,
				canWithdraw: false,
				minimumDepositAmount: '0',
				minimumWithdrawAmount: '1',
				maximumWithdrawAmount: '0',
				isSupportMemo: false,
			},
		},
	},
	{
		coinId: 1329,
		symbol: 'MATIC',
		coinFullName: 'Polygon',
		logoUrl: 'https://resource.cwallet.com/token/icon/matic.png',
		status: 'Maintain',
		networks: {
			POLYGON: {
				chain: 'POLYGON',
				chainFullName: 'Polygon',
				contract: '137',
				precision: 18,
				canDeposit: true,
				canWithdraw: true,
				minimumDepositAmount: '0',
				minimumWithdrawAmount: '0.025',
				maximumWithdrawAmount: '0',
				isSupportMemo: false,
			},
		},
	},
];

before(async () => {
	server = await startServer((req) => {
		const path = req.url.replace('/ccpayment/v2/', '');
		const answer = answers[path];
		if (typeof answer === 'function') return answer(req);
		return ok(answer ?? {});
	});
});

after(async () => {
	await server.stop();
});

beforeEach(() => {
	answers = {};
	server.requests.length = 0;
});

/**
 * The one request sent to `path`: POST, JSON content type, signed with HMAC over exactly the bytes
 * received, and those bytes equal `body` ('' = no body).
 * @param {string} path @param {string} body
 */
function assertSent(path, body) {
	const requests = server.to(path);
	assert.equal(requests.length, 1, `one request to ${path}`);
	const [request] = requests;
	assert.equal(request.method, 'POST');
	assert.equal(request.body, body, `bytes sent to ${path}`);
	assert.equal(request.headers['content-length'], String(Buffer.byteLength(body)));
	assert.equal(request.headers['content-type'], 'application/json');
	assert.equal(request.headers.appid, MERCHANT_V2.appId);
	assert.match(String(request.headers.timestamp), /^\d{10}$/);
	const expected = crypto
		.createHmac('sha256', MERCHANT_V2.appSecret)
		.update(
			Buffer.concat([Buffer.from(`${MERCHANT_V2.appId}${request.headers.timestamp}`), request.raw]),
		)
		.digest('hex');
	assert.equal(request.headers.sign, expected, `signature of ${path} covers the exact bytes`);
	return request;
}

test('Coin > Get Many: no body; simplified by default, full coins when Simplify is off', async () => {
	answers.getCoinList = { coins: COINS };
	const simple = await jsonOf(runV2(server.url, { resource: 'coin', operation: 'getMany' }));
	assertSent('getCoinList', '');
	assert.deepEqual(simple, [
		{
			coinId: 1280,
			symbol: 'USDT',
			coinFullName: 'Tether USD',
			status: 'Normal',
			price: '1',
			chains: ['POLYGON', 'TRX'],
			depositChains: ['POLYGON', 'TRX'],
			withdrawChains: ['POLYGON'],
		},
		{
			coinId: 1329,
			symbol: 'MATIC',
			coinFullName: 'Polygon',
			status: 'Maintain',
			chains: ['POLYGON'],
			depositChains: ['POLYGON'],
			withdrawChains: ['POLYGON'],
		},
	]);
	const full = await jsonOf(
		runV2(server.url, { resource: 'coin', operation: 'getMany', simplify: false }),
	);
	assert.deepEqual(full, COINS);
});

test('Coin > Get: coinId is a JSON number, from the ID field or the list', async () => {
	answers.getCoin = { coin: COINS[0] };
	const [coin] = await jsonOf(
		runV2(server.url, {
			resource: 'coin',
			operation: 'get',
			coinId: byId(' 1280 '),
			simplify: false,
		}),
	);
	assertSent('getCoin', '{"coinId":1280}');
	assert.deepEqual(coin, COINS[0]);
	server.requests.length = 0;
	const [simple] = await jsonOf(
		runV2(server.url, {
			resource: 'coin',
			operation: 'get',
			coinId: fromList('1280', 'USDT · Tether USD'),
		}),
	);
	assertSent('getCoin', '{"coinId":1280}');
	assert.equal(simple.symbol, 'USDT');
	assert.deepEqual(simple.withdrawChains, ['POLYGON']);
});

test('Coin > Get USDT Prices: coinIds as a number list; one item per coin with the price string', async () => {
	answers.getCoinUSDTPrice = { prices: { 1280: '1', 1329: '0.000000000000000001' } };
	const items = await jsonOf(
		runV2(server.url, { resource: 'coin', operation: 'getPrices', coinIds: '1280, 1329,1280' }),
	);
	assertSent('getCoinUSDTPrice', '{"coinIds":[1280,1329]}');
	assert.deepEqual(items, [
		{ coinId: 1280, price: '1' },
		{ coinId: 1329, price: '0.000000000000000001' },
	]);
	server.requests.length = 0;
	const raw = await jsonOf(
		runV2(server.url, {
			resource: 'coin',
			operation: 'getPrices',
			coinIds: '={{ [1329] }}',
			simplify: false,
		}),
	);
	assertSent('getCoinUSDTPrice', '{"coinIds":[1329]}');
	assert.deepEqual(raw, [{ prices: { 1280: '1', 1329: '0.000000000000000001' } }]);
});

test("Coin > Get Main Coins: sends the credential's App ID; one item per coin and chain", async () => {
	answers.getMainCoinList = {
		coinChainList: [
			{
				coinId: 1280,
				symbol: 'USDT',
				chain: 'POLYGON',
				network: 'Polygon',
				status: 'Normal',
				logoUrl: '',
			},
		],
	};
	const items = await jsonOf(runV2(server.url, { resource: 'coin', operation: 'getMainCoins' }));
	assertSent('getMainCoinList', `{"appId":"${MERCHANT_V2.appId}"}`);
	assert.equal(items.length, 1);
	assert.equal(items[0].chain, 'POLYGON');
});

test('Fiat Currency > Get Many: no body; one item per fiat, IDs stay numbers', async () => {
	answers.getFiatList = {
		fiats: [
			{ fiatId: 1033, symbol: 'USD', logoUrl: '', mark: '$', usdRate: '1' },
			{ fiatId: 1022, symbol: 'DKK', logoUrl: '', mark: 'kr', usdRate: '6.825765' },
		],
	};
	const items = await jsonOf(runV2(server.url, { resource: 'fiat', operation: 'getMany' }));
	assertSent('getFiatList', '');
	assert.deepEqual(
		items.map((f) => [f.fiatId, f.usdRate]),
		[
			[1033, '1'],
			[1022, '6.825765'],
		],
	);
});

test('Chain > Get Many: no body for all chains, a chains list when filtered; the all/chain source', async () => {
	answers.getChainList = {
		chains: [
			{
				chain: 'ETH',
				chainFullName: 'Ethereum',
				status: 'Normal',
				confirmations: 12,
				isEVM: true,
				supportMemo: false,
			},
		],
	};
	answers['all/chain'] = { chains: [{ chain: 'ETH', confirmNum: 12 }] };
	const all = await jsonOf(runV2(server.url, { resource: 'chain', operation: 'getMany' }));
	assertSent('getChainList', '');
	assert.equal(all[0].confirmations, 12);
	server.requests.length = 0;
	await jsonOf(
		runV2(server.url, { resource: 'chain', operation: 'getMany', chains: 'ETH, POLYGON,,ETH' }),
	);
	assertSent('getChainList', '{"chains":["ETH","POLYGON"]}');
	server.requests.length = 0;
	const other = await jsonOf(
		runV2(server.url, {
			resource: 'chain',
			operation: 'getMany',
			source: 'allChain',
			chains: 'ETH',
		}),
	);
	assertSent('all/chain', '{"chains":["ETH"]}');
	assert.deepEqual(other, [{ chain: 'ETH', confirmNum: 12 }]);
});

test('Balance > Get Many and Get: amounts stay the strings CCPayment sent (also "")', async () => {
	answers.getAppCoinAssetList = {
		assets: [
			{ coinId: 1280, coinSymbol: 'USDT', available: '1234567.890123456789' },
			{ coinId: 1864, coinSymbol: 'SHIB', available: '' },
		],
	};
	answers.getAppCoinAsset = { asset: { coinId: 1280, coinSymbol: 'USDT', available: '0.10' } };
	const list = await jsonOf(runV2(server.url, { resource: 'balance', operation: 'getMany' }));
	assertSent('getAppCoinAssetList', '');
	assert.deepEqual(
		list.map((a) => a.available),
		['1234567.890123456789', ''],
	);
	const [one] = await jsonOf(
		runV2(server.url, { resource: 'balance', operation: 'get', coinId: byId('1280') }),
	);
	assertSent('getAppCoinAsset', '{"coinId":1280}');
	assert.deepEqual(one, { coinId: 1280, coinSymbol: 'USDT', available: '0.10' });
});

test('Withdrawal > Get Network Fee: coin from the picker, chain from its chain picker', async () => {
	answers.getWithdrawFee = {
		fee: { coinId: 1280, coinSymbol: 'USDT', amount: '0.0213814' },
		networkFeeInquiryID: 'abc',
	};
	const [fee] = await jsonOf(
		runV2(server.url, {
			resource: 'withdrawal',
			operation: 'getNetworkFee',
			coinId: fromList('1280', 'USDT · Tether USD'),
			chain: fromList('POLYGON', 'POLYGON · Polygon'),
		}),
	);
	assertSent('getWithdrawFee', '{"coinId":1280,"chain":"POLYGON"}');
	assert.deepEqual(fee, {
		fee: { coinId: 1280, coinSymbol: 'USDT', amount: '0.0213814' },
		networkFeeInquiryID: 'abc',
	});
});

test('Cwallet User > Check, Address > Check Validity, Blockchain > Get Block Height: exact bodies', async () => {
	answers.getCwalletUserId = { cwalletUserId: '35255142', cwalletUserName: 'j***@proton.me' };
	answers.checkWithdrawalAddressValidity = { addrIsValid: true };
	answers.getTradeBlockHeight = {
		chain: 'ETH',
		txBlockHeight: 100,
		currBlockHeight: 112,
		reqConfirmations: 12,
	};
	const [user] = await jsonOf(
		runV2(server.url, { resource: 'cwalletUser', operation: 'check', cwalletUserId: ' 35255142 ' }),
	);
	assertSent('getCwalletUserId', '{"cwalletUserId":"35255142"}');
	assert.equal(user.cwalletUserName, 'j***@proton.me');
	const [valid] = await jsonOf(
		runV2(server.url, {
			resource: 'address',
			operation: 'checkValidity',
			chain: byId('ETH'),
			address: '0x43fEeF6879286BBAC5082f17AD3dA55EA456B934',
		}),
	);
	assertSent(
		'checkWithdrawalAddressValidity',
		'{"chain":"ETH","address":"0x43fEeF6879286BBAC5082f17AD3dA55EA456B934"}',
	);
	assert.deepEqual(valid, { addrIsValid: true });
	const [height] = await jsonOf(
		runV2(server.url, {
			resource: 'blockchain',
			operation: 'getBlockHeight',
			recordId: '20240312090316119190942031876096',
		}),
	);
	assertSent('getTradeBlockHeight', '{"record_id":"20240312090316119190942031876096"}');
	assert.equal(height.reqConfirmations, 12);
});

test('Aggregation Fee > Get Many: Unix-second range, pages through nextId up to the limit', async () => {
	/** @type {any[]} */
	const pages = [];
	answers.getAggregationFeeRecord = (/** @type {any} */ req) => {
		const body = JSON.parse(req.body);
		pages.push(body);
		const start = body.nextId ? Number(body.nextId) : 0;
		const list = Array.from({ length: Math.min(body.limit, 250 - start) }, (_, k) => ({
			chain: 'ETH',
			address: `0x${start + k}`,
			aggregationTime: 1,
			collects: [{ coinId: 1280, coinSymbol: 'USDT', aggregationFee: '0.01' }],
		}));
		const next = start + list.length < 250 ? String(start + list.length) : '';
		return ok({ list, nextId: next });
	};
	const params = {
		resource: 'aggregationFee',
		operation: 'getMany',
		startTime: '2024-03-01T00:00:00Z',
		endTime: '2024-03-31T00:00:00Z',
	};
	const limited = await jsonOf(
		runV2(server.url, { ...params, limit: 150, additionalFields: { chain: 'ETH' } }),
	);
	assert.equal(limited.length, 150);
	assert.deepEqual(
		server.to('getAggregationFeeRecord').map((r) => r.body),
		[
			'{"startAt":1709251200,"endAt":1711843200,"limit":100,"chain":"ETH"}',
			'{"startAt":1709251200,"endAt":1711843200,"nextId":"100","limit":50,"chain":"ETH"}',
		],
	);
	server.requests.length = 0;
	const all = await jsonOf(runV2(server.url, { ...params, returnAll: true }));
	assert.equal(all.length, 250);
	assert.equal(server.to('getAggregationFeeRecord').length, 3);
	assert.deepEqual(all.map((r) => r.address).slice(0, 2), ['0x0', '0x1']);
});

test('items run in parallel but output keeps input order with pairedItem', async () => {
	answers.getCoin = (/** @type {any} */ req) => ({
		body: JSON.stringify({
			code: 10000,
			msg: 'success',
			data: { coin: { coinId: JSON.parse(req.body).coinId, symbol: 'X', networks: {} } },
		}),
	});
	const { output } = await runV2(
		server.url,
		{ resource: 'coin', operation: 'get', coinId: byId('={{ $json.id }}'), simplify: false },
		{
			items: [{ json: { id: 1280 } }, { json: { id: '1329' } }, { json: { id: 1482 } }],
		},
	);
	assert.deepEqual(
		output[0].map((/** @type {any} */ i) => [i.json.coinId, i.pairedItem]),
		[
			[1280, { item: 0 }],
			[1329, { item: 1 }],
			[1482, { item: 2 }],
		],
	);
});
