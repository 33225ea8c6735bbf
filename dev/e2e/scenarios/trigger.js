// @ts-check
'use strict';
/**
 * Scenario 3: the trigger workflow is active in `n8n start`; the simulator's dashboard webhook URL is
 * n8n's production URL. The simulator pays an order, deposits to a permanent address, pays an invoice,
 * completes a withdrawal and refunds the order: each must give exactly one execution with the right
 * output. Refused deliveries (tampered, stale, wrong App ID, ...) must get 401 and no execution, and
 * redeliveries (the simulator's resend) an ack and no second execution.
 * Executions are read through n8n's public API (X-N8N-API-KEY).
 */
const { request } = require('../lib/http');
const sim = require('../lib/sim');
const { TRIGGER_WORKFLOW_ID, TRIGGER_NODE } = require('../fixtures');
const { badDeliveries, apiDepositBody } = require('./deliveries');

const TOKEN_USDT_TRC20 = '0912e09a-d8e2-41d7-a0bc-a25530892988';

/** n8n answers 404 until the workflow's webhook is registered; then the trigger refuses unsigned posts. @param {string} url */
async function webhookRegistered(url) {
	const res = await request('POST', url, {
		body: '{}',
		headers: { 'content-type': 'application/json' },
		timeoutMs: 3000,
	});
	if (res.status !== 401) throw new Error(`webhook answered HTTP ${res.status}`);
	return true;
}

/**
 * @param {{ n8n: import('../lib/n8n').N8nInstance, sim: any, ok: (label: string, cond: boolean, detail?: unknown) => boolean, checks: import('../lib/report').Checks, tag: string, webhookUrl: string }} ctx
 */
