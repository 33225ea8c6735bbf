// @ts-check
'use strict';

/**
 * Merchant withdrawals: to a chain address (ApiWithdrawal webhooks) or to a Cwallet account (no
 * webhook). The balance is checked and debited once per orderId, journaled as withdrawal_debit
 * (a failed or rejected withdrawal gives it back as withdrawal_refund). Statuses: Processing ->
 * Success | Failed, or WaitingApproval -> Rejected | Processing when the merchant's approval
 * switch is on.
 */

const dec = require('../shared/decimal');
const { isValidAddress, makeAddress, txidFor } = require('../shared/addresses');
const cat = require('./catalogue');
const { V2Error, invalid } = require('./errors');
const { v2State } = require('./state');
const { claimOrderId, page, window } = require('./records');
const { notify } = require('./notify');

/** A coin in the merchant's business list: 13000 unknown, 14010 not enabled. */
function withdrawCoin(ctx, coinId) {
	const coin = cat.coinById(coinId);
	if (!coin) throw new V2Error('InvalidCoin', `coinId ${coinId} is not supported`);
	const tokens = coin.tokens.filter((t) => ctx.store.isTokenEnabled(ctx.appId, t.token_id));
	if (!tokens.length)
		throw new V2Error('NoSupportCoin', `coinId ${coinId} is not in this merchant's tokens`);
	return { coin, tokens };
}

/** amount within the coin's precision (14013) and at least its minimum (14005). */
function checkAmount(coin, amount, minimum) {
	if (dec.decimalPlaces(amount) > coin.precision)
		throw new V2Error(
			'CoinPrecisionLimit',
			`amount allows at most ${coin.precision} decimal places for ${coin.symbol}`,
		);
	if (dec.cmp(amount, minimum) < 0)
		throw new V2Error(
			'WithdrawValueLessThanLimit',
			`amount is below the minimum withdrawal of ${minimum} ${coin.symbol}`,
		);
}

/** Debit the balance (14000 when short) and journal it under the orderId. */
function debit(ctx, coin, total, orderId, recordId) {
	if (dec.cmp(ctx.store.balance(ctx.appId, coin.coin_id), total) < 0)
		throw new V2Error('BalanceInsufficient', `${coin.symbol} balance is below ${total}`);
	ctx.store.post(ctx.appId, coin.coin_id, dec.sub('0', total), {
		type: 'withdrawal_debit',
		merchant_order_id: orderId,
		record_id: recordId,
		note: 'v2',
	});
}

/** The quoted fee of a networkFeeInquiryID (must be this coin and chain), else the current fee. */
function feeFor(ctx, coin, token) {
	const id = ctx.body.networkFeeInquiryID;
	if (!id) return ctx.store.networkFee(token);
	const quote = v2State(ctx.store, ctx.appId).feeInquiries.get(id);
	if (!quote || quote.coinId !== cat.coinIdOf(coin) || quote.chain !== token.chain)
		throw invalid(`networkFeeInquiryID ${id} is unknown for this coin and chain`);
	return quote.amount;
}

function newRecord(ctx, fields) {
	const record = { reason: '', txId: '', createdAt: ctx.store.nowSec(), notifyUrl: '', ...fields };
	const state = v2State(ctx.store, ctx.appId);
	state.withdrawals.set(record.recordId, record);
	state.withdrawalsByOrderId.set(record.orderId, record);
	return record;
}

