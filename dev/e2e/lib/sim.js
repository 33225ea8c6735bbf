// @ts-check
'use strict';
/**
 * The CCPayment simulator beside each n8n instance (simulator/README.md): started in-process on a free
 * loopback port, driven through its documented /__sim/ control routes and, where the suite itself needs
 * to call the API, through signed requests made with the package's own signer.
 */
const path = require('path');
const { ROOT } = require('./pkg');
const { product } = require('../../dist');
const { request, waitFor } = require('./http');

/**
 * @typedef {{ url: string, merchant: { appId: string, appSecret: string }, v2Merchant: { appId: string, appSecret: string }, merchants?: Array<{ appId: string, appSecret: string }>, stop: () => Promise<void> }} Sim
 */

/**
 * @param {Record<string, unknown>} [overrides] config keys (see simulator/README.md)
 * @returns {Promise<Sim>}
 */
async function start(overrides = {}) {
	const { startSimulator } = require(path.join(ROOT, 'simulator'));
	return startSimulator({
		port: 0,
		// Retries of refused deliveries finish in ~2 s instead of ~31 min.
		webhook: { speedFactor: 0.001 },
		// Withdrawals stay pending until the suite completes them, so the webhook comes when asked.
		withdrawalAutoComplete: 'none',
		...overrides,
	});
}

/** The second merchant (valid keys, but not the credential's App ID). @param {Sim} sim */
function otherMerchant(sim) {
	const list = sim.merchants ?? [];
	const other = list.find((m) => m.appId !== sim.merchant.appId);
	return (
		other ?? {
			appId: '202401010000000000000000000000002',
			appSecret: 'fedcba9876543210fedcba9876543210',
		}
	);
}

/**
 * POST a control route; throws with the simulator's error text on non-200.
 * @param {Sim} sim
 * @param {string} route e.g. '/__sim/orders/pay'
 * @param {object} body
 */
async function control(sim, route, body) {
	const res = await request('POST', sim.url + route, { body });
	if (res.status !== 200)
		throw new Error(`simulator ${route} -> ${res.status} ${res.text.slice(0, 300)}`);
	return res.json;
}

/** @param {Sim} sim @param {string} route e.g. '/__sim/ledger' */
async function get(sim, route) {
	const res = await request('GET', sim.url + route);
	if (res.status !== 200)
		throw new Error(`simulator GET ${route} -> ${res.status} ${res.text.slice(0, 300)}`);
	return res.json;
}

/** @param {Sim} sim @param {string} url */
function setDashboardWebhookUrl(sim, url) {
	return control(sim, '/__sim/merchant', { app_id: sim.merchant.appId, webhook_url: url });
}

/**
 * A signed v1 API call as the default merchant (used by the suite to create the orders, address and
 * withdrawal that the simulator's webhook actions then act on). Returns `data`.
 * @param {Sim} sim
 * @param {string} endpoint e.g. 'bill/create'
 * @param {object} body
 */
async function api(sim, endpoint, body) {
	const signer = product('signer');
	const raw = JSON.stringify(body);
	const headers = {
		'content-type': 'application/json',
		...signer.signedHeaders(sim.merchant.appId, sim.merchant.appSecret, raw),
	};
	const res = await request('POST', `${sim.url}/ccpayment/v1/${endpoint}`, { headers, body: raw });
	if (res.status !== 200 || res.json?.code !== 10000)
		throw new Error(`${endpoint} failed: ${res.status} ${res.text.slice(0, 300)}`);
	return res.json.data;
}

/**
 * A signed v2 API call as the v2 merchant (the orders, addresses and withdrawals whose webhooks the
 * simulator then sends). Returns `data`.
 * @param {Sim} sim
 * @param {string} endpoint e.g. 'createAppOrderDepositAddress'
 * @param {object} body
 */
async function apiV2(sim, endpoint, body) {
	const raw = JSON.stringify(body);
	const headers = {
		'content-type': 'application/json',
		...product('signerV2').signedHeaders(sim.v2Merchant.appId, sim.v2Merchant.appSecret, raw),
	};
	const res = await request('POST', `${sim.url}/ccpayment/v2/${endpoint}`, { headers, body: raw });
	if (res.status !== 200 || res.json?.code !== 10000)
		throw new Error(`v2 ${endpoint} failed: ${res.status} ${res.text.slice(0, 300)}`);
	return res.json.data;
}

/**
 * Resolves once no delivery is pending or waiting for a retry.
 * @param {Sim} sim @param {string} what
 */
function waitIdle(sim, what) {
	return waitFor(async () => (await get(sim, '/__sim/health')).pending_deliveries === 0, {
		timeoutMs: 60000,
		intervalMs: 150,
		what,
	});
}

/**
 * Deliveries of one record (optionally filtered), once `done(list)` holds.
 * @param {Sim} sim
 * @param {(d: any[]) => boolean} done
 * @param {{ record_id?: string, timeoutMs?: number, what: string }} opts
 * @returns {Promise<any[]>}
 */
async function waitDeliveries(sim, done, { record_id, timeoutMs = 30000, what }) {
	const q = record_id ? `?record_id=${encodeURIComponent(record_id)}` : '';
	return waitFor(
		async () => {
			const r = await get(sim, `/__sim/webhooks${q}`);
			const list = r.deliveries ?? [];
			return done(list) ? list : null;
		},
		{ timeoutMs, intervalMs: 150, what },
	);
}

/** True when the delivery reached a final state. @param {any} d */
const settled = (d) => ['acked', 'failed', 'cancelled', 'no_url'].includes(d.state);

module.exports = {
	start,
	control,
	get,
	api,
	apiV2,
	waitIdle,
	setDashboardWebhookUrl,
	waitDeliveries,
	settled,
	otherMerchant,
};
