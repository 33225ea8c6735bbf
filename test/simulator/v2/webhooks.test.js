// @ts-check
'use strict';

// v2 webhooks through the shared delivery: thin {type, msg} bodies, HMAC signature checked here
// with node:crypto, per-order notifyUrl, acks, the retry schedule, the dashboard handshake, the
// risky-address warning, and webhook/resend.

const test = require('node:test');
const assert = require('node:assert/strict');
const { createHmac } = require('crypto');
const {
	callV2,
	okV2,
	useSimulator,
	control,
	startReceiver,
	uid,
} = require('../../helpers/simulator');

/** @type {any} */
let sim;
useSimulator(
	(s) => {
		sim = s;
	},
	{ webhook: { speedFactor: 0.001 } },
);

const TRON = `T${'A'.repeat(33)}`;
const act = async (path, body) => {
	const res = await control(sim, 'POST', `/__sim/v2/${path}`, body);
	assert.equal(res.status, 200, JSON.stringify(res.data));
	return res.data;
};

/** The v2 rule, computed independently: hex HMAC-SHA256(secret, Appid + Timestamp + raw body). */
function verifies(request) {
	const { appid, timestamp, sign } = request.headers;
	const expected = createHmac('sha256', sim.v2Merchant.appSecret)
		.update(`${appid}${timestamp}${request.body}`)
		.digest('hex');
	return appid === sim.v2Merchant.appId && /^\d{10}$/.test(timestamp) && sign === expected;
}

/** A receiver set as the v2 merchant's dashboard URL (its handshake is acknowledged and dropped). */
async function dashboard(respond) {
	let n = 0;
	const hook = await startReceiver((_, request) => {
		if (request.body.includes('"ActivateWebhookURL"')) return { status: 200, body: 'success' };
		n += 1;
		return respond ? respond(n, request) : undefined;
	});
	sim.setMerchant(sim.v2Merchant.appId, { webhookUrl: hook.url });
	await sim.waitForDeliveries(
		(d) => d.some((x) => x.type === 'ActivateWebhookURL' && x.state !== 'pending'),
		5000,
	);
	hook.received.length = 0;
	return hook;
}

const idle = () => sim.waitForDeliveries(() => sim.webhooks.idle(), 10000);

test('ApiDeposit: thin body in CCPayment key order, HMAC-signed, re-query gives the amount', async (t) => {
	const hook = await dashboard();
	t.after(() => hook.close());
	const orderId = uid('ord');
	await okV2(sim, 'createAppOrderDepositAddress', {
		orderId,
		coinId: 1280,
		chain: 'TRX',
		price: '25',
	});
	const paid = await act('orders/pay', { orderId, mode: 'full' });
	await idle();
	assert.equal(hook.received.length, 1, 'confirmed timing: the final status only');
	const request = hook.received[0];
	assert.equal(
		request.body,
		`{"type":"ApiDeposit","msg":{"recordId":"${paid.record.recordId}","orderId":"${orderId}","coinId":1280,"coinSymbol":"USDT","status":"Success","isFlaggedAsRisky":false}}`,
	);
	assert.ok(verifies(request));
	assert.match(request.headers['content-type'], /application\/json/);
	const { record } = await okV2(sim, 'getAppDepositRecord', { recordId: paid.record.recordId });
	assert.equal(record.amount, '25');
});

test('DirectDeposit and ApiWithdrawal bodies; Processing too with processing timing; per-request notifyUrl wins', async (t) => {
	const hook = await dashboard();
	const own = await startReceiver();
	t.after(() => Promise.all([hook.close(), own.close()]));
	sim.setMerchant(sim.v2Merchant.appId, { notificationTiming: 'processing' });
	await okV2(sim, 'getOrCreateAppDepositAddress', {
		referenceId: 'user-7',
		chain: 'TRX',
		notifyUrl: own.url,
	});
	const dep = await act('addresses/deposit', { referenceId: 'user-7', chain: 'TRX', amount: '3' });
	const orderId = uid('wd');
	const { recordId } = await okV2(sim, 'applyAppWithdrawToNetwork', {
		coinId: 1280,
		chain: 'TRX',
		address: TRON,
		orderId,
		amount: '10',
	});
	await act('withdrawals/complete', { recordId, status: 'Success' });
	await okV2(sim, 'applyAppWithdrawToCwallet', {
		coinId: 1280,
		cwalletUser: '9454818',
		amount: '1',
		orderId: uid('cw'),
	});
	await idle();
	assert.deepEqual(
		own.received.map((r) => JSON.parse(r.body).msg.status),
		['Processing', 'Success'],
	);
	assert.deepEqual(JSON.parse(own.received[1].body), {
		type: 'DirectDeposit',
		msg: {
			recordId: dep.record.recordId,
			referenceId: 'user-7',
			coinId: 1280,
			coinSymbol: 'USDT',
			status: 'Success',
			isFlaggedAsRisky: false,
		},
	});
	assert.deepEqual(
		hook.received.map((r) => r.body),
		[
			`{"type":"ApiWithdrawal","msg":{"recordId":"${recordId}","orderId":"${orderId}","coinId":1280,"coinSymbol":"USDT","status":"Processing"}}`,
			`{"type":"ApiWithdrawal","msg":{"recordId":"${recordId}","orderId":"${orderId}","coinId":1280,"coinSymbol":"USDT","status":"Success"}}`,
		],
		'no webhook for the Cwallet withdrawal',
	);
	assert.ok([...own.received, ...hook.received].every(verifies));
});