/** @param {import('./routes').EndpointContext} ctx */
function applyAppWithdrawToNetwork(ctx) {
	const b = ctx.body;
	const commit = claimOrderId(ctx, 'withdrawal', b.orderId);
	const { coin, tokens } = withdrawCoin(ctx, b.coinId);
	const token = tokens.find((t) => t.chain === String(b.chain).toUpperCase());
	if (!token)
		throw new V2Error('InvalidChain', `chain ${b.chain} is not a network of coinId ${b.coinId}`);
	if (!cat.canWithdraw(token))
		throw new V2Error(
			'ChainStopWithdraw',
			`withdrawals of ${coin.symbol} on ${token.chain} are suspended`,
		);
	const chain = /** @type {any} */ (cat.chainInfo(token.chain));
	const address = b.address.trim();
	if (!isValidAddress(chain.addressKind, address))
		throw new V2Error('WithdrawAddrFormat', `address is not a valid ${chain.chain} address`);
	if (b.memo && !chain.memo)
		throw new V2Error('CoinNoSupportMemo', `${chain.chain} does not take a memo`);
	const own = v2State(ctx.store, ctx.appId).addressList.some(
		(a) => a.address.toLowerCase() === address.toLowerCase(),
	);
	if (own)
		throw new V2Error('WithdrawCannotSelf', "address is one of this merchant's deposit addresses");
	checkAmount(coin, b.amount, coin.min);
	const fee = feeFor(ctx, coin, token);
	const payFee = b.merchantPayNetworkFee === true;
	const total = payFee ? dec.add(b.amount, fee) : b.amount;
	const receive = payFee ? b.amount : dec.sub(b.amount, fee);
	if (!dec.isPositive(receive))
		throw new V2Error(
			'WithdrawValueLessThanLimit',
			`amount does not cover the network fee of ${fee} ${coin.symbol}`,
		);
	const recordId = ctx.store.newId();
	debit(ctx, coin, total, b.orderId, recordId);
	commit();
	const record = newRecord(ctx, {
		recordId,
		withdrawType: 'Network',
		coinId: cat.coinIdOf(coin),
		coinSymbol: coin.symbol,
		v1CoinId: coin.coin_id,
		chain: token.chain,
		fromAddress: makeAddress(chain.addressKind, `v2hot:${ctx.appId}:${chain.chain}`),
		toAddress: address,
		cwalletUser: '',
		orderId: b.orderId,
		toMemo: b.memo || '',
		status: ctx.merchant.withdrawApproval ? 'WaitingApproval' : 'Processing',
		amount: b.amount,
		fee: { coinId: cat.coinIdOf(coin), coinSymbol: coin.symbol, amount: fee },
		coinUSDPrice: ctx.store.price(coin.coin_id),
		merchantPayNetworkFee: payFee,
		debit: total,
		receive,
		notifyUrl: b.notifyUrl || '',
	});
	notify(ctx.sim, ctx.appId, 'ApiWithdrawal', record);
	if (record.status === 'Processing' && ctx.config.v2.withdrawalAutoComplete === 'all')
		finishWithdrawal(ctx.sim, ctx.appId, record, 'Success');
	return { recordId };
}

/** @param {import('./routes').EndpointContext} ctx */
function applyAppWithdrawToCwallet(ctx) {
	const b = ctx.body;
	const commit = claimOrderId(ctx, 'withdrawal', b.orderId);
	const { coin } = withdrawCoin(ctx, b.coinId);
	const user = ctx.store.cwalletUser(b.cwalletUser.trim());
	if (!user) throw new V2Error('NotFound', `cwalletUser ${b.cwalletUser} does not exist`);
	// At least 0.001 USD worth.
	const minimum = dec.div('0.001', ctx.store.price(coin.coin_id), coin.precision, 'up');
	checkAmount(coin, b.amount, minimum);
	const recordId = ctx.store.newId();
	debit(ctx, coin, b.amount, b.orderId, recordId);
	commit();
	const record = newRecord(ctx, {
		recordId,
		withdrawType: 'Cwallet',
		coinId: cat.coinIdOf(coin),
		coinSymbol: coin.symbol,
		v1CoinId: coin.coin_id,
		chain: 'Cwallet OS',
		fromAddress: '',
		toAddress: '',
		cwalletUser: b.cwalletUser.trim(),
		orderId: b.orderId,
		toMemo: '',
		status: ctx.merchant.withdrawApproval ? 'WaitingApproval' : 'Processing',
		amount: b.amount,
		fee: { coinId: cat.coinIdOf(coin), coinSymbol: coin.symbol, amount: '0' },
		coinUSDPrice: ctx.store.price(coin.coin_id),
		merchantPayNetworkFee: false,
		debit: b.amount,
		receive: b.amount,
	});
	if (record.status === 'Processing' && ctx.config.v2.withdrawalAutoComplete !== 'none')
		finishWithdrawal(ctx.sim, ctx.appId, record, 'Success');
	return { recordId };
}

