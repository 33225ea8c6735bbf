// @ts-check
'use strict';

/**
 * Batch withdrawals (SDK-only methods): a batch is created (Init), items appended, confirmed
 * (balance checked and every item debited once, journaled under its orderId or
 * "<batchOrderId>#<seq>"), optionally delayed (Pending), then Processing until the control page
 * completes it (Completed). `seq` ties results and records to the caller's items. The recipient
 * receives each item's amount; the merchant pays the network fee on top. No webhook type is
 * published for batches, so none is sent.
 */

const { createHash } = require('crypto');
const dec = require('../shared/decimal');
const { isValidAddress, txidFor } = require('../shared/addresses');
const cat = require('./catalogue');
const { V2Error, invalid } = require('./errors');
const { v2State } = require('./state');
const { claimOrderId } = require('./records');
const { withdrawCoin, checkAmount } = require('./withdrawals');

const MAX_ITEMS = 500;

/** Problem codes of one address on a chain ([] = fine). */
function addressCodes(chain, address, memo) {
	const codes = [];
	if (!isValidAddress(chain.addressKind, String(address).trim())) codes.push(14007);
	if (memo && !chain.memo) codes.push(14009);
	return codes;
}

function batchOf(ctx, batchOrderId) {
	const batch = v2State(ctx.store, ctx.appId).batches.get(batchOrderId);
	if (!batch) throw new V2Error('NotFound', `batchOrderId ${batchOrderId} does not exist`);
	return batch;
}

/** Check and add items (seq unique within the batch: 14027). */
function addItems(ctx, batch, orders) {
	const seen = new Set(batch.items.map((i) => i.seq));
	const added = [];
	orders.forEach((o, i) => {
		const name = `orders[${i}]`;
		if (seen.has(o.seq)) throw new V2Error('SeqDuplicate', `${name}.seq ${o.seq} is used twice`);
		seen.add(o.seq);
		if (addressCodes(batch.chainInfo, o.address, o.memo).length)
			throw new V2Error(
				'WithdrawAddrFormat',
				`${name}.address is not a valid ${batch.chain} address`,
			);
		checkAmount(batch.coin, o.amount, batch.coin.min);
		added.push({
			seq: o.seq,
			orderId: o.orderId || '',
			address: o.address.trim(),
			memo: o.memo || '',
			amount: o.amount,
			remark: o.remark || '',
			fee: ctx.store.networkFee(batch.token),
			status: 'Init',
			recordId: '',
			txId: '',
			reason: '',
		});
	});
	if (batch.items.length + added.length > MAX_ITEMS)
		throw invalid(`orders: a batch holds at most ${MAX_ITEMS} items`);
	batch.items.push(...added);
}

/** @param {import('./routes').EndpointContext} ctx */
function checkWithdrawAddress(ctx) {
	const chain = cat.chainInfo(ctx.body.chain);
	if (!chain) throw new V2Error('InvalidChain', `chain ${ctx.body.chain} is not supported`);
	return {
		addressInfoResults: ctx.body.addressInfoList.map((a) => ({
			seq: a.seq,
			codes: addressCodes(chain, a.address, a.memo),
		})),
	};
}

/** @param {import('./routes').EndpointContext} ctx */
function applyBatchWithdraw(ctx) {
	const b = ctx.body;
	const commit = claimOrderId(ctx, 'batch', b.batchOrderId);
	const { coin, tokens } = withdrawCoin(ctx, b.coinId);
	const token = tokens.find((t) => t.chain === String(b.chain).toUpperCase());
	if (!token)
		throw new V2Error('InvalidChain', `chain ${b.chain} is not a network of coinId ${b.coinId}`);
	if (!cat.canWithdraw(token))
		throw new V2Error('ChainStopWithdraw', `withdrawals on ${token.chain} are suspended`);
	const batch = {
		batchOrderId: b.batchOrderId,
		billId: ctx.store.newId(),
		coin,
		token,
		chain: token.chain,
		chainInfo: cat.chainInfo(token.chain),
		taskName: b.taskName || b.productName || '',
		mode: b.mode || 'Batch',
		notifyUrl: b.notifyUrl || '',
		status: 'Init',
		delaySeconds: 0,
		items: [],
		createdAt: ctx.store.nowSec(),
		confirmedAt: 0,
	};
	addItems(ctx, batch, b.orders || []);
	commit();
	v2State(ctx.store, ctx.appId).batches.set(b.batchOrderId, batch);
	return { batchOrderId: batch.batchOrderId, billId: batch.billId };
}

/** @param {import('./routes').EndpointContext} ctx */
function appendBatchWithdraw(ctx) {
	const batch = batchOf(ctx, ctx.body.batchOrderId);
	if (batch.status !== 'Init')
		throw new V2Error('RepeatedSubmit', `batch is ${batch.status}; only Init batches take items`);
	addItems(ctx, batch, ctx.body.orders);
	return { batchOrderId: batch.batchOrderId, billId: batch.billId };
}

const live = (i) => i.status !== 'Aborted';

