// @ts-check
'use strict';

/**
 * Read-only v2 endpoints: coins, prices, fiats, chains, fees, balances, Cwallet users, address
 * checks and block heights. Keys and their order follow CCPayment's v2 examples; IDs are JSON
 * numbers, amounts decimal strings.
 */

const { randomBytes } = require('crypto');
const { COINS } = require('../shared/catalogue');
const { isValidAddress } = require('../shared/addresses');
const cat = require('./catalogue');
const { V2Error } = require('./errors');
const { v2State } = require('./state');

/** @typedef {import('./routes').EndpointContext} Ctx */

/** A v2 coin object; `tokens` are the networks to show. */
function coinObject(ctx, coin, tokens) {
	/** @type {Record<string, any>} */
	const networks = {};
	for (const t of tokens) {
		const chain = cat.chainInfo(t.chain);
		networks[t.chain] = {
			chain: t.chain,
			chainFullName: chain ? chain.name : t.chain,
			contract: t.contract,
			precision: coin.precision,
			canDeposit: cat.canDeposit(t),
			canWithdraw: cat.canWithdraw(t),
			minimumDepositAmount: '0',
			minimumWithdrawAmount: coin.min,
			maximumWithdrawAmount: '0',
			isSupportMemo: !!(chain && chain.memo),
			protocol: t.network,
		};
	}
	return {
		coinId: cat.coinIdOf(coin),
		symbol: coin.symbol,
		coinFullName: coin.name,
		logoUrl: coin.logo,
		status: cat.coinStatus(tokens),
		price: ctx.store.price(coin.coin_id),
		networks,
	};
}

/** A coin in the merchant's "Tokens for your business", with its enabled networks; else 13000. */
function businessCoin(ctx, coinId) {
	const coin = cat.coinById(coinId);
	const tokens = coin
		? coin.tokens.filter((t) => ctx.store.isTokenEnabled(ctx.appId, t.token_id))
		: [];
	if (!coin || !tokens.length)
		throw new V2Error('InvalidCoin', `coinId ${coinId} is not supported`);
	return { coin, tokens };
}

/** The coin's network on a chain, or 13001. */
function businessNetwork(ctx, coinId, chain) {
	const { coin, tokens } = businessCoin(ctx, coinId);
	const token = tokens.find((t) => t.chain === String(chain).toUpperCase());
	if (!token)
		throw new V2Error('InvalidChain', `chain ${chain} is not a network of coinId ${coinId}`);
	return { coin, token };
}

/** @param {Ctx} ctx */
function getCoinList(ctx) {
	return {
		coins: ctx.store
			.enabledCoins(ctx.appId)
			.map(({ coin, tokens }) => coinObject(ctx, coin, tokens)),
	};
}

/** @param {Ctx} ctx */
function getCoin(ctx) {
	const { coin, tokens } = businessCoin(ctx, ctx.body.coinId);
	return { coin: coinObject(ctx, coin, tokens) };
}

/** @param {Ctx} ctx */
function getCoinUSDTPrice(ctx) {
	/** @type {Record<string, string>} */
	const prices = {};
	for (const id of ctx.body.coinIds) {
		const coin = cat.coinById(id);
		if (!coin) throw new V2Error('InvalidCoin', `coinIds: ${id} is not supported`);
		prices[String(id)] = ctx.store.price(coin.coin_id);
	}
	return { prices };
}

/** @param {Ctx} ctx */
function getFiatList(ctx) {
	const rates = ctx.config.fiatRates || {};
	return {
		fiats: cat.FIATS.map((f) => ({
			fiatId: f.fiatId,
			symbol: f.symbol,
			logoUrl: `https://resource.cwallet.com/fiat/${f.symbol.toLowerCase()}.png`,
			mark: f.mark,
			usdRate: rates[f.symbol] || f.usdRate,
		})),
	};
}

/** Chains asked for (all when none); unknown names are left out, as a filter would. */
function chainsAsked(ctx) {
	const { CHAINS } = require('../shared/catalogue');
	const asked = (ctx.body.chains || []).map((c) => c.toUpperCase());
	return CHAINS.filter((c) => !asked.length || asked.includes(c.chain));
}

