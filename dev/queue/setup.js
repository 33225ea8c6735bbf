// @ts-check
'use strict';
/**
 * One n8n version in queue mode, ready to use: its own Postgres database and Redis DB number, the
 * package in every process's user folder, the credential and the queue workflows imported and
 * activated (through main's CLI, before any process starts), then main, workers and the webhook
 * processor started. Shared by scripts/test-queue.js and `npm run demo -- --queue`.
 */
const fs = require('fs');
const path = require('path');
const fixtures = require('../e2e/fixtures');
const sim = require('../e2e/lib/sim');
const { request, waitFor } = require('../e2e/lib/http');
const { webhookRegistered } = require('../e2e/scenarios/trigger');
const { QueueTopology } = require('./topology');
const wf = require('./workflows');
const v2Operations = require('../v2-operations');
const { writeCredential } = require('../e2e/scenarios/v2-operations');

const FAIL_ON =
	/did fail with error|Failed to load package|cannot run on this instance|Unrecognized node type/;

/** The trigger workflow's production URL on a given base. @param {string} base */
const triggerUrl = (base) => `${base}/webhook/${fixtures.WEBHOOK_ID}/webhook`;

/** The webhook processor serves the active workflows once the trigger refuses an unsigned post (401). @param {string} base */
const webhookReady = (base) => webhookRegistered(triggerUrl(base));

/**
 * @param {{ runtime: import('../e2e/lib/install').RuntimeInfo, dir: string, pg: { port: number, createDatabase: (n: string) => Promise<void> }, redisPort: number, redisDb: number, pack: { tarball: string, name: string, version: string }, npmCache: string, simulator: import('../e2e/lib/sim').Sim, phase: <T>(label: string, fn: () => Promise<T>) => Promise<T> }} o
 */
async function setUpVersion({
	runtime,
	dir,
	pg,
	redisPort,
	redisDb,
	pack,
	npmCache,
	simulator,
	phase,
}) {
	const database = `ccpayment_n8n_v${runtime.major}`;
	await pg.createDatabase(database);
	fs.mkdirSync(dir, { recursive: true });
	const topo = new QueueTopology({
		runtime,
		dir,
		db: { port: pg.port, database },
		redis: { port: redisPort, db: redisDb },
	});
	await phase('install package into 4 user folders', () => topo.prepare(pack, npmCache));
	const { ids, v2Steps } = await phase('import (main CLI, Postgres)', async () => {
		const files = fixtures.write(dir, {
			simUrl: simulator.url,
			merchant: simulator.merchant,
			v2Merchant: simulator.v2Merchant,
		});
		for (const f of fs.readdirSync(files.workflowsDir)) fs.rmSync(path.join(files.workflowsDir, f));
		// The v2 steps need simulator state made for them (a funded user, deposits) before the import.
		const v2Steps = v2Operations.steps(
			await v2Operations.prepare(simulator.url, `queue${runtime.major}${Date.now().toString(36)}`),
		);
		const workflows = {
			'trigger.json': wf.triggerQueueWorkflow(),
			'v2-actions.json': wf.v2ActionQueueWorkflow(v2Steps),
			'actions.json': wf.actionQueueWorkflow(),
			'dedup.json': wf.dedupWorkflow(),
			'dedup-no-memory.json': wf.dedupWorkflow({ triggerMemory: false }),
			'reads.json': wf.readsWorkflow(),
		};
		for (const [name, body] of Object.entries(workflows))
			fs.writeFileSync(path.join(files.workflowsDir, name), JSON.stringify(body, null, 2));
		await topo.main.importCredentials(files.credentials);
		const v2Credential = path.join(dir, 'credentials-v2.json');
		writeCredential(v2Credential, simulator);
		await topo.main.importCredentials(v2Credential);
		await topo.main.importWorkflowsFromDir(files.workflowsDir);
		return { ids: Object.values(workflows).map((w) => w.id), v2Steps };
	});
	/** @type {Record<string, number>} */
	const startMs = {};
	startMs.main = await phase('start main', () => topo.startMain({ failOn: FAIL_ON }));
	await phase('owner + API key + activate (main public API)', async () => {
		await topo.main.setupOwner();
		// n8n 2.x answers 200 "n8n is starting up" on some routes for a while after login works.
		const retry = (/** @type {() => Promise<unknown>} */ fn, /** @type {string} */ what) =>
			waitFor(() => fn().then(() => true), { timeoutMs: 180000, intervalMs: 1000, what });
		await retry(() => topo.main.createApiKey(), 'an API key from main');
		// Activating through the running main registers the webhooks in Postgres, where the webhook
		// processor looks them up (one CLI boot per workflow would cost ~15 s each).
		for (const id of ids) await retry(() => activate(topo.main, id), `activation of ${id}`);
	});
	await sim.setDashboardWebhookUrl(simulator, triggerUrl(topo.webhook.base));
	Object.assign(
		startMs,
		await phase('start 2 workers + webhook processor', () =>
			topo.startOthers({ webhookReady, failOn: FAIL_ON }),
		),
	);
	return { topo, startMs, triggerUrl: triggerUrl(topo.webhook.base), v2Steps };
}

/**
 * Public API activation (n8n 1.x and 2.x: POST /api/v1/workflows/{id}/activate).
 * @param {import('../e2e/lib/n8n').N8nInstance} main @param {string} id
 */
async function activate(main, id) {
	const res = await request(
		'POST',
		`${main.base}/api/v1/workflows/${encodeURIComponent(id)}/activate`,
		{
			headers: { 'X-N8N-API-KEY': String(main.apiKey) },
		},
	);
	if (res.status !== 200)
		throw new Error(`activate ${id}: ${res.status} ${res.text.slice(0, 300)}`);
}

module.exports = { setUpVersion, activate, webhookReady, triggerUrl, FAIL_ON };
