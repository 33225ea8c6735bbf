// @ts-check
'use strict';

/**
 * Deposits that happen on CCPayment's side and end in webhooks: a customer pays an order (full,
 * partial, over), a deposit reaches a permanent address, an invoice is paid, a record moves to its
 * next stage.
 */

const dec = require('./decimal');
const { TOKENS } = require('./catalogue');
const { ActionBase, ActionError, TIMING_STAGES } = require('./action-base');

class DepositActions extends ActionBase {
	/**
	 * A customer pays an API order (hosted or native checkout): one record_id per call.
	 * params: app_id, merchant_order_id | order_id, amount | mode (full|partial|over), token_id (hosted
	 * orders), until (pending|processing|success|failed), txid, from_address, allow_expired, tamper, url.
	 */
	payOrder(params = {}) {
		const appId = this.appIdOf(params);
		const order = this.depositOrder(appId, params);
		if (order.source === 'invoice')
			return this.payInvoice({ ...params, app_id: appId, invoice_id: order.invoice_id });
		const until = this.stageTarget(params);
		if (!params.allow_expired && this.store.nowSec() > order.expires_at)
			throw new ActionError(409, 'the order has expired (pass allow_expired to pay it anyway)');
		let token;
		if (order.token_id) {
			token = this.store.token(order.token_id);
			if (params.token_id && params.token_id !== order.token_id)
				throw new ActionError(
					409,
					`this order is paid in ${token.crypto} on ${token.chain} (token_id ${order.token_id})`,
				);
		} else {
			token = this.pickToken(appId, params.token_id);
			if (!this.store.isTokenEnabled(appId, token.token_id) || token.status !== 1)
				throw new ActionError(409, 'that token is not enabled or not usable for this merchant');
			const coin = this.store.coinOf(token);
			order.token_id = token.token_id;
			order.token_rate = this.store.price(coin.coin_id);
			order.order_amount = dec.div(
				order.product_price,
				dec.mul(order.fiat_rate, order.token_rate),
				coin.precision,
				'half-up',
			);
		}
		const coin = this.store.coinOf(token);
		const committed = dec.sum(
			order.payments.filter((p) => p.stage !== 'failed').map((p) => p.amount),
		);
		const due = dec.max('0', dec.sub(order.order_amount, committed));
		const amount =
			this.amountParam(params.amount, coin.precision) ||
			this.modeAmount(params.mode, due, coin.precision, order.order_amount);
		const payment = this.newPayment(
			appId,
			'API Deposit',
			token,
			amount,
			this.config.serviceFeeRate,
			params,
		);
		payment.order = order;
		payment.notify_url = order.notify_url;
		order.payments.push(payment);
		const notifications = this.runStages(payment, until, params);
		return {
			record_id: payment.record_id,
			order_id: order.order_id,
			merchant_order_id: order.merchant_order_id,
			token_id: token.token_id,
			amount,
			stage: payment.stage,
			order_status: this.store.depositStatus(order),
			notifications,
		};
	}

	/**
	 * A deposit to a permanent address (Direct Deposit).
	 * params: app_id, user_id + chain | address (+ memo), amount, token_id, from_address, txid, until, tamper, url.
	 */
	depositToAddress(params = {}) {
		const appId = this.appIdOf(params);
		const state = this.store.merchant(appId);
		let entry;
		if (params.user_id && params.chain) {
			const chain = this.store.chain(params.chain);
			entry = chain ? state.addresses.get(`${params.user_id}\u0000${chain.chain}`) : undefined;
		} else if (params.address) {
			entry = [...state.addresses.values()].find(
				(a) =>
					a.address === params.address &&
					(!a.memo || !params.memo || a.memo === String(params.memo)),
			);
		}
		if (!entry)
			throw new ActionError(404, 'permanent address not found (give user_id + chain, or address)');
		const until = this.stageTarget(params);
		const token = this.pickToken(appId, params.token_id, entry.chain);
		const coin = this.store.coinOf(token);
		const amount = this.amountParam(params.amount, coin.precision);
		if (!amount) throw new ActionError(400, 'amount is required');
		const payment = this.newPayment(
			appId,
			'Direct Deposit',
			token,
			amount,
			this.config.directDepositServiceFeeRate,
			params,
		);
		payment.address = entry;
		payment.notify_url = entry.notify_url;
		// Direct Deposit notifications are only sent for tokens the merchant enabled (docs).
		payment.notify = this.store.isTokenEnabled(appId, token.token_id);
		entry.deposits.push(payment);
		const notifications = this.runStages(payment, until, params);
		return {
			record_id: payment.record_id,
			address: entry.address,
			memo: entry.memo,
			user_id: entry.user_id,
			token_id: token.token_id,
			amount,
			stage: payment.stage,
			notified: payment.notify,
			notifications,
		};
	}