/**
 * Move a withdrawal on: WaitingApproval -> Processing (approved) | Rejected; Processing ->
 * Success | Failed. Rejected and Failed give the debit back. Cwallet ones never notify.
 * @param {any} sim @param {string} appId @param {any} record
 * @param {'Processing'|'Success'|'Failed'|'Rejected'} target
 * @param {{ reason?: string, url?: string, tamper?: string }} [options]
 */
function finishWithdrawal(sim, appId, record, target, options = {}) {
	const from = record.status;
	const allowed =
		from === 'WaitingApproval'
			? ['Processing', 'Rejected']
			: from === 'Processing'
				? ['Success', 'Failed']
				: [];
	if (!allowed.includes(target))
		throw new Error(`withdrawal ${record.recordId} is ${from}; it cannot become ${target}`);
	record.status = target;
	if (target === 'Success' && record.withdrawType === 'Network') {
		const chain = cat.chainInfo(record.chain);
		record.txId = txidFor(chain ? chain.addressKind : 'evm', record.recordId);
	}
	if (target === 'Failed' || target === 'Rejected') {
		record.reason =
			options.reason || (target === 'Rejected' ? 'rejected by the merchant' : 'failed on chain');
		sim.store.post(appId, record.v1CoinId, record.debit, {
			type: 'withdrawal_refund',
			merchant_order_id: record.orderId,
			record_id: record.recordId,
			note: `v2 ${target}`,
		});
	}
	const sent = [];
	if (record.withdrawType === 'Network') {
		const n = notify(sim, appId, 'ApiWithdrawal', record, options);
		if (n) sent.push(n);
	}
	return sent;
}

/** AppWithdrawRecordEntity in CCPayment's key order. */
function withdrawView(r) {
	/** @type {Record<string, any>} */
	const out = {
		recordId: r.recordId,
		withdrawType: r.withdrawType,
		coinId: r.coinId,
		coinSymbol: r.coinSymbol,
		chain: r.chain,
	};
	if (r.withdrawType === 'Network')
		Object.assign(out, { fromAddress: r.fromAddress, toAddress: r.toAddress });
	else out.cwalletUser = r.cwalletUser;
	Object.assign(out, { orderId: r.orderId, txId: r.txId });
	if (r.withdrawType === 'Network') out.toMemo = r.toMemo;
	Object.assign(out, { status: r.status, amount: r.amount });
	if (r.withdrawType === 'Network') out.fee = { ...r.fee };
	if (r.reason) out.reason = r.reason;
	out.coinUSDPrice = r.coinUSDPrice;
	return out;
}

/** @param {import('./routes').EndpointContext} ctx */
function getAppWithdrawRecord(ctx) {
	const { recordId, orderId } = ctx.body;
	if (!recordId && !orderId) throw invalid('recordId and orderId cannot both be empty');
	const state = v2State(ctx.store, ctx.appId);
	let record = recordId ? state.withdrawals.get(recordId) : state.withdrawalsByOrderId.get(orderId);
	if (record && recordId && orderId && record.orderId !== orderId) record = undefined;
	if (!record) throw new V2Error('NotFound', `withdrawal ${recordId || orderId} does not exist`);
	return { record: withdrawView(record) };
}

/** @param {import('./routes').EndpointContext} ctx */
function getAppWithdrawRecordList(ctx) {
	const b = ctx.body;
	const inWindow = window(ctx, b);
	const chain = b.chain ? String(b.chain).toUpperCase() : '';
	const list = [...v2State(ctx.store, ctx.appId).withdrawals.values()].filter(
		(r) =>
			inWindow(r.createdAt) &&
			(!b.coinId || r.coinId === b.coinId) &&
			(!chain || r.chain.toUpperCase() === chain) &&
			(!b.orderIds || b.orderIds.includes(r.orderId)) &&
			(!b.toAddress || r.toAddress.toLowerCase() === b.toAddress.toLowerCase()),
	);
	return page(ctx, list, withdrawView, b);
}

