// @ts-check
'use strict';
/**
 * Runs our nodes through n8n-core's real execution machinery (n8n-core 1.122.48, n8n-workflow
 * 1.120.31): a real `Workflow`, real `ExecuteContext` / `LoadOptionsContext` / `WebhookContext`,
 * n8n-core's real `httpRequestWithAuthentication` (axios), and a credentials helper that really calls
 * the credential's `authenticate`.
 *
 *   const { runNode, loadOptions, listSearch, startWebhookHost, testCredential } = require('<path to>/dev/n8n/harness');
 *
 *   runNode(NodeClass, { parameters, items = [{json:{}}], credentials, continueOnFail, onError, nodeName,
 *                        nodeType, typeVersion, mode = 'manual', checkPairedItems = true, abortSignal,
 *                        credentialsByType, credentialTypes })
 *     -> { output, node, context, credentialsHelper }   (throws the node's error; AssertionError on bad pairedItem)
 *   loadOptions(NodeClass, methodName, { parameters, credentials, path })      -> INodePropertyOptions[]
 *   listSearch(NodeClass, methodName, { parameters, credentials, filter, paginationToken }) -> INodeListSearchResult
 *   startWebhookHost(TriggerClass, { parameters, credentials, staticData, nodeName, webhookId })
 *     -> { url, urls, baseUrl, runs, errors, staticData, request({ webhook, path, query, method, body, headers }), stop() }
 *   testCredential(credentials, { CredentialClass, type })                     -> { status: 'OK' | 'Error', message }
 *
 * Setup (env.js): n8n-core resolves Logger, InstanceSettings, BinaryDataService, ErrorReporter and
 * GlobalConfig from n8n-core's OWN nested @n8n/di Container (node_modules/n8n-core/node_modules/@n8n/di,
 * not the top-level one); the instance folder is a temp dir removed at exit; logging is silent
 * (N8N_HARNESS_LOG_LEVEL=debug to see it); the expression engine is 'legacy'.
 *
 * Webhook answers were checked against a real n8n 1.123.81 (`n8n start`, probe trigger with
 * responseMode 'onReceived'): no responseData + workflowData -> body "firstEntryJson" (text/html),
 * even when webhookResponse is 'success'; responseData '' + webhookResponse 'success' -> "success";
 * responseData '' without webhookResponse -> {"message":"Workflow was started"}; webhookResponse
 * without workflowData -> that body, no run; status 401 + noWebhookResponse -> 401 "Unauthorized";
 * webhook() throwing -> 500 {"code":0,"message":"Workflow Webhook Error: Workflow could not be started!"}.
 * n8n 2.41.1's code has the same 'firstEntryJson' default.
 */
const assert = require('node:assert');
const path = require('node:path');

const { NodeConnectionTypes, createEmptyRunExecutionData } = require('n8n-workflow');
const { ExecuteContext, LoadOptionsContext, RoutingNode } = require('n8n-core');
const get = require(
	require.resolve('lodash/get', {
		paths: [path.dirname(require.resolve('n8n-core/package.json'))],
	}),
);

const { ensureN8nEnvironment } = require('./env');
const {
	HarnessNodeTypes,
	HarnessCredentialsHelper,
	instantiate,
	credentialTypeMap,
	buildWorkflow,
	buildAdditionalData,
	prepareNode,
} = require('./runtime');
const { startWebhookHost } = require('./webhook-host');

/**
 * @typedef {import('n8n-workflow').INodeExecutionData} INodeExecutionData
 * @typedef {import('n8n-workflow').ICredentialDataDecryptedObject} ICredentialDataDecryptedObject
 * @typedef {new () => any} AnyClass
 */

/**
 * Assert that every output item has a `pairedItem` pointing at a valid input item, as n8n's UI
 * (item linking, `$('Node').item`) relies on. Throws an AssertionError naming the offending item.
 * @param {unknown} output what execute() returned
 * @param {number} inputLength number of input items
 * @param {string} [nodeName]
 */
