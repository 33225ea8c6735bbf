// @ts-check
'use strict';

/**
 * Swaps on the merchant balance, priced from the catalogue: amountOut = amountIn * priceIn /
 * priceOut, fee = feeRate * amountOut (at least config.v2.swapMinimumFeeUsdt worth), netAmountOut
 * = amountOut - fee - extraFee. A swap debits amountIn (swap_debit) and credits netAmountOut
 * (swap_credit) at once; it has no webhook. `quote` is exported for the wallet system's userSwap.
 */

const dec = require('../shared/decimal');
const cat = require('./catalogue');
const { V2Error, invalid } = require('./errors');
const { v2State } = require('./state');
const { claimOrderId, page, window } = require('./records');

/** Coins that can be swapped: in the business list and not under maintenance. */
function swapCoins(ctx) {
	return ctx.store
		.enabledCoins(ctx.appId)
		.filter((/** @type {any} */ e) => cat.coinStatus(e.tokens) === 'Normal')
		.map((/** @type {any} */ e) => e.coin);
}

function swapCoin(ctx, coinId, name) {
	const coin = cat.coinById(coinId);
	if (!coin) throw new V2Error('InvalidCoin', `${name} ${coinId} is not supported`);
	if (!swapCoins(ctx).includes(coin))
		throw new V2Error('CoinUnavailableForSwap', `${name} ${coinId} cannot be swapped`);
	return coin;
}

/**
 * @param {any} ctx
 * @param {{ coinIdIn: number, amountIn: string, coinIdOut: number, extraFeeRate?: string }} b
 */
function quote(ctx, b) {
	if (b.coinIdIn === b.coinIdOut) throw invalid('coinIdIn and coinIdOut must differ');
	const coinIn = swapCoin(ctx, b.coinIdIn, 'coinIdIn');
	const coinOut = swapCoin(ctx, b.coinIdOut, 'coinIdOut');
	if (dec.decimalPlaces(b.amountIn) > coinIn.precision)
		throw new V2Error(
			'CoinPrecisionLimit',
			`amountIn allows at most ${coinIn.precision} decimal places`,
		);
	const priceIn = ctx.store.price(coinIn.coin_id);
	const priceOut = ctx.store.price(coinOut.coin_id);
	const p = coinOut.precision;
	const amountOut = dec.div(dec.mul(b.amountIn, priceIn), priceOut, p, 'down');
	const feeRate = ctx.config.v2.swapFeeRate;
	const minimumFee = dec.div(ctx.config.v2.swapMinimumFeeUsdt, priceOut, p, 'up');
	const fee = dec.max(dec.round(dec.mul(amountOut, feeRate), p, 'up'), minimumFee);
	const extraFee = b.extraFeeRate ? dec.round(dec.mul(amountOut, b.extraFeeRate), p, 'down') : '0';
	const netAmountOut = dec.sub(dec.sub(amountOut, fee), extraFee);
	if (!dec.isPositive(netAmountOut))
		throw new V2Error('SwapAmountInTooLow', 'amountIn is too small to cover the swap fee');
	/** @type {Record<string, any>} */
	const q = {
		coinIdIn: b.coinIdIn,
		coinIdOut: b.coinIdOut,
		amountOut,
		amountIn: b.amountIn,
		swapRate: dec.normalize(dec.div(amountOut, b.amountIn, 18, 'down')),
		feeRate,
		fee,
	};
	if (b.extraFeeRate) q.extraFee = extraFee;
	q.netAmountOut = netAmountOut;
	return { quote: q, coinIn, coinOut, extraFee };
}

/** @param {import('./routes').EndpointContext} ctx */
function estimate(ctx) {
	return quote(ctx, /** @type {any} */ (ctx.body)).quote;
}

