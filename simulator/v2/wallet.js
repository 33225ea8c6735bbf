// @ts-check
'use strict';

/**
 * Wallet system ("user" sub-accounts): per-user ledgers kept inside the merchant's state, user
 * deposit addresses (1,000 per App ID), user balances, deposit records and the control actions
 * that make deposits arrive and withdrawals finish. Moves of money between ledgers are in
 * wallet-moves.js. The merchant's own ledger is the shared one (store.balance / store.post); the
 * App ID is the merchant's user ID, so it can never be a user here.
 */

const dec = require('../shared/decimal');
const { makeAddress, txidFor } = require('../shared/addresses');
const cat = require('./catalogue');
const { V2Error, invalid } = require('./errors');
const { businessCoin, businessNetwork } = require('./resources');

/** @typedef {import('./routes').EndpointContext} Ctx */

const ADDRESS_LIMIT = 1000;
const PAGE = 20;

/**
 * @param {any} store
 * @param {string} appId
 */
function walletOf(store, appId) {
	const m = store.merchant(appId);
	if (!m.wallet) {
		m.wallet = {
			/** userId -> { userId, balances: Map<coinId, string>, created } */
			users: new Map(),
			/** `${userId}\u0000${chain}` -> address */
			addresses: new Map(),
			deposits: new Map(),
			withdrawals: new Map(),
			transfers: new Map(),
			batches: new Map(),
			swaps: new Map(),
			/** orderId -> record, one namespace per kind (a duplicate answers 11011) */
			orderIds: { withdrawal: new Map(), transfer: new Map(), batch: new Map(), swap: new Map() },
			/** every balance move: { seq, user_id, coin_id, amount, type, order_id, record_id } */
			journal: [],
			/** UserDeposit / UserWithdrawal bodies handed to the webhook hook */
			webhooks: [],
		};
	}
	return m.wallet;
}

/** The CCPayment rule for user IDs; the App ID is the merchant, never a user. */
function checkUserId(ctx, userId, field = 'userId') {
	if (userId === ctx.appId)
		throw invalid(`${field} is the App ID: that is the merchant's own account, not a user`);
	if (/^sys/i.test(userId)) throw invalid(`${field} must not start with "sys"`);
}

/** An existing user (one with an address or funds received), else 11015. */
function userOf(ctx, userId, field = 'userId') {
	checkUserId(ctx, userId, field);
	const user = walletOf(ctx.store, ctx.appId).users.get(userId);
	if (!user) throw new V2Error('UserIdNotFound', `${field} ${userId} does not exist`);
	return user;
}

function ensureUser(store, appId, userId) {
	const w = walletOf(store, appId);
	let user = w.users.get(userId);
	if (!user) {
		user = { userId, balances: new Map(), created: store.nowSec() };
		w.users.set(userId, user);
	}
	return user;
}

function userBalance(user, coinId) {
	return user.balances.get(coinId) || '0';
}

/** Move a user's balance (signed amount) and journal it; refuses to go below zero. */
function postUser(store, appId, user, coinId, amount, info) {
	const after = dec.add(userBalance(user, coinId), amount);
	if (dec.isNegative(after))
		throw new V2Error('BalanceInsufficient', `${user.userId} has too little`);
	user.balances.set(coinId, after);
	const w = walletOf(store, appId);
	w.journal.push({
		seq: w.journal.length + 1,
		user_id: user.userId,
		coin_id: coinId,
		amount: dec.normalize(amount),
		balance_after: after,
		type: info.type,
		order_id: info.orderId || '',
		record_id: info.recordId || '',
	});
}

/** The webhook hook: bodies are kept here and delivered by the shared emitter when it signs v2. */
function emitUserWebhook(sim, appId, type, msg, notifyUrl) {
	const body = { type, msg };
	walletOf(sim.store, appId).webhooks.push({ body, notifyUrl: notifyUrl || '' });
	const emitter = sim.webhooks;
	if (emitter && typeof emitter.emitV2 === 'function')
		emitter.emitV2({ appId, type, msg, notifyUrl });
	return body;
}

/** A page of `records` (newest first) after the cursor `nextId`. */
function page(records, nextId) {
	let start = 0;
	if (nextId) {
		start = records.findIndex((r) => r.recordId === nextId) + 1;
		if (start <= 0) throw invalid('nextId is not a cursor of this list');
	}
	const slice = records.slice(start, start + PAGE);
	const more = start + PAGE < records.length;
	return { records: slice, nextId: more ? slice[slice.length - 1].recordId : '' };
}

