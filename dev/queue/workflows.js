// @ts-check
'use strict';
/**
 * The workflows the queue-mode suite imports. Every one ends in a Set node that records
 * `$env.CCPAYMENT_QUEUE_PROCESS`, evaluated by whichever process executed the run, so the execution
 * record itself names the worker.
 */
const fixtures = require('../e2e/fixtures');
const { actionWorkflow } = require('../e2e/scenarios/action-workflow');
const v2Operations = require('../e2e/scenarios/v2-operations');
const { PROCESS_ENV } = require('./topology');

const ACTION_WORKFLOW_ID = 'ccpQueueActions1';
const ACTION_PATH = 'ccpayment-queue-actions';
const V2_ACTION_WORKFLOW_ID = 'ccpQueueV2Ops001';
const V2_ACTION_PATH = 'ccpayment-queue-v2-operations';
const DEDUP = { id: 'ccpQueueDedup001', webhookId: '0e2e0c1a-5b1d-4c0e-9a7f-ccba70e2e0d1' };
const DEDUP_NO_MEMORY = {
	id: 'ccpQueueDedup002',
	webhookId: '0e2e0c1a-5b1d-4c0e-9a7f-ccba70e2e0d2',
};
const RAN_ON = 'ranOn';
const PAYMENT_STEP = 'Payment step';
const READS_WORKFLOW_ID = 'ccpQueueReads001';
const READS_PATH = 'ccpayment-queue-reads';

const settings = {
	executionOrder: 'v1',
	saveDataSuccessExecution: 'all',
	saveDataErrorExecution: 'all',
};

/**
 * A Set node recording where it ran (plus optional extra string fields).
 * @param {string} id @param {string} name @param {[number, number]} position @param {Record<string, string>} [extra]
 */
function ranOnNode(id, name, position, extra = {}) {
	const fields = { [RAN_ON]: `={{ $env.${PROCESS_ENV} }}`, ...extra };
	return {
		id,
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position,
		parameters: {
			assignments: {
				assignments: Object.entries(fields).map(([n, value], i) => ({
					id: `${id.slice(0, -2)}${String(i).padStart(2, '0')}`,
					name: n,
					value,
					type: 'string',
				})),
			},
			options: {},
		},
	};
}

/**
 * @param {string} id @param {string} name @param {string} pathName @param {string} webhookId
 * @param {[number, number]} position
 */
function webhookNode(id, name, pathName, webhookId, position) {
	return {
		id,
		name,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position,
		webhookId,
		parameters: { httpMethod: 'POST', path: pathName, responseMode: 'onReceived', options: {} },
	};
}

/** The e2e every-operation workflow, started by a production webhook (so a worker runs it). */
function actionQueueWorkflow() {
	const wf = actionWorkflow({
		id: ACTION_WORKFLOW_ID,
		type: fixtures.ACTION_TYPE,
		credentials: {
			[fixtures.CREDENTIAL_TYPE]: { id: fixtures.CREDENTIAL_ID, name: fixtures.CREDENTIAL_NAME },
		},
	});
	wf.name = 'Queue: every operation on a worker';
	wf.settings = settings;
	wf.nodes[0] = webhookNode(
		wf.nodes[0].id,
		'Start',
		ACTION_PATH,
		'0e2e0c1a-5b1d-4c0e-9a7f-ccba70e2e0a1',
		[0, 0],
	);
	const last = wf.nodes[wf.nodes.length - 1];
	wf.nodes.push(
		ranOnNode('a0e2e000-0000-4000-8000-0000000000ff', 'Ran on', [last.position[0] + 220, 0]),
	);
	wf.connections[last.name] = { main: [[{ node: 'Ran on', type: 'main', index: 0 }]] };
	return wf;
}

/**
 * The e2e workflow of every v2 operation (dev/v2-operations.js), started by a production webhook so
 * a worker runs it, ending in a node that records the process.
 * @param {ReturnType<typeof import('../v2-operations').steps>} list
 */
function v2ActionQueueWorkflow(list) {
	const wf = v2Operations.workflow(list);
	wf.id = V2_ACTION_WORKFLOW_ID;
	wf.name = 'Queue: every v2 operation on a worker';
	wf.settings = settings;
	const start = webhookNode(
		wf.nodes[0].id,
		'Start',
		V2_ACTION_PATH,
		'0e2e0c1a-5b1d-4c0e-9a7f-ccba70e2e0a2',
		[0, 0],
	);
	/** @type {any[]} */ (wf.nodes)[0] = start;
	const last = wf.nodes[wf.nodes.length - 1];
	/** @type {any[]} */ (wf.nodes).push(
		ranOnNode('a0e2e000-0000-4000-8000-0000000002ff', 'Ran on', [last.position[0] + 220, 0]),
	);
	wf.connections[last.name] = { main: [[{ node: 'Ran on', type: 'main', index: 0 }]] };
	return wf;
}

