// @ts-check
'use strict';
/** The computed payment state of v2 orders and invoices: exact decimal sums, every state. */
const { test } = require('node:test');
const assert = require('node:assert/strict');

const { product } = require('../../../../../dev/dist');

const { computePaymentState, orderPaymentState, invoicePaymentState } = product('paymentState');
const { compareDecimals, subtractDecimals } = product('decimalMathV2');

const NOW = 1_800_000_000;
/** @param {string[]} amounts @param {string} [status] */
const paid = (amounts, status = 'Success') => amounts.map((amount) => ({ amount, status }));

test('every state, with what was paid and what is still due', () => {
	/** @type {Array<[any, string, string, string, string]>} */
	const cases = [
		[{ amountDue: '0.3', payments: paid(['0.1', '0.2']) }, 'Paid', '0.3', '0', '0'],
		[{ amountDue: '1', payments: paid(['0.4']) }, 'Underpaid', '0.4', '0.6', '0'],
		[{ amountDue: '1', payments: paid(['0.7', '0.7']) }, 'Overpaid', '1.4', '0', '0.4'],
		[{ amountDue: '1', payments: [], expiredAt: NOW - 1 }, 'Expired', '0', '1', '0'],
		[
			{ amountDue: '1', payments: paid(['0.25']), expiredAt: NOW },
			'Expired Underpaid',
			'0.25',
			'0.75',
			'0',
		],
		[{ amountDue: '1', payments: paid(['1'], 'Processing') }, 'Pending', '0', '1', '0'],
		[{ amountDue: '1', payments: paid(['1']), expiredAt: NOW - 100 }, 'Paid', '1', '0', '0'],
	];
	for (const [input, state, paidAmount, remaining, over] of cases) {
		const result = computePaymentState({ now: NOW, ...input });
		assert.equal(result.paymentState, state, JSON.stringify(input));
		assert.equal(result.paidAmount, paidAmount);
		assert.equal(result.remainingAmount, remaining);
		assert.equal(result.overpaidAmount, over);
	}
});

test('18-decimal amounts sum exactly where floating point would not', () => {
	const result = computePaymentState({
		amountDue: '0.008552856654122477',
		payments: paid(['0.000000000000000001', '0.008552856654122476']),
		now: NOW,
	});
	assert.equal(result.paymentState, 'Paid');
	assert.equal(result.paidAmount, '0.008552856654122477');
	assert.equal(compareDecimals('0.30', '0.3'), 0);
	assert.equal(subtractDecimals('0.1', '0.3'), '-0.2');
});

test('orders count Success payments against amountToPay; invoices paidValue against price', () => {
	const order = orderPaymentState(
		{
			amountToPay: '10',
			expiredAt: NOW + 60,
			paidList: [
				{ amount: '4', status: 'Success', txid: 'a' },
				{ amount: '6', status: 'Failed', txid: 'b' },
				{ amount: '1', status: 'Processing', txid: 'c' },
			],
		},
		NOW,
	);
	assert.equal(order.paymentState, 'Underpaid');
	assert.equal(order.successCount, 1);
	assert.equal(order.pendingCount, 1);
	const invoice = invoicePaymentState(
		{
			price: '1',
			paidList: [
				{ paidAmount: '0.5', paidValue: '0.5', status: 'Success' },
				{ paidAmount: '1', paidValue: '0.522400000000000008', status: 'Success' },
			],
		},
		NOW,
	);
	assert.equal(invoice.paymentState, 'Overpaid');
	assert.equal(invoice.paidAmount, '1.022400000000000008');
	assert.equal(invoice.overpaidAmount, '0.022400000000000008');
});
