// @ts-check
const { test, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');

const { setup, byId, jsonOf, pairedOf, TOKENS, COIN } = require('../../../../helpers/run-node');

/** @type {Awaited<ReturnType<typeof setup>>} */
let t;
before(async () => {
	t = await setup();
});
after(async () => await t.stop());
beforeEach(async () => await t.sim.reset());

const create = { resource: 'withdrawal', operation: 'create' };
const TRON_ADDRESS = 'TYWnk1EGALQyYst2yFSd29QQQTEkuKMbyt';

test('create: exact body (value as a string, booleans and memo as typed), created outcome', async () => {
	const items = await t.run({
		...create,
		merchantOrderId: 'payout-1',
		address: TRON_ADDRESS,
		tokenId: byId(TOKENS.USDT_TRC20),
		value: '25.5',
		additionalFields: { memo: '12345', merchantPaysFee: true },
	});
	assert.deepEqual(t.bodies('withdraw'), [
		`{"merchant_order_id":"payout-1","address":"${TRON_ADDRESS}","token_id":"${TOKENS.USDT_TRC20}","value":"25.5","memo":"12345","merchant_pays_fee":true}`,
	]);
	const [json] = jsonOf(items);
	assert.equal(json.outcome, 'created');
	assert.equal(json.merchant_order_id, 'payout-1');
	assert.equal(json.net_receivable, '25.5');
	assert.equal(typeof json.order_id, 'string');
	assert.equal(typeof json.record_id, 'string');
	const debits = t.sim.ledger().withdrawal_debits[t.sim.merchant.appId];
	assert.deepEqual(debits, { 'payout-1': 1 });
});

test('create: numbers from expressions are sent as exact decimal strings; one debit per item', async () => {
	const items = await t.run(
		{
			...create,
			merchantOrderId: '={{ $json.id }}',
			address: '={{ $json.to }}',
			tokenId: byId(TOKENS.USDT_TRC20),
			value: '={{ $json.amount }}',
		},
		{
			items: [
				{ json: { id: 'p-a', to: '9454818', amount: 0.1 } },
				{ json: { id: 'p-b', to: '9454818', amount: 1e-6 } },
				{ json: { id: 'p-c', to: '10000001', amount: 7 } },
			],
		},
	);
	assert.deepEqual(
		t.bodies('withdraw').map((body) => JSON.parse(body).value),
		['0.1', '0.000001', '7'],
	);
	for (const body of t.bodies('withdraw')) assert.match(body, /"value":"[0-9.]+"/);
	assert.deepEqual(
		jsonOf(items).map((json) => json.outcome),
		['created', 'created', 'created'],
	);
	assert.deepEqual(pairedOf(items), [0, 1, 2]);
});

test('create: merchant order ID is required (never generated); other validation failures', async () => {
	const base = {
		...create,
		merchantOrderId: 'p-1',
		address: '9454818',
		tokenId: byId(TOKENS.USDT_TRC20),
		value: '1',
	};
	const missing = await t.fail({ ...base, merchantOrderId: '' });
	assert.match(missing.message, /^Merchant Order ID is required but empty \[item 0\]$/);
	assert.match(missing.description, /keeps payouts from being sent twice/);
	assert.match(
		(await t.fail({ ...base, address: '   ' })).message,
		/^Address is required but empty/,
	);
	assert.match((await t.fail({ ...base, value: '0' })).message, /^Amount must be greater than 0/);
	assert.match((await t.fail({ ...base, value: '1e3' })).message, /^Amount uses exponent notation/);
	assert.match(
		(await t.fail({ ...base, value: '={{ 0.1 + 0.2 }}' })).message,
		/more than 15 significant digits/,
	);
	assert.match((await t.fail({ ...base, value: '={{ 2e21 }}' })).message, /too large/);
	assert.equal(t.count('withdraw'), 0);
});

test('create: unknown Cwallet user (224083) fails the item once, never retried', async () => {
	const params = {
		...create,
		merchantOrderId: 'p-x',
		address: '99999999',
		tokenId: byId(TOKENS.USDT_TRC20),
		value: '1',
	};
	const error = await t.fail(params);
	assert.match(error.message, /code 224083: users do not exist, reason ToUserNotFound/);
	assert.match(error.description, /Cwallet user does not exist/);
	assert.equal(t.count('withdraw'), 1);
	assert.equal(t.count('bill/info'), 0);
	const items = await t.run(params, { continueOnFail: true });
	const [json] = jsonOf(items);
	assert.equal(json.code, 224083);
	assert.equal(json.reason, 'ToUserNotFound');
	assert.equal(json.msg, 'users do not exist');
	assert.equal(json.kind, 'business');
	assert.equal(json.outcome, 'failed');
	assert.equal(json.merchant_order_id, 'p-x');
	assert.deepEqual(t.sim.ledger().withdrawal_debits[t.sim.merchant.appId] ?? {}, {});
});

test('create: a merchant order ID used by an earlier run fails as duplicate, pointing to Withdrawal > Get', async () => {
	const params = {
		...create,
		merchantOrderId: 'p-dup',
		address: '9454818',
		tokenId: byId(TOKENS.USDT_TRC20),
		value: '2',
	};
	await t.run(params);
	const error = await t.fail(params);
	assert.match(error.message, /code 229906: merchant_order_id already exists/);
	assert.match(error.description, /Withdrawal > Get/);
	assert.deepEqual(t.sim.ledger().withdrawal_debits[t.sim.merchant.appId], { 'p-dup': 1 });
});

test('create: insufficient balance with continueOnFail keeps the other items going', async () => {
	t.sim.setMerchant(t.sim.merchant.appId, { balances: { [COIN.USDT]: '5' } });
	const items = await t.run(
		{
			...create,
			merchantOrderId: '={{ $json.id }}',
			address: '9454818',
			tokenId: byId(TOKENS.USDT_TRC20),
			value: '={{ $json.v }}',
		},
		{
			continueOnFail: true,
			items: [
				{ json: { id: 'b-1', v: '3' } },
				{ json: { id: 'b-2', v: '3' } },
				{ json: { id: 'b-3', v: '2' } },
			],
		},
	);
	const json = jsonOf(items);
	assert.equal(json[0].outcome, 'created');
	assert.equal(json[1].code, 229908);
	assert.equal(json[1].outcome, 'failed');
	assert.equal(json[2].outcome, 'created');
	assert.deepEqual(pairedOf(items), [0, 1, 2]);
});

test('network fee: exact body with and without an address; quote out', async () => {
	const external = await t.run({
		resource: 'withdrawal',
		operation: 'getNetworkFee',
		tokenId: byId(TOKENS.USDT_TRC20),
	});
	const internal = await t.run({
		resource: 'withdrawal',
		operation: 'getNetworkFee',
		tokenId: byId(TOKENS.USDT_TRC20),
		additionalFields: { address: '9454818', memo: '7' },
	});
	assert.deepEqual(t.bodies('network/fee'), [
		`{"token_id":"${TOKENS.USDT_TRC20}"}`,
		`{"token_id":"${TOKENS.USDT_TRC20}","address":"9454818","memo":"7"}`,
	]);
	assert.equal(jsonOf(external)[0].token_id, TOKENS.USDT_TRC20);
	assert.match(String(jsonOf(external)[0].fee), /^\d+(\.\d+)?$/);
	assert.notEqual(jsonOf(external)[0].fee, '0');
	assert.equal(jsonOf(internal)[0].fee, '0');
});

test('network fee: validation and business errors', async () => {
	const empty = await t.fail({
		resource: 'withdrawal',
		operation: 'getNetworkFee',
		tokenId: byId(TOKENS.USDT_TRC20),
		additionalFields: { address: ' ' },
	});
	assert.match(empty.message, /^Address was added but is empty/);
	const noToken = await t.fail({
		resource: 'withdrawal',
		operation: 'getNetworkFee',
		tokenId: byId(''),
	});
	assert.match(noToken.message, /^Token is required/);
	const params = {
		resource: 'withdrawal',
		operation: 'getNetworkFee',
		tokenId: byId('00000000-0000-0000-0000-000000000000'),
	};
	const error = await t.fail(params);
	assert.match(error.message, /code 229905/);
	const items = await t.run(params, { continueOnFail: true });
	assert.equal(jsonOf(items)[0].code, 229905);
});

test('Withdrawal > Get: simplified withdrawals in requested order, not-found option', async () => {
	// The same three withdrawals the order tests create, made here because each test starts clean.
	await t.run(
		{
			...create,
			merchantOrderId: '={{ $json.id }}',
			address: '9454818',
			tokenId: byId(TOKENS.USDT_TRC20),
			value: '1.5',
		},
		{ items: ['w-1', 'w-2', 'w-3'].map((id) => ({ json: { id } })) },
	);
	t.sim.clearRequests();
	const items = await t.run({
		resource: 'withdrawal',
		operation: 'get',
		merchantOrderIds: 'w-3, w-x, w-1',
		options: { includeNotFound: true },
	});
	assert.deepEqual(t.bodies('bill/info'), ['{"merchant_order_ids":["w-3","w-x","w-1"]}']);
	const json = jsonOf(items);
	assert.deepEqual(
		json.map((entry) => [entry.merchant_order_id, entry.found]),
		[
			['w-3', true],
			['w-x', false],
			['w-1', true],
		],
	);
	assert.equal(json[0].amount, '1.5');
	assert.equal(json[0].crypto, 'USDT');
	assert.equal(json[0].network_fee, '0');
	assert.equal(typeof json[0].order_id, 'string');
	assert.ok(['Successful', 'Processing', 'Pending'].includes(String(json[0].status)));
	const raw = await t.run({
		resource: 'withdrawal',
		operation: 'get',
		merchantOrderIds: 'w-2',
		simplify: false,
	});
	assert.equal(jsonOf(raw)[0].trade_list.length, 1);
});
