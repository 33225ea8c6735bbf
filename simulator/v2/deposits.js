// @ts-check
'use strict';

/**
 * Money coming in: permanent addresses (DirectDeposit), deposit records and their stages
 * (Processing -> Success | Failed), crediting the shared ledger on Success unless the payment is
 * flagged as risky, and the deposit-record, unbinding and rescan endpoints.
 */

const dec = require('../shared/decimal');
const { makeAddress, txidFor } = require('../shared/addresses');
const cat = require('./catalogue');
const { V2Error, invalid } = require('./errors');
const { v2State } = require('./state');
const { page, window } = require('./records');
const { notify } = require('./notify');

const UTXO = ['btc', 'bch'];

/** A chain the merchant can receive on (some enabled coin has a network there), else 13001. */
function depositChain(ctx, chainName) {
	const chain = cat.chainInfo(chainName);
	const usable =
		chain &&
		ctx.store
			.enabledCoins(ctx.appId)
			.some((/** @type {any} */ e) =>
				e.tokens.some((/** @type {any} */ t) => t.chain === chain.chain),
			);
	if (!chain || !usable) throw new V2Error('InvalidChain', `chain ${chainName} is not supported`);
	return chain;
}

/** Address (and memo) for a permanent address or an order; EVM chains share one per owner. */
function newAddress(sim, appId, chain, owner) {
	const state = v2State(sim.store, appId);
	if (chain.memo) {
		state.memoSeq = (state.memoSeq || 100000) + 1;
		return {
			address: makeAddress(chain.addressKind, `v2:${appId}:${chain.chain}`),
			memo: String(state.memoSeq),
		};
	}
	const kind = chain.addressKind === 'evm' ? 'evm' : chain.chain;
	return { address: makeAddress(chain.addressKind, `v2:${appId}:${owner}:${kind}`), memo: '' };
}

/** @param {import('./routes').EndpointContext} ctx */
function getOrCreateAppDepositAddress(ctx) {
	const { referenceId, notifyUrl } = ctx.body;
	const chain = depositChain(ctx, ctx.body.chain);
	const state = v2State(ctx.store, ctx.appId);
	const key = `${referenceId}\u0000${chain.chain}`;
	let entry = state.addresses.get(key);
	if (!entry) {
		if (state.addressList.length >= ctx.config.addressCapPerAppId)
			throw new V2Error(
				'PaymentAddressNumTooMuch',
				`at most ${ctx.config.addressCapPerAppId} addresses per App ID`,
			);
		const generation = state.addressList.filter(
			(a) => a.referenceId === referenceId && a.unbound,
		).length;
		const { address, memo } = newAddress(
			ctx.sim,
			ctx.appId,
			chain,
			`ref:${referenceId}#${generation}`,
		);
		entry = {
			referenceId,
			chain: chain.chain,
			address,
			memo,
			notifyUrl: '',
			createdAt: ctx.store.nowSec(),
			unbound: false,
			unboundAt: 0,
		};
		state.addresses.set(key, entry);
		state.addressList.push(entry);
	}
	if (notifyUrl) entry.notifyUrl = notifyUrl;
	return { address: entry.address, memo: entry.memo };
}

/** @param {import('./routes').EndpointContext} ctx */
function addressUnbinding(ctx) {
	const chain = cat.chainInfo(ctx.body.chain);
	if (!chain) throw new V2Error('InvalidChain', `chain ${ctx.body.chain} is not supported`);
	const state = v2State(ctx.store, ctx.appId);
	const wanted = ctx.body.address.trim().toLowerCase();
	const entry = state.addressList.find(
		(a) => a.chain === chain.chain && a.address.toLowerCase() === wanted && !a.unbound,
	);
	if (!entry)
		throw new V2Error(
			'AddressNotBelongCCP',
			`${ctx.body.address} is not a bound address of this merchant on ${chain.chain}`,
		);
	if (entry.memo)
		throw new V2Error('UnBindingAddressDeprecated', 'memo addresses cannot be unbound');
	const now = ctx.store.nowSec();
	// Unbinding an EVM address also unbinds its twins on the other EVM chains.
	const twins = state.addressList.filter(
		(a) => !a.unbound && a.referenceId === entry.referenceId && a.address === entry.address,
	);
	for (const a of twins) {
		a.unbound = true;
		a.unboundAt = now;
		state.addresses.delete(`${a.referenceId}\u0000${a.chain}`);
	}
	return {
		unbound: twins.map((a) => ({ chain: a.chain, address: a.address })),
		unboundAt: now,
		userID: '',
		referenceID: entry.referenceId,
	};
}

