// @ts-check
'use strict';

/**
 * The v2 view of the shared catalogue: the same coins, networks, prices and fees as v1, keyed the
 * v2 way (integer coinId, networks by chain symbol), plus fiats and chain details v1 never had.
 * A v2 coinId is the same coin as its v1 coin_id, so both protocols move the same balance.
 *
 * IDs marked [spec] are CCPayment's real v2 IDs; [sim] IDs are invented in a 9000 block so nobody
 * mistakes them for real ones.
 */

const { COINS, COIN, CHAINS, ICON } = require('../shared/catalogue');

/** v1 coin_id -> v2 coinId. */
const COIN_IDS = {
	[COIN.USDT]: 1280, // [spec]
	[COIN.USDC]: 1282, // [spec]
	[COIN.TRX]: 1482, // [spec]
	[COIN.BTC]: 9001, // [sim]
	[COIN.ETH]: 9002, // [sim]
	[COIN.BNB]: 9003, // [sim]
	[COIN.USDCE]: 9004, // [sim]
	[COIN.SOL]: 9005, // [sim]
	[COIN.XRP]: 9006, // [sim]
	[COIN.FTM]: 9007, // [sim] its only network is under maintenance
	[COIN.SATS]: 9008, // [sim]
};

/** Well-known v2 coinIds, handy in tests. */
const COIN_ID = {
	USDT: 1280,
	USDC: 1282,
	TRX: 1482,
	BTC: 9001,
	ETH: 9002,
	BNB: 9003,
	USDCE: 9004,
	SOL: 9005,
	XRP: 9006,
	FTM: 9007,
	SATS: 9008,
};

/** Fiats of getFiatList; usdRate = units of the fiat per 1 USD (config.fiatRates wins). */
const FIATS = [
	{ fiatId: 1033, symbol: 'USD', mark: '$', usdRate: '1' }, // [spec]
	{ fiatId: 1022, symbol: 'DKK', mark: 'kr', usdRate: '6.825765' }, // [spec]
	{ fiatId: 9101, symbol: 'EUR', mark: '€', usdRate: '0.92' }, // [sim]
	{ fiatId: 9102, symbol: 'GBP', mark: '£', usdRate: '0.79' }, // [sim]
];

/** Chain details v2 adds: explorer, transaction URL pattern, EVM flag. */
const CHAIN_EXTRA = {
	BTC: { explorer: 'https://mempool.space', tx: 'https://mempool.space/tx/%s', evm: false },
	ETH: { explorer: 'https://etherscan.io', tx: 'https://etherscan.io/tx/%s', evm: true },
	BSC: { explorer: 'https://bscscan.com', tx: 'https://bscscan.com/tx/%s', evm: true },
	TRX: {
		explorer: 'https://tronscan.org',
		tx: 'https://tronscan.org/#/transaction/%s',
		evm: false,
	},
	POLYGON: { explorer: 'https://polygonscan.com', tx: 'https://polygonscan.com/tx/%s', evm: true },
	SOL: { explorer: 'https://solscan.io', tx: 'https://solscan.io/tx/%s', evm: false },
	XRP: { explorer: 'https://xrpscan.com', tx: 'https://xrpscan.com/tx/%s', evm: false },
	FTM: { explorer: 'https://ftmscan.com', tx: 'https://ftmscan.com/tx/%s', evm: true },
	LIGHTNING: { explorer: '', tx: '', evm: false },
	BCH: {
		explorer: 'https://blockchair.com/bitcoin-cash',
		tx: 'https://blockchair.com/bitcoin-cash/transaction/%s',
		evm: false,
	},
};

/** @param {import('../shared/catalogue').CoinInfo} coin */
const coinIdOf = (coin) => COIN_IDS[coin.coin_id];

/** @param {number} coinId */
function coinById(coinId) {
	return COINS.find((c) => COIN_IDS[c.coin_id] === coinId);
}

/** The v1 coin_id behind a v2 coinId ('' if none). @param {number} coinId */
function v1CoinId(coinId) {
	const coin = coinById(coinId);
	return coin ? coin.coin_id : '';
}

/**
 * The coin's token on a chain (the v2 "network").
 * @param {import('../shared/catalogue').CoinInfo} coin
 * @param {string} chain
 */
function networkOf(coin, chain) {
	const upper = String(chain || '').toUpperCase();
	return coin.tokens.find((t) => t.chain === upper);
}

/** v2 coin status from its networks' v1 statuses (2 maintenance, 3 being delisted). */
function coinStatus(tokens) {
	if (tokens.some((t) => t.status === 2)) return 'Maintain';
	if (tokens.some((t) => t.status === 3)) return 'Pre-delisting';
	if (tokens.length && tokens.every((t) => t.status !== 1 && t.status !== 3)) return 'Delisted';
	return 'Normal';
}

/** @param {import('../shared/catalogue').TokenInfo} t */
const canDeposit = (t) => t.status === 1;
/** @param {import('../shared/catalogue').TokenInfo} t */
const canWithdraw = (t) => t.status === 1 || t.status === 3;

/** @param {string} chain */
function chainInfo(chain) {
	const upper = String(chain || '').toUpperCase();
	return CHAINS.find((c) => c.chain === upper);
}

/** @param {string} chain */
function chainExtra(chain) {
	return CHAIN_EXTRA[chain] || { explorer: '', tx: '', evm: false };
}

module.exports = {
	COIN_IDS,
	COIN_ID,
	FIATS,
	CHAIN_EXTRA,
	ICON,
	coinIdOf,
	coinById,
	v1CoinId,
	networkOf,
	coinStatus,
	canDeposit,
	canWithdraw,
	chainInfo,
	chainExtra,
};
