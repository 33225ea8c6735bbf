// @ts-check
'use strict';

/**
 * Wallet system: user-to-user transfers (instant, atomic, free, no webhook), the sweep to the
 * merchant (toUserId = App ID credits the merchant balance) and batch transfers (all legs or none).
 */

const dec = require('../shared/decimal');
const cat = require('./catalogue');
const { V2Error, invalid } = require('./errors');
const { businessCoin } = require('./resources');
const w = require('./wallet');

/** @typedef {import('./routes').EndpointContext} Ctx */

/**
 * One transfer leg, checked; `toUserId` equal to the App ID credits the merchant balance.
 * @param {Ctx} ctx
 */
function transferRecord(ctx, from, toUserId, coin, amount, orderId, remark) {
	w.checkUserId(ctx, from.userId, 'fromUserId');
	if (toUserId !== ctx.appId) {
		if (/^sys/i.test(toUserId)) throw invalid('toUserId must not start with "sys"');
		if (toUserId === from.userId) throw invalid('toUserId must differ from fromUserId');
	}
	w.checkMinimumUsd(ctx, coin, amount, 'InvalidArgument');
	return {
		recordId: ctx.store.newId(),
		coinId: cat.coinIdOf(coin),
		coinSymbol: coin.symbol,
		orderId,
		fromUserId: from.userId,
		toUserId,
		amount,
		status: 'Success',
		remark: remark || '',
		coinUSDPrice: ctx.store.price(coin.coin_id),
		createdAt: ctx.store.nowSec(),
	};
}

/** Post a checked leg: debit the sender, credit the receiver (user or merchant). */
function postTransfer(ctx, from, record, type) {
	const info = { type, orderId: record.orderId, recordId: record.recordId };
	w.postUser(ctx.store, ctx.appId, from, record.coinId, dec.sub('0', record.amount), info);
	if (record.toUserId === ctx.appId) {
		ctx.store.post(ctx.appId, cat.v1CoinId(record.coinId), record.amount, {
			type: 'user_sweep',
			merchant_order_id: record.orderId,
			record_id: record.recordId,
		});
	} else {
		const to = w.ensureUser(ctx.store, ctx.appId, record.toUserId);
		w.postUser(ctx.store, ctx.appId, to, record.coinId, record.amount, info);
	}
}

/** @param {Ctx} ctx */
function userTransfer(ctx) {
	const b = ctx.body;
	const from = w.userOf(ctx, b.fromUserId, 'fromUserId');
	w.claimOrderId(ctx, 'transfer', b.orderId);
	const { coin } = businessCoin(ctx, b.coinId);
	const amount = w.amountOf(coin, b.amount);
	const record = transferRecord(ctx, from, b.toUserId, coin, amount, b.orderId, b.remark);
	if (dec.cmp(w.userBalance(from, record.coinId), amount) < 0)
		throw new V2Error('BalanceInsufficient', `${from.userId} has too little`);
	postTransfer(ctx, from, record, 'user_transfer');
	w.remember(ctx, 'transfer', w.walletOf(ctx.store, ctx.appId).transfers, record);
	// Instant and final: no webhook, code 10000 means done.
	return { recordId: record.recordId };
}

const transferView = (r) => w.without(r, ['createdAt']);

/** @param {Ctx} ctx */
function getUserTransferRecord(ctx) {
	const wallet = w.walletOf(ctx.store, ctx.appId);
	return { record: transferView(w.recordBy(ctx, 'transfer', wallet.transfers)) };
}

/** @param {Ctx} ctx */
function getUserTransferRecordList(ctx) {
	const { fromUserId, toUserId } = ctx.body;
	const list = w.filtered(
		[...w.walletOf(ctx.store, ctx.appId).transfers.values()],
		ctx.body,
		(r) => (!fromUserId || r.fromUserId === fromUserId) && (!toUserId || r.toUserId === toUserId),
	);
	const result = w.page(list, ctx.body.nextId);
	return { records: result.records.map(transferView), nextId: result.nextId };
}

