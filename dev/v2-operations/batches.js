// @ts-check
'use strict';
/**
 * Catalogue part: a batch withdrawal from the merchant balance, from the address check through
 * creation, an appended order, aborting it, confirming the batch, to the batch and its records.
 */
const c = require('./common');

const { ADDRESS, USDT, NOTIFY_URL } = c;
const { j, coinRead, byId, expect, one, step } = c;

/**
 * @param {import('./common').Context} ctx
 * @returns {import('./common').Step[]}
 */
function batchSteps(ctx) {
	const batchOrderId = `${ctx.tag}-batch`;
	return [
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
				orderFields: { remark: 'first' },
				additionalFields: { productName: 'Payroll', mode: 'Batch', notifyUrl: NOTIFY_URL },
			},
			'applyBatchWithdraw',
			j({
				batchOrderId,
				coinId: USDT,
				chain: 'POLYGON',
				productName: 'Payroll',
				orders: [{ seq: 1, address: ADDRESS, amount: '1.5', remark: 'first' }],
				mode: 'Batch',
				notifyUrl: NOTIFY_URL,
			}),
			(items) => expect(one(items, 'outcome', 'created'), 'batch created', items),
			[coinRead],
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
	];
}

module.exports = { batchSteps };
