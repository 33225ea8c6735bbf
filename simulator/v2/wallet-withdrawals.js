// @ts-check
'use strict';

/**
 * Wallet system: user withdrawals to a network address (debited at once, UserWithdrawal webhooks,
 * a failure gives the amount back) and to Cwallet (final at once, no webhook), and their records.
 */

const dec = require('../shared/decimal');
const { isValidAddress } = require('../shared/addresses');
const cat = require('./catalogue');
const { V2Error, invalid } = require('./errors');
const { businessCoin, businessNetwork } = require('./resources');
const w = require('./wallet');

/** @typedef {import('./routes').EndpointContext} Ctx */

/** @param {Ctx} ctx */
function applyUserWithdrawToNetwork(ctx) {
	const b = ctx.body;
	const user = w.userOf(ctx, b.userId);
	w.claimOrderId(ctx, 'withdrawal', b.orderId);
	const { coin, token } = businessNetwork(ctx, b.coinId, b.chain);
	const chain = cat.chainInfo(token.chain);
	if (!cat.canWithdraw(token)) throw new V2Error('ChainStopWithdraw', `${token.chain} is paused`);
	if (!chain || !isValidAddress(chain.addressKind, b.address))
		throw new V2Error('WithdrawAddrFormat', `address is not a ${token.chain} address`);
	if (chain.memo && !b.memo) throw new V2Error('AddressEmptyMemo', `${token.chain} needs a memo`);
	const amount = w.amountOf(coin, b.amount);
	if (dec.cmp(amount, coin.min) < 0)
		throw new V2Error('WithdrawValueLessThanLimit', `amount is below ${coin.min}`);
	const coinId = cat.coinIdOf(coin);
	const fee = ctx.store.networkFee(token);
	if (dec.cmp(amount, fee) <= 0)
		throw new V2Error('WithdrawValueLessThanLimit', `amount must exceed the fee ${fee}`);
	if (dec.cmp(w.userBalance(user, coinId), amount) < 0)
		throw new V2Error('BalanceInsufficient', `${user.userId} has ${w.userBalance(user, coinId)}`);
	const record = {
		recordId: ctx.store.newId(),
		withdrawType: 'Network',
		userId: user.userId,
		coinId,
		coinSymbol: coin.symbol,
		chain: token.chain,
		fromAddress: '',
		toAddress: b.address,
		cwalletUser: '',
		orderId: b.orderId,
		txId: '',
		toMemo: b.memo || '',
		status: 'Processing',
		amount,
		fee: { coinId, coinSymbol: coin.symbol, amount: fee },
		coinUSDPrice: ctx.store.price(coin.coin_id),
		createdAt: ctx.store.nowSec(),
		notifyUrl: b.notifyUrl || '',
	};
	w.postUser(ctx.store, ctx.appId, user, coinId, dec.sub('0', amount), {
		type: 'user_withdrawal',
		orderId: b.orderId,
		recordId: record.recordId,
	});
	w.remember(ctx, 'withdrawal', w.walletOf(ctx.store, ctx.appId).withdrawals, record);
	w.emitUserWebhook(ctx.sim, ctx.appId, 'UserWithdrawal', withdrawalMsg(record), record);
	return { recordId: record.recordId };
}

/** @param {Ctx} ctx */
function applyUserWithdrawToCwallet(ctx) {
	const b = ctx.body;
	const user = w.userOf(ctx, b.userId);
	w.claimOrderId(ctx, 'withdrawal', b.orderId);
	const { coin } = businessCoin(ctx, b.coinId);
	const cwallet = ctx.store.cwalletUser(b.cwalletUser);
	if (!cwallet) throw invalid(`cwalletUser ${b.cwalletUser} is not a Cwallet user`);
	const amount = w.amountOf(coin, b.amount);
	w.checkMinimumUsd(ctx, coin, amount, 'WithdrawValueLessThanLimit');
	const coinId = cat.coinIdOf(coin);
	if (dec.cmp(w.userBalance(user, coinId), amount) < 0)
		throw new V2Error('BalanceInsufficient', `${user.userId} has ${w.userBalance(user, coinId)}`);
	const record = {
		recordId: ctx.store.newId(),
		withdrawType: 'Cwallet',
		userId: user.userId,
		coinId,
		coinSymbol: coin.symbol,
		chain: 'Cwallet OS',
		fromAddress: '',
		toAddress: '',
		cwalletUser: cwallet.c_id,
		orderId: b.orderId,
		txId: '',
		toMemo: '',
		status: 'Success',
		amount,
		coinUSDPrice: ctx.store.price(coin.coin_id),
		createdAt: ctx.store.nowSec(),
	};
	w.postUser(ctx.store, ctx.appId, user, coinId, dec.sub('0', amount), {
		type: 'user_withdrawal_cwallet',
		orderId: b.orderId,
		recordId: record.recordId,
	});
	w.remember(ctx, 'withdrawal', w.walletOf(ctx.store, ctx.appId).withdrawals, record);
	// CCPayment sends no webhook for Cwallet withdrawals.
	return { recordId: record.recordId };
}

