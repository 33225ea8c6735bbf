// @ts-check
'use strict';

/**
 * The v1 protocol module: everything that is CCPayment v1 rather than simulator plumbing. The
 * server hands it every request under its prefix (see "Adding a protocol version" in README.md).
 */

const { PREFIX, ENDPOINTS } = require('./endpoints');
const { appIdOf, process, refuse, corrupt } = require('./pipeline');
const signer = require('./signer');
const notifications = require('./notifications');

/** @type {import('../server').Protocol} */
const v1 = {
	name: 'v1',
	prefix: PREFIX,
	endpoints: ENDPOINTS,
	appIdOf,
	process,
	refuse,
	corrupt,
	signer,
	notifications,
};

module.exports = v1;
