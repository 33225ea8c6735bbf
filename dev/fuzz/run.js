// @ts-check
'use strict';
/**
 * One fuzz run against one real n8n: a storm on the active CCPayment Trigger of each API version,
 * then the checks (answers, runs per kind, failed executions, 5xx, n8n alive, valid deliveries after
 * the storm), the oversize-body finding and the trigger-vs-Webhook-node benchmark. Prints its figures; the caller
 * counts the checks.
 */
const fs = require('fs');
const path = require('path');
const { N8nInstance } = require('../e2e/lib/n8n');
const { installIntoUserFolder } = require('../e2e/lib/pkg');
const { freePort, request } = require('../e2e/lib/http');
const sim = require('../e2e/lib/sim');
const wf = require('./workflows');
const { generator, schedule } = require('./cases');
const { PROFILES } = require('./profiles');
const { judge, isXmlTyped, Table } = require('./classify');
const { post, storm } = require('./send');
const { measure, format } = require('./bench');
const { procMemory } = require('../perf/common');
const http = require('http');

/** @typedef {(label: string, cond: boolean, detail?: unknown) => boolean} Ok */

/** Peak resident memory of a process so far (VmHWM), in MiB. @param {number | undefined} pid */
function peakRssMib(pid) {
	const kb = pid === undefined ? undefined : procMemory(pid)?.hwmKb;
	return kb === undefined ? undefined : Math.round(kb / 1024);
}

/** The trigger's output item of an execution. @param {any} e */
const triggerItem = (e) =>
	e.data?.resultData?.runData?.[wf.TRIGGER_NODE]?.[0]?.data?.main?.[0]?.[0]?.json;

/** A well-formed XML body, and the malformed one that leaves n8n's shared XML parser stuck. */
const XML_OK = {
	headers: { 'content-type': 'application/xml' },
	body: Buffer.from('<ping>1</ping>'),
};
const XML_STUCK = {
	headers: { 'content-type': 'application/xml' },
	body: Buffer.from('<a>1</a><b>'),
};
/** n8n answers an XML body at once unless its parser is stuck; waiting longer only slows the storm. */
const XML_WAIT_MS = 15000;

/**
 * Whether n8n's own XML reader is stuck: the plain Webhook node (no credential, no CCPayment code)
 * gets no answer to a well-formed XML body.
 * @param {N8nInstance} n8n @param {http.Agent} agent
 */
async function xmlReaderStuck(n8n, agent) {
	const a = await post(wf.url(n8n.base, 'plain'), XML_OK, agent, XML_WAIT_MS);
	return { stuck: !!a.error, answer: a };
}

