// @ts-check
'use strict';

/**
 * v2 control routes under /__sim/v2/ (JSON, unsigned, loopback only like every control route):
 * the actions of actions.js, the merchant's v2 records and the method table.
 */

const { describe } = require('./routes');

/** @param {(a: any, body: any) => any} fn */
const act = (fn) => (/** @type {any} */ sim, /** @type {any} */ body) => fn(sim.v2Actions, body);

/** @type {Record<string, (sim: any, body: any, url: URL) => any>} */
const POST = {
	'/__sim/v2/orders/pay': act((a, b) => a.payOrder(b)),
	'/__sim/v2/orders/expire': act((a, b) => a.expireOrder(b)),
	'/__sim/v2/invoices/pay': act((a, b) => a.payInvoice(b)),
	'/__sim/v2/addresses/deposit': act((a, b) => a.depositToAddress(b)),
	'/__sim/v2/records/advance': act((a, b) => a.advanceRecord(b)),
	'/__sim/v2/withdrawals/complete': act((a, b) => a.completeWithdrawal(b)),
	'/__sim/v2/batches/complete': act((a, b) => a.completeBatch(b)),
	'/__sim/v2/risky/refund': act((a, b) => a.refundRisky(b)),
};

/** @type {Record<string, (sim: any, url: URL) => any>} */
const GET = {
	'/__sim/v2/endpoints': () => ({ endpoints: describe() }),
	'/__sim/v2/records': (sim, url) =>
		sim.v2Actions.records({ app_id: url.searchParams.get('app_id') || undefined }),
};

module.exports = { POST, GET };
