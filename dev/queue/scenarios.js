// @ts-check
'use strict';
/**
 * What the queue-mode suite proves on one running topology (dev/queue/topology.js). The e2e scenarios are
 * reused with main's public API for executions and the webhook processor's URLs for deliveries; every
 * run must name a worker (the workflows record `$env.CCPAYMENT_QUEUE_PROCESS`).
 */
const { request } = require('../e2e/lib/http');
const sim = require('../e2e/lib/sim');
const { apiDepositBody } = require('../e2e/scenarios/deliveries');
const fixtures = require('../e2e/fixtures');
const wf = require('./workflows');
const { dedupFigures } = require('./figures');

/** @typedef {(label: string, cond: boolean, detail?: unknown) => boolean} Ok */
/** @typedef {import('./topology').QueueTopology} QueueTopology */

/**
 * n8n.execute() for the e2e action scenario: the run is started through the webhook processor and
 * read back from main, so the scenario's item checks apply to a run a worker executed.
 * @param {QueueTopology} topo
 */
function workerExecutor(topo) {
	return {
		/** @param {string} _id */
		async execute(_id) {
			const before = (await topo.main.executions(wf.ACTION_WORKFLOW_ID)).length;
			const res = await request('POST', `${topo.webhook.base}/webhook/${wf.ACTION_PATH}`, {
				body: {},
			});
			if (res.status !== 200)
				return {
					code: 1,
					status: undefined,
					result: undefined,
					stdout: res.text,
					stderr: '',
					ms: 0,
				};
			const list = await topo.main.settledExecutions(wf.ACTION_WORKFLOW_ID, before + 1, {
				timeoutMs: 180000,
			});
			const status = list[0]?.status ?? (list[0]?.finished ? 'success' : undefined);
			return { code: 0, status, result: list[0], stdout: '', stderr: '', ms: 0 };
		},
	};
}

/** @param {QueueTopology} topo */
const workerNames = (topo) => topo.workers.map((w) => w.name);

/**
 * @param {{ topo: QueueTopology, ok: Ok, checks: import('../e2e/lib/report').Checks, tag: string, simulator: any }} ctx
 */
async function actionOnWorker({ topo, ok, checks, tag, simulator }) {
	const actionScenario = require('../e2e/scenarios/action');
	const exec = workerExecutor(topo);
	/** @type {any} */
	let execution;
	const adapter = {
		/** @param {string} id */
		execute: async (id) => {
			const r = await exec.execute(id);
			execution = r.result;
			return r;
		},
	};
	await actionScenario.run({ n8n: /** @type {any} */ (adapter), sim: simulator, ok, checks, tag });
	const where = wf.ranOn(execution, 'Ran on');
	ok(
		`every-operation run was executed by a worker (execution ${execution?.id} ran on ${where})`,
		workerNames(topo).includes(where),
		{
			ranOn: where,
			mode: execution?.mode,
		},
	);
}

/**
 * Every v2 operation (dev/v2-operations.js) in one run started through the webhook processor and
 * executed by a worker, checked step by step against the simulator's request log, as in the e2e.
 * @param {{ topo: QueueTopology, ok: Ok, simulator: any, list: ReturnType<typeof import('../v2-operations').steps> }} ctx
 */
async function v2ActionOnWorker({ topo, ok, simulator, list }) {
	const v2Operations = require('../e2e/scenarios/v2-operations');
	const before = (await topo.main.executions(wf.V2_ACTION_WORKFLOW_ID)).length;
	const sinceId = await v2Operations.lastRequestId(simulator.url);
	const res = await request('POST', `${topo.webhook.base}/webhook/${wf.V2_ACTION_PATH}`, {
		body: {},
	});
	const runs = await topo.main.settledExecutions(wf.V2_ACTION_WORKFLOW_ID, before + 1, {
		timeoutMs: 240000,
	});
	const execution = runs[0];
	const where = wf.ranOn(execution, 'Ran on');
	ok(
		`every v2 operation: started (${res.status}), succeeded (${execution?.status}) on a worker (${where})`,
		res.status === 200 && execution?.status === 'success' && workerNames(topo).includes(where),
		{ id: execution?.id, status: execution?.status, ranOn: where, mode: execution?.mode },
	);
	await v2Operations.checkSteps({ sim: simulator, ok, list, execution, sinceId });
}