function assertPairedItems(output, inputLength, nodeName = 'node') {
	const fail = (/** @type {string} */ message) => {
		throw new assert.AssertionError({ message: `pairedItem check (${nodeName}): ${message}` });
	};
	if (!Array.isArray(output))
		fail(`execute() must return INodeExecutionData[][], got ${typeof output}`);
	const branches = /** @type {any[]} */ (output);
	branches.forEach((branch, o) => {
		if (!Array.isArray(branch)) fail(`output[${o}] is not an array`);
		branch.forEach((/** @type {any} */ item, /** @type {number} */ i) => {
			const where = `output[${o}][${i}]`;
			if (!item || typeof item !== 'object') fail(`${where} is not an item object`);
			if (!item.json || typeof item.json !== 'object' || Array.isArray(item.json)) {
				fail(`${where}.json must be a plain object`);
			}
			const paired = item.pairedItem;
			if (paired === undefined || paired === null) fail(`${where} has no pairedItem`);
			const entries = Array.isArray(paired) ? paired : [paired];
			if (entries.length === 0) fail(`${where}.pairedItem is an empty array`);
			for (const entry of entries) {
				const index = typeof entry === 'number' ? entry : entry?.item;
				const input = typeof entry === 'object' && entry !== null ? (entry.input ?? 0) : 0;
				if (!Number.isInteger(index) || index < 0 || index >= inputLength) {
					fail(
						`${where}.pairedItem points at input item ${JSON.stringify(index)}, but the node received ${inputLength} item(s) (valid: 0..${inputLength - 1})`,
					);
				}
				if (input !== 0)
					fail(
						`${where}.pairedItem.input is ${JSON.stringify(input)}, but the node has a single input (0)`,
					);
			}
		});
	});
}

/**
 * Run a node's `execute()` through a real n8n-core ExecuteContext.
 *
 * @param {AnyClass | object} NodeClass the node class (or an instance)
 * @param {object} [options]
 * @param {Record<string, unknown>} [options.parameters] node parameters as saved in a workflow; unset ones get defaults; values may be expressions ('={{ $json.x }}')
 * @param {INodeExecutionData[]} [options.items] input items (default [{ json: {} }])
 * @param {ICredentialDataDecryptedObject} [options.credentials] data for the node's credential (ccPaymentApi)
 * @param {Record<string, ICredentialDataDecryptedObject>} [options.credentialsByType]
 * @param {Array<AnyClass | object>} [options.credentialTypes] credential classes (default CcPaymentApi from dist/)
 * @param {boolean} [options.continueOnFail] sets the node's onError to 'continueRegularOutput'
 * @param {string} [options.onError] raw node.onError ('continueRegularOutput' | 'continueErrorOutput' | 'stopWorkflow')
 * @param {string} [options.nodeName] default: description.defaults.name
 * @param {string} [options.nodeType] full type name; default '<package name>.<description.name>'
 * @param {number} [options.typeVersion] default: latest
 * @param {import('n8n-workflow').WorkflowExecuteMode} [options.mode] default 'manual'
 * @param {boolean} [options.checkPairedItems] default true
 * @param {AbortSignal} [options.abortSignal]
 * @returns {Promise<{ output: INodeExecutionData[][], node: import('n8n-workflow').INode, context: any, credentialsHelper: HarnessCredentialsHelper }>}
 */
async function runNode(NodeClass, options = {}) {
	const items = options.items ?? [{ json: {} }];
	const prepared = prepareNode(NodeClass, options, {
		continueOnFail: options.continueOnFail,
		onError: options.onError,
	});
	const { resolved, type, nodeTypes, credentialsHelper, node, nodeName } = prepared;
	const workflow = buildWorkflow({ nodes: [node], nodeTypes });
	const workflowNode = /** @type {import('n8n-workflow').INode} */ (workflow.getNode(nodeName));
	const additionalData = buildAdditionalData(credentialsHelper);
	const mode = options.mode ?? 'manual';
	const runExecutionData = createEmptyRunExecutionData();
	const inputData = { [NodeConnectionTypes.Main]: [items] };
	const executeData = { node: workflowNode, data: inputData, source: /** @type {null} */ (null) };
	/** @type {Array<() => Promise<void>>} */
	const closeFunctions = [];
	const context = new ExecuteContext(
		workflow,
		workflowNode,
		additionalData,
		mode,
		runExecutionData,
		0,
		items,
		/** @type {any} */ (inputData),
		/** @type {any} */ (executeData),
		closeFunctions,
		options.abortSignal,
	);
	if (typeof resolved.execute !== 'function') {
		throw new assert.AssertionError({ message: `${type} has no execute() method` });
	}
	await workflow.expression.acquireIsolate?.();
	let output;
	try {
		output = await resolved.execute.call(context);
	} finally {
		await Promise.allSettled(closeFunctions.map(async (fn) => await fn()));
		await workflow.expression.releaseIsolate?.();
	}
	if (options.checkPairedItems !== false && output !== null && output !== undefined) {
		assertPairedItems(output, items.length, nodeName);
	}
	return { output, node: workflowNode, context, credentialsHelper };
}

