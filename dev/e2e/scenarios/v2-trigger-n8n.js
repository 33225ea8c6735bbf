// @ts-check
'use strict';
/**
 * The n8n side of the v2 trigger scenario (v2-trigger.js sends the notifications): the two workflows
 * it creates through n8n's public API, and the checks of their runs: one run per notification, each
 * item carrying the record the simulator serves and the right `creditable`; the "crediting safely"
 * example credits the exact amounts and holds the risky deposit.
 */
const fs = require('fs');
const path = require('path');

const { request, waitFor } = require('../lib/http');
const { ROOT } = require('../lib/pkg');
const simLib = require('../lib/sim');

const HOOK = {
	example: 'ccp0de70-0000-4000-8000-0000000e2e02',
	all: 'ccp0de70-0000-4000-8000-0000000e2e03',
};
const TRIGGER = 'On CCPayment v2 notification';

/**
 * A public-API key that may also create credentials and workflows (the suite's key only reads and
 * activates), made with the owner's session like the suite's own.
 * @param {import('../lib/n8n').N8nInstance} n8n
 */
async function creatorKey(n8n) {
	const session = /** @type {any} */ (n8n).session;
	const scopesRes = await session.call('GET', '/rest/api-keys/scopes');
	const available = Array.isArray(scopesRes.json?.data) ? scopesRes.json.data : [];
	const want = ['credential:create', 'workflow:create', 'workflow:read', 'workflow:activate'];
	const res = await session.call('POST', '/rest/api-keys', {
		label: 'ccpayment-e2e-v2-trigger',
		expiresAt: null,
		scopes: available.length ? want.filter((s) => available.includes(s)) : want,
	});
	const key = res.json?.data?.rawApiKey;
	if (!key) throw new Error(`API key creation failed: ${res.status} ${res.text.slice(0, 300)}`);
	return String(key);
}

/**
 * @param {import('../lib/n8n').N8nInstance} n8n @param {string} key @param {string} method @param {string} apiPath @param {unknown} [body]
 */