/**
 * The e2e trigger scenario against the webhook processor, then: every run named a worker.
 * @param {{ topo: QueueTopology, ok: Ok, checks: import('../e2e/lib/report').Checks, tag: string, simulator: any, webhookUrl: string }} ctx
 */
async function triggerOnWebhookProcessor({ topo, ok, checks, tag, simulator, webhookUrl }) {
	const triggerScenario = require('../e2e/scenarios/trigger');
	await triggerScenario.run({ n8n: topo.main, sim: simulator, ok, checks, tag, webhookUrl });
	const list = await topo.main.settledExecutions(fixtures.TRIGGER_WORKFLOW_ID, 1, {
		timeoutMs: 60000,
	});
	const where = list.map((e) => wf.ranOn(e, 'Done'));
	const counts = countBy(where);
	ok(
		`every trigger run was executed by a worker (${Object.entries(counts)
			.map(([k, v]) => `${k}: ${v}`)
			.join(', ')})`,
		list.length > 0 && where.every((w) => workerNames(topo).includes(w)),
		counts,
	);
}

/**
 * The e2e v2 trigger scenario with the simulator's v2 webhooks going to the webhook processor (the
 * workflows are created and activated on main, which registers their webhooks in Postgres).
 * @param {{ topo: QueueTopology, ok: Ok, simulator: any }} ctx
 */
async function v2TriggerOnWebhookProcessor({ topo, ok, simulator }) {
	const v2Trigger = require('../e2e/scenarios/v2-trigger');
	await v2Trigger.run({ n8n: topo.main, sim: simulator, ok, webhookBase: topo.webhook.base });
}

/** @param {string[]} xs */
function countBy(xs) {
	/** @type {Record<string, number>} */
	const out = {};
	for (const x of xs) out[String(x)] = (out[String(x)] ?? 0) + 1;
	return out;
}

/**
 * The recipe under redeliveries, resends, 20 simultaneous copies and a webhook-processor restart:
 * each event's payment step must run exactly once. Returns the figures (per event: deliveries, runs the
 * trigger started, payment-step runs).
 * `variant` picks the workflow: the recipe as documented (trigger memory on) or with the trigger's
 * memory off, so Remove Duplicates alone has to hold against copies running on both workers at once.
 * @param {{ topo: QueueTopology, ok: Ok, tag: string, simulator: any, webhookReady: (base: string) => Promise<boolean>, variant: { id: string, webhookId: string } }} ctx
 */
async function dedupRecipe({ topo, ok, tag, simulator, webhookReady, variant }) {
	const url = `${topo.webhook.base}/webhook/${variant.webhookId}/webhook`;
	/** @type {string[]} */
	const sentIds = [];
	/** @type {Record<string, number>} deliveries per record_id */
	const sent = {};
	/** @param {string} body @param {number} copies */
	const send = async (body, copies) => {
		const recordId = JSON.parse(body).record_id;
		const r = await Promise.all(
			Array.from({ length: copies }, () =>
				sim.control(simulator, '/__sim/webhooks/send', { url, body }),
			),
		);
		for (const x of r) sentIds.push(x.delivery_id);
		sent[recordId] = (sent[recordId] ?? 0) + copies;
		await sim.waitDeliveries(
			simulator,
			(l) => sentIds.every((id) => l.some((d) => d.id === id && sim.settled(d))),
			{ what: `${copies} deliveries of ${recordId}`, timeoutMs: 60000 },
		);
	};
	const e1 = apiDepositBody();
	const e2 = apiDepositBody();
	const e3 = apiDepositBody();
	await send(e1, 1); // the event
	for (let i = 0; i < 3; i++) await send(e1, 1); // resent one by one
	await send(e2, 20); // 20 copies at once
	await send(e3, 1);
	await topo.main.settledExecutions(variant.id, 3, { timeoutMs: 60000 });
	const restartMs = await topo.restart('webhook-1', { webhookReady });
	ok(`webhook processor restarted (${(restartMs / 1000).toFixed(1)} s)`, true);
	await send(e1, 1); // redelivered after the restart
	await send(e2, 20); // 20 copies again, to a process that has forgotten everything in memory
	await send(e3, 5); // and a burst
	const log = await sim.get(simulator, '/__sim/webhooks');
	const mine = (log.deliveries ?? []).filter((/** @type {any} */ d) => sentIds.includes(d.id));
	ok(
		`[${tag}] all ${sentIds.length} deliveries acknowledged with 200`,
		mine.length === sentIds.length && mine.every((/** @type {any} */ d) => d.acked),
		mine
			.filter((/** @type {any} */ d) => !d.acked)
			.map((/** @type {any} */ d) => ({ id: d.id, state: d.state, attempts: d.attempts })),
	);
	const list = await topo.main.settledExecutions(variant.id, 3, { timeoutMs: 60000 });
	const figures = dedupFigures(list, {
		triggerNode: fixtures.TRIGGER_NODE,
		paymentNode: wf.PAYMENT_STEP,
		sent,
	});
	for (const f of figures.events) {
		ok(
			`${f.recordId.slice(0, 8)}...: ${f.deliveries} deliveries -> ${f.triggerRuns} run(s) past the trigger -> payment step ran exactly once`,
			f.paymentRuns === 1,
			f,
		);
	}
	ok(
		`every payment step ran on a worker (${JSON.stringify(figures.paymentRanOn)})`,
		Object.keys(figures.paymentRanOn).every((w) => workerNames(topo).includes(w)),
		figures.paymentRanOn,
	);
	ok(
		'no failed run',
		list.every((e) => e.status !== 'error' && e.status !== 'crashed'),
		list.filter((e) => e.status !== 'success').map((e) => ({ id: e.id, status: e.status })),
	);
	return figures;
}

