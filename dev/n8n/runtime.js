// @ts-check
'use strict';
/**
 * Shared building blocks of the n8n-core harness: node types registry, the credentials helper
 * (what n8n's CLI CredentialsHelper does for our credential), workflow/node construction and the
 * additional data n8n's `WorkflowExecuteAdditionalData.getBase()` provides.
 */
const path = require('node:path');

const {
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	UnexpectedError,
	isExpression,
} = require('n8n-workflow');
const { getAdditionalKeys } = require('n8n-core');

const { ensureN8nEnvironment } = require('./env');
const { product } = require('../dist');

const ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE_NAME = require(path.join(ROOT, 'package.json')).name;

/** Where n8n would be reachable; only used to build URLs nodes may ask for. */
const INSTANCE_BASE_URL = 'http://127.0.0.1:5678/';

/**
 * @typedef {import('n8n-workflow').INodeType} INodeType
 * @typedef {import('n8n-workflow').IVersionedNodeType} IVersionedNodeType
 * @typedef {import('n8n-workflow').ICredentialType} ICredentialType
 * @typedef {import('n8n-workflow').INode} INode
 * @typedef {import('n8n-workflow').ICredentialDataDecryptedObject} ICredentialDataDecryptedObject
 * @typedef {import('n8n-workflow').IWorkflowExecuteAdditionalData} IWorkflowExecuteAdditionalData
 * @typedef {import('n8n-workflow').IHttpRequestOptions} IHttpRequestOptions
 * @typedef {new () => any} AnyClass
 */

/** @param {AnyClass | object} classOrInstance */
function instantiate(classOrInstance) {
	return typeof classOrInstance === 'function'
		? new /** @type {AnyClass} */ (classOrInstance)()
		: classOrInstance;
}

/** The CcPaymentApi credential class from dist/ (loaded lazily so fake-only tests need no build). */
function defaultCredentialClasses() {
	const mod = product('credential');
	return [mod.CcPaymentApi];
}

/**
 * The full node type name n8n gives a community node: `<package name>.<description.name>`,
 * e.g. 'n8n-nodes-ccpayment.ccPayment'.
 * @param {any} nodeType
 */
function fullTypeName(nodeType) {
	const name = nodeType.description.name;
	return name.includes('.') ? name : `${PACKAGE_NAME}.${name}`;
}

/**
 * Latest version of a node type, the way the editor picks it for a new node.
 * @param {any} nodeType
 */
function latestVersion(nodeType) {
	if (nodeType.nodeVersions) return nodeType.currentVersion ?? nodeType.description.defaultVersion;
	const v = nodeType.description.version;
	return Array.isArray(v) ? Math.max(...v) : v;
}

/** INodeTypes backed by an explicit map (n8n's NodeTypes resolves versions the same way). */
class HarnessNodeTypes {
	/** @param {Record<string, any>} types full type name -> node type instance */
	constructor(types) {
		this.types = types;
	}

	/** @param {string} name */
	getByName(name) {
		return this.types[name];
	}

	/** @param {string} name @param {number} [version] */
	getByNameAndVersion(name, version) {
		const type = this.types[name];
		if (!type) throw new UnexpectedError(`Unrecognized node type: ${name}`);
		return NodeHelpers.getVersionedNodeType(type, version);
	}

	getKnownTypes() {
		return {};
	}
}

/**
 * Mirrors packages/cli/src/credentials-helper.ts for what our nodes use:
 * - getDecrypted: the test's credential data + property defaults (applyDefaultsAndOverwrites), with
 *   expressions in credential values resolved when n8n-core passes expressionResolveValues;
 * - authenticate: calls the credential type's `authenticate` function (or applies a generic one);
 * - preAuthentication: undefined unless the type has an expirable hidden property (ours has none);
 * - getParentTypes: [] (no OAuth parents).
 * Each getDecrypted call returns a fresh object, as decrypting does in n8n.
 */
class HarnessCredentialsHelper extends ICredentialsHelper {
	/**
	 * @param {Record<string, ICredentialType>} credentialTypes name -> credential type instance
	 * @param {Record<string, ICredentialDataDecryptedObject>} dataByType
	 */
	constructor(credentialTypes, dataByType) {
		super();
		this.credentialTypes = credentialTypes;
		this.dataByType = dataByType;
		/** How often `authenticate` ran, per type (lets tests prove the real path was taken). */
		this.authenticateCalls = /** @type {Record<string, number>} */ ({});
	}

