// @ts-check
'use strict';

/**
 * The control page's v2 parts (a v2 merchant's switches, orders, invoices, addresses, deposits,
 * withdrawals, batches and balances, with buttons that call /__sim/v2/ routes), the table of v2
 * methods, and the hosted page behind checkoutUrl / invoiceUrl (GET /pay?v2=<key>).
 */

const { describe } = require('./routes');
const { COINS } = require('../shared/catalogue');
const { coinIdOf } = require('./catalogue');

/** @typedef {import('../server').PageHelpers} H */

/** @param {H} h @param {string[]} head @param {string[]} rows @param {string} empty */
function table(h, head, rows, empty) {
	if (!rows.length) return `<p class="muted">${h.esc(empty)}</p>`;
	return `<table><tr>${head.map((x) => `<th>${h.esc(x)}</th>`).join('')}</tr>${rows.join('')}</table>`;
}

const AMOUNT = '<input name="amount" placeholder="optional">';

/** @param {any} sim @param {string} appId @param {H} h */
function merchantSection(sim, appId, h) {
	const { esc, button } = h;
	const m = sim.store.merchantConfig(appId) || {};
	const r = sim.v2Actions.records({ app_id: appId });
	const id = { app_id: appId };
	const parts = [];
	parts.push(
		`<p>API: <code>${esc(sim.url)}/ccpayment/v2/&lt;method&gt;</code> &middot; webhook URL: <code>${esc(m.webhookUrl || '(none)')}</code> &middot; IP whitelist: <code>${esc((m.ipWhitelist || []).join(', ') || '(any)')}</code> &middot; website verified: ${m.websiteVerified === false ? 'no' : 'yes'} &middot; withdrawal approval: ${m.withdrawApproval ? 'on' : 'off'} ` +
			button(
				m.websiteVerified === false ? 'Verify website' : 'Unverify website',
				'/__sim/merchant',
				{ ...id, website_verified: m.websiteVerified === false },
			) +
			button(m.withdrawApproval ? 'Approval off' : 'Approval on', '/__sim/merchant', {
				...id,
				withdraw_approval: !m.withdrawApproval,
			}) +
			'</p>',
	);
	parts.push('<h3>Order addresses (ApiDeposit)</h3>');
	parts.push(
		table(
			h,
			['orderId', 'due', 'address', 'expiredAt', 'amount', 'actions'],
			r.orders.map((o) => {
				const ids = { ...id, orderId: o.orderId };
				return (
					`<tr><td><code>${esc(o.orderId)}</code>${o.checkoutUrl ? ` <a href="${esc(o.checkoutUrl)}">checkout</a>` : ''}</td><td>${esc(o.amountToPay)} (coin ${o.coinId})</td><td><code>${esc(o.address)}</code> ${esc(o.memo)}</td><td>${new Date(o.expiredAt * 1000).toISOString()}</td><td>${AMOUNT}</td><td>` +
					button('Pay full', '/__sim/v2/orders/pay', { ...ids, mode: 'full' }) +
					button('Pay partly', '/__sim/v2/orders/pay', { ...ids, mode: 'partial' }) +
					button('Overpay', '/__sim/v2/orders/pay', { ...ids, mode: 'over' }) +
					button('Risky payment', '/__sim/v2/orders/pay', { ...ids, mode: 'full', risky: true }) +
					button('Expire now', '/__sim/v2/orders/expire', ids) +
					'</td></tr>'
				);
			}),
			'No order addresses yet (createAppOrderDepositAddress).',
		),
	);
	parts.push('<h3>Invoices (ApiDeposit)</h3>');
	parts.push(
		table(
			h,
			['orderId', 'price', 'amount', 'actions'],
			r.invoices.map((i) => {
				const ids = { ...id, orderId: i.orderId };
				return (
					`<tr><td><code>${esc(i.orderId)}</code> <a href="${esc(i.invoiceUrl)}">page</a></td><td>${esc(i.price)} ${esc(i.priceSymbol)}</td><td>${AMOUNT}</td><td>` +
					button('Pay in USDT (TRX)', '/__sim/v2/invoices/pay', {
						...ids,
						coinId: 1280,
						chain: 'TRX',
					}) +
					button('Pay in BTC', '/__sim/v2/invoices/pay', { ...ids, coinId: 9001, chain: 'BTC' }) +
					button('Pay partly', '/__sim/v2/invoices/pay', { ...ids, mode: 'partial' }) +
					'</td></tr>'
				);
			}),
			'No invoices yet (createInvoiceUrl, createCheckoutUrl).',
		),
	);
	parts.push('<h3>Permanent addresses (DirectDeposit)</h3>');
	parts.push(
		table(
			h,
			['referenceId', 'chain', 'address / memo', 'amount', 'actions'],
			r.addresses.map(
				(a) =>
					`<tr><td>${esc(a.referenceId)}</td><td>${esc(a.chain)}</td><td><code>${esc(a.address)}</code> ${esc(a.memo)}${a.unbound ? ' (unbound)' : ''}</td><td><input name="amount" value="10"></td><td>` +
					button('Deposit', '/__sim/v2/addresses/deposit', {
						...id,
						address: a.address,
						chain: a.chain,
					}) +
					button('Risky deposit', '/__sim/v2/addresses/deposit', {
						...id,
						address: a.address,
						chain: a.chain,
						risky: true,
					}) +
					'</td></tr>',
			),
			'No permanent addresses yet (getOrCreateAppDepositAddress).',
		),
	);
	parts.push('<h3>Deposit records</h3>');
	parts.push(
		table(
			h,
			['recordId', 'order / reference', 'amount', 'status', 'actions'],
			r.deposits
				.slice(-50)
				.reverse()
				.map((d) => {
					const ids = { ...id, recordId: d.recordId };
					const open = d.status === 'Processing';
					return (
						`<tr><td><code>${esc(d.recordId)}</code></td><td>${esc(d.orderId || d.referenceId || '')}</td><td>${esc(d.amount)} ${esc(d.coinSymbol)}${d.isFlaggedAsRisky ? ' (risky)' : ''}</td><td>${esc(d.status)}</td><td>` +
						(open
							? button('Success', '/__sim/v2/records/advance', { ...ids, status: 'Success' }) +
								button('Failed', '/__sim/v2/records/advance', { ...ids, status: 'Failed' })
							: '') +
						(d.isFlaggedAsRisky && d.status === 'Success'
							? button('Refund risky', '/__sim/v2/risky/refund', ids)
							: '') +
						'</td></tr>'
					);
				}),
			'No deposits yet.',
		),
	);
	parts.push('<h3>Withdrawals (ApiWithdrawal)</h3>');
	parts.push(
		table(
			h,
			['orderId', 'type', 'amount / fee', 'to', 'status', 'actions'],
			r.withdrawals.map((w) => {
				const ids = { ...id, recordId: w.recordId };
				const acts =
					w.status === 'Processing'
						? button('Success', '/__sim/v2/withdrawals/complete', { ...ids, status: 'Success' }) +
							button('Failed', '/__sim/v2/withdrawals/complete', { ...ids, status: 'Failed' })
						: w.status === 'WaitingApproval'
							? button('Approve', '/__sim/v2/withdrawals/complete', {
									...ids,
									status: 'Processing',
								}) +
								button('Reject', '/__sim/v2/withdrawals/complete', { ...ids, status: 'Rejected' })
							: '';
				return `<tr><td><code>${esc(w.orderId)}</code></td><td>${esc(w.withdrawType)}</td><td>${esc(w.amount)} / ${esc(w.fee ? w.fee.amount : '0')} ${esc(w.coinSymbol)}</td><td><code>${esc(w.toAddress || w.cwalletUser)}</code></td><td>${esc(w.status)}</td><td>${acts}</td></tr>`;
			}),
			'No withdrawals yet.',
		),
	);
	parts.push('<h3>Batch withdrawals</h3>');
	parts.push(
		table(
			h,
			['batchOrderId', 'items', 'status', 'actions'],
			r.batches.map((b) => {
				const ids = { ...id, batchOrderId: b.batchOrderId };
				const acts =
					b.status === 'Processing'
						? button('Complete', '/__sim/v2/batches/complete', ids)
						: b.status === 'Reviewing'
							? button('Approve', '/__sim/v2/batches/complete', { ...ids, action: 'approve' }) +
								button('Reject', '/__sim/v2/batches/complete', { ...ids, action: 'reject' })
							: '';
				return `<tr><td><code>${esc(b.batchOrderId)}</code></td><td>${b.totalCount} (${esc(b.totalAmount)} ${esc(b.coinSymbol)})</td><td>${esc(b.status)}</td><td>${acts}</td></tr>`;
			}),
			'No batches yet.',
		),
	);
	parts.push('<h3>Balances</h3><table><tr><th>coinId</th><th>coin</th><th>available</th></tr>');
	for (const coin of COINS)
		parts.push(
			`<tr><td>${coinIdOf(coin)}</td><td>${esc(coin.symbol)}</td><td>${esc(sim.store.balance(appId, coin.coin_id))}</td></tr>`,
		);
	parts.push('</table>');
	return parts.join('\n');
}

