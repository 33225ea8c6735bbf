// @ts-check
'use strict';

// The v2 read methods: exact camelCase shapes, values consistent with the v1 catalogue, and field
// validation (11000 naming the field; integers as numbers or numeric strings).

const test = require('node:test');
const assert = require('node:assert/strict');
const { callV2, okV2, useSimulator } = require('../../helpers/simulator');
const { V2_COIN_ID: C, COIN } = require('../../../simulator');

/** @type {any} */
let sim;
useSimulator((s) => {
	sim = s;
});

const keys = (o) => Object.keys(o);

test('getCoinList: coins with networks keyed by chain', async () => {
	const { coins } = await okV2(sim, 'getCoinList');
	const usdt = coins.find((c) => c.coinId === C.USDT);
	assert.deepEqual(keys(usdt), [
		'coinId',
		'symbol',
		'coinFullName',
		'logoUrl',
		'status',
		'price',
		'networks',
	]);
	assert.deepEqual(keys(usdt.networks).sort(), ['BSC', 'ETH', 'POLYGON', 'TRX']);
	assert.deepEqual(keys(usdt.networks.TRX), [
		'chain',
		'chainFullName',
		'contract',
		'precision',
		'canDeposit',
		'canWithdraw',
		'minimumDepositAmount',
		'minimumWithdrawAmount',
		'maximumWithdrawAmount',
		'isSupportMemo',
		'protocol',
	]);
	assert.equal(usdt.networks.TRX.precision, 6);
	assert.equal(usdt.status, 'Normal');
	const ftm = coins.find((c) => c.coinId === C.FTM);
	assert.equal(ftm.status, 'Maintain');
	assert.equal(ftm.networks.FTM.canWithdraw, false);
	assert.equal(coins.find((c) => c.coinId === C.XRP).networks.XRP.isSupportMemo, true);
	// "Tokens for your business" scope
	sim.setMerchant(sim.v2Merchant.appId, {
		enabledTokens: ['0912e09a-d8e2-41d7-a0bc-a25530892988'],
	});
	const narrow = await okV2(sim, 'getCoinList');
	assert.deepEqual(
		narrow.coins.map((c) => c.coinId),
		[C.USDT],
	);
	assert.deepEqual(keys(narrow.coins[0].networks), ['TRX']);
});

test('getCoin: one object; coinId as number or numeric string; 13000 and 11000', async () => {
	const a = await okV2(sim, 'getCoin', { coinId: 1280 });
	const b = await okV2(sim, 'getCoin', { coinId: '1280' });
	assert.deepEqual(a, b);
	assert.equal(a.coin.symbol, 'USDT');
	assert.equal((await callV2(sim, 'getCoin', { coinId: 4242 })).json.code, 13000);
	for (const body of [{}, { coinId: 'abc' }, { coinId: 1.5 }, { coinId: true }, { coinId: -1 }]) {
		const res = await callV2(sim, 'getCoin', body);
		assert.equal(res.json.code, 11000, JSON.stringify(body));
		assert.match(res.json.msg, /coinId/);
	}
	const extra = await callV2(sim, 'getCoin', { coinId: 1280, coinID: 1 });
	assert.match(extra.json.msg, /coinID/);
	sim.configure({ v2: { unknownFields: 'ignore' } });
	assert.equal((await callV2(sim, 'getCoin', { coinId: 1280, coinID: 1 })).json.code, 10000);
});

test('getCoinUSDTPrice: prices keyed by coinId string', async () => {
	const data = await okV2(sim, 'getCoinUSDTPrice', { coinIds: [1280, '9001'] });
	assert.deepEqual(data, { prices: { 1280: '1', 9001: '29196.27' } });
	sim.configure({ tokenPrices: { [COIN.BTC]: '30000' } });
	assert.equal((await okV2(sim, 'getCoinUSDTPrice', { coinIds: [9001] })).prices['9001'], '30000');
	assert.match((await callV2(sim, 'getCoinUSDTPrice', {})).json.msg, /coinIds is required/);
	assert.match((await callV2(sim, 'getCoinUSDTPrice', { coinIds: 1280 })).json.msg, /coinIds/);
});

test('getFiatList: USD 1033 and usdRate', async () => {
	const { fiats } = await okV2(sim, 'getFiatList');
	const usd = fiats.find((f) => f.symbol === 'USD');
	assert.deepEqual(keys(usd), ['fiatId', 'symbol', 'logoUrl', 'mark', 'usdRate']);
	assert.equal(usd.fiatId, 1033);
	assert.equal(fiats.find((f) => f.symbol === 'EUR').usdRate, '0.92');
});

