// @ts-check
/**
 * The CCPayment Trigger hosted by the n8n-core harness (real HTTP server, real WebhookContext,
 * n8n's response rules and static-data saving) receiving real deliveries from the simulator.
 * The simulator's delivery log proves what was acknowledged and what was retried; host.runs
 * proves which deliveries started a workflow run.
 */
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');

const { startSimulator, TOKENS } = require('../../../simulator');
const { startWebhookHost } = require('../../../dev/n8n/harness');
const { product } = require('../../../dev/dist');
const { CcPaymentTrigger } = product('triggerNode');
const { signedHeaders } = product('signer');
const { forgetInProcess, readState, storeKey } = product('dedup');
const { WEBHOOKS } = require('../../../dev/spec-vectors');

const TRON_ADDRESS = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';
const SECOND_APP_ID = '202401010000000000000000000000002';

/** @type {any} */
let sim;
let seq = 0;
/** @param {string} prefix */
const uid = (prefix) => `${prefix}-${process.pid}-${++seq}`;

before(async () => {
	// Retry gaps 30 s .. 16 min become 30 ms .. 0.96 s: a delivery that is never acked fails in ~2 s.
	sim = await startSimulator({ port: 0, webhook: { speedFactor: 0.001 } });
});

after(async () => {
	await sim.stop();
});

function credentials(overrides = {}) {
	return {
		appId: sim.merchant.appId,
		appSecret: sim.merchant.appSecret,
		baseUrl: sim.url,
		...overrides,
	};
}

/** @param {Record<string, unknown>} [parameters] @param {Record<string, unknown>} [creds] */
function host(parameters = {}, creds = {}) {
	// Each host is a new workflow, but the harness gives every host the same workflow and node ID,
	// so the in-process duplicate memory would carry keys over from the previous test.
	forgetInProcess();
	// A saved v1 trigger: node version 1, no apiVersion parameter.
	return startWebhookHost(CcPaymentTrigger, {
		parameters,
		credentials: credentials(creds),
		typeVersion: 1,
	});
}

/** Signed v1 API call to the simulator. @param {string} path @param {object} body */
async function api(path, body) {
	const raw = JSON.stringify(body);
	const response = await fetch(`${sim.url}/ccpayment/v1/${path}`, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/json',
			...signedHeaders(sim.merchant.appId, sim.merchant.appSecret, raw),
		},
		body: raw,
	});
	const json = /** @type {any} */ (await response.json());
	assert.equal(json.code, 10000, `${path}: ${JSON.stringify(json)}`);
	return json.data;
}

