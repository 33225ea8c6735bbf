// @ts-check
'use strict';

/**
 * The wallet system's control routes under /__sim/v2/users/: open a user's address, make a payment
 * arrive at it (UserDeposit), finish a user network withdrawal (UserWithdrawal), and read every
 * user's balances beside the merchant's. Added to v2/control.js's exported tables, which the
 * control handler reads on every request, so that file stays untouched.
 */

const control = require('./control');
const w = require('./wallet');
const deposits = require('./wallet-deposits');
const withdrawals = require('./wallet-withdrawals');

/** @param {any} sim @param {any} body */
const appIdOf = (sim, body) => body.app_id || sim.v2Merchant.appId;

Object.assign(control.POST, {
	'/__sim/v2/users/address': (/** @type {any} */ sim, /** @type {any} */ body) =>
		deposits.openUserAddress(sim, { ...body, app_id: appIdOf(sim, body) }),
	'/__sim/v2/users/deposit': (/** @type {any} */ sim, /** @type {any} */ body) =>
		deposits.depositToUser(sim, { ...body, app_id: appIdOf(sim, body) }),
	'/__sim/v2/users/withdrawals/complete': (/** @type {any} */ sim, /** @type {any} */ body) =>
		withdrawals.completeUserWithdrawal(sim, { ...body, app_id: appIdOf(sim, body) }),
});

Object.assign(control.GET, {
	'/__sim/v2/users/ledger': (/** @type {any} */ sim, /** @type {URL} */ url) =>
		w.walletLedger(sim, url.searchParams.get('app_id') || sim.v2Merchant.appId),
});

module.exports = {};
