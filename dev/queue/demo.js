// @ts-check
'use strict';
/**
 * `npm run demo -- --queue`: the tested queue-mode topology (Redis, Postgres, main + 2 workers + a
 * webhook processor, the package in every user folder) with the simulator and the queue workflows,
 * left running until Ctrl-C. The caller owns the temp folder and the cleanup.
 */
const path = require('path');
const { ensureN8n } = require('../e2e/lib/install');
const { packPackage } = require('../e2e/lib/pkg');
const { freePort } = require('../e2e/lib/http');
const { OWNER } = require('../e2e/lib/n8n');
const sim = require('../e2e/lib/sim');
const services = require('./services');
const { setUpVersion } = require('./setup');
const wf = require('./workflows');

/**
 * @param {{ major: 1 | 2, tmp: string, simPort: number, say: (m: string) => void, onSimulator: (s: import('../e2e/lib/sim').Sim) => void }} o
 */
async function startQueueDemo({ major, tmp, simPort, say, onSimulator }) {
	const started = Date.now();
	await services.ensureServices(say);
	say(`Preparing n8n ${major === 1 ? '1.123.81' : '2.41.1'} (cached after the first run) ...`);
	const installs = await ensureN8n({ versions: [major], log: (m) => say(`  ${m}`) });
	const runtime = major === 1 ? installs.v1 : installs.v2;
	const npmCache = path.join(tmp, 'npm-cache');
	const pack = await packPackage(path.join(tmp, 'pack'), npmCache);
	say('Starting Redis and Postgres on free loopback ports ...');
	const [redis, pg] = await Promise.all([
		services.startRedis({
			port: await freePort(),
			dir: path.join(tmp, 'redis'),
			logFile: path.join(tmp, 'redis.log'),
		}),
		services.startPostgres({
			port: await freePort(),
			dir: path.join(tmp, 'pg'),
			logFile: path.join(tmp, 'postgres.log'),
		}),
	]);
	const simulator = await sim
		.start({ webhook: { speedFactor: 1 }, withdrawalAutoComplete: 'internal', port: simPort })
		.catch(() => sim.start({ webhook: { speedFactor: 1 }, withdrawalAutoComplete: 'internal' }));
	onSimulator(simulator);
	say('Starting main, 2 workers and a webhook processor (30-60 s each on 2 cores) ...');
	const { topo, triggerUrl } = await setUpVersion({
		runtime,
		dir: path.join(tmp, `v${major}`),
		pg,
		redisPort: redis.port,
		redisDb: 1,
		pack,
		npmCache,
		simulator,
		phase: async (label, fn) => {
			say(`  ${label} ...`);
			return fn();
		},
	});
	const line = '-'.repeat(78);
	say(`\n${line}`);
	say(`CCPayment queue-mode demo (ready in ${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
	say(`  n8n editor (main)   ${topo.main.base}   login ${OWNER.email} / ${OWNER.password}`);
	say(`  webhook processor   ${topo.webhook.base}/webhook/...`);
	for (const w of topo.workers)
		say(`  ${w.name}            health ${`http://127.0.0.1:${w.healthPort}/healthz`}`);
	say(`  Redis 127.0.0.1:${redis.port}, Postgres 127.0.0.1:${pg.port} (user postgres, trust)`);
	say(`  simulator           ${simulator.url}/__sim/  (dashboard Webhook URL = ${triggerUrl})`);
	say(
		'\n  Active workflows: "Queue: trigger on the webhook processor", "Queue: dedup recipe" (the',
	);
	say(
		'  examples/queue-mode-dedup.json shape), "Queue: every operation on a worker" and "Queue: batch of reads".',
	);
	say('  Their last node records which process ran them (field ranOn). Try:');
	say(`    curl -s -X POST ${simulator.url}/__sim/invoices/pay -d '{"product_price":"18"}'`);
	say(`    curl -s -X POST ${topo.webhook.base}/webhook/${wf.ACTION_PATH} -d '{}'`);
	say(`\n  Logs: ${path.join(tmp, `v${major}`)}/<process>.log`);
	say(`Press Ctrl-C to stop everything.\n${line}`);
	return topo;
}

module.exports = { startQueueDemo };