async function run({ n8n, sim: simulator, ok, webhookUrl }) {
	const executions = () => n8n.executions(TRIGGER_WORKFLOW_ID);
	// Executions start right after the webhook has answered, so they may trail the simulator's ack.
	/** @param {number} n */
	const settleAt = (n) => n8n.settledExecutions(TRIGGER_WORKFLOW_ID, n, { timeoutMs: 20000 });

	ok('no execution before any delivery', (await executions()).length === 0);

	// --- refused deliveries, made by hand (fresh record_ids, so an accepted one WOULD run) -------------
	for (const d of badDeliveries(simulator.merchant, sim.otherMerchant(simulator))) {
		const res = await request('POST', webhookUrl, { headers: d.headers, body: d.body });
		ok(`${d.name}: HTTP 401`, res.status === 401, {
			status: res.status,
			body: res.text.slice(0, 200),
		});
	}

	// --- refused deliveries sent by the simulator itself (its tamper modes; retried, refused each time) --
	/** @type {Array<{ tamper: string, id: string }>} */
	const tampered = [];
	for (const tamper of ['body', 'stale', 'appid', 'signature']) {
		const sent = await sim.control(simulator, '/__sim/webhooks/send', {
			body: apiDepositBody(),
			tamper,
		});
		tampered.push({ tamper, id: sent.delivery_id });
	}
	const tamperedLog = await sim.waitDeliveries(
		simulator,
		(list) => tampered.every((t) => list.some((d) => d.id === t.id && sim.settled(d))),
		{ what: 'the simulator to give up on the tampered deliveries', timeoutMs: 30000 },
	);
	for (const t of tampered) {
		const d = tamperedLog.find((x) => x.id === t.id);
		const statuses = (d?.attempts ?? []).map((/** @type {any} */ a) => a.status);
		ok(
			`simulator delivery tampered "${t.tamper}": every attempt got 401, never acknowledged (${statuses.length} attempts)`,
			!!d &&
				!d.acked &&
				statuses.length > 0 &&
				statuses.every((/** @type {number} */ s) => s === 401),
			d,
		);
	}
	ok(
		'no execution after the refused deliveries',
		(await executions()).length === 0,
		await executions(),
	);

	// --- the five real events -------------------------------------------------------------------------
	const orderId = 'E2E-WEBHOOK-ORDER-1';
	const payoutId = 'E2E-WEBHOOK-PAYOUT-1';
	const userId = 'e2e-webhook-user-1';
	await sim.api(simulator, 'bill/create', {
		merchant_order_id: orderId,
		product_price: '25',
		token_id: TOKEN_USDT_TRC20,
		denominated_currency: 'USD',
	});
	const address = await sim.api(simulator, 'payment/address/get', {
		user_id: userId,
		chain: 'TRX',
	});
	await sim.api(simulator, 'withdraw', {
		merchant_order_id: payoutId,
		address: '9454818',
		token_id: TOKEN_USDT_TRC20,
		value: '7.5',
	});

	/** @type {Array<{ name: string, eventType: string, recordId: string, amount: string, merchantOrderId: string | null, extra: (j: any) => boolean }>} */
	const expected = [];
	/** @param {string} name @param {() => Promise<any>} act @param {(r: any) => typeof expected[number]} describe */
	const event = async (name, act, describe) => {
		const r = await act();
		const exp = describe(r);
		expected.push(exp);
		const log = await sim.waitDeliveries(
			simulator,
			(list) => list.length > 0 && list.every(sim.settled),
			{
				record_id: exp.recordId,
				what: `delivery of ${name}`,
			},
		);
		ok(
			`${name}: delivered and acknowledged (HTTP 200 "success")`,
			log.length === 1 && log[0].acked === true && log[0].attempts.length === 1,
			log,
		);
	};

	await event(
		'order paid (API Deposit)',
		() => sim.control(simulator, '/__sim/orders/pay', { merchant_order_id: orderId, mode: 'full' }),
		(r) => ({
			name: 'order paid',
			eventType: 'api_deposit',
			recordId: r.record_id,
			amount: r.amount,
			merchantOrderId: orderId,
			extra: (j) => j.extend?.merchant_order_id === orderId,
		}),
	);
	await event(
		'deposit to permanent address (Direct Deposit)',
		() =>
			sim.control(simulator, '/__sim/addresses/deposit', {
				user_id: userId,
				chain: 'TRX',
				amount: '100',
			}),
		(r) => ({
			name: 'direct deposit',
			eventType: 'direct_deposit',
			recordId: r.record_id,
			amount: r.amount,
			merchantOrderId: null,
			extra: (j) => j.user_id === userId && j.to_address === address.address,
		}),
	);
	await event(
		'invoice paid (Invoice)',
		() => sim.control(simulator, '/__sim/invoices/pay', { product_price: '18' }),
		(r) => ({
			name: 'invoice paid',
			eventType: 'invoice',
			recordId: r.record_id,
			amount: r.amount,
			merchantOrderId: null,
			extra: (j) => j.extend?.invoice_id === r.invoice_id && j.ccpayment.invoiceId === r.invoice_id,
		}),
	);
	const ledger = await sim.get(simulator, `/__sim/ledger?app_id=${simulator.merchant.appId}`);
	const payout = (ledger.merchants?.[0]?.withdrawals ?? []).find(
		(/** @type {any} */ w) => w.merchant_order_id === payoutId,
	);
	await event(
		'withdrawal completed (API Withdrawal)',
		() =>
			sim.control(simulator, '/__sim/withdrawals/complete', {
				merchant_order_id: payoutId,
				status: 'success',
			}),
		() => ({
			name: 'withdrawal completed',
			eventType: 'api_withdrawal',
			recordId: payout?.record_id,
			amount: payout?.debit,
			merchantOrderId: payoutId,
			extra: (j) => j.merchant_pays_fee === false && typeof j.net_receivable === 'string',
		}),
	);
	await event(
		'order refunded (Refund)',
		() =>
			sim.control(simulator, '/__sim/orders/refund', { merchant_order_id: orderId, amount: '5' }),
		(r) => ({
			name: 'refund',
			eventType: 'refund',
			recordId: r.record_id,
			amount: '5',
			merchantOrderId: orderId,
			extra: (j) => j.amount === '5',
		}),
	);

	let list = await settleAt(expected.length);
	ok(
		`exactly ${expected.length} executions, one per event`,
		list.length === expected.length,
		list.map((e) => ({ id: e.id, status: e.status })),
	);
	checkExecutions(list, expected, ok);

	// --- redeliveries ---------------------------------------------------------------------------------
	// What the trigger remembers (its dedup store in the workflow's static data), for failure details.
	const remembered = async () => {
		const wf = await n8n.workflow(TRIGGER_WORKFLOW_ID).catch((e) => ({ error: e.message }));
		return wf?.staticData ?? wf;
	};
	/** @param {string[]} recordIds @param {boolean} concurrently */
	const redeliver = async (recordIds, concurrently) => {
		const before = (await sim.get(simulator, '/__sim/webhooks')).count;
		const one = async (/** @type {string} */ recordId) => {
			await sim.control(simulator, '/__sim/webhooks/resend', { record_id: recordId });
			if (!concurrently) {
				await sim.waitDeliveries(
					simulator,
					(l) => l.some((d) => d.resend) && l.every(sim.settled),
					{ record_id: recordId, what: `redelivery of ${recordId}` },
				);
			}
		};
		if (concurrently) await Promise.all(recordIds.map(one));
		else for (const id of recordIds) await one(id);
		const all = await sim.waitDeliveries(
			simulator,
			(l) => l.length >= before + recordIds.length && l.every(sim.settled),
			{
				what: 'the redeliveries to settle',
			},
		);
		return all.slice(before);
	};
	const ids = expected.map((e) => e.recordId);
	const staticAfterEvents = await remembered();

	let resent = await redeliver(ids, false);
	ok(
		`one-by-one redeliveries of the ${ids.length} events acknowledged with 200 "success"`,
		resent.length === ids.length && resent.every((d) => d.resend && d.acked),
		resent.map((d) => ({
			type: d.type,
			state: d.state,
			status: d.attempts.map((/** @type {any} */ a) => a.status),
		})),
	);
	list = await settleAt(expected.length);
	ok('  ... and produced no second execution', list.length === expected.length, {
		executions: list.length,
		extra: list
			.slice(0, list.length - expected.length)
			.map(
				(e) =>
					e.data?.resultData?.runData?.[TRIGGER_NODE]?.[0]?.data?.main?.[0]?.[0]?.json?.ccpayment
						?.recordId,
			),
		dedupStoreAfterTheEvents: staticAfterEvents,
	});

	const countBefore = list.length;
	resent = await redeliver(ids, true);
	ok(
		`a burst of ${ids.length} simultaneous redeliveries acknowledged with 200 "success"`,
		resent.length === ids.length && resent.every((d) => d.resend && d.acked),
		resent.map((d) => ({ type: d.type, state: d.state })),
	);
	list = await settleAt(countBefore);
	ok('  ... and produced no further execution', list.length === countBefore, {
		executions: list.length,
		before: countBefore,
		dedupStore: await remembered(),
	});
}

