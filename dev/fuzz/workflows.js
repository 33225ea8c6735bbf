// @ts-check
'use strict';
/**
 * What the fuzz imports into n8n: the credential (the simulator's merchant), an active workflow with
 * the CCPayment Trigger and one with n8n's plain Webhook node, the same shape (start node -> No Op),
 * so their throughput compares the nodes and not the workflows.
 */
const fs = require('fs');
const path = require('path');
const { TRIGGER_TYPE } = require('../e2e/fixtures');

const CREDENTIAL = { id: 'ccpFuzzCred00001', name: 'CCPayment (fuzz)', type: 'ccPaymentApi' };
const TRIGGER_WORKFLOW_ID = 'ccpFuzzTrigger01';
const PLAIN_WORKFLOW_ID = 'ccpFuzzWebhook01';
const TRIGGER_NODE = 'CCPayment Trigger';
const TRIGGER_HOOK = '0f0220fe-0000-4000-8000-00000000f001';
const PLAIN_PATH = 'ccpayment-fuzz-plain';

const SETTINGS = {
	executionOrder: 'v1',
	saveDataSuccessExecution: 'all',
	saveDataErrorExecution: 'all',
};

/** @param {string} id @param {string} name @param {object} start */
function workflow(id, name, start) {
	const startName = /** @type {{ name: string }} */ (start).name;
	return {
		id,
		name,
		active: false,
		settings: SETTINGS,
		pinData: {},
		nodes: [
			start,
			{
				id: `${id}-done`,
				name: 'Done',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [240, 0],
				parameters: {},
			},
		],
		connections: { [startName]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
	};
}

/**
 * @param {string} dir
 * @param {{ simUrl: string, merchant: { appId: string, appSecret: string } }} opts
 */
function write(dir, { simUrl, merchant }) {
	const credentials = path.join(dir, 'credentials.json');
	const data = { appId: merchant.appId, appSecret: merchant.appSecret, baseUrl: simUrl };
	fs.writeFileSync(credentials, JSON.stringify([{ ...CREDENTIAL, data }], null, 2));
	const workflowsDir = path.join(dir, 'workflows');
	fs.mkdirSync(workflowsDir, { recursive: true });
	const trigger = workflow(TRIGGER_WORKFLOW_ID, 'Fuzz: CCPayment Trigger', {
		id: `${TRIGGER_WORKFLOW_ID}-start`,
		name: TRIGGER_NODE,
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: TRIGGER_HOOK,
		parameters: {},
		credentials: { [CREDENTIAL.type]: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
	});
	const plain = workflow(PLAIN_WORKFLOW_ID, 'Fuzz: plain Webhook', {
		id: `${PLAIN_WORKFLOW_ID}-start`,
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: '0f0220fe-0000-4000-8000-00000000f002',
		parameters: { httpMethod: 'POST', path: PLAIN_PATH, options: {} },
	});
	fs.writeFileSync(path.join(workflowsDir, 'trigger.json'), JSON.stringify(trigger, null, 2));
	fs.writeFileSync(path.join(workflowsDir, 'plain.json'), JSON.stringify(plain, null, 2));
	return { credentials, workflowsDir };
}

/** @param {string} base */
const urls = (base) => ({
	trigger: `${base}/webhook/${TRIGGER_HOOK}/webhook`,
	plain: `${base}/webhook/${PLAIN_PATH}`,
});

module.exports = { write, urls, TRIGGER_WORKFLOW_ID, PLAIN_WORKFLOW_ID, TRIGGER_NODE };
