// @ts-check
'use strict';
/**
 * Catalogue part: money through the merchant balance: an order and an invoice, network and
 * Cwallet payouts and their record lists, a batch withdrawal from creation to its records, a swap.
 */
const c = require('./common');

const { ADDRESS, CWALLET_USER, USDT, TRX } = c;
const { j, coinRead, byId, expect, one, step } = c;

/**
 * @param {import('./common').Context} ctx
 * @returns {import('./common').Step[]}
 */
function paymentSteps(ctx) {
	const id = (/** @type {string} */ what) => `${ctx.tag}-${what}`;
	const batchOrderId = id('batch');
	return [
		step(
			'Order Create',
			{
				resource: 'order',
				operation: 'create',
				orderId: id('order'),
				coinId: byId(String(USDT)),
				chain: byId('TRX'),
				priceIn: 'fiat',
				fiatId: '1033',
				price: '25',
			},
			'createAppOrderDepositAddress',
			j({ orderId: id('order'), coinId: USDT, chain: 'TRX', price: '25', fiatId: 1033 }),
			(items) =>
				expect(one(items, 'outcome', 'created') && !!items[0].address, 'order created', items),
		),
		step(
			'Order Get',
			{ resource: 'order', operation: 'get', orderId: id('order') },
			'getAppOrderInfo',
			j({ orderId: id('order') }),
			(items) => expect(one(items, 'paymentState', 'Pending'), 'a pending order', items),
		),
		step(
			'Orders',
			{ resource: 'order', operation: 'getMany', orderIds: id('order') },
			'getAppOrderInfo',
			j({ orderId: id('order') }),
			(items) => expect(one(items, 'found', true), 'the order found', items),
		),
		step(
			'Invoice Create',
			{ resource: 'invoice', operation: 'create', orderId: id('invoice'), price: '10' },
			'createInvoiceUrl',
			j({ orderId: id('invoice'), price: '10', priceFiatId: 1033 }),
			(items) => expect(/^https?:\/\//.test(items[0]?.invoiceUrl ?? ''), 'an invoice URL', items),
		),
		step(
			'Invoice Get',
			{ resource: 'invoice', operation: 'get', orderId: id('invoice') },
			'getInvoiceOrderInfo',
			j({ orderId: id('invoice') }),
			(items) => expect(one(items, 'paymentState', 'Pending'), 'a pending invoice', items),
		),
		step(
			'Withdraw',
			{
				resource: 'withdrawal',
				operation: 'createToNetwork',
				orderId: id('wd'),
				coinId: byId(String(USDT)),
				chain: byId('POLYGON'),
				address: ADDRESS,
				amount: '5',
			},
			'applyAppWithdrawToNetwork',
			j({ coinId: USDT, chain: 'POLYGON', address: ADDRESS, orderId: id('wd'), amount: '5' }),
			(items) =>
				expect(one(items, 'outcome', 'created') && !!items[0].recordId, 'withdrawal made', items),
			[coinRead],
		),
		step(
			'Withdraw to Cwallet',
			{
				resource: 'withdrawal',
				operation: 'createToCwallet',
				orderId: id('cw'),
				coinId: byId(String(USDT)),
				cwalletUser: CWALLET_USER,
				amount: '1',
			},
			'applyAppWithdrawToCwallet',
			j({ coinId: USDT, cwalletUser: CWALLET_USER, amount: '1', orderId: id('cw') }),
			(items) =>
				expect(one(items, 'outcome', 'created') && !!items[0].recordId, 'Cwallet payout', items),
			[coinRead],
		),
		step(
			'Withdrawal Get',
			{ resource: 'withdrawal', operation: 'get', findBy: 'orderId', id: id('wd') },
			'getAppWithdrawRecord',
			j({ orderId: id('wd') }),
			(items) =>
				expect(one(items, 'amount', '5') && items[0].toAddress === ADDRESS, 'the payout', items),
		),
		step(
			'Withdrawals',
			{
				resource: 'withdrawal',
				operation: 'getMany',
				filters: { orderIds: `${id('wd')}, ${id('cw')}` },
			},
			'getAppWithdrawRecordList',
			j({ orderIds: [id('wd'), id('cw')] }),
			(items) =>
				expect(
					j(items.map((w) => w.orderId).sort()) === j([id('cw'), id('wd')]),
					'both payouts',
					items,
				),
		),
		step(
			'Auto Withdrawals',
			{
				resource: 'withdrawal',
				operation: 'getAutoWithdrawals',
				filters: { coinId: String(USDT) },
			},
			'getAutoWithdrawRecordList',
			j({ coinId: USDT }),
			(items) => expect(items.length === 0, 'the simulator never auto-withdraws', items),
		),
		step(
			'Risky Refunds',
			{
				resource: 'withdrawal',
				operation: 'getRiskyRefunds',
				filters: { recordIds: ctx.riskyRefundId },
			},
			'getRiskyRefundRecordList',
			j({ recordIds: [ctx.riskyRefundId] }),
			(items) => expect(one(items, 'recordId', ctx.riskyRefundId), 'the refund', items),
		),
		step(
			'Batch Check Addresses',
			{
				resource: 'batchWithdrawal',
				operation: 'checkAddresses',
				chain: byId('POLYGON'),
				seq: '1',
				address: ADDRESS,
			},
			'checkWithdrawAddress',
			j({ chain: 'POLYGON', addressInfoList: [{ address: ADDRESS, seq: 1 }] }),
			(items) => expect(one(items, 'valid', true), 'a valid batch address', items),
		),
		step(
			'Batch Create',
			{
				resource: 'batchWithdrawal',
				operation: 'create',
				batchOrderId,
				coinId: byId(String(USDT)),
				chain: byId('POLYGON'),
				seq: '1',
				address: ADDRESS,
				amount: '1.5',
			},
			'applyBatchWithdraw',
			j({
				batchOrderId,
				coinId: USDT,
				chain: 'POLYGON',
				orders: [{ seq: 1, address: ADDRESS, amount: '1.5' }],
				mode: 'Batch',
			}),
			(items) => expect(one(items, 'outcome', 'created'), 'batch created', items),
			[{ endpoint: 'getCoin', body: j({ coinId: USDT }) }],
		),
		step(
			'Batch Append',
			{
				resource: 'batchWithdrawal',
				operation: 'append',
				batchOrderId,
				seq: '2',
				address: ADDRESS,
				amount: '2',
			},
			'appendBatchWithdraw',
			j({ batchOrderId, orders: [{ seq: 2, address: ADDRESS, amount: '2' }] }),
			(items) => expect(one(items, 'seq', 2), 'order 2 appended', items),
		),
		step(
			'Batch Abort',
			{ resource: 'batchWithdrawal', operation: 'abort', batchOrderId, seqs: '2' },
			'abortBatchWithdraw',
			j({ batchOrderId, seqs: [2] }),
			(items) => expect(one(items, 'batchOrderId', batchOrderId), 'batch answered', items),
		),
		step(
			'Batch Confirm',
			{ resource: 'batchWithdrawal', operation: 'confirm', batchOrderId },
			'confirmBatchWithdraw',
			j({ batchOrderId }),
			(items) => expect(one(items, 'batchOrderId', batchOrderId), 'batch confirmed', items),
		),
		step(
			'Batch Get',
			{ resource: 'batchWithdrawal', operation: 'get', batchOrderId },
			'getBatchWithdrawOrder',
			j({ batchOrderId }),
			(items) =>
				expect(
					items.length === 1 && items[0].totalCount === 1 && items[0].abortedCount === 1,
					'one live order, one aborted',
					items,
				),
		),
		step(
			'Batch Records',
			{ resource: 'batchWithdrawal', operation: 'getRecords', batchOrderId },
			'getBatchWithdrawOrderRecordList',
			j({ batchOrderId }),
			(items) =>
				expect(
					j(items.map((r) => r.seq)) === '[1,2]' && items[1].status === 'Aborted',
					'seq 1 paid, seq 2 aborted',
					items,
				),
		),
		step(
			'Swap',
			{
				resource: 'swap',
				operation: 'swap',
				orderId: id('swap'),
				coinIdIn: String(USDT),
				amountIn: '100',
				coinIdOut: String(TRX),
			},
			'swap',
			j({ orderId: id('swap'), coinIdIn: USDT, amountIn: '100', coinIdOut: TRX }),
			(items) => expect(one(items, 'outcome', 'created') && !!items[0].recordId, 'swapped', items),
			[coinRead],
		),
		step(
			'Swap Get',
			{ resource: 'swap', operation: 'get', findBy: 'orderId', id: id('swap') },
			'getSwapRecord',
			j({ orderId: id('swap') }),
			(items) => expect(one(items, 'amountIn', '100'), 'the swap', items),
		),
		step(
			'Swaps',
			{ resource: 'swap', operation: 'getMany', filters: { orderIds: id('swap') } },
			'getSwapRecordList',
			j({ orderIds: [id('swap')] }),
			(items) => expect(one(items, 'orderId', id('swap')), 'the one swap', items),
		),
	];
}

module.exports = { paymentSteps };