/** Auto-withdrawal and risky-refund records share filters. */
function sideList(ctx, list, view) {
	const b = ctx.body;
	const inWindow = window(ctx, b);
	const chain = b.chain ? String(b.chain).toUpperCase() : '';
	const matches = list.filter(
		(r) =>
			inWindow(r.createdAt) &&
			(!b.coinId || r.coinId === b.coinId) &&
			(!chain || r.chain === chain) &&
			(!b.recordIds || b.recordIds.includes(r.recordId)) &&
			(!b.toAddress || r.toAddress.toLowerCase() === b.toAddress.toLowerCase()),
	);
	return page(ctx, matches, view, b);
}

const autoView = (r) => ({
	recordId: r.recordId,
	coinId: r.coinId,
	coinSymbol: r.coinSymbol,
	chain: r.chain,
	orderId: r.orderId,
	toAddress: r.toAddress,
	toMemo: r.toMemo,
	amount: r.amount,
	txId: r.txId,
	status: r.status,
	fee: { ...r.fee },
	serviceFee: r.serviceFee,
	createdAt: r.createdAt,
});

const riskyView = (r) => {
	const { serviceFee, ...rest } = autoView(r);
	return { ...rest, fromDeposit: [...r.fromDeposit] };
};

const S = 'string';
/** @type {import('./fields').FieldSpec[]} */
const SIDE_FIELDS = [
	{ name: 'chain', type: S },
	{ name: 'coinId', type: 'int', min: 1 },
	{ name: 'recordIds', type: 'strings', maxItems: 50 },
	{ name: 'startAt', type: 'int', min: 1 },
	{ name: 'endAt', type: 'int', min: 1 },
	{ name: 'toAddress', type: S },
	{ name: 'nextId', type: S },
];

/** @type {Record<string, import('./routes').EndpointDef>} */
const endpoints = {
	applyAppWithdrawToNetwork: {
		fields: [
			{ name: 'coinId', type: 'int', required: true, min: 1 },
			{ name: 'chain', type: S, required: true },
			{ name: 'address', type: S, required: true },
			{ name: 'memo', type: S },
			{ name: 'orderId', type: S, required: true, min: 3, max: 64 },
			{ name: 'amount', type: 'decimal', required: true },
			{ name: 'merchantPayNetworkFee', type: 'bool' },
			{ name: 'networkFeeInquiryID', type: S },
			{ name: 'notifyUrl', type: 'url' },
		],
		handler: applyAppWithdrawToNetwork,
	},
	applyAppWithdrawToCwallet: {
		fields: [
			{ name: 'coinId', type: 'int', required: true, min: 1 },
			{ name: 'cwalletUser', type: S, required: true },
			{ name: 'amount', type: 'decimal', required: true },
			{ name: 'orderId', type: S, required: true, min: 3, max: 64 },
		],
		handler: applyAppWithdrawToCwallet,
	},
	getAppWithdrawRecord: {
		fields: [
			{ name: 'recordId', type: S },
			{ name: 'orderId', type: S },
		],
		handler: getAppWithdrawRecord,
	},
	getAppWithdrawRecordList: {
		fields: [
			{ name: 'coinId', type: 'int', min: 1 },
			{ name: 'orderIds', type: 'strings', maxItems: 20 },
			{ name: 'chain', type: S },
			{ name: 'startAt', type: 'int', min: 1 },
			{ name: 'endAt', type: 'int', min: 1 },
			{ name: 'nextId', type: S },
			{ name: 'toAddress', type: S },
		],
		handler: getAppWithdrawRecordList,
	},
	getAutoWithdrawRecordList: {
		fields: SIDE_FIELDS,
		handler: (ctx) => sideList(ctx, v2State(ctx.store, ctx.appId).autoWithdrawals, autoView),
	},
	getRiskyRefundRecordList: {
		fields: SIDE_FIELDS,
		handler: (ctx) => sideList(ctx, v2State(ctx.store, ctx.appId).riskyRefunds, riskyView),
	},
};

module.exports = { endpoints, finishWithdrawal, withdrawView, withdrawCoin, checkAmount, debit };