/**
 * The LoadOptionsContext n8n's DynamicNodeParametersService builds: a workflow with one 'Temp-Node'
 * holding the node's current parameters and credentials.
 * @param {AnyClass | object} NodeClass
 * @param {any} options
 */
function loadOptionsContext(NodeClass, options) {
	const { resolved, nodeTypes, credentialsHelper, node } = prepareNode(NodeClass, options, {
		name: 'Temp-Node',
	});
	node.id = 'uuid-1234';
	const workflow = buildWorkflow({ nodes: [node], nodeTypes });
	const workflowNode = /** @type {import('n8n-workflow').INode} */ (workflow.getNode('Temp-Node'));
	const additionalData = buildAdditionalData(credentialsHelper, {
		currentNodeParameters: options.parameters ?? {},
	});
	const context = new LoadOptionsContext(
		workflow,
		workflowNode,
		additionalData,
		options.path ?? 'parameters',
	);
	return { context, resolved, workflow };
}

/**
 * @param {any} resolved @param {'loadOptions' | 'listSearch'} kind @param {string} methodName
 */
function methodOf(resolved, kind, methodName) {
	const method = resolved.methods?.[kind]?.[methodName];
	if (typeof method !== 'function') {
		throw new assert.AssertionError({
			message: `${resolved.description.name} has no methods.${kind}.${methodName} (has: ${Object.keys(resolved.methods?.[kind] ?? {}).join(', ') || 'none'})`,
		});
	}
	return method;
}

/**
 * Call `methods.loadOptions[methodName]` through a real LoadOptionsContext.
 * @param {AnyClass | object} NodeClass
 * @param {string} methodName
 * @param {{ parameters?: Record<string, unknown>, credentials?: ICredentialDataDecryptedObject, credentialsByType?: Record<string, ICredentialDataDecryptedObject>, credentialTypes?: Array<AnyClass | object>, path?: string, nodeType?: string, typeVersion?: number }} [options]
 * @returns {Promise<import('n8n-workflow').INodePropertyOptions[]>}
 */
async function loadOptions(NodeClass, methodName, options = {}) {
	const { context, resolved, workflow } = loadOptionsContext(NodeClass, options);
	const method = methodOf(resolved, 'loadOptions', methodName);
	await workflow.expression.acquireIsolate?.();
	try {
		return await method.call(context);
	} finally {
		await workflow.expression.releaseIsolate?.();
	}
}

/**
 * Call `methods.listSearch[methodName](filter, paginationToken)` through a real LoadOptionsContext.
 * @param {AnyClass | object} NodeClass
 * @param {string} methodName
 * @param {{ parameters?: Record<string, unknown>, credentials?: ICredentialDataDecryptedObject, credentialsByType?: Record<string, ICredentialDataDecryptedObject>, credentialTypes?: Array<AnyClass | object>, filter?: string, paginationToken?: string, path?: string, nodeType?: string, typeVersion?: number }} [options]
 * @returns {Promise<import('n8n-workflow').INodeListSearchResult>}
 */
async function listSearch(NodeClass, methodName, options = {}) {
	const { context, resolved, workflow } = loadOptionsContext(NodeClass, options);
	const method = methodOf(resolved, 'listSearch', methodName);
	await workflow.expression.acquireIsolate?.();
	try {
		return await method.call(context, options.filter, options.paginationToken);
	} finally {
		await workflow.expression.releaseIsolate?.();
	}
}

/** n8n-nodes-base.noOp as the CredentialsTester gets it from NodeTypes (loaded full name). */
const NO_OP_NODE_TYPE = {
	description: {
		displayName: 'No Operation, do nothing',
		name: 'n8n-nodes-base.noOp',
		group: ['organization'],
		version: 1,
		description: 'No Operation',
		defaults: { name: 'No Operation, do nothing' },
		inputs: ['main'],
		outputs: ['main'],
		properties: /** @type {any[]} */ ([]),
	},
};