/** @param {import('./routes').EndpointContext} ctx */
function confirmBatchWithdraw(ctx) {
	const batch = batchOf(ctx, ctx.body.batchOrderId);
	if (batch.status !== 'Init')
		throw new V2Error('RepeatedSubmit', `batch is already ${batch.status}`);
	const items = batch.items.filter(live);
	if (!items.length) throw invalid('orders: the batch has no items');
	const total = dec.sum(items.map((i) => dec.add(i.amount, i.fee)));
	if (dec.cmp(ctx.store.balance(ctx.appId, batch.coin.coin_id), total) < 0)
		throw new V2Error('BalanceInsufficient', `${batch.coin.symbol} balance is below ${total}`);
	for (const item of items) {
		item.recordId = ctx.store.newId();
		item.status = 'Pending';
		ctx.store.post(ctx.appId, batch.coin.coin_id, dec.sub('0', dec.add(item.amount, item.fee)), {
			type: 'withdrawal_debit',
			merchant_order_id: item.orderId || `${batch.batchOrderId}#${item.seq}`,
			record_id: item.recordId,
			note: 'v2 batch',
		});
	}
	batch.delaySeconds = ctx.body.delaySeconds || 0;
	batch.confirmedAt = ctx.store.nowSec();
	if (ctx.merchant.withdrawApproval) batch.status = 'Reviewing';
	else startBatch(ctx.sim, ctx.appId, batch);
	return batchView(batch, 1);
}

/** Pending for delaySeconds (times config.webhook.speedFactor), then Processing. */
function startBatch(sim, appId, batch) {
	batch.status = 'Pending';
	const go = () => {
		if (batch.status !== 'Pending') return;
		batch.status = 'Processing';
		for (const i of batch.items) if (i.status === 'Pending') i.status = 'Processing';
		if (sim.config.v2.withdrawalAutoComplete === 'all') finishBatch(sim, appId, batch, []);
	};
	const ms = batch.delaySeconds * 1000 * Number(sim.config.webhook.speedFactor);
	if (ms <= 0) return go();
	const timer = setTimeout(() => {
		sim.holdTimers.delete(timer);
		go();
	}, ms);
	timer.unref();
	sim.holdTimers.add(timer);
}

/**
 * Finish a Processing batch: items whose seq is in failSeqs fail (their debit comes back), the
 * others succeed; the batch becomes Completed.
 * @param {any} sim @param {string} appId @param {any} batch @param {number[]} failSeqs
 */
function finishBatch(sim, appId, batch, failSeqs) {
	if (batch.status !== 'Processing')
		throw new Error(`batch ${batch.batchOrderId} is ${batch.status}, not Processing`);
	const kind = batch.chainInfo ? batch.chainInfo.addressKind : 'evm';
	for (const item of batch.items.filter((i) => i.status === 'Processing')) {
		if (failSeqs.includes(item.seq)) {
			item.status = 'Failed';
			item.reason = 'failed on chain';
			refund(sim, appId, batch, item, 'v2 batch failed');
		} else {
			item.status = 'Success';
			item.txId = txidFor(kind, item.recordId);
		}
	}
	batch.status = 'Completed';
	return batchView(batch, 1);
}

function refund(sim, appId, batch, item, note) {
	sim.store.post(appId, batch.coin.coin_id, dec.add(item.amount, item.fee), {
		type: 'withdrawal_refund',
		merchant_order_id: item.orderId || `${batch.batchOrderId}#${item.seq}`,
		record_id: item.recordId,
		note,
	});
}

/** @param {import('./routes').EndpointContext} ctx */
function abortBatchWithdraw(ctx) {
	const { orderIds, seqs } = ctx.body;
	if (!orderIds && !seqs) throw invalid('orderIds or seqs is required');
	const batch = batchOf(ctx, ctx.body.batchOrderId);
	const targets = batch.items.filter(
		(i) => (seqs || []).includes(i.seq) || (orderIds || []).includes(i.orderId),
	);
	if (!targets.length) throw new V2Error('NotFound', 'no item of this batch matches');
	const stuck = targets.find(
		(i) => !['Init', 'Pending'].includes(i.status) || batch.status === 'Processing',
	);
	if (stuck)
		throw new V2Error(
			'UnableAbort',
			`item seq ${stuck.seq} is ${stuck.status} and cannot be aborted`,
		);
	for (const item of targets) {
		if (item.status === 'Pending') refund(ctx.sim, ctx.appId, batch, item, 'v2 batch aborted');
		item.status = 'Aborted';
	}
	if (batch.status !== 'Init' && !batch.items.some((i) => i.status === 'Pending'))
		batch.status = 'Completed';
	return batchView(batch, 1);
}

const itemView = (i) => ({
	seq: i.seq,
	orderId: i.orderId,
	recordId: i.recordId,
	address: i.address,
	memo: i.memo,
	amount: i.amount,
	fee: i.fee,
	status: i.status,
	txId: i.txId,
	reason: i.reason,
});