/** @param {Ctx} ctx */
function userBatchTransfer(ctx) {
	const b = ctx.body;
	const from = w.userOf(ctx, b.userId);
	w.claimOrderId(ctx, 'batch', b.orderId);
	const { coin } = businessCoin(ctx, b.coinId);
	const recordId = ctx.store.newId();
	const legs = b.toUsers.map((to, i) =>
		transferRecord(
			ctx,
			from,
			to.userId,
			coin,
			w.amountOf(coin, to.amount, `toUsers[${i}].amount`),
			`${b.orderId}-${i + 1}`,
			b.remark,
		),
	);
	const total = dec.sum(legs.map((leg) => leg.amount));
	if (dec.cmp(w.userBalance(from, cat.coinIdOf(coin)), total) < 0)
		throw new V2Error('BalanceInsufficient', `${from.userId} has too little for ${total}`);
	for (const leg of legs) postTransfer(ctx, from, leg, 'user_batch_transfer');
	const record = {
		recordId,
		userId: from.userId,
		coinId: cat.coinIdOf(coin),
		coinSymbol: coin.symbol,
		orderId: b.orderId,
		toUsers: legs.map((leg) => ({ userId: leg.toUserId, amount: leg.amount })),
		totalAmount: total,
		status: 'Success',
		remark: b.remark || '',
		coinUSDPrice: ctx.store.price(coin.coin_id),
		createdAt: ctx.store.nowSec(),
		legs,
	};
	w.remember(ctx, 'batch', w.walletOf(ctx.store, ctx.appId).batches, record);
	return { recordId };
}

const batchView = (r) => w.without(r, ['createdAt', 'legs']);

/** @param {Ctx} ctx */
function getUserBatchTransferRecord(ctx) {
	const wallet = w.walletOf(ctx.store, ctx.appId);
	return { record: batchView(w.recordBy(ctx, 'batch', wallet.batches)) };
}

/** @param {Ctx} ctx */
function getUserBatchTransferRecordList(ctx) {
	const { userId } = ctx.body;
	const list = w.filtered(
		[...w.walletOf(ctx.store, ctx.appId).batches.values()],
		ctx.body,
		(r) => !userId || r.userId === userId,
	);
	const result = w.page(list, ctx.body.nextId);
	return { records: result.records.map(batchView), nextId: result.nextId };
}

/** @param {Ctx} ctx */
function getUserBatchTransferRecordDetail(ctx) {
	const batch = w.walletOf(ctx.store, ctx.appId).batches.get(ctx.body.recordId);
	if (!batch) throw new V2Error('NotFound', `recordId ${ctx.body.recordId} does not exist`);
	const result = w.page([...batch.legs], ctx.body.nextId);
	return { records: result.records.map(transferView), nextId: result.nextId };
}

/** @type {'string'} */
const S = 'string';
/** @type {import('./fields').FieldSpec} */
const ORDER = { name: 'orderId', type: S, required: true, min: 3, max: 64 };
/** @type {import('./fields').FieldSpec} */
const COIN = { name: 'coinId', type: 'int', required: true, min: 1 };
/** @type {import('./fields').FieldSpec} */
const AMOUNT = { name: 'amount', type: 'decimal', required: true };
/** @type {import('./fields').FieldSpec[]} */
const BY_ID = [
	{ name: 'recordId', type: S },
	{ name: 'orderId', type: S },
];
/** @param {string} name @returns {import('./fields').FieldSpec} */
const USER_ID = (name, required = true) => ({ name, type: S, required, min: 5, max: 64 });
/** @type {import('./fields').FieldSpec[]} */
const LIST = [...w.LIST, { name: 'orderIds', type: 'strings', maxItems: 20 }];

/** @type {Record<string, import('./routes').EndpointDef>} */
const endpoints = {
	userTransfer: {
		fields: [
			USER_ID('fromUserId'),
			USER_ID('toUserId'),
			COIN,
			AMOUNT,
			ORDER,
			{ name: 'remark', type: S, max: 255 },
		],
		handler: userTransfer,
	},
	getUserTransferRecord: { fields: BY_ID, handler: getUserTransferRecord },
	getUserTransferRecordList: {
		fields: [USER_ID('fromUserId', false), USER_ID('toUserId', false), ...LIST],
		handler: getUserTransferRecordList,
	},
	userBatchTransfer: {
		fields: [
			ORDER,
			w.USER,
			{
				name: 'toUsers',
				type: 'objects',
				required: true,
				minItems: 1,
				items: [USER_ID('userId'), AMOUNT],
			},
			COIN,
			{ name: 'remark', type: S, max: 255 },
		],
		handler: userBatchTransfer,
	},
	getUserBatchTransferRecord: { fields: BY_ID, handler: getUserBatchTransferRecord },
	getUserBatchTransferRecordList: {
		fields: [USER_ID('userId', false), ...LIST],
		handler: getUserBatchTransferRecordList,
	},
	getUserBatchTransferRecordDetail: {
		fields: [
			{ name: 'recordId', type: S, required: true },
			{ name: 'nextId', type: S },
		],
		handler: getUserBatchTransferRecordDetail,
	},
};

module.exports = { endpoints };
