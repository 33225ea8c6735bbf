// @ts-check
'use strict';

// A record briefly unavailable while its webhook is handled: a fault rule that lasts until the
// next webhook attempt ends. The receiver fetches the record as a merchant must, answers 503 when
// it cannot, and CCPayment's retry (here the simulator's) then finds the record.

const test = require('node:test');
const assert = require('node:assert/strict');
const http = require('http');
const { FaultInjector } = require('../../../simulator/shared/faults');
const { callV2, okV2, useSimulator, control } = require('../../helpers/simulator');

/** @type {any} */
let sim;
useSimulator(
	(s) => {
		sim = s;
	},
	{ webhook: { speedFactor: 0.001 } },
);

const idle = () => sim.waitForDeliveries(() => sim.webhooks.idle(), 10000);

/**
 * A merchant endpoint: acknowledges the handshake; for a deposit notification fetches the record
 * (a second time when the first fails, like a client's own quick retry) and answers 503 unless
 * one fetch succeeded. `fetches` lists every fetch's HTTP status and code per delivery attempt.
 */
async function merchant() {
	/** @type {Array<Array<{ status: number, code: number|null }>>} */
	const fetches = [];
	const server = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', async () => {
			const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
			if (body.type === 'ActivateWebhookURL') return res.end('success');
			const tries = [];
			let found = false;
			for (let i = 0; i < 2 && !found; i++) {
				const r = await callV2(sim, 'getAppDepositRecord', { recordId: body.msg.recordId });
				const code = r.json ? r.json.code : null;
				tries.push({ status: r.status, code });
				found = r.status === 200 && code === 10000;
			}
			fetches.push(tries);
			res.writeHead(found ? 200 : 503, { 'Content-Type': 'text/plain' });
			res.end(found ? 'Success' : 'retry later');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {import('net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${port}/hook`,
		fetches,
		close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
	};
}

test('a record fault until the next webhook attempt: that attempt answers 503, the retry is acknowledged', async (t) => {
	const hook = await merchant();
	t.after(() => hook.close());
	sim.setMerchant(sim.v2Merchant.appId, { webhookUrl: hook.url });
	await idle();
	await okV2(sim, 'getOrCreateAppDepositAddress', { referenceId: 'lagging', chain: 'TRX' });
	const set = await control(sim, 'POST', '/__sim/faults', {
		faults: [
			{
				endpoint: 'getAppDepositRecord',
				kind: 'http502',
				app_id: sim.v2Merchant.appId,
				until_webhook_attempts: 1,
			},
		],
	});
	assert.equal(set.status, 200, JSON.stringify(set.data));
	const dep = await control(sim, 'POST', '/__sim/v2/addresses/deposit', {
		referenceId: 'lagging',
		chain: 'TRX',
		amount: '3',
	});
	assert.equal(dep.status, 200, JSON.stringify(dep.data));
	await idle();
	const delivery = sim.webhooks.deliveries.find(
		(/** @type {any} */ d) => d.record_id === dep.data.record.recordId,
	);
	assert.equal(delivery.state, 'acked');
	assert.deepEqual(
		delivery.attempts.map((/** @type {any} */ a) => a.status),
		[503, 200],
	);
	assert.deepEqual(hook.fetches, [
		[
			{ status: 502, code: null },
			{ status: 502, code: null },
		],
		[{ status: 200, code: 10000 }],
	]);
	const rule = sim.faults.stats().faults[0];
	assert.equal(rule.injected, 2);
	assert.equal(rule.remaining, 0);
	assert.equal(rule.webhook_attempts, 1);
});

test('until_webhook_attempts counts only its App ID, lasts for N attempts, and must be a whole number', () => {
	const faults = new FaultInjector(1);
	faults.set([
		{ endpoint: 'getAppDepositRecord', kind: 'http503', app_id: 'A', until_webhook_attempts: 2 },
	]);
	assert.ok(faults.decide('getAppDepositRecord', 'A').terminal);
	faults.webhookAttempted('B');
	faults.webhookAttempted('A');
	assert.ok(faults.decide('getAppDepositRecord', 'A').terminal, 'one attempt of A is not two');
	faults.webhookAttempted('A');
	assert.equal(faults.decide('getAppDepositRecord', 'A').terminal, null);
	faults.webhookAttempted('A');
	assert.equal(faults.stats().faults[0].webhook_attempts, 2);
	assert.equal(faults.stats().faults[0].injected, 2);

	const plain = new FaultInjector(1);
	plain.set([{ endpoint: '*', kind: 'http500' }]);
	plain.webhookAttempted('A');
	assert.ok(plain.decide('getCoinList', 'A').terminal, 'rules without it are untouched');
	assert.equal('until_webhook_attempts' in plain.stats().faults[0], false);

	for (const bad of [0, 1.5, 'x'])
		assert.throws(
			() => plain.set([{ kind: 'http500', until_webhook_attempts: bad }]),
			/until_webhook_attempts must be a whole number >= 1/,
		);
});
