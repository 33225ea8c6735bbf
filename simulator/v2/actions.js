// @ts-check
'use strict';

/**
 * What happens outside the API in v2, driven by the control page and /__sim/v2/* routes: buyers
 * paying order addresses (fully, partly, over, after expiry, in another coin) and invoices (in any
 * coin), deposits to permanent addresses, records moving on, withdrawals and batches finishing
 * or being approved, risky deposits refunded. Parameters take camelCase or snake_case.
 */

const dec = require('../shared/decimal');
const { ActionError } = require('../shared/action-base');
const cat = require('./catalogue');
const { v2State } = require('./state');
const { newDeposit, advanceDeposit, newAddress, depositView } = require('./deposits');
const { invoiceRate, paidRate } = require('./orders');
const { finishWithdrawal, withdrawView } = require('./withdrawals');
const { finishBatch, startBatch, batchView, refund } = require('./batch');

/** First of the given keys that is set. */
const pick = (p, ...keys) => {
	for (const k of keys) if (p[k] !== undefined && p[k] !== null && p[k] !== '') return p[k];
	return undefined;
};

function appIdOf(sim, p) {
	const appId = pick(p, 'app_id', 'appId') || (sim.v2Merchant && sim.v2Merchant.appId);
	const m = sim.store.merchantConfig(appId);
	if (!m || m.protocol !== 'v2') throw new ActionError(404, `no v2 merchant ${appId}`);
	return appId;
}

/** Processing, Success (default) or Failed; any case. */
function target(p) {
	const raw = String(pick(p, 'until', 'status') || 'Success').toLowerCase();
	const map = { processing: 'Processing', success: 'Success', failed: 'Failed' };
	if (!map[raw]) throw new ActionError(400, 'until must be Processing, Success or Failed');
	return /** @type {'Processing'|'Success'|'Failed'} */ (map[raw]);
}

function amountParam(value, coin) {
	const text = String(value);
	if (!dec.isDecimalString(text) || !dec.isPositive(text))
		throw new ActionError(400, 'amount must be a positive decimal string');
	if (dec.decimalPlaces(text) > coin.precision)
		throw new ActionError(
			400,
			`amount allows at most ${coin.precision} decimals for ${coin.symbol}`,
		);
	return dec.normalize(text);
}

/** full = what is left, partial = half of it, over = what is left + 10 % of the whole. */
function modeAmount(mode, due, whole, precision) {
	const unit = dec.div('1', `1${'0'.repeat(precision)}`, precision);
	switch (mode || 'full') {
		case 'full':
			if (!dec.isPositive(due))
				throw new ActionError(409, 'nothing left to pay; pass an amount to pay more');
			return due;
		case 'partial': {
			if (!dec.isPositive(due)) throw new ActionError(409, 'nothing left to pay');
			const half = dec.round(dec.div(due, '2', precision + 2), precision, 'down');
			return dec.isPositive(half) ? half : unit;
		}
		case 'over': {
			const extra = dec.round(dec.mul(whole, '0.1'), precision, 'up');
			return dec.add(dec.max(due, '0'), dec.isPositive(extra) ? extra : unit);
		}
		default:
			throw new ActionError(400, 'mode must be full, partial or over');
	}
}

/** Tokens of a coin the merchant has enabled, on a chain if given. */
function tokenFor(sim, appId, coinId, chain) {
	const coin = cat.coinById(Number(coinId));
	if (!coin) throw new ActionError(400, `unknown coinId ${coinId}`);
	const tokens = coin.tokens.filter(
		(t) =>
			sim.store.isTokenEnabled(appId, t.token_id) &&
			(!chain || t.chain === String(chain).toUpperCase()),
	);
	if (!tokens.length)
		throw new ActionError(
			400,
			`coinId ${coinId} has no enabled network${chain ? ` on ${chain}` : ''}`,
		);
	return { coin, token: tokens[0] };
}

const risky = (sim, p) =>
	p.risky === true || p.risky === 'true' || !!sim.config.v2.flagDepositsAsRisky;

function run(sim, appId, record, p) {
	const goal = target(p);
	const options = { url: pick(p, 'url'), tamper: pick(p, 'tamper') };
	const sent = advanceDeposit(sim, appId, record, 'Processing', options);
	if (goal !== 'Processing') sent.push(...advanceDeposit(sim, appId, record, goal, options));
	return { record: depositView(record), notifications: sent };
}

