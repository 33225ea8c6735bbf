// @ts-check
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { queueEnv, commandFor, PROCESS_ENV } = require('../../../dev/queue/topology');
const services = require('../../../dev/queue/services');
const { canRunSideBySide } = require('../../../dev/queue/plan');

const db = { port: 5433, database: 'ccpayment_n8n_v1' };
const redis = { port: 6380, db: 2 };

test('every role shares the queue, database and Redis DB settings', () => {
	for (const role of /** @type {const} */ (['main', 'worker', 'webhook'])) {
		const env = queueEnv({ role, name: role, db, redis, healthPort: 7000 });
		assert.equal(env.EXECUTIONS_MODE, 'queue');
		assert.equal(env.DB_TYPE, 'postgresdb');
		assert.equal(env.DB_POSTGRESDB_PORT, '5433');
		assert.equal(env.DB_POSTGRESDB_DATABASE, 'ccpayment_n8n_v1');
		assert.equal(env.QUEUE_BULL_REDIS_PORT, '6380');
		assert.equal(env.QUEUE_BULL_REDIS_DB, '2');
		assert.equal(env[PROCESS_ENV], role);
	}
});

test('only main disables production executions; only workers get a health check', () => {
	const main = queueEnv({ role: 'main', name: 'main', db, redis });
	const worker = queueEnv({ role: 'worker', name: 'worker-1', db, redis, healthPort: 7001 });
	const webhook = queueEnv({ role: 'webhook', name: 'webhook-1', db, redis });
	assert.equal(main.N8N_DISABLE_PRODUCTION_MAIN_PROCESS, 'true');
	assert.equal(worker.N8N_DISABLE_PRODUCTION_MAIN_PROCESS, undefined);
	assert.equal(webhook.N8N_DISABLE_PRODUCTION_MAIN_PROCESS, undefined);
	assert.equal(worker.QUEUE_HEALTH_CHECK_ACTIVE, 'true');
	assert.equal(worker.QUEUE_HEALTH_CHECK_PORT, '7001');
	assert.equal(main.QUEUE_HEALTH_CHECK_ACTIVE, undefined);
	assert.throws(() => queueEnv({ role: 'worker', name: 'w', db, redis }), /health-check port/);
});

test('the n8n command per role', () => {
	assert.equal(commandFor('main', 5), 'start');
	assert.equal(commandFor('worker', 5), 'worker --concurrency=5');
	assert.equal(commandFor('webhook', 5), 'webhook');
});

test('apt installs only what is missing', () => {
	assert.deepEqual(
		services.missingPackages({ has: () => true, pgBinDir: '/usr/lib/postgresql/15/bin' }),
		[],
	);
	assert.deepEqual(services.missingPackages({ has: () => false, pgBinDir: null }), [
		'redis-server',
		'postgresql',
	]);
	assert.deepEqual(services.missingPackages({ has: () => true, pgBinDir: null }), ['postgresql']);
});

test('the newest installed Postgres server is used', () => {
	const have = new Set([
		'/usr/lib/postgresql/15/bin/postgres',
		'/usr/lib/postgresql/16/bin/postgres',
	]);
	assert.equal(
		services.pgBinDir((p) => have.has(p)),
		'/usr/lib/postgresql/16/bin',
	);
	assert.equal(
		services.pgBinDir(() => false),
		null,
	);
});

test('Redis and Postgres listen on loopback only, without persistence or fsync', () => {
	const r = services.redisArgs(6380, '/tmp/r');
	assert.deepEqual(r.slice(0, 8), [
		'--port',
		'6380',
		'--bind',
		'127.0.0.1',
		'--save',
		'',
		'--appendonly',
		'no',
	]);
	const p = services.postgresArgs(5433, '/tmp/pg/data').join(' ');
	assert.match(p, /-p 5433/);
	assert.match(p, /listen_addresses=127\.0\.0\.1/);
	assert.match(p, /fsync=off/);
});

test('Postgres tools run as the postgres user when we are root', () => {
	const x = services.asPostgres('/usr/lib/postgresql/15/bin/initdb', ['-D', 'd']);
	if (process.getuid && process.getuid() === 0) {
		assert.deepEqual(x, {
			cmd: 'runuser',
			args: ['-u', 'postgres', '--', '/usr/lib/postgresql/15/bin/initdb', '-D', 'd'],
		});
	} else {
		assert.deepEqual(x, { cmd: '/usr/lib/postgresql/15/bin/initdb', args: ['-D', 'd'] });
	}
});

test('both versions side by side only when memory allows', () => {
	const GiB = 2 ** 30;
	assert.equal(canRunSideBySide(2, 20 * GiB), true);
	assert.equal(canRunSideBySide(2, 4 * GiB), false);
	assert.equal(canRunSideBySide(1, 20 * GiB), false);
});
