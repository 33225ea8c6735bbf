// @ts-check
'use strict';
/**
 * n8n's queue-mode topology for one n8n version: a main process (editor, REST, webhook registration,
 * no production executions), workers that take executions from the Bull queue in Redis, and a webhook
 * processor that receives `/webhook/` traffic. All share one Postgres database, one Redis DB number and
 * the encryption key; each has its own port, task-runner broker port, user folder and a copy of this
 * package installed there (n8n loads community nodes from each process's own user folder).
 */
const path = require('path');
const { N8nInstance } = require('../e2e/lib/n8n');
const { installIntoUserFolder } = require('../e2e/lib/pkg');
const { freePort, request, waitFor } = require('../e2e/lib/http');

/** Names the processes; the workflows read it back through $env to show where they ran. */
const PROCESS_ENV = 'CCPAYMENT_QUEUE_PROCESS';

/**
 * The queue-mode environment of one process (pure, unit-tested).
 * @param {{ role: 'main' | 'worker' | 'webhook', name: string, db: { port: number, database: string }, redis: { port: number, db: number }, healthPort?: number }} o
 * @returns {Record<string, string>}
 */
function queueEnv({ role, name, db, redis, healthPort }) {
	/** @type {Record<string, string>} */
	const env = {
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(db.port),
		DB_POSTGRESDB_DATABASE: db.database,
		DB_POSTGRESDB_USER: 'postgres',
		DB_POSTGRESDB_PASSWORD: '',
		DB_POSTGRESDB_POOL_SIZE: '4',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		QUEUE_BULL_REDIS_DB: String(redis.db),
		[PROCESS_ENV]: name,
		// The workflows record $env[PROCESS_ENV] so each execution names the process that ran it.
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
	};
	// Main must run (it registers the active workflows' webhooks) but executes no production runs.
	if (role === 'main') env.N8N_DISABLE_PRODUCTION_MAIN_PROCESS = 'true';
	if (role === 'worker') {
		if (!healthPort) throw new Error('a worker needs a health-check port');
		env.QUEUE_HEALTH_CHECK_ACTIVE = 'true';
		env.QUEUE_HEALTH_CHECK_PORT = String(healthPort);
		env.N8N_WORKER_SERVER_ADDRESS = '127.0.0.1';
	}
	return env;
}

/** The n8n CLI command per role. @param {'main' | 'worker' | 'webhook'} role @param {number} concurrency */
function commandFor(role, concurrency) {
	if (role === 'worker') return `worker --concurrency=${concurrency}`;
	return role === 'main' ? 'start' : 'webhook';
}

/** @typedef {import('../e2e/lib/install').RuntimeInfo} RuntimeInfo */
/** @typedef {{ name: string, role: 'main' | 'worker' | 'webhook', n8n: N8nInstance, healthPort?: number }} QueueProcess */

class QueueTopology {
	/**
	 * @param {{ runtime: RuntimeInfo, dir: string, db: { port: number, database: string }, redis: { port: number, db: number }, workers?: number, concurrency?: number }} o
	 */
	constructor({ runtime, dir, db, redis, workers = 2, concurrency = 5 }) {
		this.runtime = runtime;
		this.dir = dir;
		this.db = db;
		this.redis = redis;
		this.workerCount = workers;
		this.concurrency = concurrency;
		/** @type {QueueProcess[]} */
		this.processes = [];
	}

