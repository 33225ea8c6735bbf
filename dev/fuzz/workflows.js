// @ts-check
'use strict';
/**
 * What the fuzz imports into n8n: the v1 and v2 credentials (the simulator's merchants), one active
 * CCPayment Trigger per API version for the storm, and the benchmark's workflows, all the same shape
 * (start node -> No Op) so their throughput compares the start nodes and not the workflows:
 *   plain         n8n's Webhook node, no authentication (the target figure's baseline)
 *   plain-auth    n8n's Webhook node with Header Auth (it, too, loads and decrypts a credential)
 *   v1            the v1 trigger as the storm uses it (duplicate suppression on)
 *   v1-no-dedup   the v1 trigger with Ignore Duplicates off and no stored keys
 *   v1-store-read the same with a full store that is loaded with the workflow but never changed
 * The last two split the duplicate store's cost: n8n loading it with the workflow on every request
 * (v1-store-read minus v1-no-dedup) and changing and saving it (v1 minus v1-store-read).
 *   v2-no-fetch   the v2 trigger with Fetch Record off (no outbound call: the fair comparison)
 *   v2            the v2 trigger as the storm uses it (one record fetch per delivery)
 */
const fs = require('fs');
const path = require('path');
const { TRIGGER_TYPE } = require('../e2e/fixtures');
const { product } = require('../dist');

const CREDENTIALS = {
	v1: { id: 'ccpFuzzCred00001', name: 'CCPayment (fuzz)', type: 'ccPaymentApi' },
	v2: { id: 'ccpFuzzCredV2001', name: 'CCPayment v2 (fuzz)', type: 'ccPaymentV2Api' },
	header: { id: 'ccpFuzzCredHdr01', name: 'Header (fuzz)', type: 'httpHeaderAuth' },
};
const TRIGGER_NODE = 'CCPayment Trigger';
/** The header the plain-auth Webhook node checks, and its value. */
const HEADER_AUTH = { name: 'X-Fuzz-Token', value: 'fuzz-token-0123456789' };

const SETTINGS = {
	executionOrder: 'v1',
	saveDataSuccessExecution: 'all',
	saveDataErrorExecution: 'all',
};

/**
 * @typedef {'v1' | 'v2'} Api
 * @typedef {{ key: string, id: string, hook: string, api?: Api, options?: Record<string, unknown>, auth?: boolean, store?: false }} Spec
 */

/** @type {Spec[]} The trigger workflows (api set) and the Webhook-node ones, by key. */
const SPECS = [
	{ key: 'v1', id: 'ccpFuzzTrigger01', hook: '0f0220fe-0000-4000-8000-00000000f001', api: 'v1' },
	{ key: 'v2', id: 'ccpFuzzTriggerV2', hook: '0f0220fe-0000-4000-8000-00000000f003', api: 'v2' },
	{
		key: 'v1-no-dedup',
		id: 'ccpFuzzBenchNoDd',
		hook: '0f0220fe-0000-4000-8000-00000000f004',
		api: 'v1',
		options: { ignoreDuplicates: false },
		store: false,
	},
	{
		key: 'v1-store-read',
		id: 'ccpFuzzBenchStRd',
		hook: '0f0220fe-0000-4000-8000-00000000f007',
		api: 'v1',
		options: { ignoreDuplicates: false },
	},
	{
		key: 'v2-no-fetch',
		id: 'ccpFuzzBenchV2Nf',
		hook: '0f0220fe-0000-4000-8000-00000000f005',
		api: 'v2',
		options: { fetchRecord: false },
	},
	{ key: 'plain', id: 'ccpFuzzWebhook01', hook: '0f0220fe-0000-4000-8000-00000000f002' },
	{
		key: 'plain-auth',
		id: 'ccpFuzzWebhookHa',
		hook: '0f0220fe-0000-4000-8000-00000000f006',
		auth: true,
	},
];

