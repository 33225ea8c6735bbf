// @ts-check
'use strict';

/**
 * Wallet system: user balances, user deposit addresses (1,000 per App ID), user deposit records, and
 * the control actions that open an address and make a payment arrive (UserDeposit webhook).
 */

const dec = require('../shared/decimal');
const { makeAddress, txidFor } = require('../shared/addresses');
const cat = require('./catalogue');
const { V2Error } = require('./errors');
const { businessCoin } = require('./resources');
const w = require('./wallet');

/** @typedef {import('./routes').EndpointContext} Ctx */

/** @param {Ctx} ctx */
function getUserCoinAssetList(ctx) {
	const user = w.userOf(ctx, ctx.body.userId);
	const assets = [];
	for (const { coin } of ctx.store.enabledCoins(ctx.appId)) {
		const coinId = cat.coinIdOf(coin);
		assets.push({ coinId, coinSymbol: coin.symbol, available: w.userBalance(user, coinId) });
	}
	return { userId: user.userId, assets };
}

/** @param {Ctx} ctx */
function getUserCoinAsset(ctx) {
	const user = w.userOf(ctx, ctx.body.userId);
	const { coin } = businessCoin(ctx, ctx.body.coinId);
	const coinId = cat.coinIdOf(coin);
	return {
		userId: user.userId,
		asset: { coinId, coinSymbol: coin.symbol, available: w.userBalance(user, coinId) },
	};
}

/** @param {Ctx} ctx */
function getOrCreateUserDepositAddress(ctx) {
	const { userId, notifyUrl } = ctx.body;
	w.checkUserId(ctx, userId);
	const chain = cat.chainInfo(ctx.body.chain);
	if (!chain) throw new V2Error('InvalidChain', `chain ${ctx.body.chain} is not supported`);
	const state = w.walletOf(ctx.store, ctx.appId);
	const key = `${userId}\u0000${chain.chain}`;
	let entry = state.addresses.get(key);
	if (!entry) {
		if (state.addresses.size >= w.ADDRESS_LIMIT)
			throw new V2Error(
				'PaymentAddressNumTooMuch',
				`${w.ADDRESS_LIMIT} user addresses already exist`,
			);
		entry = {
			userId,
			chain: chain.chain,
			address: makeAddress(chain.addressKind, `user:${ctx.appId}:${userId}:${chain.chain}`),
			memo: chain.memo ? String(100000 + state.addresses.size) : '',
			notifyUrl: notifyUrl || '',
			created: ctx.store.nowSec(),
		};
		state.addresses.set(key, entry);
		w.ensureUser(ctx.store, ctx.appId, userId);
	}
	return { address: entry.address, memo: entry.memo };
}

/** @param {Ctx} ctx */
function getUserDepositRecord(ctx) {
	const record = w.walletOf(ctx.store, ctx.appId).deposits.get(ctx.body.recordId);
	if (!record) throw new V2Error('NotFound', `recordId ${ctx.body.recordId} does not exist`);
	return { record: depositView(record) };
}

/** @param {Ctx} ctx */
function getUserDepositRecordList(ctx) {
	w.userOf(ctx, ctx.body.userId);
	const { userId, chain, toAddress } = ctx.body;
	const all = [...w.walletOf(ctx.store, ctx.appId).deposits.values()];
	const list = w.filtered(
		all,
		ctx.body,
		(r) =>
			r.userId === userId &&
			(!chain || r.chain === String(chain).toUpperCase()) &&
			(!toAddress || r.toAddress === toAddress),
	);
	const result = w.page(list, ctx.body.nextId);
	return { records: result.records.map(depositView), nextId: result.nextId };
}

const depositView = (r) => w.without(r, ['createdAt', 'notifyUrl']);

/**
 * Control action: a payment arrives at a user's deposit address. params: app_id, user_id, chain,
 * coin_id (v2 coinId), amount, status ("Success" default, or "Processing"), risky.
 * @param {any} sim
 * @param {Record<string, any>} params
 */
