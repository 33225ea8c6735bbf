// @ts-check
'use strict';

/**
 * Payment endpoints: hosted checkout (concise/url/get), native checkout (bill/create) and order
 * information (bill/info). Response `data` keys follow CCPayment's examples, in their order.
 */

const dec = require('../shared/decimal');
const { makeAddress } = require('../shared/addresses');
const {
	ApiError,
	invalid,
	isMissing,
	reqString,
	optString,
	optUrl,
	reqAmount,
	usableToken,
	validPeriod,
	checkDuplicate,
} = require('./fields');

function paymentUrl(ctx, orderId) {
	const base = (ctx.config.publicUrl || ctx.sim.url || '').replace(/\/+$/, '');
	return `${base}/pay?key=${orderId}`;
}

function denomination(ctx, value) {
	if (typeof value === 'string' && value.toLowerCase() === 'token')
		return { token: true, fiatRate: '1', code: value };
	const rates = ctx.config.fiatRates || {};
	const key = Object.keys(rates).find((k) => k.toLowerCase() === String(value).toLowerCase());
	if (!key)
		throw invalid(
			`denominated_currency ${value} is not supported (use token or one of ${Object.keys(rates).join(', ')})`,
		);
	return { token: false, fiatRate: dec.normalize(rates[key]), code: value };
}

/** order_amount = product_price / fiat_rate / token_rate, rounded to the token's precision. */
function orderAmount(ctx, price, denom, token) {
	if (denom.token) return price;
	const coin = ctx.store.coinOf(token);
	const tokenRate = ctx.store.price(coin.coin_id);
	return dec.div(price, dec.mul(denom.fiatRate, tokenRate), coin.precision, 'half-up');
}

function newDepositOrder(ctx, fields) {
	const now = ctx.store.nowSec();
	const order = {
		kind: 'deposit',
		app_id: ctx.appId,
		order_id: ctx.store.newId(),
		payments: [],
		refunds: [],
		created: now,
		...fields,
	};
	order.expires_at = now + order.order_valid_period;
	const state = ctx.store.merchant(ctx.appId);
	if (order.merchant_order_id) state.orders.set(order.merchant_order_id, order);
	state.byOrderId.set(order.order_id, order);
	return order;
}

// ---------- endpoints ----------

/** Hosted checkout: an order priced in USD, paid on CCPayment's page behind payment_url. */
function conciseUrlGet(ctx) {
	const b = ctx.body;
	const price = reqAmount(b, 'product_price', 2);
	const merchantOrderId = reqString(b, 'merchant_order_id');
	const productName = reqString(b, 'product_name');
	const period = validPeriod(ctx, b, false);
	const returnUrl = optUrl(b, 'return_url');
	const notifyUrl = optUrl(b, 'notify_url');
	const customValue = optString(b, 'custom_value');
	const existing = checkDuplicate(ctx, merchantOrderId, 'concise/url/get');
	if (existing) return existing;
	const order = newDepositOrder(ctx, {
		endpoint: 'concise/url/get',
		source: 'checkout',
		merchant_order_id: merchantOrderId,
		product_name: productName,
		product_price: price,
		denominated_currency: 'USD',
		fiat_rate: '1',
		token_id: null,
		order_amount: null,
		order_valid_period: period,
		return_url: returnUrl || '',
		notify_url: notifyUrl || '',
		custom_value: customValue || '',
		remark: '',
	});
	order.payment_url = paymentUrl(ctx, order.order_id);
	order.response = { payment_url: order.payment_url };
	return order.response;
}

/** Native checkout: an order in one token, paid to the address returned. */
function billCreate(ctx) {
	const b = ctx.body;
	const merchantOrderId = reqString(b, 'merchant_order_id');
	if (isMissing(b.product_price)) throw invalid('product_price is required');
	reqString(b, 'token_id');
	const denomValue = reqString(b, 'denominated_currency');
	const denom = denomination(ctx, denomValue);
	const price = reqAmount(b, 'product_price', denom.token ? 18 : 2);
	const token = usableToken(ctx, b.token_id, 'pay');
	const coin = ctx.store.coinOf(token);
	const period = validPeriod(ctx, b, token.chain === 'LIGHTNING');
	const remark = optString(b, 'remark');
	const notifyUrl = optUrl(b, 'notify_url');
	const customValue = optString(b, 'custom_value');
	const existing = checkDuplicate(ctx, merchantOrderId, 'bill/create');
	if (existing) return existing;
	const chain = ctx.store.chain(token.chain);
	const amount = orderAmount(ctx, price, denom, token);
	const order = newDepositOrder(ctx, {
		endpoint: 'bill/create',
		source: 'native',
		merchant_order_id: merchantOrderId,
		product_name: '',
		product_price: price,
		denominated_currency: denom.code,
		fiat_rate: denom.fiatRate,
		token_id: token.token_id,
		order_amount: amount,
		order_valid_period: period,
		notify_url: notifyUrl || '',
		custom_value: customValue || '',
		remark: remark || '',
	});
	order.pay_address = makeAddress(
		chain ? chain.addressKind : 'evm',
		`order:${ctx.appId}:${order.order_id}`,
	);
	order.memo = chain && chain.memo ? String(100000 + Number(BigInt(order.order_id) % 900000n)) : '';
	order.token_rate = ctx.store.price(coin.coin_id);
	order.response = {
		amount,
		order_id: order.order_id,
		logo: coin.logo,
		network: token.network,
		pay_address: order.pay_address,
		memo: order.memo,
		token_id: token.token_id,
		crypto: token.crypto,
		order_valid_period: period,
	};
	return order.response;
}

