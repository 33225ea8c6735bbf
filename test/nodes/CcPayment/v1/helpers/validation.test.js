// @ts-check
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { product } = require('../../../../../dev/dist');

const v = product('validation');

/** @param {() => unknown} fn @param {RegExp} message @param {RegExp} [fix] */
function rejects(fn, message, fix) {
	try {
		fn();
	} catch (error) {
		assert.ok(error instanceof v.InvalidParameterError, `not an InvalidParameterError: ${error}`);
		assert.match(error.message, message);
		if (fix) assert.match(error.fix, fix);
		return error;
	}
	assert.fail('expected a validation failure');
}

test('positive amounts: decimal string, > 0, max decimals', () => {
	assert.equal(v.positiveAmount('0.1', 'Product Price', { maxDecimals: 2 }), '0.1');
	assert.equal(v.positiveAmount(19.99, 'Product Price', { maxDecimals: 2 }), '19.99');
	assert.equal(v.positiveAmount('1.50', 'Product Price', { maxDecimals: 1 }), '1.5');
	rejects(
		() => v.positiveAmount('1.234', 'Product Price', { maxDecimals: 2, example: '19.99' }),
		/^Product Price allows at most 2 decimal places \(got "1.234"\)/,
		/19\.99/,
	);
	rejects(() => v.positiveAmount('0', 'Amount'), /^Amount must be greater than 0/);
	rejects(() => v.positiveAmount('0.00', 'Amount'), /greater than 0/);
	rejects(() => v.positiveAmount('1e21', 'Amount'), /^Amount uses exponent notation/);
	rejects(() => v.positiveAmount(1e21, 'Amount'), /too large/, /string/);
	rejects(() => v.positiveAmount('-5', 'Amount'), /positive/);
	rejects(() => v.positiveAmount('', 'Amount'), /empty/);
	assert.equal(v.positiveAmount('0.000000000000000001', 'Amount'), '0.000000000000000001');
});

test('required and optional text', () => {
	assert.equal(v.requiredText(' order-1 ', 'Merchant Order ID'), 'order-1');
	assert.equal(v.requiredText(1684723374629, 'Merchant Order ID'), '1684723374629');
	rejects(
		() => v.requiredText('  ', 'Merchant Order ID'),
		/^Merchant Order ID is required but empty/,
	);
	rejects(() => v.requiredText(undefined, 'Address'), /^Address is required/);
	rejects(() => v.requiredText(2 ** 60, 'Merchant Order ID'), /cannot be used as an exact ID/);
	rejects(() => v.requiredText(['a'], 'Merchant Order ID'), /must be text/);
	assert.equal(v.optionalText('', 'Memo'), undefined);
	assert.equal(v.optionalText(undefined, 'Memo'), undefined);
});

test('user_id is 3 to 64 characters', () => {
	assert.equal(v.userId('abc'), 'abc');
	assert.equal(v.userId('x'.repeat(64)), 'x'.repeat(64));
	rejects(() => v.userId('ab'), /^User ID must be 3 to 64 characters long \(got 2\)/);
	rejects(() => v.userId('x'.repeat(65)), /got 65/);
	rejects(() => v.userId(''), /required/);
});

test('order_valid_period: 0..864000, 0..7200 for Lightning', () => {
	assert.equal(v.orderValidPeriod(undefined), undefined);
	assert.equal(v.orderValidPeriod(0), 0);
	assert.equal(v.orderValidPeriod(864000), 864000);
	assert.equal(v.orderValidPeriod('1800'), 1800);
	assert.equal(v.orderValidPeriod(7200, { lightning: true }), 7200);
	rejects(() => v.orderValidPeriod(864001), /at most 864000 seconds/);
	rejects(
		() => v.orderValidPeriod(7201, { lightning: true }),
		/7200 seconds \(2 hours\) for Lightning/,
	);
	rejects(() => v.orderValidPeriod(-1), /whole number/);
	rejects(() => v.orderValidPeriod(1.5), /whole number/);
	rejects(() => v.orderValidPeriod('soon'), /whole number/);
});

test('ID lists: commas, newlines, arrays, numbers; deduplicated in order', () => {
	assert.deepEqual(v.idList('a, b,a ,c', 'IDs'), ['a', 'b', 'c']);
	assert.deepEqual(v.idList('a\nb\r\nc,,', 'IDs'), ['a', 'b', 'c']);
	assert.deepEqual(v.idList(['x', 'y', ['z', 'x'], 42], 'IDs'), ['x', 'y', 'z', '42']);
	assert.deepEqual(v.idList(['a,b', 'c'], 'IDs'), ['a', 'b', 'c']);
	rejects(() => v.idList('', 'Merchant Order IDs'), /^Merchant Order IDs contains no order ID/);
	rejects(() => v.idList([], 'Merchant Order IDs'), /no order ID/);
	rejects(() => v.idList(' , ,', 'Merchant Order IDs'), /no order ID/);
	rejects(() => v.idList([{}], 'Merchant Order IDs'), /must be text/);
});

test('chunking keeps order and the size limit', () => {
	const ids = Array.from({ length: 250 }, (_, i) => `id-${i}`);
	const chunks = v.chunk(ids, 100);
	assert.deepEqual(
		chunks.map((c) => c.length),
		[100, 100, 50],
	);
	assert.deepEqual(chunks.flat(), ids);
	assert.deepEqual(v.chunk([], 100), []);
});

test('enums and the resend window', () => {
	assert.equal(v.oneOf('All Result', v.WEBHOOK_RESULTS, 'Webhook Result'), 'All Result');
	rejects(
		() => v.oneOf('all', v.WEBHOOK_RESULTS, 'Webhook Result'),
		/must be one of "Failed", "All Result"/,
	);
	rejects(
		() => v.oneOf('Deposit', v.TRANSACTION_TYPES, 'Transaction Type'),
		/Transaction Type must be one of/,
	);
	v.resendWindow(1700000000, undefined);
	v.resendWindow(1700000000, 1700003600);
	rejects(() => v.resendWindow(1700000000, 1700003601), /at most a 1-hour window/);
	rejects(() => v.resendWindow(1700000000, 1699999999), /before Start Time/);
});
