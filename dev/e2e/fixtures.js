// @ts-check
'use strict';
/**
 * What the suite imports into n8n: one credential (pointing at the simulator) and two workflows, written
 * as n8n export JSON into the version's temp folder. Type names are the real community-package names
 * (`<package name>.<node name>`), exactly what users' workflows contain.
 */
const fs = require('fs');
const path = require('path');
const { ROOT } = require('./lib/pkg');
const { actionWorkflow } = require('./scenarios/action-workflow');
const v2Core = require('./scenarios/v2-core');
const burstRestart = require('./scenarios/burst-restart');

const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const PACKAGE_NAME = PKG.name;
const ACTION_TYPE = `${PACKAGE_NAME}.ccPayment`;
const TRIGGER_TYPE = `${PACKAGE_NAME}.ccPaymentTrigger`;

const CREDENTIAL_TYPE = 'ccPaymentApi';
const CREDENTIAL_ID = 'ccpE2eCred000001';
const CREDENTIAL_NAME = 'CCPayment (simulator)';
const ACTION_WORKFLOW_ID = 'ccpE2eActions001';
const TRIGGER_WORKFLOW_ID = 'ccpE2eTrigger001';
/** Fixed so the production URL is known before n8n starts: /webhook/<WEBHOOK_ID>/webhook. */
const WEBHOOK_ID = '0e2e0c1a-5b1d-4c0e-9a7f-ccba70e2e001';
const TRIGGER_NODE = 'Payment event';

/** Every file the n8n block of package.json points at must be in the tarball. */
const PACKED_FILES = [...(PKG.n8n?.credentials ?? []), ...(PKG.n8n?.nodes ?? [])];

const credentialRef = { [CREDENTIAL_TYPE]: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } };

function triggerWorkflow() {
	return {
		id: TRIGGER_WORKFLOW_ID,
		name: 'E2E trigger',
		active: false,
		settings: {
			executionOrder: 'v1',
			saveManualExecutions: true,
			saveDataSuccessExecution: 'all',
			saveDataErrorExecution: 'all',
		},
		nodes: [
			{
				id: '7b0e2e00-0000-4000-8000-000000000001',
				name: TRIGGER_NODE,
				type: TRIGGER_TYPE,
				typeVersion: 1,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				// Defaults: all five event types, status success only, signature + App ID + 300 s window, dedup on.
				parameters: {},
				credentials: credentialRef,
			},
			{
				id: '7b0e2e00-0000-4000-8000-000000000002',
				name: 'Done',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [220, 0],
				parameters: {},
			},
		],
		connections: { [TRIGGER_NODE]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		pinData: {},
	};
}

/**
 * Writes the credential file and a folder with one JSON file per workflow.
 * @param {string} dir
 * @param {{ simUrl: string, merchant: { appId: string, appSecret: string }, v2Merchant?: { appId: string, appSecret: string } }} opts
 */
function write(dir, { simUrl, merchant, v2Merchant }) {
	const credentials = path.join(dir, 'credentials.json');
	fs.writeFileSync(
		credentials,
		JSON.stringify(
			[
				{
					id: CREDENTIAL_ID,
					name: CREDENTIAL_NAME,
					type: CREDENTIAL_TYPE,
					// Plain data: `n8n import:credentials` encrypts it with N8N_ENCRYPTION_KEY.
					data: {
						appId: merchant.appId,
						appSecret: merchant.appSecret,
						baseUrl: simUrl,
						responseTimestampTolerance: 300,
					},
				},
				...(v2Merchant ? [v2Core.credential({ url: simUrl, v2Merchant })] : []),
			],
			null,
			2,
		),
	);
	const workflowsDir = path.join(dir, 'workflows');
	fs.mkdirSync(workflowsDir, { recursive: true });
	const action = actionWorkflow({
		id: ACTION_WORKFLOW_ID,
		type: ACTION_TYPE,
		credentials: credentialRef,
	});
	fs.writeFileSync(path.join(workflowsDir, 'action.json'), JSON.stringify(action, null, 2));
	fs.writeFileSync(
		path.join(workflowsDir, 'burst.json'),
		JSON.stringify(burstRestart.workflow(TRIGGER_TYPE, credentialRef), null, 2),
	);
	if (v2Merchant) {
		fs.writeFileSync(
			path.join(workflowsDir, 'v2-reads.json'),
			JSON.stringify(v2Core.workflow(ACTION_TYPE), null, 2),
		);
	}
	fs.writeFileSync(
		path.join(workflowsDir, 'trigger.json'),
		JSON.stringify(triggerWorkflow(), null, 2),
	);
	return { credentials, workflowsDir };
}

module.exports = {
	write,
	triggerWorkflow,
	PACKAGE_NAME,
	ACTION_TYPE,
	TRIGGER_TYPE,
	CREDENTIAL_TYPE,
	CREDENTIAL_ID,
	CREDENTIAL_NAME,
	ACTION_WORKFLOW_ID,
	TRIGGER_WORKFLOW_ID,
	WEBHOOK_ID,
	TRIGGER_NODE,
	PACKED_FILES,
};
