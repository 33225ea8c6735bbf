// @ts-check
'use strict';

/**
 * Things that happen on CCPayment's side and end in webhooks. Deposits (orders, permanent
 * addresses, invoices) are in deposits.js; here: a withdrawal completes or fails, the merchant
 * refunds, an order expires, a raw signed send, a resend. Used by the control routes, the HTML
 * console, the hosted checkout page and directly from tests (sim.actions.*). Parameters use the
 * API's snake_case names.
 */

const dec = require('./decimal');
const { txidFor, isCwalletDestination } = require('./addresses');
const { DepositActions, ActionError, TIMING_STAGES } = require('./deposits');

class Actions extends DepositActions {
	/**
	 * Finish a withdrawal: status success (webhook), failed (refund of the debit + webhook) or
	 * processing (state only). params: app_id, merchant_order_id | order_id, status, txid, tamper, url.
	 */
	completeWithdrawal(params = {}) {
		const appId = this.appIdOf(params);
		const w = this.store.findOrder(appId, params);
		if (!w || w.kind !== 'withdrawal')
			throw new ActionError(404, 'withdrawal not found (give merchant_order_id or order_id)');
		const status = params.status || 'success';
		if (!['success', 'failed', 'processing'].includes(status))
			throw new ActionError(400, 'status must be success, failed or processing');
		if (w.status === 'Successful' || w.status === 'Failed')
			throw new ActionError(409, `withdrawal ${w.merchant_order_id} is already ${w.status}`);
		if (status === 'processing') {
			w.status = 'Processing';
			return {
				merchant_order_id: w.merchant_order_id,
				order_id: w.order_id,
				status: w.status,
				notifications: [],
			};
		}
		w.completed = this.store.nowSec();
		if (status === 'success') {
			w.status = 'Successful';
			const chain = this.store.chain(w.chain);
			w.txid = w.internal
				? ''
				: params.txid
					? String(params.txid)
					: txidFor(chain ? chain.addressKind : 'evm', w.record_id);
		} else {
			w.status = 'Failed';
			w.txid = '';
			this.store.post(appId, w.coin_id, w.debit, {
				type: 'withdrawal_refund',
				merchant_order_id: w.merchant_order_id,
				order_id: w.order_id,
				record_id: w.record_id,
			});
		}
		const payload = this.bodies.withdrawalBody(w, status);
		const { event, delivery } = this.sim.webhooks.emit({
			appId,
			payload,
			tamper: params.tamper,
			url: params.url,
		});
		return {
			merchant_order_id: w.merchant_order_id,
			order_id: w.order_id,
			status: w.status,
			notifications: [{ event_id: event.id, delivery_id: delivery.id, pay_status: status }],
		};
	}

	/**
	 * The merchant refunds (part of) a paid order from the dashboard.
	 * params: app_id, merchant_order_id | order_id | invoice_id, amount (default: all paid, not yet
	 * refunded), to_address, status (success|failed), txid, tamper, url.
	 */
	refundOrder(params = {}) {
		const appId = this.appIdOf(params);
		const order = this.depositOrder(appId, params);
		if (!order.token_id) throw new ActionError(409, 'the order has not been paid');
		const token = this.store.token(order.token_id);
		const coin = this.store.coinOf(token);
		const refundable = dec.sub(this.store.paidAmount(order), this.store.refundedAmount(order));
		const amount = this.amountParam(params.amount, coin.precision) || refundable;
		if (!dec.isPositive(amount) || dec.cmp(amount, refundable) > 0)
			throw new ActionError(409, `refundable amount is ${refundable} ${token.crypto}`);
		const status = params.status || 'success';
		if (!['success', 'failed'].includes(status))
			throw new ActionError(400, 'status must be success or failed');
		const lastPayment = [...order.payments].reverse().find((p) => p.stage === 'success');
		const toAddress = String(params.to_address || (lastPayment && lastPayment.from_address) || '');
		const internal = isCwalletDestination(toAddress);
		const fee = internal ? '0' : this.store.networkFee(token);
		const net = dec.sub(amount, fee);
		if (!dec.isPositive(net))
			throw new ActionError(409, `amount must exceed the network fee (${fee} ${token.crypto})`);
		const chain = this.store.chain(token.chain);
		const recordId = this.store.newId();
		const txid =
			status === 'success'
				? internal
					? 'internal transfer'
					: params.txid
						? String(params.txid)
						: txidFor(chain ? chain.addressKind : 'evm', recordId)
				: '';
		const refund = {
			record_id: recordId,
			amount,
			net_receivable: net,
			network_fee: fee,
			chain: token.chain,
			contract: token.contract,
			crypto: token.crypto,
			txid,
			address: toAddress,
			pay_time: this.store.nowSec(),
			status,
		};
		order.refunds.push(refund);
		if (status === 'success') {
			this.store.post(appId, coin.coin_id, `-${amount}`, {
				type: 'refund_debit',
				merchant_order_id: order.merchant_order_id,
				order_id: order.order_id,
				record_id: recordId,
			});
		}
		const payload = this.bodies.refundBody(
			{ status, recordId, amount, net, fee, toAddress, txid },
			order,
			token,
			coin,
		);
		const { event, delivery } = this.sim.webhooks.emit({
			appId,
			payload,
			tamper: params.tamper,
			url: params.url,
		});
		return {
			record_id: recordId,
			order_id: order.order_id,
			merchant_order_id: order.merchant_order_id,
			amount,
			status,
			notifications: [{ event_id: event.id, delivery_id: delivery.id, pay_status: status }],
		};
	}

	/** Make an order expire now. */
	expireOrder(params = {}) {
		const appId = this.appIdOf(params);
		const order = this.depositOrder(appId, params);
		order.expires_at = this.store.nowSec() - 1;
		return {
			order_id: order.order_id,
			merchant_order_id: order.merchant_order_id,
			status: this.store.depositStatus(order),
		};
	}

	/**
	 * Send an arbitrary signed notification (no state change): for trigger tests with fixed vectors.
	 * params: app_id, body (object or exact string), url, timestamp, tamper.
	 */
	sendRaw(params = {}) {
		const appId = this.appIdOf(params);
		if (params.body === undefined) throw new ActionError(400, 'body is required');
		const body = typeof params.body === 'string' ? params.body : JSON.stringify(params.body);
		let payload = {};
		try {
			payload = JSON.parse(body);
		} catch {
			if (params.tamper === 'pretty' || params.tamper === 'body')
				throw new ActionError(400, 'tamper pretty/body needs a JSON body');
		}
		const { event, delivery } = this.sim.webhooks.emit({
			appId,
			payload,
			body,
			url: params.url,
			tamper: params.tamper,
			timestamp: params.timestamp,
		});
		return { event_id: event.id, delivery_id: delivery.id, url: delivery.url };
	}

	/**
	 * Control-route resend: same filters as webhook/resend without its limits, plus record_id /
	 * event_id targeting. Window defaults to "everything".
	 */
	resend(params = {}) {
		const appId = this.appIdOf(params);
		const start = Number(params.start_timestamp || 0);
		const end = Number(params.end_timestamp || 0) || Number.MAX_SAFE_INTEGER;
		const result = params.webhook_result || 'All Result';
		const type = params.transaction_type || 'All Type';
		const count = this.sim.webhooks.resendMatching({
			appId,
			start,
			end,
			result,
			type,
			recordId: params.record_id,
			eventId: params.event_id,
		});
		return { resend_count: count };
	}
}

module.exports = { Actions, ActionError, TIMING_STAGES };