function depositInfo(ctx, order) {
	const token = order.token_id ? ctx.store.token(order.token_id) : undefined;
	const tokenRate = order.token_rate || (token ? ctx.store.price(token.coin_id) : '');
	const status = ctx.store.depositStatus(order);
	return {
		order_detail: {
			product_price: order.product_price,
			denominated_currency: order.denominated_currency,
			product_name: order.product_name,
			merchant_order_id: order.merchant_order_id,
			chain: token ? token.chain : '',
			contract: token ? token.contract : '',
			crypto: token ? token.crypto : '',
			order_amount: order.order_amount || '',
			status,
			token_rate: tokenRate,
			created: order.created,
			order_id: order.order_id,
		},
		trade_list: order.payments.map((p) => {
			const t = ctx.store.token(p.token_id);
			return {
				amount: p.amount,
				chain: t.chain,
				contract: t.contract,
				crypto: t.crypto,
				service_fee: p.service_fee,
				network_fee: '0',
				txid: p.txid,
				pay_time: p.pay_time,
				token_rate: p.token_rate,
				status: STAGE_STATUS[p.stage],
			};
		}),
		refund_list: order.refunds.map((r) => ({
			refund_amount: r.amount,
			network_fee: r.network_fee,
			actual_received_amount: r.net_receivable,
			chain: r.chain,
			contract: r.contract,
			crypto: r.crypto,
			txid: r.txid,
			address: r.address,
			pay_time: r.pay_time,
			status: r.status === 'success' ? 'Successful' : 'Failed',
		})),
	};
}

const STAGE_STATUS = {
	pending: 'Pending',
	processing: 'Processing',
	success: 'Successful',
	failed: 'Failed',
};

function withdrawalInfo(ctx, w) {
	return {
		order_detail: {
			merchant_order_id: w.merchant_order_id,
			chain: w.chain,
			contract: w.contract,
			crypto: w.crypto,
			order_amount: w.value,
			token_rate: w.token_rate,
			status: w.status,
			created: w.created,
			order_id: w.order_id,
		},
		trade_list: [
			{
				amount: w.value,
				chain: w.chain,
				contract: w.contract,
				crypto: w.crypto,
				service_fee: '0',
				network_fee: w.network_fee,
				network_coin_id: w.network_coin_id,
				network_fee_crypto: w.network_fee_crypto,
				network_fee_value: w.network_fee_value,
				txid: w.status === 'Successful' ? w.txid : '',
				pay_time: w.completed || w.created,
				token_rate: w.token_rate,
				status: w.status,
			},
		],
	};
}

/** Order information (deposits or withdrawals, never mixed). */
function billInfo(ctx) {
	const ids = ctx.body.merchant_order_ids;
	if (isMissing(ids)) throw invalid('merchant_order_ids is required');
	if (!Array.isArray(ids)) throw invalid('merchant_order_ids must be an array of strings');
	if (ids.length < 1 || ids.length > 100)
		throw invalid('merchant_order_ids must hold 1 to 100 IDs');
	for (const id of ids) {
		if (typeof id !== 'string' || !id)
			throw invalid('merchant_order_ids must be an array of non-empty strings');
	}
	const state = ctx.store.merchant(ctx.appId);
	const found = [];
	const seen = new Set();
	for (const id of ids) {
		if (seen.has(id)) continue;
		seen.add(id);
		const order = state.orders.get(id);
		if (order) found.push(order);
	}
	const kinds = new Set(found.map((o) => o.kind));
	if (kinds.size > 1)
		throw invalid('merchant_order_ids must not mix deposit and withdrawal orders');
	if (!found.length && ctx.config.billInfoUnknownIds === 'error')
		throw new ApiError('orderNotFound', 'no order matches merchant_order_ids');
	return found.map((o) => (o.kind === 'withdrawal' ? withdrawalInfo(ctx, o) : depositInfo(ctx, o)));
}

module.exports = { conciseUrlGet, billCreate, billInfo, STAGE_STATUS };
