// @ts-check
const { test, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');

const { setup, byId, fromList, jsonOf, pairedOf, TOKENS } = require('../../../../helpers/run-node');

/** @type {Awaited<ReturnType<typeof setup>>} */
let t;
before(async () => {
	t = await setup();
});
after(async () => await t.stop());
beforeEach(async () => await t.sim.reset());

const hosted = { resource: 'checkout', operation: 'createHostedUrl' };
const native = { resource: 'checkout', operation: 'createNativeOrder' };

test('hosted checkout: exact body (strings stay strings, no float drift), payment URL out', async () => {
	const items = await t.run({
		...hosted,
		merchantOrderId: 'order-1001',
		productPrice: '0.1',
		productName: 'Test',
		additionalFields: {
			orderValidPeriod: 1800,
			returnUrl: 'https://shop.example.com/thanks',
			notifyUrl: 'https://n8n.example.com/hook',
			customValue: 'c-1',
		},
	});
	assert.deepEqual(t.bodies('concise/url/get'), [
		'{"product_price":"0.1","merchant_order_id":"order-1001","product_name":"Test","order_valid_period":1800,"return_url":"https://shop.example.com/thanks","notify_url":"https://n8n.example.com/hook","custom_value":"c-1"}',
	]);
	const [json] = jsonOf(items);
	assert.equal(json.merchant_order_id, 'order-1001');
	assert.match(String(json.payment_url), /^http:\/\/127\.0\.0\.1:\d+\/pay\?key=\d+$/);
	assert.deepEqual(pairedOf(items), [0]);
});

test('hosted checkout: price from an expression number becomes an exact string, per item', async () => {
	const items = await t.run(
		{
			...hosted,
			merchantOrderId: '={{ $json.id }}',
			productPrice: '={{ $json.price }}',
			productName: 'Plan',
		},
		{ items: [{ json: { id: 'a-1', price: 19.99 } }, { json: { id: 'a-2', price: 5 } }] },
	);
	assert.deepEqual(t.bodies('concise/url/get'), [
		'{"product_price":"19.99","merchant_order_id":"a-1","product_name":"Plan"}',
		'{"product_price":"5","merchant_order_id":"a-2","product_name":"Plan"}',
	]);
	assert.deepEqual(pairedOf(items), [0, 1]);
});

test('hosted checkout: validation fails before any call, naming field, rule and item', async () => {
	const error = await t.fail({
		...hosted,
		merchantOrderId: 'o-1',
		productPrice: '1.234',
		productName: 'X',
	});
	assert.match(
		error.message,
		/^Product Price \(USD\) allows at most 2 decimal places \(got "1\.234"\) \[item 0\]$/,
	);
	assert.match(error.description, /Round the amount/);
	assert.equal(error.context.itemIndex, 0);
	const huge = await t.fail({
		...hosted,
		merchantOrderId: 'o-1',
		productPrice: '={{ 1e21 }}',
		productName: 'X',
	});
	assert.match(huge.message, /too large to be represented exactly/);
	const period = await t.fail({
		...hosted,
		merchantOrderId: 'o-1',
		productPrice: '1',
		productName: 'X',
		additionalFields: { orderValidPeriod: 864001 },
	});
	assert.match(period.message, /Order Valid Period must be at most 864000 seconds/);
	const empty = await t.fail({
		...hosted,
		merchantOrderId: ' ',
		productPrice: '1',
		productName: 'X',
	});
	assert.match(empty.message, /^Merchant Order ID is required but empty/);
	assert.equal(t.count('concise/url/get'), 0);
});

test('hosted checkout: duplicate merchant order ID is a business error; continueOnFail gives an error item', async () => {
	const params = { ...hosted, merchantOrderId: 'dup-1', productPrice: '10', productName: 'X' };
	await t.run(params);
	const error = await t.fail(params);
	assert.match(
		error.message,
		/CCPayment rejected the request \(code 229906: merchant_order_id already exists/,
	);
	assert.equal(t.count('concise/url/get'), 2, 'a definite business error is not retried');

	const items = await t.run(params, {
		continueOnFail: true,
		items: [{ json: {} }, { json: {} }],
	});
	const json = jsonOf(items);
	assert.equal(json.length, 2);
	for (const entry of json) {
		assert.equal(entry.code, 229906);
		assert.equal(entry.kind, 'business');
		assert.match(String(entry.msg), /already exists/);
		assert.match(String(entry.error), /code 229906/);
		assert.equal(entry.outcome, 'failed');
		assert.equal(entry.merchant_order_id, 'dup-1');
	}
	assert.deepEqual(pairedOf(items), [0, 1]);
});

test('native order: exact body incl. token ID from the locator, USD price, optional fields', async () => {
	const items = await t.run({
		...native,
		merchantOrderId: 'n-1',
		tokenId: byId(TOKENS.USDT_TRC20),
		denominatedCurrency: 'USD',
		productPrice: '12',
		additionalFields: {
			orderValidPeriod: 1800,
			remark: 'r',
			notifyUrl: 'https://n8n.example.com/hook',
			customValue: 'cv',
		},
	});
	assert.deepEqual(t.bodies('bill/create'), [
		`{"merchant_order_id":"n-1","product_price":"12","token_id":"${TOKENS.USDT_TRC20}","denominated_currency":"USD","order_valid_period":1800,"remark":"r","notify_url":"https://n8n.example.com/hook","custom_value":"cv"}`,
	]);
	const [json] = jsonOf(items);
	assert.equal(json.outcome, 'created');
	assert.equal(json.merchant_order_id, 'n-1');
	assert.equal(json.token_id, TOKENS.USDT_TRC20);
	assert.equal(json.crypto, 'USDT');
	assert.equal(typeof json.pay_address, 'string');
	assert.equal(json.amount, '12');
});

test('native order: token-priced amounts keep all decimals; fiat prices allow 2', async () => {
	await t.run({
		...native,
		merchantOrderId: 'n-2',
		tokenId: byId(TOKENS.ETH),
		denominatedCurrency: 'token',
		productPrice: '0.000123456789',
	});
	assert.deepEqual(t.bodies('bill/create'), [
		`{"merchant_order_id":"n-2","product_price":"0.000123456789","token_id":"${TOKENS.ETH}","denominated_currency":"token"}`,
	]);
	const error = await t.fail({
		...native,
		merchantOrderId: 'n-3',
		tokenId: byId(TOKENS.ETH),
		denominatedCurrency: 'EUR',
		productPrice: '0.001',
	});
	assert.match(error.message, /^Product Price allows at most 2 decimal places/);
	const currency = await t.fail({
		...native,
		merchantOrderId: 'n-3',
		tokenId: byId(TOKENS.ETH),
		denominatedCurrency: 'US$',
		productPrice: '1',
	});
	assert.match(currency.message, /Price Currency must be a currency code or "token"/);
	const token = await t.fail({
		...native,
		merchantOrderId: 'n-3',
		tokenId: byId(''),
		productPrice: '1',
	});
	assert.match(token.message, /^Token is required but empty/);
});

test('native order: Lightning token picked from the list caps the valid period at 7200', async () => {
	const params = {
		...native,
		merchantOrderId: 'ln-1',
		tokenId: fromList(TOKENS.SATS, 'SATS · LIGHTNING (LIGHTNING)'),
		denominatedCurrency: 'USD',
		productPrice: '5',
	};
	const error = await t.fail({ ...params, additionalFields: { orderValidPeriod: 7201 } });
	assert.match(error.message, /at most 7200 seconds \(2 hours\) for Lightning/);
	await t.run({ ...params, additionalFields: { orderValidPeriod: 7200 } });
	assert.equal(t.count('bill/create'), 1);
});

test('native order: token under maintenance is a business error, with and without continueOnFail', async () => {
	const params = {
		...native,
		merchantOrderId: 'n-4',
		tokenId: byId(TOKENS.FTM_MAINTENANCE),
		denominatedCurrency: 'USD',
		productPrice: '5',
	};
	const error = await t.fail(params);
	assert.match(error.message, /code 229905: token not supported/);
	const items = await t.run(params, { continueOnFail: true });
	assert.equal(jsonOf(items)[0].code, 229905);
	assert.equal(jsonOf(items)[0].outcome, 'failed');
	assert.equal(t.count('bill/create'), 2);
	assert.equal(t.count('bill/info'), 0, 'a definite rejection needs no reconciliation');
});