/**
 * Test a credential the way n8n's CredentialsTester.testCredentials does for a credential whose
 * `test` is a request: a temp noOp node whose only property routes `test.request`, run with n8n-core's
 * RoutingNode (so `authenticate` and httpRequestWithAuthentication are the real ones), then the
 * `rules` evaluated exactly like packages/cli/src/services/credentials-tester.service.ts.
 *
 * @param {ICredentialDataDecryptedObject} credentials the credential's field values
 * @param {{ CredentialClass?: AnyClass | object, type?: string }} [options] default CcPaymentApi from dist/
 * @returns {Promise<{ status: 'OK' | 'Error', message: string }>}
 */
async function testCredential(credentials, options = {}) {
	ensureN8nEnvironment();
	const credentialTypes = credentialTypeMap(
		options.CredentialClass ? [options.CredentialClass] : undefined,
	);
	const credentialType = /** @type {any} */ (
		options.type ? credentialTypes[options.type] : Object.values(credentialTypes)[0]
	);
	const credentialTypeName = credentialType.name;
	if (!credentialType.test)
		return { status: 'Error', message: 'No testing function found for this credential.' };
	if (typeof credentialType.test === 'function') {
		throw new assert.AssertionError({
			message: 'n8n harness: function credential tests are not supported',
		});
	}
	const testRequest = credentialType.test;

	const credentialsHelper = new HarnessCredentialsHelper(credentialTypes, {
		[credentialTypeName]: credentials,
	});
	const credentialsDecrypted = {
		id: 'harness-cred-test',
		name: 'Harness credential test',
		type: credentialTypeName,
		// CredentialsTester: credentialsDecrypted.data = applyDefaultsAndOverwrites(...) (no expressions).
		data: credentialsHelper.applyDefaults(credentials, credentialTypeName),
	};

	const nodeType = NO_OP_NODE_TYPE;
	const node = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: nodeType.description.name,
		typeVersion: nodeType.description.version,
		position: /** @type {[number, number]} */ ([0, 0]),
		credentials: {
			[credentialTypeName]: { id: credentialsDecrypted.id, name: credentialsDecrypted.name },
		},
	};
	const nodeTypeCopy = {
		description: {
			...nodeType.description,
			credentials: [{ name: credentialTypeName, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testRequest.request },
					default: '',
				},
			],
		},
	};
	const nodeTypes = new HarnessNodeTypes({ [nodeTypeCopy.description.name]: nodeTypeCopy });
	const workflow = buildWorkflow({ nodes: [/** @type {any} */ (node)], nodeTypes });
	const mode = 'internal';
	const inputData = { main: [[{ json: {} }]] };
	const runExecutionData = createEmptyRunExecutionData();
	const additionalData = buildAdditionalData(credentialsHelper, {
		currentNodeParameters: node.parameters,
	});
	const executeData = { node, data: {}, source: /** @type {null} */ (null) };
	const executeFunctions = new ExecuteContext(
		workflow,
		/** @type {any} */ (node),
		additionalData,
		mode,
		runExecutionData,
		0,
		[],
		/** @type {any} */ (inputData),
		/** @type {any} */ (executeData),
		[],
	);
	const routingNode = new RoutingNode(
		executeFunctions,
		/** @type {any} */ (nodeTypeCopy),
		/** @type {any} */ (credentialsDecrypted),
	);

	/** @type {any} */
	let response;
	try {
		await workflow.expression.acquireIsolate?.();
		response = await routingNode.runNode();
	} catch (error) {
		if (error.cause?.response) {
			const errorResponseData = {
				statusCode: error.cause.response.status,
				statusMessage: error.cause.response.statusText,
			};
			for (const rule of testRequest.rules ?? []) {
				if (
					rule.type === 'responseCode' &&
					errorResponseData.statusCode === rule.properties.value
				) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (errorResponseData.statusCode < 199 || errorResponseData.statusCode > 299) {
				return {
					status: 'Error',
					message:
						errorResponseData.statusMessage ||
						`Received HTTP status code: ${errorResponseData.statusCode}`,
				};
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: String(error.message) };
	} finally {
		await workflow.expression.releaseIsolate?.();
	}

	if (Array.isArray(testRequest.rules)) {
		for (const rule of testRequest.rules) {
			if (rule.type === 'responseSuccessBody') {
				const responseData = response[0][0].json;
				if (get(responseData, rule.properties.key) === rule.properties.value) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

module.exports = {
	runNode,
	loadOptions,
	listSearch,
	startWebhookHost,
	testCredential,
	assertPairedItems,
	ensureN8nEnvironment,
	instantiate,
};
