// @ts-check
'use strict';
/**
 * Queue-mode suite: this package in n8n's distributed engine (Redis + Postgres, main + 2 workers + 1
 * webhook processor) for n8n 1.123.81 and 2.41.1, side by side when memory allows.
 *
 *   node scripts/test-queue.js [--n8n 1|2|both] [--serial] [--keep]
 *
 * Needs a build (dist/); `npm run test:queue` builds first. Installs redis-server and postgresql from
 * Debian when missing (root). See README "Queue mode" and dev/queue/ for what each part proves.
 * Last line: `N passed, N failed`; exit code 1 when anything failed.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { parseArgs } = require('util');

const procs = require('../dev/e2e/lib/procs');
const { ensureN8n, cacheDir } = require('../dev/e2e/lib/install');
const { packPackage } = require('../dev/e2e/lib/pkg');
const { freePort } = require('../dev/e2e/lib/http');
const { Checks, Phases } = require('../dev/e2e/lib/report');
const { checkLogs } = require('../dev/e2e/lib/logs');
const sim = require('../dev/e2e/lib/sim');
const { distPath } = require('../dev/dist');
const credentialScenario = require('../dev/e2e/scenarios/credential');
const v2CoreScenario = require('../dev/e2e/scenarios/v2-core');
const services = require('../dev/queue/services');
const { setUpVersion, webhookReady } = require('../dev/queue/setup');
const scenarios = require('../dev/queue/scenarios');
const wf = require('../dev/queue/workflows');
const { formatFigures } = require('../dev/queue/figures');
const { canRunSideBySide } = require('../dev/queue/plan');

const { values: args } = parseArgs({
	options: { n8n: { type: 'string' }, keep: { type: 'boolean' }, serial: { type: 'boolean' } },
});
const which = args.n8n ?? process.env.CCPAYMENT_E2E_N8N ?? 'both';
/** @type {Array<1 | 2>} */
const versions = which === '1' ? [1] : which === '2' ? [2] : [1, 2];

const checks = new Checks();
const phases = new Phases();
const started = Date.now();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ccpayment-queue-'));
/** @type {Array<() => Promise<void>>} */
const stoppers = [];
/** @type {string[]} */
const summary = [];

const cleanup = procs.cleanupOnExit();
cleanup.add(() => {
	if (args.keep) process.stdout.write(`kept ${tmp}\n`);
	else fs.rmSync(tmp, { recursive: true, force: true });
});
cleanup.add(async () => {
	for (const s of stoppers) await s().catch(() => {});
});

/**
 * @param {import('../dev/e2e/lib/install').RuntimeInfo} runtime
 * @param {{ tarball: string, name: string, version: string }} pack
 * @param {{ port: number, createDatabase: (n: string) => Promise<void> }} pg
 * @param {number} redisPort
 */
async function runVersion(runtime, pack, pg, redisPort) {
	const tag = `n8n ${runtime.major}`;
	/** @param {string} label @param {boolean} cond @param {unknown} [detail] */
	const ok = (label, cond, detail) => checks.ok(`[${tag} queue] ${label}`, cond, detail);
	/** @template T @param {string} label @param {() => Promise<T>} fn */
	const phase = (label, fn) => phases.time(`[${tag}] ${label}`, fn);
	const dir = path.join(tmp, `v${runtime.major}`);
	const simulator = await sim.start();
	stoppers.push(() => simulator.stop());
	/** @type {import('../dev/queue/topology').QueueTopology | undefined} */
	let topo;
	try {
		const up = await setUpVersion({
			runtime,
			dir,
			pg,
			redisPort,
			redisDb: runtime.major,
			pack,
			npmCache: path.join(tmp, 'npm-cache'),
			simulator,
			phase,
		});
		topo = up.topo;
		const t = topo;
		ok(
			`topology up: ${Object.entries(up.startMs)
				.map(([k, v]) => `${k} ${(v / 1000).toFixed(0)} s`)
				.join(', ')}`,
			true,
		);
		// Start-up overlaps across versions; the scenarios take turns, so their timeouts (webhook retries,
		// settling executions) are not measured against the other version's load on 2 cores.
		await scenarioTurn(async () => {
			await phase('credential test (main)', () =>
				credentialScenario.run({ n8n: t.main, sim: simulator, ok, tag }),
			);
			await phase('v2 credential test (main)', () =>
				v2CoreScenario.runCredential({ n8n: t.main, sim: simulator, ok }),
			);
			await phase('every operation, run by a worker', () =>
				scenarios.actionOnWorker({ topo: t, ok, checks, tag, simulator }),
			);
			await phase('every v2 operation, run by a worker', () =>
				scenarios.v2ActionOnWorker({ topo: t, ok, simulator, list: up.v2Steps }),
			);
			await phase('trigger deliveries via the webhook processor', () =>
				scenarios.triggerOnWebhookProcessor({
					topo: t,
					ok,
					checks,
					tag,
					simulator,
					webhookUrl: up.triggerUrl,
				}),
			);
			await phase("v2 trigger: the simulator's v2 webhooks via the webhook processor", () =>
				scenarios.v2TriggerOnWebhookProcessor({ topo: t, ok, simulator }),
			);
			for (const [label, variant] of /** @type {const} */ ([
				['recipe', wf.DEDUP],
				['recipe, trigger memory off', wf.DEDUP_NO_MEMORY],
			])) {
				const figures = await phase(`dedup ${label}: resends, 20 copies, restart`, () =>
					scenarios.dedupRecipe({ topo: t, ok, tag, simulator, webhookReady, variant }),
				);
				summary.push(formatFigures(`[${tag}] duplicates (${label})`, figures));
			}
			summary.push(
				`[${tag}] memory (RSS): ${t.processes.map((p) => `${p.name} ${rssMb(p.n8n.pid)} MB`).join(', ')}`,
			);
			// 40/s each leaves headroom for arrival jitter; 50/s each is the node's default, i.e. the whole limit.
			for (const rps of [40, 50]) {
				const r = await phase(`1,000 reads over 2 workers at ${rps}/s each`, () =>
					scenarios.readBatch({
						topo: t,
						ok,
						simulator,
						perExecutionRps: rps,
					}),
				);
				summary.push(
					`[${tag}] reads: 2 x 500 at ${rps}/s each -> ${r.requests} requests, ${r.refused} refused by the per-IP limit, ${r.seconds.toFixed(1)} s, ran on ${r.ranOn.join(' + ')}`,
				);
			}
		});
	} catch (e) {
		checks.crash(`[${tag}] queue scenario aborted`, e);
	} finally {
		if (topo) {
			const tp = topo;
			await phase('stop topology', () => tp.stop());
			for (const p of tp.processes) {
				const text = fs.existsSync(p.n8n.logFile) ? fs.readFileSync(p.n8n.logFile, 'utf8') : '';
				const problems = checkLogs(text, [tmp, fs.realpathSync(tmp), cacheDir()]);
				ok(
					`${p.name}: no error or warning from n8n-nodes-ccpayment in its output`,
					problems.length === 0,
					problems.slice(0, 10).join('\n'),
				);
			}
		}
		await simulator.stop();
	}
}

