// @ts-check
'use strict';

/**
 * A local CCPayment server for tests, demos and benchmarks. See simulator/README.md.
 *
 *   const { startSimulator } = require('./simulator');
 *   const sim = await startSimulator({ port: 0, ...configOverrides });
 *   sim.url, sim.merchant, sim.config (live), await sim.reset(), await sim.stop()
 */

const { Simulator, startSimulator } = require('./server');
const { DEFAULT_MERCHANT, SECOND_MERCHANT } = require('./shared/config');
const { ActionError } = require('./shared/actions');
const { TOKENS, COIN } = require('./shared/catalogue');
const { ENDPOINTS, PREFIX } = require('./v1/endpoints');

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
};