/** The e2e trigger workflow with its last node recording the process. */
function triggerQueueWorkflow() {
	const wf = fixtures.triggerWorkflow();
	wf.name = 'Queue: trigger on the webhook processor';
	wf.nodes[1] = ranOnNode(wf.nodes[1].id, 'Done', [220, 0]);
	return wf;
}

/**
 * The documented recipe: CCPayment Trigger -> Remove Duplicates (v2, items processed in previous
 * executions, keyed on ccpayment.dedupKey) -> the payment step. Same shape as
 * examples/queue-mode-dedup.json.
 */
function dedupWorkflow({ triggerMemory = true } = {}) {
	const v = triggerMemory ? DEDUP : DEDUP_NO_MEMORY;
	return {
		id: v.id,
		name: triggerMemory ? 'Queue: dedup recipe' : 'Queue: dedup recipe, trigger memory off',
		active: false,
		settings,
		nodes: [
			{
				id: '7b0e2e00-0000-4000-8000-0000000000d1',
				name: fixtures.TRIGGER_NODE,
				type: fixtures.TRIGGER_TYPE,
				typeVersion: 1,
				position: [0, 0],
				webhookId: v.webhookId,
				parameters: triggerMemory ? {} : { options: { ignoreDuplicates: false } },
				credentials: {
					[fixtures.CREDENTIAL_TYPE]: {
						id: fixtures.CREDENTIAL_ID,
						name: fixtures.CREDENTIAL_NAME,
					},
				},
			},
			{
				id: '7b0e2e00-0000-4000-8000-0000000000d2',
				name: 'Remove Duplicates',
				type: 'n8n-nodes-base.removeDuplicates',
				typeVersion: 2,
				position: [220, 0],
				parameters: {
					operation: 'removeItemsSeenInPreviousExecutions',
					dedupeValue: '={{ $json.ccpayment.dedupKey }}',
					options: {},
				},
			},
			ranOnNode('7b0e2e00-0000-4000-8000-0000000000d3', PAYMENT_STEP, [440, 0], {
				dedupKey: '={{ $json.ccpayment.dedupKey }}',
			}),
		],
		connections: {
			[fixtures.TRIGGER_NODE]: { main: [[{ node: 'Remove Duplicates', type: 'main', index: 0 }]] },
			'Remove Duplicates': { main: [[{ node: PAYMENT_STEP, type: 'main', index: 0 }]] },
		},
		pinData: {},
	};
}

/**
 * A batch of reads: the webhook body's `count` becomes that many items, each read by Coin > Get Many
 * (one request per item), then the process is recorded.
 */
function readsWorkflow() {
	return {
		id: READS_WORKFLOW_ID,
		name: 'Queue: batch of reads',
		active: false,
		settings,
		nodes: [
			webhookNode(
				'7b0e2e00-0000-4000-8000-0000000000e1',
				'Start',
				READS_PATH,
				'0e2e0c1a-5b1d-4c0e-9a7f-ccba70e2e0e1',
				[0, 0],
			),
			{
				id: '7b0e2e00-0000-4000-8000-0000000000e2',
				name: 'Items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: {
					jsCode:
						'const { count, rps } = $input.first().json.body;\nreturn Array.from({ length: Number(count) }, (_, i) => ({ json: { i, rps: Number(rps) } }));',
				},
			},
			{
				id: '7b0e2e00-0000-4000-8000-0000000000e3',
				name: 'Read',
				type: fixtures.ACTION_TYPE,
				typeVersion: 1,
				position: [440, 0],
				parameters: {
					resource: 'blockchain',
					operation: 'getBlockHeights',
					// Each execution gets its share of the per-IP limit; n8n cannot share one limiter across workers.
					options: { maxRequestsPerSecond: '={{ $json.rps }}', maxConcurrentRequests: 20 },
				},
				credentials: {
					[fixtures.CREDENTIAL_TYPE]: {
						id: fixtures.CREDENTIAL_ID,
						name: fixtures.CREDENTIAL_NAME,
					},
				},
			},
			ranOnNode('7b0e2e00-0000-4000-8000-0000000000e4', 'Ran on', [660, 0]),
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Read', type: 'main', index: 0 }]] },
			Read: { main: [[{ node: 'Ran on', type: 'main', index: 0 }]] },
		},
		pinData: {},
	};
}

/** The process named by a run's node (first item). @param {any} execution @param {string} node */
function ranOn(execution, node) {
	return execution?.data?.resultData?.runData?.[node]?.[0]?.data?.main?.[0]?.[0]?.json?.[RAN_ON];
}

module.exports = {
	actionQueueWorkflow,
	v2ActionQueueWorkflow,
	V2_ACTION_WORKFLOW_ID,
	V2_ACTION_PATH,
	triggerQueueWorkflow,
	dedupWorkflow,
	readsWorkflow,
	ranOn,
	ACTION_WORKFLOW_ID,
	ACTION_PATH,
	DEDUP,
	DEDUP_NO_MEMORY,
	READS_WORKFLOW_ID,
	READS_PATH,
	PAYMENT_STEP,
	RAN_ON,
};
