// @ts-check
'use strict';

/**
 * The 15 CCPayment v1 endpoints (spec section 0): request validation, state changes and response
 * `data` shapes (field names and order as in the spec examples). Each handler gets an already
 * authenticated request and returns `data`, or throws an ApiError that becomes an HTTP 200 error
 * envelope.
 */

const dec = require('./decimal');
const { COINS, CHAINS } = require('./catalogue');
const { makeAddress, isValidAddress, isCwalletDestination } = require('./state');

const PREFIX = '/ccpayment/v1/';

const ENDPOINTS = [
	'concise/url/get',
	'bill/create',
	'bill/info',
	'payment/address/get',
	'withdraw',
	'coin/all',
	'token/rate',
	'assets',
	'network/fee',
	'get/network/height/info',
	'check/user',
	'support/token',
	'token/chain',
	'webhook/resend',
];

const WEBHOOK_RESULTS = ['Failed', 'All Result'];
const TRANSACTION_TYPES = ['All Type', 'Direct Deposit', 'API Deposit', 'Invoice', 'API Withdrawal', 'Refund'];
const MAX_TEXT = 256;

class ApiError extends Error {
	/**
	 * @param {string} kind   key of config.errorCodes
	 * @param {string} [detail]
	 */
	constructor(kind, detail) {
		super(detail ? `${kind}: ${detail}` : kind);
		this.kind = kind;
		this.detail = detail;
	}
}

/** @param {string} detail */
const invalid = (detail) => new ApiError('invalidParams', detail);

// ---------- field readers ("" and 0 on optional fields mean "not given") ----------

function isMissing(value) {
	return value === undefined || value === null || value === '';
}

function reqString(body, name, max = MAX_TEXT) {
	const value = body[name];
	if (isMissing(value)) throw invalid(`${name} is required`);
	if (typeof value !== 'string') throw invalid(`${name} must be a string`);
	if (!value.trim()) throw invalid(`${name} is required`);
	if ([...value].length > max) throw invalid(`${name} is longer than ${max} characters`);
	return value;
}

function optString(body, name, max = 2048) {
	const value = body[name];
	if (isMissing(value)) return undefined;
	if (typeof value !== 'string') throw invalid(`${name} must be a string`);
	if ([...value].length > max) throw invalid(`${name} is longer than ${max} characters`);
	return value;
}

function optInt(body, name) {
	const value = body[name];
	if (isMissing(value) || value === 0) return undefined;
	if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw invalid(`${name} must be an integer`);
	return value;
}

function optBool(body, name) {
	const value = body[name];
	if (isMissing(value) || value === 0) return undefined;
	if (typeof value !== 'boolean') throw invalid(`${name} must be a boolean`);
	return value;
}

