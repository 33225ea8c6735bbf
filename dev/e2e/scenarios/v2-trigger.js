// @ts-check
'use strict';
/**
 * Scenario: the v2 CCPayment Trigger in `n8n start`, fed by the simulator's own v2 webhooks. Two
 * workflows share one v2 credential pointing at the simulator, so every record fetch is a real call
 * to its v2 API: the "crediting safely" example (examples/v2-crediting-safely.json: deposits) is the
 * v2 merchant's dashboard Webhook URL, and a trigger taking every type is the notifyUrl of the
 * withdrawals and the target of the risky-address warning. Proves, per n8n version:
 *   - saving either URL sends the signed ActivateWebhookURL check; it is acknowledged and runs nothing;
 *   - tampered, re-formatted, stale, wrong-App-ID and unsigned deliveries (the attacker's bytes, signed
 *     here) answer 401, fetch nothing and run nothing;
 *   - DirectDeposit, ApiDeposit (order address and invoice), UserDeposit, a risky deposit, ApiWithdrawal,
 *     UserWithdrawal and the risky-address warning each run exactly once, the item carrying the record
 *     fetched from the simulator and the right `creditable`; the example credits the record's exact
 *     amount and holds the risky deposit;
 *   - a resent delivery is acknowledged and runs nothing;
 *   - a record the simulator cannot serve during one delivery answers 503 and runs nothing, and the
 *     simulator's own retry then runs it once.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const { request, sleep, waitFor } = require('../lib/http');
const { ROOT } = require('../lib/pkg');
const simLib = require('../lib/sim');

const HOOK = {
	example: 'ccp0de70-0000-4000-8000-0000000e2e02',
	all: 'ccp0de70-0000-4000-8000-0000000e2e03',
};
const TRIGGER = 'On CCPayment v2 notification';
const ADDRESS = '0x4444444444444444444444444444444444444444';

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

/** Items a node output in one execution. @param {any} execution @param {string} node */
const out = (execution, node) =>
	(execution?.data?.resultData?.runData?.[node]?.[0]?.data?.main?.[0] ?? []).map(
		(/** @type {any} */ i) => i.json,
	);

/**
 * The example (deposits) and a trigger taking every v2 type, both on `credential`, created and
 * activated; resolves once both webhooks answer.
 * @param {import('../lib/n8n').N8nInstance} n8n @param {string} key @param {{ id: string, name: string }} credential
 */
async function createWorkflows(n8n, key, credential) {
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
		example: `${n8n.base}/webhook/${HOOK.example}/webhook`,
		all: `${n8n.base}/webhook/${HOOK.all}/webhook`,
	};
	for (const url of Object.values(urls)) {
		const probe = async () =>
			(await request('POST', url, { body: '{}', headers: { 'content-type': 'application/json' } }))
				.status === 401;
		await waitFor(probe, { timeoutMs: 20000, intervalMs: 250, what: `the v2 trigger ${url}` });
	}
	return { ids: /** @type {{ example: string, all: string }} */ (ids), urls };
}

/**
 * @param {{ n8n: import('../lib/n8n').N8nInstance, sim: import('../lib/sim').Sim, ok: (label: string, cond: boolean, detail?: unknown) => boolean }} ctx
 */
