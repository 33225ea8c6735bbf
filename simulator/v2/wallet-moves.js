// @ts-check
'use strict';

/**
 * Wallet-system moves: user withdrawals (network and Cwallet), user-to-user transfers (including
 * the sweep to the merchant, whose user ID is the App ID), batch transfers and user swaps. Every
 * move checks everything first and then posts, so a refused move changes no balance; a duplicate
 * orderId answers 11011 and moves nothing.
 */

const dec = require('../shared/decimal');
const { isValidAddress } = require('../shared/addresses');
const cat = require('./catalogue');
const { V2Error, invalid } = require('./errors');
const w = require('./wallet');
const { businessCoin } = require('./resources');

/** @typedef {import('./routes').EndpointContext} Ctx */

const MIN_USD = '0.001';
const SWAP_FEE_RATE = '0.005';
const SWAP_MIN_FEE_USD = '0.1';

function claimOrderId(ctx, kind, orderId) {
	if (w.walletOf(ctx.store, ctx.appId).orderIds[kind].has(orderId))
		throw new V2Error('OrderDuplicate', `orderId ${orderId} was already used`);
}

function remember(ctx, kind, map, record) {
	map.set(record.recordId, record);
	w.walletOf(ctx.store, ctx.appId).orderIds[kind].set(record.orderId, record);
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

/** @param {Ctx} ctx */
function applyUserWithdrawToNetwork(ctx) {
	const b = ctx.body;
	const user = w.userOf(ctx, b.userId);
	claimOrderId(ctx, 'withdrawal', b.orderId);
	const { coin, token } = w.businessNetwork(ctx, b.coinId, b.chain);
	const chain = cat.chainInfo(token.chain);
	if (!cat.canWithdraw(token)) throw new V2Error('ChainStopWithdraw', `${token.chain} is paused`);
	if (!chain || !isValidAddress(chain.addressKind, b.address))
		throw new V2Error('WithdrawAddrFormat', `address is not a ${token.chain} address`);
	if (chain.memo && !b.memo) throw new V2Error('AddressEmptyMemo', `${token.chain} needs a memo`);
	const amount = amountOf(coin, b.amount);
	if (dec.cmp(amount, coin.min) < 0)
		throw new V2Error('WithdrawValueLessThanLimit', `amount is below ${coin.min}`);
	const coinId = cat.coinIdOf(coin);
	const fee = ctx.store.networkFee(token);
	if (dec.cmp(amount, fee) <= 0)
		throw new V2Error('WithdrawValueLessThanLimit', `amount must exceed the fee ${fee}`);
	if (dec.cmp(w.userBalance(user, coinId), amount) < 0)
		throw new V2Error('BalanceInsufficient', `${user.userId} has ${w.userBalance(user, coinId)}`);
	const record = {
		recordId: ctx.store.newId(),
		withdrawType: 'Network',
		userId: user.userId,
		coinId,
		coinSymbol: coin.symbol,
		chain: token.chain,
		fromAddress: '',
		toAddress: b.address,
		cwalletUser: '',
		orderId: b.orderId,
		txId: '',
		toMemo: b.memo || '',
		status: 'Processing',
		amount,
		fee: { coinId, coinSymbol: coin.symbol, amount: fee },
		coinUSDPrice: ctx.store.price(coin.coin_id),
		createdAt: ctx.store.nowSec(),
		notifyUrl: b.notifyUrl || '',
	};
	w.postUser(ctx.store, ctx.appId, user, coinId, dec.sub('0', amount), {
		type: 'user_withdrawal',
		orderId: b.orderId,
		recordId: record.recordId,
	});
	remember(ctx, 'withdrawal', w.walletOf(ctx.store, ctx.appId).withdrawals, record);
	w.emitUserWebhook(ctx.sim, ctx.appId, 'UserWithdrawal', withdrawalMsg(record), record.notifyUrl);
	return { recordId: record.recordId };
}

/** @param {Ctx} ctx */
function applyUserWithdrawToCwallet(ctx) {
	const b = ctx.body;
	const user = w.userOf(ctx, b.userId);
	claimOrderId(ctx, 'withdrawal', b.orderId);
	const { coin } = businessCoin(ctx, b.coinId);
	const cwallet = ctx.store.cwalletUser(b.cwalletUser);
	if (!cwallet) throw invalid(`cwalletUser ${b.cwalletUser} is not a Cwallet user`);
	const amount = amountOf(coin, b.amount);
	checkMinimumUsd(ctx, coin, amount, 'WithdrawValueLessThanLimit');
	const coinId = cat.coinIdOf(coin);
	if (dec.cmp(w.userBalance(user, coinId), amount) < 0)
		throw new V2Error('BalanceInsufficient', `${user.userId} has ${w.userBalance(user, coinId)}`);
	const record = {
		recordId: ctx.store.newId(),
		withdrawType: 'Cwallet',
		userId: user.userId,
		coinId,
		coinSymbol: coin.symbol,
		chain: 'Cwallet OS',
		fromAddress: '',
		toAddress: '',
		cwalletUser: cwallet.c_id,
		orderId: b.orderId,
		txId: '',
		toMemo: '',
		status: 'Success',
		amount,
		coinUSDPrice: ctx.store.price(coin.coin_id),
		createdAt: ctx.store.nowSec(),
	};
	w.postUser(ctx.store, ctx.appId, user, coinId, dec.sub('0', amount), {
		type: 'user_withdrawal_cwallet',
		orderId: b.orderId,
		recordId: record.recordId,
	});
	remember(ctx, 'withdrawal', w.walletOf(ctx.store, ctx.appId).withdrawals, record);
	// CCPayment sends no webhook for Cwallet withdrawals.
	return { recordId: record.recordId };
}

function withdrawalMsg(r) {
	return {
		recordId: r.recordId,
		orderId: r.orderId,
		userId: r.userId,
		coinId: r.coinId,
		coinSymbol: r.coinSymbol,
		status: r.status,
	};
}

const withdrawalView = (r) => w.without(r, ['createdAt', 'notifyUrl']);

/**
 * Control action: a user network withdrawal finishes. params: app_id, record_id | order_id,
 * status "Success" (default) or "Failed" (the amount goes back to the user).
 * @param {any} sim @param {Record<string, any>} params
 */
function completeUserWithdrawal(sim, params) {
	const appId = params.app_id || sim.config.merchants[0].appId;
	const wallet = w.walletOf(sim.store, appId);
	const record = params.record_id
		? wallet.withdrawals.get(String(params.record_id))
		: wallet.orderIds.withdrawal.get(String(params.order_id));
	if (!record || record.status !== 'Processing') throw new Error('no Processing user withdrawal');
	if (params.status === 'Failed') {
		record.status = 'Failed';
		w.postUser(sim.store, appId, wallet.users.get(record.userId), record.coinId, record.amount, {
			type: 'user_withdrawal_refund',
			orderId: record.orderId,
			recordId: record.recordId,
		});
	} else {
		record.status = 'Success';
		record.txId = `0x${record.recordId}`;
	}
	return w.emitUserWebhook(sim, appId, 'UserWithdrawal', withdrawalMsg(record), record.notifyUrl);
}

/** @param {Ctx} ctx */
function getUserWithdrawRecord(ctx) {
	const wallet = w.walletOf(ctx.store, ctx.appId);
	return { record: withdrawalView(w.recordBy(ctx, 'withdrawal', wallet.withdrawals)) };
}

/** @param {Ctx} ctx */
function getUserWithdrawRecordList(ctx) {
	w.userOf(ctx, ctx.body.userId);
	const { userId, chain, toAddress } = ctx.body;
	const list = w.filtered(
		[...w.walletOf(ctx.store, ctx.appId).withdrawals.values()],
		ctx.body,
		(r) =>
			r.userId === userId &&
			(!chain || r.chain === chain) &&
			(!toAddress || r.toAddress === toAddress),
	);
	const result = w.page(list, ctx.body.nextId);
	return { records: result.records.map(withdrawalView), nextId: result.nextId };
}

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
	checkMinimumUsd(ctx, coin, amount, 'InvalidArgument');
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
	claimOrderId(ctx, 'transfer', b.orderId);
	const { coin } = businessCoin(ctx, b.coinId);
	const amount = amountOf(coin, b.amount);
	const record = transferRecord(ctx, from, b.toUserId, coin, amount, b.orderId, b.remark);
	if (dec.cmp(w.userBalance(from, record.coinId), amount) < 0)
		throw new V2Error('BalanceInsufficient', `${from.userId} has too little`);
	postTransfer(ctx, from, record, 'user_transfer');
	remember(ctx, 'transfer', w.walletOf(ctx.store, ctx.appId).transfers, record);
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
	claimOrderId(ctx, 'batch', b.orderId);
	const { coin } = businessCoin(ctx, b.coinId);
	const recordId = ctx.store.newId();
	const legs = b.toUsers.map((to, i) =>
		transferRecord(
			ctx,
			from,
			to.userId,
			coin,
			amountOf(coin, to.amount, `toUsers[${i}].amount`),
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
	remember(ctx, 'batch', w.walletOf(ctx.store, ctx.appId).batches, record);
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

/** The quote CCPayment gives for a swap; `extraFee` is the merchant's markup. */
function quote(ctx, coinIn, amountIn, coinOut, extraFeeRate) {
	const priceIn = ctx.store.price(coinIn.coin_id);
	const priceOut = ctx.store.price(coinOut.coin_id);
	const swapRate = dec.div(priceIn, priceOut, 18);
	const amountOut = dec.round(dec.mul(amountIn, swapRate), coinOut.precision, 'down');
	const minFee = dec.div(SWAP_MIN_FEE_USD, priceOut, coinOut.precision, 'up');
	const fee = dec.max(
		dec.round(dec.mul(amountOut, SWAP_FEE_RATE), coinOut.precision, 'up'),
		minFee,
	);
	const extraFee = dec.round(dec.mul(amountOut, extraFeeRate || '0'), coinOut.precision, 'down');
	const netAmountOut = dec.sub(dec.sub(amountOut, fee), extraFee);
	if (!dec.isPositive(netAmountOut))
		throw new V2Error('SwapAmountInTooLow', 'amountIn does not cover the swap fee');
	return { amountOut, swapRate, feeRate: SWAP_FEE_RATE, fee, extraFee, netAmountOut };
}

/** @param {Ctx} ctx */
function userSwap(ctx) {
	const b = ctx.body;
	const user = w.userOf(ctx, b.userId);
	claimOrderId(ctx, 'swap', b.orderId);
	const coinIn = businessCoin(ctx, b.coinIdIn).coin;
	const coinOut = businessCoin(ctx, b.coinIdOut).coin;
	if (b.coinIdIn === b.coinIdOut) throw invalid('coinIdOut must differ from coinIdIn');
	const amountIn = amountOf(coinIn, b.amountIn, 'amountIn');
	if (b.extraFeeRate !== undefined && dec.cmp(b.extraFeeRate, '1') >= 0)
		throw invalid('extraFeeRate must be below 1');
	const q = quote(ctx, coinIn, amountIn, coinOut, b.extraFeeRate);
	if (b.amountOutMinimum && dec.cmp(q.netAmountOut, b.amountOutMinimum) < 0)
		throw new V2Error('AmountOutMinimumTooHigh', `netAmountOut ${q.netAmountOut} is below it`);
	if (dec.cmp(w.userBalance(user, b.coinIdIn), amountIn) < 0)
		throw new V2Error('BalanceInsufficient', `${user.userId} has too little`);
	const record = {
		recordId: ctx.store.newId(),
		orderId: b.orderId,
		userId: user.userId,
		coinInSymbol: coinIn.symbol,
		coinIdIn: b.coinIdIn,
		coinOutSymbol: coinOut.symbol,
		coinIdOut: b.coinIdOut,
		amountIn,
		amountOutMinimum: b.amountOutMinimum || '',
		...q,
		extraFeeRate: b.extraFeeRate || '0',
		status: 'Success',
		createdAt: ctx.store.nowSec(),
		arrivedAt: ctx.store.nowSec(),
	};
	const info = { type: 'user_swap', orderId: b.orderId, recordId: record.recordId };
	w.postUser(ctx.store, ctx.appId, user, b.coinIdIn, dec.sub('0', amountIn), info);
	w.postUser(ctx.store, ctx.appId, user, b.coinIdOut, q.netAmountOut, info);
	// The markup is the merchant's income; CCPayment's own fee leaves the system.
	if (dec.isPositive(q.extraFee))
		ctx.store.post(ctx.appId, coinOut.coin_id, q.extraFee, {
			type: 'user_swap_markup',
			merchant_order_id: b.orderId,
			record_id: record.recordId,
		});
	remember(ctx, 'swap', w.walletOf(ctx.store, ctx.appId).swaps, record);
	return w.without(record, ['userId', 'createdAt', 'arrivedAt', 'status']);
}

/** @param {Ctx} ctx */
function getUserSwapRecord(ctx) {
	return { record: w.recordBy(ctx, 'swap', w.walletOf(ctx.store, ctx.appId).swaps) };
}

/** @param {Ctx} ctx */
function getUserSwapRecordList(ctx) {
	const { userId, coinIdIn, coinIdOut, recordIds } = ctx.body;
	const list = w.filtered(
		[...w.walletOf(ctx.store, ctx.appId).swaps.values()],
		ctx.body,
		(r) =>
			(!userId || r.userId === userId) &&
			(!coinIdIn || r.coinIdIn === coinIdIn) &&
			(!coinIdOut || r.coinIdOut === coinIdOut) &&
			(!recordIds || recordIds.includes(r.recordId)),
	);
	return w.page(list, ctx.body.nextId);
}

const S = 'string';
const ORDER = { name: 'orderId', type: S, required: true, min: 3, max: 64 };
const COIN = { name: 'coinId', type: 'int', required: true, min: 1 };
const AMOUNT = { name: 'amount', type: 'decimal', required: true };
const BY_ID = [
	{ name: 'recordId', type: S },
	{ name: 'orderId', type: S },
];
const USER_ID = (name, required = true) => ({ name, type: S, required, min: 5, max: 64 });
const LIST = [...w.LIST, { name: 'orderIds', type: 'strings', maxItems: 20 }];

/** @type {Record<string, import('./routes').EndpointDef>} */
const endpoints = {
	applyUserWithdrawToNetwork: {
		fields: [
			w.USER,
			COIN,
			{ name: 'chain', type: S, required: true },
			{ name: 'address', type: S, required: true },
			{ name: 'memo', type: S },
			ORDER,
			AMOUNT,
			{ name: 'networkFeeInquiryID', type: S },
			{ name: 'notifyUrl', type: 'url' },
		],
		handler: applyUserWithdrawToNetwork,
	},
	applyUserWithdrawToCwallet: {
		fields: [w.USER, COIN, { name: 'cwalletUser', type: S, required: true }, AMOUNT, ORDER],
		handler: applyUserWithdrawToCwallet,
	},
	getUserWithdrawRecord: { fields: BY_ID, handler: getUserWithdrawRecord },
	getUserWithdrawRecordList: {
		fields: [w.USER, ...LIST, { name: 'chain', type: S }, { name: 'toAddress', type: S }],
		handler: getUserWithdrawRecordList,
	},
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
	userSwap: {
		fields: [
			ORDER,
			w.USER,
			{ name: 'coinIdIn', type: 'int', required: true, min: 1 },
			{ name: 'amountIn', type: 'decimal', required: true },
			{ name: 'coinIdOut', type: 'int', required: true, min: 1 },
			{ name: 'extraFeeRate', type: 'decimal' },
			{ name: 'amountOutMinimum', type: 'decimal' },
		],
		handler: userSwap,
	},
	getUserSwapRecord: { fields: BY_ID, handler: getUserSwapRecord },
	getUserSwapRecordList: {
		fields: [
			USER_ID('userId', false),
			...LIST,
			{ name: 'recordIds', type: 'strings', maxItems: 20 },
			{ name: 'coinIdIn', type: 'int', min: 1 },
			{ name: 'coinIdOut', type: 'int', min: 1 },
		],
		handler: getUserSwapRecordList,
	},
};

module.exports = {
	endpoints,
	notifications: { UserWithdrawal: withdrawalMsg },
	completeUserWithdrawal,
	quote,
};