async function publicApi(n8n, key, method, apiPath, body) {
	const res = await request(method, `${n8n.base}/api/v1${apiPath}`, {
		headers: { 'X-N8N-API-KEY': key, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (res.status >= 300)
		throw new Error(`${method} ${apiPath}: ${res.status} ${res.text.slice(0, 300)}`);
	return res.json;
}

/**
 * The example (deposits) and a trigger taking every v2 type, both on `credential`, created and
 * activated; resolves once both webhooks answer on `base` (n8n itself, or a queue-mode webhook processor).
 * @param {import('../lib/n8n').N8nInstance} n8n @param {string} key @param {{ id: string, name: string }} credential
 * @param {string} [base]
 */
async function createWorkflows(n8n, key, credential, base = n8n.base) {
	const example = JSON.parse(
		fs.readFileSync(path.join(ROOT, 'examples', 'v2-crediting-safely.json'), 'utf8'),
	);
	for (const node of example.nodes) {
		if (node.credentials?.ccPaymentV2Api)
			node.credentials.ccPaymentV2Api = { id: credential.id, name: credential.name };
		if (node.name === TRIGGER) node.webhookId = HOOK.example;
	}
	const trigger = example.nodes.find((/** @type {any} */ n) => n.name === TRIGGER);
	const allTypes = {
		...trigger,
		id: 'c5c5c5c5-0000-4000-8000-0000000e2e03',
		webhookId: HOOK.all,
		// The node's defaults: every known type, final Success; Failed and Rejected too.
		parameters: { apiVersion: 'v2', statuses: ['Success', 'Failed', 'Rejected'], options: {} },
	};
	const ids = {};
	for (const [name, wf] of /** @type {const} */ ([
		['example', example],
		['all', { name: 'CCPayment v2: every type (e2e)', nodes: [allTypes], connections: {} }],
	])) {
		const created = await publicApi(n8n, key, 'POST', '/workflows', {
			name: wf.name,
			nodes: wf.nodes,
			connections: wf.connections,
			settings: example.settings,
		});
		await publicApi(n8n, key, 'POST', `/workflows/${created.id}/activate`);
		/** @type {any} */ (ids)[name] = created.id;
	}
	const urls = {
		example: `${base}/webhook/${HOOK.example}/webhook`,
		all: `${base}/webhook/${HOOK.all}/webhook`,
	};
	for (const url of Object.values(urls)) {
		const probe = async () =>
			(await request('POST', url, { body: '{}', headers: { 'content-type': 'application/json' } }))
				.status === 401;
		await waitFor(probe, { timeoutMs: 20000, intervalMs: 250, what: `the v2 trigger ${url}` });
	}
	return { ids: /** @type {{ example: string, all: string }} */ (ids), urls };
}

/** Items a node output in one execution. @param {any} execution @param {string} node */
const out = (execution, node) =>
	(execution?.data?.resultData?.runData?.[node]?.[0]?.data?.main?.[0] ?? []).map(
		(/** @type {any} */ i) => i.json,
	);

/**
 * The runs: one per notification, each item with the record the simulator serves and the right
 * `creditable`; the example's branches credit the exact amounts and hold the risky deposit.
 * @param {{ ok: (label: string, cond: boolean, detail?: unknown) => boolean, runs: (want: { example: number, all: number }) => Promise<{ example: any[], all: any[] }>, sim: import('../lib/sim').Sim, rid: Record<string, string>, shady: string, user: string, tag: string }} c
 */
async function checkRuns({ ok, runs, sim, rid, shady, user, tag }) {
	const want = { example: 6, all: 3 };
	const list = await runs(want);
	ok(
		'v2: exactly 6 runs of the example (4 deposits, the risky one, the retried one) and 3 of every type (2 withdrawals, the risky address)',
		list.example.length === want.example && list.all.length === want.all,
		{ example: list.example.length, all: list.all.length },
	);
	const items = (/** @type {any[]} */ executions) =>
		executions.flatMap((e) =>
			out(e, TRIGGER).map((/** @type {any} */ json) => ({ ...json, execution: e.id })),
		);
	const all = [...items(list.example), ...items(list.all)];
	const byRecord = Object.fromEntries(all.map((i) => [i.ccpayment?.recordId ?? 'none', i]));
	/** How many runs carried this record (or, for 'none', no record). @param {string} id */
	const runsOf = (id) => all.filter((i) => (i.ccpayment?.recordId ?? 'none') === id).length;
	const records = await simLib.get(sim, `/__sim/v2/records?app_id=${sim.v2Merchant.appId}`);
	/** @type {Record<string, any>} */
	const served = Object.fromEntries(
		[...records.deposits, ...records.withdrawals].map((r) => [r.recordId, r]),
	);
	const expect = {
		direct: [true, 'getAppDepositRecord'],
		order: [true, 'getAppDepositRecord', 'getAppOrderInfo'],
		invoice: [true, 'getAppDepositRecord', 'getInvoiceOrderInfo'],
		user: [true, 'getUserDepositRecord'],
		risky: [false, 'getAppDepositRecord'],
		transient: [true, 'getAppDepositRecord'],
		withdrawal: [false, 'getAppWithdrawRecord'],
		userWithdrawal: [false, 'getUserWithdrawRecord'],
	};
	for (const [name, [creditable, source, orderSource]] of Object.entries(expect)) {
		const item = byRecord[rid[name]];
		const record = served[rid[name]];
		ok(
			`v2: ${name} ran once, with the record fetched from the simulator (${source}) and creditable ${creditable}`,
			runsOf(rid[name]) === 1 &&
				item.record?.recordId === rid[name] &&
				item.record?.status === 'Success' &&
				(!record || item.record.amount === record.amount) &&
				item.ccpayment.creditable === creditable &&
				item.ccpayment.recordSource === source &&
				(orderSource === undefined || item.ccpayment.orderSource === orderSource),
			item ? { record: item.record, ccpayment: item.ccpayment } : `no run for ${rid[name]}`,
		);
	}
	const warning = byRecord.none;
	ok(
		'v2: the risky-address warning ran once, with no record and creditable false',
		!!warning &&
			warning.type === 'RiskyAddress' &&
			warning.msg?.address === shady &&
			warning.record === null &&
			warning.ccpayment.eventType === 'risky_address' &&
			warning.ccpayment.creditable === false,
		warning,
	);

	const credited = list.example.flatMap((e) => out(e, 'Credit account'));
	const held = list.example.flatMap((e) => out(e, 'Hold for review'));
	const credit = Object.fromEntries(credited.map((c) => [c.record_id, c]));
	const amountOf = (/** @type {string} */ name) => served[rid[name]]?.amount;
	ok(
		"v2: the example credits each creditable deposit once with the record's exact amount",
		credited.length === 5 &&
			credit[rid.direct]?.amount === '12.5' &&
			credit[rid.direct]?.account === `${tag}-u1` &&
			credit[rid.direct]?.credit_key === `DirectDeposit:${rid.direct}:Success` &&
			credit[rid.order]?.amount === amountOf('order') &&
			credit[rid.order]?.account === `${tag}-order` &&
			credit[rid.invoice]?.amount === amountOf('invoice') &&
			credit[rid.user]?.amount === '25.123456' &&
			credit[rid.user]?.account === user &&
			credit[rid.transient]?.amount === '3',
		credited,
	);
	ok(
		'v2: the example holds the risky deposit for review instead of crediting it',
		held.length === 1 && held[0].record_id === rid.risky && held[0].risky === true,
		held,
	);
}

module.exports = { checkRuns, createWorkflows, publicApi, creatorKey, TRIGGER };
