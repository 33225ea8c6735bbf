// @ts-check
'use strict';
/**
 * Scenario 2: `n8n execute` runs the every-operation workflow (action-workflow.js) inside real n8n; the
 * items each node produced are checked against the simulator's own state (catalogue, config, ledger,
 * request log), so the expected values are not copied from the node's code.
 */
const fs = require('fs');
const { distPath } = require('../../dist');
const sim = require('../lib/sim');
const { ACTION_WORKFLOW_ID } = require('../fixtures');
const {
	STEPS,
	COVERED,
	IDS,
	TOKEN_USDT_TRC20,
	COIN_USDT,
	CWALLET_ID,
} = require('./action-workflow');

/** @param {unknown} v */
const isDecimalString = (v) => typeof v === 'string' && /^\d+(\.\d+)?$/.test(v);

/** Operations the node offers (from its compiled router), to prove the workflow misses none. */
function nodeOperations() {
	const routerFile = distPath('router');
	if (!fs.existsSync(routerFile)) return null;
	return Object.keys(require(routerFile).operations ?? {});
}

/**
 * @param {{ n8n: import('../lib/n8n').N8nInstance, sim: any, ok: (label: string, cond: boolean, detail?: unknown) => boolean, checks: import('../lib/report').Checks, tag: string }} ctx
 */
