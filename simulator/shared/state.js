// @ts-check
'use strict';

/**
 * The simulator's ledger state: merchants' balances, orders, withdrawals, invoices, permanent
 * addresses and deposit records, the balance journal, and catalogue lookups with config overrides.
 */

const dec = require('./decimal');
const { CHAINS, COINS, CWALLET_USERS } = require('./catalogue');
const views = require('./ledger');

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
		const tail = (
			1700000000000000000n +
			BigInt(process.pid % 1000) * 1000000000000000n +
			this.idCounter
		)
			.toString()
			.padStart(19, '0');
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
		const enabled =
			m.enabledTokens === undefined || m.enabledTokens === null ? 'all' : m.enabledTokens;
		return enabled === 'all' || (Array.isArray(enabled) && enabled.includes(tokenId));
	}

	/** Coins with only the merchant's enabled tokens (coins with none are left out). */
	enabledCoins(appId) {
		return COINS.map((coin) => ({
			coin,
			tokens: coin.tokens.filter((t) => this.isTokenEnabled(appId, t.token_id)),
		})).filter((entry) => entry.tokens.length > 0);
	}

	notificationTiming(appId) {
		const m = this.merchantConfig(appId);
		return (m && m.notificationTiming) || this.config.notificationTiming;
	}

	cwalletUser(destination) {
		return CWALLET_USERS.find(
			(u) => u.c_id === destination || u.email.toLowerCase() === String(destination).toLowerCase(),
		);
	}

	// ---------- merchant state ----------

	merchant(appId) {
		let state = this.merchants.get(appId);
		if (!state) {
			const m = this.merchantConfig(appId) || {};
			const balances = new Map();
			const seed = { ...(this.config.seedBalances || {}), ...(m.balances || {}) };
			for (const coin of COINS)
				balances.set(coin.coin_id, dec.normalize(seed[coin.coin_id] || '0'));
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

	/** Everything money-related, for campaigns and humans. */
	ledger(appIdFilter) {
		return views.ledger(this, appIdFilter);
	}
}

module.exports = { Store };