test('acks: HTTP 200 and "Success" in any case by default; exact and contains modes', async (t) => {
	const answers = ['OK', 'success', ' SUCCESS\n', '{"msg":"success"}'];
	const hook = await dashboard((n) =>
		n <= answers.length ? { status: 200, body: answers[n - 1] } : { status: 200, body: 'Success' },
	);
	t.after(() => hook.close());
	await okV2(sim, 'getOrCreateAppDepositAddress', { referenceId: 'acker', chain: 'TRX' });
	await act('addresses/deposit', { referenceId: 'acker', chain: 'TRX' });
	await idle();
	const d = sim.deliveries.filter((x) => x.type === 'DirectDeposit');
	assert.deepEqual(
		d[0].attempts.map((a) => a.acked),
		[false, true],
	);
	sim.configure({ v2: { webhook: { ackMode: 'exact' } } });
	assert.equal(sim.protocolOf(sim.v2Merchant.appId).isAck(sim, 200, 'success'), false);
	assert.equal(sim.protocolOf(sim.v2Merchant.appId).isAck(sim, 200, 'Success'), true);
	sim.configure({ v2: { webhook: { ackMode: 'contains' } } });
	assert.equal(sim.protocolOf(sim.v2Merchant.appId).isAck(sim, 200, '{"msg":"success"}'), true);
	assert.equal(sim.protocolOf(sim.v2Merchant.appId).isAck(sim, 201, 'Success'), false);
});

test('the ActivateWebhookURL check is acknowledged by any 200 answer containing success, in every mode', async (t) => {
	const answers = ['{"msg":"success"}', 'nope'];
	const hook = await startReceiver((n) => ({ status: 200, body: answers[n - 1] }));
	t.after(() => hook.close());
	sim.configure({ v2: { webhook: { ackMode: 'exact' } } });
	sim.setMerchant(sim.v2Merchant.appId, { webhookUrl: hook.url });
	await idle();
	await act('webhooks/activate', {});
	await idle();
	const checks = sim.deliveries.filter((x) => x.type === 'ActivateWebhookURL');
	assert.deepEqual(
		checks.map((d) => [d.state, d.attempts.length]),
		[
			['acked', 1],
			['failed', 1],
		],
	);
	const isAck = sim.protocolOf(sim.v2Merchant.appId).isAck;
	const check = { type: 'ActivateWebhookURL' };
	assert.equal(isAck(sim, 500, '{"msg":"success"}', check), false);
	assert.equal(isAck(sim, 200, '{"msg":"success"}', { type: 'DirectDeposit' }), false);
});

test('retries: 7 attempts at 30 s, 1 m 30, 3 m 30, 7 m 30, 15 m 30, 31 m 30 (scaled), fresh signatures', async (t) => {
	const hook = await dashboard(() => ({ status: 500, body: 'no' }));
	t.after(() => hook.close());
	sim.configure({ webhook: { speedFactor: 0.002 } });
	await okV2(sim, 'getOrCreateAppDepositAddress', { referenceId: 'retry', chain: 'TRX' });
	await act('addresses/deposit', { referenceId: 'retry', chain: 'TRX' });
	await sim.waitForDeliveries(
		(d) => d.some((x) => x.type === 'DirectDeposit' && x.state === 'failed'),
		20000,
	);
	assert.equal(hook.received.length, 7);
	const start = hook.received[0].time;
	const offsets = hook.received.map((r) => (r.time - start) / 0.002 / 1000);
	const expected = [0, 30, 90, 210, 450, 930, 1890];
	offsets.forEach((o, i) =>
		assert.ok(o >= expected[i] - 1 && o < expected[i] + 120, `attempt ${i + 1} at ${o} s`),
	);
	assert.ok(hook.received.every(verifies));
});