module.exports = {
	actionOnWorker,
	v2TriggerOnWebhookProcessor,
	v2ActionOnWorker,
	triggerOnWebhookProcessor,
	dedupRecipe,
	workerNames,
	countBy,
};

/**
 * 1,000 reads as two parallel executions of 500 (Bull hands them to the workers), each with a share of
 * CCPayment's 100 requests/s per IP. Asserts every read was answered with no error item (refused
 * requests are retried); how many the simulator refused depends on timing, so it is a printed figure.
 * @param {{ topo: QueueTopology, ok: Ok, simulator: any, perExecutionRps: number }} ctx
 */
async function readBatch({ topo, ok, simulator, perExecutionRps }) {
	const before = (await topo.main.executions(wf.READS_WORKFLOW_ID)).length;
	await request('DELETE', `${simulator.url}/__sim/requests`);
	const started = Date.now();
	const answers = await Promise.all(
		[0, 1].map(() =>
			request('POST', `${topo.webhook.base}/webhook/${wf.READS_PATH}`, {
				body: { count: 500, rps: perExecutionRps },
			}),
		),
	);
	const list = (
		await topo.main.settledExecutions(wf.READS_WORKFLOW_ID, before + 2, { timeoutMs: 240000 })
	).slice(0, 2);
	const ms = Date.now() - started;
	const reqs = await sim.get(simulator, '/__sim/requests?path=get/network/height/info');
	const all = reqs.requests ?? [];
	const refused = all.filter((/** @type {any} */ r) => r.rateLimited).length;
	const items = list.map((e) =>
		(e.data?.resultData?.runData?.Read?.[0]?.data?.main?.[0] ?? []).map(
			(/** @type {any} */ it) => it.json,
		),
	);
	const failedItems = items.flat().filter((j) => j?.error || j?.code).length;
	const where = list.map((e) => wf.ranOn(e, 'Ran on'));
	const label = `2 x 500 reads at ${perExecutionRps}/s each`;
	ok(
		`${label}: both started (${answers.map((a) => a.status).join(', ')}), both succeeded on workers (${where.join(', ')})`,
		answers.every((a) => a.status === 200) &&
			list.length === 2 &&
			list.every((e) => e.status === 'success') &&
			where.every((w) => workerNames(topo).includes(w)),
		list.map((e) => ({ id: e.id, status: e.status, ranOn: wf.ranOn(e, 'Ran on') })),
	);
	const answered = all.length - refused;
	ok(`${label}: 1,000 reads answered, no error item`, answered === 1000 && failedItems === 0, {
		answered,
		failedItems,
	});
	return { perExecutionRps, requests: all.length, refused, seconds: ms / 1000, ranOn: where };
}

module.exports.readBatch = readBatch;
