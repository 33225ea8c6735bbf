// @ts-check
'use strict';

/**
 * API Deposit: order addresses (createAppOrderDepositAddress, getAppOrderInfo) and hosted invoices
 * (createInvoiceUrl, getInvoiceOrderInfo, and the plugin-only createCheckoutUrl, served as an
 * invoice). Prices in a fiat are converted at a rate locked until expiredAt; paying after expiry
 * still credits, at the rate of the moment.
 */

const { randomBytes } = require('crypto');
const dec = require('../shared/decimal');
const cat = require('./catalogue');
const { V2Error, invalid } = require('./errors');
const { v2State } = require('./state');
const { claimOrderId } = require('./records');
const { businessNetwork } = require('./resources');
const { newAddress } = require('./deposits');

/** Units of a fiat per 1 USD (config.fiatRates wins over the catalogue). */
function fiatById(ctx, fiatId) {
	const fiat = cat.FIATS.find((f) => f.fiatId === fiatId);
	if (!fiat) throw invalid(`fiatId ${fiatId} is not a fiat of getFiatList`);
	const usdRate = (ctx.config.fiatRates || {})[fiat.symbol] || fiat.usdRate;
	return { ...fiat, usdRate };
}

/** expiredAt given (future, at most the maximum ahead, else 11012) or the default validity. */
function expiry(ctx, given, defaultSeconds) {
	const now = ctx.store.nowSec();
	const max = ctx.config.v2.maxValiditySeconds;
	if (given === undefined) return now + defaultSeconds;
	if (given <= now) throw invalid('expiredAt must be in the future (10-digit Unix seconds)');
	if (given > now + max)
		throw new V2Error('ExpiredAtTooMax', `expiredAt is more than ${max} s ahead`);
	return given;
}

/** Where the hosted page of an order or invoice lives. */
function pageUrl(ctx, key) {
	return `${ctx.config.publicUrl || ctx.sim.url}/pay?v2=${key}`;
}

/** Remember a page key -> (appId, orderId, kind) so the hosted page can find it. */
function pageKey(ctx, orderId, kind) {
	const key = randomBytes(8).toString('hex');
	const keys = ctx.store.v2PageKeys || (ctx.store.v2PageKeys = new Map());
	keys.set(key, { appId: ctx.appId, orderId, kind });
	return key;
}

/** Coin price in a fiat (fiat units per coin). */
const fiatRate = (ctx, coin, fiat) => dec.mul(ctx.store.price(coin.coin_id), fiat.usdRate);

/** @param {import('./routes').EndpointContext} ctx */
function createAppOrderDepositAddress(ctx) {
	const b = ctx.body;
	const commit = claimOrderId(ctx, 'deposit', b.orderId);
	const { coin, token } = businessNetwork(ctx, b.coinId, b.chain);
	if (!cat.canDeposit(token))
		throw new V2Error(
			'ChainStopDeposit',
			`deposits of ${coin.symbol} on ${token.chain} are suspended`,
		);
	let amountToPay;
	let fiat;
	let rate = '';
	if (b.fiatId) {
		fiat = fiatById(ctx, b.fiatId);
		if (dec.decimalPlaces(b.price) > 2)
			throw invalid('price allows at most 2 decimal places with fiatId');
		rate = fiatRate(ctx, coin, fiat);
		amountToPay = dec.div(b.price, rate, coin.precision, 'up');
	} else {
		if (dec.decimalPlaces(b.price) > coin.precision)
			throw new V2Error(
				'CoinPrecisionLimit',
				`price allows at most ${coin.precision} decimal places for ${coin.symbol}`,
			);
		amountToPay = b.price;
	}
	const expiredAt = expiry(ctx, b.expiredAt, ctx.config.v2.orderValiditySeconds);
	const chain = /** @type {any} */ (cat.chainInfo(token.chain));
	const { address, memo } = newAddress(ctx.sim, ctx.appId, chain, `order:${b.orderId}`);
	const order = {
		orderId: b.orderId,
		coin,
		token,
		price: b.price,
		fiat,
		rate,
		amountToPay,
		address,
		memo,
		createAt: ctx.store.nowSec(),
		expiredAt,
		checkoutUrl: b.generateCheckoutURL ? pageUrl(ctx, pageKey(ctx, b.orderId, 'order')) : '',
		buyerEmail: b.buyerEmail || '',
		product: b.product || '',
		returnUrl: b.returnUrl || '',
		closeUrl: b.closeUrl || '',
		notifyUrl: b.notifyUrl || '',
		recordIds: [],
	};
	commit();
	v2State(ctx.store, ctx.appId).orders.set(b.orderId, order);
	/** @type {Record<string, any>} */
	const data = { address, amount: amountToPay, memo };
	if (order.checkoutUrl) data.checkoutUrl = order.checkoutUrl;
	data.confirmsNeeded = chain.confirmBlocks;
	return data;
}

