// @ts-check
'use strict';

/**
 * v1 webhook bodies, field for field and in the order of CCPayment's v1 webhook examples (amounts
 * are strings, merchant_pays_fee a boolean). The actions decide what happened; these functions only
 * say how v1 tells the merchant about it, so a v2 module can supply its own bodies.
 */

/**
 * API Deposit, Direct Deposit or Invoice notification of one payment at its current stage.
 * @param {any} p      the payment (shared/state.js Payment) with its order or address
 * @param {any} token  the token paid
 * @param {any} hook   config.webhook (custom_value location, optional extra fields)
 */
function depositBody(p, token, hook) {
	const base = { pay_status: p.stage };
	if (p.type === 'Direct Deposit') {
		return {
			...base,
			order_type: 'Direct Deposit',
			record_id: p.record_id,
			paid_amount: p.amount,
			credit_amount: p.credit_amount,
			chain: token.chain,
			from_address: p.from_address,
			to_address: p.address.address,
			contract: token.contract,
			crypto: token.crypto,
			txid: p.txid,
			service_fee: p.service_fee,
			memo: p.address.memo,
			user_id: p.address.user_id,
		};
	}
	const o = p.order;
	if (p.type === 'Invoice') {
		return {
			...base,
			order_type: 'Invoice',
			record_id: p.record_id,
			order_id: o.order_id,
			product_price: o.product_price,
			order_amount: o.order_amount,
			fiat_rate: o.fiat_rate,
			denominated_currency: o.denominated_currency,
			paid_amount: p.amount,
			credit_amount: p.stage === 'success' ? p.credit_amount : '',
			token_rate: p.token_rate,
			chain: token.chain,
			contract: token.contract,
			crypto: token.crypto,
			txid: p.txid,
			network_fee: '0',
			service_fee: p.service_fee,
			memo: o.memo || '',
			extend: { invoice_id: o.invoice_id, user_email: o.user_email },
		};
	}
	/** @type {Record<string, any>} */
	const payload = {
		...base,
		order_type: 'API Deposit',
		record_id: p.record_id,
		order_id: o.order_id,
		product_price: o.product_price,
		denominated_currency: o.denominated_currency,
		order_amount: o.order_amount,
		fiat_rate: o.fiat_rate,
		paid_amount: p.amount,
		token_rate: p.token_rate,
		chain: token.chain,
		txid: p.txid,
		contract: token.contract,
		crypto: token.crypto,
	};
	if (hook.apiDepositExtraFields) {
		payload.credit_amount = p.credit_amount;
		payload.network_fee = '0';
		payload.service_fee = p.service_fee;
		payload.memo = o.memo || '';
	}
	if (o.custom_value && hook.customValueLocation === 'top') payload.custom_value = o.custom_value;
	payload.extend = { merchant_order_id: o.merchant_order_id };
	if (o.custom_value && hook.customValueLocation === 'extend')
		payload.extend.custom_value = o.custom_value;
	return payload;
}

/**
 * API Withdrawal notification. `withdraw_amount` is the debit; Cwallet transfers have the txid
 * "internal transfer".
 * @param {any} w       the withdrawal
 * @param {'success'|'failed'} status
 */
function withdrawalBody(w, status) {
	return {
		pay_status: status,
		order_type: 'API Withdrawal',
		order_id: w.order_id,
		record_id: w.record_id,
		withdraw_amount: w.debit,
		net_receivable: w.net_receivable,
		network_fee: w.network_fee,
		network_fee_crypto: w.network_fee_crypto,
		network_coin_id: w.network_coin_id,
		network_fee_value: w.network_fee_value,
		chain: w.chain,
		contract: w.contract,
		crypto: w.crypto,
		to_address: w.address,
		memo: w.memo,
		txid: status === 'success' ? (w.internal ? 'internal transfer' : w.txid) : '',
		merchant_order_id: w.merchant_order_id,
		merchant_pays_fee: w.merchant_pays_fee,
	};
}

/**
 * Refund notification.
 * @param {{ status: string, recordId: string, amount: string, net: string, fee: string, toAddress: string, txid: string }} r
 * @param {any} order
 * @param {any} token
 * @param {any} coin   the coin the network fee is charged in
 */
function refundBody(r, order, token, coin) {
	const { status, recordId, amount, net, fee, toAddress, txid } = r;
	return {
		pay_status: status,
		order_type: 'Refund',
		record_id: recordId,
		amount,
		net_receivable: net,
		network_fee: fee,
		network_crypto: coin.symbol,
		network_coin_id: coin.coin_id,
		chain: token.chain,
		contract: token.contract,
		crypto: token.crypto,
		to_address: toAddress,
		memo: '',
		txid,
		merchant_order_id: order.merchant_order_id || '',
	};
}

module.exports = { depositBody, withdrawalBody, refundBody };
