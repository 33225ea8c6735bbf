// @ts-check
'use strict';

/**
 * Every CCPayment v2 path the simulator knows, and the registration point for their handlers.
 * All paths of the published reference are listed, plus those only the official SDKs carry and
 * the legacy plugin path /createCheckoutUrl. A listed path whose handler is not registered answers
 * a clear "not implemented in the simulator yet" error (code 10001), never a fake success.
 *
 * Handler modules export `endpoints`: { '<path>': { fields, handler } } and are registered by
 * index.js. The wallet system ("user" sub-accounts) lives in v2/wallet*.js files that index.js
 * picks up by name, so they plug in without editing this table.
 */

/**
 * @typedef {import('./fields').FieldSpec} FieldSpec
 * @typedef {object} EndpointContext
 * @property {any} sim
 * @property {any} store          sim.store (the shared ledger)
 * @property {any} config         sim.config
 * @property {string} appId
 * @property {any} merchant       the merchant's config entry
 * @property {Record<string, any>} body  validated fields (absent ones undefined)
 * @property {string} endpoint    path after the prefix
 * @property {string} ip
 * @typedef {object} EndpointDef
 * @property {FieldSpec[]} fields
 * @property {(ctx: EndpointContext) => Record<string, any>} handler  returns `data`
 * @typedef {object} Route
 * @property {string} path
 * @property {string} group
 * @property {'documented'|'sdk'|'undocumented'} source  published reference, SDK only, or neither
 * @property {string} [aliasOf]
 * @property {EndpointDef} [def]
 * @property {string} [owner]
 */

/** @type {[string, string, Route['source'], string?][]} */
const TABLE = [
	['getCoinList', 'coins', 'documented'],
	['getCoin', 'coins', 'documented'],
	['getCoinUSDTPrice', 'prices', 'documented'],
	['getFiatList', 'fiats', 'documented'],
	['getChainList', 'chains', 'documented'],
	['all/chain', 'chains', 'sdk'],
	['getMainCoinList', 'coins', 'sdk'],
	['getWithdrawFee', 'fees', 'documented'],
	['getAppCoinAssetList', 'balances', 'documented'],
	['getAppCoinAsset', 'balances', 'documented'],
	['getAggregationFeeRecord', 'balances', 'sdk'],
	['getOrCreateAppDepositAddress', 'deposit', 'documented'],
	['createAppOrderDepositAddress', 'deposit', 'documented'],
	['getAppOrderInfo', 'deposit', 'documented'],
	['createInvoiceUrl', 'checkout', 'documented'],
	['getInvoiceOrderInfo', 'checkout', 'documented'],
	['getAppDepositRecord', 'deposit', 'documented'],
	['getAppDepositRecordList', 'deposit', 'documented'],
	['addressUnbinding', 'deposit', 'documented'],
	['rescanLostTransaction', 'deposit', 'documented'],
	['createCheckoutUrl', 'checkout', 'undocumented'],
	['applyAppWithdrawToNetwork', 'withdraw', 'documented'],
	['applyAppWithdrawToCwallet', 'withdraw', 'documented'],
	['getAppWithdrawRecord', 'withdraw', 'documented'],
	['getAppWithdrawRecordList', 'withdraw', 'documented'],
	['getAutoWithdrawRecordList', 'withdraw', 'sdk'],
	['getRiskyRefundRecordList', 'withdraw', 'sdk'],
	['checkWithdrawAddress', 'batch withdraw', 'sdk'],
	['applyBatchWithdraw', 'batch withdraw', 'sdk'],
	['appendBatchWithdraw', 'batch withdraw', 'sdk'],
	['confirmBatchWithdraw', 'batch withdraw', 'sdk'],
	['abortBatchWithdraw', 'batch withdraw', 'sdk'],
	['getBatchWithdrawOrder', 'batch withdraw', 'sdk'],
	['getBatchWithdrawOrderRecordList', 'batch withdraw', 'sdk'],
	['estimate', 'swap', 'documented'],
	['swap', 'swap', 'documented'],
	['getSwapRecord', 'swap', 'documented'],
	['getSwapRecordList', 'swap', 'documented'],
	['getSwapCoinList', 'swap', 'documented'],
	['getUserCoinAssetList', 'wallet system', 'documented'],
	['getUserCoinAsset', 'wallet system', 'documented'],
	['getOrCreateUserDepositAddress', 'wallet system', 'documented'],
	['getUserDepositRecord', 'wallet system', 'documented'],
	['getUserDepositRecordList', 'wallet system', 'documented'],
	['applyUserWithdrawToNetwork', 'wallet system', 'documented'],
	['applyUserWithdrawToCwallet', 'wallet system', 'documented'],
	['getUserWithdrawRecord', 'wallet system', 'documented'],
	['getUserWithdrawRecordList', 'wallet system', 'documented'],
	['userTransfer', 'wallet system', 'documented'],
	['getUserTransferRecord', 'wallet system', 'documented'],
	['getUserTransferRecordList', 'wallet system', 'documented'],
	['userBatchTransfer', 'wallet system', 'sdk'],
	['getUserBatchTransferRecord', 'wallet system', 'sdk'],
	['getUserBatchTransferRecordList', 'wallet system', 'sdk'],
	['getUserBatchTransferRecordDetail', 'wallet system', 'sdk'],
	['userSwap', 'wallet system', 'documented'],
	['getUserSwapRecord', 'wallet system', 'documented'],
	['getUserSwapRecordList', 'wallet system', 'documented'],
	['getCwalletUserId', 'utility', 'documented'],
	['checkWithdrawalAddressValidity', 'utility', 'documented'],
	['webhook/resend', 'utility', 'documented'],
	['getTradeBlockHeight', 'utility', 'sdk'],
	// The proto files name the same call differently; both answer alike.
	['getPaymentBlockHeight', 'utility', 'sdk', 'getTradeBlockHeight'],
];

