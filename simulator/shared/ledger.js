// @ts-check
'use strict';

/**
 * Read-only views of the state for the control routes, the console and tests: every order,
 * withdrawal, invoice and address per merchant, the balance journal, and the per-order debit counts
 * that prove a withdrawal was debited at most once.
 */

function orderView(store, order) {
	const token = order.token_id ? store.token(order.token_id) : undefined;
	return {
		kind: 'deposit',
		source: order.source,
		order_id: order.order_id,
		merchant_order_id: order.merchant_order_id,
		status: store.depositStatus(order),
		product_name: order.product_name,
		product_price: order.product_price,
		denominated_currency: order.denominated_currency,
		token_id: order.token_id || '',
		crypto: token ? token.crypto : '',
		chain: token ? token.chain : '',
		order_amount: order.order_amount || '',
		paid_amount: store.paidAmount(order),
		refunded_amount: store.refundedAmount(order),
		pay_address: order.pay_address || '',
		memo: order.memo || '',
		payment_url: order.payment_url || '',
		notify_url: order.notify_url || '',
		created: order.created,
		expires_at: order.expires_at,
		payments: order.payments.map((p) => paymentView(store, p)),
		refunds: order.refunds.map((r) => ({ ...r })),
	};
}

function paymentView(store, p) {
	const token = store.token(p.token_id);
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

function withdrawalView(w) {
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
function ledger(store, appIdFilter) {
	const merchants = [];
	const debits = {};
	const duplicateDebits = [];
	for (const m of store.config.merchants) {
		if (appIdFilter && m.appId !== appIdFilter) continue;
		const state = store.merchant(m.appId);
		const orders = [];
		const withdrawals = [];
		for (const o of state.orders.values()) {
			if (o.kind === 'withdrawal') withdrawals.push(withdrawalView(o));
			else orders.push(orderView(store, o));
		}
		const invoices = [...state.invoices.values()].map((o) => orderView(store, o));
		const addresses = [...state.addresses.values()].map((a) => ({
			user_id: a.user_id,
			chain: a.chain,
			address: a.address,
			memo: a.memo,
			notify_url: a.notify_url || '',
			created: a.created,
			deposits: a.deposits.map((p) => paymentView(store, p)),
		}));
		merchants.push({
			app_id: m.appId,
			name: m.name || '',
			webhook_url: m.webhookUrl || '',
			balances: [...state.balances.entries()].map(([coinId, value]) => ({
				coin_id: coinId,
				crypto: (store.coin(coinId) || { symbol: '' }).symbol,
				value,
			})),
			orders,
			withdrawals,
			invoices,
			addresses,
			address_count: state.addresses.size,
		});
		const perOrder = {};
		for (const entry of store.journal) {
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
		journal: store.journal
			.filter((e) => !appIdFilter || e.app_id === appIdFilter)
			.map((e) => ({ ...e })),
		withdrawal_debits: debits,
		duplicate_debits: duplicateDebits,
	};
}

module.exports = { ledger, orderView, paymentView, withdrawalView };