	/** @param {string} type */
	getCredentialType(type) {
		const credentialType = this.credentialTypes[type];
		if (!credentialType)
			throw new UnexpectedError('Unknown credential type', { tags: { credentialType: type } });
		return credentialType;
	}

	/** @param {string} type */
	getCredentialsProperties(type) {
		return this.getCredentialType(type).properties;
	}

	/** @param {string} _type @returns {string[]} */
	getParentTypes(_type) {
		return [];
	}

	/**
	 * @param {ICredentialDataDecryptedObject} credentials
	 * @param {string} typeName
	 * @param {IHttpRequestOptions} incomingRequestOptions
	 * @param {any} [workflow]
	 * @param {INode} [node]
	 */
	async authenticate(credentials, typeName, incomingRequestOptions, workflow, node) {
		const requestOptions = /** @type {any} */ (incomingRequestOptions);
		const credentialType = /** @type {any} */ (this.getCredentialType(typeName));
		this.authenticateCalls[typeName] = (this.authenticateCalls[typeName] ?? 0) + 1;
		const { authenticate } = credentialType;
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions);
		}
		if (typeof authenticate === 'object' && authenticate.type === 'generic') {
			if (requestOptions.headers === undefined) requestOptions.headers = {};
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(
					/** @type {Record<string, unknown>} */ (outerValue),
				)) {
					const keyResolved = resolveValue(key, { $credentials: credentials }, workflow, node);
					const valueResolved = resolveValue(value, { $credentials: credentials }, workflow, node);
					if (!requestOptions[outerKey]) requestOptions[outerKey] = {};
					requestOptions[outerKey][keyResolved] = valueResolved;
				}
			}
		}
		return requestOptions;
	}

	/**
	 * @param {unknown} _helpers @param {ICredentialDataDecryptedObject} _credentials
	 * @param {string} typeName @param {INode} _node @param {boolean} _credentialsExpired
	 * @returns {Promise<any>}
	 */
	async preAuthentication(_helpers, _credentials, typeName, _node, _credentialsExpired) {
		const credentialType = /** @type {any} */ (this.getCredentialType(typeName));
		const expirable = credentialType.properties.find(
			(/** @type {any} */ p) => p.type === 'hidden' && p?.typeOptions?.expirable === true,
		);
		if (expirable?.name === undefined) return undefined;
		throw new UnexpectedError('n8n harness: credentials with preAuthentication are not supported');
	}

	/** @returns {Promise<undefined>} */
	async runPreAuthentication() {
		return undefined;
	}

	/**
	 * Defaults applied the way CredentialsHelper.applyDefaultsAndOverwrites does (no overwrites here).
	 * @param {ICredentialDataDecryptedObject} data @param {string} type
	 */
	applyDefaults(data, type) {
		const properties = this.getCredentialsProperties(type);
		return /** @type {ICredentialDataDecryptedObject} */ (
			NodeHelpers.getNodeParameters(
				properties,
				/** @type {any} */ (structuredClone(data)),
				true,
				false,
				null,
				null,
			) ?? {}
		);
	}

	/**
	 * @param {IWorkflowExecuteAdditionalData} additionalData
	 * @param {unknown} _nodeCredentials
	 * @param {string} type
	 * @param {any} mode
	 * @param {any} [executeData]
	 * @param {boolean} [raw]
	 * @param {any} [expressionResolveValues]
	 */
	async getDecrypted(
		additionalData,
		_nodeCredentials,
		type,
		mode,
		executeData,
		raw,
		expressionResolveValues,
	) {
		const stored = this.dataByType[type];
		if (stored === undefined) {
			throw new UnexpectedError(`n8n harness: no credential data given for type "${type}"`);
		}
		if (raw === true) return structuredClone(stored);
		let decryptedData = this.applyDefaults(stored, type);
		if (expressionResolveValues) {
			const additionalKeys = getAdditionalKeys(additionalData, mode, null, {
				secretsEnabled: false,
			});
			try {
				decryptedData = expressionResolveValues.workflow.expression.getParameterValue(
					decryptedData,
					expressionResolveValues.runExecutionData,
					expressionResolveValues.runIndex,
					expressionResolveValues.itemIndex,
					expressionResolveValues.node.name,
					expressionResolveValues.connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					decryptedData,
				);
			} catch (e) {
				e.message += ' [Error resolving credentials]';
				throw e;
			}
		}
		return decryptedData;
	}

	/** @returns {Promise<any>} */
	async getCredentials() {
		throw new UnexpectedError('n8n harness: getCredentials (encrypted) is not supported');
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	/** @returns {undefined} */
	getOAuth2Options() {
		return undefined;
	}

	isCredentialUsableByNode() {
		return true;
	}
}

