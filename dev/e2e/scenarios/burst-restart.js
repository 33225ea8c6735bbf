// @ts-check
'use strict';
/**
 * Duplicate memory under a burst: 20 different deliveries arrive at the same moment, n8n is restarted
 * cleanly, and the same 20 arrive again with a fresh Timestamp and Sign (as CCPayment's retries and
 * resends do). Exactly 20 runs in total, and the workflow's static data holds all 20 keys. Before the
 * trigger saved the union of its keys, concurrent saves overwrote each other and most of the burst
 * ran a second time after the restart.
 * The deliveries are signed here with node:crypto, independently of the package.
 */
const crypto = require('crypto');
const { request, sleep, waitFor } = require('../lib/http');
const { product } = require('../../dist');

const WORKFLOW_ID = 'ccpE2eBurst00001';
const WEBHOOK_ID = '0e2e0c1a-5b1d-4c0e-9a7f-ccba70e2e0b1';
const BURST = 20;

/**
 * An active trigger workflow of its own, so its runs are counted apart from the other scenarios.
 * @param {string} triggerType
 * @param {Record<string, { id: string, name: string }>} credentials
 */
function workflow(triggerType, credentials) {
	return {
		id: WORKFLOW_ID,
		name: 'E2E burst and restart',
		active: false,
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all' },
		nodes: [
			{
				id: '7b0e2e00-0000-4000-8000-0000000000b1',
				name: 'Burst trigger',
				type: triggerType,
				typeVersion: 1,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				parameters: {},
				credentials,
			},
		],
		connections: {},
		pinData: {},
	};
}

/** @param {string} base n8n's base URL */
const urlOf = (base) => `${base}/webhook/${WEBHOOK_ID}/webhook`;

/**
 * v1 webhook headers: Sign = sha256(Appid + AppSecret + Timestamp + raw body).
 * @param {{ appId: string, appSecret: string }} merchant @param {string} body
 */
function headers(merchant, body) {
	const ts = String(Math.floor(Date.now() / 1000));
	const sign = crypto
		.createHash('sha256')
		.update(merchant.appId + merchant.appSecret + ts + body)
		.digest('hex');
	return {
		'content-type': 'application/json',
		appid: merchant.appId,
		timestamp: ts,
		sign,
	};
}

/** @param {string} stamp */
function bodies(stamp) {
	return Array.from({ length: BURST }, (_, i) =>
		JSON.stringify({
			pay_status: 'success',
			order_type: 'Direct Deposit',
			record_id: `burst-${stamp}-${String(i).padStart(2, '0')}`,
			user_id: `burst-user-${i}`,
			from_address: 'TXbJ8LnW1ZyWdpLCZ2nEiE5a5Lr2qmWkpu',
			to_address: 'TNdGMz16EEkYM7qSRbKmBkL1tXqM6XjBVH',
			paid_amount: '1',
			crypto: 'USDT',
			chain: 'TRX',
			txid: `burst-tx-${stamp}-${i}`,
		}),
	);
}

/**
 * @param {{ n8n: import('../lib/n8n').N8nInstance, sim: any, ok: (label: string, cond: boolean, detail?: unknown) => boolean, restart: () => Promise<void> }} ctx
 */
async function run({ n8n, sim, ok, restart }) {
	const merchant = sim.merchant;
	const list = bodies(String(Date.now()));
	const count = async () => (await n8n.executions(WORKFLOW_ID)).length;
	const storedKeys = async () => {
		const wf = await n8n.workflow(WORKFLOW_ID);
		/** @type {any} */
		const data = wf?.staticData ?? {};
		const node = Object.keys(data).find((k) => k.startsWith('node:'));
		return node ? product('dedup').readState(data[node]?.ccpaymentDedup).entries.length : 0;
	};
	/** Sends every body at once, each freshly signed. */
	const burst = () =>
		Promise.all(
			list.map((body) =>
				request('POST', urlOf(n8n.base), {
					body,
					headers: headers(merchant, body),
					timeoutMs: 30000,
				}),
			),
		);
	const settle = async (/** @type {number} */ want, timeoutMs = 30000) => {
		await waitFor(async () => (await count()) >= want, {
			timeoutMs,
			intervalMs: 300,
			what: `${want} burst executions`,
		}).catch(() => {});
		await sleep(2000);
		return count();
	};

	const first = await burst();
	ok(
		`burst: ${BURST} different deliveries at once are all acknowledged`,
		first.every((r) => r.status === 200),
		first.map((r) => r.status),
	);
	const runsBefore = await settle(BURST);
	ok(`burst: ${BURST} runs`, runsBefore === BURST, runsBefore);
	const keysBefore = await storedKeys();
	ok(`burst: static data holds all ${BURST} keys`, keysBefore === BURST, keysBefore);

	await restart();
	const again = await burst();
	ok(
		'burst after a clean restart: the same deliveries, freshly signed, are acknowledged',
		again.every((r) => r.status === 200),
		again.map((r) => r.status),
	);
	// A second run of any delivery would have started within seconds of its acknowledgement.
	const runsAfter = await settle(BURST + 1, 6000);
	ok(`burst after restart: still exactly ${BURST} runs in total`, runsAfter === BURST, runsAfter);
	const keysAfter = await storedKeys();
	ok(`burst after restart: static data still holds ${BURST} keys`, keysAfter === BURST, keysAfter);
	return { runsBefore, keysBefore, runsAfter, keysAfter };
}

module.exports = { run, workflow, urlOf, WORKFLOW_ID, WEBHOOK_ID };
