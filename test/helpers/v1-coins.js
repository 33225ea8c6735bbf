// @ts-check
'use strict';
/** A v1 coin/all answer with two coins, shared by the picker and Simplify tests. */
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

module.exports = { coins };