function optUrl(body, name) {
	const value = optString(body, name);
	if (value === undefined) return undefined;
	let url;
	try {
		url = new URL(value);
	} catch {
		throw invalid(`${name} must be an http(s) URL`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid(`${name} must be an http(s) URL`);
	return value;
}

/** A positive decimal string with at most `maxDecimals` decimals. */
function reqAmount(body, name, maxDecimals) {
	const value = body[name];
	if (isMissing(value)) throw invalid(`${name} is required`);
	if (typeof value !== 'string') throw invalid(`${name} must be a decimal string`);
	if (!dec.isDecimalString(value)) throw invalid(`${name} must be a plain decimal string such as "12.5"`);
	if (!dec.isPositive(value)) throw invalid(`${name} must be greater than 0`);
	if (dec.decimalPlaces(value) > maxDecimals) throw invalid(`${name} allows at most ${maxDecimals} decimal places`);
	return dec.normalize(value);
}

// ---------- shared checks ----------

/** Token usable for the operation: known, enabled for the merchant, right status. */
function usableToken(ctx, tokenId, purpose) {
	const token = ctx.store.token(tokenId);
	if (!token) throw new ApiError('tokenNotSupported', `unknown token_id ${tokenId}`);
	if (!ctx.store.isTokenEnabled(ctx.appId, tokenId)) throw new ApiError('tokenNotSupported', `token_id ${tokenId} is not enabled for this merchant`);
	if (token.status === 2) throw new ApiError('tokenNotSupported', `${token.crypto} on ${token.chain} is under maintenance`);
	if (token.status === 3 && purpose !== 'withdraw') throw new ApiError('tokenNotSupported', `${token.crypto} on ${token.chain} is being delisted`);
	if (token.status !== 1 && token.status !== 3) throw new ApiError('tokenNotSupported', `token_id ${tokenId} is not available`);
	return token;
}

function validPeriod(ctx, body, isSats) {
	const limits = ctx.config.orderValidPeriod;
	const given = optInt(body, 'order_valid_period');
	const max = isSats ? limits.maxSats : limits.max;
	if (given !== undefined && (given < 0 || given > max)) {
		throw invalid(`order_valid_period must be between 0 and ${max} seconds${isSats ? ' for SATS' : ''}`);
	}
	const effective = given === undefined ? limits.default : given;
	return Math.min(effective, max);
}

/**
 * Duplicate merchant_order_id: 'reject' -> error; 'return_existing' -> the first order's response
 * when it came from the same endpoint (never a second order).
 */
function checkDuplicate(ctx, merchantOrderId, endpoint) {
	const existing = ctx.store.merchant(ctx.appId).orders.get(merchantOrderId);
	if (!existing) return undefined;
	if (ctx.config.duplicateOrderPolicy === 'return_existing' && existing.endpoint === endpoint && existing.response) {
		return existing.response;
	}
	throw new ApiError('duplicateOrder', `merchant_order_id ${merchantOrderId} was already used`);
}

function paymentUrl(ctx, orderId) {
	const base = (ctx.config.publicUrl || ctx.sim.url || '').replace(/\/+$/, '');
	return `${base}/pay?key=${orderId}`;
}

function denomination(ctx, value) {
	if (typeof value === 'string' && value.toLowerCase() === 'token') return { token: true, fiatRate: '1', code: value };
	const rates = ctx.config.fiatRates || {};
	const key = Object.keys(rates).find((k) => k.toLowerCase() === String(value).toLowerCase());
	if (!key) throw invalid(`denominated_currency ${value} is not supported (use token or one of ${Object.keys(rates).join(', ')})`);
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

/** 5.1 Hosted checkout. */
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

/** 5.2 Native checkout. */
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
	order.pay_address = makeAddress(chain ? chain.addressKind : 'evm', `order:${ctx.appId}:${order.order_id}`);
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

const STAGE_STATUS = { pending: 'Pending', processing: 'Processing', success: 'Successful', failed: 'Failed' };

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

/** 5.3 / 6.6 Order information (deposits or withdrawals, never mixed). */
function billInfo(ctx) {
	const ids = ctx.body.merchant_order_ids;
	if (isMissing(ids)) throw invalid('merchant_order_ids is required');
	if (!Array.isArray(ids)) throw invalid('merchant_order_ids must be an array of strings');
	if (ids.length < 1 || ids.length > 100) throw invalid('merchant_order_ids must hold 1 to 100 IDs');
	for (const id of ids) {
		if (typeof id !== 'string' || !id) throw invalid('merchant_order_ids must be an array of non-empty strings');
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
	if (kinds.size > 1) throw invalid('merchant_order_ids must not mix deposit and withdrawal orders');
	if (!found.length && ctx.config.billInfoUnknownIds === 'error') throw new ApiError('orderNotFound', 'no order matches merchant_order_ids');
	return found.map((o) => (o.kind === 'withdrawal' ? withdrawalInfo(ctx, o) : depositInfo(ctx, o)));
}

/** 6.4 Permanent deposit address, one per (user_id, chain), capped per App ID. */
function paymentAddressGet(ctx) {
	const b = ctx.body;
	const userId = reqString(b, 'user_id', 1000);
	const length = [...userId].length;
	if (length < 3 || length > 64) throw invalid('user_id must be 3 to 64 characters');
	const chainCode = reqString(b, 'chain');
	const notifyUrl = optUrl(b, 'notify_url');
	const chain = ctx.store.chain(chainCode);
	const hasTokens = chain && COINS.some((c) => c.tokens.some((t) => t.chain === chain.chain));
	if (!chain || !hasTokens) throw new ApiError('tokenNotSupported', `chain ${chainCode} is not supported`);
	if (chain.addressKind === 'lightning') throw new ApiError('tokenNotSupported', `chain ${chain.chain} has no permanent addresses`);
	const state = ctx.store.merchant(ctx.appId);
	const key = `${userId}\u0000${chain.chain}`;
	let entry = state.addresses.get(key);
	if (entry) {
		if (notifyUrl) entry.notify_url = notifyUrl;
		return { address: entry.address, memo: entry.memo };
	}
	if (state.addresses.size >= ctx.config.addressCapPerAppId) {
		throw new ApiError('addressLimit', `at most ${ctx.config.addressCapPerAppId} permanent addresses per merchant`);
	}
	const address = chain.memo
		? makeAddress(chain.addressKind, `shared:${ctx.appId}:${chain.chain}`)
		: makeAddress(chain.addressKind, `address:${ctx.appId}:${chain.chain}:${userId}`);
	const memo = chain.memo ? String(100000 + state.addresses.size) : '';
	entry = { app_id: ctx.appId, user_id: userId, chain: chain.chain, address, memo, notify_url: notifyUrl || '', created: ctx.store.nowSec(), deposits: [] };
	state.addresses.set(key, entry);
	return { address, memo };
}

/** 6.5 Create a withdrawal: validates, debits the balance once, journals the debit. */
function withdraw(ctx) {
	const b = ctx.body;
	const merchantOrderId = reqString(b, 'merchant_order_id');
	const address = reqString(b, 'address', 2048).trim();
	reqString(b, 'token_id');
	if (isMissing(b.value)) throw invalid('value is required');
	let memo = '';
	if (!isMissing(b.memo) && b.memo !== 0) {
		if (typeof b.memo === 'string') memo = b.memo;
		else if (typeof b.memo === 'number' && Number.isSafeInteger(b.memo)) memo = String(b.memo);
		else throw invalid('memo must be a string');
	}
	const merchantPaysFee = optBool(b, 'merchant_pays_fee') === true;
	const token = usableToken(ctx, b.token_id, 'withdraw');
	const coin = ctx.store.coinOf(token);
	const value = reqAmount(b, 'value', coin.precision);
	const existing = checkDuplicate(ctx, merchantOrderId, 'withdraw');
	if (existing) return existing;

	const chain = ctx.store.chain(token.chain);
	const internal = isCwalletDestination(address);
	let destination = address;
	if (internal) {
		const user = ctx.store.cwalletUser(address);
		if (!user) throw new ApiError('userNotFound');
		destination = address;
	} else {
		if (!chain || !isValidAddress(chain.addressKind, address)) {
			throw new ApiError('invalidAddress', `${address} is not a valid ${token.chain} address`);
		}
		if (chain.addressKind === 'lightning') {
			const used = ctx.store.merchant(ctx.appId).usedInvoices || new Set();
			ctx.store.merchant(ctx.appId).usedInvoices = used;
			if (used.has(address.toLowerCase())) throw new ApiError('invalidAddress', 'this Lightning invoice was already paid');
		}
	}
	const fee = internal ? '0' : ctx.store.networkFee(token);
	const debit = merchantPaysFee ? dec.add(value, fee) : value;
	const net = merchantPaysFee ? value : dec.sub(value, fee);
	if (!dec.isPositive(net)) throw invalid(`value must be greater than the network fee (${fee} ${token.crypto})`);
	const balance = ctx.store.balance(ctx.appId, coin.coin_id);
	if (dec.cmp(balance, debit) < 0) {
		throw new ApiError('insufficientBalance', `${coin.symbol} balance ${balance} is below ${debit}`);
	}
	if (chain && chain.addressKind === 'lightning' && !internal) ctx.store.merchant(ctx.appId).usedInvoices.add(address.toLowerCase());

	const price = ctx.store.price(coin.coin_id);
	const now = ctx.store.nowSec();
	const w = {
		kind: 'withdrawal',
		endpoint: 'withdraw',
		app_id: ctx.appId,
		order_id: ctx.store.newId(),
		record_id: ctx.store.newId(),
		merchant_order_id: merchantOrderId,
		token_id: token.token_id,
		coin_id: coin.coin_id,
		crypto: token.crypto,
		chain: token.chain,
		contract: token.contract,
		address: destination,
		memo,
		value,
		network_fee: fee,
		debit,
		net_receivable: net,
		merchant_pays_fee: merchantPaysFee,
		internal,
		network_fee_crypto: coin.symbol,
		network_coin_id: coin.coin_id,
		network_fee_value: dec.round(dec.mul(fee, price), 6),
		token_rate: price,
		status: 'Pending',
		txid: '',
		created: now,
		completed: 0,
		response: null,
	};
	w.response = {
		order_id: w.order_id,
		network_fee: fee,
		record_id: w.record_id,
		net_receivable: net,
		network_fee_crypto: w.network_fee_crypto,
		network_coin_id: w.network_coin_id,
		network_fee_value: w.network_fee_value,
	};
	const state = ctx.store.merchant(ctx.appId);
	state.orders.set(merchantOrderId, w);
	state.byOrderId.set(w.order_id, w);
	ctx.store.post(ctx.appId, coin.coin_id, `-${debit}`, {
		type: 'withdrawal_debit',
		merchant_order_id: merchantOrderId,
		order_id: w.order_id,
		record_id: w.record_id,
	});
	const auto = ctx.config.withdrawalAutoComplete;
	if (auto === 'all' || (auto === 'internal' && internal)) ctx.sim.actions.completeWithdrawal({ app_id: ctx.appId, order_id: w.order_id, status: 'success' });
	return w.response;
}

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

/** A token as coin/all (withFeeCoin) or token/chain shows it; key order follows each spec example. */
function tokenEntry(ctx, t, withFeeCoin) {
	const chain = ctx.store.chain(t.chain);
	const logo = ctx.store.coinOf(t).logo;
	const name = chain ? chain.name : t.chain;
	const memo = !!(chain && chain.memo);
	const chainLogo = chain ? chain.logo : '';
	if (!withFeeCoin) {
		return { token_id: t.token_id, crypto: t.crypto, logo, name, network: t.network, chain: t.chain, contract: t.contract, chain_logo: chainLogo, is_support_memo: memo, status: t.status };
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

/** 6.8 USD amount -> token amount. Accepts a token_id or (as the doc example does) a coin_id. */
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
	return { token_id: token.token_id, crypto: token.crypto, fee: internal ? '0' : ctx.store.networkFee(token) };
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
	if (!tokens.length) throw new ApiError('tokenNotSupported', `token_id ${id} is not enabled for this merchant`);
	return { list: tokens.map((t) => tokenEntry(ctx, t, false)) };
}

/** 6.15 Resend confirmed webhooks of a window <= 1 h; 1/min and 25/day per App ID. */
function webhookResend(ctx) {
	const b = ctx.body;
	const start = b.start_timestamp;
	if (isMissing(start) || start === 0) throw invalid('start of the resend window is required');
	if (typeof start !== 'number' || !Number.isSafeInteger(start) || start < 0) throw invalid('start of the resend window must be integer seconds');
	const endGiven = optInt(b, 'end_timestamp');
	if (endGiven !== undefined && endGiven < 0) throw invalid('end of the resend window must be integer seconds');
	const end = endGiven === undefined ? start + 3600 : endGiven;
	if (end < start) throw invalid('the resend window ends before it starts');
	if (end - start > 3600) throw invalid('the resend window must be at most 3600 seconds');
	const result = optString(b, 'webhook_result') || 'Failed';
	if (!WEBHOOK_RESULTS.includes(result)) throw invalid(`webhook_result must be one of ${WEBHOOK_RESULTS.join(', ')}`);
	const type = optString(b, 'transaction_type') || 'All Type';
	if (!TRANSACTION_TYPES.includes(type)) throw invalid(`transaction_type must be one of ${TRANSACTION_TYPES.join(', ')}`);

	const limits = ctx.config.resendLimits;
	const state = ctx.store.merchant(ctx.appId);
	const nowMs = Date.now();
	state.resendCalls = state.resendCalls.filter((t) => nowMs - t < 86400000);
	if (limits.enforce) {
		const lastMinute = state.resendCalls.filter((t) => nowMs - t < 60000).length;
		if (lastMinute >= limits.perMinute) throw new ApiError('resendLimited', `at most ${limits.perMinute} call per minute`);
		if (state.resendCalls.length >= limits.perDay) throw new ApiError('resendLimited', `at most ${limits.perDay} calls per day`);
	}
	state.resendCalls.push(nowMs);
	const count = ctx.sim.webhooks.resendMatching({ appId: ctx.appId, start, end, result, type });
	// The real data shape is unpublished; v2 answers {"resendCount":N}. This is a guess.
	return { resend_count: count };
}

const HANDLERS = {
	'concise/url/get': conciseUrlGet,
	'bill/create': billCreate,
	'bill/info': billInfo,
	'payment/address/get': paymentAddressGet,
	withdraw,
	'coin/all': coinAll,
	'token/rate': tokenRate,
	assets,
	'network/fee': networkFee,
	'get/network/height/info': networkHeight,
	'check/user': checkUser,
	'support/token': supportToken,
	'token/chain': tokenChain,
	'webhook/resend': webhookResend,
};

module.exports = { PREFIX, ENDPOINTS, HANDLERS, ApiError, WEBHOOK_RESULTS, TRANSACTION_TYPES, STAGE_STATUS };