function withdrawalMsg(r) {
	return {
		recordId: r.recordId,
		orderId: r.orderId,
		userId: r.userId,
		coinId: r.coinId,
		coinSymbol: r.coinSymbol,
		status: r.status,
	};
}

const withdrawalView = (r) => w.without(r, ['createdAt', 'notifyUrl']);

/**
 * Control action: a user network withdrawal finishes. params: app_id, record_id | order_id,
 * status "Success" (default) or "Failed" (the amount goes back to the user).
 * @param {any} sim @param {Record<string, any>} params
 */
function completeUserWithdrawal(sim, params) {
	const appId = params.app_id || sim.config.merchants[0].appId;
	const wallet = w.walletOf(sim.store, appId);
	const record = params.record_id
		? wallet.withdrawals.get(String(params.record_id))
		: wallet.orderIds.withdrawal.get(String(params.order_id));
	if (!record || record.status !== 'Processing') throw new Error('no Processing user withdrawal');
	if (params.status === 'Failed') {
		record.status = 'Failed';
		w.postUser(sim.store, appId, wallet.users.get(record.userId), record.coinId, record.amount, {
			type: 'user_withdrawal_refund',
			orderId: record.orderId,
			recordId: record.recordId,
		});
	} else {
		record.status = 'Success';
		record.txId = `0x${record.recordId}`;
	}
	return w.emitUserWebhook(sim, appId, 'UserWithdrawal', withdrawalMsg(record), record);
}

/** @param {Ctx} ctx */
function getUserWithdrawRecord(ctx) {
	const wallet = w.walletOf(ctx.store, ctx.appId);
	return { record: withdrawalView(w.recordBy(ctx, 'withdrawal', wallet.withdrawals)) };
}

/** @param {Ctx} ctx */
function getUserWithdrawRecordList(ctx) {
	w.userOf(ctx, ctx.body.userId);
	const { userId, chain, toAddress } = ctx.body;
	const list = w.filtered(
		[...w.walletOf(ctx.store, ctx.appId).withdrawals.values()],
		ctx.body,
		(r) =>
			r.userId === userId &&
			(!chain || r.chain === chain) &&
			(!toAddress || r.toAddress === toAddress),
	);
	const result = w.page(list, ctx.body.nextId);
	return { records: result.records.map(withdrawalView), nextId: result.nextId };
}

/** @type {'string'} */
const S = 'string';
/** @type {import('./fields').FieldSpec} */
const ORDER = { name: 'orderId', type: S, required: true, min: 3, max: 64 };
/** @type {import('./fields').FieldSpec} */
const COIN = { name: 'coinId', type: 'int', required: true, min: 1 };
/** @type {import('./fields').FieldSpec} */
const AMOUNT = { name: 'amount', type: 'decimal', required: true };
/** @type {import('./fields').FieldSpec[]} */
const BY_ID = [
	{ name: 'recordId', type: S },
	{ name: 'orderId', type: S },
];
/** @type {import('./fields').FieldSpec[]} */
const LIST = [...w.LIST, { name: 'orderIds', type: 'strings', maxItems: 20 }];

/** @type {Record<string, import('./routes').EndpointDef>} */
const endpoints = {
	applyUserWithdrawToNetwork: {
		fields: [
			w.USER,
			COIN,
			{ name: 'chain', type: S, required: true },
			{ name: 'address', type: S, required: true },
			{ name: 'memo', type: S },
			ORDER,
			AMOUNT,
			{ name: 'networkFeeInquiryID', type: S },
			{ name: 'notifyUrl', type: 'url' },
		],
		handler: applyUserWithdrawToNetwork,
	},
	applyUserWithdrawToCwallet: {
		fields: [w.USER, COIN, { name: 'cwalletUser', type: S, required: true }, AMOUNT, ORDER],
		handler: applyUserWithdrawToCwallet,
	},
	getUserWithdrawRecord: { fields: BY_ID, handler: getUserWithdrawRecord },
	getUserWithdrawRecordList: {
		fields: [w.USER, ...LIST, { name: 'chain', type: S }, { name: 'toAddress', type: S }],
		handler: getUserWithdrawRecordList,
	},
};

module.exports = {
	endpoints,
	notifications: { UserWithdrawal: withdrawalMsg },
	completeUserWithdrawal,
};
