// @ts-check
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { product } = require('../../../../../dev/dist');

const { backoffDelay, BACKOFF_BASE_MS, BACKOFF_RATE_LIMIT_BASE_MS, BACKOFF_CAP_MS } =
	product('backoff');

test('equal-jitter exponential backoff stays within [ceiling/2, ceiling]', () => {
	for (let attempt = 0; attempt < 12; attempt++) {
		const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
		assert.equal(backoffDelay(attempt, { random: () => 0 }), Math.round(ceiling / 2));
		assert.equal(backoffDelay(attempt, { random: () => 1 }), ceiling);
		const mid = backoffDelay(attempt, { random: () => 0.5 });
		assert.ok(mid >= ceiling / 2 && mid <= ceiling);
	}
});

test('rate-limit answers back off from a longer base; the cap holds', () => {
	assert.equal(backoffDelay(0, { rateLimited: true, random: () => 1 }), BACKOFF_RATE_LIMIT_BASE_MS);
	assert.equal(backoffDelay(30, { random: () => 1 }), BACKOFF_CAP_MS);
	assert.equal(backoffDelay(2, { baseMs: 10, capMs: 25, random: () => 1 }), 25);
	// Out-of-range random values are clamped.
	assert.equal(backoffDelay(0, { random: () => 5 }), BACKOFF_BASE_MS);
});
