// @ts-check
'use strict';

/**
 * What the v2 record endpoints share: the duplicate-orderId rule, list filters by time, and the
 * nextId cursor (20 records a page by default, newest first, the same filters repeated with the
 * nextId of the previous page; "" on the last page).
 */

const { createHash } = require('crypto');
const { V2Error, invalid } = require('./errors');
const { v2State } = require('./state');

const PAGE = 20;
const NINETY_DAYS = 90 * 86400;

/**
 * Which orderIds may not repeat: per family by default ('deposit', 'withdrawal', 'swap',
 * 'batch'); with config.v2.orderIdScope 'global' one namespace for all of them.
 * @param {any} ctx @param {string} family @param {string} orderId
 */
function claimOrderId(ctx, family, orderId) {
	const scope = ctx.config.v2.orderIdScope === 'global' ? 'global' : family;
	const used = v2State(ctx.store, ctx.appId).orderIds;
	const key = `${scope}\u0000${orderId}`;
	if (used.has(key))
		throw new V2Error('OrderDuplicate', `orderId ${orderId} was already used (${used.get(key)})`);
	return () => used.set(key, ctx.endpoint);
}

/**
 * One page of `records` (already filtered), newest first.
 * @param {any} ctx
 * @param {any[]} records     items with `createdAt` and `recordId`
 * @param {(r: any) => any} view
 * @param {{ nextId?: string, limit?: number }} body
 */
function page(ctx, records, view, body) {
	const cursors = v2State(ctx.store, ctx.appId).cursors;
	const sorted = [...records].sort(
		(a, b) => b.createdAt - a.createdAt || (b.recordId < a.recordId ? -1 : 1),
	);
	let start = 0;
	if (body.nextId) {
		const after = cursors.get(body.nextId);
		if (after === undefined) throw invalid(`nextId ${body.nextId} is unknown`);
		start = sorted.findIndex((r) => r.recordId === after) + 1;
	}
	const size = body.limit || PAGE;
	const slice = sorted.slice(start, start + size);
	let nextId = '';
	if (start + size < sorted.length && slice.length) {
		const last = slice[slice.length - 1].recordId;
		nextId = createHash('md5').update(`${ctx.appId}:${last}`).digest('hex');
		cursors.set(nextId, last);
	}
	return { records: slice.map(view), nextId };
}

/**
 * Time window of a list call: startAt defaults to 90 days ago, endAt to now.
 * @param {any} ctx @param {{ startAt?: number, endAt?: number }} body @param {number} [maxSeconds]
 */
function window(ctx, body, maxSeconds) {
	const now = ctx.store.nowSec();
	const end = body.endAt || now;
	const start = body.startAt || end - NINETY_DAYS;
	if (end < start) throw invalid('endAt must not be before startAt');
	if (maxSeconds && end - start > maxSeconds)
		throw new V2Error('QueryDurationTooMax', `startAt..endAt is longer than ${maxSeconds} s`);
	return (/** @type {number} */ t) => t >= start && t <= end;
}

module.exports = { claimOrderId, page, window, PAGE };