/**
 * @param {unknown} parameterValue @param {Record<string, unknown>} additionalKeys
 * @param {any} workflow @param {INode | undefined} node
 */
function resolveValue(parameterValue, additionalKeys, workflow, node) {
	if (!isExpression(parameterValue)) return parameterValue;
	const returnValue = workflow.expression.getSimpleParameterValue(
		node,
		parameterValue,
		'internal',
		additionalKeys,
		undefined,
		'',
	);
	if (!returnValue) return '';
	return returnValue.toString();
}

/**
 * @param {Array<AnyClass | object> | undefined} credentialClasses
 * @returns {Record<string, ICredentialType>}
 */
function credentialTypeMap(credentialClasses) {
	/** @type {Record<string, ICredentialType>} */
	const map = {};
	for (const c of credentialClasses ?? defaultCredentialClasses()) {
		const instance = instantiate(c);
		map[instance.name] = instance;
	}
	return map;
}

/**
 * Credential data per type. `credentials` (the common case) goes to every credential type the node
 * declares; `credentialsByType` names them explicitly.
 * @param {any} nodeType
 * @param {ICredentialDataDecryptedObject | undefined} credentials
 * @param {Record<string, ICredentialDataDecryptedObject> | undefined} credentialsByType
 */
function credentialDataFor(nodeType, credentials, credentialsByType) {
	/** @type {Record<string, ICredentialDataDecryptedObject>} */
	const data = { ...(credentialsByType ?? {}) };
	if (credentials) {
		const declared = (nodeType.description.credentials ?? []).map((/** @type {any} */ c) => c.name);
		for (const name of declared.length ? declared : ['ccPaymentApi']) {
			if (!(name in data)) data[name] = credentials;
		}
	}
	return data;
}

/**
 * The INode a user would have in their workflow.
 * @param {any} nodeType versioned-resolved type
 * @param {object} opts
 * @param {string} opts.type
 * @param {number} opts.typeVersion
 * @param {string} opts.name
 * @param {Record<string, unknown>} [opts.parameters]
 * @param {string[]} [opts.credentialTypes]
 * @param {boolean} [opts.continueOnFail]
 * @param {string} [opts.onError]
 * @param {string} [opts.webhookId]
 * @returns {INode}
 */
function buildNode(nodeType, opts) {
	/** @type {any} */
	const node = {
		id: 'a1b2c3d4-0000-4000-8000-000000000001',
		name: opts.name,
		type: opts.type,
		typeVersion: opts.typeVersion,
		position: [0, 0],
		parameters: structuredClone(opts.parameters ?? {}),
	};
	if (opts.credentialTypes?.length) {
		node.credentials = {};
		opts.credentialTypes.forEach((credType, i) => {
			node.credentials[credType] = { id: `harness-cred-${i + 1}`, name: `Harness ${credType}` };
		});
	}
	if (opts.onError) node.onError = opts.onError;
	if (opts.continueOnFail) node.onError = 'continueRegularOutput';
	if (opts.webhookId) node.webhookId = opts.webhookId;
	void nodeType;
	return node;
}

/**
 * A real n8n-workflow Workflow. Its constructor fills unset parameters with their defaults through
 * NodeHelpers.getNodeParameters, exactly as when n8n loads a saved workflow.
 * @param {object} opts
 * @param {INode[]} opts.nodes
 * @param {HarnessNodeTypes} opts.nodeTypes
 * @param {import('n8n-workflow').IDataObject} [opts.staticData]
 * @param {boolean} [opts.active]
 * @param {string} [opts.id]
 * @param {string} [opts.name]
 */
function buildWorkflow(opts) {
	return new Workflow({
		id: opts.id ?? 'harnessWorkflow01',
		name: opts.name ?? 'Harness Workflow',
		nodes: opts.nodes,
		connections: {},
		active: opts.active ?? false,
		nodeTypes: opts.nodeTypes,
		staticData: opts.staticData,
		settings: {},
	});
}

