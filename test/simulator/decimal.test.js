// @ts-check
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const dec = require('../../simulator/shared/decimal');

test('add, sub and mul are exact where floats are not', () => {
	assert.equal(dec.add('0.1', '0.2'), '0.3');
	assert.equal(dec.sub('1', '0.9'), '0.1');
	assert.equal(dec.sub('1', '1.5'), '-0.5');
	assert.equal(dec.mul('0.003', '18'), '0.054');
	assert.equal(dec.mul('666', '0.0003'), '0.1998');
	assert.equal(
		dec.add('999999999999999999.999999999999999999', '0.000000000000000001'),
		'1000000000000000000',
	);
	assert.equal(dec.sum(['1', '2.5', '0.25']), '3.75');
	assert.equal(dec.sum([]), '0');
});

test('div rounds to the requested places (half-up by default) and reproduces the spec examples', () => {
	assert.equal(dec.div('1000', '16944.3', 16), '0.0590168965374787'); // token/rate doc example
	assert.equal(dec.div('18', '1867.69', 18), '0.009637573687282151'); // Invoice doc example
	assert.equal(dec.div('2', '3', 2), '0.67');
	assert.equal(dec.div('2', '3', 2, 'down'), '0.66');
	assert.equal(dec.div('1', '3', 0, 'up'), '1');
	assert.equal(dec.div('-2', '3', 2), '-0.67');
	assert.throws(() => dec.div('1', '0', 2), /division by zero/);
});

test('normalisation, comparison and rounding', () => {
	assert.equal(dec.normalize('012.500'), '12.5');
	assert.equal(dec.normalize('0.000'), '0');
	assert.equal(dec.normalize('-0'), '0');
	assert.equal(dec.cmp('1.0', '1'), 0);
	assert.equal(dec.cmp('1.01', '1.1'), -1);
	assert.equal(dec.cmp('-1', '-2'), 1);
	assert.equal(dec.round('2.345', 2), '2.35');
	assert.equal(dec.round('2.345', 2, 'down'), '2.34');
	assert.equal(dec.round('2.341', 2, 'up'), '2.35');
	assert.equal(dec.decimalPlaces('12.50'), 1);
	assert.equal(dec.decimalPlaces('7'), 0);
	assert.equal(dec.significant('0.05901689653747868', 4), '0.05902');
	assert.equal(dec.max('1.5', '1.25'), '1.5');
	assert.equal(dec.min('1.5', '1.25'), '1.25');
	assert.ok(
		dec.isPositive('0.000001') &&
			!dec.isPositive('0') &&
			dec.isZero('0.00') &&
			dec.isNegative('-0.1'),
	);
});

test('only plain unsigned decimal strings count as amounts', () => {
	for (const good of ['0', '12', '12.5', '0.000000000000000001'])
		assert.equal(dec.isDecimalString(good), true, good);
	for (const bad of [
		'',
		' 1',
		'1 ',
		'-1',
		'+1',
		'1e3',
		'.5',
		'5.',
		'1,5',
		'NaN',
		'0x10',
		null,
		12,
	]) {
		assert.equal(dec.isDecimalString(bad), false, String(bad));
	}
	assert.throws(() => dec.parse('abc'), /not a decimal/);
	assert.throws(() => dec.parse(0.1), /safe integers/);
});