/** The batch order; verbose >= 1 adds its items. */
function batchView(batch, verbose) {
	const items = batch.items;
	const count = (s) => items.filter((i) => i.status === s).length;
	/** @type {Record<string, any>} */
	const out = {
		batchOrderId: batch.batchOrderId,
		billId: batch.billId,
		coinId: cat.coinIdOf(batch.coin),
		coinSymbol: batch.coin.symbol,
		chain: batch.chain,
		taskName: batch.taskName,
		mode: batch.mode,
		status: batch.status,
		delaySeconds: batch.delaySeconds,
		totalCount: items.filter(live).length,
		totalAmount: dec.sum(items.filter(live).map((i) => i.amount)),
		totalFee: dec.sum(items.filter(live).map((i) => i.fee)),
		successCount: count('Success'),
		failedCount: count('Failed'),
		abortedCount: count('Aborted'),
		createdAt: batch.createdAt,
		confirmedAt: batch.confirmedAt,
	};
	if (verbose >= 1) out.orders = items.map(itemView);
	return out;
}

/** @param {import('./routes').EndpointContext} ctx */
function getBatchWithdrawOrderRecordList(ctx) {
	const batch = batchOf(ctx, ctx.body.batchOrderId);
	const cursors = v2State(ctx.store, ctx.appId).cursors;
	let start = 0;
	if (ctx.body.nextId) {
		const after = cursors.get(ctx.body.nextId);
		if (after === undefined) throw invalid(`nextId ${ctx.body.nextId} is unknown`);
		start = Number(after);
	}
	const size = ctx.body.limit || 20;
	const records = batch.items.slice(start, start + size).map(itemView);
	let nextId = '';
	if (start + size < batch.items.length) {
		nextId = createHash('md5')
			.update(`${ctx.appId}:${batch.batchOrderId}:${start + size}`)
			.digest('hex');
		cursors.set(nextId, String(start + size));
	}
	return { records, nextId };
}

const S = 'string';
/** @type {import('./fields').FieldSpec[]} */
const ITEM = [
	{ name: 'seq', type: 'int', required: true, min: 0, allowZero: true },
	{ name: 'address', type: S, required: true },
	{ name: 'memo', type: S },
	{ name: 'amount', type: 'decimal', required: true },
	{ name: 'orderId', type: S, min: 3, max: 64 },
	{ name: 'remark', type: S, max: 255 },
];
/** @type {import('./fields').FieldSpec} */
const BATCH_ID = { name: 'batchOrderId', type: S, required: true, min: 3, max: 64 };

/** @type {Record<string, import('./routes').EndpointDef>} */
const endpoints = {
	checkWithdrawAddress: {
		fields: [
			{ name: 'chain', type: S, required: true },
			{
				name: 'addressInfoList',
				type: 'objects',
				required: true,
				minItems: 1,
				maxItems: MAX_ITEMS,
				items: [
					{ name: 'address', type: S, required: true },
					{ name: 'memo', type: S },
					{ name: 'seq', type: 'int', required: true, min: 0, allowZero: true },
				],
			},
		],
		handler: checkWithdrawAddress,
	},
	applyBatchWithdraw: {
		fields: [
			BATCH_ID,
			{ name: 'coinId', type: 'int', required: true, min: 1 },
			{ name: 'chain', type: S, required: true },
			{ name: 'taskName', type: S, max: 128 },
			{ name: 'productName', type: S, max: 128 },
			{ name: 'orders', type: 'objects', maxItems: MAX_ITEMS, items: ITEM },
			{ name: 'mode', type: S, values: ['Single', 'Batch'] },
			{ name: 'notifyUrl', type: 'url', max: 120 },
		],
		handler: applyBatchWithdraw,
	},
	appendBatchWithdraw: {
		fields: [
			BATCH_ID,
			{
				name: 'orders',
				type: 'objects',
				required: true,
				minItems: 1,
				maxItems: MAX_ITEMS,
				items: ITEM,
			},
		],
		handler: appendBatchWithdraw,
	},
	confirmBatchWithdraw: {
		fields: [BATCH_ID, { name: 'delaySeconds', type: 'int', min: 0, max: 3600, allowZero: true }],
		handler: confirmBatchWithdraw,
	},
	abortBatchWithdraw: {
		fields: [
			BATCH_ID,
			{ name: 'orderIds', type: 'strings', maxItems: MAX_ITEMS },
			{ name: 'seqs', type: 'ints', maxItems: MAX_ITEMS },
		],
		handler: abortBatchWithdraw,
	},
	getBatchWithdrawOrder: {
		fields: [BATCH_ID, { name: 'verbose', type: 'int', min: 0, max: 3, allowZero: true }],
		handler: (ctx) => batchView(batchOf(ctx, ctx.body.batchOrderId), ctx.body.verbose || 0),
	},
	getBatchWithdrawOrderRecordList: {
		fields: [
			BATCH_ID,
			{ name: 'nextId', type: S },
			{ name: 'limit', type: 'int', min: 1, max: 100 },
		],
		handler: getBatchWithdrawOrderRecordList,
	},
};

module.exports = { endpoints, finishBatch, startBatch, batchView, refund };
