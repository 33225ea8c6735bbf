// @ts-check
'use strict';

/**
 * v2 webhook bodies and their emission through the shared delivery engine. Bodies are thin:
 * `{"type":..., "msg":{recordId, ..., status}}` in CCPayment's key order; the merchant re-queries
 * the record for amounts. Which statuses notify follows the merchant's notification timing
 * ('confirmed': final statuses only).
 */

/** Final statuses: always notified. */
const FINAL = ['Success', 'Failed', 'Rejected'];

/** @type {Record<string, (r: any) => Record<string, any>>} */
const BODIES = {
	DirectDeposit: (r) => ({
		recordId: r.recordId,
		referenceId: r.referenceId,
		coinId: r.coinId,
		coinSymbol: r.coinSymbol,
		status: r.status,
		isFlaggedAsRisky: r.isFlaggedAsRisky,
	}),
	ApiDeposit: (r) => ({
		recordId: r.recordId,
		orderId: r.orderId,
		coinId: r.coinId,
		coinSymbol: r.coinSymbol,
		status: r.status,
		isFlaggedAsRisky: r.isFlaggedAsRisky,
	}),
	ApiWithdrawal: (r) => ({
		recordId: r.recordId,
		orderId: r.orderId,
		coinId: r.coinId,
		coinSymbol: r.coinSymbol,
		status: r.status,
	}),
};

/**
 * Whether the merchant's notification timing includes this status.
 * @param {any} sim @param {string} appId @param {string} status
 */
function wanted(sim, appId, status) {
	if (FINAL.includes(status)) return true;
	return sim.store.notificationTiming(appId) !== 'confirmed';
}

/**
 * Send one notification of a record in its current status.
 * @param {any} sim
 * @param {string} appId
 * @param {string} type   DirectDeposit, ApiDeposit, ApiWithdrawal, or a wallet module's type
 * @param {any} record
 * @param {{ url?: string, tamper?: string, force?: boolean }} [options]
 * @returns {{ event_id: string, delivery_id: string, status: string } | null}
 */
function notify(sim, appId, type, record, options = {}) {
	if (!options.force && !wanted(sim, appId, record.status)) return null;
	const build = BODIES[type] || sim.protocolOf(appId).notifications[type];
	if (!build) throw new Error(`no v2 webhook body for type ${type}`);
	const payload = { type, msg: build(record) };
	const { event, delivery } = sim.webhooks.emit({
		appId,
		payload,
		notifyUrl: record.notifyUrl || '',
		url: options.url,
		tamper: options.tamper,
	});
	return { event_id: event.id, delivery_id: delivery.id, status: record.status };
}

/**
 * A body that is no record's: the risky-address warning and the dashboard's URL handshake.
 * @param {any} sim @param {string} appId @param {string} type @param {Record<string, any>} msg
 * @param {{ url?: string }} [options]
 */
function notifyRaw(sim, appId, type, msg, options = {}) {
	const { event, delivery } = sim.webhooks.emit({
		appId,
		payload: { type, msg },
		url: options.url,
	});
	return { event_id: event.id, delivery_id: delivery.id, url: delivery.url };
}

module.exports = { notify, notifyRaw, BODIES, FINAL };
