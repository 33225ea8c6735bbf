// @ts-check
'use strict';

/**
 * Seed data: coins, tokens (coin on one network), chains, Cwallet users.
 *
 * IDs marked [spec] are CCPayment's real IDs (from its docs, SDKs and change log). IDs marked
 * [sim] are invented for the simulator (CCPayment's real IDs for those tokens are not in any source).
 * Prices, fees, minimums and heights are plausible fixed values, not live data.
 */

const ICON = 'https://resource.cwallet.com/token/icon/';

/**
 * @typedef {object} ChainInfo
 * @property {string} chain         chain code (e.g. "TRX")
 * @property {string} name          full chain name (coin/all token `name`)
 * @property {string} logo          chain_logo
 * @property {'evm'|'tron'|'btc'|'sol'|'xrp'|'lightning'|'bch'} addressKind
 * @property {boolean} memo         is_support_memo
 * @property {number} height        seed block height
 * @property {number} confirmBlocks tx_confirm_block_num
 * @property {number} blockRate     seconds between blocks (0 = unknown, height stays put)
 */

/** @type {ChainInfo[]} */
const CHAINS = [
	{
		chain: 'BTC',
		name: 'Bitcoin',
		logo: `${ICON}btc.png`,
		addressKind: 'btc',
		memo: false,
		height: 818000,
		confirmBlocks: 1,
		blockRate: 600,
	},
	{
		chain: 'ETH',
		name: 'Ethereum',
		logo: `${ICON}eth.png`,
		addressKind: 'evm',
		memo: false,
		height: 18570000,
		confirmBlocks: 12,
		blockRate: 12,
	},
	{
		chain: 'BSC',
		name: 'BNB Smart Chain',
		logo: `${ICON}bnb.png`,
		addressKind: 'evm',
		memo: false,
		height: 30297917,
		confirmBlocks: 15,
		blockRate: 3,
	},
	{
		chain: 'TRX',
		name: 'Tron',
		logo: `${ICON}trx.png`,
		addressKind: 'tron',
		memo: false,
		height: 56500000,
		confirmBlocks: 20,
		blockRate: 3,
	},
	{
		chain: 'POLYGON',
		name: 'Polygon',
		logo: `${ICON}matic.png`,
		addressKind: 'evm',
		memo: false,
		height: 50100000,
		confirmBlocks: 128,
		blockRate: 2,
	},
	{
		chain: 'SOL',
		name: 'Solana',
		logo: `${ICON}sol.png`,
		addressKind: 'sol',
		memo: false,
		height: 230000000,
		confirmBlocks: 32,
		blockRate: 0.4,
	},
	{
		chain: 'XRP',
		name: 'XRP Ledger',
		logo: `${ICON}xrp.png`,
		addressKind: 'xrp',
		memo: true,
		height: 83900000,
		confirmBlocks: 1,
		blockRate: 4,
	},
	{
		chain: 'FTM',
		name: 'Fantom',
		logo: `${ICON}ftm.png`,
		addressKind: 'evm',
		memo: false,
		height: 70800000,
		confirmBlocks: 5,
		blockRate: 1,
	},
	{
		chain: 'LIGHTNING',
		name: 'Lightning Network',
		logo: `${ICON}sats.png`,
		addressKind: 'lightning',
		memo: false,
		height: 0,
		confirmBlocks: 0,
		blockRate: 0,
	},
	{
		chain: 'BCH',
		name: 'Bitcoin Cash',
		logo: `${ICON}bch.png`,
		addressKind: 'bch',
		memo: false,
		height: 803435,
		confirmBlocks: 2,
		blockRate: 0,
	},
];

/**
 * @typedef {object} TokenInfo
 * @property {string} token_id
 * @property {string} coin_id
 * @property {string} crypto
 * @property {string} chain
 * @property {string} network
 * @property {string} contract
 * @property {number} status        1 usable, 2 maintenance, 3 to be delisted (withdraw only)
 * @property {string} fee           network fee in token units (network/fee, withdrawals, refunds)
 * @property {string} networkFeeCrypto  coin/all `network_fee_crypto` (the chain's gas coin)
 * @property {string} networkCoinId     coin/all `network_coin_id`
 *
 * @typedef {object} CoinInfo
 * @property {string} coin_id
 * @property {string} symbol
 * @property {string} name
 * @property {string} logo
 * @property {string} min
 * @property {string} price   USD
 * @property {number} precision
 * @property {number} status
 * @property {TokenInfo[]} tokens
 */

