// @ts-check
'use strict';
/**
 * What the editor tests run against: the simulator and one real n8n with this package installed like
 * the community installer does, and an owner account. Credentials and workflows are created in the
 * browser.
 */
const fs = require('fs');
const path = require('path');
const { N8nInstance, OWNER } = require('../e2e/lib/n8n');
const { installIntoUserFolder } = require('../e2e/lib/pkg');
const { freePort } = require('../e2e/lib/http');
const sim = require('../e2e/lib/sim');

/**
 * @param {{ runtime: import('../e2e/lib/install').RuntimeInfo, pack: any, dir: string, npmCache: string,
 *   onStarted: (stop: () => Promise<unknown>) => void }} o
 */
async function startStack(o) {
	fs.mkdirSync(o.dir, { recursive: true });
	const simulator = await sim.start({ webhook: { speedFactor: 0.001 } });
	const userFolder = path.join(o.dir, 'user');
	const n8n = new N8nInstance({
		runtime: o.runtime,
		userFolder,
		port: await freePort(),
		brokerPort: await freePort(),
		logFile: path.join(o.dir, 'n8n.log'),
		label: `n8n ${o.runtime.version}`,
	});
	o.onStarted(async () => {
		await n8n.stop();
		await simulator.stop();
	});
	await installIntoUserFolder(userFolder, o.pack, o.npmCache);
	await n8n.start();
	await n8n.setupOwner();
	return { n8n, simulator, owner: OWNER };
}

module.exports = { startStack };