async function run({ n8n, sim, ok }) {
	const v2 = sim.v2Merchant;
	const act = (/** @type {string} */ route, /** @type {object} */ body) =>
		simLib.control(sim, `/__sim/v2/${route}`, { app_id: v2.appId, ...body });
	const idle = (/** @type {string} */ what) => simLib.waitIdle(sim, what);
	/** Deliveries sent to one URL (the simulator's log). @param {string} url */
	const sentTo = async (url) =>
		(await simLib.get(sim, `/__sim/webhooks?url=${encodeURIComponent(url)}`)).deliveries;
	const lastRequestId = async () =>
		(await simLib.get(sim, '/__sim/requests?limit=1')).requests[0]?.id ?? 0;
	const recordCalls = async (/** @type {number} */ since) =>
		(await simLib.get(sim, `/__sim/requests?since_id=${since}`)).requests.filter(
			(/** @type {any} */ r) => String(r.path).startsWith('/ccpayment/v2/'),
		);

	const key = await creatorKey(n8n);
	const credential = await publicApi(n8n, key, 'POST', '/credentials', {
		name: 'CCPayment V2 (simulator) e2e',
		type: 'ccPaymentV2Api',
		// n8n 1.x's public API schema asks for its injected domain-restriction field.
		data: { ...v2, baseUrl: sim.url, allowedHttpRequestDomains: 'all' },
	});
	const { ids, urls } = await createWorkflows(n8n, key, credential);
	const runs = async () => ({
		example: await n8n.executions(ids.example),
		all: await n8n.executions(ids.all),
	});
	await idle('earlier v2 deliveries');

	// The dashboard's check: saving the URL (the example), and re-checking another (every type).
	await simLib.control(sim, '/__sim/merchant', { app_id: v2.appId, webhook_url: urls.example });
	await act('webhooks/activate', { url: urls.all });
	await idle('the activation checks');
	for (const url of Object.values(urls)) {
		const checks = (await sentTo(url)).filter((d) => d.type === 'ActivateWebhookURL');
		const answer = checks[0]?.attempts?.[0];
		ok(
			`v2: the simulator's signed ActivateWebhookURL check answered 200 {"msg":"success"} (${url === urls.all ? 'every type' : 'example'})`,
			checks.length === 1 && answer?.status === 200 && answer.response_body === '{"msg":"success"}',
			checks,
		);
	}

	// The attacker's bytes: a well-formed DirectDeposit notification, signed here.
	const body = JSON.stringify({
		type: 'DirectDeposit',
		msg: {
			recordId: '20261202100000000000000000000001',
			referenceId: 'user-1',
			coinId: 1280,
			coinSymbol: 'USDT',
			status: 'Success',
			isFlaggedAsRisky: false,
		},
	});
	const signed = (
		/** @type {string} */ b,
		{ appId = v2.appId, ts = Math.floor(Date.now() / 1000) } = {},
	) => ({
		'content-type': 'application/json',
		appid: appId,
		timestamp: String(ts),
		sign: crypto.createHmac('sha256', v2.appSecret).update(`${appId}${ts}${b}`).digest('hex'),
	});
	const mark = await lastRequestId();
	const bad = {
		tampered: [body.replace('"user-1"', '"user-9"'), signed(body)],
		reformatted: [JSON.stringify(JSON.parse(body), null, 2), signed(body)],
		stale: [body, signed(body, { ts: Math.floor(Date.now() / 1000) - 600 })],
		'wrong App ID': [body, signed(body, { appId: 'OtherApp12345678' })],
		unsigned: [body, { 'content-type': 'application/json' }],
	};
	for (const [name, [b, headers]] of Object.entries(bad)) {
		const res = await request('POST', urls.example, {
			body: /** @type {string} */ (b),
			headers: /** @type {any} */ (headers),
		});
		ok(`v2: ${name} delivery answered 401`, res.status === 401, {
			status: res.status,
			body: res.text,
		});
	}
	const early = await runs();
	const fetched = await recordCalls(mark);
	ok(
		'v2: no record fetched and no execution for refused deliveries and the checks',
		fetched.length === 0 && early.example.length === 0 && early.all.length === 0,
		{
			fetched: fetched.map((/** @type {any} */ r) => r.path),
			runs: [early.example.length, early.all.length],
		},
	);

	// Genuine notifications, each sent by the simulator when the payment or withdrawal happens.
	const tag = `trig${Date.now().toString(36)}`;
	await simLib.apiV2(sim, 'getOrCreateAppDepositAddress', {
		referenceId: `${tag}-u1`,
		chain: 'TRX',
	});
	const { address: shady } = await simLib.apiV2(sim, 'getOrCreateAppDepositAddress', {
		referenceId: `${tag}-u2`,
		chain: 'TRX',
	});
	await simLib.apiV2(sim, 'createAppOrderDepositAddress', {
		orderId: `${tag}-order`,
		coinId: 1280,
		chain: 'TRX',
		price: '7.25',
	});
	await simLib.apiV2(sim, 'createInvoiceUrl', {
		orderId: `${tag}-inv`,
		price: '10',
		priceCoinId: 1280,
	});
	const user = `${tag}-user7`;
	await act('users/address', { user_id: user, chain: 'POLYGON' });
	/** recordId by case. @type {Record<string, string>} */
	const rid = {};
	rid.direct = (
		await act('addresses/deposit', { referenceId: `${tag}-u1`, chain: 'TRX', amount: '12.5' })
	).record.recordId;
	rid.order = (await act('orders/pay', { orderId: `${tag}-order`, mode: 'full' })).record.recordId;
	rid.invoice = (await act('invoices/pay', { orderId: `${tag}-inv` })).record.recordId;
	rid.user = (
		await act('users/deposit', {
			user_id: user,
			chain: 'POLYGON',
			coin_id: 1280,
			amount: '25.123456',
		})
	).record.recordId;
	rid.risky = (
		await act('addresses/deposit', {
			referenceId: `${tag}-u1`,
			chain: 'TRX',
			amount: '99',
			risky: true,
		})
	).record.recordId;
	rid.withdrawal = (
		await simLib.apiV2(sim, 'applyAppWithdrawToNetwork', {
			coinId: 1280,
			chain: 'POLYGON',
			address: ADDRESS,
			orderId: `${tag}-payout`,
			amount: '2',
			notifyUrl: urls.all,
		})
	).recordId;
	await act('withdrawals/complete', { orderId: `${tag}-payout` });
	rid.userWithdrawal = (
		await simLib.apiV2(sim, 'applyUserWithdrawToNetwork', {
			userId: user,
			coinId: 1280,
			chain: 'POLYGON',
			address: ADDRESS,
			orderId: `${tag}-userout`,
			amount: '5',
			notifyUrl: urls.all,
		})
	).recordId;
	await act('users/withdrawals/complete', { order_id: `${tag}-userout` });
	await act('risky/address', { address: shady, chain: 'TRX', url: urls.all });
	await idle('the notifications');

	const delivered = [...(await sentTo(urls.example)), ...(await sentTo(urls.all))].filter(
		(d) => d.type !== 'ActivateWebhookURL',
	);
	ok(
		'v2: the simulator sent 8 notifications (5 deposits, 2 withdrawals, the risky address) and each was acknowledged "Success" at the first attempt',
		delivered.length === 8 &&
			delivered.every(
				(d) =>
					d.state === 'acked' &&
					d.attempts.length === 1 &&
					d.attempts[0].response_body === 'Success',
			),
		delivered.map((d) => ({
			type: d.type,
			record: d.record_id,
			state: d.state,
			attempts: d.attempts,
		})),
	);

	// A retried delivery: CCPayment's resend of two notifications already run.
	await act('webhooks/resend', { recordId: rid.direct });
	await act('webhooks/resend', { recordId: rid.withdrawal });
	await idle('the resent notifications');
	const resent = [...(await sentTo(urls.example)), ...(await sentTo(urls.all))].filter(
		(d) => d.resend,
	);
	ok(
		'v2: the resent DirectDeposit and ApiWithdrawal are acknowledged "Success"',
		resent.length === 2 &&
			resent.every((d) => d.state === 'acked' && d.attempts[0].response_body === 'Success'),
		resent,
	);

	// The record unavailable for one delivery: the trigger answers 5xx, the simulator retries.
	await simLib.control(sim, '/__sim/faults', {
		append: true,
		faults: [
			{
				endpoint: 'getAppDepositRecord',
				kind: 'http502',
				app_id: v2.appId,
				until_webhook_attempts: 1,
			},
		],
	});
	try {
		rid.transient = (
			await act('addresses/deposit', { referenceId: `${tag}-u1`, chain: 'TRX', amount: '3' })
		).record.recordId;
		await idle('the retried notification');
	} finally {
		await request('DELETE', `${sim.url}/__sim/faults`);
	}
	const [transient] = (await sentTo(urls.example)).filter((d) => d.record_id === rid.transient);
	ok(
		"v2: a record-fetch failure answered 503 and the simulator's retry was acknowledged",
		transient?.state === 'acked' &&
			transient.attempts.length === 2 &&
			transient.attempts[0].status === 503 &&
			transient.attempts[1].response_body === 'Success',
		transient,
	);

	await checkRuns({ ok, runs, sim, rid, shady, user, tag });
	await simLib.control(sim, '/__sim/merchant', { app_id: v2.appId, webhook_url: '' });
}

