// @ts-check
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { product } = require('../../../../dev/dist');

const { parseDecimal, toDecimalString, addDecimals, decimalPlaces, isZeroDecimal } =
	product('decimal');

test('decimal strings are kept exactly, only redundant zeros are dropped', () => {
	assert.equal(toDecimalString('0.1'), '0.1');
	assert.equal(toDecimalString(' 12.50 '), '12.5');
	assert.equal(toDecimalString('007.000'), '7');
	assert.equal(toDecimalString('+3'), '3');
	assert.equal(toDecimalString('0.000000000000000001'), '0.000000000000000001');
	assert.equal(
		toDecimalString('123456789012345678901234567890.123456789'),
		'123456789012345678901234567890.123456789',
	);
});

test('numbers become their exact shortest decimal text without float arithmetic', () => {
	assert.equal(toDecimalString(0.1), '0.1');
	assert.equal(toDecimalString(12), '12');
	assert.equal(toDecimalString(19.99), '19.99');
	assert.equal(toDecimalString(1e-7), '0.0000001');
	assert.equal(toDecimalString(1.5e-10), '0.00000000015');
	assert.equal(toDecimalString(123456789012345), '123456789012345');
	assert.equal(toDecimalString(Number.MAX_SAFE_INTEGER), '9007199254740991');
	assert.equal(toDecimalString(1e15), '1000000000000000');
	assert.equal(toDecimalString(0), '0');
});

test('numbers that JavaScript cannot hold exactly are rejected with a fix', () => {
	// The last value is the point of the test: a number JavaScript cannot hold exactly (read from text,
	// as a literal that loses precision is a lint error).
	for (const value of [1e21, 1.5e21, 2 ** 53, Number('12345678901234567890')]) {
		const result = parseDecimal(value);
		assert.equal(result.ok, false, String(value));
		assert.match(result.ok ? '' : result.problem, /too large/);
		assert.match(result.ok ? '' : result.fix, /string/);
	}
	const artefact = parseDecimal(0.1 + 0.2);
	assert.equal(artefact.ok, false);
	assert.match(artefact.ok ? '' : artefact.problem, /significant digits/);
	for (const value of [NaN, Infinity, -1])
		assert.equal(parseDecimal(value).ok, false, String(value));
});

test('malformed strings are rejected with the rule broken', () => {
	const cases = [
		['1e5', /exponent/],
		['1E-7', /exponent/],
		['-1', /positive/],
		['1,5', /comma/],
		['1,000.00', /comma/],
		['.5', /plain decimal/],
		['5.', /plain decimal/],
		['abc', /plain decimal/],
		['0x10', /plain decimal/],
		['', /empty/],
		['   ', /empty/],
		['1 000', /plain decimal/],
	];
	for (const [input, pattern] of cases) {
		const result = parseDecimal(input);
		assert.equal(result.ok, false, String(input));
		assert.match(result.ok ? '' : result.problem, /** @type {RegExp} */ (pattern), String(input));
	}
	assert.equal(parseDecimal(true).ok, false);
	assert.equal(parseDecimal({}).ok, false);
	assert.equal(parseDecimal(null).ok, false);
	assert.throws(() => toDecimalString('1e3'), /exponent/);
});

test('bigint amounts are exact', () => {
	assert.equal(toDecimalString(BigInt('123456789012345678901')), '123456789012345678901');
	assert.equal(parseDecimal(BigInt(-1)).ok, false);
});

test('helpers: decimal places, zero, exact sums', () => {
	assert.equal(decimalPlaces('1.25'), 2);
	assert.equal(decimalPlaces('10'), 0);
	assert.equal(isZeroDecimal('0.000'), true);
	assert.equal(isZeroDecimal('0.001'), false);
	assert.equal(addDecimals(['0.1', '0.2']), '0.3');
	assert.equal(addDecimals(['0.279173646007816863', '1']), '1.279173646007816863');
	assert.equal(addDecimals([]), '0');
	assert.equal(addDecimals(['1.50', '2.50']), '4');
	assert.throws(() => addDecimals(['1e3']));
});
