// @ts-check
'use strict';

/**
 * Wallet system ("user" sub-accounts), the core the wallet-*.js endpoint modules share: per-user
 * ledgers kept inside the merchant's state, the userId rules, the journal of every balance move, the
 * order-ID namespaces (a duplicate answers 11011), paging, and the webhook hook. The merchant's own
 * ledger is the shared one (store.balance / store.post); the App ID is the merchant's user ID, so it
 * is never a user here.
 */

const dec = require('../shared/decimal');
const cat = require('./catalogue');
const { V2Error, invalid } = require('./errors');

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

/**
 * A UserDeposit / UserWithdrawal webhook through the shared v2 delivery (notify.js builds the body
 * with this module's `notifications`); the body is also kept per merchant for tests.
 */
function emitUserWebhook(sim, appId, type, msg, record) {
	const body = { type, msg };
	walletOf(sim.store, appId).webhooks.push({ body, notifyUrl: record.notifyUrl || '' });
	require('./notify').notify(sim, appId, type, record);
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

const MIN_USD = '0.001';

function claimOrderId(ctx, kind, orderId) {
	if (walletOf(ctx.store, ctx.appId).orderIds[kind].has(orderId))
		throw new V2Error('OrderDuplicate', `orderId ${orderId} was already used`);
}

function remember(ctx, kind, map, record) {
	map.set(record.recordId, record);
	walletOf(ctx.store, ctx.appId).orderIds[kind].set(record.orderId, record);
}

/** A positive amount the coin's precision can hold, else 11000 / 14013. */
function amountOf(coin, value, field = 'amount') {
	if (dec.decimalPlaces(value) > coin.precision)
		throw new V2Error('CoinPrecisionLimit', `${field} has more than ${coin.precision} decimals`);
	return value;
}

function usdValue(ctx, coin, amount) {
	return dec.mul(amount, ctx.store.price(coin.coin_id));
}

function checkMinimumUsd(ctx, coin, amount, tip) {
	if (dec.cmp(usdValue(ctx, coin, amount), MIN_USD) < 0)
		throw new V2Error(tip, `amount must be worth at least ${MIN_USD} USD`);
}

/** A copy of a record without the simulator's own bookkeeping keys. */
function without(record, keys) {
	return Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));
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

/** @type {'string'} */
const S = 'string';
/** @type {import('./fields').FieldSpec} */
const USER = { name: 'userId', type: S, required: true, min: 5, max: 64 };
/** @type {import('./fields').FieldSpec[]} */
const LIST = [
	{ name: 'coinId', type: 'int', min: 1 },
	{ name: 'startAt', type: 'int', min: 1 },
	{ name: 'endAt', type: 'int', min: 1 },
	{ name: 'nextId', type: S },
];

module.exports = {
	walletOf,
	checkUserId,
	userOf,
	ensureUser,
	userBalance,
	postUser,
	emitUserWebhook,
	page,
	filtered,
	recordBy,
	without,
	walletLedger,
	claimOrderId,
	remember,
	amountOf,
	checkMinimumUsd,
	ADDRESS_LIMIT,
	LIST,
	USER,
	S,
};
