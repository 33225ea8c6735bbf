// @ts-check
'use strict';

/**
 * v2 records kept beside a merchant's shared ledger state (balances and the debit journal stay
 * in shared/state.js, so v1 and v2 move the same money). Created lazily per merchant and dropped
 * with the rest of the state on reset.
 */

/**
 * @typedef {object} V2State
 * @property {Map<string, any>} feeInquiries   networkFeeInquiryID -> quoted fee
 * @property {Map<string, any>} deposits       recordId -> deposit record
 * @property {Map<string, any>} orders         orderId -> order address (createAppOrderDepositAddress)
 * @property {Map<string, any>} invoices       orderId -> invoice / checkout
 * @property {Map<string, any>} addresses      `${referenceId}\u0000${chain}` -> bound permanent address
 * @property {any[]} addressList              every permanent address ever made (unbound too)
 * @property {number} [memoSeq]               last memo handed out on memo chains
 * @property {Map<string, any>} withdrawals    recordId -> withdrawal
 * @property {Map<string, any>} withdrawalsByOrderId
 * @property {Map<string, any>} swaps          recordId -> swap
 * @property {Map<string, any>} batches        batchOrderId -> batch withdrawal
 * @property {Map<string, string>} orderIds   `${family}\u0000${orderId}` -> endpoint that used it
 * @property {Map<string, string>} cursors    nextId -> recordId the next page starts after
 * @property {number[]} resendCalls            accepted webhook/resend calls (ms)
 * @property {any[]} rescans                  rescanLostTransaction requests
 * @property {any[]} riskyRefunds
 * @property {any[]} autoWithdrawals
 * @property {(recordId: string) => any} findDeposit
 */

/**
 * @param {any} store
 * @param {string} appId
 * @returns {V2State}
 */
function v2State(store, appId) {
	const m = store.merchant(appId);
	if (!m.v2) {
		/** @type {V2State} */
		const state = {
			feeInquiries: new Map(),
			deposits: new Map(),
			orders: new Map(),
			invoices: new Map(),
			addresses: new Map(),
			addressList: [],
			withdrawals: new Map(),
			withdrawalsByOrderId: new Map(),
			swaps: new Map(),
			batches: new Map(),
			orderIds: new Map(),
			cursors: new Map(),
			rescans: [],
			resendCalls: [],
			riskyRefunds: [],
			autoWithdrawals: [],
			findDeposit: (recordId) => state.deposits.get(String(recordId)),
		};
		m.v2 = state;
	}
	return m.v2;
}

module.exports = { v2State };
