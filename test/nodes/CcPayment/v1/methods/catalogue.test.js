// @ts-check
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { product } = require('../../../../../dev/dist');

const { tokenItems, coinItems, chainItems, filterItems } = product('catalogue');

// Two coins as coin/all answers them: one with a token under maintenance, one being delisted.
const { coins } = require('../../../../helpers/v1-coins');

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
