// @ts-check
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { errorTextProblems, fieldProblems, ourConsoleErrors } = require('../../../dev/ui/checks');

const clean = {
	issues: [],
	values: [
		{ name: 'resource', value: 'Balance' },
		{ name: 'coinId', value: 'USDT · Tether USD' },
		{ name: 'amount', value: '0.000000000000000001' },
	],
	texts: ['Credential to connect with\nResource\nOperation\nCoin', 'Get balance\nget: balance'],
};

test('fields with values and plain text have no problems', () => {
	assert.deepEqual(fieldProblems(clean), []);
});

test('an issue marker, a raw expression, [object Object] and undefined are each reported', () => {
	const problems = fieldProblems({
		issues: ['coinId'],
		values: [
			{ name: 'chain', value: '={{ $parameter["chain"] }}' },
			{ name: 'memo', value: '[object Object]' },
			{ name: 'amount', value: 'undefined' },
		],
		texts: ['get: undefined', '{{$parameter["operation"] + ": " + $parameter["resource"]}}'],
	});
	assert.deepEqual(problems, [
		'coinId: shows an issue',
		'chain: shows a raw expression (={{ $parameter["chain"] }})',
		'chain: shows an unresolved expression (={{ $parameter["chain"] }})',
		'chain: shows expression source (={{ $parameter["chain"] }})',
		'memo: shows [object Object] ([object Object])',
		'amount: shows undefined / NaN (undefined)',
		'text shows undefined / NaN: get: undefined',
		'text shows an unresolved expression: {{$parameter["operation"] + ": " + $parameter["resource"]}}',
		'text shows expression source: {{$parameter["operation"] + ": " + $parameter["resource"]}}',
	]);
});

test('words that merely contain "undefined" or "NaN" are not artefacts', () => {
	assert.deepEqual(
		fieldProblems({
			issues: [],
			values: [{ name: 'x', value: 'NaNo-coin' }],
			texts: ['undefined-ish'],
		}),
		[],
	);
});

test('an error text for people passes; empty, artefacts, stack traces and the secret do not', () => {
	const secret = '0f1e2d3c4b5a69780f1e2d3c4b5a6978';
	const good =
		'CCPayment rejected the request (code 13000 InvalidCoin). Pick the coin from the list.';
	assert.deepEqual(errorTextProblems(good, [secret]), []);
	assert.deepEqual(errorTextProblems(' ', [secret]), ['says nearly nothing']);
	assert.deepEqual(errorTextProblems('Request failed: [object Object]', [secret]), [
		'shows a JS artefact',
	]);
	assert.deepEqual(
		errorTextProblems('TypeError: x is not a function\n    at f (/a/b.js:1:2)', [secret]),
		['shows a stack trace'],
	);
	assert.deepEqual(errorTextProblems(`The App Secret ${secret} is wrong`, [secret]), [
		'shows the App Secret',
	]);
});

test("only this package's console errors count", () => {
	assert.deepEqual(
		ourConsoleErrors([
			'Failed to load resource: favicon',
			'Error in node CcPayment: x',
			'n8n-nodes-ccpayment.ccPaymentTrigger: y',
		]),
		['Error in node CcPayment: x', 'n8n-nodes-ccpayment.ccPaymentTrigger: y'],
	);
});