const COIN = {
	USDT: '8e5741cf-6e51-4892-9d04-3d40e1dd0128', // [spec]
	BTC: 'f36ad1cf-222a-4933-9ad0-86df8069f916', // [spec]
	ETH: 'c4f2b7d1-3e0a-4a77-9f5e-1b2d6a8e9c01', // [sim]
	BNB: 'd0a7e3f5-92b4-4c1e-8a6d-5f3b2c1e7a02', // [sim]
	TRX: '217d4c3b-4f84-4416-bf1a-a1d15d7d2f50', // [spec]
	USDC: 'ce387d66-1c3b-4333-8bb7-7d6ad98ae9bb', // [spec] native USDC on Polygon
	USDCE: '8f5433e8-7f75-11ee-81b9-0a6f38bb19bf', // [spec] bridged USDC.e: coin_id = token_id
	SOL: '31c27e3c-0e6d-4e16-9b5c-857601daa1e8', // [spec]
	XRP: '3f9a1d7e-2b6c-4e8f-a0d4-6c2e9b1f7a06', // [sim] memo chain
	FTM: '9d4c2e6a-1f8b-4a3d-8e7c-2b5f9a0d1c08', // [sim] its token is under maintenance (status 2)
	SATS: '2c7e5a9f-8d1b-4f6c-a3e0-9b4d7f1c2e10', // [sim] Lightning, order_valid_period max 7200
};

