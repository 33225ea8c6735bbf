// @ts-check
'use strict';
/**
 * What n8n's node creator offers as CCPayment's actions and the trigger's events. The editor
 * derives them from the node description alone: per resource option it takes the first `operation`
 * parameter whose displayOptions show that resource (ignoring `apiVersion`), and for a trigger the
 * first parameter displayed as "Events". Both API versions use some of the same resource names
 * (Order, Withdrawal, ...), so the order of the properties decides which version's operations the
 * creator shows; it must be v2's, the default API of a new node. `creatorActions` below follows the
 * rules of n8n's editor (useActionsGeneration: resourceCategories and triggersCategory), the same in
 * n8n 1.123 and 2.41.
 */
const { test } = require('node:test');
const assert = require('node:assert/strict');

const { CcPayment } = require('../../../dev/dist').product('actionNode');
const { CcPaymentTrigger } = require('../../../dev/dist').product('triggerNode');

/** @typedef {{ name: string, value: string, action?: string }} Option */
/** @typedef {{ name: string, displayName: string, options?: Option[], displayOptions?: { show?: Record<string, unknown[]> } }} Property */

/**
 * The creator's action list for an action node: one row per operation of the first matching
 * Operation parameter, for every option of every `resource` parameter.
 * @param {{ properties: Property[] }} description
 */
function creatorActions(description) {
	const rows = [];
	for (const resource of description.properties.filter((p) => p.name === 'resource')) {
		for (const option of resource.options ?? []) {
			const operations = description.properties.find(
				(p) =>
					p.name === 'operation' && (p.displayOptions?.show?.resource ?? []).includes(option.value),
			);
			for (const operation of operations?.options ?? []) {
				rows.push({ resource: option.value, operation: operation.value, label: operation.action });
			}
		}
	}
	return rows;
}

/**
 * The creator's events for a trigger: the options of the first parameter displayed as "Events".
 * @param {{ properties: Property[] }} description
 */
function creatorEvents(description) {
	const events = description.properties.find((p) =>
		['event', 'events', 'trigger on'].includes(p.displayName.toLowerCase()),
	);
	return (events?.options ?? []).map((o) => o.value);
}

/**
 * Whether a property is one API version's (the node shows it only for that version).
 * @param {Property} p
 * @param {string} apiVersion
 */
const shownFor = (p, apiVersion) => (p.displayOptions?.show?.apiVersion ?? []).includes(apiVersion);

/**
 * Every (resource, operation) pair one API version offers, from its own parameters.
 * @param {Property[]} properties
 * @param {string} apiVersion
 */
function operationsOf(properties, apiVersion) {
	const pairs = new Set();
	for (const p of properties.filter((q) => q.name === 'operation' && shownFor(q, apiVersion))) {
		for (const resource of /** @type {string[]} */ (p.displayOptions?.show?.resource ?? [])) {
			for (const o of p.options ?? []) pairs.add(`${resource}.${o.value}`);
		}
	}
	return pairs;
}

/**
 * The option values of one API version's parameter of that name (its resources, its events).
 * @param {Property[]} properties
 * @param {string} name
 * @param {string} apiVersion
 */
function optionsOf(properties, name, apiVersion) {
	const property = properties.find((p) => p.name === name && shownFor(p, apiVersion));
	return (property?.options ?? []).map((o) => o.value);
}

const action = /** @type {{ properties: Property[] }} */ (new CcPayment().description);
const trigger = /** @type {{ properties: Property[] }} */ (new CcPaymentTrigger().description);

test('the creator offers every v2 operation, under its own resource', () => {
	const offered = new Set(creatorActions(action).map((r) => `${r.resource}.${r.operation}`));
	const v2 = operationsOf(action.properties, 'v2');
	assert.ok(v2.size >= 60, `expected the v2 operations, found ${v2.size}`);
	const missing = [...v2].filter((pair) => !offered.has(pair));
	assert.deepEqual(missing, [], 'v2 operations the node creator would not offer');
});

test('for a resource name both API versions use, the creator offers v2 operations only', () => {
	const v1 = operationsOf(action.properties, 'v1');
	const v2 = operationsOf(action.properties, 'v2');
	const v2Resources = new Set(optionsOf(action.properties, 'resource', 'v2'));
	const shared = optionsOf(action.properties, 'resource', 'v1').filter((r) => v2Resources.has(r));
	assert.ok(shared.length > 0, 'the API versions are expected to share resource names');
	const wrong = creatorActions(action)
		.filter((r) => v2Resources.has(r.resource))
		.map((r) => `${r.resource}.${r.operation}`)
		.filter((pair) => !v2.has(pair));
	assert.deepEqual(wrong, [], 'operations offered under a v2 resource that v2 does not have');
	// A v1 operation with the same resource and value as a v2 one is still offered, as v2's.
	assert.ok(
		[...v1].some((pair) => !v2.has(pair)),
		'v1 has operations v2 lacks',
	);
});

test('resources only v1 has keep their v1 operations in the creator', () => {
	const v2Resources = new Set(optionsOf(action.properties, 'resource', 'v2'));
	const v1Only = optionsOf(action.properties, 'resource', 'v1').filter((r) => !v2Resources.has(r));
	assert.ok(v1Only.length > 0, 'v1 is expected to have a resource v2 lacks (Checkout)');
	const v1 = operationsOf(action.properties, 'v1');
	for (const resource of v1Only) {
		const offered = creatorActions(action).filter((r) => r.resource === resource);
		const expected = [...v1].filter((pair) => pair.startsWith(`${resource}.`));
		assert.deepEqual(
			offered.map((r) => `${r.resource}.${r.operation}`).sort(),
			expected.sort(),
			resource,
		);
	}
});

test('every action the creator offers has an action label', () => {
	const unlabeled = creatorActions(action).filter((r) => !r.label);
	assert.deepEqual(unlabeled, []);
});

test("the trigger's creator events are v2's", () => {
	const v2 = optionsOf(trigger.properties, 'events', 'v2');
	assert.ok(v2.length > 0);
	assert.deepEqual(creatorEvents(trigger), v2);
	assert.notDeepEqual(creatorEvents(trigger), optionsOf(trigger.properties, 'events', 'v1'));
});