/** @param {import('./routes').EndpointContext} ctx */
function rescanLostTransaction(ctx) {
	const chain = cat.chainInfo(ctx.body.chain);
	if (!chain) throw new V2Error('InvalidChain', `chain ${ctx.body.chain} is not supported`);
	v2State(ctx.store, ctx.appId).rescans.push({ ...ctx.body, requestedAt: ctx.store.nowSec() });
	return {
		description: 'The deposit has been rescanned. Please wait for the transaction to be credited.',
	};
}

/**
 * A new deposit record, Processing. `kind`: 'address' | 'order' | 'invoice'.
 * @param {any} sim @param {string} appId
 * @param {{ kind: string, coin: any, token: any, amount: string, toAddress: string, toMemo: string, referenceId?: string, orderId?: string, notifyUrl?: string, risky?: boolean, rate?: string, txId?: string, fromAddress?: string }} p
 */
function newDeposit(sim, appId, p) {
	const store = sim.store;
	const chain = cat.chainInfo(p.token.chain);
	const kind = chain ? chain.addressKind : 'evm';
	const recordId = store.newId();
	const feeRate =
		p.kind === 'address' ? sim.config.directDepositServiceFeeRate : sim.config.serviceFeeRate;
	const now = store.nowSec();
	const record = {
		recordId,
		kind: p.kind,
		type: p.kind === 'address' ? 'DirectDeposit' : 'ApiDeposit',
		referenceId: p.referenceId || '',
		orderId: p.orderId || '',
		coinId: cat.coinIdOf(p.coin),
		coinSymbol: p.coin.symbol,
		v1CoinId: p.coin.coin_id,
		chain: p.token.chain,
		contract: p.token.contract,
		coinUSDPrice: store.price(p.coin.coin_id),
		fromAddress: UTXO.includes(kind) ? '' : p.fromAddress || makeAddress(kind, `payer:${recordId}`),
		toAddress: p.toAddress,
		toMemo: p.toMemo || '',
		amount: p.amount,
		serviceFee: dec.round(dec.mul(p.amount, feeRate), p.coin.precision, 'half-up'),
		txId: p.txId || txidFor(kind, recordId),
		txIndex: 0,
		status: 'Processing',
		arrivedAt: now,
		createdAt: now,
		isFlaggedAsRisky: !!p.risky,
		rate: p.rate || '',
		notifyUrl: p.notifyUrl || '',
		blockHeight: 0,
		credited: '0',
	};
	v2State(store, appId).deposits.set(recordId, record);
	return record;
}

/**
 * Move a deposit to Processing (just created), Success or Failed, notifying each status the
 * merchant's timing includes; Success credits amount - serviceFee unless the record is risky.
 * @param {any} sim @param {string} appId @param {any} record @param {'Processing'|'Success'|'Failed'} target
 * @param {{ url?: string, tamper?: string }} [options]
 */
function advanceDeposit(sim, appId, record, target, options = {}) {
	const sent = [];
	if (record.status !== 'Processing')
		throw new Error(`record ${record.recordId} is already ${record.status}`);
	if (target === 'Processing') {
		const n = notify(sim, appId, record.type, record, options);
		if (n) sent.push(n);
		return sent;
	}
	record.status = target;
	record.arrivedAt = sim.store.nowSec();
	const chain = cat.chainInfo(record.chain);
	record.blockHeight = chain ? require('./resources').currentHeight(sim.store, chain) : 0;
	if (target === 'Success' && !record.isFlaggedAsRisky) {
		record.credited = dec.sub(record.amount, record.serviceFee);
		sim.store.post(appId, record.v1CoinId, record.credited, {
			type: 'deposit_credit',
			merchant_order_id: record.orderId || record.referenceId,
			record_id: record.recordId,
			note: `v2 ${record.type}`,
		});
	}
	const n = notify(sim, appId, record.type, record, options);
	if (n) sent.push(n);
	return sent;
}