/** @type {CoinInfo[]} */
const COINS = [
	{
		coin_id: COIN.USDT,
		symbol: 'USDT',
		name: 'Tether USD',
		logo: `${ICON}usdt.png`,
		min: '0.01',
		price: '1',
		precision: 6,
		status: 1,
		tokens: [
			{
				token_id: '0912e09a-d8e2-41d7-a0bc-a25530892988',
				coin_id: COIN.USDT,
				crypto: 'USDT',
				chain: 'TRX',
				network: 'TRC20',
				contract: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
				status: 1,
				fee: '1',
				networkFeeCrypto: 'TRX',
				networkCoinId: COIN.TRX,
			}, // [spec]
			{
				token_id: '264f4725-3cfd-4ff6-bc80-ff9d799d5fb2',
				coin_id: COIN.USDT,
				crypto: 'USDT',
				chain: 'ETH',
				network: 'ERC20',
				contract: '0xdAC17F958D2ee523a2206206994597C13D831ec7',
				status: 1,
				fee: '3.5',
				networkFeeCrypto: 'ETH',
				networkCoinId: COIN.ETH,
			}, // [spec]
			{
				token_id: '92b15088-7973-4813-b0f3-1895588a5df7',
				coin_id: COIN.USDT,
				crypto: 'USDT',
				chain: 'BSC',
				network: 'BEP20',
				contract: '0x55d398326f99059ff775485246999027b3197955',
				status: 1,
				fee: '0.3',
				networkFeeCrypto: 'BNB',
				networkCoinId: COIN.BNB,
			}, // [spec]
			{
				token_id: 'f137d42c-f3a6-4f23-9402-76f0395d0cfe',
				coin_id: COIN.USDT,
				crypto: 'USDT',
				chain: 'POLYGON',
				network: 'POLYGON',
				contract: '0xc2132D05D31c914a87C6611C10748AEb04B58e8F',
				status: 1,
				fee: '0.0344',
				networkFeeCrypto: 'USDT',
				networkCoinId: COIN.USDT,
			}, // [spec] id; network assumed
		],
	},
	{
		coin_id: COIN.BTC,
		symbol: 'BTC',
		name: 'Bitcoin',
		logo: `${ICON}btc.png`,
		min: '0.00008',
		price: '29196.27',
		precision: 8,
		status: 1,
		tokens: [
			{
				token_id: '4a8e1c3f-9b2d-4e6a-8f07-3c5b1d9e2a04',
				coin_id: COIN.BTC,
				crypto: 'BTC',
				chain: 'BTC',
				network: 'BTC',
				contract: 'BTC',
				status: 1,
				fee: '0.00005',
				networkFeeCrypto: 'BTC',
				networkCoinId: COIN.BTC,
			}, // [sim]
		],
	},
	{
		coin_id: COIN.ETH,
		symbol: 'ETH',
		name: 'Ethereum',
		logo: `${ICON}ETH.png`,
		min: '0.001',
		price: '1638',
		precision: 18,
		status: 1,
		tokens: [
			{
				token_id: 'e8f64d3d-df5b-411d-897f-c6d8d30206b7',
				coin_id: COIN.ETH,
				crypto: 'ETH',
				chain: 'ETH',
				network: 'ERC20',
				contract: '1',
				status: 1,
				fee: '0.0012',
				networkFeeCrypto: 'ETH',
				networkCoinId: COIN.ETH,
			}, // [spec]
		],
	},
	{
		coin_id: COIN.BNB,
		symbol: 'BNB',
		name: 'Binance',
		logo: `${ICON}wbnb.png`,
		min: '0.001',
		price: '306.6',
		precision: 18,
		status: 1,
		tokens: [
			{
				token_id: '038073e6-a784-4e3e-b6a7-36456a39055f',
				coin_id: COIN.BNB,
				crypto: 'BNB',
				chain: 'BSC',
				network: 'BEP20',
				contract: '56',
				status: 1,
				fee: '0.0005',
				networkFeeCrypto: 'BNB',
				networkCoinId: COIN.BNB,
			}, // [spec]
		],
	},
	{
		coin_id: COIN.TRX,
		symbol: 'TRX',
		name: 'TRON',
		logo: `${ICON}trx.png`,
		min: '1',
		price: '0.0875',
		precision: 6,
		status: 1,
		tokens: [
			{
				token_id: '7c2a9e41-5d3b-4f8a-b6e0-2a91c4d8f703',
				coin_id: COIN.TRX,
				crypto: 'TRX',
				chain: 'TRX',
				network: 'TRC20',
				contract: 'TRX',
				status: 1,
				fee: '1.1',
				networkFeeCrypto: 'TRX',
				networkCoinId: COIN.TRX,
			}, // [sim]
		],
	},
	{
		coin_id: COIN.USDC,
		symbol: 'USDC',
		name: 'USD Coin',
		logo: `${ICON}usdc.png`,
		min: '0.01',
		price: '1',
		precision: 6,
		status: 1,
		tokens: [
			{
				token_id: 'c6b7c878-8a01-4f7f-8d2e-99a72787b1ac',
				coin_id: COIN.USDC,
				crypto: 'USDC',
				chain: 'POLYGON',
				network: 'POLYGON',
				contract: '0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359',
				status: 1,
				fee: '0.05',
				networkFeeCrypto: 'USDT',
				networkCoinId: COIN.USDT,
			}, // [spec]
		],
	},
	{
		coin_id: COIN.USDCE,
		symbol: 'USDC.e',
		name: 'Bridged USDC',
		logo: `${ICON}usdc.png`,
		min: '0.01',
		price: '1',
		precision: 6,
		status: 1,
		tokens: [
			{
				token_id: COIN.USDCE,
				coin_id: COIN.USDCE,
				crypto: 'USDC.e',
				chain: 'POLYGON',
				network: 'POLYGON',
				contract: '0x2791bca1f2de4661ed88a30c99a7a9449aa84174',
				status: 1,
				fee: '0.05',
				networkFeeCrypto: 'USDT',
				networkCoinId: COIN.USDT,
			}, // [spec]
		],
	},
	{
		coin_id: COIN.SOL,
		symbol: 'SOL',
		name: 'Solana',
		logo: `${ICON}sol.png`,
		min: '0.01',
		price: '60.25',
		precision: 9,
		status: 1,
		tokens: [
			{
				token_id: 'b7e3d9a1-6c4f-4a2e-9d85-0f1b3c7e5a05',
				coin_id: COIN.SOL,
				crypto: 'SOL',
				chain: 'SOL',
				network: 'SOL',
				contract: 'SOL',
				status: 1,
				fee: '0.00001',
				networkFeeCrypto: 'SOL',
				networkCoinId: COIN.SOL,
			}, // [sim]
			{
				token_id: 'e5c33690-1395-4c69-a664-2529d75a660e',
				coin_id: COIN.SOL,
				crypto: 'SOL',
				chain: 'BSC',
				network: 'BEP20',
				contract: '0x570A5D26f7765Ecb712C0924E4De545B89fD43dF',
				status: 1,
				fee: '0.0008',
				networkFeeCrypto: 'BNB',
				networkCoinId: COIN.BNB,
			}, // [spec]
		],
	},
	{
		coin_id: COIN.XRP,
		symbol: 'XRP',
		name: 'XRP',
		logo: `${ICON}xrp.png`,
		min: '1',
		price: '0.62',
		precision: 6,
		status: 1,
		tokens: [
			{
				token_id: '5e1b8c2d-7a4f-4d9e-b3c6-8f0a2d4e6b07',
				coin_id: COIN.XRP,
				crypto: 'XRP',
				chain: 'XRP',
				network: 'XRP',
				contract: 'XRP',
				status: 1,
				fee: '0.25',
				networkFeeCrypto: 'XRP',
				networkCoinId: COIN.XRP,
			}, // [sim] memo chain
		],
	},
	{
		coin_id: COIN.FTM,
		symbol: 'FTM',
		name: 'Fantom',
		logo: `${ICON}ftm.png`,
		min: '1',
		price: '0.3582',
		precision: 18,
		status: 1,
		tokens: [
			{
				token_id: '6a0f3e9b-4d2c-4b8a-9f1e-7c3d5b2a8e09',
				coin_id: COIN.FTM,
				crypto: 'FTM',
				chain: 'FTM',
				network: 'FTM',
				contract: '250',
				status: 2,
				fee: '0.1',
				networkFeeCrypto: 'FTM',
				networkCoinId: COIN.FTM,
			}, // [sim] status 2 = maintenance
		],
	},
	{
		coin_id: COIN.SATS,
		symbol: 'SATS',
		name: 'Satoshi (Lightning)',
		logo: `${ICON}sats.png`,
		min: '1',
		price: '0.0002919627',
		precision: 0,
		status: 1,
		tokens: [
			{
				token_id: '8b3f6d0a-5e9c-4a1f-b7d2-1e8c4a6f3b11',
				coin_id: COIN.SATS,
				crypto: 'SATS',
				chain: 'LIGHTNING',
				network: 'Lightning',
				contract: 'SATS',
				status: 1,
				fee: '10',
				networkFeeCrypto: 'SATS',
				networkCoinId: COIN.SATS,
			}, // [sim]
		],
	},
];