/**
 * The runs: one per notification, each item with the record the simulator serves and the right
 * `creditable`; the example's branches credit the exact amounts and hold the risky deposit.
 * @param {{ ok: (label: string, cond: boolean, detail?: unknown) => boolean, runs: () => Promise<{ example: any[], all: any[] }>, sim: import('../lib/sim').Sim, rid: Record<string, string>, shady: string, user: string, tag: string }} c
 */
async function checkRuns({ ok, runs, sim, rid, shady, user, tag }) {
	const want = { example: 6, all: 3 };
	await waitFor(
		async () => {
			const r = await runs();
			return r.example.length >= want.example && r.all.length >= want.all;
		},
		{ timeoutMs: 30000, intervalMs: 250, what: 'the v2 trigger runs' },
	).catch(() => {});
	// Time for a wrong extra run (a resend or a retry run twice) to be saved too.
	await sleep(1500);
	const list = await runs();
	ok(
		'v2: exactly 6 runs of the example (4 deposits, the risky one, the retried one) and 3 of every type (2 withdrawals, the risky address)',
		list.example.length === want.example && list.all.length === want.all,
		{ example: list.example.length, all: list.all.length },
	);
	const items = (/** @type {any[]} */ executions) =>
		executions.flatMap((e) => out(e, TRIGGER).map((json) => ({ ...json, execution: e.id })));
	const byRecord = Object.fromEntries(
		[...items(list.example), ...items(list.all)].map((i) => [i.ccpayment?.recordId ?? 'none', i]),
	);
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
			!!item &&
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

module.exports = { run };
