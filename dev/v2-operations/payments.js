// @ts-check
'use strict';
/**
 * Catalogue part: money through the merchant balance: an order and an invoice, a network fee
 * quote and the payout that uses it, a Cwallet payout, their record lists, and a swap.
 */
const c = require('./common');

const { ADDRESS, CWALLET_USER, USDT, TRX, NOTIFY_URL } = c;
const { j, coinRead, byId, expect, one, decimal, step } = c;

/** The optional checkout fields of orders and invoices that do not depend on the clock. */
const CHECKOUT_FIELDS = {
	buyerEmail: 'buyer@example.com',
	product: 'Every operation',
	returnUrl: 'https://example.com/return',
	closeUrl: 'https://example.com/close',
	notifyUrl: NOTIFY_URL,
};

/**
 * @param {import('./common').Context} ctx
 * @returns {import('./common').Step[]}
 */
function paymentSteps(ctx) {
	const id = (/** @type {string} */ what) => `${ctx.tag}-${what}`;
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
				additionalFields: { ...CHECKOUT_FIELDS, generateCheckoutURL: true },
			},
			'createAppOrderDepositAddress',
			j({
				orderId: id('order'),
				coinId: USDT,
				chain: 'TRX',
				price: '25',
				fiatId: 1033,
				buyerEmail: CHECKOUT_FIELDS.buyerEmail,
				generateCheckoutURL: true,
				product: CHECKOUT_FIELDS.product,
				returnUrl: CHECKOUT_FIELDS.returnUrl,
				closeUrl: CHECKOUT_FIELDS.closeUrl,
				notifyUrl: CHECKOUT_FIELDS.notifyUrl,
			}),
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
			{
				resource: 'invoice',
				operation: 'create',
				orderId: id('invoice'),
				priceIn: 'coin',
				priceCoinId: String(USDT),
				price: '10',
				additionalFields: CHECKOUT_FIELDS,
			},
			'createInvoiceUrl',
			j({
				orderId: id('invoice'),
				price: '10',
				priceCoinId: USDT,
				product: CHECKOUT_FIELDS.product,
				returnUrl: CHECKOUT_FIELDS.returnUrl,
				closeUrl: CHECKOUT_FIELDS.closeUrl,
				notifyUrl: CHECKOUT_FIELDS.notifyUrl,
				buyerEmail: CHECKOUT_FIELDS.buyerEmail,
			}),
			(items) => expect(/^https?:\/\//.test(items[0]?.invoiceUrl ?? ''), 'an invoice URL', items),
			[coinRead],
		),
		step(
			'Invoice Get',
			{ resource: 'invoice', operation: 'get', orderId: id('invoice') },
			'getInvoiceOrderInfo',
			j({ orderId: id('invoice') }),
			(items) => expect(one(items, 'paymentState', 'Pending'), 'a pending invoice', items),
		),
		step(
			'Network Fee',
			{
				resource: 'withdrawal',
				operation: 'getNetworkFee',
				coinId: byId(String(USDT)),
				chain: byId('POLYGON'),
			},
			'getWithdrawFee',
			j({ coinId: USDT, chain: 'POLYGON' }),
			(items) =>
				expect(
					items.length === 1 && decimal(items[0].fee?.amount) && !!items[0].networkFeeInquiryID,
					'a fee quote',
					items,
				),
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
				additionalFields: {
					merchantPayNetworkFee: true,
					networkFeeInquiryID: '={{ $json.networkFeeInquiryID }}',
					notifyUrl: NOTIFY_URL,
				},
			},
			'applyAppWithdrawToNetwork',
			(quote) =>
				j({
					coinId: USDT,
					chain: 'POLYGON',
					address: ADDRESS,
					orderId: id('wd'),
					amount: '5',
					merchantPayNetworkFee: true,
					networkFeeInquiryID: quote.networkFeeInquiryID,
					notifyUrl: NOTIFY_URL,
				}),
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
				filters: { coinId: String(USDT), orderIds: `${id('wd')}, ${id('cw')}` },
			},
			'getAppWithdrawRecordList',
			j({ coinId: USDT, orderIds: [id('wd'), id('cw')] }),
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
				filters: { coinId: String(USDT), chain: 'POLYGON' },
			},
			'getAutoWithdrawRecordList',
			j({ coinId: USDT, chain: 'POLYGON' }),
			(items) => expect(items.length === 0, 'the simulator never auto-withdraws', items),
		),
		step(
			'Risky Refunds',
			{
				resource: 'withdrawal',
				operation: 'getRiskyRefunds',
				filters: { coinId: String(USDT), chain: 'TRX', recordIds: ctx.riskyRefundId },
			},
			'getRiskyRefundRecordList',
			j({ coinId: USDT, chain: 'TRX', recordIds: [ctx.riskyRefundId] }),
			(items) => expect(one(items, 'recordId', ctx.riskyRefundId), 'the refund', items),
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
				additionalFields: { amountOutMinimum: '1' },
			},
			'swap',
			j({
				orderId: id('swap'),
				coinIdIn: USDT,
				amountIn: '100',
				coinIdOut: TRX,
				amountOutMinimum: '1',
			}),
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
			{
				resource: 'swap',
				operation: 'getMany',
				filters: { coinIdIn: String(USDT), coinIdOut: String(TRX), orderIds: id('swap') },
			},
			'getSwapRecordList',
			j({ coinIdIn: USDT, coinIdOut: TRX, orderIds: [id('swap')] }),
			(items) => expect(one(items, 'orderId', id('swap')), 'the one swap', items),
		),
	];
}

module.exports = { paymentSteps };