test('getChainList and all/chain: filter by chains', async () => {
	const all = await okV2(sim, 'getChainList');
	assert.ok(all.chains.length >= 8);
	const { chains } = await okV2(sim, 'getChainList', { chains: ['ETH', 'polygon'] });
	assert.deepEqual(
		chains.map((c) => c.chain),
		['ETH', 'POLYGON'],
	);
	assert.deepEqual(keys(chains[0]), [
		'chain',
		'chainFullName',
		'explorer',
		'logoUrl',
		'status',
		'confirmations',
		'baseUrl',
		'isEVM',
		'supportMemo',
	]);
	assert.equal(chains[0].isEVM, true);
	assert.match(chains[0].baseUrl, /%s$/);
	const legacy = await okV2(sim, 'all/chain', { chains: ['TRX'] });
	assert.deepEqual(keys(legacy.chains[0]), [
		'chain',
		'chainFullName',
		'explorer',
		'logoUrl',
		'status',
		'confirmNum',
		'isEVM',
	]);
	assert.match((await callV2(sim, 'getChainList', { chains: 'ETH' })).json.msg, /chains/);
});

test('getMainCoinList: coin and chain pairs of an App ID', async () => {
	const data = await okV2(sim, 'getMainCoinList', { appId: sim.v2Merchant.appId });
	const row = data.coinChainList.find((r) => r.coinId === C.USDT && r.chain === 'TRX');
	assert.deepEqual(keys(row), ['coinId', 'symbol', 'logoUrl', 'status', 'chain', 'network']);
	assert.equal((await callV2(sim, 'getMainCoinList', { appId: 'ab' })).json.code, 11000);
});

test('getWithdrawFee: fee in the coin plus a networkFeeInquiryID; 13001 for a bad chain', async () => {
	const data = await okV2(sim, 'getWithdrawFee', { coinId: 1280, chain: 'TRX' });
	assert.deepEqual(data.fee, { coinId: 1280, coinSymbol: 'USDT', amount: '1' });
	assert.match(data.networkFeeInquiryID, /^[0-9a-f]{32}$/);
	assert.equal(
		(await callV2(sim, 'getWithdrawFee', { coinId: 1280, chain: 'SOL' })).json.code,
		13001,
	);
	assert.match(
		(await callV2(sim, 'getWithdrawFee', { coinId: 1280 })).json.msg,
		/chain is required/,
	);
});

test('getAppCoinAssetList / getAppCoinAsset: the shared balance, zero as ""', async () => {
	const { assets } = await okV2(sim, 'getAppCoinAssetList');
	assert.deepEqual(
		assets.find((a) => a.coinId === C.USDT),
		{
			coinId: 1280,
			coinSymbol: 'USDT',
			available: '1000000',
		},
	);
	sim.setMerchant(sim.v2Merchant.appId, { balances: { [COIN.BTC]: '0' } });
	assert.deepEqual((await okV2(sim, 'getAppCoinAsset', { coinId: 9001 })).asset, {
		coinId: 9001,
		coinSymbol: 'BTC',
		available: '',
	});
	sim.configure({ v2: { zeroBalance: '0' } });
	assert.equal((await okV2(sim, 'getAppCoinAsset', { coinId: '9001' })).asset.available, '0');
});

test('getAggregationFeeRecord: empty list, startAt/endAt required', async () => {
	const data = await okV2(sim, 'getAggregationFeeRecord', {
		startAt: 1700000000,
		endAt: 1700003600,
	});
	assert.deepEqual(data, { list: [], nextId: '' });
	assert.match((await callV2(sim, 'getAggregationFeeRecord', { startAt: 1 })).json.msg, /endAt/);
	const big = await callV2(sim, 'getAggregationFeeRecord', { startAt: 1, endAt: 2, limit: 101 });
	assert.match(big.json.msg, /limit/);
});

test('getCwalletUserId: by ID or email, masked name; 11003 when unknown', async () => {
	assert.deepEqual(await okV2(sim, 'getCwalletUserId', { cwalletUserId: '9454818' }), {
		cwalletUserId: '9454818',
		cwalletUserName: 'a***@example.com',
	});
	const byMail = await okV2(sim, 'getCwalletUserId', { cwalletUserId: 'bob@example.com' });
	assert.equal(byMail.cwalletUserId, '10000001');
	assert.equal((await callV2(sim, 'getCwalletUserId', { cwalletUserId: '1' })).json.code, 11003);
});

test('checkWithdrawalAddressValidity: addrIsValid per chain format', async () => {
	const evm = `0x${'a'.repeat(40)}`;
	assert.deepEqual(
		await okV2(sim, 'checkWithdrawalAddressValidity', { chain: 'ETH', address: evm }),
		{
			addrIsValid: true,
		},
	);
	const bad = await okV2(sim, 'checkWithdrawalAddressValidity', { chain: 'TRX', address: evm });
	assert.equal(bad.addrIsValid, false);
	const chain = await callV2(sim, 'checkWithdrawalAddressValidity', {
		chain: 'NOPE',
		address: evm,
	});
	assert.equal(chain.json.code, 13001);
});

test('getTradeBlockHeight and its alias: record_id required, 11003 when unknown', async () => {
	for (const path of ['getTradeBlockHeight', 'getPaymentBlockHeight']) {
		assert.match((await callV2(sim, path, {})).json.msg, /record_id is required/);
		assert.equal((await callV2(sim, path, { record_id: '123' })).json.code, 11003);
	}
});