/** Unsigned control route. @param {string} path @param {object} body */
async function control(path, body) {
	const response = await fetch(`${sim.url}/__sim/${path}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	const json = /** @type {any} */ (await response.json());
	assert.equal(response.status, 200, `${path}: ${JSON.stringify(json)}`);
	return json;
}

/**
 * Wait until at least `count` deliveries to `url` exist and none of them is pending or retrying.
 * @param {string} url @param {number} count @returns {Promise<any[]>}
 */
async function settledDeliveries(url, count) {
	const mine = (/** @type {any[]} */ list) => list.filter((d) => d.url === url);
	await sim.waitForDeliveries(
		(/** @type {any[]} */ list) =>
			mine(list).length >= count &&
			mine(list).every((d) => d.state !== 'pending' && d.state !== 'retrying'),
		20000,
	);
	return mine(sim.deliveries);
}

/** Items of all runs, flattened. @param {any} h */
const items = (h) =>
	h.runs.flatMap((/** @type {any} */ run) => run[0]).map((/** @type {any} */ i) => i.json);

/** A delivery acknowledged at the first attempt with HTTP 200 + "success". @param {any} d @param {string} [ack] */
function assertAckedOnce(d, ack = 'success') {
	assert.equal(d.state, 'acked', `${d.type} ${d.pay_status}: ${JSON.stringify(d.attempts)}`);
	assert.equal(d.attempts.length, 1);
	assert.equal(d.attempts[0].status, 200);
	assert.equal(d.attempts[0].response_body, ack);
}

/** Payload of a run item without the normalised block. @param {any} json */
function payloadOf(json) {
	const { ccpayment, ...rest } = json;
	void ccpayment;
	return rest;
}

async function setDashboard(/** @type {string} */ url, timing = 'confirmed') {
	await control('merchant', { webhook_url: url, notification_timing: timing });
}

test('all five types over real HTTP: verified, one run each, acked at the first attempt', async () => {
	const h = await host();
	try {
		await setDashboard(h.url);
		const orderId = uid('order');
		await api('bill/create', {
			merchant_order_id: orderId,
			product_price: '25',
			denominated_currency: 'USD',
			token_id: TOKENS.USDT_TRC20,
			notify_url: h.url,
		});
		const paid = await control('orders/pay', { merchant_order_id: orderId, mode: 'full' });
		const userId = uid('user');
		await api('payment/address/get', { user_id: userId, chain: 'TRX', notify_url: h.url });
		const deposit = await control('addresses/deposit', {
			user_id: userId,
			chain: 'TRX',
			amount: '100',
		});
		const invoice = await control('invoices/pay', {
			product_price: '18',
			token_id: TOKENS.USDT_ERC20,
		});
		const payoutId = uid('payout');
		await api('withdraw', {
			merchant_order_id: payoutId,
			address: TRON_ADDRESS,
			token_id: TOKENS.USDT_TRC20,
			value: '10',
		});
		const withdrawal = await control('withdrawals/complete', {
			merchant_order_id: payoutId,
			status: 'success',
		});
		const refund = await control('orders/refund', { merchant_order_id: orderId, amount: '5' });

		const deliveries = await settledDeliveries(h.url, 5);
		assert.equal(deliveries.length, 5);
		for (const d of deliveries) assertAckedOnce(d);
		assert.deepEqual(h.errors, []);
		assert.equal(h.runs.length, 5);
		for (const run of h.runs) assert.equal(run.length, 1, 'one output');

		const byType = Object.fromEntries(items(h).map((json) => [json.ccpayment.eventType, json]));
		assert.deepEqual(Object.keys(byType).sort(), [
			'api_deposit',
			'api_withdrawal',
			'direct_deposit',
			'invoice',
			'refund',
		]);
		for (const d of deliveries) {
			const json = items(h).find((j) => j.ccpayment.recordId === d.record_id);
			assert.ok(json, `run for ${d.type}`);
			assert.deepEqual(
				payloadOf(json),
				JSON.parse(d.body),
				`${d.type}: payload exactly as delivered`,
			);
			assert.equal(json.ccpayment.verified, true);
			assert.equal(json.ccpayment.status, 'success');
			assert.equal(json.ccpayment.timestamp, d.attempts[0].timestamp);
			assert.equal(json.ccpayment.appId, sim.merchant.appId);
			assert.equal(typeof json.ccpayment.amount, 'string');
		}
		const dep = byType.api_deposit.ccpayment;
		assert.equal(dep.merchantOrderId, orderId);
		assert.equal(dep.recordId, paid.record_id);
		assert.equal(dep.orderId, paid.order_id);
		assert.equal(dep.amount, paid.amount);
		const direct = byType.direct_deposit.ccpayment;
		assert.equal(direct.userId, userId);
		assert.equal(direct.merchantOrderId, null);
		assert.equal(direct.recordId, deposit.record_id);
		assert.equal(direct.amount, '100');
		assert.equal(typeof direct.creditAmount, 'string');
		assert.equal(byType.invoice.ccpayment.invoiceId, invoice.invoice_id);
		assert.equal(byType.api_withdrawal.ccpayment.merchantOrderId, payoutId);
		assert.equal(
			byType.api_withdrawal.ccpayment.recordId,
			withdrawal.record_id ?? byType.api_withdrawal.record_id,
		);
		assert.equal(byType.api_withdrawal.ccpayment.amount, byType.api_withdrawal.withdraw_amount);
		assert.equal(byType.refund.ccpayment.merchantOrderId, orderId);
		assert.equal(byType.refund.ccpayment.amount, '5');
		void refund;
	} finally {
		await h.stop();
	}
});

test('status filter: with "started" timing every stage is acked, only success runs (or all, with no status filter)', async () => {
	const onlySuccess = await host();
	const everyStatus = await host({ statuses: [] });
	try {
		await setDashboard('', 'started');
		for (const h of [onlySuccess, everyStatus]) {
			const orderId = uid('order');
			await api('bill/create', {
				merchant_order_id: orderId,
				product_price: '10',
				denominated_currency: 'USD',
				token_id: TOKENS.USDT_TRC20,
				notify_url: h.url,
			});
			await control('orders/pay', { merchant_order_id: orderId, mode: 'full' });
		}
		for (const h of [onlySuccess, everyStatus]) {
			const deliveries = await settledDeliveries(h.url, 3);
			assert.deepEqual(
				deliveries.map((d) => d.pay_status),
				['pending', 'processing', 'success'],
			);
			for (const d of deliveries) assertAckedOnce(d);
		}
		assert.deepEqual(
			items(onlySuccess).map((j) => j.ccpayment.status),
			['success'],
		);
		assert.deepEqual(
			items(everyStatus).map((j) => j.ccpayment.status),
			['pending', 'processing', 'success'],
			'status progression is not a duplicate',
		);
	} finally {
		await setDashboard('', 'confirmed');
		await onlySuccess.stop();
		await everyStatus.stop();
	}
});

test('event filter: unselected types are acked with no run; failed withdrawals run only when "failed" is selected', async () => {
	const depositsOnly = await host({ events: ['api_deposit'] });
	const failures = await host({ statuses: ['failed'] });
	try {
		await setDashboard(depositsOnly.url);
		await control('invoices/pay', { product_price: '12' });
		const [invoiceDelivery] = await settledDeliveries(depositsOnly.url, 1);
		assertAckedOnce(invoiceDelivery);
		assert.equal(depositsOnly.runs.length, 0);

		await setDashboard(failures.url);
		const ok = uid('payout');
		const bad = uid('payout');
		for (const id of [ok, bad])
			await api('withdraw', {
				merchant_order_id: id,
				address: TRON_ADDRESS,
				token_id: TOKENS.USDT_TRC20,
				value: '3',
			});
		await control('withdrawals/complete', { merchant_order_id: ok, status: 'success' });
		await control('withdrawals/fail', { merchant_order_id: bad });
		const deliveries = await settledDeliveries(failures.url, 2);
		for (const d of deliveries) assertAckedOnce(d);
		assert.deepEqual(
			items(failures).map((j) => [
				j.ccpayment.eventType,
				j.ccpayment.status,
				j.ccpayment.merchantOrderId,
			]),
			[['api_withdrawal', 'failed', bad]],
		);
	} finally {
		await setDashboard('');
		await depositsOnly.stop();
		await failures.stop();
	}
});

test('duplicates: control-route resend and the signed webhook/resend API are acked without a second run', async () => {
	const h = await host();
	try {
		const orderId = uid('order');
		await api('bill/create', {
			merchant_order_id: orderId,
			product_price: '7',
			denominated_currency: 'USD',
			token_id: TOKENS.USDT_TRC20,
			notify_url: h.url,
		});
		const paid = await control('orders/pay', { merchant_order_id: orderId, mode: 'partial' });
		await settledDeliveries(h.url, 1);
		assert.equal(h.runs.length, 1);

		assert.equal((await control('webhooks/resend', { record_id: paid.record_id })).resend_count, 1);
		await settledDeliveries(h.url, 2);
		const start = Math.floor(Date.now() / 1000) - 600;
		const apiResend = await api('webhook/resend', {
			start_timestamp: start,
			end_timestamp: start + 3600,
			webhook_result: 'All Result',
			transaction_type: 'API Deposit',
		});
		assert.ok(apiResend.resend_count >= 1, JSON.stringify(apiResend));
		const deliveries = await settledDeliveries(h.url, 3);
		const forRecord = deliveries.filter((d) => d.record_id === paid.record_id);
		assert.equal(forRecord.length, 3);
		assert.deepEqual(
			forRecord.map((d) => d.resend),
			[false, true, true],
		);
		for (const d of forRecord) assertAckedOnce(d);
		assert.equal(h.runs.length, 1, 'no second run for a resend');
		const stored = h.staticData['node:CCPayment Trigger'].ccpaymentDedup;
		assert.deepEqual(
			readState(stored).entries.map(([k]) => k),
			[storeKey(`API Deposit:${paid.record_id}:success`)],
		);

		// A second payment of the same order is a new record: it runs.
		await control('orders/pay', { merchant_order_id: orderId, mode: 'full' });
		await settledDeliveries(h.url, 4);
		assert.equal(h.runs.length, 2);
	} finally {
		await h.stop();
	}
});

test('a trigger with the wrong App Secret answers 401: the simulator retries 1 + 6 times and nothing runs', async () => {
	const h = await host({}, { appSecret: 'dummy-wrong-secret' });
	try {
		const orderId = uid('order');
		await api('bill/create', {
			merchant_order_id: orderId,
			product_price: '5',
			denominated_currency: 'USD',
			token_id: TOKENS.USDT_TRC20,
			notify_url: h.url,
		});
		await control('orders/pay', { merchant_order_id: orderId, mode: 'full' });
		const [d] = await settledDeliveries(h.url, 1);
		assert.equal(d.state, 'failed');
		assert.equal(d.acked, false);
		assert.equal(d.attempts.length, 7, '1 attempt + 6 retries');
		for (const a of d.attempts) {
			assert.equal(a.status, 401);
			assert.equal(a.response_body, 'Sign header does not match the body');
			assert.ok(
				!a.response_body.includes('dummy-wrong-secret') &&
					!a.response_body.includes(sim.merchant.appSecret),
			);
		}
		assert.equal(h.runs.length, 0);
		assert.deepEqual(h.errors, []);
		assert.deepEqual(h.staticData, {}, 'refused deliveries leave no dedup entry');
	} finally {
		await h.stop();
	}
});

test('tampered deliveries (pretty, body, signature, stale, future, appid, unsigned, other merchant) are 401, retried, never run', async () => {
	const h = await host();
	try {
		/** @type {Array<[string, RegExp]>} */
		const cases = [
			['pretty', /Sign header does not match/],
			['body', /Sign header does not match/],
			['signature', /Sign header does not match/],
			['stale', /more than 300s old/],
			['future', /more than 300s in the future/],
			['appid', /Appid header does not match/],
			['unsigned', /Missing header\(s\): Sign/],
		];
		for (const [tamper] of cases) {
			const body = {
				pay_status: 'success',
				order_type: 'Refund',
				record_id: uid('rec'),
				amount: '1',
				merchant_order_id: `t-${tamper}`,
			};
			await control('webhooks/send', { url: h.url, body, tamper });
		}
		const foreign = {
			pay_status: 'success',
			order_type: 'Refund',
			record_id: uid('rec'),
			amount: '1',
			merchant_order_id: 't-foreign',
		};
		await control('webhooks/send', { url: h.url, body: foreign, app_id: SECOND_APP_ID });
		const control_ = {
			pay_status: 'success',
			order_type: 'Refund',
			record_id: uid('rec'),
			amount: '1',
			merchant_order_id: 't-clean',
		};
		await control('webhooks/send', { url: h.url, body: control_ });

		const deliveries = await settledDeliveries(h.url, cases.length + 2);
		for (const [tamper, reason] of cases) {
			const d = deliveries.find((x) => x.tamper === tamper);
			assert.equal(d.state, 'failed', tamper);
			assert.equal(d.attempts.length, 7, tamper);
			for (const a of d.attempts) {
				assert.equal(a.status, 401, tamper);
				assert.match(a.response_body, reason, tamper);
			}
		}
		const other = deliveries.find((x) => x.app_id === SECOND_APP_ID);
		assert.equal(other.state, 'failed');
		assert.match(other.attempts[0].response_body, /Appid header does not match/);
		const clean = deliveries.find((x) => x.record_id === control_.record_id);
		assertAckedOnce(clean);
		assert.deepEqual(
			items(h).map((j) => j.merchant_order_id),
			['t-clean'],
			'only the untampered delivery ran',
		);
	} finally {
		await h.stop();
	}
});

test('exact bytes: the spec vector bodies, escaped unicode and the Invocie typo arrive verified and unchanged', async () => {
	// Timestamp window off, because the vectors are signed at 1700000000 (2023).
	const h = await host({ events: [], options: { timestampTolerance: 0 } });
	try {
		for (const { body } of Object.values(WEBHOOKS)) {
			await control('webhooks/send', { url: h.url, body, timestamp: '1700000000' });
		}
		const escaped =
			'{"pay_status":"success","order_type":"Refund","record_id":"esc-1","amount":"1","note":"Caf\\u00e9 \\u2615 https:\\/\\/x\\/y \\u003c\\u003e"}';
		await control('webhooks/send', { url: h.url, body: escaped });
		const typo = WEBHOOKS.invoice.body
			.replace('"order_type":"Invoice"', '"order_type":"Invocie"')
			.replace('"record_id":"2023', '"record_id":"9023');
		await control('webhooks/send', { url: h.url, body: typo });

		const deliveries = await settledDeliveries(h.url, 7);
		for (const d of deliveries) assertAckedOnce(d);
		assert.equal(h.runs.length, 7);
		const all = items(h);
		for (const [type, { body }] of Object.entries(WEBHOOKS)) {
			const json = all.find(
				(j) => j.record_id === JSON.parse(body).record_id && j.order_type !== 'Invocie',
			);
			assert.deepEqual(payloadOf(json), JSON.parse(body), type);
			assert.equal(json.ccpayment.eventType, type);
			assert.equal(json.ccpayment.timestamp, '1700000000');
		}
		assert.equal(all.find((j) => j.record_id === 'esc-1').note, 'Café ☕ https://x/y <>');
		const invocie = all.find((j) => j.order_type === 'Invocie');
		assert.equal(invocie.ccpayment.eventType, 'invoice');
		assert.equal(invocie.ccpayment.orderType, 'Invoice');
	} finally {
		await h.stop();
	}
});

test('an accepted delivery whose ack is rejected (strict ack mode vs "Success") is retried 7 times but runs once', async () => {
	const h = await host({ options: { ackBody: 'Success' } });
	sim.configure({ webhook: { ackMode: 'strict' } });
	try {
		const body = {
			pay_status: 'success',
			order_type: 'API Withdrawal',
			record_id: uid('rec'),
			withdraw_amount: '2',
			merchant_order_id: 'strict-1',
		};
		await control('webhooks/send', { url: h.url, body });
		const [d] = await settledDeliveries(h.url, 1);
		assert.equal(d.state, 'failed');
		assert.equal(d.attempts.length, 7);
		for (const a of d.attempts) {
			assert.equal(a.status, 200);
			assert.equal(a.response_body, 'Success');
		}
		assert.equal(h.runs.length, 1, 'retries of an accepted delivery are duplicates');
	} finally {
		sim.configure({ webhook: { ackMode: 'insensitive' } });
		await h.stop();
	}
});