/** @param {Ctx} ctx */
function getChainList(ctx) {
	return {
		chains: chainsAsked(ctx).map((c) => {
			const x = cat.chainExtra(c.chain);
			return {
				chain: c.chain,
				chainFullName: c.name,
				explorer: x.explorer,
				logoUrl: c.logo,
				status: 'Normal',
				confirmations: c.confirmBlocks,
				baseUrl: x.tx,
				isEVM: x.evm,
				supportMemo: c.memo,
			};
		}),
	};
}

/** @param {Ctx} ctx */
function allChain(ctx) {
	return {
		chains: chainsAsked(ctx).map((c) => {
			const x = cat.chainExtra(c.chain);
			return {
				chain: c.chain,
				chainFullName: c.name,
				explorer: x.explorer,
				logoUrl: c.logo,
				status: 'Normal',
				confirmNum: c.confirmBlocks,
				isEVM: x.evm,
			};
		}),
	};
}

/** @param {Ctx} ctx */
function getMainCoinList(ctx) {
	const target = ctx.store.merchantConfig(ctx.body.appId);
	if (!target) throw new V2Error('MerchantNotFound', `appId ${ctx.body.appId} is unknown`);
	const coinChainList = [];
	for (const { coin, tokens } of ctx.store.enabledCoins(target.appId)) {
		for (const t of tokens) {
			coinChainList.push({
				coinId: cat.coinIdOf(coin),
				symbol: coin.symbol,
				logoUrl: coin.logo,
				status: cat.coinStatus([t]),
				chain: t.chain,
				network: t.network,
			});
		}
	}
	return { coinChainList };
}

/** @param {Ctx} ctx */
function getWithdrawFee(ctx) {
	const { coin, token } = businessNetwork(ctx, ctx.body.coinId, ctx.body.chain);
	const amount = ctx.store.networkFee(token);
	const networkFeeInquiryID = randomBytes(16).toString('hex');
	// Remembered so a withdrawal can quote it; a withdrawal with an unknown ID is refused.
	v2State(ctx.store, ctx.appId).feeInquiries.set(networkFeeInquiryID, {
		coinId: cat.coinIdOf(coin),
		chain: token.chain,
		amount,
		created: ctx.store.nowSec(),
	});
	return {
		fee: { coinId: cat.coinIdOf(coin), coinSymbol: coin.symbol, amount },
		networkFeeInquiryID,
	};
}

/** Zero balances are "" in CCPayment's example; config.v2.zeroBalance can make them "0". */
function available(ctx, value) {
	return value === '0' ? ctx.config.v2.zeroBalance : value;
}

/** @param {Ctx} ctx */
function getAppCoinAssetList(ctx) {
	return {
		assets: COINS.filter((c) => ctx.store.enabledCoins(ctx.appId).some((e) => e.coin === c)).map(
			(coin) => ({
				coinId: cat.coinIdOf(coin),
				coinSymbol: coin.symbol,
				available: available(ctx, ctx.store.balance(ctx.appId, coin.coin_id)),
			}),
		),
	};
}

/** @param {Ctx} ctx */
function getAppCoinAsset(ctx) {
	const coin = cat.coinById(ctx.body.coinId);
	if (!coin) throw new V2Error('InvalidCoin', `coinId ${ctx.body.coinId} is not supported`);
	return {
		asset: {
			coinId: ctx.body.coinId,
			coinSymbol: coin.symbol,
			available: available(ctx, ctx.store.balance(ctx.appId, coin.coin_id)),
		},
	};
}

/** The simulator never aggregates funds, so there are no aggregation fees to list. */
function getAggregationFeeRecord(ctx) {
	if (ctx.body.endAt < ctx.body.startAt)
		throw new V2Error('InvalidArgument', 'endAt must not be before startAt');
	return { list: [], nextId: '' };
}

/** "alvin@example.com" -> "a***@example.com", like CCPayment's masked names. */
function maskEmail(email) {
	const [name, domain] = email.split('@');
	return `${name.slice(0, 1)}***@${domain}`;
}

