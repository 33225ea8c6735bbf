// @ts-check
'use strict';
/**
 * The v2 workloads of the benchmark and the campaign (API Version v2, node version 2):
 *   read     - Withdrawal > Get (getAppWithdrawRecord) by order ID, one per item;
 *   withdraw - Withdrawal > Withdraw to Address (applyAppWithdrawToNetwork), one unique order ID
 *              per item, USDT on POLYGON; with `badAddressEvery` = n every n-th goes to a malformed
 *              address, so the run has definite failures (14007) too.
 */

/** USDT (CCPayment's real v2 coin ID) on Polygon. */
const COIN_ID = '1280';
const CHAIN = 'POLYGON';
const ADDRESS = '0x3333333333333333333333333333333333333333';
const BAD_ADDRESS = '0xnot-an-address';
const PAYOUT_AMOUNT = '5';

/** @param {string} value */
const byId = (value) => ({ __rl: true, mode: 'id', value });

/**
 * @param {number} count @param {string} prefix unique per run @param {number} [badAddressEvery] 0 = never
 * @returns {Array<{ json: Record<string, string> }>}
 */
function withdrawItems(count, prefix, badAddressEvery = 0) {
	return Array.from({ length: count }, (_, i) => {
		const bad = badAddressEvery > 0 && i % badAddressEvery === badAddressEvery - 1;
		return {
			json: { id: `${prefix}-${String(i).padStart(5, '0')}`, address: bad ? BAD_ADDRESS : ADDRESS },
		};
	});
}

/**
 * The node's parameters (values from the items by expression).
 * @param {'read' | 'withdraw'} op @param {Record<string, number>} [options]
 */
function nodeParametersV2(op, options = {}) {
	if (op === 'read') {
		return {
			apiVersion: 'v2',
			resource: 'withdrawal',
			operation: 'get',
			findBy: 'orderId',
			id: '={{ $json.id }}',
			options,
		};
	}
	return {
		apiVersion: 'v2',
		resource: 'withdrawal',
		operation: 'createToNetwork',
		orderId: '={{ $json.id }}',
		coinId: byId(COIN_ID),
		chain: byId(CHAIN),
		address: '={{ $json.address }}',
		amount: PAYOUT_AMOUNT,
		options,
	};
}

module.exports = {
	COIN_ID,
	CHAIN,
	ADDRESS,
	BAD_ADDRESS,
	PAYOUT_AMOUNT,
	withdrawItems,
	nodeParametersV2,
};