/**
 * @param {any[]} list executions (public API, includeData)
 * @param {Array<{ name: string, eventType: string, recordId: string, amount: string, merchantOrderId: string | null, extra: (j: any) => boolean }>} expected
 * @param {(label: string, cond: boolean, detail?: unknown) => boolean} ok
 */
function checkExecutions(list, expected, ok) {
	const byRecord = new Map();
	for (const e of list) {
		const runData = e.data?.resultData?.runData ?? {};
		const out = runData[TRIGGER_NODE]?.[0]?.data?.main?.[0] ?? [];
		const json = out[0]?.json;
		if (json?.record_id)
			byRecord.set(json.record_id, { e, json, items: out.length, done: !!runData.Done });
	}
	for (const exp of expected) {
		const hit = byRecord.get(exp.recordId);
		const j = hit?.json;
		const c = j?.ccpayment ?? {};
		ok(
			`${exp.name}: one successful webhook execution whose item is the payload + ccpayment block`,
			!!hit &&
				hit.items === 1 &&
				hit.done &&
				hit.e.mode === 'webhook' &&
				(hit.e.status === 'success' || hit.e.finished === true) &&
				c.eventType === exp.eventType &&
				c.status === 'success' &&
				c.recordId === exp.recordId &&
				c.verified === true &&
				c.amount === exp.amount &&
				c.merchantOrderId === exp.merchantOrderId &&
				exp.extra(j),
			hit
				? { mode: hit.e.mode, status: hit.e.status, json: j }
				: { missing: exp.recordId, have: [...byRecord.keys()] },
		);
	}
}

module.exports = { run, webhookRegistered };
