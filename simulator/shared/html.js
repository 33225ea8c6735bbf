// @ts-check
'use strict';

/**
 * Two small HTML pages for humans: the console at GET /__sim/ (orders, addresses, withdrawals,
 * invoices, deliveries, with buttons that call the control routes) and the hosted checkout page
 * behind payment_url (GET /pay?key=<order_id>).
 */

const dec = require('./decimal');

function esc(value) {
	return String(value === undefined || value === null ? '' : value)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0 20px}
td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f3f3f3}code{font-size:12px}
button{margin:1px 2px;cursor:pointer}.muted{color:#777}h2{margin-top:28px}input{width:9em}`;

function button(label, path, body) {
	return `<button data-path="${esc(path)}" data-body="${esc(JSON.stringify(body))}">${esc(label)}</button>`;
}

const SCRIPT = `document.addEventListener('click', async (e) => {
  const b = e.target.closest('button[data-path]'); if (!b) return;
  const body = JSON.parse(b.dataset.body || '{}');
  const row = b.closest('tr'); const amt = row && row.querySelector('input[name=amount]');
  if (amt && amt.value) body.amount = amt.value;
  const r = await fetch(b.dataset.path, {method:'POST', headers:{'Content-Type':'application/json'}, body: JSON.stringify(body)});
  const j = await r.json().catch(() => ({}));
  if (!r.ok) alert(j.error || r.status); location.reload();
});`;

/** @param {any} sim */
function consolePage(sim) {
	const parts = [];
	parts.push(
		`<!doctype html><html><head><meta charset="utf-8"><title>CCPayment simulator</title><style>${STYLE}</style></head><body>`,
	);
	parts.push(
		`<h1>CCPayment simulator (v1 and v2)</h1><p class="muted">APIs: <code>${esc(sim.url)}/ccpayment/v1/*</code> and <code>${esc(sim.url)}/ccpayment/v2/*</code>. Control: <code>${esc(sim.url)}/__sim/*</code> (see simulator/README.md). ${button('Reset everything', '/__sim/reset', { keep_config: true })}</p>`,
	);
	const ledger = sim.ledger();
	for (const m of ledger.merchants) {
		const appId = m.app_id;
		const mc = sim.store.merchantConfig(appId) || {};
		parts.push(
			`<h2>${esc(m.name)} <code>${esc(appId)}</code> <span class="muted">${esc(mc.protocol || 'v1')}</span></h2>`,
		);
		const own = sim.protocols.find((p) => p.name === (mc.protocol || 'v1'));
		if (own && own.pages) {
			parts.push(own.pages.merchantSection(sim, appId, { esc, button }));
			continue;
		}
		parts.push(
			`<p>Dashboard webhook URL: <code>${esc(m.webhook_url || '(none)')}</code> &middot; notification timing: <code>${esc(sim.store.notificationTiming(appId))}</code></p>`,
		);
		parts.push('<h3>Orders (API Deposit)</h3>');
		if (!m.orders.length)
			parts.push('<p class="muted">No orders yet (bill/create or concise/url/get).</p>');
		else {
			parts.push(
				'<table><tr><th>merchant_order_id</th><th>source</th><th>status</th><th>due / paid</th><th>token</th><th>amount</th><th>actions</th></tr>',
			);
			for (const o of m.orders) {
				const ids = { app_id: appId, merchant_order_id: o.merchant_order_id };
				parts.push(
					`<tr><td><code>${esc(o.merchant_order_id)}</code><br><span class="muted">${esc(o.order_id)}</span></td><td>${esc(o.source)}${o.payment_url ? ` <a href="${esc(o.payment_url)}">checkout</a>` : ''}</td><td>${esc(o.status)}</td><td>${esc(o.order_amount || `${o.product_price} ${o.denominated_currency}`)} / ${esc(o.paid_amount)}</td><td>${esc(o.crypto)} ${esc(o.chain)}</td><td><input name="amount" placeholder="optional"></td><td>` +
						button('Pay full', '/__sim/orders/pay', { ...ids, mode: 'full' }) +
						button('Pay partial', '/__sim/orders/pay', { ...ids, mode: 'partial' }) +
						button('Overpay', '/__sim/orders/pay', { ...ids, mode: 'over' }) +
						button('Refund', '/__sim/orders/refund', ids) +
						button('Expire', '/__sim/orders/expire', ids) +
						'</td></tr>',
				);
			}
			parts.push('</table>');
		}
		parts.push('<h3>Permanent addresses (Direct Deposit)</h3>');
		if (!m.addresses.length)
			parts.push('<p class="muted">No addresses yet (payment/address/get).</p>');
		else {
			parts.push(
				'<table><tr><th>user_id</th><th>chain</th><th>address / memo</th><th>deposits</th><th>amount</th><th>actions</th></tr>',
			);
			for (const a of m.addresses) {
				parts.push(
					`<tr><td>${esc(a.user_id)}</td><td>${esc(a.chain)}</td><td><code>${esc(a.address)}</code> ${esc(a.memo)}</td><td>${a.deposits.length}</td><td><input name="amount" value="100"></td><td>` +
						button('Deposit', '/__sim/addresses/deposit', {
							app_id: appId,
							user_id: a.user_id,
							chain: a.chain,
						}) +
						'</td></tr>',
				);
			}
			parts.push('</table>');
		}
		parts.push('<h3>Withdrawals (API Withdrawal)</h3>');
		if (!m.withdrawals.length) parts.push('<p class="muted">No withdrawals yet (withdraw).</p>');
		else {
			parts.push(
				'<table><tr><th>merchant_order_id</th><th>status</th><th>value / fee / debit</th><th>to</th><th>actions</th></tr>',
			);
			for (const w of m.withdrawals) {
				const ids = { app_id: appId, merchant_order_id: w.merchant_order_id };
				const open = w.status === 'Pending' || w.status === 'Processing';
				parts.push(
					`<tr><td><code>${esc(w.merchant_order_id)}</code></td><td>${esc(w.status)}</td><td>${esc(w.value)} / ${esc(w.network_fee)} / ${esc(w.debit)} ${esc(w.crypto)}</td><td><code>${esc(w.address)}</code></td><td>` +
						(open
							? button('Complete', '/__sim/withdrawals/complete', { ...ids, status: 'success' }) +
								button('Fail', '/__sim/withdrawals/complete', { ...ids, status: 'failed' })
							: '') +
						'</td></tr>',
				);
			}
			parts.push('</table>');
		}
		parts.push(
			`<h3>Invoices</h3><p>${button('Create and pay a 10 USD invoice', '/__sim/invoices/pay', { app_id: appId, product_price: '10' })}</p>`,
		);
		if (m.invoices.length) {
			parts.push(
				'<table><tr><th>invoice_id</th><th>status</th><th>due / paid</th><th>actions</th></tr>',
			);
			for (const i of m.invoices) {
				const paid = m.invoices.length ? i.paid_amount : '0';
				parts.push(
					`<tr><td><code>${esc(i.order_id)}</code></td><td>${esc(i.status)}</td><td>${esc(i.order_amount)} / ${esc(paid)} ${esc(i.crypto)}</td><td>` +
						button('Refund', '/__sim/orders/refund', { app_id: appId, order_id: i.order_id }) +
						'</td></tr>',
				);
			}
			parts.push('</table>');
		}
		parts.push('<h3>Balances</h3><table><tr><th>coin</th><th>value</th></tr>');
		for (const b of m.balances)
			parts.push(`<tr><td>${esc(b.crypto)}</td><td>${esc(b.value)}</td></tr>`);
		parts.push('</table>');
	}
	for (const p of sim.protocols)
		if (p.pages) parts.push(p.pages.summarySection(sim, { esc, button }));
	parts.push(
		'<h2>Webhook deliveries (latest 50)</h2><table><tr><th>id</th><th>type</th><th>pay_status</th><th>url</th><th>state</th><th>attempts</th></tr>',
	);
	for (const d of sim.webhooks.deliveries.slice(-50).reverse()) {
		const last = d.attempts[d.attempts.length - 1];
		parts.push(
			`<tr><td>${esc(d.id)}</td><td>${esc(d.type)}</td><td>${esc(d.pay_status)}</td><td><code>${esc(d.url || '(no URL)')}</code></td><td>${esc(d.state)}</td><td>${d.attempts.length}${last ? ` (last: ${esc(last.status ?? last.error)})` : ''}</td></tr>`,
		);
	}
	parts.push(`</table><script>${SCRIPT}</script></body></html>`);
	return parts.join('\n');
}

function findOrderAnywhere(sim, orderId) {
	for (const m of sim.config.merchants) {
		const order = sim.store.merchant(m.appId).byOrderId.get(orderId);
		if (order && order.kind === 'deposit' && order.source === 'checkout')
			return { order, appId: m.appId };
	}
	return undefined;
}

/**
 * GET /pay?key=<order_id>: the hosted checkout page; POST /pay pays (form fields key, token_id, amount, mode).
 * @param {any} sim
 * @param {import('http').IncomingMessage} req
 * @param {import('http').ServerResponse} res
 * @param {URL} url
 * @param {Buffer} raw
 */
function checkout(sim, req, res, url, raw) {
	const form = req.method === 'POST' ? new URLSearchParams(raw.toString('utf8')) : url.searchParams;
	for (const p of sim.protocols) {
		if (p.pages && p.pages.checkout && url.searchParams.get('v2') !== null) {
			const merged = new URLSearchParams(url.searchParams);
			for (const [k, v] of form) merged.set(k, v);
			if (p.pages.checkout(sim, req, res, merged, { esc, button }, STYLE)) return undefined;
		}
	}
	const key = form.get('key') || url.searchParams.get('key') || '';
	const found = findOrderAnywhere(sim, key);
	const head = `<!doctype html><html><head><meta charset="utf-8"><title>Checkout</title><style>${STYLE}</style></head><body>`;
	if (!found)
		return sim.sendHtml(
			res,
			404,
			`${head}<h1>Order not found</h1><p>No hosted-checkout order ${esc(key)}.</p></body></html>`,
		);
	const { order, appId } = found;
	if (req.method === 'POST') {
		let message;
		try {
			const result = sim.actions.payOrder({
				app_id: appId,
				order_id: order.order_id,
				token_id: form.get('token_id') || undefined,
				amount: form.get('amount') || undefined,
				mode: form.get('mode') || 'full',
			});
			message = `<p>Paid ${esc(result.amount)} (record <code>${esc(result.record_id)}</code>, stage ${esc(result.stage)}). Order status: ${esc(result.order_status)}.</p>`;
		} catch (error) {
			message = `<p><b>Payment refused:</b> ${esc(error.message)}</p>`;
		}
		const back = order.return_url
			? `<p><a href="${esc(order.return_url)}">Return to the merchant</a></p>`
			: '';
		return sim.sendHtml(
			res,
			200,
			`${head}<h1>${esc(order.product_name)}</h1>${message}${back}<p><a href="/pay?key=${esc(order.order_id)}">Back to checkout</a></p></body></html>`,
		);
	}
	const status = sim.store.depositStatus(order);
	const tokens = [];
	if (order.token_id) tokens.push(sim.store.token(order.token_id));
	else
		for (const { tokens: list } of sim.store.enabledCoins(appId))
			tokens.push(...list.filter((t) => t.status === 1));
	const options = tokens
		.map((t) => {
			const price = sim.store.price(t.coin_id);
			const due = dec.div(
				order.product_price,
				dec.mul(order.fiat_rate, price),
				sim.store.coinOf(t).precision,
			);
			return `<option value="${esc(t.token_id)}">${esc(t.crypto)} on ${esc(t.chain)} (${esc(t.network)}) - about ${esc(due)} ${esc(t.crypto)}</option>`;
		})
		.join('');
	const html = `${head}<h1>${esc(order.product_name)}</h1>
<p>Price: <b>${esc(order.product_price)} ${esc(order.denominated_currency)}</b> &middot; status: ${esc(status)} &middot; paid: ${esc(sim.store.paidAmount(order))}${order.order_amount ? ` of ${esc(order.order_amount)}` : ''}</p>
<form method="post" action="/pay"><input type="hidden" name="key" value="${esc(order.order_id)}">
<p><label>Token <select name="token_id">${options}</select></label></p>
<p><label>Amount <input name="amount" placeholder="full amount"></label>
<label><select name="mode"><option value="full">full</option><option value="partial">partial</option><option value="over">over</option></select></label></p>
<p><button type="submit">Pay</button></p></form>
<p class="muted">Simulated CCPayment hosted checkout. Paying sends an API Deposit webhook to the order's notify_url or the merchant's webhook URL.</p></body></html>`;
	return sim.sendHtml(res, 200, html);
}

module.exports = { consolePage, checkout, esc };