	/**
	 * A customer pays a dashboard invoice (created here if invoice_id is not given).
	 * params: app_id, invoice_id, product_price (default "10"), denominated_currency (default USD),
	 * token_id, amount | mode, user_email, until, tamper, url.
	 */
	payInvoice(params = {}) {
		const appId = this.appIdOf(params);
		const state = this.store.merchant(appId);
		let invoice = params.invoice_id ? state.invoices.get(String(params.invoice_id)) : undefined;
		if (params.invoice_id && !invoice)
			throw new ActionError(404, `invoice ${params.invoice_id} not found`);
		if (!invoice) {
			const token = this.pickToken(appId, params.token_id || TOKENS.USDT_ERC20);
			const coin = this.store.coinOf(token);
			const price = this.amountParam(params.product_price || '10', 2);
			const currency = String(params.denominated_currency || 'USD');
			const isToken = currency.toLowerCase() === 'token';
			const rates = this.config.fiatRates || {};
			const fiatKey = Object.keys(rates).find((k) => k.toLowerCase() === currency.toLowerCase());
			if (!isToken && !fiatKey)
				throw new ActionError(400, `denominated_currency ${currency} is not supported`);
			const fiatRate = isToken ? '1' : dec.normalize(rates[fiatKey]);
			const tokenRate = this.store.price(coin.coin_id);
			const now = this.store.nowSec();
			invoice = {
				kind: 'deposit',
				source: 'invoice',
				app_id: appId,
				order_id: this.store.newId(),
				invoice_id: this.store.newId(),
				merchant_order_id: '',
				product_name: String(params.product_name || 'Invoice'),
				product_price: price,
				denominated_currency: currency,
				fiat_rate: fiatRate,
				token_id: token.token_id,
				token_rate: tokenRate,
				order_amount: isToken
					? price
					: dec.div(price, dec.mul(fiatRate, tokenRate), coin.precision, 'half-up'),
				user_email: String(params.user_email || 'buyer@example.com'),
				memo: '',
				payments: [],
				refunds: [],
				created: now,
				order_valid_period: 86400,
				expires_at: now + 86400,
				notify_url: '',
			};
			state.invoices.set(invoice.invoice_id, invoice);
			state.byOrderId.set(invoice.order_id, invoice);
		}
		const until = this.stageTarget(params);
		const token = this.store.token(invoice.token_id);
		const coin = this.store.coinOf(token);
		const committed = dec.sum(
			invoice.payments.filter((p) => p.stage !== 'failed').map((p) => p.amount),
		);
		const due = dec.max('0', dec.sub(invoice.order_amount, committed));
		const amount =
			this.amountParam(params.amount, coin.precision) ||
			this.modeAmount(params.mode, due, coin.precision, invoice.order_amount);
		const payment = this.newPayment(
			appId,
			'Invoice',
			token,
			amount,
			this.config.serviceFeeRate,
			params,
		);
		payment.order = invoice;
		invoice.payments.push(payment);
		const notifications = this.runStages(payment, until, params);
		return {
			record_id: payment.record_id,
			invoice_id: invoice.invoice_id,
			order_id: invoice.order_id,
			token_id: token.token_id,
			amount,
			stage: payment.stage,
			notifications,
		};
	}

	/** Move an existing deposit record (order, address or invoice payment) to its next stage or to `until`. */
	advanceRecord(params = {}) {
		const payment = this.store.payments.get(String(params.record_id || ''));
		if (!payment) throw new ActionError(404, `record ${params.record_id} not found`);
		if (params.app_id && params.app_id !== payment.appId)
			throw new ActionError(404, `record ${params.record_id} not found`);
		let target = params.until;
		if (!target) {
			const index = payment.stage ? ['pending', 'processing'].indexOf(payment.stage) : -1;
			target = index === 0 ? 'processing' : 'success';
		}
		if (!['pending', 'processing', 'success', 'failed'].includes(target))
			throw new ActionError(400, 'until must be pending, processing, success or failed');
		const notifications = this.runStages(payment, target, params);
		return { record_id: payment.record_id, stage: payment.stage, notifications };
	}
}

module.exports = { DepositActions, ActionError, TIMING_STAGES };
