// @ts-check
'use strict';
/**
 * Every v2 operation in real n8n: one workflow (Manual Trigger, then every step of the catalogue in
 * dev/v2-operations.js as a CCPayment node, version 2, with a CCPayment V2 API credential) run with
 * `n8n execute` against the simulator's v2 merchant. Per step it proves: the node ran without an
 * error, its items pass the step's check, and the simulator's request log (`GET /__sim/requests`)
 * holds exactly the requests the step must make, byte for byte, each signed over those bytes and
 * answered with success. Nothing else reached the simulator during the run.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { ACTION_TYPE } = require('../fixtures');
const { request } = require('../lib/http');
const { prepare, steps, bodyOf } = require('../../v2-operations');

const WORKFLOW_ID = 'ccpE2eV2AllOps01';
const CREDENTIAL = { id: 'ccpE2eCredV2Ops1', name: 'CCPayment V2 (every operation)' };

/**
 * The workflow: Start, then every step in order, each running once on its input's first item and
 * passing an empty item on when it returns none (so a list that is empty does not stop the chain).
 * @param {ReturnType<typeof steps>} list
 */
function workflow(list) {
	const nodes = [
		{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
		...list.map((s) => ({
			name: s.name,
			type: ACTION_TYPE,
			typeVersion: 2,
			parameters: { apiVersion: 'v2', ...s.parameters },
			credentials: { ccPaymentV2Api: CREDENTIAL },
			executeOnce: s.executeOnce,
			alwaysOutputData: true,
		})),
	].map((node, i) => ({
		id: `e2e0a110-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`,
		position: [200 * i, 0],
		...node,
	}));
	/** @type {Record<string, any>} */
	const connections = {};
	for (let i = 0; i + 1 < nodes.length; i++)
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return {
		id: WORKFLOW_ID,
		name: 'E2E v2 every operation',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes,
		connections,
		pinData: {},
	};
}

/** The simulator's request log after entry `sinceId`. @param {string} url @param {number} sinceId */
async function requestsSince(url, sinceId) {
	const res = await request('GET', `${url}/__sim/requests${sinceId ? `?since_id=${sinceId}` : ''}`);
	return /** @type {any[]} */ (res.json?.requests ?? []);
}

/** The credential the workflow uses, as an n8n import file. @param {string} file @param {any} sim */
function writeCredential(file, sim) {
	const { appId, appSecret } = sim.v2Merchant;
	fs.writeFileSync(
		file,
		JSON.stringify([
			{ ...CREDENTIAL, type: 'ccPaymentV2Api', data: { appId, appSecret, baseUrl: sim.url } },
		]),
	);
}

/** The newest request log ID, so a run's own requests can be told apart. @param {string} simUrl */
async function lastRequestId(simUrl) {
	const last = (await request('GET', `${simUrl}/__sim/requests?limit=1`)).json?.requests ?? [];
	return last.length ? Number(last[0].id) : 0;
}

/**
 * Prepares the simulator, imports and executes the workflow, and checks every step.
 * @param {{ n8n: import('../lib/n8n').N8nInstance, sim: any, ok: (label: string, cond: boolean, detail?: unknown) => boolean, dir: string, tag: string }} o
 */
async function run(o) {
	const ctx = await prepare(o.sim.url, `ops${o.tag.replace(/\D/g, '')}${Date.now().toString(36)}`);
	const list = steps(ctx);
	const dir = fs.mkdtempSync(path.join(o.dir, 'v2-operations-'));
	const credentials = path.join(dir, 'credentials.json');
	writeCredential(credentials, o.sim);
	fs.mkdirSync(path.join(dir, 'workflows'));
	fs.writeFileSync(
		path.join(dir, 'workflows', 'v2-operations.json'),
		JSON.stringify(workflow(list)),
	);
	await o.n8n.importCredentials(credentials);
	await o.n8n.importWorkflowsFromDir(path.join(dir, 'workflows'));

	const sinceId = await lastRequestId(o.sim.url);
	const r = await o.n8n.execute(WORKFLOW_ID);
	const status = r.status;
	o.ok(
		`v2 every operation: the ${list.length}-step workflow finished (status success)`,
		status === 'success',
		{ exit: r.code, status, tail: (r.stdout + r.stderr).split('\n').slice(-20).join('\n') },
	);
	await checkSteps({ sim: o.sim, ok: o.ok, list, execution: r.result, sinceId });
}

/**
 * Checks every step of one finished execution of the workflow against the simulator's request log
 * after `sinceId`: ran without error, exact bytes, signed, answered with success, the step's check;
 * and nothing else reached the simulator.
 * @param {{ sim: any, ok: (label: string, cond: boolean, detail?: unknown) => boolean, list: ReturnType<typeof steps>, execution: any, sinceId: number }} o
 */
async function checkSteps(o) {
	const { appId, appSecret } = o.sim.v2Merchant;
	const { list } = o;
	const runData = o.execution?.data?.resultData?.runData ?? {};
	const received = await requestsSince(o.sim.url, o.sinceId);
	/** @param {any} entry */
	const signed = (entry) =>
		entry.headers?.appid === appId &&
		entry.headers?.sign ===
			crypto
				.createHmac('sha256', appSecret)
				.update(`${appId}${entry.headers.timestamp}${entry.rawBody}`)
				.digest('hex');

	let at = 0;
	let previous = {};
	for (const s of list) {
		const task = runData[s.name]?.[0];
		/** @type {any[]} */
		const raw = (task?.data?.main?.[0] ?? []).map((/** @type {any} */ item) => item.json);
		// An empty item stands for "no items" (alwaysOutputData).
		const items = raw.length === 1 && Object.keys(raw[0] ?? {}).length === 0 ? [] : raw;
		const expected = [...s.before, { endpoint: s.endpoint, body: bodyOf(s, previous) }].map(
			(e) => `/ccpayment/v2/${e.endpoint} ${e.body ?? ''}`,
		);
		const mine = received.slice(at, at + expected.length);
		at += expected.length;
		const sent = mine.map((e) => `${e.path} ${e.rawBody}`);
		const problem = !task
			? 'did not run'
			: task.error
				? `error: ${task.error.message}`
				: JSON.stringify(sent) !== JSON.stringify(expected)
					? `sent ${JSON.stringify(sent)}, expected ${JSON.stringify(expected)}`
					: !mine.every((e) => signed(e) && e.response?.code === 10000)
						? `unsigned or refused: ${JSON.stringify(mine.map((e) => e.response))}`
						: s.check(items);
		o.ok(
			`v2 ${s.parameters.resource} > ${s.parameters.operation} (${s.name}): exact bytes, signed, checked`,
			problem === null,
			problem,
		);
		previous = raw[0] ?? {};
	}
	o.ok(
		'v2 every operation: no other request reached the simulator during the run',
		received.length === at,
		received.slice(at).map((e) => `${e.path} ${e.rawBody}`),
	);
}

module.exports = {
	run,
	checkSteps,
	workflow,
	writeCredential,
	lastRequestId,
	WORKFLOW_ID,
	CREDENTIAL,
};
