// @ts-check
'use strict';

/**
 * What every action shares: the ActionError the control routes turn into 400 / 404 / 409, finding
 * merchants, orders and tokens from snake_case parameters, amounts by mode, and moving a deposit
 * record through its stages with a webhook for each stage the merchant's timing includes.
 */

const dec = require('./decimal');
const { makeAddress, txidFor } = require('./addresses');
const { TOKENS } = require('./catalogue');

class ActionError extends Error {
	/** @param {number} status @param {string} message */
	constructor(status, message) {
		super(message);
		this.status = status;
	}
}

const STAGES = ['pending', 'processing'];
const TIMING_STAGES = {
	confirmed: ['success', 'failed'],
	processing: ['processing', 'success', 'failed'],
	started: ['pending', 'processing', 'success', 'failed'],
};

class ActionBase {
	constructor(sim) {
		this.sim = sim;
	}

	get store() {
		return this.sim.store;
	}

	get config() {
		return this.sim.config;
	}

	/** Webhook bodies of the protocol the merchant's webhooks speak (v1 today). */
	get bodies() {
		return this.sim.webhookProtocol.notifications;
	}

	appIdOf(params) {
		const appId = params.app_id || params.appId || this.sim.merchant.appId;
		if (!this.store.merchantConfig(appId)) throw new ActionError(404, `unknown app_id ${appId}`);
		return appId;
	}

	/** Find a deposit order (API order or invoice). */
	depositOrder(appId, params) {
		const order = this.store.findOrder(appId, params);
		if (!order)
			throw new ActionError(
				404,
				'order not found (give merchant_order_id, order_id or invoice_id)',
			);
		if (order.kind === 'withdrawal')
			throw new ActionError(409, 'that ID is a withdrawal, not a deposit order');
		return order;
	}

	pickToken(appId, tokenId, chain) {
		if (tokenId) {
			const token = this.store.token(tokenId);
			if (!token) throw new ActionError(400, `unknown token_id ${tokenId}`);
			if (chain && token.chain !== chain)
				throw new ActionError(400, `token ${tokenId} is not on chain ${chain}`);
			return token;
		}
		const candidates = [];
		for (const { tokens } of this.store.enabledCoins(appId))
			candidates.push(...tokens.filter((t) => t.status === 1 && (!chain || t.chain === chain)));
		const preferred = candidates.find((t) => t.token_id === TOKENS.USDT_TRC20) || candidates[0];
		if (!preferred)
			throw new ActionError(400, `no enabled token${chain ? ` on ${chain}` : ''}; pass token_id`);
		return preferred;
	}

	amountParam(value, precision) {
		if (value === undefined || value === null || value === '') return undefined;
		const text = String(value);
		if (!dec.isDecimalString(text) || !dec.isPositive(text))
			throw new ActionError(400, 'amount must be a positive decimal string');
		if (dec.decimalPlaces(text) > precision)
			throw new ActionError(400, `amount allows at most ${precision} decimals for this token`);
		return dec.normalize(text);
	}

	/**
	 * full / partial / over amount for an order of `orderAmount` with `due` left to pay: full = due,
	 * partial = half of due, over = due + 10 % of the order amount (so the order ends overpaid).
	 */
	modeAmount(mode, due, precision, orderAmount) {
		const unit = dec.div('1', dec.normalize(`1${'0'.repeat(precision)}`), precision);
		switch (mode || 'full') {
			case 'full':
				if (!dec.isPositive(due))
					throw new ActionError(409, 'nothing left to pay; pass an explicit amount to pay more');
				return due;
			case 'partial': {
				if (!dec.isPositive(due)) throw new ActionError(409, 'nothing left to pay');
				const half = dec.round(dec.div(due, '2', precision + 2), precision, 'down');
				return dec.isPositive(half) ? half : unit;
			}
			case 'over': {
				const extra = dec.round(dec.mul(orderAmount || due, '0.1'), precision, 'up');
				return dec.add(due, dec.isPositive(extra) ? extra : unit);
			}
			default:
				throw new ActionError(400, 'mode must be full, partial or over');
		}
	}

	stageTarget(params) {
		const until = params.until || 'success';
		if (!['pending', 'processing', 'success', 'failed'].includes(until))
			throw new ActionError(400, 'until must be pending, processing, success or failed');
		return until;
	}

	timingStages(appId) {
		return TIMING_STAGES[this.store.notificationTiming(appId)] || TIMING_STAGES.confirmed;
	}

	/**
	 * Move a deposit payment forward to `target`, one stage at a time, crediting on success and
	 * sending a notification for each stage the merchant's notification timing includes.
	 */
	runStages(payment, target, options = {}) {
		const order = [...STAGES, target === 'failed' ? 'failed' : 'success'];
		const targetIndex = target === 'pending' ? 0 : target === 'processing' ? 1 : 2;
		const current = payment.stage ? order.indexOf(payment.stage) : -1;
		if (payment.stage === 'success' || payment.stage === 'failed')
			throw new ActionError(409, `record ${payment.record_id} is already ${payment.stage}`);
		const sent = [];
		for (let i = current + 1; i <= targetIndex; i++) {
			const stage = order[i];
			payment.stage = stage;
			if (stage === 'success') {
				payment.pay_time = this.store.nowSec();
				const coinId = this.store.token(payment.token_id).coin_id;
				this.store.post(payment.appId, coinId, payment.credit_amount, {
					type: 'deposit_credit',
					merchant_order_id: payment.order ? payment.order.merchant_order_id : '',
					order_id: payment.order ? payment.order.order_id : '',
					record_id: payment.record_id,
					note: payment.type,
				});
			}
			if (payment.notify !== false && this.timingStages(payment.appId).includes(stage)) {
				const { event, delivery } = this.sim.webhooks.emit({
					appId: payment.appId,
					payload: this.bodies.depositBody(
						payment,
						this.store.token(payment.token_id),
						this.config.webhook,
					),
					notifyUrl: payment.notify_url,
					tamper: options.tamper,
					url: options.url,
				});
				sent.push({ event_id: event.id, delivery_id: delivery.id, pay_status: stage });
			}
		}
		return sent;
	}

	newPayment(appId, type, token, amount, feeRate, params) {
		const coin = this.store.coinOf(token);
		const fee = dec.round(dec.mul(amount, feeRate), coin.precision, 'half-up');
		const now = this.store.nowSec();
		const recordId = this.store.newId();
		const chain = this.store.chain(token.chain);
		const payment = {
			record_id: recordId,
			type,
			appId,
			token_id: token.token_id,
			amount,
			service_fee: fee,
			credit_amount: dec.sub(amount, fee),
			token_rate: this.store.price(coin.coin_id),
			stage: null,
			txid: params.txid
				? String(params.txid)
				: txidFor(chain ? chain.addressKind : 'evm', recordId),
			from_address:
				params.from_address !== undefined
					? String(params.from_address)
					: makeAddress(chain ? chain.addressKind : 'evm', `payer:${recordId}`),
			pay_time: 0,
			created: now,
			notify_url: '',
			notify: true,
		};
		this.store.payments.set(recordId, payment);
		return payment;
	}
}

module.exports = { ActionBase, ActionError, TIMING_STAGES };