/** Well-known token IDs, handy in tests. */
const TOKENS = {
	USDT_TRC20: '0912e09a-d8e2-41d7-a0bc-a25530892988',
	USDT_ERC20: '264f4725-3cfd-4ff6-bc80-ff9d799d5fb2',
	USDT_BEP20: '92b15088-7973-4813-b0f3-1895588a5df7',
	USDT_POLYGON: 'f137d42c-f3a6-4f23-9402-76f0395d0cfe',
	BTC: '4a8e1c3f-9b2d-4e6a-8f07-3c5b1d9e2a04',
	ETH: 'e8f64d3d-df5b-411d-897f-c6d8d30206b7',
	BNB: '038073e6-a784-4e3e-b6a7-36456a39055f',
	TRX: '7c2a9e41-5d3b-4f8a-b6e0-2a91c4d8f703',
	USDC_POLYGON: 'c6b7c878-8a01-4f7f-8d2e-99a72787b1ac',
	USDCE_POLYGON: '8f5433e8-7f75-11ee-81b9-0a6f38bb19bf',
	SOL: 'b7e3d9a1-6c4f-4a2e-9d85-0f1b3c7e5a05',
	SOL_BSC: 'e5c33690-1395-4c69-a664-2529d75a660e',
	XRP: '5e1b8c2d-7a4f-4d9e-b3c6-8f0a2d4e6b07',
	FTM_MAINTENANCE: '6a0f3e9b-4d2c-4b8a-9f1e-7c3d5b2a8e09',
	SATS: '8b3f6d0a-5e9c-4a1f-b7d2-1e8c4a6f3b11',
};

/** Seed balance per coin for every merchant (generous, so withdrawals do not run dry by accident). */
const SEED_BALANCES = {
	[COIN.USDT]: '1000000',
	[COIN.BTC]: '100',
	[COIN.ETH]: '1000',
	[COIN.BNB]: '10000',
	[COIN.TRX]: '10000000',
	[COIN.USDC]: '1000000',
	[COIN.USDCE]: '1000000',
	[COIN.SOL]: '50000',
	[COIN.XRP]: '1000000',
	[COIN.FTM]: '100000',
	[COIN.SATS]: '100000000',
};

/** Cwallet accounts that exist for check/user and internal withdrawals (nicknames desensitised). */
const CWALLET_USERS = [
	{ c_id: '9454818', nickname: 'alv***', email: 'alvin@example.com' },
	{ c_id: '10000001', nickname: 'bob***', email: 'bob@example.com' },
	{ c_id: '12345678', nickname: 'car***', email: 'carol@example.com' },
];

/** Units of each fiat per 1 USD, so order_amount = product_price / fiat_rate / token_rate holds. */
const FIAT_RATES = { USD: '1', EUR: '0.92', GBP: '0.79' };

module.exports = { CHAINS, COINS, COIN, TOKENS, SEED_BALANCES, CWALLET_USERS, FIAT_RATES, ICON };