/** @param {import('./routes').EndpointContext} ctx */
function swap(ctx) {
	const b = ctx.body;
	const commit = claimOrderId(ctx, 'swap', b.orderId);
	const { quote: q, coinIn, coinOut } = quote(ctx, /** @type {any} */ (b));
	if (b.amountOutMinimum && dec.cmp(q.netAmountOut, b.amountOutMinimum) < 0)
		throw new V2Error(
			'AmountOutMinimumTooHigh',
			`netAmountOut ${q.netAmountOut} is below amountOutMinimum ${b.amountOutMinimum}`,
		);
	if (dec.cmp(ctx.store.balance(ctx.appId, coinIn.coin_id), b.amountIn) < 0)
		throw new V2Error('BalanceInsufficient', `${coinIn.symbol} balance is below ${b.amountIn}`);
	const recordId = ctx.store.newId();
	const info = { merchant_order_id: b.orderId, record_id: recordId, note: 'v2 swap' };
	ctx.store.post(ctx.appId, coinIn.coin_id, dec.sub('0', b.amountIn), {
		...info,
		type: 'swap_debit',
	});
	ctx.store.post(ctx.appId, coinOut.coin_id, q.netAmountOut, { ...info, type: 'swap_credit' });
	commit();
	const now = ctx.store.nowSec();
	const record = {
		recordId,
		orderId: b.orderId,
		coinInSymbol: coinIn.symbol,
		coinIdIn: q.coinIdIn,
		coinOutSymbol: coinOut.symbol,
		coinIdOut: q.coinIdOut,
		amountOut: q.amountOut,
		amountIn: q.amountIn,
		amountOutMinimum: b.amountOutMinimum || '',
		netAmountOut: q.netAmountOut,
		userId: '',
		extraFee: '0',
		extraFeeRate: '0',
		swapRate: q.swapRate,
		feeRate: q.feeRate,
		fee: q.fee,
		status: 'Success',
		createdAt: now,
		arrivedAt: now,
	};
	v2State(ctx.store, ctx.appId).swaps.set(recordId, record);
	return { recordId, orderId: b.orderId, ...q, amountOutMinimum: record.amountOutMinimum };
}

const swapView = (r) => ({ ...r });

/** @param {import('./routes').EndpointContext} ctx */
function getSwapRecord(ctx) {
	const { recordId, orderId } = ctx.body;
	if (!recordId === !orderId) throw invalid('pass exactly one of recordId and orderId');
	const swaps = [...v2State(ctx.store, ctx.appId).swaps.values()];
	const record = swaps.find((r) => (recordId ? r.recordId === recordId : r.orderId === orderId));
	if (!record) throw new V2Error('NotFound', `swap ${recordId || orderId} does not exist`);
	return { record: swapView(record) };
}

/** @param {import('./routes').EndpointContext} ctx */
function getSwapRecordList(ctx) {
	const b = ctx.body;
	const inWindow = window(ctx, b, 92 * 86400);
	const list = [...v2State(ctx.store, ctx.appId).swaps.values()].filter(
		(r) =>
			inWindow(r.createdAt) &&
			(!b.recordIds || b.recordIds.includes(r.recordId)) &&
			(!b.orderIds || b.orderIds.includes(r.orderId)) &&
			(!b.coinIdIn || r.coinIdIn === b.coinIdIn) &&
			(!b.coinIdOut || r.coinIdOut === b.coinIdOut),
	);
	return page(ctx, list, swapView, b);
}

const S = 'string';
/** @type {import('./fields').FieldSpec[]} */
const QUOTE_FIELDS = [
	{ name: 'coinIdIn', type: 'int', required: true, min: 1 },
	{ name: 'amountIn', type: 'decimal', required: true },
	{ name: 'coinIdOut', type: 'int', required: true, min: 1 },
];

/** @type {Record<string, import('./routes').EndpointDef>} */
const endpoints = {
	estimate: {
		fields: [...QUOTE_FIELDS, { name: 'extraFeeRate', type: 'decimal' }],
		handler: estimate,
	},
	swap: {
		fields: [
			{ name: 'orderId', type: S, required: true, min: 3, max: 64 },
			...QUOTE_FIELDS,
			{ name: 'amountOutMinimum', type: 'decimal' },
		],
		handler: swap,
	},
	getSwapRecord: {
		fields: [
			{ name: 'recordId', type: S },
			{ name: 'orderId', type: S },
		],
		handler: getSwapRecord,
	},
	getSwapRecordList: {
		fields: [
			{ name: 'recordIds', type: 'strings', maxItems: 20 },
			{ name: 'orderIds', type: 'strings', maxItems: 20 },
			{ name: 'coinIdIn', type: 'int', min: 1 },
			{ name: 'coinIdOut', type: 'int', min: 1 },
			{ name: 'startAt', type: 'int', min: 1 },
			{ name: 'endAt', type: 'int', min: 1 },
			{ name: 'nextId', type: S },
		],
		handler: getSwapRecordList,
	},
	getSwapCoinList: {
		fields: [],
		handler: (ctx) => ({
			coins: swapCoins(ctx).map((c) => ({
				coinId: cat.coinIdOf(c),
				symbol: c.symbol,
				logoUrl: c.logo,
			})),
		}),
	},
};

module.exports = { endpoints, quote, swapCoins };