class V2Actions {
	/** @param {any} sim */
	constructor(sim) {
		this.sim = sim;
	}

	/** A buyer pays an order address: mode full|partial|over or amount; coinId pays in another coin. */
	payOrder(p = {}) {
		const sim = this.sim;
		const appId = appIdOf(sim, p);
		const order = v2State(sim.store, appId).orders.get(String(pick(p, 'orderId', 'order_id')));
		if (!order) throw new ActionError(404, 'no such order address (orderId)');
		const otherCoin = pick(p, 'coinId', 'coin_id');
		const { coin, token } =
			otherCoin && Number(otherCoin) !== cat.coinIdOf(order.coin)
				? tokenFor(sim, appId, otherCoin, order.token.chain)
				: { coin: order.coin, token: order.token };
		const paid = dec.sum(
			order.recordIds
				.map((id) => v2State(sim.store, appId).deposits.get(id))
				.filter((r) => r.coinId === cat.coinIdOf(order.coin) && r.status !== 'Failed')
				.map((r) => r.amount),
		);
		const given = pick(p, 'amount');
		const amount =
			given !== undefined
				? amountParam(given, coin)
				: modeAmount(
						pick(p, 'mode'),
						dec.sub(order.amountToPay, paid),
						order.amountToPay,
						coin.precision,
					);
		const record = newDeposit(sim, appId, {
			kind: 'order',
			coin,
			token,
			amount,
			toAddress: order.address,
			toMemo: order.memo,
			orderId: order.orderId,
			notifyUrl: order.notifyUrl,
			risky: risky(sim, p),
		});
		record.rate = paidRate({ store: sim.store, config: sim.config }, order, record);
		order.recordIds.push(record.recordId);
		return run(sim, appId, record, p);
	}

	/** A buyer pays an invoice in any enabled coin and chain (default USDT on TRX). */
	payInvoice(p = {}) {
		const sim = this.sim;
		const appId = appIdOf(sim, p);
		const state = v2State(sim.store, appId);
		const invoice = state.invoices.get(String(pick(p, 'orderId', 'order_id')));
		if (!invoice) throw new ActionError(404, 'no such invoice (orderId)');
		const { coin, token } = tokenFor(
			sim,
			appId,
			pick(p, 'coinId', 'coin_id') || 1280,
			pick(p, 'chain') || (pick(p, 'coinId', 'coin_id') ? '' : 'TRX'),
		);
		const ctx = { store: sim.store, config: sim.config };
		const rate = invoiceRate(ctx, invoice, coin.coin_id);
		const paidValue = dec.sum(
			invoice.recordIds
				.map((id) => state.deposits.get(id))
				.filter((r) => r.status !== 'Failed')
				.map((r) => dec.mul(r.amount, r.rate)),
		);
		const given = pick(p, 'amount');
		const toCoin = (v) => dec.div(v, rate, coin.precision, 'up');
		const amount =
			given !== undefined
				? amountParam(given, coin)
				: modeAmount(
						pick(p, 'mode'),
						toCoin(dec.max(dec.sub(invoice.price, paidValue), '0')),
						toCoin(invoice.price),
						coin.precision,
					);
		let address = invoice.addresses.get(token.chain);
		if (!address) {
			address = newAddress(sim, appId, cat.chainInfo(token.chain), `invoice:${invoice.orderId}`);
			invoice.addresses.set(token.chain, address);
		}
		const record = newDeposit(sim, appId, {
			kind: 'invoice',
			coin,
			token,
			amount,
			toAddress: address.address,
			toMemo: address.memo,
			orderId: invoice.orderId,
			notifyUrl: invoice.notifyUrl,
			risky: risky(sim, p),
			rate,
		});
		invoice.recordIds.push(record.recordId);
		return run(sim, appId, record, p);
	}

