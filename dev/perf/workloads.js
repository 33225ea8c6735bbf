// @ts-check
'use strict';
/**
 * The two workloads of the benchmark and the campaign, as harness parameters and input items
 * (in-process) and as n8n workflows (real n8n):
 *   rate     - Coin > Get Rate (token/rate), one USD amount per item;
 *   withdraw - Withdrawal > Create (withdraw) to a Cwallet ID, one unique merchant_order_id per item;
 *   http     - what users do without this package: a Code node signs each item with
 *              require('crypto') and n8n's HTTP Request node (default settings) sends token/rate.
 */

/** USDT on TRC20 (seeded in the simulator, a real CCPayment token ID). */
const TOKEN_USDT_TRC20 = '0912e09a-d8e2-41d7-a0bc-a25530892988';
/** A seeded Cwallet user: internal transfer, no network fee, completes at once. */
const CWALLET_ID = '9454818';
/** Per-item payout (USDT); the seeded balance (1,000,000 USDT) covers many full runs. */
const PAYOUT_VALUE = '1';

/** @param {string} value */
const byId = (value) => ({ __rl: true, mode: 'id', value });

/** A Cwallet ID that does not exist: CCPayment answers 224083 "users do not exist" (a definite failure). */
const UNKNOWN_CWALLET_ID = '99999999';

/**
 * Input item i of a workload: { amount } for rate; { id, address } for withdraw (id = the
 * merchant_order_id; with `unknownPayeeEvery` = n, every n-th payout goes to a Cwallet ID that does
 * not exist, so the run also has definite failures).
 * @param {'rate' | 'withdraw'} op
 * @param {number} i
 * @param {string} prefix unique per run, so repeated runs never reuse a merchant_order_id
 * @param {number} [unknownPayeeEvery] 0 = never
 */
function itemJson(op, i, prefix, unknownPayeeEvery = 0) {
	if (op === 'rate') return { amount: String(10 + (i % 990)) };
	const unknown = unknownPayeeEvery > 0 && i % unknownPayeeEvery === unknownPayeeEvery - 1;
	return {
		id: `${prefix}-${String(i).padStart(5, '0')}`,
		address: unknown ? UNKNOWN_CWALLET_ID : CWALLET_ID,
	};
}

/**
 * @param {'rate' | 'withdraw'} op @param {number} count @param {string} prefix @param {number} [unknownPayeeEvery]
 * @returns {Array<{ json: Record<string, string> }>}
 */
function inputItems(op, count, prefix, unknownPayeeEvery = 0) {
	return Array.from({ length: count }, (_, i) => ({
		json: itemJson(op, i, prefix, unknownPayeeEvery),
	}));
}

/**
 * The CCPayment node's parameters for a workload (values come from the items by expression).
 * @param {'rate' | 'withdraw'} op
 * @param {Record<string, number>} [options] the node's Options (maxRequestsPerSecond, ...)
 */
function nodeParameters(op, options = {}) {
	if (op === 'rate') {
		return {
			resource: 'coin',
			operation: 'getRate',
			amount: '={{ $json.amount }}',
			tokenId: byId(TOKEN_USDT_TRC20),
			options,
		};
	}
	return {
		resource: 'withdrawal',
		operation: 'create',
		merchantOrderId: '={{ $json.id }}',
		address: '={{ $json.address }}',
		tokenId: byId(TOKEN_USDT_TRC20),
		value: PAYOUT_VALUE,
		additionalFields: {},
		options,
	};
}

/**
 * JavaScript for a Code node ("Run Once for All Items") that outputs the same items as inputItems().
 * @param {'rate' | 'withdraw'} op @param {number} count @param {string} prefix @param {number} [unknownPayeeEvery]
 */
function itemsCode(op, count, prefix, unknownPayeeEvery = 0) {
	const every = Math.max(0, Math.floor(unknownPayeeEvery));
	const address =
		every > 0
			? `i % ${every} === ${every - 1} ? ${JSON.stringify(UNKNOWN_CWALLET_ID)} : ${JSON.stringify(CWALLET_ID)}`
			: JSON.stringify(CWALLET_ID);
	const one =
		op === 'rate'
			? '{ amount: String(10 + (i % 990)) }'
			: `{ id: ${JSON.stringify(`${prefix}-`)} + String(i).padStart(5, '0'), address: ${address} }`;
	return `const items = [];\nfor (let i = 0; i < ${count}; i++) items.push({ json: ${one} });\nreturn items;`;
}

