// @ts-check
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');

const { setup, byId, jsonOf, pairedOf, TOKENS } = require('../../../../helpers/run-node');

/** @type {Awaited<ReturnType<typeof setup>>} */
let t;
const DEPOSITS = ['d-005', 'd-099', 'd-100', 'd-150', 'd-200', 'd-249'];
const WITHDRAWALS = ['w-1', 'w-2', 'w-3'];
const ids = Array.from({ length: 250 }, (_, i) => `d-${String(i).padStart(3, '0')}`);

before(async () => {
	t = await setup();
	await t.run(
		{
			resource: 'checkout',
			operation: 'createNativeOrder',
			merchantOrderId: '={{ $json.id }}',
			tokenId: byId(TOKENS.USDT_TRC20),
			denominatedCurrency: 'USD',
			productPrice: '10',
		},
		{ items: DEPOSITS.map((id) => ({ json: { id } })) },
	);
	await t.run(
		{
			resource: 'withdrawal',
			operation: 'create',
			merchantOrderId: '={{ $json.id }}',
			address: '9454818',
			tokenId: byId(TOKENS.USDT_TRC20),
			value: '1.5',
		},
		{ items: WITHDRAWALS.map((id) => ({ json: { id } })) },
	);
	t.sim.actions.payOrder({ merchant_order_id: 'd-099', mode: 'full' });
	t.sim.clearRequests();
});
after(async () => await t.stop());

const orderGet = { resource: 'order', operation: 'get' };

test('250 IDs (with repeats) make 3 calls of <= 100 in order; output follows the requested order', async () => {
	t.sim.clearRequests();
	const reversed = [...ids].reverse();
	const input = [...reversed.slice(0, 10), ...reversed].join(', ');
	const items = await t.run({ ...orderGet, merchantOrderIds: input });
	const calls = t.bodies('bill/info').map((body) => JSON.parse(body).merchant_order_ids);
	assert.deepEqual(
		calls.map((list) => list.length),
		[100, 100, 50],
	);
	assert.deepEqual(calls.flat(), reversed, 'deduplicated, first occurrence wins, order kept');
	const json = jsonOf(items);
	assert.deepEqual(
		json.map((order) => order.merchant_order_id),
		[...DEPOSITS].reverse(),
	);
	assert.deepEqual(pairedOf(items), [0, 0, 0, 0, 0, 0]);
});

test('simplified deposit orders: flat details and exact payment totals', async () => {
	const items = await t.run({ ...orderGet, merchantOrderIds: 'd-099,d-005' });
	const [paid, unpaid] = jsonOf(items);
	assert.equal(paid.merchant_order_id, 'd-099');
	assert.equal(paid.status, 'Successful');
	assert.equal(paid.product_price, '10');
	assert.equal(paid.paid_amount, paid.order_amount);
	assert.equal(paid.payment_count, 1);
	assert.equal(unpaid.status, 'Pending');
	assert.equal(unpaid.paid_amount, '0');
	assert.equal(unpaid.order_detail, undefined);
	assert.equal(unpaid.trade_list, undefined);
});

test('Simplify off returns the raw bill/info entries', async () => {
	const items = await t.run({ ...orderGet, merchantOrderIds: 'd-099', simplify: false });
	const [raw] = jsonOf(items);
	assert.equal(raw.order_detail.merchant_order_id, 'd-099');
	assert.equal(raw.trade_list.length, 1);
	assert.ok(Array.isArray(raw.refund_list) || raw.refund_list === undefined);
});

test('Include Not Found: one item per requested ID, found flag on each', async () => {
	const items = await t.run({
		...orderGet,
		merchantOrderIds: 'missing-1, d-005, missing-2',
		options: { includeNotFound: true },
	});
	const json = jsonOf(items);
	assert.deepEqual(
		json.map((entry) => [entry.merchant_order_id, entry.found]),
		[
			['missing-1', false],
			['d-005', true],
			['missing-2', false],
		],
	);
	assert.deepEqual(json[0], { merchant_order_id: 'missing-1', found: false });
});

test('IDs per item from expressions (lists or text); pairedItem points at each item', async () => {
	const items = await t.run(
		{ ...orderGet, merchantOrderIds: '={{ $json.ids }}' },
		{
			items: [
				{ json: { ids: ['d-150', 'd-005'] } },
				{ json: { ids: 'd-249' } },
				{ json: { ids: ['nope'] } },
			],
		},
	);
	assert.deepEqual(
		jsonOf(items).map((entry) => entry.merchant_order_id),
		['d-150', 'd-005', 'd-249'],
	);
	assert.deepEqual(pairedOf(items), [0, 0, 1]);
});

test('no IDs: validation failure, and an error item with continueOnFail', async () => {
	const before = t.count('bill/info');
	const error = await t.fail({ ...orderGet, merchantOrderIds: ' , ' });
	assert.match(error.message, /^Merchant Order IDs contains no order ID \[item 0\]$/);
	const items = await t.run(
		{ ...orderGet, merchantOrderIds: '={{ $json.ids }}' },
		{
			continueOnFail: true,
			items: [{ json: { ids: '' } }, { json: { ids: 'd-005' } }],
		},
	);
	const json = jsonOf(items);
	assert.equal(json[0].kind, 'invalid_parameter');
	assert.match(String(json[0].error), /no order ID/);
	assert.equal(json[1].merchant_order_id, 'd-005');
	assert.deepEqual(pairedOf(items), [0, 1]);
	assert.equal(t.count('bill/info'), before + 1);
});

test('mixing deposit and withdrawal IDs is a CCPayment business error (with/without continueOnFail)', async () => {
	const error = await t.fail({ ...orderGet, merchantOrderIds: 'd-005, w-1' });
	assert.match(error.message, /code 229904: invalid params/);
	const items = await t.run(
		{ ...orderGet, merchantOrderIds: 'd-005, w-1' },
		{ continueOnFail: true },
	);
	assert.equal(jsonOf(items)[0].code, 229904);
	assert.equal(jsonOf(items)[0].kind, 'business');
});
