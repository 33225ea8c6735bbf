// @ts-check
'use strict';

/**
 * A local CCPayment server for tests, demos and benchmarks. See simulator/README.md.
 *
 *   const { startSimulator } = require('./simulator');
 *   const sim = await startSimulator({ port: 0, ...configOverrides });
 *   sim.url, sim.merchant, sim.v2Merchant, sim.config (live), await sim.reset(), await sim.stop()
 */

const { Simulator, startSimulator } = require('./server');
const { DEFAULT_MERCHANT, SECOND_MERCHANT, V2_MERCHANT } = require('./shared/config');
const { ActionError } = require('./shared/actions');
const { TOKENS, COIN } = require('./shared/catalogue');
const { ENDPOINTS, PREFIX } = require('./v1/endpoints');
const v2 = require('./v2');
const { COIN_ID } = require('./v2/catalogue');
const v2Signer = require('./v2/signer');

module.exports = {
	startSimulator,
	Simulator,
	ENDPOINTS,
	PREFIX,
	DEFAULT_MERCHANT,
	SECOND_MERCHANT,
	TOKENS,
	COIN,
	ActionError,
	V2_MERCHANT,
	V2_PREFIX: v2.prefix,
	V2_ENDPOINTS: v2.endpoints,
	V2_COIN_ID: COIN_ID,
	v2Signer,
};
