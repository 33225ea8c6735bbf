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
	// Deposits to an address flagged as risky are not notified on their own (resend them).
	if (!options.force && (record.silent || !wanted(sim, appId, record.status))) return null;
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
 * @param {{ url?: string, noRetry?: boolean }} [options]
 */
function notifyRaw(sim, appId, type, msg, options = {}) {
	const { event, delivery } = sim.webhooks.emit({
		appId,
		payload: { type, msg },
		url: options.url,
		noRetry: options.noRetry,
	});
	return { event_id: event.id, delivery_id: delivery.id, url: delivery.url };
}

/**
 * Whether a webhook answer acknowledges it: HTTP 200 and a body that says Success, compared per
 * config.v2.webhook.ackMode: 'insensitive' (trimmed, any case; CCPayment's own sample answers
 * "success"), 'contains' (anywhere, any case), 'exact' (exactly "Success"). The dashboard's
 * ActivateWebhookURL check takes any answer containing success: merchants' handlers answer it
 * with {"msg":"success"}.
 * @param {any} sim @param {number|null} status @param {string} body @param {{ type?: string }} [delivery]
 */
function isAck(sim, status, body, delivery) {
	if (status !== 200) return false;
	const text = String(body || '').trim();
	if (delivery && delivery.type === 'ActivateWebhookURL')
		return text.toLowerCase().includes('success');
	switch (sim.config.v2.webhook.ackMode) {
		case 'exact':
			return text === 'Success';
		case 'contains':
			return text.toLowerCase().includes('success');
		default:
			return text.toLowerCase() === 'success';
	}
}

module.exports = { notify, notifyRaw, isAck, BODIES, FINAL };
