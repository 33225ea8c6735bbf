// @ts-check
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { product } = require('../../../../../dev/dist');

const { simplifyDepositOrder, simplifyWithdrawalOrder, simplifyCoin, sumField } =
	product('simplify');

// bill/info answers shaped like CCPayment's documented examples.
const deposit = {
	order_detail: {
		product_price: '0.1',
		denominated_currency: 'USD',
		product_name: 'gmail-deposit',
		merchant_order_id: '1684723374629',
		chain: 'FTM',
		contract: '250',
		crypto: 'FTM',
		order_amount: '0.279173646007816863',
		status: 'Successful',
		token_rate: '0.3582',
		created: 1684723398,
	},
	trade_list: [
		{
			amount: '0.279173646007816863',
			chain: 'FTM',
			txid: '0x5c',
			pay_time: 1684727677,
			service_fee: '0.000083752093802346',
		},
		{ amount: '0.1', chain: 'FTM', txid: '0x6d', pay_time: 1684727699 },
	],
	refund_list: [{ refund_amount: '0.1', status: 'Successful' }],
};
const withdrawal = {
	order_detail: {
		merchant_order_id: '1698735528116569',
		chain: 'TRX',
		contract: 'TR7N',
		crypto: 'USDT',
		order_amount: '1',
		token_rate: '1',
		status: 'Successful',
		created: 1698735530,
		order_id: '202310310658501719247540351442944',
	},
	trade_list: [
		{
			amount: '1',
			service_fee: '0',
			network_fee: '0',
			network_coin_id: '217d',
			network_fee_crypto: 'TRX',
			network_fee_value: '0.85',
			txid: '',
			pay_time: 1698735530,
		},
	],
};

test('deposit order: flat details plus exact totals', () => {
	assert.deepEqual(simplifyDepositOrder(deposit), {
		merchant_order_id: '1684723374629',
		status: 'Successful',
		product_name: 'gmail-deposit',
		product_price: '0.1',
		denominated_currency: 'USD',
		crypto: 'FTM',
		chain: 'FTM',
		order_amount: '0.279173646007816863',
		token_rate: '0.3582',
		created: 1684723398,
		paid_amount: '0.379173646007816863',
		payment_count: 2,
		refunded_amount: '0.1',
		refund_count: 1,
		last_txid: '0x6d',
		last_pay_time: 1684727699,
	});
	const unpaid = simplifyDepositOrder({
		order_detail: { merchant_order_id: 'x', status: 'Pending' },
	});
	assert.equal(unpaid.paid_amount, '0');
	assert.equal(unpaid.payment_count, 0);
});

test('withdrawal order: flat details with its trade fee and txid', () => {
	assert.deepEqual(simplifyWithdrawalOrder(withdrawal), {
		merchant_order_id: '1698735528116569',
		order_id: '202310310658501719247540351442944',
		status: 'Successful',
		crypto: 'USDT',
		chain: 'TRX',
		amount: '1',
		network_fee: '0',
		network_fee_crypto: 'TRX',
		network_fee_value: '0.85',
		service_fee: '0',
		txid: '',
		created: 1698735530,
		pay_time: 1698735530,
	});
});

test('sums skip nothing silently: a non-decimal amount gives no total', () => {
	assert.equal(sumField([{ a: '1' }, { a: 'n/a' }], 'a'), undefined);
	assert.equal(sumField([{ a: '1' }, {}], 'a'), '1');
});

const { coins } = require('../../../../helpers/v1-coins');

test('coin: tokens array replaced by a networks list', () => {
	assert.deepEqual(simplifyCoin(coins[0]), {
		coin_id: 'c-usdt',
		symbol: 'USDT',
		name: 'Tether USD',
		price: '1',
		min: '0.01',
		precision: 6,
		status: 1,
		networks: ['TRC20 (TRX)', 'ERC20 (ETH)'],
	});
});
