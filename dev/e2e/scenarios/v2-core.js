// @ts-check
'use strict';
/**
 * The v2 API in real n8n: the CCPayment V2 API credential (n8n's credential test, right and wrong
 * secret, a v1 App ID on the v2 credential) and a workflow of node-version-2 CCPayment nodes that runs
 * every v2 read operation with `n8n execute`. Expected values come from the simulator's own answers to
 * calls signed here with node:crypto, not from the node's code.
 */
const crypto = require('crypto');

const V2_CREDENTIAL_TYPE = 'ccPaymentV2Api';
const V2_CREDENTIAL_ID = 'ccpE2eCredV20001';
const V2_CREDENTIAL_NAME = 'CCPayment v2 (simulator)';
const V2_WORKFLOW_ID = 'ccpE2eV2Reads001';
const ADDRESS_ETH = '0x43fEeF6879286BBAC5082f17AD3dA55EA456B934';

/** @param {string} value */
const rl = (value) => ({ __rl: true, mode: 'id', value });

/**
 * [node name, resource, operation, parameters, node settings]; order = execution order.
 * @type {Array<[string, string, string, Record<string, unknown>, Record<string, unknown>?]>}
 */
const STEPS = [
	['Coins', 'coin', 'getMany', {}],
	['Coin', 'coin', 'get', { coinId: rl('1280'), simplify: false }],
	['Prices', 'coin', 'getPrices', { coinIds: '1280' }],
	['Main coins', 'coin', 'getMainCoins', {}],
	['Fiats', 'fiat', 'getMany', {}],
	['Chains', 'chain', 'getMany', {}],
	['All chains', 'chain', 'getMany', { source: 'allChain' }],
	['Balances', 'balance', 'getMany', {}],
	['USDT balance', 'balance', 'get', { coinId: rl('1280') }],
	['Network fee', 'withdrawal', 'getNetworkFee', { coinId: rl('1280'), chain: rl('ETH') }],
	['Address validity', 'address', 'checkValidity', { chain: rl('ETH'), address: ADDRESS_ETH }],
	[
		'Unknown Cwallet user',
		'cwalletUser',
		'check',
		{ cwalletUserId: '99999999' },
		{ onError: 'continueRegularOutput' },
	],
	[
		'Unknown record height',
		'blockchain',
		'getBlockHeight',
		{ recordId: '20240312090316119190942031876096' },
		{ onError: 'continueRegularOutput' },
	],
	// Last: the simulator has no aggregation records, and a node with no output stops the chain.
	[
		'Aggregation fees',
		'aggregationFee',
		'getMany',
		{ startTime: '2024-01-01T00:00:00Z', endTime: '2024-01-31T00:00:00Z', returnAll: true },
	],
];

/**
 * The credential record for `n8n import:credentials` (plain data; n8n encrypts it).
 * @param {{ url: string, v2Merchant: { appId: string, appSecret: string } }} sim
 */
function credential(sim) {
	return {
		id: V2_CREDENTIAL_ID,
		name: V2_CREDENTIAL_NAME,
		type: V2_CREDENTIAL_TYPE,
		data: { appId: sim.v2Merchant.appId, appSecret: sim.v2Merchant.appSecret, baseUrl: sim.url },
	};
}

