// @ts-check
'use strict';
/**
 * Texts the editor shows under a field stay short (at most 200 characters, as n8n's built-in nodes);
 * longer explanations belong in the README. Covers both nodes and both credentials, every nesting level.
 */
const { test } = require('node:test');
const assert = require('node:assert/strict');

const dist = require('../../../dev/dist');

const MAX = 200;

const described = {
	'CCPayment node': new (dist.product('actionNode').CcPayment)().description.properties,
	'CCPayment Trigger': new (dist.product('triggerNode').CcPaymentTrigger)().description.properties,
	'CCPayment V1 API credential': new (dist.product('credential').CcPaymentApi)().properties,
	'CCPayment V2 API credential': new (dist.product('credentialV2').CcPaymentV2Api)().properties,
};

/**
 * Every shown text over the limit, with where it is.
 * @param {unknown} value
 * @param {string} where
 * @param {string[]} found
 */
function tooLong(value, where, found) {
	if (Array.isArray(value)) {
		value.forEach((v, i) => tooLong(v, `${where}[${i}]`, found));
	} else if (value && typeof value === 'object') {
		const object = /** @type {Record<string, unknown>} */ (value);
		for (const [key, v] of Object.entries(object)) {
			const shown =
				key === 'description' ||
				key === 'hint' ||
				(key === 'displayName' && object.type === 'notice');
			if (shown && typeof v === 'string' && v.length > MAX) {
				found.push(`${where}.${key} (${v.length} characters): ${v.slice(0, 60)}...`);
			}
			tooLong(v, `${where}.${String(object.name ?? key)}`, found);
		}
	}
	return found;
}

for (const [name, properties] of Object.entries(described)) {
	test(`${name}: no field text over ${MAX} characters`, () => {
		assert.ok(properties.length > 0);
		assert.deepEqual(tooLong(properties, name, []), []);
	});
}

test('the check finds a text over the limit, nested in options', () => {
	const properties = [
		{ name: 'a', type: 'collection', options: [{ name: 'b', description: 'x'.repeat(MAX + 1) }] },
		{ name: 'c', type: 'notice', displayName: 'y'.repeat(MAX + 1) },
		{ name: 'd', description: 'z'.repeat(MAX) },
	];
	assert.equal(tooLong(properties, 'test', []).length, 2);
});
