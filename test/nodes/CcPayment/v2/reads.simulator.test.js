// @ts-check
'use strict';
/**
 * Every v2 read against the simulator, the independent oracle: the simulator verifies each request's
 * HMAC over the bytes it received (so a signing bug fails here), the test asserts the exact bytes
 * sent, and the node's output is compared with what the simulator holds.
 */
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');

const { startSimulator } = require('../../../../simulator');
const { runV2, jsonOf, byId } = require('../../../helpers/v2-node');

/** @type {any} */
let sim;
/** @type {{ appId: string, appSecret: string }} */
let merchant;

before(async () => {
	sim = await startSimulator({ port: 0 });
	merchant = sim.v2Merchant;
});
after(async () => {
	await sim.stop();
});

/** @param {Record<string, unknown>} parameters */
const run = (parameters) =>
	runV2(sim.url, parameters, {
		credentials: { appId: merchant.appId, appSecret: merchant.appSecret },
	});

/** Raw bodies the simulator received on one v2 method, in order. @param {string} method */
const sent = (method) =>
	sim
		.getRequests({ path: `/ccpayment/v2/${method}` })
		.map((/** @type {any} */ e) => String(e.rawBody ?? ''));

/** The last answer's code the simulator logged for a method. @param {string} method */
const lastCode = (method) => {
	const entries = sim.getRequests({ path: `/ccpayment/v2/${method}` });
	return entries[entries.length - 1]?.response?.code;
};

test('Coin > Get Many: no body, accepted signature, every coin of the simulator', async () => {
	const coins = await jsonOf(run({ resource: 'coin', operation: 'getMany', simplify: false }));
	assert.deepEqual(sent('getCoinList'), ['']);
	assert.equal(lastCode('getCoinList'), 10000);
	assert.ok(coins.length > 3);
	assert.ok(coins.every((c) => typeof c.coinId === 'number' && typeof c.price === 'string'));
});

test('Coin > Get and Get USDT Prices: integer IDs as JSON numbers', async () => {
	const [coin] = await jsonOf(
		run({ resource: 'coin', operation: 'get', coinId: byId('1280'), simplify: false }),
	);
	assert.deepEqual(sent('getCoin'), ['{"coinId":1280}']);
	assert.equal(coin.coinId, 1280);
	const prices = await jsonOf(run({ resource: 'coin', operation: 'getPrices', coinIds: '1280' }));
	assert.deepEqual(sent('getCoinUSDTPrice'), ['{"coinIds":[1280]}']);
	assert.equal(typeof JSON.stringify(prices), 'string');
	assert.equal(lastCode('getCoinUSDTPrice'), 10000);
});

test('Balance > Get Many and Get equal the ledger of the v2 merchant', async () => {
	const list = await jsonOf(run({ resource: 'balance', operation: 'getMany' }));
	assert.deepEqual(sent('getAppCoinAssetList'), ['']);
	const usdt = list.find((a) => a.coinId === 1280);
	assert.ok(usdt, 'USDT in the list');
	assert.match(usdt.available, /^\d+(\.\d+)?$/, 'an exact decimal string');
	const [one] = await jsonOf(run({ resource: 'balance', operation: 'get', coinId: byId('1280') }));
	assert.deepEqual(sent('getAppCoinAsset'), ['{"coinId":1280}']);
	assert.deepEqual(one, usdt);
});

test('Fiat, Chain (both sources), Main Coins, Network Fee, Address Validity', async () => {
	const fiats = await jsonOf(run({ resource: 'fiat', operation: 'getMany' }));
	assert.ok(fiats.some((f) => f.symbol === 'USD'));
	const chains = await jsonOf(run({ resource: 'chain', operation: 'getMany' }));
	assert.deepEqual(sent('getChainList'), ['']);
	assert.ok(chains.some((c) => c.chain === 'ETH'));
	await jsonOf(run({ resource: 'chain', operation: 'getMany', source: 'allChain' }));
	assert.equal(lastCode('all/chain'), 10000);
	const main = await jsonOf(run({ resource: 'coin', operation: 'getMainCoins' }));
	assert.deepEqual(sent('getMainCoinList'), [`{"appId":"${merchant.appId}"}`]);
	assert.ok(main.length > 0);
	const [fee] = await jsonOf(
		run({
			resource: 'withdrawal',
			operation: 'getNetworkFee',
			coinId: byId('1280'),
			chain: byId('ETH'),
		}),
	);
	assert.deepEqual(sent('getWithdrawFee'), ['{"coinId":1280,"chain":"ETH"}']);
	assert.match(fee.fee.amount, /^\d+(\.\d+)?$/);
	const [valid] = await jsonOf(
		run({
			resource: 'address',
			operation: 'checkValidity',
			chain: byId('ETH'),
			address: '0x43fEeF6879286BBAC5082f17AD3dA55EA456B934',
		}),
	);
	assert.equal(valid.addrIsValid, true);
});

test('an unknown Cwallet user is an error naming 11003 from the simulator', async () => {
	await assert.rejects(
		run({ resource: 'cwalletUser', operation: 'check', cwalletUserId: '99999999' }),
		(/** @type {any} */ e) => /11003/.test(`${e.message} ${e.description ?? ''}`),
	);
	assert.deepEqual(sent('getCwalletUserId'), ['{"cwalletUserId":"99999999"}']);
});

test('a wrong App Secret is refused by the simulator with 11005, named in the error', async () => {
	await assert.rejects(
		runV2(
			sim.url,
			{ resource: 'balance', operation: 'getMany' },
			{
				credentials: { appId: merchant.appId, appSecret: 'ffffffffffffffffffffffffffffffff' },
			},
		),
		(/** @type {any} */ e) =>
			/11005/.test(`${e.message} ${e.description ?? ''}`) &&
			!`${e.message} ${e.description ?? ''}`.includes('ffffffffffffffffffffffffffffffff'),
	);
});

test('Aggregation Fee > Get Many sends the range in Unix seconds; Get Block Height sends record_id', async () => {
	const fees = await jsonOf(
		run({
			resource: 'aggregationFee',
			operation: 'getMany',
			startTime: '2024-03-01T00:00:00Z',
			endTime: '2024-03-31T00:00:00Z',
			returnAll: true,
		}),
	);
	assert.deepEqual(fees, [], 'the simulator aggregates nothing');
	const [body] = sent('getAggregationFeeRecord');
	assert.equal(JSON.parse(body).startAt, 1709251200);
	assert.equal(JSON.parse(body).endAt, 1711843200);
	assert.equal(lastCode('getAggregationFeeRecord'), 10000);
	await assert.rejects(
		run({
			resource: 'blockchain',
			operation: 'getBlockHeight',
			recordId: '20240312090316119190942031876096',
		}),
		(/** @type {any} */ e) => /11003/.test(`${e.message} ${e.description ?? ''}`),
	);
	assert.deepEqual(sent('getTradeBlockHeight'), [
		'{"record_id":"20240312090316119190942031876096"}',
	]);
});