let nodeSeq = 0;
/** @param {string} name @param {string} type @param {number} typeVersion @param {Record<string, unknown>} parameters @param {Record<string, unknown>} [extra] */
function node(name, type, typeVersion, parameters, extra = {}) {
	nodeSeq++;
	return {
		id: `b0be0000-0000-4000-8000-${String(nodeSeq).padStart(12, '0')}`,
		name,
		type,
		typeVersion,
		position: [220 * nodeSeq, 0],
		parameters,
		...extra,
	};
}

/** @param {string[]} names a linear chain */
function chain(names) {
	/** @type {Record<string, any>} */
	const connections = {};
	for (let i = 0; i + 1 < names.length; i++)
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	return connections;
}

/** Node name of the measured node in every workflow. */
const MEASURED_NODE = 'Measured';

/**
 * Route A: Manual Trigger -> Code (N items) -> CCPayment node.
 * @param {{ id: string, op: 'rate' | 'withdraw', count: number, prefix: string, options: Record<string, number>, type: string, credentials: Record<string, { id: string, name: string }>, continueOnFail?: boolean, unknownPayeeEvery?: number }} o
 */
function nodeWorkflow(o) {
	const nodes = [
		node('Start', 'n8n-nodes-base.manualTrigger', 1, {}),
		node('Items', 'n8n-nodes-base.code', 2, {
			jsCode: itemsCode(o.op, o.count, o.prefix, o.unknownPayeeEvery),
		}),
		node(MEASURED_NODE, o.type, 1, nodeParameters(o.op, o.options), {
			credentials: o.credentials,
			...(o.continueOnFail ? { onError: 'continueRegularOutput' } : {}),
		}),
	];
	return {
		id: o.id,
		name: `Bench ${o.op} (CCPayment node)`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes,
		connections: chain(nodes.map((n) => n.name)),
		pinData: {},
	};
}

/**
 * Route B: Manual Trigger -> Code (N items) -> Code (sign each item with require('crypto')) ->
 * HTTP Request (typeVersion = the default version of that n8n, options left at their defaults).
 * With `batching`, the HTTP Request node's own throttle (Options > Batching) is set, as a user who hit
 * the rate limit would: `batchSize` items, then a pause of `batchInterval` ms.
 * @param {{ id: string, count: number, simUrl: string, merchant: { appId: string, appSecret: string }, httpVersion: number, batching?: { batchSize: number, batchInterval: number } }} o
 */
function httpWorkflow(o) {
	const signCode = [
		"const crypto = require('crypto');",
		`const appId = ${JSON.stringify(o.merchant.appId)};`,
		`const appSecret = ${JSON.stringify(o.merchant.appSecret)};`,
		'const out = [];',
		'for (const item of $input.all()) {',
		`  const body = JSON.stringify({ amount: item.json.amount, token_id: ${JSON.stringify(TOKEN_USDT_TRC20)} });`,
		'  const timestamp = String(Math.floor(Date.now() / 1000));',
		"  const sign = crypto.createHash('sha256').update(appId + appSecret + timestamp + body).digest('hex');",
		'  out.push({ json: { body, timestamp, sign } });',
		'}',
		'return out;',
	].join('\n');
	const nodes = [
		node('Start', 'n8n-nodes-base.manualTrigger', 1, {}),
		node('Items', 'n8n-nodes-base.code', 2, { jsCode: itemsCode('rate', o.count, '') }),
		node('Sign', 'n8n-nodes-base.code', 2, { jsCode: signCode }),
		node(MEASURED_NODE, 'n8n-nodes-base.httpRequest', o.httpVersion, {
			method: 'POST',
			url: `${o.simUrl}/ccpayment/v1/token/rate`,
			sendHeaders: true,
			headerParameters: {
				parameters: [
					{ name: 'Appid', value: o.merchant.appId },
					{ name: 'Timestamp', value: '={{ $json.timestamp }}' },
					{ name: 'Sign', value: '={{ $json.sign }}' },
				],
			},
			sendBody: true,
			contentType: 'raw',
			rawContentType: 'application/json',
			body: '={{ $json.body }}',
			options: o.batching ? { batching: { batch: o.batching } } : {},
		}),
	];
	return {
		id: o.id,
		name: `Bench token/rate (HTTP Request + Code signing${o.batching ? ', batching' : ''})`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes,
		connections: chain(nodes.map((n) => n.name)),
		pinData: {},
	};
}

module.exports = {
	TOKEN_USDT_TRC20,
	CWALLET_ID,
	UNKNOWN_CWALLET_ID,
	PAYOUT_VALUE,
	MEASURED_NODE,
	inputItems,
	nodeParameters,
	itemsCode,
	nodeWorkflow,
	httpWorkflow,
};
