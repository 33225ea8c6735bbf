// @ts-check
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { product } = require('../../../../../dev/dist');

const { tokenItems, coinItems, chainItems, filterItems } = product('catalogue');

// Two coins as coin/all answers them: one with a token under maintenance, one being delisted.
const coins = [
	{
		symbol: 'USDT',
		crypto: 'USDT',
		name: 'Tether USD',
		coin_id: 'c-usdt',
		price: '1',
		min: '0.01',
		precision: 6,
		status: 1,
		logo: 'l',
		tokens: [
			{
				token_id: 't-trc',
				crypto: 'USDT',
				name: 'Tron',
				network: 'TRC20',
				chain: 'TRX',
				status: 1,
			},
			{
				token_id: 't-erc',
				crypto: 'USDT',
				name: 'Ethereum',
				network: 'ERC20',
				chain: 'ETH',
				status: 2,
			},
		],
	},
	{
		symbol: 'BTC',
		crypto: 'BTC',
		name: 'Bitcoin',
		coin_id: 'c-btc',
		status: 3,
		tokens: [
			{
				token_id: 't-btc',
				crypto: 'BTC',
				name: 'Bitcoin',
				network: 'BTC',
				chain: 'BTC',
				status: 1,
			},
		],
	},
];

test('picker labels and search', () => {
	assert.deepEqual(
		tokenItems(coins).map((item) => [item.name, item.value]),
		[
			['USDT · TRC20 (TRX)', 't-trc'],
			['USDT · ERC20 (ETH) (maintenance)', 't-erc'],
			['BTC · BTC (BTC)', 't-btc'],
		],
	);
	assert.deepEqual(
		coinItems(coins).map((item) => item.name),
		['USDT · Tether USD', 'BTC · Bitcoin (delisting)'],
	);
	assert.deepEqual(chainItems(coins), [
		{ name: 'BTC · Bitcoin', value: 'BTC' },
		{ name: 'ETH · Ethereum', value: 'ETH' },
		{ name: 'TRX · Tron', value: 'TRX' },
	]);
	const items = tokenItems(coins);
	assert.deepEqual(
		filterItems(items, 'trc').map((item) => item.value),
		['t-trc'],
	);
	assert.deepEqual(
		filterItems(items, 'TETHER').map((item) => item.value),
		['t-erc', 't-trc'],
	);
	assert.deepEqual(
		filterItems(items, 't-btc').map((item) => item.value),
		['t-btc'],
	);
	assert.equal(filterItems(items, '').length, 3);
});