/** @param {Ctx} ctx */
function getCwalletUserId(ctx) {
	const wanted = ctx.body.cwalletUserId.trim();
	const user = ctx.store.cwalletUser(wanted);
	if (!user) throw new V2Error('NotFound', `cwalletUserId ${wanted} does not exist`);
	return { cwalletUserId: user.c_id, cwalletUserName: maskEmail(user.email) };
}

/** @param {Ctx} ctx */
function checkWithdrawalAddressValidity(ctx) {
	const chain = cat.chainInfo(ctx.body.chain);
	if (!chain) throw new V2Error('InvalidChain', `chain ${ctx.body.chain} is not supported`);
	return { addrIsValid: isValidAddress(chain.addressKind, ctx.body.address.trim()) };
}

/** Heights grow with time since start, as on a real chain. */
function currentHeight(store, chain) {
	const elapsed = (Date.now() - store.startMs) / 1000;
	return chain.blockRate > 0 ? chain.height + Math.floor(elapsed / chain.blockRate) : chain.height;
}

/** @param {Ctx} ctx */
function getTradeBlockHeight(ctx) {
	const found = v2State(ctx.store, ctx.appId).findDeposit(ctx.body.record_id);
	if (!found) throw new V2Error('NotFound', `record_id ${ctx.body.record_id} does not exist`);
	const chain = cat.chainInfo(found.chain);
	const current = chain ? currentHeight(ctx.store, chain) : 0;
	return {
		chain: found.chain,
		txBlockHeight: found.blockHeight || current,
		currBlockHeight: current,
		reqConfirmations: chain ? chain.confirmBlocks : 0,
	};
}

const S = 'string';
const none = [];

/** @type {Record<string, import('./routes').EndpointDef>} */
const endpoints = {
	getCoinList: { fields: none, handler: getCoinList },
	getCoin: { fields: [{ name: 'coinId', type: 'int', required: true, min: 1 }], handler: getCoin },
	getCoinUSDTPrice: {
		fields: [{ name: 'coinIds', type: 'ints', required: true, minItems: 1 }],
		handler: getCoinUSDTPrice,
	},
	getFiatList: { fields: none, handler: getFiatList },
	getChainList: { fields: [{ name: 'chains', type: 'strings' }], handler: getChainList },
	'all/chain': { fields: [{ name: 'chains', type: 'strings' }], handler: allChain },
	getMainCoinList: {
		fields: [{ name: 'appId', type: S, required: true, min: 3, max: 64 }],
		handler: getMainCoinList,
	},
	getWithdrawFee: {
		fields: [
			{ name: 'coinId', type: 'int', required: true, min: 1 },
			{ name: 'chain', type: S, required: true },
		],
		handler: getWithdrawFee,
	},
	getAppCoinAssetList: { fields: none, handler: getAppCoinAssetList },
	getAppCoinAsset: {
		fields: [{ name: 'coinId', type: 'int', required: true, min: 1 }],
		handler: getAppCoinAsset,
	},
	getAggregationFeeRecord: {
		fields: [
			{ name: 'startAt', type: 'int', required: true, min: 1 },
			{ name: 'endAt', type: 'int', required: true, min: 1 },
			{ name: 'nextId', type: S },
			{ name: 'limit', type: 'int', min: 1, max: 100 },
			{ name: 'chain', type: S },
			{ name: 'address', type: S },
		],
		handler: getAggregationFeeRecord,
	},
	getCwalletUserId: {
		fields: [{ name: 'cwalletUserId', type: S, required: true }],
		handler: getCwalletUserId,
	},
	checkWithdrawalAddressValidity: {
		fields: [
			{ name: 'chain', type: S, required: true },
			{ name: 'address', type: S, required: true },
		],
		handler: checkWithdrawalAddressValidity,
	},
	getTradeBlockHeight: {
		fields: [{ name: 'record_id', type: S, required: true }],
		handler: getTradeBlockHeight,
	},
};

module.exports = { endpoints, businessCoin, businessNetwork, coinObject, currentHeight };