/** Records matching the usual list filters, newest first. */
function filtered(records, body, extra = () => true) {
	const now = Math.floor(Date.now() / 1000);
	const startAt = body.startAt || now - 90 * 86400;
	const endAt = body.endAt || now + 1;
	return [...records]
		.filter((r) => r.createdAt >= startAt && r.createdAt <= endAt)
		.filter((r) => !body.coinId || r.coinId === body.coinId)
		.filter((r) => !body.orderIds || body.orderIds.includes(r.orderId))
		.filter(extra)
		.reverse();
}

/** The record asked for by recordId or orderId ("pass either, not both or none"). */
function recordBy(ctx, kind, map) {
	const { recordId, orderId } = ctx.body;
	if (!recordId === !orderId) throw invalid('give exactly one of recordId and orderId');
	const found = recordId
		? map.get(recordId)
		: walletOf(ctx.store, ctx.appId).orderIds[kind].get(orderId);
	if (!found) throw new V2Error('NotFound', `no such ${kind} record`);
	return found;
}

/** @param {Ctx} ctx */
function getUserCoinAssetList(ctx) {
	const user = userOf(ctx, ctx.body.userId);
	const assets = [];
	for (const { coin } of ctx.store.enabledCoins(ctx.appId)) {
		const coinId = cat.coinIdOf(coin);
		assets.push({ coinId, coinSymbol: coin.symbol, available: userBalance(user, coinId) });
	}
	return { userId: user.userId, assets };
}

/** @param {Ctx} ctx */
function getUserCoinAsset(ctx) {
	const user = userOf(ctx, ctx.body.userId);
	const { coin } = businessCoin(ctx, ctx.body.coinId);
	const coinId = cat.coinIdOf(coin);
	return {
		userId: user.userId,
		asset: { coinId, coinSymbol: coin.symbol, available: userBalance(user, coinId) },
	};
}

/** @param {Ctx} ctx */
function getOrCreateUserDepositAddress(ctx) {
	const { userId, notifyUrl } = ctx.body;
	checkUserId(ctx, userId);
	const chain = cat.chainInfo(ctx.body.chain);
	if (!chain) throw new V2Error('InvalidChain', `chain ${ctx.body.chain} is not supported`);
	const w = walletOf(ctx.store, ctx.appId);
	const key = `${userId}\u0000${chain.chain}`;
	let entry = w.addresses.get(key);
	if (!entry) {
		if (w.addresses.size >= ADDRESS_LIMIT)
			throw new V2Error(
				'PaymentAddressNumTooMuch',
				`${ADDRESS_LIMIT} user addresses already exist`,
			);
		entry = {
			userId,
			chain: chain.chain,
			address: makeAddress(chain.addressKind, `user:${ctx.appId}:${userId}:${chain.chain}`),
			memo: chain.memo ? String(100000 + w.addresses.size) : '',
			notifyUrl: notifyUrl || '',
			created: ctx.store.nowSec(),
		};
		w.addresses.set(key, entry);
		ensureUser(ctx.store, ctx.appId, userId);
	}
	return { address: entry.address, memo: entry.memo };
}

/** @param {Ctx} ctx */
function getUserDepositRecord(ctx) {
	const record = walletOf(ctx.store, ctx.appId).deposits.get(ctx.body.recordId);
	if (!record) throw new V2Error('NotFound', `recordId ${ctx.body.recordId} does not exist`);
	return { record: depositView(record) };
}

/** @param {Ctx} ctx */
function getUserDepositRecordList(ctx) {
	userOf(ctx, ctx.body.userId);
	const { userId, chain, toAddress } = ctx.body;
	const all = [...walletOf(ctx.store, ctx.appId).deposits.values()];
	const list = filtered(
		all,
		ctx.body,
		(r) =>
			r.userId === userId &&
			(!chain || r.chain === String(chain).toUpperCase()) &&
			(!toAddress || r.toAddress === toAddress),
	);
	const result = page(list, ctx.body.nextId);
	return { records: result.records.map(depositView), nextId: result.nextId };
}

/** A copy of a record without the simulator's own bookkeeping keys. */
function without(record, keys) {
	return Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));
}

