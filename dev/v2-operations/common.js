// @ts-check
'use strict';
/**
 * What the parts of the v2 operation catalogue (dev/v2-operations.js) share: the step shape, the
 * fixed values the steps use, and small helpers for exact bodies and checks.
 */

/**
 * @typedef {{ tag: string, appId: string, paidAddress: string, depositRecordId: string, riskyRefundId: string, aliceDepositId: string, alice: string, bob: string, carol: string }} Context
 * @typedef {{ endpoint: string, body: string | null }} Expected
 * @typedef {{
 *   name: string,
 *   parameters: Record<string, unknown>,
 *   executeOnce: boolean,
 *   endpoint: string,
 *   body: string | null | ((previous: any) => string),
 *   before: Expected[],
 *   check: (items: any[]) => string | null,
 * }} Step
 */

const ADDRESS = '0x4444444444444444444444444444444444444444';
const CWALLET_USER = '9454818';
const USDT = 1280;
const TRX = 1482;
const START = '2024-03-01T00:00:00Z';
const START_AT = 1709251200;
/** Where per-request webhooks would go (nothing listens: the steps never need them). */
const NOTIFY_URL = 'https://example.com/ccpayment-notify';
/** A transaction hash for the rescan request (the simulator records the request only). */
const TXID = `0x${'ab'.repeat(32)}`;

const j = JSON.stringify;

/** The node's coin read before a money write (decimal places of the amount). */
const coinRead = { endpoint: 'getCoin', body: j({ coinId: USDT }) };

/** @param {string} value */
const byId = (value) => ({ __rl: true, mode: 'id', value });

/**
 * A problem text when `ok` is false.
 * @param {boolean} ok @param {string} what @param {unknown} items
 */
const expect = (ok, what, items) => (ok ? null : `${what}: ${j(items).slice(0, 400)}`);

/** @param {any[]} items @param {string} key @param {unknown} value */
const one = (items, key, value) => items.length === 1 && items[0]?.[key] === value;
/** @param {unknown} value */
const decimal = (value) => typeof value === 'string' && /^\d+(\.\d+)?$/.test(value);

/**
 * One step, run once. `body` is the exact JSON the node sends (null: no body at all); `before`
 * the requests the node makes first.
 * @param {string} name @param {Record<string, unknown>} parameters @param {string} endpoint
 * @param {Step['body']} body @param {Step['check']} check @param {Expected[]} [before]
 * @returns {Step}
 */
const step = (name, parameters, endpoint, body, check, before = []) => ({
	name,
	parameters,
	executeOnce: true,
	endpoint,
	body,
	before,
	check,
});

module.exports = {
	ADDRESS,
	CWALLET_USER,
	USDT,
	TRX,
	START,
	START_AT,
	NOTIFY_URL,
	TXID,
	j,
	coinRead,
	byId,
	expect,
	one,
	decimal,
	step,
};
