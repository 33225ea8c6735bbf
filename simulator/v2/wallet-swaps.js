// @ts-check
'use strict';

/**
 * Wallet system: user swaps at catalogue prices with CCPayment's fee and the merchant's markup
 * (extraFeeRate, credited to the merchant balance), refused below amountOutMinimum.
 */

const dec = require('../shared/decimal');
const { V2Error, invalid } = require('./errors');
const { businessCoin } = require('./resources');
const w = require('./wallet');

/** @typedef {import('./routes').EndpointContext} Ctx */

const SWAP_FEE_RATE = '0.005';
const SWAP_MIN_FEE_USD = '0.1';

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
	w.claimOrderId(ctx, 'swap', b.orderId);
	const coinIn = businessCoin(ctx, b.coinIdIn).coin;
	const coinOut = businessCoin(ctx, b.coinIdOut).coin;
	if (b.coinIdIn === b.coinIdOut) throw invalid('coinIdOut must differ from coinIdIn');
	const amountIn = w.amountOf(coinIn, b.amountIn, 'amountIn');
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
	w.remember(ctx, 'swap', w.walletOf(ctx.store, ctx.appId).swaps, record);
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

/** @type {'string'} */
const S = 'string';
/** @type {import('./fields').FieldSpec} */
const ORDER = { name: 'orderId', type: S, required: true, min: 3, max: 64 };
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

module.exports = { endpoints, quote };