	/** A deposit to a permanent address (by referenceId + chain, or by address, unbound ones too). */
	depositToAddress(p = {}) {
		const sim = this.sim;
		const appId = appIdOf(sim, p);
		const state = v2State(sim.store, appId);
		const ref = pick(p, 'referenceId', 'reference_id');
		const chainName = String(pick(p, 'chain') || '').toUpperCase();
		const address = String(pick(p, 'address') || '').toLowerCase();
		const entry = state.addressList.find(
			(a) =>
				(address ? a.address.toLowerCase() === address : a.referenceId === ref && !a.unbound) &&
				(!chainName || a.chain === chainName),
		);
		if (!entry)
			throw new ActionError(404, 'no such permanent address (referenceId + chain, or address)');
		const coinId = pick(p, 'coinId', 'coin_id');
		const { coin, token } = coinId
			? tokenFor(sim, appId, coinId, chainName || entry.chain)
			: tokenFor(
					sim,
					appId,
					this.firstCoinOn(appId, chainName || entry.chain),
					chainName || entry.chain,
				);
		const record = newDeposit(sim, appId, {
			kind: 'address',
			coin,
			token,
			amount: amountParam(pick(p, 'amount') || '10', coin),
			toAddress: entry.address,
			toMemo: entry.memo,
			referenceId: entry.referenceId,
			notifyUrl: entry.notifyUrl,
			risky: risky(sim, p),
		});
		return run(sim, appId, record, p);
	}

	firstCoinOn(appId, chain) {
		const entries = this.sim.store
			.enabledCoins(appId)
			.filter((e) => e.tokens.some((t) => t.chain === chain));
		const usdt = entries.find((e) => cat.coinIdOf(e.coin) === 1280);
		const chosen = usdt || entries[0];
		if (!chosen) throw new ActionError(400, `no enabled coin on ${chain}`);
		return cat.coinIdOf(chosen.coin);
	}

	/** A Processing deposit record becomes Success (default) or Failed. */
	advanceRecord(p = {}) {
		const sim = this.sim;
		const appId = appIdOf(sim, p);
		const record = v2State(sim.store, appId).deposits.get(String(pick(p, 'recordId', 'record_id')));
		if (!record) throw new ActionError(404, 'no such deposit record (recordId)');
		if (record.status !== 'Processing')
			throw new ActionError(409, `record is already ${record.status}`);
		const goal = target(p);
		if (goal === 'Processing') throw new ActionError(400, 'status must be Success or Failed');
		const sent = advanceDeposit(sim, appId, record, goal, {
			url: pick(p, 'url'),
			tamper: pick(p, 'tamper'),
		});
		return { record: depositView(record), notifications: sent };
	}

	/** An order address or invoice expires now (later payments count as overdue). */
	expireOrder(p = {}) {
		const sim = this.sim;
		const appId = appIdOf(sim, p);
		const state = v2State(sim.store, appId);
		const id = String(pick(p, 'orderId', 'order_id'));
		const found = state.orders.get(id) || state.invoices.get(id);
		if (!found) throw new ActionError(404, 'no such order or invoice (orderId)');
		found.expiredAt = sim.store.nowSec() - 1;
		return { orderId: id, expiredAt: found.expiredAt };
	}

	/** A withdrawal moves on: Success | Failed (from Processing), Processing (approve) | Rejected. */
	completeWithdrawal(p = {}) {
		const sim = this.sim;
		const appId = appIdOf(sim, p);
		const state = v2State(sim.store, appId);
		const recordId = pick(p, 'recordId', 'record_id');
		const record = recordId
			? state.withdrawals.get(String(recordId))
			: state.withdrawalsByOrderId.get(String(pick(p, 'orderId', 'order_id')));
		if (!record) throw new ActionError(404, 'no such withdrawal (recordId or orderId)');
		const raw = String(pick(p, 'status') || 'Success').toLowerCase();
		const map = {
			success: 'Success',
			failed: 'Failed',
			processing: 'Processing',
			approved: 'Processing',
			rejected: 'Rejected',
		};
		if (!map[raw])
			throw new ActionError(
				400,
				'status must be Success, Failed, Processing (approve) or Rejected',
			);
		let sent;
		try {
			sent = finishWithdrawal(sim, appId, record, map[raw], {
				reason: pick(p, 'reason'),
				url: pick(p, 'url'),
				tamper: pick(p, 'tamper'),
			});
		} catch (error) {
			throw new ActionError(409, /** @type {Error} */ (error).message);
		}
		return { record: withdrawView(record), notifications: sent };
	}

