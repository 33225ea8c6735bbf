// @ts-check
'use strict';

/**
 * The v2 protocol module (POST /ccpayment/v2/<method>, HMAC-SHA256 signing, camelCase JSON). The
 * server hands it every request under its prefix (see "Adding a protocol version" in README.md).
 *
 * Handlers come from the modules below plus every v2/wallet*.js file: the wallet system plugs in
 * by exporting `endpoints` ({ '<path>': { fields, handler } }) and, optionally, `notifications`
 * (webhook bodies by type), without touching this file.
 */

const fs = require('fs');
const path = require('path');
const routes = require('./routes');
const { appIdOf, process, refuse, corrupt } = require('./pipeline');
const signer = require('./signer');
const pages = require('./pages');
const controlRoutes = require('./control');

const PREFIX = '/ccpayment/v2/';

for (const name of ['resources', 'deposits', 'orders', 'withdrawals', 'batch', 'swap', 'resend'])
	routes.register(require(`./${name}`).endpoints, name);

/**
 * Webhook body builders by type; wallet modules add UserDeposit / UserWithdrawal here.
 * @type {Record<string, (...args: any[]) => Record<string, any>>}
 */
const notifications = {};

for (const file of fs.readdirSync(__dirname).sort()) {
	if (!/^wallet.*\.js$/.test(file)) continue;
	const mod = require(path.join(__dirname, file));
	if (mod.endpoints) routes.register(mod.endpoints, file);
	if (mod.notifications) Object.assign(notifications, mod.notifications);
}

/** @type {import('../server').Protocol} */
const v2 = {
	name: 'v2',
	prefix: PREFIX,
	endpoints: routes.ENDPOINTS,
	appIdOf,
	process,
	refuse,
	corrupt,
	signer,
	notifications,
	pages,
	controlRoutes,
};

module.exports = v2;