	/** Creates the processes (not started) and installs the packed package into each user folder. @param {{ tarball: string, name: string, version: string }} pack @param {string} npmCache */
	async prepare(pack, npmCache) {
		/** @type {Array<{ name: string, role: 'main' | 'worker' | 'webhook' }>} */
		const plan = [
			{ name: 'main', role: 'main' },
			{ name: 'webhook-1', role: 'webhook' },
		];
		for (let i = 1; i <= this.workerCount; i++) plan.push({ name: `worker-${i}`, role: 'worker' });
		for (const p of plan) {
			const healthPort = p.role === 'worker' ? await freePort() : undefined;
			const userFolder = path.join(this.dir, p.name);
			const n8n = new N8nInstance({
				runtime: this.runtime,
				userFolder,
				port: await freePort(),
				brokerPort: await freePort(),
				logFile: path.join(this.dir, `${p.name}.log`),
				label: `n8n ${this.runtime.version} ${p.name}`,
				command: commandFor(p.role, this.concurrency),
				extraEnv: queueEnv({
					role: p.role,
					name: p.name,
					db: this.db,
					redis: this.redis,
					healthPort,
				}),
			});
			require('fs').writeFileSync(n8n.logFile, '');
			this.processes.push({ ...p, n8n, healthPort });
		}
		// One install per process, one after the other: npm in parallel on 2 cores only adds contention.
		/** @type {string[]} */
		const dirs = [];
		for (const p of this.processes)
			dirs.push(await installIntoUserFolder(p.n8n.userFolder, pack, npmCache));
		return dirs;
	}

	get main() {
		return this.byName('main').n8n;
	}

	get webhook() {
		return this.byName('webhook-1').n8n;
	}

	get workers() {
		return this.processes.filter((p) => p.role === 'worker');
	}

	/** @param {string} name */
	byName(name) {
		const p = this.processes.find((x) => x.name === name);
		if (!p) throw new Error(`no process ${name}`);
		return p;
	}

	/** Starts main (editor, REST, webhook registration). */
	startMain(/** @type {{ failOn?: RegExp }} */ { failOn }) {
		// n8n 2.x answers 200 "n8n is starting up" to every route until it is ready; an anonymous
		// GET /rest/login answers 401 only once the REST controllers are mounted.
		const ready = async () =>
			(await request('GET', `${this.main.base}/rest/login`, { timeoutMs: 2000 })).status === 401;
		return this.main.start({ failOn, ready, timeoutMs: 240000 });
	}

	/**
	 * Starts the workers and the webhook processor in parallel (main runs already). `webhookReady`
	 * says when the webhook processor serves the active workflows.
	 * @param {{ webhookReady: (base: string) => Promise<boolean>, failOn?: RegExp }} o
	 * @returns {Promise<Record<string, number>>} start time per process (ms)
	 */
	async startOthers({ webhookReady, failOn }) {
		/** @type {Record<string, number>} */
		const ms = {};
		await Promise.all(
			this.processes
				.filter((p) => p.role !== 'main')
				.map(async (p) => {
					ms[p.name] = await this.startOne(p, { webhookReady, failOn });
				}),
		);
		return ms;
	}

	/**
	 * @param {QueueProcess} p
	 * @param {{ webhookReady: (base: string) => Promise<boolean>, failOn?: RegExp }} o
	 */
	startOne(p, { webhookReady, failOn }) {
		const ready =
			p.role === 'worker'
				? async () =>
						(await request('GET', `http://127.0.0.1:${p.healthPort}/healthz`, { timeoutMs: 2000 }))
							.status === 200
				: () => webhookReady(p.n8n.base).catch(() => false);
		return p.n8n.start({ ready, failOn, timeoutMs: 240000 });
	}

	/** Restarts one process (e.g. the webhook processor, losing its in-process memory). @param {string} name @param {{ webhookReady: (base: string) => Promise<boolean> }} o */
	async restart(name, o) {
		const p = this.byName(name);
		await p.n8n.stop();
		p.n8n.serverLines = [];
		return this.startOne(p, o);
	}

	async stop() {
		// Webhook processor and workers first, main last (it owns the webhook registrations).
		await Promise.all(this.processes.filter((p) => p.role !== 'main').map((p) => p.n8n.stop()));
		await this.main.stop();
	}

	/** Waits until every worker's health check answers. */
	async workersHealthy() {
		await waitFor(
			async () => {
				for (const w of this.workers) {
					const r = await request('GET', `http://127.0.0.1:${w.healthPort}/healthz`, {
						timeoutMs: 2000,
					});
					if (r.status !== 200) return false;
				}
				return true;
			},
			{ timeoutMs: 60000, intervalMs: 250, what: 'workers healthy' },
		);
	}
}

module.exports = { QueueTopology, queueEnv, commandFor, PROCESS_ENV };