test('setting the webhook URL sends the signed ActivateWebhookURL handshake once', async (t) => {
	const hook = await startReceiver(() => ({ status: 500 }));
	t.after(() => hook.close());
	await control(sim, 'POST', '/__sim/merchant', {
		app_id: sim.v2Merchant.appId,
		webhook_url: hook.url,
	});
	await idle();
	assert.equal(hook.received.length, 1, 'no retries for the handshake');
	assert.equal(hook.received[0].body, '{"type":"ActivateWebhookURL","msg":{}}');
	assert.ok(verifies(hook.received[0]));
	sim.setMerchant(sim.v2Merchant.appId, { webhookUrl: hook.url });
	await idle();
	assert.equal(hook.received.length, 1, 'the same URL again sends nothing');
	await act('webhooks/activate', {});
	await idle();
	assert.equal(hook.received.length, 2);
	sim.setMerchant(sim.merchant.appId, { webhookUrl: hook.url });
	await idle();
	assert.equal(hook.received.length, 2, 'v1 merchants get no handshake');
});

test('risky address: warning sent, later deposits flagged and silent until resent', async (t) => {
	const hook = await dashboard();
	t.after(() => hook.close());
	const { address } = await okV2(sim, 'getOrCreateAppDepositAddress', {
		referenceId: 'shady',
		chain: 'TRX',
	});
	await act('risky/address', { address });
	await idle();
	const warning = JSON.parse(hook.received[0].body);
	assert.equal(warning.type, 'RiskyAddress');
	assert.deepEqual(Object.keys(warning.msg), ['chainId', 'address', 'riskAt']);
	assert.equal(warning.msg.address, address);
	const dep = await act('addresses/deposit', { address, amount: '5' });
	await idle();
	assert.equal(dep.record.isFlaggedAsRisky, true);
	assert.equal(hook.received.length, 1, 'not notified by itself');
	assert.deepEqual(await act('webhooks/resend', { recordId: dep.record.recordId }), {
		resendCount: 1,
	});
	await idle();
	assert.equal(JSON.parse(hook.received[1].body).msg.isFlaggedAsRisky, true);
});

test('webhook/resend: unacknowledged final notifications in the window, limits, recordIds', async (t) => {
	let fail = true;
	const hook = await dashboard(() => (fail ? { status: 500 } : undefined));
	t.after(() => hook.close());
	sim.configure({ webhook: { retryGapsSeconds: [] } });
	const orderId = uid('ord');
	await okV2(sim, 'createAppOrderDepositAddress', {
		orderId,
		coinId: 1280,
		chain: 'TRX',
		price: '5',
	});
	const paid = await act('orders/pay', { orderId });
	await idle();
	fail = false;
	const start = Math.floor(Date.now() / 1000) - 60;
	const data = await okV2(sim, 'webhook/resend', { startTimestamp: start });
	assert.deepEqual(data, { resendCount: 1 });
	await idle();
	assert.equal(hook.received.length, 2);
	assert.equal(hook.received[1].body, hook.received[0].body, 'the same body again');
	assert.equal(
		(await callV2(sim, 'webhook/resend', { startTimestamp: start })).json.code,
		11004,
		'1 a minute',
	);
	sim.configure({ v2: { resendLimits: { enforce: false } } });
	assert.deepEqual(
		await okV2(sim, 'webhook/resend', { startTimestamp: start }),
		{ resendCount: 0 },
		'acknowledged now',
	);
	const all = await okV2(sim, 'webhook/resend', {
		startTimestamp: start,
		webhookResult: 'AllResult',
		recordIds: [paid.record.recordId],
		transactionType: 'ApiDeposit',
	});
	assert.equal(all.resendCount, 1);
	assert.equal(
		(
			await okV2(sim, 'webhook/resend', {
				startTimestamp: start,
				webhookResult: 'AllResult',
				transactionType: 'ApiWithdrawal',
			})
		).resendCount,
		0,
	);
	assert.equal(
		(await callV2(sim, 'webhook/resend', { startTimestamp: start, endTimestamp: start + 3601 }))
			.json.code,
		11008,
	);
	assert.match(
		(await callV2(sim, 'webhook/resend', { startTimestamp: start, transactionType: 'All Type' }))
			.json.msg,
		/transactionType/,
	);
	assert.match((await callV2(sim, 'webhook/resend', {})).json.msg, /startTimestamp is required/);
});

test('the delivery log shows v2 deliveries with their type and status', async (t) => {
	const hook = await dashboard();
	t.after(() => hook.close());
	const orderId = uid('ord');
	await okV2(sim, 'createAppOrderDepositAddress', {
		orderId,
		coinId: 1280,
		chain: 'TRX',
		price: '5',
	});
	await act('orders/pay', { orderId });
	await idle();
	const { data } = await control(
		sim,
		'GET',
		`/__sim/webhooks?type=ApiDeposit&app_id=${sim.v2Merchant.appId}`,
	);
	assert.equal(data.count, 1);
	assert.equal(data.deliveries[0].pay_status, 'Success');
	assert.equal(data.deliveries[0].state, 'acked');
	const page = await fetch(`${sim.url}/__sim/`).then((r) => r.text());
	assert.match(page, /ApiDeposit/);
});