function depositToUser(sim, params) {
	const appId = params.app_id || sim.config.merchants[0].appId;
	const state = w.walletOf(sim.store, appId);
	const entry = state.addresses.get(`${params.user_id}\u0000${String(params.chain).toUpperCase()}`);
	if (!entry) throw new Error(`user ${params.user_id} has no ${params.chain} deposit address`);
	const coinId = Number(params.coin_id);
	const coin = cat.coinById(coinId);
	const token = coin && cat.networkOf(coin, entry.chain);
	if (!coin || !token) throw new Error(`coin ${params.coin_id} has no ${entry.chain} network`);
	const amount = dec.normalize(String(params.amount));
	if (!dec.isPositive(amount)) throw new Error('amount must be a positive decimal string');
	const recordId = sim.store.newId();
	const record = {
		recordId,
		userId: entry.userId,
		coinId,
		coinSymbol: coin.symbol,
		chain: entry.chain,
		contract: token.contract || '',
		coinUSDPrice: sim.store.price(coin.coin_id),
		fromAddress: makeAddress(cat.chainInfo(entry.chain).addressKind, `from:${recordId}`),
		toAddress: entry.address,
		toMemo: entry.memo,
		amount,
		serviceFee: '0',
		txId: txidFor(cat.chainInfo(entry.chain).addressKind, recordId),
		status: params.status === 'Processing' ? 'Processing' : 'Success',
		arrivedAt: sim.store.nowSec(),
		isFlaggedAsRisky: !!params.risky,
		createdAt: sim.store.nowSec(),
		notifyUrl: entry.notifyUrl,
	};
	state.deposits.set(recordId, record);
	if (record.status === 'Success') creditDeposit(sim, appId, record);
	const webhook = w.emitUserWebhook(sim, appId, 'UserDeposit', depositMsg(record), record);
	return { record: depositView(record), webhook };
}

/**
 * Control action: open a user's deposit address as the API would (campaigns, demos).
 * @param {any} sim @param {{ app_id?: string, user_id: string, chain: string }} params
 */
function openUserAddress(sim, params) {
	const appId = params.app_id || sim.config.merchants[0].appId;
	const body = { userId: params.user_id, chain: params.chain };
	const ctx = /** @type {any} */ ({ sim, store: sim.store, config: sim.config, appId, body });
	return getOrCreateUserDepositAddress(ctx);
}

/** Risky payments are never credited (CCPayment holds them for review). */
function creditDeposit(sim, appId, record) {
	if (record.isFlaggedAsRisky) return;
	const user = w.ensureUser(sim.store, appId, record.userId);
	w.postUser(sim.store, appId, user, record.coinId, dec.sub(record.amount, record.serviceFee), {
		type: 'user_deposit',
		recordId: record.recordId,
	});
}

/** Control action: a Processing user deposit confirms. params: app_id, record_id. */
function confirmUserDeposit(sim, params) {
	const appId = params.app_id || sim.config.merchants[0].appId;
	const record = w.walletOf(sim.store, appId).deposits.get(String(params.record_id));
	if (!record || record.status !== 'Processing') throw new Error('no Processing user deposit');
	record.status = 'Success';
	creditDeposit(sim, appId, record);
	return w.emitUserWebhook(sim, appId, 'UserDeposit', depositMsg(record), record);
}

function depositMsg(r) {
	return {
		recordId: r.recordId,
		userId: r.userId,
		coinId: r.coinId,
		coinSymbol: r.coinSymbol,
		amount: r.amount,
		status: r.status,
		isFlaggedAsRisky: r.isFlaggedAsRisky,
	};
}

/** @type {'string'} */
const S = w.S;

/** @type {Record<string, import('./routes').EndpointDef>} */
const endpoints = {
	getUserCoinAssetList: { fields: [w.USER], handler: getUserCoinAssetList },
	getUserCoinAsset: {
		fields: [w.USER, { name: 'coinId', type: 'int', required: true, min: 1 }],
		handler: getUserCoinAsset,
	},
	getOrCreateUserDepositAddress: {
		fields: [
			w.USER,
			{ name: 'chain', type: S, required: true },
			{ name: 'notifyUrl', type: 'url' },
		],
		handler: getOrCreateUserDepositAddress,
	},
	getUserDepositRecord: {
		fields: [{ name: 'recordId', type: S, required: true }],
		handler: getUserDepositRecord,
	},
	getUserDepositRecordList: {
		fields: [w.USER, ...w.LIST, { name: 'chain', type: S }, { name: 'toAddress', type: S }],
		handler: getUserDepositRecordList,
	},
};

module.exports = {
	endpoints,
	notifications: { UserDeposit: depositMsg },
	openUserAddress,
	depositToUser,
	confirmUserDeposit,
};