/** @param {any} sim @param {H} h */
function summarySection(sim, h) {
	const { esc } = h;
	const rows = describe().map(
		(r) =>
			`<tr><td><code>${esc(r.path)}</code></td><td>${esc(r.group)}</td><td>${esc(r.source)}${r.alias_of ? ` (alias of ${esc(r.alias_of)})` : ''}</td><td>${r.implemented ? 'yes' : '<span class="muted">not yet</span>'}</td></tr>`,
	);
	return `<h2>v2 methods</h2><table><tr><th>path</th><th>group</th><th>source</th><th>served</th></tr>${rows.join('')}</table>`;
}

/**
 * GET /pay?v2=<key>: the order's or invoice's hosted page; POST pays (fields key, coin, amount,
 * mode). Returns false when the key is not a v2 one.
 * @param {any} sim @param {import('http').IncomingMessage} req @param {import('http').ServerResponse} res
 * @param {URLSearchParams} form @param {H} h @param {string} style
 */
function checkout(sim, req, res, form, h, style) {
	const key = form.get('v2') || '';
	const found = sim.store.v2PageKeys && sim.store.v2PageKeys.get(key);
	if (!found) return false;
	const { esc } = h;
	const head = `<!doctype html><html><head><meta charset="utf-8"><title>Checkout</title><style>${style}</style></head><body>`;
	const params = { app_id: found.appId, orderId: found.orderId };
	let message = '';
	if (req.method === 'POST') {
		const [coinId, chain] = String(form.get('coin') || '1280:TRX').split(':');
		try {
			const body = {
				...params,
				amount: form.get('amount') || undefined,
				mode: form.get('mode') || 'full',
			};
			const result =
				found.kind === 'order'
					? sim.v2Actions.payOrder(body)
					: sim.v2Actions.payInvoice({ ...body, coinId, chain });
			message = `<p>Paid ${esc(result.record.amount)} ${esc(result.record.coinSymbol)} (record <code>${esc(result.record.recordId)}</code>, ${esc(result.record.status)}).</p>`;
		} catch (error) {
			message = `<p><b>Payment refused:</b> ${esc(/** @type {Error} */ (error).message)}</p>`;
		}
	}
	const records = sim.v2Actions.records({ app_id: found.appId });
	const item = (found.kind === 'order' ? records.orders : records.invoices).find(
		(o) => o.orderId === found.orderId,
	);
	const coins =
		found.kind === 'order'
			? ''
			: `<p><label>Pay with <select name="coin">${sim.store
					.enabledCoins(found.appId)
					.flatMap((e) =>
						e.tokens
							.filter((t) => t.status === 1)
							.map(
								(t) =>
									`<option value="${coinIdOf(e.coin)}:${esc(t.chain)}">${esc(e.coin.symbol)} on ${esc(t.chain)}</option>`,
							),
					)
					.join('')}</select></label></p>`;
	const due =
		found.kind === 'order'
			? `${esc(item.amountToPay)} (coin ${item.coinId}) to <code>${esc(item.address)}</code>`
			: `${esc(item.price)} ${esc(item.priceSymbol)}`;
	const html = `${head}<h1>Order ${esc(found.orderId)}</h1><p>Due: ${due}</p>${message}
<form method="post" action="/pay?v2=${esc(key)}">${coins}<p><label>Amount <input name="amount" placeholder="full amount"></label>
<label><select name="mode"><option value="full">full</option><option value="partial">partial</option><option value="over">over</option></select></label></p>
<p><button type="submit">Pay</button></p></form><p class="muted">Simulated CCPayment hosted page (v2). Paying sends an ApiDeposit webhook.</p></body></html>`;
	sim.sendHtml(res, 200, html);
	return true;
}

module.exports = { merchantSection, summarySection, checkout };