/** @type {Map<string, Route>} */
const ROUTES = new Map(
	TABLE.map(([path, group, source, aliasOf]) => [path, { path, group, source, aliasOf }]),
);

/** Paths after the prefix, in table order. */
const ENDPOINTS = Object.freeze([...ROUTES.keys()]);

/**
 * Plug handlers into the table. A path must be one of the table's (no invented endpoints), and
 * one module owns each path.
 * @param {Record<string, EndpointDef>} defs
 * @param {string} owner  module name, for the error message
 */
function register(defs, owner) {
	for (const [path, def] of Object.entries(defs)) {
		const route = ROUTES.get(path);
		if (!route) throw new Error(`${owner}: ${path} is not a CCPayment v2 path`);
		if (route.owner && route.owner !== owner)
			throw new Error(`${owner}: ${path} is already implemented by ${route.owner}`);
		if (!def || typeof def.handler !== 'function' || !Array.isArray(def.fields))
			throw new Error(`${owner}: ${path} needs { fields, handler }`);
		route.def = def;
		route.owner = owner;
	}
}

/** The definition that serves a path (following an alias), if any. @param {string} path */
function definitionOf(path) {
	const route = ROUTES.get(path);
	if (!route) return undefined;
	return route.aliasOf ? ROUTES.get(route.aliasOf)?.def : route.def;
}

/** Table for the control page and /__sim/v2/endpoints. */
function describe() {
	return [...ROUTES.values()].map((r) => ({
		path: `/${r.path}`,
		group: r.group,
		source: r.source,
		alias_of: r.aliasOf ? `/${r.aliasOf}` : null,
		implemented: !!definitionOf(r.path),
		owner: r.owner || (r.aliasOf ? ROUTES.get(r.aliasOf)?.owner || null : null),
	}));
}

module.exports = { ENDPOINTS, ROUTES, register, definitionOf, describe };
