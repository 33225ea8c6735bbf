// @ts-check
'use strict';

/**
 * Read-only resource endpoints: coins and tokens, rates, balances, fees, block heights, Cwallet
 * users. Response `data` keys follow CCPayment's examples, in their order.
 */

const dec = require('../shared/decimal');
const { COINS, CHAINS } = require('../shared/catalogue');
const { isCwalletDestination } = require('../shared/addresses');
const { ApiError, reqString, optString, reqAmount } = require('./fields');

function coinAll(ctx) {
	return {
		list: ctx.store.enabledCoins(ctx.appId).map(({ coin, tokens }) => ({
			symbol: coin.symbol,
			crypto: coin.symbol,
			name: coin.name,
			logo: coin.logo,
			min: coin.min,
			price: ctx.store.price(coin.coin_id),
			precision: coin.precision,
			coin_id: coin.coin_id,
			status: coin.status,
			tokens: tokens.map((t) => tokenEntry(ctx, t, true)),
		})),
	};
}

/** A token as coin/all (withFeeCoin) or token/chain shows it; key order follows CCPayment's examples. */
function tokenEntry(ctx, t, withFeeCoin) {
	const chain = ctx.store.chain(t.chain);
	const logo = ctx.store.coinOf(t).logo;
	const name = chain ? chain.name : t.chain;
	const memo = !!(chain && chain.memo);
	const chainLogo = chain ? chain.logo : '';
	if (!withFeeCoin) {
		return {
			token_id: t.token_id,
			crypto: t.crypto,
			logo,
			name,
			network: t.network,
			chain: t.chain,
			contract: t.contract,
			chain_logo: chainLogo,
			is_support_memo: memo,
			status: t.status,
		};
	}
	return {
		token_id: t.token_id,
		crypto: t.crypto,
		logo,
		name,
		is_support_memo: memo,
		network: t.network,
		chain: t.chain,
		contract: t.contract,
		chain_logo: chainLogo,
		status: t.status,
		network_fee_crypto: t.networkFeeCrypto,
		network_coin_id: t.networkCoinId,
	};
}

/** USD amount -> token amount. Accepts a token_id or (as the doc example does) a coin_id. */
function tokenRate(ctx) {
	const b = ctx.body;
	const amount = reqAmount(b, 'amount', 18);
	const id = reqString(b, 'token_id');
	const token = ctx.store.token(id);
	const coin = token ? ctx.store.coinOf(token) : ctx.store.coin(id);
	if (!coin) throw new ApiError('tokenNotSupported', `unknown token_id ${id}`);
	const price = ctx.store.price(coin.coin_id);
	return { price, value: dec.div(amount, price, 16) };
}

function assets(ctx) {
	const coinId = optString(ctx.body, 'coin_id');
	const state = ctx.store.merchant(ctx.appId);
	let coins = COINS;
	if (coinId !== undefined) {
		const coin = ctx.store.coin(coinId);
		if (!coin) throw new ApiError('tokenNotSupported', `unknown coin_id ${coinId}`);
		coins = [coin];
	}
	return {
		list: coins.map((coin) => ({
			coin_id: coin.coin_id,
			crypto: coin.symbol,
			name: coin.name,
			value: state.balances.get(coin.coin_id) || '0',
			price: ctx.store.price(coin.coin_id),
			logo: coin.logo,
		})),
	};
}

function networkFee(ctx) {
	const b = ctx.body;
	const id = reqString(b, 'token_id');
	const address = optString(b, 'address');
	optString(b, 'memo');
	const token = ctx.store.token(id);
	if (!token) throw new ApiError('tokenNotSupported', `unknown token_id ${id}`);
	const internal = address !== undefined && isCwalletDestination(address.trim());
	return {
		token_id: token.token_id,
		crypto: token.crypto,
		fee: internal ? '0' : ctx.store.networkFee(token),
	};
}

function networkHeight(ctx) {
	const elapsed = (Date.now() - ctx.store.startMs) / 1000;
	return CHAINS.map((c) => ({
		chain: c.chain,
		current_chain_height: c.blockRate > 0 ? c.height + Math.floor(elapsed / c.blockRate) : c.height,
		tx_confirm_block_num: c.confirmBlocks,
		block_rate: c.blockRate,
	}));
}

function checkUser(ctx) {
	const cId = reqString(ctx.body, 'c_id');
	const user = ctx.store.cwalletUser(cId.trim());
	if (!user || user.c_id !== cId.trim()) throw new ApiError('userNotFound');
	return { c_id: user.c_id, nickname: user.nickname };
}

function supportToken(ctx) {
	const list = [];
	for (const { coin, tokens } of ctx.store.enabledCoins(ctx.appId)) {
		for (const t of tokens) {
			list.push({
				crypto: t.crypto,
				name: coin.name,
				logo: coin.logo,
				min: coin.min,
				price: ctx.store.price(coin.coin_id),
				token_id: t.token_id,
				status: t.status,
			});
		}
	}
	return { list };
}

function tokenChain(ctx) {
	const id = reqString(ctx.body, 'token_id');
	const token = ctx.store.token(id);
	const coin = token ? ctx.store.coinOf(token) : ctx.store.coin(id);
	if (!coin) throw new ApiError('tokenNotSupported', `unknown token_id ${id}`);
	const tokens = coin.tokens.filter((t) => ctx.store.isTokenEnabled(ctx.appId, t.token_id));
	if (!tokens.length)
		throw new ApiError('tokenNotSupported', `token_id ${id} is not enabled for this merchant`);
	return { list: tokens.map((t) => tokenEntry(ctx, t, false)) };
}

module.exports = {
	coinAll,
	tokenRate,
	assets,
	networkFee,
	networkHeight,
	checkUser,
	supportToken,
	tokenChain,
};