/** @type {Promise<unknown>} */
let turns = Promise.resolve();
/** Runs `fn` after every earlier caller's `fn` finished. @template T @param {() => Promise<T>} fn @returns {Promise<T>} */
function scenarioTurn(fn) {
	const mine = turns.then(fn);
	turns = mine.catch(() => {});
	return mine;
}

/** Resident memory of a process in MB, from /proc (Linux). @param {number | undefined} pid */
function rssMb(pid) {
	try {
		const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Math.round(Number(m[1]) / 1024) : '?';
	} catch {
		return '?';
	}
}

async function main() {
	process.stdout.write(`ccpayment queue mode: n8n ${versions.join(' + ')}; temp ${tmp}\n`);
	if (!fs.existsSync(distPath('credential')))
		throw new Error('dist/ is missing: run `npm run build` first (npm run test:queue does)');
	const [, installs, pack] = await Promise.all([
		phases.time('redis + postgres packages (apt when missing)', () =>
			services.ensureServices((m) => process.stdout.write(`   ${m}\n`)),
		),
		phases.time('install n8n (cache)', () =>
			ensureN8n({ versions, log: (m) => process.stdout.write(`   ${m}\n`) }),
		),
		phases.time('npm pack', () => packPackage(path.join(tmp, 'pack'), path.join(tmp, 'npm-cache'))),
	]);
	const [redis, pg] = await Promise.all([
		phases.time('start redis', async () =>
			services.startRedis({
				port: await freePort(),
				dir: path.join(tmp, 'redis'),
				logFile: path.join(tmp, 'redis.log'),
			}),
		),
		phases.time('start postgres (initdb + server)', async () =>
			services.startPostgres({
				port: await freePort(),
				dir: path.join(tmp, 'pg'),
				logFile: path.join(tmp, 'postgres.log'),
			}),
		),
	]);
	const parallel = !args.serial && canRunSideBySide(versions.length, os.freemem());
	process.stdout.write(
		`versions ${parallel ? 'side by side' : 'one after the other'} (${(os.freemem() / 2 ** 30).toFixed(1)} GiB free)\n`,
	);
	const one = (/** @type {1 | 2} */ v) =>
		runVersion(v === 1 ? installs.v1 : installs.v2, pack, pg, redis.port);
	await phases.time(`versions (${parallel ? 'in parallel' : 'serial'})`, async () => {
		if (parallel) await Promise.all(versions.map(one));
		else for (const v of versions) await one(v);
	});
}

main()
	.catch((e) => checks.crash('queue suite aborted', e))
	.finally(async () => {
		await cleanup.run();
		checks.ok(
			'no process left running',
			procs.runningCount() === 0,
			`${procs.runningCount()} still running`,
		);
		phases.print();
		process.stdout.write(`  total ${((Date.now() - started) / 1000).toFixed(1)} s\n\n`);
		if (summary.length)
			process.stdout.write(`Figures:\n${summary.map((s) => `  ${s}`).join('\n')}\n\n`);
		process.stdout.write(`${checks.passed} passed, ${checks.failed} failed\n`);
		process.exit(checks.failed ? 1 : 0);
	});