async function run({ n8n, sim: simulator, ok, checks, tag }) {
	const ops = nodeOperations();
	if (ops) {
		const missing = ops.filter((o) => !COVERED.includes(o));
		ok(`workflow covers every operation of the node (${ops.length})`, missing.length === 0, {
			missing,
		});
	}

	const r = await n8n.execute(ACTION_WORKFLOW_ID);
	const status = r.status;
	if (
		!ok('n8n execute finished successfully (status success)', status === 'success', {
			exit: r.code,
			status,
			output: (r.stdout + r.stderr)
				.split('\n')
				.filter((l) => l.trim())
				.slice(-25)
				.join('\n'),
		})
	) {
		return;
	}
	const runData = r.result?.data?.resultData?.runData ?? {};
	/** @param {string} node @returns {any[]} */
	const items = (node) =>
		(runData[node]?.[0]?.data?.main?.[0] ?? []).map((/** @type {any} */ it) => it.json);
	const ran = STEPS.map(([name]) => name).filter((name) => runData[name]);
	ok(
		`every action node ran once (${ran.length}/${STEPS.length})`,
		ran.length === STEPS.length && ran.every((n) => runData[n].length === 1),
		{
			notRun: STEPS.map(([n]) => n).filter((n) => !runData[n]),
		},
	);
	const paired = STEPS.every(([name]) =>
		(runData[name]?.[0]?.data?.main?.[0] ?? []).every(
			(/** @type {any} */ it) => it.pairedItem !== undefined,
		),
	);
	ok('every output item carries pairedItem', paired);

	const catalogue = await sim.get(simulator, '/__sim/catalogue');
	const config = await sim.get(simulator, '/__sim/config');
	const ledger = await sim.get(simulator, `/__sim/ledger?app_id=${simulator.merchant.appId}`);
	const me = (ledger.merchants ?? [])[0] ?? {};

	// Coins
	const coins = items('Coins');
	const seededCoins = (catalogue.coins ?? []).filter(
		(/** @type {any} */ c) => (c.tokens ?? []).length > 0,
	);
	ok(
		`Coin > Get Many: one item per coin (${coins.length})`,
		coins.length > 0 &&
			coins.length <= (catalogue.coins ?? []).length &&
			coins.length >= Math.min(3, seededCoins.length),
		{
			got: coins.length,
			catalogue: (catalogue.coins ?? []).length,
		},
	);
	const usdt = coins.find((c) => c.coin_id === COIN_USDT);
	ok(
		'  ... simplified: USDT with its networks as labels',
		!!usdt &&
			Array.isArray(usdt.networks) &&
			usdt.networks.some((/** @type {string} */ n) => /TRX/.test(n)),
		usdt,
	);
	const raw = items('Coins raw');
	ok(
		'  ... raw (Simplify off): tokens arrays kept',
		raw.length === coins.length && raw.every((c) => Array.isArray(c.tokens)),
		raw[0],
	);

	const supported = items('Supported tokens');
	ok(
		'Coin > Get Supported Tokens: items with token_id',
		supported.length > 0 && supported.every((t) => typeof t.token_id === 'string'),
		supported[0],
	);
	const networks = items('Token networks');
	ok(
		'Coin > Get Networks: networks of USDT',
		networks.length > 0 && networks.every((n) => typeof n.chain === 'string'),
		networks,
	);
	const [rate] = items('USD rate');
	ok(
		'Coin > Get Rate: price and value as decimal strings, value = 1000 / price',
		!!rate &&
			isDecimalString(rate.price) &&
			isDecimalString(rate.value) &&
			Math.abs(Number(rate.value) * Number(rate.price) - 1000) < 1e-6,
		rate,
	);

	// Balances (seeded, nothing moved yet when the node ran)
	const balances = items('Balances');
	const seed = config.seedBalances ?? {};
	const wrongBalance = balances.filter(
		(b) => seed[b.coin_id] !== undefined && seed[b.coin_id] !== b.value,
	);
	ok(
		`Balance > Get Many: one item per coin with the seeded balance (${balances.length})`,
		balances.length > 1 && wrongBalance.length === 0,
		{
			wrongBalance,
			seed,
		},
	);
	const one = items('USDT balance');
	ok(
		'Balance > Get Many filtered by coin: exactly USDT',
		one.length === 1 && one[0].coin_id === COIN_USDT && one[0].value === seed[COIN_USDT],
		one,
	);

	const heights = items('Block heights');
	ok(
		'Blockchain > Get Block Heights: one item per chain',
		heights.length > 1 && heights.every((h) => h.chain && h.current_chain_height !== undefined),
		heights[0],
	);

	const [user] = items('Cwallet user');
	const seededUser = (catalogue.cwallet_users ?? []).find(
		(/** @type {any} */ u) => u.c_id === CWALLET_ID,
	);
	ok(
		'Cwallet User > Check: the seeded user',
		!!user && user.c_id === CWALLET_ID && (!seededUser || user.nickname === seededUser.nickname),
		user,
	);
	const [unknownUser] = items('Unknown Cwallet user');
	ok(
		'  ... unknown user with On Error = Continue: error item with code 224083',
		!!unknownUser && unknownUser.code === 224083 && typeof unknownUser.error === 'string',
		unknownUser,
	);

	// Checkout
	const [hosted] = items('Hosted checkout');
	ok(
		'Checkout > Create Hosted Checkout URL: payment_url on the simulator',
		!!hosted &&
			hosted.merchant_order_id === IDS.hosted &&
			typeof hosted.payment_url === 'string' &&
			hosted.payment_url.startsWith(simulator.url),
		hosted,
	);
	const [native] = items('Native order');
	const nativeInLedger = (me.orders ?? []).find(
		(/** @type {any} */ o) => o.merchant_order_id === IDS.native,
	);
	ok(
		'Checkout > Create Native Checkout Order: created, with pay_address and order_id the simulator knows',
		!!native &&
			native.outcome === 'created' &&
			typeof native.pay_address === 'string' &&
			!!nativeInLedger &&
			nativeInLedger.order_id === native.order_id,
		{ native, nativeInLedger },
	);
	const [invalid] = items('Invalid price');
	ok(
		'  ... price with 3 decimals: validation error item naming the field, nothing sent',
		!!invalid &&
			/Product Price/.test(String(invalid.error)) &&
			!(me.orders ?? []).some((/** @type {any} */ o) => o.merchant_order_id === 'E2E-INVALID-0001'),
		invalid,
	);

	const orders = items('Orders');
	ok(
		'Order > Get (expression list, include not found): hosted + native found, unknown not found, in order',
		orders.length === 3 &&
			orders[0].merchant_order_id === IDS.hosted &&
			orders[0].found === true &&
			orders[1].merchant_order_id === IDS.native &&
			orders[1].found === true &&
			orders[1].order_id === native?.order_id &&
			orders[2].merchant_order_id === IDS.unknownOrder &&
			orders[2].found === false,
		orders,
	);

	const [address] = items('Deposit address');
	const addrInLedger = (me.addresses ?? []).find(
		(/** @type {any} */ a) => a.user_id === IDS.userId,
	);
	ok(
		'Deposit Address > Get Permanent Address: the address the simulator assigned',
		!!address && !!addrInLedger && address.address === addrInLedger.address,
		{ address, addrInLedger },
	);

	const [fee] = items('Network fee');
	ok(
		'Withdrawal > Get Network Fee: fee as a decimal string',
		!!fee && fee.token_id === TOKEN_USDT_TRC20 && isDecimalString(fee.fee),
		fee,
	);

	const [payout] = items('Payout');
	const debits = ledger.withdrawal_debits?.[simulator.merchant.appId]?.[IDS.payout];
	ok(
		'Withdrawal > Create: created, debited exactly once',
		!!payout &&
			payout.outcome === 'created' &&
			payout.merchant_order_id === IDS.payout &&
			typeof payout.order_id === 'string' &&
			debits === 1,
		{ payout, debits },
	);
	const payoutStatus = items('Payout status');
	ok(
		'Withdrawal > Get (raw): the payout with its order_detail',
		payoutStatus.length === 1 && payoutStatus[0].order_detail?.merchant_order_id === IDS.payout,
		payoutStatus,
	);

	const [resend] = items('Resend webhooks');
	ok(
		'Webhook > Resend: accepted by the simulator',
		!!resend && typeof resend.resend_count === 'number',
		resend,
	);

	// Every call really went from n8n to the simulator, signed and accepted.
	const log = await sim.get(simulator, '/__sim/requests');
	const paths = new Set(
		(log.requests ?? [])
			.filter((/** @type {any} */ q) => q.response && q.response.code === 10000)
			.map((/** @type {any} */ q) => String(q.path).replace('/ccpayment/v1/', '')),
	);
	const expected = [
		'coin/all',
		'support/token',
		'token/chain',
		'token/rate',
		'assets',
		'get/network/height/info',
		'check/user',
		'concise/url/get',
		'bill/create',
		'bill/info',
		'payment/address/get',
		'network/fee',
		'withdraw',
		'webhook/resend',
	];
	ok(
		`the simulator answered every endpoint with code 10000 (${expected.length} paths)`,
		expected.every((p) => paths.has(p)),
		{
			missing: expected.filter((p) => !paths.has(p)),
		},
	);
	void checks;
	void tag;
}

module.exports = { run };
