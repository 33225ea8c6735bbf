// @ts-check
'use strict';

const { createHash } = require('crypto');
const dec = require('./decimal');
const { CHAINS, COINS, CWALLET_USERS } = require('./catalogue');

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/** @param {string} text */
function sha256Hex(text) {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** @param {string} hex @returns {string} */
function base58(hex) {
	let n = BigInt(`0x${hex}`);
	let out = '';
	while (n > 0n) {
		out = BASE58[Number(n % 58n)] + out;
		n /= 58n;
	}
	return out || '1';
}

/** @param {string} hex @param {number} length */
function bech32ish(hex, length) {
	let out = '';
	let n = BigInt(`0x${hex}`);
	for (let i = 0; i < length; i++) {
		out += BECH32[Number(n % 32n)];
		n /= 32n;
		if (n === 0n) n = BigInt(`0x${sha256Hex(hex + i)}`);
	}
	return out;
}

/** A realistic-looking address for a chain, derived deterministically from a seed string. */
function makeAddress(kind, seed) {
	const h = sha256Hex(seed);
	const h2 = sha256Hex(`${seed}#2`);
	switch (kind) {
		case 'evm':
			return `0x${h.slice(0, 40)}`;
		case 'tron':
			return `T${base58(h + h2).slice(0, 33)}`;
		case 'btc':
			return `bc1q${bech32ish(h, 38)}`;
		case 'bch':
			return `bitcoincash:q${bech32ish(h, 41)}`;
		case 'sol':
			return base58(h).padEnd(43, '1').slice(0, 44);
		case 'xrp':
			return `r${base58(h + h2).slice(0, 33)}`;
		case 'lightning':
			return `lnbc${bech32ish(h + h2, 120)}`;
		default:
			return `0x${h.slice(0, 40)}`;
	}
}

const ADDRESS_FORMATS = {
	evm: /^0x[0-9a-fA-F]{40}$/,
	tron: /^T[1-9A-HJ-NP-Za-km-z]{33}$/,
	btc: /^(bc1[02-9ac-hj-np-z]{6,87}|[13][1-9A-HJ-NP-Za-km-z]{25,34})$/,
	bch: /^(bitcoincash:)?[qp][02-9ac-hj-np-z]{41}$/,
	sol: /^[1-9A-HJ-NP-Za-km-z]{32,44}$/,
	xrp: /^r[1-9A-HJ-NP-Za-km-z]{24,34}$/,
	lightning: /^ln(bc|tb|bcrt)[0-9a-z]{20,}$/i,
};

/** Roughly valid for the chain's address format (no checksum checks). */
function isValidAddress(kind, address) {
	const re = ADDRESS_FORMATS[kind];
	return !!re && re.test(address);
}

const CWALLET_ID = /^\d{4,12}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Cwallet ID or email: an internal (off-chain, fee 0) destination. */
function isCwalletDestination(address) {
	return CWALLET_ID.test(address) || EMAIL.test(address);
}

function txidFor(kind, seed) {
	const h = sha256Hex(`tx:${seed}`);
	return kind === 'evm' ? `0x${h}` : h;
}

/**
 * @typedef {object} Payment   one on-chain payment (one record_id) of an order, invoice or address
 * @property {string} record_id
 * @property {'API Deposit'|'Direct Deposit'|'Invoice'} type
 * @property {string} appId
 * @property {string} token_id
 * @property {string} amount
 * @property {string} service_fee
 * @property {string} credit_amount
 * @property {string} token_rate
 * @property {'pending'|'processing'|'success'|'failed'} stage
 * @property {string} txid
 * @property {string} from_address
 * @property {number} pay_time
 * @property {number} created
 * @property {any} [order]      the deposit order or invoice
 * @property {any} [address]    the permanent address
 */

class Store {
	/** @param {{ config: any }} sim */
	constructor(sim) {
		this.sim = sim;
		this.idCounter = 0n;
		this.startMs = Date.now();
		this.reset();
	}

	get config() {
		return this.sim.config;
	}

	reset() {
		/** @type {Map<string, any>} */
		this.merchants = new Map();
		/** @type {any[]} */
		this.journal = [];
		this.journalSeq = 0;
		/** @type {Map<string, Payment>} record_id -> deposit payment */
		this.payments = new Map();
		this.startMs = Date.now();
	}

	// ---------- IDs and time ----------

	nowSec() {
		return Math.floor(Date.now() / 1000);
	}

	/** A 33-digit CCPayment-style ID: UTC yyyyMMddHHmmss + 19 digits (monotonic, unique per process). */
	newId() {
		this.idCounter += 1n;
		const d = new Date();
		const p = (n, w = 2) => String(n).padStart(w, '0');
		const stamp = `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
		const tail = (1700000000000000000n + BigInt(process.pid % 1000) * 1000000000000000n + this.idCounter).toString().padStart(19, '0');
		return stamp + tail.slice(-19);
	}

	// ---------- catalogue ----------

	chain(code) {
		if (typeof code !== 'string') return undefined;
		const upper = code.toUpperCase();
		return CHAINS.find((c) => c.chain === upper);
	}

	coin(coinId) {
		return COINS.find((c) => c.coin_id === coinId);
	}

	token(tokenId) {
		for (const coin of COINS) {
			const token = coin.tokens.find((t) => t.token_id === tokenId);
			if (token) return token;
		}
		return undefined;
	}

	/** Coin of a token. */
	coinOf(token) {
		return /** @type {import('./catalogue').CoinInfo} */ (this.coin(token.coin_id));
	}

	price(coinId) {
		const override = this.config.tokenPrices && this.config.tokenPrices[coinId];
		if (override) return dec.normalize(override);
		const coin = this.coin(coinId);
		return coin ? coin.price : '0';
	}

	networkFee(token) {
		const override = this.config.networkFees && this.config.networkFees[token.token_id];
		return dec.normalize(override || token.fee);
	}

	merchantConfig(appId) {
		return this.config.merchants.find((m) => m.appId === appId);
	}

	isTokenEnabled(appId, tokenId) {
		const m = this.merchantConfig(appId);
		if (!m) return false;
		const enabled = m.enabledTokens === undefined || m.enabledTokens === null ? 'all' : m.enabledTokens;
		return enabled === 'all' || (Array.isArray(enabled) && enabled.includes(tokenId));
	}

	/** Coins with only the merchant's enabled tokens (coins with none are left out). */
	enabledCoins(appId) {
		return COINS.map((coin) => ({ coin, tokens: coin.tokens.filter((t) => this.isTokenEnabled(appId, t.token_id)) })).filter(
			(entry) => entry.tokens.length > 0,
		);
	}

	notificationTiming(appId) {
		const m = this.merchantConfig(appId);
		return (m && m.notificationTiming) || this.config.notificationTiming;
	}

	cwalletUser(destination) {
		return CWALLET_USERS.find((u) => u.c_id === destination || u.email.toLowerCase() === String(destination).toLowerCase());
	}

	// ---------- merchant state ----------

	merchant(appId) {
		let state = this.merchants.get(appId);
		if (!state) {
			const m = this.merchantConfig(appId) || {};
			const balances = new Map();
			const seed = { ...(this.config.seedBalances || {}), ...(m.balances || {}) };
			for (const coin of COINS) balances.set(coin.coin_id, dec.normalize(seed[coin.coin_id] || '0'));
			state = {
				appId,
				balances,
				/** merchant_order_id -> deposit order or withdrawal */
				orders: new Map(),
				/** CCPayment order_id -> deposit order, withdrawal or invoice */
				byOrderId: new Map(),
				/** `${user_id}\u0000${chain}` -> permanent address */
				addresses: new Map(),
				/** invoice_id -> invoice */
				invoices: new Map(),
				/** accepted webhook/resend call times (ms) */
				resendCalls: [],
			};
			this.merchants.set(appId, state);
		}
		return state;
	}

	balance(appId, coinId) {
		return this.merchant(appId).balances.get(coinId) || '0';
	}

	/**
	 * Move money on a merchant balance and journal it. `amount` is signed (negative = debit).
	 * @param {string} appId
	 * @param {string} coinId
	 * @param {string} amount
	 * @param {{ type: string, merchant_order_id?: string, order_id?: string, record_id?: string, note?: string }} info
	 */
	post(appId, coinId, amount, info) {
		const state = this.merchant(appId);
		const after = dec.add(state.balances.get(coinId) || '0', amount);
		state.balances.set(coinId, after);
		const coin = this.coin(coinId);
		const entry = {
			seq: ++this.journalSeq,
			time: new Date().toISOString(),
			app_id: appId,
			type: info.type,
			merchant_order_id: info.merchant_order_id || '',
			order_id: info.order_id || '',
			record_id: info.record_id || '',
			coin_id: coinId,
			crypto: coin ? coin.symbol : '',
			amount: dec.normalize(amount),
			balance_after: after,
		};
		if (info.note) entry.note = info.note;
		this.journal.push(entry);
		return entry;
	}

	/** Find an order, withdrawal or invoice by merchant_order_id or CCPayment order_id. */
	findOrder(appId, { merchant_order_id, order_id, invoice_id }) {
		const state = this.merchant(appId);
		if (merchant_order_id) return state.orders.get(String(merchant_order_id));
		if (order_id) return state.byOrderId.get(String(order_id));
		if (invoice_id) return state.invoices.get(String(invoice_id));
		return undefined;
	}

	/** Deposit status for bill/info (vocabulary beyond Pending/Successful is a guess). */
	depositStatus(order) {
		const paid = this.paidAmount(order);
		const due = order.order_amount;
		if (due && dec.isPositive(paid) && dec.cmp(paid, due) >= 0) return 'Successful';
		if (this.nowSec() > order.expires_at) return dec.isPositive(paid) ? 'Underpaid' : 'Expired';
		return 'Pending';
	}

	paidAmount(order) {
		return dec.sum(order.payments.filter((p) => p.stage === 'success').map((p) => p.amount));
	}

	refundedAmount(order) {
		return dec.sum(order.refunds.filter((r) => r.status === 'success').map((r) => r.amount));
	}

	// ---------- views ----------

	orderView(order) {
		const token = order.token_id ? this.token(order.token_id) : undefined;
		return {
			kind: 'deposit',
			source: order.source,
			order_id: order.order_id,
			merchant_order_id: order.merchant_order_id,
			status: this.depositStatus(order),
			product_name: order.product_name,
			product_price: order.product_price,
			denominated_currency: order.denominated_currency,
			token_id: order.token_id || '',
			crypto: token ? token.crypto : '',
			chain: token ? token.chain : '',
			order_amount: order.order_amount || '',
			paid_amount: this.paidAmount(order),
			refunded_amount: this.refundedAmount(order),
			pay_address: order.pay_address || '',
			memo: order.memo || '',
			payment_url: order.payment_url || '',
			notify_url: order.notify_url || '',
			created: order.created,
			expires_at: order.expires_at,
			payments: order.payments.map((p) => this.paymentView(p)),
			refunds: order.refunds.map((r) => ({ ...r })),
		};
	}

	paymentView(p) {
		const token = this.token(p.token_id);
		return {
			record_id: p.record_id,
			type: p.type,
			stage: p.stage,
			token_id: p.token_id,
			crypto: token ? token.crypto : '',
			amount: p.amount,
			service_fee: p.service_fee,
			credit_amount: p.credit_amount,
			txid: p.txid,
			pay_time: p.pay_time,
		};
	}

	withdrawalView(w) {
		return {
			kind: 'withdrawal',
			order_id: w.order_id,
			record_id: w.record_id,
			merchant_order_id: w.merchant_order_id,
			status: w.status,
			token_id: w.token_id,
			crypto: w.crypto,
			chain: w.chain,
			address: w.address,
			memo: w.memo,
			value: w.value,
			network_fee: w.network_fee,
			debit: w.debit,
			net_receivable: w.net_receivable,
			merchant_pays_fee: w.merchant_pays_fee,
			internal: w.internal,
			txid: w.txid,
			created: w.created,
			completed: w.completed || 0,
		};
	}

	/** Everything money-related, for campaigns and humans. */
	ledger(appIdFilter) {
		const merchants = [];
		const debits = {};
		const duplicateDebits = [];
		for (const m of this.config.merchants) {
			if (appIdFilter && m.appId !== appIdFilter) continue;
			const state = this.merchant(m.appId);
			const orders = [];
			const withdrawals = [];
			for (const o of state.orders.values()) {
				if (o.kind === 'withdrawal') withdrawals.push(this.withdrawalView(o));
				else orders.push(this.orderView(o));
			}
			const invoices = [...state.invoices.values()].map((o) => this.orderView(o));
			const addresses = [...state.addresses.values()].map((a) => ({
				user_id: a.user_id,
				chain: a.chain,
				address: a.address,
				memo: a.memo,
				notify_url: a.notify_url || '',
				created: a.created,
				deposits: a.deposits.map((p) => this.paymentView(p)),
			}));
			merchants.push({
				app_id: m.appId,
				name: m.name || '',
				webhook_url: m.webhookUrl || '',
				balances: [...state.balances.entries()].map(([coinId, value]) => ({
					coin_id: coinId,
					crypto: (this.coin(coinId) || { symbol: '' }).symbol,
					value,
				})),
				orders,
				withdrawals,
				invoices,
				addresses,
				address_count: state.addresses.size,
			});
			const perOrder = {};
			for (const entry of this.journal) {
				if (entry.app_id !== m.appId || entry.type !== 'withdrawal_debit') continue;
				perOrder[entry.merchant_order_id] = (perOrder[entry.merchant_order_id] || 0) + 1;
			}
			debits[m.appId] = perOrder;
			for (const [moid, count] of Object.entries(perOrder)) {
				if (count > 1) duplicateDebits.push({ app_id: m.appId, merchant_order_id: moid, count });
			}
		}
		return {
			generated_at: new Date().toISOString(),
			merchants,
			journal: this.journal.filter((e) => !appIdFilter || e.app_id === appIdFilter).map((e) => ({ ...e })),
			withdrawal_debits: debits,
			duplicate_debits: duplicateDebits,
		};
	}
}

module.exports = { Store, makeAddress, isValidAddress, isCwalletDestination, txidFor, sha256Hex };
