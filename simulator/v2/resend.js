// @ts-check
'use strict';

/**
 * webhook/resend: re-deliver the final-status notifications (Success, or Failed / Rejected for
 * withdrawals) of one App ID created in a window of at most an hour, optionally only some
 * recordIds or one type, and by default only those never acknowledged. v2's own limits are
 * unpublished; v1's (1 a minute, 25 a day) apply unless config.v2.resendLimits.enforce is false.
 */

const { V2Error, invalid } = require('./errors');
const { v2State } = require('./state');

const TYPES = [
	'AllType',
	'ApiDeposit',
	'DirectDeposit',
	'ApiWithdrawal',
	'UserDeposit',
	'UserWithdrawal',
];

/**
 * The matching events of an App ID, re-delivered.
 * @param {any} sim @param {string} appId
 * @param {{ start: number, end: number, result: string, type: string, recordIds?: string[] }} f
 */
function resendV2(sim, appId, f) {
	const hooks = sim.webhooks;
	const matches = hooks.events.filter(
		(/** @type {any} */ e) =>
			e.app_id === appId &&
			hooks.isConfirmed(e) &&
			e.created >= f.start &&
			e.created <= f.end &&
			(f.type === 'AllType' || e.type === f.type) &&
			(!f.recordIds || f.recordIds.includes(e.record_id)) &&
			(f.result === 'AllResult' || !hooks.isAcked(e)),
	);
	for (const e of matches) hooks.deliver(e, { resend: true });
	return matches.length;
}

/** @param {import('./routes').EndpointContext} ctx */
function webhookResend(ctx) {
	const b = ctx.body;
	const start = b.startTimestamp;
	const end = b.endTimestamp || start + 3600;
	if (end < start) throw invalid('endTimestamp must not be before startTimestamp');
	if (end - start > 3600)
		throw new V2Error('QueryDurationTooMax', 'endTimestamp - startTimestamp is more than 3600 s');
	const limits = ctx.config.v2.resendLimits;
	const calls = v2State(ctx.store, ctx.appId).resendCalls;
	const now = Date.now();
	if (limits.enforce) {
		if (calls.filter((t) => t > now - 60000).length >= limits.perMinute)
			throw new V2Error(
				'RateLimit',
				`webhook/resend: at most ${limits.perMinute} call(s) a minute`,
			);
		if (calls.filter((t) => t > now - 86400000).length >= limits.perDay)
			throw new V2Error('ReqDailyLimit', `webhook/resend: at most ${limits.perDay} calls a day`);
	}
	calls.push(now);
	const resendCount = resendV2(ctx.sim, ctx.appId, {
		start,
		end,
		result: b.webhookResult || 'Failed',
		type: b.transactionType || 'AllType',
		recordIds: b.recordIds,
	});
	return { resendCount };
}

/** @type {Record<string, import('./routes').EndpointDef>} */
const endpoints = {
	'webhook/resend': {
		fields: [
			{ name: 'recordIds', type: 'strings', maxItems: 50 },
			{ name: 'startTimestamp', type: 'int', required: true, min: 1 },
			{ name: 'endTimestamp', type: 'int', min: 1 },
			{ name: 'webhookResult', type: 'string', values: ['Failed', 'AllResult'] },
			{ name: 'transactionType', type: 'string', values: TYPES },
		],
		handler: webhookResend,
	},
};

module.exports = { endpoints, resendV2, TYPES };
