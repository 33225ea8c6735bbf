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

const { request } = require('../lib/http');
const simLib = require('../lib/sim');
const { checkRuns, createWorkflows, publicApi, creatorKey } = require('./v2-trigger-n8n');

const ADDRESS = '0x4444444444444444444444444444444444444444';

/**
 * @param {{ n8n: import('../lib/n8n').N8nInstance, sim: import('../lib/sim').Sim, ok: (label: string, cond: boolean, detail?: unknown) => boolean, webhookBase?: string }} ctx
 * `webhookBase`: where deliveries go when that is not `n8n` itself (a queue-mode webhook processor).
 */
async function run({ n8n, sim, ok, webhookBase }) {
	const v2 = sim.v2Merchant;
	const act = (/** @type {string} */ route, /** @type {object} */ body) =>
		simLib.control(sim, `/__sim/v2/${route}`, { app_id: v2.appId, ...body });
	const idle = (/** @type {string} */ what) => simLib.waitIdle(sim, what);
	/** Deliveries sent to one URL (the simulator's log). @param {string} url @returns {Promise<any[]>} */
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
	const { ids, urls } = await createWorkflows(n8n, key, credential, webhookBase);
	// Finished runs once there are at least `want`, and no more are coming (a wrong extra run counts).
	const settle = { timeoutMs: 30000, stableMs: 1500 };
	const runs = async (want = { example: 0, all: 0 }) => ({
		example: await n8n.settledExecutions(ids.example, want.example, settle),
		all: await n8n.settledExecutions(ids.all, want.all, settle),
	});
	await idle('earlier v2 deliveries');

	// The dashboard's check: saving the URL (the example), and re-checking another (every type).
	// Final statuses only (the default), so each payment is notified once, when it is Success.
	await simLib.control(sim, '/__sim/merchant', {
		app_id: v2.appId,
		webhook_url: urls.example,
		notification_timing: 'confirmed',
	});
	await act('webhooks/activate', { url: urls.all });
	await idle('the activation checks');
	for (const url of Object.values(urls)) {
		const checks = (await sentTo(url)).filter(
			(/** @type {any} */ d) => d.type === 'ActivateWebhookURL',
		);
		const answer = checks[0]?.attempts?.[0];
		ok(
			`v2: the simulator's signed ActivateWebhookURL check answered 200 {"msg":"success"} and counted as acknowledged (${url === urls.all ? 'every type' : 'example'})`,
			checks.length === 1 &&
				checks[0].state === 'acked' &&
				answer?.status === 200 &&
				answer.response_body === '{"msg":"success"}',
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

module.exports = { run };
