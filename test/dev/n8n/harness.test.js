// @ts-check
'use strict';
/**
 * runNode's execution semantics (no network): continueOnFail / onError as n8n sets them on the node,
 * the pairedItem validation, node naming/type, and loadOptions / listSearch through a real
 * LoadOptionsContext with the node's current parameters and credentials.
 */
const { test } = require('node:test');
const assert = require('node:assert/strict');

const os = require('node:os');
const fs = require('node:fs');

const { NodeOperationError } = require('n8n-workflow');
const { ExecuteContext, InstanceSettings } = require('n8n-core');
const { runNode, loadOptions, listSearch, assertPairedItems } = require('../../../dev/n8n/harness');
const { requireFromCore } = require('../../../dev/n8n/env');

/** Fails items whose json.fail is true; pairs output as configured by the `pairing` parameter. */
class FakeWorker {
	description = {
		displayName: 'Fake Worker',
		name: 'fakeWorker',
		group: ['transform'],
		version: [1, 2],
		description: 'Configurable test node',
		defaults: { name: 'Fake Worker' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [
			{
				displayName: 'Pairing',
				name: 'pairing',
				type: 'options',
				default: 'object',
				options: [
					{ name: 'Object', value: 'object' },
					{ name: 'Number', value: 'number' },
					{ name: 'Array', value: 'array' },
					{ name: 'None', value: 'none' },
					{ name: 'Off By One', value: 'offByOne' },
					{ name: 'Other Input', value: 'otherInput' },
					{ name: 'Empty Array', value: 'emptyArray' },
				],
			},
		],
	};

	/** @this {import('n8n-workflow').IExecuteFunctions} */
	async execute() {
		const items = this.getInputData();
		const out = [];
		for (let i = 0; i < items.length; i++) {
			const pairing = this.getNodeParameter('pairing', i);
			/** @type {any} */
			const pairedItem = {
				object: { item: i },
				number: i,
				array: [{ item: i }],
				none: undefined,
				offByOne: { item: i + 1 },
				otherInput: { item: i, input: 1 },
				emptyArray: [],
			}[/** @type {string} */ (pairing)];
			try {
				if (items[i].json.fail) {
					throw new NodeOperationError(this.getNode(), `item ${i} failed on purpose`, {
						itemIndex: i,
					});
				}
				out.push({
					json: { i, version: this.getNode().typeVersion, continueOnFail: this.continueOnFail() },
					pairedItem,
				});
			} catch (error) {
				if (this.continueOnFail()) {
					out.push({ json: { error: error.message }, pairedItem });
					continue;
				}
				throw error;
			}
		}
		return [out];
	}
}

const THREE = [{ json: {} }, { json: { fail: true } }, { json: {} }];

test('without continueOnFail the node error propagates (NodeOperationError with the item index)', async () => {
	await assert.rejects(runNode(FakeWorker, { items: THREE }), (/** @type {any} */ error) => {
		assert.ok(error instanceof NodeOperationError);
		assert.equal(error.message, 'item 1 failed on purpose');
		assert.equal(error.context.itemIndex, 1);
		return true;
	});
});

test("continueOnFail sets the node's onError so this.continueOnFail() is true, and error items flow on", async () => {
	const { output, node } = await runNode(FakeWorker, { items: THREE, continueOnFail: true });
	assert.equal(node.onError, 'continueRegularOutput');
	assert.deepEqual(
		output[0].map((i) => i.json),
		[
			{ i: 0, version: 2, continueOnFail: true },
			{ error: 'item 1 failed on purpose' },
			{ i: 2, version: 2, continueOnFail: true },
		],
	);
	const stop = await runNode(FakeWorker, { items: [{ json: {} }], onError: 'stopWorkflow' });
	assert.equal(stop.output[0][0].json.continueOnFail, false);
	const errorOutput = await runNode(FakeWorker, {
		items: [{ json: {} }],
		onError: 'continueErrorOutput',
	});
	assert.equal(errorOutput.output[0][0].json.continueOnFail, true);
});

test('node naming, type and version follow n8n: defaults.name, <package>.<name>, latest version unless given', async () => {
	const { node, context } = await runNode(FakeWorker, {});
	assert.ok(context instanceof ExecuteContext, "n8n-core's real ExecuteContext");
	const instanceSettings = requireFromCore('@n8n/di').Container.get(InstanceSettings);
	assert.ok(
		instanceSettings.n8nFolder.startsWith(os.tmpdir()),
		'instance folder in the temp dir, never ~/.n8n',
	);
	assert.ok(
		fs.existsSync(instanceSettings.n8nFolder),
		'the real InstanceSettings wrote its settings there',
	);
	assert.equal(node.name, 'Fake Worker');
	assert.equal(node.type, 'n8n-nodes-ccpayment.fakeWorker');
	assert.equal(node.typeVersion, 2);
	assert.equal(node.parameters.pairing, 'object', 'default parameter value filled in');
	const v1 = await runNode(FakeWorker, { typeVersion: 1, nodeName: 'Mine' });
	assert.equal(v1.node.typeVersion, 1);
	assert.equal(v1.node.name, 'Mine');
	assert.equal(v1.output[0][0].json.version, 1);
});

test('valid pairedItem forms pass: object, number, array', async () => {
	for (const pairing of ['object', 'number', 'array']) {
		const { output } = await runNode(FakeWorker, {
			items: [{ json: {} }, { json: {} }],
			parameters: { pairing },
		});
		assert.equal(output[0].length, 2, pairing);
	}
});

test('pairedItem validation rejects missing, out-of-range, wrong-input and empty pairings with a clear message', async () => {
	const cases = {
		none: /output\[0\]\[0\] has no pairedItem/,
		offByOne:
			/output\[0\]\[1\]\.pairedItem points at input item 2, but the node received 2 item\(s\)/,
		otherInput: /pairedItem\.input is 1, but the node has a single input/,
		emptyArray: /pairedItem is an empty array/,
	};
	for (const [pairing, pattern] of Object.entries(cases)) {
		await assert.rejects(
			runNode(FakeWorker, { items: [{ json: {} }, { json: {} }], parameters: { pairing } }),
			(/** @type {any} */ error) => {
				assert.equal(error.name, 'AssertionError', pairing);
				assert.match(error.message, pattern);
				assert.match(error.message, /Fake Worker/, 'names the node');
				return true;
			},
		);
	}
	// Error items produced under continueOnFail are checked too.
	await assert.rejects(
		runNode(FakeWorker, { items: THREE, continueOnFail: true, parameters: { pairing: 'none' } }),
		/has no pairedItem/,
	);
	// The check can be turned off for a test that studies unpaired output on purpose.
	const { output } = await runNode(FakeWorker, {
		parameters: { pairing: 'none' },
		checkPairedItems: false,
	});
	assert.equal(output[0][0].pairedItem, undefined);
});

test('assertPairedItems rejects malformed output shapes', () => {
	assert.throws(() => assertPairedItems({}, 1), /must return INodeExecutionData\[\]\[\]/);
	assert.throws(() => assertPairedItems([{}], 1), /output\[0\] is not an array/);
	assert.throws(
		() => assertPairedItems([[{ json: [], pairedItem: 0 }]], 1),
		/json must be a plain object/,
	);
	assert.doesNotThrow(() => assertPairedItems([[{ json: {}, pairedItem: 0 }], []], 1));
});

/** A node with load-options and list-search methods that read parameters and credentials. */
class FakePicker {
	description = {
		displayName: 'Fake Picker',
		name: 'fakePicker',
		group: ['transform'],
		version: 1,
		description: 'Dropdown methods',
		defaults: { name: 'Fake Picker' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'ccPaymentApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				default: 'coin',
				options: [
					{ name: 'Coin', value: 'coin' },
					{ name: 'Other', value: 'other' },
				],
			},
			{ displayName: 'Prefix', name: 'prefix', type: 'string', default: 'P' },
		],
	};