	/** A batch: approve | reject (Reviewing), or complete (Processing) with failSeqs failing. */
	completeBatch(p = {}) {
		const sim = this.sim;
		const appId = appIdOf(sim, p);
		const batch = v2State(sim.store, appId).batches.get(
			String(pick(p, 'batchOrderId', 'batch_order_id')),
		);
		if (!batch) throw new ActionError(404, 'no such batch (batchOrderId)');
		const action = String(pick(p, 'action') || 'complete');
		if (action === 'approve' || action === 'reject') {
			if (batch.status !== 'Reviewing')
				throw new ActionError(409, `batch is ${batch.status}, not Reviewing`);
			if (action === 'approve') startBatch(sim, appId, batch);
			else {
				batch.status = 'Rejected';
				for (const item of batch.items.filter((i) => i.status === 'Pending')) {
					item.status = 'Failed';
					item.reason = 'rejected by the merchant';
					refund(sim, appId, batch, item, 'v2 batch rejected');
				}
			}
			return batchView(batch, 1);
		}
		const failSeqs = (pick(p, 'failSeqs', 'fail_seqs') || []).map(Number);
		try {
			return finishBatch(sim, appId, batch, failSeqs);
		} catch (error) {
			throw new ActionError(409, /** @type {Error} */ (error).message);
		}
	}

	/** Refund a risky (never credited) deposit to its sender: a risky-refund record. */
	refundRisky(p = {}) {
		const sim = this.sim;
		const appId = appIdOf(sim, p);
		const state = v2State(sim.store, appId);
		const deposit = state.deposits.get(String(pick(p, 'recordId', 'record_id')));
		if (!deposit) throw new ActionError(404, 'no such deposit record (recordId)');
		if (!deposit.isFlaggedAsRisky || deposit.status !== 'Success')
			throw new ActionError(409, 'only a risky deposit in Success can be refunded');
		if (state.riskyRefunds.some((r) => r.fromDeposit.includes(deposit.recordId)))
			throw new ActionError(409, 'already refunded');
		const coin = cat.coinById(deposit.coinId);
		const token = coin && cat.networkOf(coin, deposit.chain);
		const fee = token ? sim.store.networkFee(token) : '0';
		const amount = dec.sub(deposit.amount, fee);
		if (!dec.isPositive(amount))
			throw new ActionError(409, 'the deposit does not cover the refund fee');
		const recordId = sim.store.newId();
		const refundRecord = {
			recordId,
			coinId: deposit.coinId,
			coinSymbol: deposit.coinSymbol,
			chain: deposit.chain,
			orderId: deposit.orderId,
			toAddress: deposit.fromAddress,
			toMemo: '',
			amount,
			txId: deposit.txId.replace(/.$/, 'f'),
			status: 'Success',
			fee: { coinId: deposit.coinId, coinSymbol: deposit.coinSymbol, amount: fee },
			serviceFee: '0',
			createdAt: sim.store.nowSec(),
			fromDeposit: [deposit.recordId],
		};
		state.riskyRefunds.push(refundRecord);
		return refundRecord;
	}

	/** Every v2 record of a merchant, for tests and the console. */
	records(p = {}) {
		const appId = appIdOf(this.sim, p);
		const s = v2State(this.sim.store, appId);
		return {
			app_id: appId,
			addresses: s.addressList.map((a) => ({ ...a })),
			orders: [...s.orders.values()].map((o) => ({
				orderId: o.orderId,
				coinId: cat.coinIdOf(o.coin),
				chain: o.token.chain,
				price: o.price,
				fiatId: o.fiat ? o.fiat.fiatId : 0,
				amountToPay: o.amountToPay,
				address: o.address,
				memo: o.memo,
				expiredAt: o.expiredAt,
				checkoutUrl: o.checkoutUrl,
				recordIds: [...o.recordIds],
			})),
			invoices: [...s.invoices.values()].map((i) => ({
				orderId: i.orderId,
				price: i.price,
				priceSymbol: i.pricing.symbol,
				invoiceUrl: i.invoiceUrl,
				expiredAt: i.expiredAt,
				recordIds: [...i.recordIds],
			})),
			deposits: [...s.deposits.values()].map(depositView),
			withdrawals: [...s.withdrawals.values()].map((w) => ({
				...withdrawView(w),
				debit: w.debit,
				receive: w.receive,
			})),
			batches: [...s.batches.values()].map((b) => batchView(b, 1)),
			swaps: [...s.swaps.values()].map((r) => ({ ...r })),
			riskyRefunds: s.riskyRefunds.map((r) => ({ ...r })),
			rescans: s.rescans.map((r) => ({ ...r })),
		};
	}
}

module.exports = { V2Actions };