/** @param {string} actionType the community package's node type */
function workflow(actionType) {
	/** @type {any[]} */
	const nodes = [
		{
			id: 'v2e2e000-0000-4000-8000-000000000000',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
	];
	/** @type {Record<string, any>} */
	const connections = {};
	let previous = 'Start';
	STEPS.forEach(([name, resource, operation, parameters, settings], i) => {
		nodes.push({
			id: `v2e2e000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
			name,
			type: actionType,
			// A new node: version 2, whose API Version defaults to v2 (not set here on purpose).
			typeVersion: 2,
			position: [220 * (i + 1), 0],
			executeOnce: true,
			parameters: { resource, operation, ...parameters },
			credentials: { [V2_CREDENTIAL_TYPE]: { id: V2_CREDENTIAL_ID, name: V2_CREDENTIAL_NAME } },
			...(settings ?? {}),
		});
		connections[previous] = { main: [[{ node: name, type: 'main', index: 0 }]] };
		previous = name;
	});
	return {
		id: V2_WORKFLOW_ID,
		name: 'E2E v2 reads',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes,
		connections,
		pinData: {},
	};
}

/**
 * A v2 call signed here, independently of the package: what the simulator itself answers.
 * @param {{ url: string, v2Merchant: { appId: string, appSecret: string } }} sim
 * @param {string} method
 * @param {object} [body]
 */
async function call(sim, method, body) {
	const { appId, appSecret } = sim.v2Merchant;
	const ts = String(Math.floor(Date.now() / 1000));
	const raw = body === undefined ? '' : JSON.stringify(body);
	const sign = crypto
		.createHmac('sha256', appSecret)
		.update(appId + ts + raw)
		.digest('hex');
	const res = await fetch(`${sim.url}/ccpayment/v2/${method}`, {
		method: 'POST',
		headers: { Appid: appId, Timestamp: ts, Sign: sign, 'Content-Type': 'application/json' },
		body: raw || undefined,
	});
	const json = /** @type {any} */ (await res.json());
	if (json.code !== 10000) throw new Error(`${method}: ${json.code} ${json.msg}`);
	return json.data;
}

/**
 * `n8n execute` of the v2 workflow, each node's items checked against the simulator.
 * @param {{ n8n: import('../lib/n8n').N8nInstance, sim: any, ok: (label: string, cond: boolean, detail?: unknown) => boolean }} ctx
 */
async function runReads({ n8n, sim, ok }) {
	const r = await n8n.execute(V2_WORKFLOW_ID);
	const status = r.status;
	const tail = (r.stdout + r.stderr).split('\n').slice(-25).join('\n');
	if (
		!ok('v2: n8n execute of every v2 read finished (status success)', status === 'success', {
			exit: r.code,
			status,
			tail,
		})
	) {
		return;
	}
	const runData = r.result?.data?.resultData?.runData ?? {};
	/** @param {string} node @returns {any[]} */
	const items = (node) =>
		(runData[node]?.[0]?.data?.main?.[0] ?? []).map((/** @type {any} */ it) => it.json);
	const notRun = STEPS.map(([n]) => n).filter((n) => !runData[n]);
	ok(`v2: every v2 read node ran (${STEPS.length})`, notRun.length === 0, { notRun });

	const coins = (await call(sim, 'getCoinList')).coins;
	ok(
		'v2: Coin > Get Many returns every coin of the simulator, simplified',
		items('Coins').length === coins.length &&
			items('Coins').every((/** @type {any} */ c) => typeof c.coinId === 'number'),
		{ got: items('Coins').length, want: coins.length },
	);
	const usdt = (await call(sim, 'getCoin', { coinId: 1280 })).coin;
	ok(
		'v2: Coin > Get (raw) equals the simulator answer',
		JSON.stringify(items('Coin')[0]) === JSON.stringify(usdt),
		items('Coin')[0],
	);
	const prices = await call(sim, 'getCoinUSDTPrice', { coinIds: [1280] });
	ok(
		'v2: Coin > Get USDT Prices gives the price as an exact decimal string',
		JSON.stringify(items('Prices')).includes(JSON.stringify(prices.prices['1280'])),
		{ got: items('Prices'), want: prices },
	);
	const fiats = (await call(sim, 'getFiatList')).fiats;
	ok('v2: Fiat Currency > Get Many', items('Fiats').length === fiats.length, items('Fiats').length);
	const chains = (await call(sim, 'getChainList')).chains;
	ok('v2: Chain > Get Many', items('Chains').length === chains.length, items('Chains').length);
	ok('v2: Chain > Get Many from /all/chain', items('All chains').length > 0, items('All chains'));
	const assets = (await call(sim, 'getAppCoinAssetList')).assets;
	ok(
		'v2: Balance > Get Many equals the merchant ledger',
		JSON.stringify(items('Balances')) === JSON.stringify(assets),
		{ got: items('Balances'), want: assets },
	);
	const usdtAsset = (await call(sim, 'getAppCoinAsset', { coinId: 1280 })).asset;
	ok(
		'v2: Balance > Get (USDT)',
		JSON.stringify(items('USDT balance')[0]) === JSON.stringify(usdtAsset),
		items('USDT balance')[0],
	);
	const fee = await call(sim, 'getWithdrawFee', { coinId: 1280, chain: 'ETH' });
	ok('v2: Withdrawal > Get Network Fee', items('Network fee')[0]?.fee?.amount === fee.fee.amount, {
		got: items('Network fee')[0],
		want: fee,
	});
	ok(
		'v2: Address > Check Validity',
		items('Address validity')[0]?.addrIsValid === true,
		items('Address validity')[0],
	);
	ok(
		'v2: Aggregation Fee > Get Many (Return All) ran',
		Array.isArray(runData['Aggregation fees']?.[0]?.data?.main?.[0]),
		runData['Aggregation fees']?.[0]?.error,
	);
	/** @param {string} node */
	const errorText = (node) => JSON.stringify(items(node)[0] ?? {});
	ok(
		'v2: an unknown Cwallet user is an error item (continue on fail) naming code 11003',
		/11003/.test(errorText('Unknown Cwallet user')),
		items('Unknown Cwallet user')[0],
	);
	ok(
		'v2: an unknown record for Get Block Height is an error item, not a crash',
		/11003/.test(errorText('Unknown record height')),
		items('Unknown record height')[0],
	);
	ok(
		'v2: no output leaks the App Secret',
		!JSON.stringify(runData).includes(sim.v2Merchant.appSecret),
	);
}

/**
 * n8n's credential test for the v2 credential: right secret, wrong secret, a v1 App ID.
 * @param {{ n8n: import('../lib/n8n').N8nInstance, sim: any, ok: (label: string, cond: boolean, detail?: unknown) => boolean }} ctx
 */
async function runCredential({ n8n, sim, ok }) {
	const base = { id: V2_CREDENTIAL_ID, name: V2_CREDENTIAL_NAME, type: V2_CREDENTIAL_TYPE };
	const good = {
		appId: sim.v2Merchant.appId,
		appSecret: sim.v2Merchant.appSecret,
		baseUrl: sim.url,
	};
	const passed = await n8n.testCredential({ ...base, data: good });
	ok('v2 credential test passes with the right secret', passed.status === 'OK', passed);
	const wrongSecret = 'ffffffffffffffffffffffffffffffff';
	const wrong = await n8n.testCredential({ ...base, data: { ...good, appSecret: wrongSecret } });
	ok(
		'v2 credential test fails with a wrong secret and names the App Secret',
		wrong.status === 'Error' && /secret/i.test(String(wrong.message)),
		wrong,
	);
	ok(
		'  ... without echoing any secret',
		!String(wrong.message).includes(wrongSecret) &&
			!String(wrong.message).includes(sim.v2Merchant.appSecret),
		wrong.message,
	);
	const v1 = await n8n.testCredential({
		...base,
		data: { ...good, appId: sim.merchant.appId, appSecret: sim.merchant.appSecret },
	});
	ok(
		'v2 credential test with a v1 account says to use the v1 credential',
		v1.status === 'Error' && /v1/i.test(String(v1.message)),
		v1,
	);
}

module.exports = {
	credential,
	workflow,
	runReads,
	runCredential,
	STEPS,
	V2_CREDENTIAL_TYPE,
	V2_CREDENTIAL_ID,
	V2_WORKFLOW_ID,
};