/** @param {Spec} spec */
function startNode(spec) {
	const base = { id: `${spec.id}-start`, position: [0, 0], webhookId: spec.hook };
	if (spec.api) {
		const cred = CREDENTIALS[spec.api];
		return {
			...base,
			name: TRIGGER_NODE,
			type: TRIGGER_TYPE,
			typeVersion: spec.api === 'v1' ? 1 : 2,
			parameters: {
				...(spec.api === 'v2' ? { apiVersion: 'v2' } : {}),
				options: spec.options ?? {},
			},
			credentials: { [cred.type]: { id: cred.id, name: cred.name } },
		};
	}
	const cred = CREDENTIALS.header;
	return {
		...base,
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		parameters: {
			httpMethod: 'POST',
			path: `ccpayment-fuzz-${spec.key}`,
			options: {},
			...(spec.auth ? { authentication: 'headerAuth' } : {}),
		},
		...(spec.auth ? { credentials: { [cred.type]: { id: cred.id, name: cred.name } } } : {}),
	};
}

/**
 * A trigger's duplicate store as a live trigger carries it after a busy week: full (1,000 keys of the
 * usual shape, seen in the last hour), saved the way the trigger saves it, so the storm and the
 * benchmark pay the steady-state cost.
 * @param {number} nowMs
 */
function fullDedupStore(nowMs) {
	const { storeKey, packState } = product('dedup');
	/** @type {Array<[string, number]>} */
	const entries = [];
	for (let i = 0; i < 1000; i++)
		entries.push([
			storeKey(`API Deposit:2024091903502018832826${String(i).padStart(10, '0')}:success`),
			nowMs - 3600000 + i,
		]);
	return { [`node:${TRIGGER_NODE}`]: { ccpaymentDedup: packState(entries) } };
}

/** @param {Spec} spec @param {number} nowMs */
function workflow(spec, nowMs) {
	const start = startNode(spec);
	return {
		id: spec.id,
		name: `Fuzz: ${spec.key}`,
		active: false,
		...(spec.api && spec.store !== false ? { staticData: fullDedupStore(nowMs) } : {}),
		settings: SETTINGS,
		pinData: {},
		nodes: [
			start,
			{
				id: `${spec.id}-done`,
				name: 'Done',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [240, 0],
				parameters: {},
			},
		],
		connections: { [start.name]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
	};
}

/**
 * @param {string} dir
 * @param {{ simUrl: string, merchant: { appId: string, appSecret: string }, v2Merchant: { appId: string, appSecret: string } }} opts
 */
function write(dir, { simUrl, merchant, v2Merchant }) {
	const credentials = path.join(dir, 'credentials.json');
	const records = [
		{ ...CREDENTIALS.v1, data: { ...merchant, baseUrl: simUrl } },
		{ ...CREDENTIALS.v2, data: { ...v2Merchant, baseUrl: simUrl } },
		{ ...CREDENTIALS.header, data: HEADER_AUTH },
	].map(({ data, ...rest }) => ({
		...rest,
		data:
			'appId' in data ? { appId: data.appId, appSecret: data.appSecret, baseUrl: simUrl } : data,
	}));
	fs.writeFileSync(credentials, JSON.stringify(records, null, 2));
	const workflowsDir = path.join(dir, 'workflows');
	fs.mkdirSync(workflowsDir, { recursive: true });
	for (const spec of SPECS)
		fs.writeFileSync(
			path.join(workflowsDir, `${spec.key}.json`),
			JSON.stringify(workflow(spec, Date.now()), null, 2),
		);
	return { credentials, workflowsDir };
}

/** @param {string} key */
function spec(key) {
	const found = SPECS.find((s) => s.key === key);
	if (!found) throw new Error(`no fuzz workflow ${key}`);
	return found;
}

/** The production URL of a workflow. @param {string} base @param {string} key */
function url(base, key) {
	const s = spec(key);
	return s.api ? `${base}/webhook/${s.hook}/webhook` : `${base}/webhook/ccpayment-fuzz-${s.key}`;
}

module.exports = { SPECS, write, url, spec, TRIGGER_NODE, HEADER_AUTH };
