// @ts-check
'use strict';
/**
 * The v2 workloads of the benchmark and the campaign (API Version v2, node version 2):
 *   read     - Withdrawal > Get (getAppWithdrawRecord) by order ID, one per item;
 *   withdraw - Withdrawal > Withdraw to Address (applyAppWithdrawToNetwork), one unique order ID
 *              per item, USDT on POLYGON; with `badAddressEvery` = n every n-th goes to a malformed
 *              address, so the run has definite failures (14007) too.
 */

/** USDT (CCPayment's real v2 coin ID) on Polygon. */
const COIN_ID = '1280';
const CHAIN = 'POLYGON';
const ADDRESS = '0x3333333333333333333333333333333333333333';
const BAD_ADDRESS = '0xnot-an-address';
const PAYOUT_AMOUNT = '5';

/** @param {string} value */
const byId = (value) => ({ __rl: true, mode: 'id', value });

/**
 * @param {number} count @param {string} prefix unique per run @param {number} [badAddressEvery] 0 = never
 * @returns {Array<{ json: Record<string, string> }>}
 */
function withdrawItems(count, prefix, badAddressEvery = 0) {
	return Array.from({ length: count }, (_, i) => {
		const bad = badAddressEvery > 0 && i % badAddressEvery === badAddressEvery - 1;
		return {
			json: { id: `${prefix}-${String(i).padStart(5, '0')}`, address: bad ? BAD_ADDRESS : ADDRESS },
		};
	});
}

/**
 * The node's parameters (values from the items by expression).
 * @param {'read' | 'withdraw'} op @param {Record<string, number>} [options]
 */
function nodeParametersV2(op, options = {}) {
	if (op === 'read') {
		return {
			apiVersion: 'v2',
			resource: 'withdrawal',
			operation: 'get',
			findBy: 'orderId',
			id: '={{ $json.id }}',
			options,
		};
	}
	return {
		apiVersion: 'v2',
		resource: 'withdrawal',
		operation: 'createToNetwork',
		orderId: '={{ $json.id }}',
		coinId: byId(COIN_ID),
		chain: byId(CHAIN),
		address: '={{ $json.address }}',
		amount: PAYOUT_AMOUNT,
		options,
	};
}

module.exports = {
	COIN_ID,
	CHAIN,
	ADDRESS,
	BAD_ADDRESS,
	PAYOUT_AMOUNT,
	withdrawItems,
	nodeParametersV2,
};

/** The v2 credential the real-n8n bench imports (plain data: n8n encrypts it on import). */
const CREDENTIAL_V2 = {
	id: 'ccpBenchCredV2001',
	name: 'CCPayment V2 (bench)',
	type: 'ccPaymentV2Api',
};

/** @param {string} simUrl @param {{ appId: string, appSecret: string }} merchant */
function credentialFileV2(simUrl, merchant) {
	return [
		{
			...CREDENTIAL_V2,
			data: { appId: merchant.appId, appSecret: merchant.appSecret, baseUrl: simUrl },
		},
	];
}

/**
 * Manual Trigger -> Code (N items with the same order IDs as withdrawItems) -> CCPayment (v2).
 * @param {{ id: string, op: 'read' | 'withdraw', count: number, prefix: string, options: Record<string, number>, type: string }} o
 */
function nodeWorkflowV2(o) {
	const code = `const items = [];\nfor (let i = 0; i < ${o.count}; i++) items.push({ json: { id: ${JSON.stringify(`${o.prefix}-`)} + String(i).padStart(5, '0'), address: ${JSON.stringify(ADDRESS)} } });\nreturn items;`;
	const node = (/** @type {number} */ n, /** @type {Record<string, unknown>} */ rest) => ({
		id: `b0be0000-0000-4000-8000-2000000000${String(n).padStart(2, '0')}`,
		position: [220 * n, 0],
		...rest,
	});
	const nodes = [
		node(1, {
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			parameters: {},
		}),
		node(2, {
			name: 'Items',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: { jsCode: code },
		}),
		node(3, {
			name: 'Measured',
			type: o.type,
			typeVersion: 2,
			parameters: nodeParametersV2(o.op, o.options),
			credentials: { ccPaymentV2Api: { id: CREDENTIAL_V2.id, name: CREDENTIAL_V2.name } },
			onError: 'continueRegularOutput',
		}),
	];
	return {
		id: o.id,
		name: `Bench v2 ${o.op} (CCPayment node)`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes,
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Measured', type: 'main', index: 0 }]] },
		},
		pinData: {},
	};
}

module.exports.CREDENTIAL_V2 = CREDENTIAL_V2;
module.exports.credentialFileV2 = credentialFileV2;
module.exports.nodeWorkflowV2 = nodeWorkflowV2;