const depositView = (r) => without(r, ['createdAt', 'notifyUrl']);

/**
 * Control action: a payment arrives at a user's deposit address. params: app_id, user_id, chain,
 * coin_id (v2 coinId), amount, status ("Success" default, or "Processing"), risky.
 * @param {any} sim
 * @param {Record<string, any>} params
 */
function depositToUser(sim, params) {
	const appId = params.app_id || sim.config.merchants[0].appId;
	const w = walletOf(sim.store, appId);
	const entry = w.addresses.get(`${params.user_id}\u0000${String(params.chain).toUpperCase()}`);
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
	w.deposits.set(recordId, record);
	if (record.status === 'Success') creditDeposit(sim, appId, record);
	const webhook = emitUserWebhook(sim, appId, 'UserDeposit', depositMsg(record), entry.notifyUrl);
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
	const user = ensureUser(sim.store, appId, record.userId);
	postUser(sim.store, appId, user, record.coinId, dec.sub(record.amount, record.serviceFee), {
		type: 'user_deposit',
		recordId: record.recordId,
	});
}

/** Control action: a Processing user deposit confirms. params: app_id, record_id. */
function confirmUserDeposit(sim, params) {
	const appId = params.app_id || sim.config.merchants[0].appId;
	const record = walletOf(sim.store, appId).deposits.get(String(params.record_id));
	if (!record || record.status !== 'Processing') throw new Error('no Processing user deposit');
	record.status = 'Success';
	creditDeposit(sim, appId, record);
	return emitUserWebhook(sim, appId, 'UserDeposit', depositMsg(record), record.notifyUrl);
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

/**
 * The money view tests and campaigns check: every user's balances, the merchant's, and their sum
 * per coin; fees paid out of the system are listed so conservation can be stated exactly.
 * @param {any} sim
 * @param {string} [appId]
 */
function walletLedger(sim, appId = sim.config.merchants[0].appId) {
	const w = walletOf(sim.store, appId);
	/** @type {Record<string, Record<string, string>>} */
	const users = {};
	/** @type {Record<string, string>} */
	const userTotals = {};
	for (const user of w.users.values()) {
		users[user.userId] = Object.fromEntries(user.balances);
		for (const [coinId, value] of user.balances)
			userTotals[coinId] = dec.add(userTotals[coinId] || '0', value);
	}
	/** @type {Record<string, string>} */
	const merchant = {};
	for (const coin of require('../shared/catalogue').COINS)
		merchant[cat.coinIdOf(coin)] = sim.store.balance(appId, coin.coin_id);
	return { users, userTotals, merchant, journal: w.journal.map((e) => ({ ...e })) };
}

const S = 'string';
const USER = { name: 'userId', type: S, required: true, min: 5, max: 64 };
const LIST = [
	{ name: 'coinId', type: 'int', min: 1 },
	{ name: 'startAt', type: 'int', min: 1 },
	{ name: 'endAt', type: 'int', min: 1 },
	{ name: 'nextId', type: S },
];

/** @type {Record<string, import('./routes').EndpointDef>} */
const endpoints = {
	getUserCoinAssetList: { fields: [USER], handler: getUserCoinAssetList },
	getUserCoinAsset: {
		fields: [USER, { name: 'coinId', type: 'int', required: true, min: 1 }],
		handler: getUserCoinAsset,
	},
	getOrCreateUserDepositAddress: {
		fields: [USER, { name: 'chain', type: S, required: true }, { name: 'notifyUrl', type: 'url' }],
		handler: getOrCreateUserDepositAddress,
	},
	getUserDepositRecord: {
		fields: [{ name: 'recordId', type: S, required: true }],
		handler: getUserDepositRecord,
	},
	getUserDepositRecordList: {
		fields: [USER, ...LIST, { name: 'chain', type: S }, { name: 'toAddress', type: S }],
		handler: getUserDepositRecordList,
	},
};

module.exports = {
	endpoints,
	notifications: { UserDeposit: depositMsg },
	walletOf,
	checkUserId,
	userOf,
	ensureUser,
	userBalance,
	postUser,
	emitUserWebhook,
	page,
	without,
	filtered,
	recordBy,
	openUserAddress,
	depositToUser,
	confirmUserDeposit,
	walletLedger,
	businessNetwork,
	ADDRESS_LIMIT,
	LIST,
	USER,
};