/** The other merchant a wrongly signed v2 delivery comes from (valid format, not the credential). */
const OTHER_V2 = { appId: 'SimV2AppId000002', appSecret: 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5' };

/**
 * The storm against one API version's trigger, and its checks.
 * @param {{ n8n: N8nInstance, api: 'v1' | 'v2', gen: ReturnType<typeof generator>, count: number,
 *   concurrency: number, ok: Ok, say: (line: string) => void }} o
 */
async function stormOne({ n8n, api, gen, count, concurrency, ok, say }) {
	const id = wf.spec(api).id;
	const table = new Table();
	/** @type {Map<string, 'refuse' | 'signed'>} */
	const expectOf = new Map();
	const names = schedule(count, gen.rng);
	say(`${api} trigger storm: ${count} deliveries, ${concurrency} in flight`);
	/** @type {Array<[import('./cases').Delivery, import('./classify').Answer]>} */
	const xmlUnanswered = [];
	const { ms } = await storm({
		url: wf.url(n8n.base, api),
		count,
		concurrency,
		make: (i) => gen.make(names[i]),
		timeoutMs: (d) => (isXmlTyped(d.headers) ? XML_WAIT_MS : 60000),
		onAnswer: (d, a) => {
			expectOf.set(d.kind, d.expect);
			// Judged after the storm, once it is known whether n8n's XML reader itself is stuck.
			if (a.error && isXmlTyped(d.headers)) xmlUnanswered.push([d, a]);
			else table.add(d.kind, a, judge(d, a));
		},
	});
	if (xmlUnanswered.length) {
		const agent = new http.Agent();
		const probe = await xmlReaderStuck(n8n, agent);
		agent.destroy();
		say(
			`${api}: ${xmlUnanswered.length} XML-typed deliveries got no answer; n8n's plain Webhook node, sent well-formed XML now: ${probe.stuck ? `no answer either (n8n's XML reader is stuck)` : `HTTP ${probe.answer.status}`}`,
		);
		for (const [d, a] of xmlUnanswered)
			table.add(d.kind, a, judge(d, a, { xmlReaderStuck: probe.stuck }));
	}
	const executions = await n8n.settledExecutions(id, 0, { timeoutMs: 60000 });
	for (const e of executions) table.addRun(String(triggerItem(e)?.fuzz_kind ?? 'unattributed'));
	for (const line of table.format()) say(line);
	const rows = [...table.rows];
	const refusedRuns = rows.filter(([k, r]) => expectOf.get(k) !== 'signed' && r.runs > 0);
	const failed = executions.filter((e) => e.status === 'error' || e.status === 'crashed');
	const fiveXx = rows.reduce(
		(n, [k, r]) => n + (k === 'oversize' ? 0 : (r.statuses['500'] ?? 0)),
		0,
	);
	say(`${api}: ${((count / ms) * 1000).toFixed(0)} deliveries/s (${(ms / 1000).toFixed(1)} s)`);
	ok(
		`${api}: every delivery answered as expected (401/413 from the node, or n8n's own refusal)`,
		!rows.some(([, r]) => r.bad),
		{
			bad: rows.filter(([, r]) => r.bad).map(([k, r]) => ({ k, examples: r.examples })),
		},
	);
	ok(`${api}: 0 workflow runs from unverified deliveries`, refusedRuns.length === 0, refusedRuns);
	ok(`${api}: 0 failed executions`, failed.length === 0, failed.slice(0, 3));
	ok(`${api}: 0 5xx answers below n8n's payload limit`, fiveXx === 0);
}

/**
 * Five valid deliveries after the storm: each answered 200 and run exactly once.
 * @param {{ n8n: N8nInstance, api: 'v1' | 'v2', gen: ReturnType<typeof generator>, agent: http.Agent, ok: Ok, say: (line: string) => void }} o
 */
async function afterStorm({ n8n, api, gen, agent, ok, say }) {
	const id = wf.spec(api).id;
	const before = (await n8n.executions(id)).length;
	/** @type {unknown[]} */
	const ids = [];
	for (let i = 0; i < 5; i++) {
		const d = gen.valid('after-storm');
		ids.push(gen.recordId(JSON.parse(d.body.toString())));
		const a = await post(wf.url(n8n.base, api), d, agent);
		ok(`${api}: valid delivery ${i + 1} after the storm answered 200`, a.status === 200, a);
	}
	const after = await n8n.settledExecutions(id, before + 5, { timeoutMs: 60000 });
	const ran = ids.map((r) => after.filter((e) => gen.recordId(triggerItem(e)) === r).length);
	say(`${api}: valid deliveries after the storm, runs per delivery: ${ran.join(', ')}`);
	ok(
		`${api}: the 5 valid deliveries after the storm each ran exactly once`,
		ran.every((n) => n === 1),
	);
}

/**
 * @param {{ runtime: import('../e2e/lib/install').RuntimeInfo, pack: any, dir: string, npmCache: string,
 *   count: number, concurrency: number, benchCount: number, benchRounds: number, proveLimit: boolean,
 *   cpuProfDir?: string,
 *   seed: number, ok: Ok, say: (line: string) => void, onStarted: (stop: () => Promise<unknown>) => void }} o
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
		// Written when n8n exits: where the CPU time of the storms and the benchmark goes.
		nodeArgs: o.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${o.cpuProfDir}`] : [],
	});
	o.onStarted(async () => {
		await n8n.stop();
		await simulator.stop();
	});
	await installIntoUserFolder(userFolder, o.pack, o.npmCache);
	const files = wf.write(o.dir, {
		simUrl: simulator.url,
		merchant: simulator.merchant,
		v2Merchant: simulator.v2Merchant,
	});
	await n8n.importCredentials(files.credentials);
	await n8n.importWorkflowsFromDir(files.workflowsDir);
	for (const s of wf.SPECS) await n8n.activate(s.id);
	const ready = async () =>
		(await request('POST', wf.url(n8n.base, 'v1'), { body: '{}', timeoutMs: 10000 })).status ===
		401;
	// Generous: CI's 2 cores may be busy with other suites.
	await n8n.start({ ready, timeoutMs: 300000 });
	await n8n.setupOwner();
	await n8n.createApiKey();

	const gens = {
		v1: generator({
			profile: PROFILES.v1,
			merchant: simulator.merchant,
			other: sim.otherMerchant(simulator),
			seed: o.seed,
		}),
		v2: generator({
			profile: PROFILES.v2,
			merchant: simulator.v2Merchant,
			other: OTHER_V2,
			seed: o.seed + 1,
		}),
	};
	for (const api of /** @type {const} */ (['v1', 'v2']))
		await stormOne({
			n8n,
			api,
			gen: gens[api],
			count: o.count,
			concurrency: o.concurrency,
			ok,
			say,
		});

	// The oversize finding: n8n reads and parses the body (N8N_PAYLOAD_SIZE_MAX) before any node runs,
	// so n8n's own Webhook node gets the same answer to a body over the limit as the CCPayment Trigger.
	const gen = gens.v1;
	const big = gen.make('oversize');
	while (big.bytes <= 16 * 1024 * 1024) Object.assign(big, gen.make('oversize'));
	const agent = new http.Agent();
	const viaTrigger = await post(wf.url(n8n.base, 'v1'), big, agent);
	const viaPlain = await post(wf.url(n8n.base, 'plain'), big, agent);
	// Judged like every storm delivery: n8n may answer 500 or 413, or close the socket mid-upload.
	const limitAnswer = (/** @type {any} */ a) =>
		judge({ expect: 'refuse', bytes: big.bytes }, a).by === 'n8n-limit';
	const same = limitAnswer(viaTrigger) && limitAnswer(viaPlain);
	say(
		`${(big.bytes / 1048576).toFixed(0)} MiB body: CCPayment Trigger -> ${viaTrigger.status || viaTrigger.error} ${viaTrigger.text.slice(0, 90)}; plain Webhook node -> ${viaPlain.status || viaPlain.error} ${viaPlain.text.slice(0, 90)}`,
	);
	ok(
		"a body over N8N_PAYLOAD_SIZE_MAX gets n8n's payload-limit answer, as the plain Webhook node does",
		same,
		{ viaTrigger, viaPlain },
	);

	// The XML finding: after one malformed XML body n8n's shared XML parser never finishes again, so
	// XML-typed requests to any webhook get no answer; JSON deliveries (all CCPayment sends) are
	// unaffected, which the valid deliveries below prove.
	if (!(await xmlReaderStuck(n8n, agent)).stuck)
		await post(wf.url(n8n.base, 'plain'), XML_STUCK, agent, XML_WAIT_MS);
	const [xmlPlain, xmlTrigger] = await Promise.all([
		post(wf.url(n8n.base, 'plain'), XML_OK, agent, XML_WAIT_MS),
		post(wf.url(n8n.base, 'v1'), XML_OK, agent, XML_WAIT_MS),
	]);
	const xmlSaid = (/** @type {any} */ a) => (a.error ? 'no answer' : `HTTP ${a.status}`);
	say(
		`XML after the body ${XML_STUCK.body} was sent: plain Webhook node -> ${xmlSaid(xmlPlain)}; CCPayment Trigger -> ${xmlSaid(xmlTrigger)}`,
	);
	ok(
		'an XML body after a malformed one: the trigger gets the same answer as the plain Webhook node (n8n reads XML before any node runs)',
		!!xmlPlain.error === !!xmlTrigger.error,
		{ xmlPlain, xmlTrigger },
	);

	const alive = await request('GET', `${n8n.base}/healthz`).then(
		(r) => r.status === 200,
		() => false,
	);
	ok('n8n alive after the storms', alive);
	for (const api of /** @type {const} */ (['v1', 'v2']))
		await afterStorm({ n8n, api, gen: gens[api], agent, ok, say });
	say(`n8n peak RSS after the storms: ${peakRssMib(n8n.pid) ?? '?'} MiB`);

	if (o.benchCount > 0) {
		const token = { [wf.HEADER_AUTH.name]: wf.HEADER_AUTH.value };
		/** @type {Array<[string, 'v1' | 'v2', Record<string, string>]>} */
		const plan = [
			['plain', 'v1', {}],
			['plain-auth', 'v1', token],
			['v1', 'v1', {}],
			['v1-no-dedup', 'v1', {}],
			['v1-store-read', 'v1', {}],
			['v2-no-fetch', 'v2', {}],
			['v2', 'v2', {}],
		];
		const targets = plan.map(([key, api, extra]) => ({
			key,
			url: wf.url(n8n.base, key),
			make: () => {
				const d = gens[api].valid(`bench-${key}`);
				return { ...d, headers: { ...d.headers, ...extra } };
			},
		}));
		const figures = await measure({
			targets,
			count: o.benchCount,
			rounds: o.benchRounds,
			concurrency: 8,
			pid: n8n.pid,
		});
		say(
			`throughput of valid deliveries (8 in flight, ${o.benchRounds} interleaved rounds of ${o.benchCount}; duplicate stores full):`,
		);
		for (const line of format(figures, 'plain')) say(`  ${line}`);
		ok(
			'every benchmark delivery answered 200',
			figures.every((f) => f.good === f.sent),
			figures.map((f) => `${f.key} ${f.good}/${f.sent}`),
		);
	}
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
		const id = wf.spec('v1').id;
		const runsBefore = (await n8n.executions(id)).length;
		const raised = await post(wf.url(n8n.base, 'v1'), big, agent);
		const runsAfter = (await n8n.settledExecutions(id, 0, { timeoutMs: 60000 })).length;
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