let executionCounter = 0;

/**
 * What WorkflowExecuteAdditionalData.getBase() gives nodes, minus DB-backed services.
 * @param {HarnessCredentialsHelper} credentialsHelper
 * @param {Partial<IWorkflowExecuteAdditionalData> & Record<string, unknown>} [extra]
 * @returns {IWorkflowExecuteAdditionalData}
 */
function buildAdditionalData(credentialsHelper, extra = {}) {
	const base = extra.instanceBaseUrl ?? INSTANCE_BASE_URL;
	/** @type {any} */
	const additionalData = {
		currentNodeExecutionIndex: 0,
		credentialsHelper,
		executionId: `harness-${++executionCounter}`,
		userId: 'harness-user',
		restApiUrl: `${base}rest`,
		instanceBaseUrl: base,
		formWaitingBaseUrl: `${base}form-waiting`,
		webhookBaseUrl: `${base}webhook`,
		webhookWaitingBaseUrl: `${base}webhook-waiting`,
		webhookTestBaseUrl: `${base}webhook-test`,
		currentNodeParameters: undefined,
		variables: {},
		async executeWorkflow() {
			throw new UnexpectedError('n8n harness: executeWorkflow is not supported');
		},
		setExecutionStatus() {},
		/** @returns {Promise<undefined>} */
		async getRunExecutionData() {
			return undefined;
		},
		async startRunnerTask() {
			throw new UnexpectedError('n8n harness: task runners are not supported');
		},
		logAiEvent() {},
		...extra,
	};
	return additionalData;
}

/**
 * Everything needed to put one node class into a real Workflow.
 * @param {AnyClass | object} NodeClass
 * @param {object} opts
 * @param {string} [opts.nodeType] full type name override
 * @param {number} [opts.typeVersion]
 * @param {Array<AnyClass | object>} [opts.credentialTypes] credential classes (default: CcPaymentApi from dist/)
 * @param {ICredentialDataDecryptedObject} [opts.credentials]
 * @param {Record<string, ICredentialDataDecryptedObject>} [opts.credentialsByType]
 */
function prepareNodeType(NodeClass, opts) {
	ensureN8nEnvironment();
	const instance = instantiate(NodeClass);
	const type = opts.nodeType ?? fullTypeName(instance);
	const typeVersion = opts.typeVersion ?? latestVersion(instance);
	const nodeTypes = new HarnessNodeTypes({ [type]: instance });
	const resolved = /** @type {any} */ (nodeTypes.getByNameAndVersion(type, typeVersion));
	const data = credentialDataFor(resolved, opts.credentials, opts.credentialsByType);
	const credentialTypes =
		Object.keys(data).length > 0
			? credentialTypeMap(opts.credentialTypes)
			: credentialTypeMap(opts.credentialTypes ?? []);
	const credentialsHelper = new HarnessCredentialsHelper(credentialTypes, data);
	return {
		instance,
		resolved,
		type,
		typeVersion,
		nodeTypes,
		credentialsHelper,
		credentialTypeNames: Object.keys(data),
	};
}

/**
 * prepareNodeType plus the INode itself, with the test's parameters and credentials, named
 * `extras.name` or `options.nodeName` (default: the description's default name).
 * @param {AnyClass | object} NodeClass
 * @param {any} options the harness call's options (nodeName, parameters, credentials, ...)
 * @param {{ name?: string, continueOnFail?: boolean, onError?: string, webhookId?: string }} [extras]
 */
function prepareNode(NodeClass, options, extras = {}) {
	const prepared = prepareNodeType(NodeClass, options);
	const { resolved, type, typeVersion, credentialTypeNames } = prepared;
	const nodeName =
		extras.name ??
		options.nodeName ??
		resolved.description.defaults?.name ??
		resolved.description.displayName;
	const node = buildNode(resolved, {
		type,
		typeVersion,
		parameters: options.parameters,
		credentialTypes: credentialTypeNames,
		...extras,
		name: nodeName,
	});
	return { ...prepared, node, nodeName };
}

module.exports = {
	PACKAGE_NAME,
	INSTANCE_BASE_URL,
	HarnessNodeTypes,
	HarnessCredentialsHelper,
	instantiate,
	fullTypeName,
	latestVersion,
	credentialTypeMap,
	buildNode,
	buildWorkflow,
	buildAdditionalData,
	prepareNodeType,
	prepareNode,
};