/** The rate a payment counts at: locked before expiry, the current one after. */
function paidRate(ctx, order, record) {
	if (!order.fiat) return ctx.store.price(order.coin.coin_id);
	return record.createdAt <= order.expiredAt ? order.rate : fiatRate(ctx, order.coin, order.fiat);
}

/** @param {import('./routes').EndpointContext} ctx */
function getAppOrderInfo(ctx) {
	const state = v2State(ctx.store, ctx.appId);
	const order = state.orders.get(ctx.body.orderId);
	if (!order) throw new V2Error('NotFound', `orderId ${ctx.body.orderId} does not exist`);
	/** @type {Record<string, any>} */
	const data = {
		amountToPay: order.amountToPay,
		coinId: cat.coinIdOf(order.coin),
		coinSymbol: order.coin.symbol,
		chain: order.token.chain,
		toAddress: order.address,
		toMemo: order.memo,
		createAt: order.createAt,
	};
	if (order.fiat)
		Object.assign(data, {
			rate: order.rate,
			fiatId: order.fiat.fiatId,
			fiatSymbol: order.fiat.symbol,
		});
	Object.assign(data, {
		expiredAt: order.expiredAt,
		checkoutUrl: order.checkoutUrl,
		buyerEmail: order.buyerEmail,
	});
	// Payments in another coin than the order's are not listed.
	data.paidList = order.recordIds
		.map((id) => state.deposits.get(id))
		.filter((r) => r && r.coinId === data.coinId)
		.map((r) => ({
			recordId: r.recordId,
			fromAddress: r.fromAddress,
			amount: r.amount,
			serviceFee: r.serviceFee,
			txid: r.txId,
			status: r.status,
			isFlaggedAsRisky: r.isFlaggedAsRisky,
			arrivedAt: r.arrivedAt,
			rate: r.rate || paidRate(ctx, order, r),
		}));
	return data;
}

/** Create an invoice from createInvoiceUrl or createCheckoutUrl fields. */
function createInvoice(ctx, urlKey) {
	const b = ctx.body;
	const commit = claimOrderId(ctx, 'deposit', b.orderId);
	if (b.priceFiatId && b.priceCoinId)
		throw invalid('priceFiatId and priceCoinId cannot both be given');
	let priceFiatId = b.priceFiatId;
	if (!priceFiatId && b.fiatSymbol) {
		const f = cat.FIATS.find((x) => x.symbol === String(b.fiatSymbol).toUpperCase());
		if (!f) throw invalid(`fiatSymbol ${b.fiatSymbol} is not a fiat of getFiatList`);
		priceFiatId = f.fiatId;
	}
	if (!priceFiatId && !b.priceCoinId) {
		if (ctx.config.v2.invoicePricing !== 'usd')
			throw invalid('priceFiatId or priceCoinId is required');
		priceFiatId = 1033;
	}
	/** @type {any} */
	let pricing;
	if (priceFiatId) {
		const fiat = fiatById(ctx, priceFiatId);
		if (dec.decimalPlaces(b.price) > 2)
			throw invalid('price allows at most 2 decimal places with a fiat');
		pricing = { priceFiatId, symbol: fiat.symbol, usd: dec.div('1', fiat.usdRate, 18) };
	} else {
		const coin = cat.coinById(b.priceCoinId);
		if (!coin) throw new V2Error('InvalidCoin', `priceCoinId ${b.priceCoinId} is not supported`);
		pricing = { priceCoinId: b.priceCoinId, symbol: coin.symbol, coin };
	}
	const key = pageKey(ctx, b.orderId, 'invoice');
	const invoice = {
		orderId: b.orderId,
		price: b.price,
		pricing,
		product: b.product || '',
		returnUrl: b.returnUrl || '',
		closeUrl: b.closeUrl || '',
		notifyUrl: b.notifyUrl || '',
		buyerEmail: b.buyerEmail || '',
		createAt: ctx.store.nowSec(),
		expiredAt: expiry(ctx, b.expiredAt, ctx.config.v2.invoiceValiditySeconds),
		invoiceUrl: pageUrl(ctx, key),
		via: urlKey,
		addresses: new Map(),
		recordIds: [],
	};
	commit();
	v2State(ctx.store, ctx.appId).invoices.set(b.orderId, invoice);
	return { [urlKey]: invoice.invoiceUrl };
}

/** USD value of one unit of the invoice's pricing currency. */
function pricingUsd(ctx, invoice) {
	const p = invoice.pricing;
	return p.coin ? ctx.store.price(p.coin.coin_id) : p.usd;
}

