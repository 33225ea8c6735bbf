// @ts-check
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { product } = require('../../../../dev/dist');

const { InvalidParameterError } = product('validation');
const { toUnixSeconds, zonedToUtcMs } = product('time');

/** @param {() => unknown} fn @param {RegExp} message @param {RegExp} [fix] */
function rejects(fn, message, fix) {
	try {
		fn();
	} catch (error) {
		assert.ok(error instanceof InvalidParameterError, `not an InvalidParameterError: ${error}`);
		assert.match(error.message, message);
		if (fix) assert.match(error.fix, fix);
		return error;
	}
	assert.fail('expected a validation failure');
}

test('timestamps: seconds, milliseconds, ISO with zone, local time in the workflow zone', () => {
	assert.equal(toUnixSeconds(1700000000, 'Start Time'), 1700000000);
	assert.equal(toUnixSeconds('1700000000', 'Start Time'), 1700000000);
	assert.equal(toUnixSeconds('1700000000123', 'Start Time'), 1700000000);
	assert.equal(toUnixSeconds('2023-11-14T22:13:20Z', 'Start Time'), 1700000000);
	assert.equal(toUnixSeconds('2023-11-14T23:13:20+01:00', 'Start Time'), 1700000000);
	assert.equal(toUnixSeconds('2023-11-14T22:13:20', 'Start Time', 'UTC'), 1700000000);
	assert.equal(toUnixSeconds('2023-11-14T17:13:20', 'Start Time', 'America/New_York'), 1700000000);
	// Summer time in New York is UTC-4.
	assert.equal(
		toUnixSeconds('2023-07-01T00:00:00', 'Start Time', 'America/New_York'),
		Date.UTC(2023, 6, 1, 4) / 1000,
	);
	assert.equal(zonedToUtcMs([2023, 11, 14, 22, 13, 20], 'UTC'), 1700000000000);
	assert.equal(toUnixSeconds(new Date(1700000000000), 'Start Time'), 1700000000);
	rejects(() => toUnixSeconds('', 'Start Time'), /^Start Time is required/);
	rejects(() => toUnixSeconds('yesterday', 'Start Time'), /not a date/);
	rejects(() => toUnixSeconds('17000000001', 'Start Time'), /seconds or milliseconds/);
	rejects(() => toUnixSeconds(-5, 'Start Time'), /whole Unix time/);
});