	methods = {
		loadOptions: {
			/** @this {import('n8n-workflow').ILoadOptionsFunctions} */
			async getThings() {
				const credentials = await this.getCredentials('ccPaymentApi');
				const prefix = this.getCurrentNodeParameter('prefix');
				return [
					{ name: `${prefix}:${this.getNodeParameter('resource')}`, value: 'a' },
					{
						name: `base ${credentials.baseUrl}`,
						value: String(credentials.responseTimestampTolerance),
					},
				];
			},
		},
		listSearch: {
			/** @this {import('n8n-workflow').ILoadOptionsFunctions} @param {string} [filter] @param {string} [paginationToken] */
			async searchThings(filter, paginationToken) {
				const all = ['USDT', 'USDC', 'BTC', 'ETH'].filter(
					(n) => !filter || n.includes(filter.toUpperCase()),
				);
				const start = paginationToken ? Number(paginationToken) : 0;
				return {
					results: all.slice(start, start + 2).map((n) => ({ name: n, value: n })),
					paginationToken: start + 2 < all.length ? String(start + 2) : undefined,
				};
			},
		},
	};

	async execute() {
		return [[]];
	}
}

test('loadOptions runs in a LoadOptionsContext with current parameters, parameter defaults and credential defaults', async () => {
	const options = await loadOptions(FakePicker, 'getThings', {
		parameters: { prefix: 'X' },
		credentials: { appId: 'id', appSecret: 'secret' },
	});
	assert.deepEqual(options, [
		{ name: 'X:coin', value: 'a' },
		{ name: 'base https://admin.ccpayment.com', value: '300' },
	]);
	await assert.rejects(
		loadOptions(FakePicker, 'nope', {}),
		/has no methods\.loadOptions\.nope \(has: getThings\)/,
	);
});

test('listSearch passes filter and paginationToken', async () => {
	const first = await listSearch(FakePicker, 'searchThings', {
		credentials: { appId: 'id', appSecret: 's' },
	});
	assert.deepEqual(
		first.results.map((r) => r.value),
		['USDT', 'USDC'],
	);
	assert.equal(first.paginationToken, '2');
	const second = await listSearch(FakePicker, 'searchThings', { paginationToken: '2' });
	assert.deepEqual(
		second.results.map((r) => r.value),
		['BTC', 'ETH'],
	);
	assert.equal(second.paginationToken, undefined);
	const filtered = await listSearch(FakePicker, 'searchThings', { filter: 'usd' });
	assert.deepEqual(
		filtered.results.map((r) => r.value),
		['USDT', 'USDC'],
	);
});