/** Pricing-currency value of one unit of a paid coin. */
function invoiceRate(ctx, invoice, v1CoinId) {
	return dec.div(ctx.store.price(v1CoinId), pricingUsd(ctx, invoice), 18);
}

/** @param {import('./routes').EndpointContext} ctx */
function getInvoiceOrderInfo(ctx) {
	const state = v2State(ctx.store, ctx.appId);
	const invoice = state.invoices.get(ctx.body.orderId);
	if (!invoice) throw new V2Error('NotFound', `orderId ${ctx.body.orderId} does not exist`);
	const paidList = invoice.recordIds
		.map((id) => state.deposits.get(id))
		.filter(Boolean)
		.map((r) => {
			const rate = r.rate || invoiceRate(ctx, invoice, r.v1CoinId);
			return {
				recordId: r.recordId,
				coinId: r.coinId,
				coinSymbol: r.coinSymbol,
				chain: r.chain,
				fromAddress: r.fromAddress,
				toAddress: r.toAddress,
				toMemo: r.toMemo,
				paidAmount: r.amount,
				serviceFee: r.serviceFee,
				txid: r.txId,
				status: r.status,
				isFlaggedAsRisky: r.isFlaggedAsRisky,
				arrivedAt: r.arrivedAt,
				rate,
				paidValue: dec.mul(r.amount, rate),
			};
		});
	const total = dec.sum(paidList.filter((p) => p.status === 'Success').map((p) => p.paidValue));
	/** @type {Record<string, any>} */
	const data = {
		orderId: invoice.orderId,
		createAt: invoice.createAt,
		product: invoice.product,
		price: invoice.price,
	};
	if (invoice.pricing.priceFiatId) data.priceFiatId = invoice.pricing.priceFiatId;
	else data.priceCoinId = invoice.pricing.priceCoinId;
	Object.assign(data, {
		priceSymbol: invoice.pricing.symbol,
		invoiceUrl: invoice.invoiceUrl,
		buyerEmail: invoice.buyerEmail,
		expiredAt: invoice.expiredAt,
		totalPaidValue: total,
		paidList,
	});
	return data;
}

const S = 'string';
const url = (name) => ({ name, type: /** @type {'url'} */ ('url') });

/** @type {import('./fields').FieldSpec[]} */
const INVOICE_FIELDS = [
	{ name: 'orderId', type: S, required: true, min: 3, max: 64 },
	{ name: 'price', type: 'decimal', required: true },
	{ name: 'priceFiatId', type: 'int', min: 1 },
	{ name: 'priceCoinId', type: 'int', min: 1 },
	{ name: 'product', type: S, max: 120 },
	url('returnUrl'),
	url('closeUrl'),
	url('notifyUrl'),
	{ name: 'expiredAt', type: 'int', min: 1 },
	{ name: 'buyerEmail', type: 'email', max: 120 },
];

/** @type {Record<string, import('./routes').EndpointDef>} */
const endpoints = {
	createAppOrderDepositAddress: {
		fields: [
			{ name: 'orderId', type: S, required: true, min: 3, max: 64 },
			{ name: 'coinId', type: 'int', required: true, min: 1 },
			{ name: 'chain', type: S, required: true },
			{ name: 'price', type: 'decimal', required: true },
			{ name: 'fiatId', type: 'int', min: 1 },
			{ name: 'expiredAt', type: 'int', min: 1 },
			{ name: 'buyerEmail', type: 'email' },
			{ name: 'generateCheckoutURL', type: 'bool' },
			{ name: 'product', type: S, max: 120 },
			url('returnUrl'),
			url('closeUrl'),
			url('notifyUrl'),
		],
		handler: createAppOrderDepositAddress,
	},
	getAppOrderInfo: {
		fields: [{ name: 'orderId', type: S, required: true, min: 1, max: 64 }],
		handler: getAppOrderInfo,
	},
	createInvoiceUrl: { fields: INVOICE_FIELDS, handler: (ctx) => createInvoice(ctx, 'invoiceUrl') },
	getInvoiceOrderInfo: {
		fields: [{ name: 'orderId', type: S, required: true, min: 1, max: 64 }],
		handler: getInvoiceOrderInfo,
	},
	// Undocumented: the WooCommerce plugin's fields and the old SDK's are both accepted.
	createCheckoutUrl: {
		fields: [
			...INVOICE_FIELDS,
			{ name: 'fiatSymbol', type: S },
			{ name: 'plugin', type: S },
			{ name: 'version', type: S },
		],
		handler: (ctx) => createInvoice(ctx, 'checkoutUrl'),
	},
};

module.exports = { endpoints, invoiceRate, paidRate, fiatRate, pricingUsd };