/** AppDepositRecordEntity in CCPayment's key order. */
function depositView(r) {
	/** @type {Record<string, any>} */
	const out = { recordId: r.recordId };
	if (r.referenceId) out.referenceId = r.referenceId;
	if (r.orderId) out.orderId = r.orderId;
	Object.assign(out, {
		coinId: r.coinId,
		coinSymbol: r.coinSymbol,
		chain: r.chain,
		contract: r.contract,
		coinUSDPrice: r.coinUSDPrice,
	});
	if (r.fromAddress) out.fromAddress = r.fromAddress;
	Object.assign(out, {
		toAddress: r.toAddress,
		toMemo: r.toMemo,
		amount: r.amount,
		serviceFee: r.serviceFee,
		txId: r.txId,
		txIndex: r.txIndex,
		status: r.status,
		arrivedAt: r.arrivedAt,
		isFlaggedAsRisky: r.isFlaggedAsRisky,
	});
	return out;
}

/** @param {import('./routes').EndpointContext} ctx */
function getAppDepositRecord(ctx) {
	const record = v2State(ctx.store, ctx.appId).deposits.get(ctx.body.recordId);
	if (!record) throw new V2Error('NotFound', `recordId ${ctx.body.recordId} does not exist`);
	return { record: depositView(record) };
}

/** @param {import('./routes').EndpointContext} ctx */
function getAppDepositRecordList(ctx) {
	const b = ctx.body;
	if ((b.orderId || b.orderIds) && (b.referenceId || b.referenceIds))
		throw invalid('orderId and referenceId cannot be used together');
	const inWindow = window(ctx, b);
	const chain = b.chain ? String(b.chain).toUpperCase() : '';
	const list = [...v2State(ctx.store, ctx.appId).deposits.values()].filter(
		(r) =>
			inWindow(r.createdAt) &&
			(!b.coinId || r.coinId === b.coinId) &&
			(!chain || r.chain === chain) &&
			(!b.referenceId || r.referenceId === b.referenceId) &&
			(!b.orderId || r.orderId === b.orderId) &&
			(!b.toAddress || r.toAddress.toLowerCase() === b.toAddress.toLowerCase()) &&
			(!b.recordIds || b.recordIds.includes(r.recordId)) &&
			(!b.referenceIds || b.referenceIds.includes(r.referenceId)) &&
			(!b.orderIds || b.orderIds.includes(r.orderId)),
	);
	return page(ctx, list, depositView, b);
}

const S = 'string';
/** @type {import('./fields').FieldSpec[]} */
const LIST_FIELDS = [
	{ name: 'coinId', type: 'int', min: 1 },
	{ name: 'referenceId', type: S },
	{ name: 'orderId', type: S },
	{ name: 'chain', type: S },
	{ name: 'startAt', type: 'int', min: 1 },
	{ name: 'endAt', type: 'int', min: 1 },
	{ name: 'nextId', type: S },
	{ name: 'toAddress', type: S },
	{ name: 'recordIds', type: 'strings', maxItems: 50 },
	{ name: 'referenceIds', type: 'strings', maxItems: 50 },
	{ name: 'orderIds', type: 'strings', maxItems: 50 },
	{ name: 'limit', type: 'int', min: 1, max: 100 },
];

/** @type {Record<string, import('./routes').EndpointDef>} */
const endpoints = {
	getOrCreateAppDepositAddress: {
		fields: [
			{ name: 'referenceId', type: S, required: true, min: 3, max: 64 },
			{ name: 'chain', type: S, required: true },
			{ name: 'notifyUrl', type: 'url' },
		],
		handler: getOrCreateAppDepositAddress,
	},
	addressUnbinding: {
		fields: [
			{ name: 'chain', type: S, required: true },
			{ name: 'address', type: S, required: true },
		],
		handler: addressUnbinding,
	},
	rescanLostTransaction: {
		fields: [
			{ name: 'chain', type: S, required: true },
			{ name: 'toAddress', type: S, required: true },
			{ name: 'txId', type: S, required: true },
			{ name: 'memo', type: S },
		],
		handler: rescanLostTransaction,
	},
	getAppDepositRecord: {
		fields: [{ name: 'recordId', type: S, required: true }],
		handler: getAppDepositRecord,
	},
	getAppDepositRecordList: { fields: LIST_FIELDS, handler: getAppDepositRecordList },
};

module.exports = { endpoints, newDeposit, advanceDeposit, depositView, newAddress, depositChain };
