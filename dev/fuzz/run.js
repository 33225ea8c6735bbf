// @ts-check
'use strict';
/**
 * One fuzz run against one real n8n: the storm on the active CCPayment Trigger, then the checks
 * (answers, runs per kind, failed executions, n8n alive, valid deliveries after the storm), the
 * trigger-vs-Webhook-node throughput and the oversize-body finding. Prints its figures; the caller
 * counts the checks.
 */
const fs = require('fs');
const path = require('path');
const { N8nInstance } = require('../e2e/lib/n8n');
const { installIntoUserFolder } = require('../e2e/lib/pkg');
const { freePort, request, sleep, waitFor } = require('../e2e/lib/http');
const sim = require('../e2e/lib/sim');
const wf = require('./workflows');
const { generator, schedule } = require('./cases');
const { PROFILES } = require('./profiles');
const { judge, Table } = require('./classify');
const { post, storm } = require('./send');
const http = require('http');

/** @typedef {(label: string, cond: boolean, detail?: unknown) => boolean} Ok */

/** Peak resident memory of a process so far (VmHWM), in MiB. @param {number | undefined} pid */
function peakRssMib(pid) {
	try {
		const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Math.round(Number(m[1]) / 1024) : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Waits until the executions of a workflow stop growing, and returns them.
 * @param {N8nInstance} n8n @param {string} id @param {number} [atLeast]
 */
async function settledExecutions(n8n, id, atLeast = 0) {
	await waitFor(async () => (await n8n.executions(id)).length >= atLeast, {
		timeoutMs: 60000,
		intervalMs: 500,
		what: `${atLeast} executions`,
	}).catch(() => {});
	let list = await n8n.executions(id);
	for (let last = -1, i = 0; i < 20 && list.length !== last; i++) {
		last = list.length;
		await sleep(1000);
		list = await n8n.executions(id);
	}
	return list;
}

/** The trigger's output item of an execution. @param {any} e */
const triggerItem = (e) =>
	e.data?.resultData?.runData?.[wf.TRIGGER_NODE]?.[0]?.data?.main?.[0]?.[0]?.json;

/**
 * Valid deliveries per second through one URL. @param {string} url @param {number} count
 * @param {number} concurrency @param {ReturnType<typeof generator>} gen @param {string} tag
 */
async function rate(url, count, concurrency, gen, tag) {
	let good = 0;
	const { ms } = await storm({
		url,
		count,
		concurrency,
		make: () => gen.valid(tag),
		onAnswer: (_d, a) => {
			if (a.status === 200) good++;
		},
	});
	return { perSec: (count / ms) * 1000, good };
}

/**
 * @param {{ runtime: import('../e2e/lib/install').RuntimeInfo, pack: any, dir: string, npmCache: string,
 *   count: number, concurrency: number, benchCount: number, proveLimit: boolean, seed: number, ok: Ok,
 *   say: (line: string) => void, onStarted: (stop: () => Promise<unknown>) => void }} o
 */
async function fuzzVersion(o) {
	const { runtime, ok, say } = o;
	const userFolder = path.join(o.dir, 'user');
	fs.mkdirSync(o.dir, { recursive: true });
	const simulator = await sim.start();
	const n8n = new N8nInstance({
		runtime,
		userFolder,
		port: await freePort(),
		brokerPort: await freePort(),
		logFile: path.join(o.dir, 'n8n.log'),
		label: `n8n ${runtime.version}`,
	});
	o.onStarted(async () => {
		await n8n.stop();
		await simulator.stop();
	});
	await installIntoUserFolder(userFolder, o.pack, o.npmCache);
	const files = wf.write(o.dir, { simUrl: simulator.url, merchant: simulator.merchant });
	await n8n.importCredentials(files.credentials);
	await n8n.importWorkflowsFromDir(files.workflowsDir);
	await n8n.activate(wf.TRIGGER_WORKFLOW_ID);
	await n8n.activate(wf.PLAIN_WORKFLOW_ID);
	const url = wf.urls(n8n.base);
	const ready = async () =>
		(await request('POST', url.trigger, { body: '{}', timeoutMs: 10000 })).status === 401;
	// Generous: CI's 2 cores may be busy with other suites.
	await n8n.start({ ready, timeoutMs: 300000 });
	await n8n.setupOwner();
	await n8n.createApiKey();

	const gen = generator({
		profile: PROFILES.v1,
		merchant: simulator.merchant,
		other: sim.otherMerchant(simulator),
		seed: o.seed,
	});
	const table = new Table();
	/** @type {Map<string, 'refuse' | 'signed'>} */
	const expectOf = new Map();
	const names = schedule(o.count, gen.rng);
	say(`storm: ${o.count} deliveries, ${o.concurrency} in flight, seed ${o.seed}`);
	const { ms } = await storm({
		url: url.trigger,
		count: o.count,
		concurrency: o.concurrency,
		make: (i) => gen.make(names[i]),
		onAnswer: (d, a) => {
			expectOf.set(d.kind, d.expect);
			table.add(d.kind, a, judge(d, a));
		},
	});
	const executions = await settledExecutions(n8n, wf.TRIGGER_WORKFLOW_ID);
	for (const e of executions) table.addRun(String(triggerItem(e)?.fuzz_kind ?? 'unattributed'));
	for (const line of table.format()) say(line);
	const rows = [...table.rows];
	const bad = rows.reduce((n, [, r]) => n + r.bad, 0);
	const refusedRuns = rows.filter(([k, r]) => expectOf.get(k) !== 'signed' && r.runs > 0);
	const failed = executions.filter((e) => e.status === 'error' || e.status === 'crashed');
	say(`deliveries/s: ${((o.count / ms) * 1000).toFixed(0)} (${(ms / 1000).toFixed(1)} s)`);
	ok(`every delivery answered as expected (401/413 from the node, or n8n's own refusal)`, !bad, {
		bad: rows.filter(([, r]) => r.bad).map(([k, r]) => ({ k, examples: r.examples })),
	});
	ok('0 workflow runs from unverified deliveries', refusedRuns.length === 0, refusedRuns);
	ok('0 failed executions', failed.length === 0, failed.slice(0, 3));

	// The oversize finding: n8n reads and parses the body (N8N_PAYLOAD_SIZE_MAX) before any node runs,
	// so n8n's own Webhook node gets the same answer to a body over the limit as the CCPayment Trigger.
	const big = gen.make('oversize');
	while (big.bytes <= 16 * 1024 * 1024) Object.assign(big, gen.make('oversize'));
	const agent = new http.Agent();
	const [viaTrigger, viaPlain] = [
		await post(url.trigger, big, agent),
		await post(url.plain, big, agent),
	];
	const same = viaTrigger.status === viaPlain.status && viaTrigger.text === viaPlain.text;
	say(
		`${(big.bytes / 1048576).toFixed(0)} MiB body: CCPayment Trigger -> ${viaTrigger.status} ${viaTrigger.text.slice(0, 90)}; plain Webhook node -> ${viaPlain.status} ${viaPlain.text.slice(0, 90)}`,
	);
	ok(
		"a body over N8N_PAYLOAD_SIZE_MAX gets n8n's answer, identical for the plain Webhook node",
		same,
		{
			viaTrigger,
			viaPlain,
		},
	);

	// Alive, and valid deliveries still run exactly once each.
	const alive = await request('GET', `${n8n.base}/healthz`).then(
		(r) => r.status === 200,
		() => false,
	);
	ok('n8n alive after the storm', alive);
	const before = executions.length;
	/** @type {string[]} */
	const ids = [];
	for (let i = 0; i < 5; i++) {
		const d = gen.valid('after-storm');
		ids.push(JSON.parse(d.body.toString()).record_id);
		const a = await post(url.trigger, d, agent);
		ok(`valid delivery ${i + 1} after the storm answered 200`, a.status === 200, a);
	}
	const after = await settledExecutions(n8n, wf.TRIGGER_WORKFLOW_ID, before + 5);
	const ran = ids.map((id) => after.filter((e) => triggerItem(e)?.record_id === id).length);
	say(`valid deliveries after the storm: runs per delivery ${ran.join(', ')}`);
	ok(
		'the 5 valid deliveries after the storm each ran exactly once',
		ran.every((n) => n === 1),
	);

	// Throughput of valid deliveries: trigger vs plain Webhook node, same n8n, same concurrency,
	// interleaved so background load hits both alike. Printed, never asserted.
	const bench = { trigger: [0, 0], plain: [0, 0] };
	for (let round = 0; round < 2; round++) {
		for (const which of /** @type {const} */ (['trigger', 'plain'])) {
			const r = await rate(url[which], o.benchCount, 8, gen, `bench-${which}`);
			bench[which][0] += r.perSec / 2;
			bench[which][1] += r.good;
		}
	}
	const ratio = bench.trigger[0] / bench.plain[0];
	say(
		`throughput (valid deliveries, 8 in flight, ${2 * o.benchCount} each): CCPayment Trigger ${bench.trigger[0].toFixed(1)}/s, plain Webhook ${bench.plain[0].toFixed(1)}/s (trigger at ${(ratio * 100).toFixed(0)}%)`,
	);
	ok(
		'every benchmark delivery answered 200',
		bench.trigger[1] + bench.plain[1] === 4 * o.benchCount,
	);
	say(`n8n peak RSS: ${peakRssMib(n8n.pid) ?? '?'} MiB`);

	if (o.proveLimit) {
		// Same n8n, limit raised: the very same body now reaches the node, which refuses it itself.
		await n8n.stop();
		process.env.N8N_PAYLOAD_SIZE_MAX = '32';
		try {
			await n8n.start({ ready, timeoutMs: 300000 });
		} finally {
			delete process.env.N8N_PAYLOAD_SIZE_MAX;
		}
		const runsBefore = (await n8n.executions(wf.TRIGGER_WORKFLOW_ID)).length;
		const raised = await post(url.trigger, big, agent);
		const runsAfter = (await settledExecutions(n8n, wf.TRIGGER_WORKFLOW_ID)).length;
		say(
			`with N8N_PAYLOAD_SIZE_MAX=32 the same body -> ${raised.status} ${raised.text.slice(0, 60)}`,
		);
		ok(
			'with N8N_PAYLOAD_SIZE_MAX raised, the same body reaches the node and gets its 401, no run',
			raised.status === 401 &&
				raised.contentType.startsWith('text/plain') &&
				runsAfter === runsBefore,
			raised,
		);
	}
	agent.destroy();
	await n8n.stop();
	await simulator.stop();
}

module.exports = { fuzzVersion };
