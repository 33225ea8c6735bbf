// @ts-check
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { product } = require('../../../../../dev/dist');

const {
	decideAfterSendFailure,
	decideAfterReconcileMiss,
	isDuplicateOrderError,
	runWrite,
	WriteFlowError,
} = product('writePolicy');
const { classifyBusinessError, classifyTransportError, classifyHttpStatus } = product('errors');

const PATH = '/ccpayment/v1/withdraw';
const F = {
	business: classifyBusinessError(PATH, { code: 224002, msg: 'insufficient balance' }),
	duplicate: classifyBusinessError(PATH, { code: 224005, msg: 'merchant order id already exists' }),
	rateLimited: classifyBusinessError(PATH, { code: 10429, msg: 'rate limit exceeded' }),
	service: classifyBusinessError(PATH, { code: 224066, msg: 'service err, please try again' }),
	timeout: classifyTransportError(
		PATH,
		Object.assign(new Error('timeout of 500ms exceeded'), { code: 'ECONNABORTED' }),
	),
	reset: classifyTransportError(
		PATH,
		Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
	),
	refused: classifyTransportError(
		PATH,
		Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
	),
	cancelled: classifyTransportError(
		PATH,
		Object.assign(new Error('canceled'), { code: 'ERR_CANCELED' }),
	),
	http502: classifyHttpStatus(PATH, 502),
	http404: classifyHttpStatus(PATH, 404),
	http429: classifyHttpStatus(PATH, 429),
	badResponse: { path: PATH, kind: 'bad_response', retryable: true, mayHaveBeenApplied: true },
	badSignature: { path: PATH, kind: 'bad_signature', retryable: true, mayHaveBeenApplied: true },
};

const fresh = { reconcilable: true, hadAmbiguousSend: false, resendsLeft: 3 };

test('decision table after a failed send', () => {
	const table = [
		// [failure, state overrides, expected]
		['business', {}, { action: 'fail', status: 'failed' }],
		['duplicate', {}, { action: 'fail', status: 'failed' }],
		['duplicate', { hadAmbiguousSend: true }, { action: 'reconcile' }],
		[
			'duplicate',
			{ hadAmbiguousSend: true, reconcilable: false },
			{ action: 'fail', status: 'failed' },
		],
		['rateLimited', {}, { action: 'resend' }],
		['refused', {}, { action: 'resend' }],
		['http429', {}, { action: 'resend' }],
		['rateLimited', { resendsLeft: 0 }, { action: 'fail', status: 'failed' }],
		['http404', {}, { action: 'fail', status: 'failed' }],
		['service', {}, { action: 'reconcile' }],
		['timeout', {}, { action: 'reconcile' }],
		['reset', {}, { action: 'reconcile' }],
		['http502', {}, { action: 'reconcile' }],
		['badResponse', {}, { action: 'reconcile' }],
		['badSignature', {}, { action: 'reconcile' }],
		['timeout', { resendsLeft: 0 }, { action: 'reconcile' }],
		['timeout', { reconcilable: false }, { action: 'fail', status: 'unknown' }],
		['service', { reconcilable: false }, { action: 'fail', status: 'unknown' }],
		['rateLimited', { reconcilable: false }, { action: 'resend' }],
		['cancelled', {}, { action: 'fail', status: 'unknown' }],
	];
	for (const [name, overrides, expected] of /** @type {Array<[string, object, object]>} */ (
		table
	)) {
		const decision = decideAfterSendFailure(F[name], { ...fresh, ...overrides });
		assert.deepEqual(decision, expected, `${name} ${JSON.stringify(overrides)}`);
	}
	assert.deepEqual(decideAfterSendFailure(undefined, fresh), { action: 'fail', status: 'failed' });
	assert.deepEqual(decideAfterReconcileMiss({ resendsLeft: 1 }), { action: 'resend' });
	assert.deepEqual(decideAfterReconcileMiss({ resendsLeft: 0 }), {
		action: 'fail',
		status: 'failed',
	});
});

test('duplicate-order answers are told apart from other business errors', () => {
	assert.equal(isDuplicateOrderError(F.duplicate), true);
	assert.equal(
		isDuplicateOrderError(
			classifyBusinessError(PATH, { code: 1, msg: 'Duplicate merchant_order_id' }),
		),
		true,
	);
	assert.equal(
		isDuplicateOrderError(
			classifyBusinessError(PATH, { code: 1, msg: 'x', reason: 'OrderRepeat' }),
		),
		true,
	);
	assert.equal(isDuplicateOrderError(F.business), false);
	assert.equal(isDuplicateOrderError(F.timeout), false);
	assert.equal(isDuplicateOrderError(undefined), false);
});

/**
 * A scripted CCPayment: each send consumes the next scripted answer. `applied` tracks whether the
 * order exists (the ledger), so every scenario can check "at most one debit".
 */
function scripted(answers, { existsBefore = false, lookupFails = 0 } = {}) {
	const log = [];
	let exists = existsBefore;
	let debits = 0;
	let lookupFailures = lookupFails;
	const failure = (name) => Object.assign(new Error(name), { info: F[name] });
	return {
		log,
		get debits() {
			return debits;
		},
		flow: {
			reconcilable: true,
			maxResends: 3,
			failureOf: (error) => error.info,
			pause: async () => {
				log.push('pause');
			},
			send: async () => {
				const answer = answers.shift() ?? 'ok';
				log.push(`send:${answer}`);
				if (answer === 'ok' || answer.endsWith('AfterApply')) {
					if (exists) {
						throw failure('duplicate');
					}
					exists = true;
					debits++;
				}
				if (answer === 'ok') return { order_id: 'CP1' };
				throw failure(answer.replace('AfterApply', ''));
			},
			lookup: async () => {
				log.push('lookup');
				if (lookupFailures-- > 0) throw failure('timeout');
				return exists
					? { order_detail: { merchant_order_id: 'm-1', status: 'Processing' } }
					: undefined;
			},
		},
	};
}

test('runWrite: clean create', async () => {
	const s = scripted(['ok']);
	const result = await runWrite(s.flow);
	assert.equal(result.outcome, 'created');
	assert.equal(result.sends, 1);
	assert.equal(s.debits, 1);
});

test('runWrite: timeout after applying -> reconciled as already existed, one debit', async () => {
	const s = scripted(['timeoutAfterApply']);
	const result = await runWrite(s.flow);
	assert.equal(result.outcome, 'already_existed');
	assert.deepEqual(s.log, ['send:timeoutAfterApply', 'lookup']);
	assert.equal(s.debits, 1);
});

test('runWrite: reset before applying -> not found -> same body re-sent -> created', async () => {
	const s = scripted(['reset', 'ok']);
	const result = await runWrite(s.flow);
	assert.equal(result.outcome, 'created');
	assert.deepEqual(s.log, ['send:reset', 'lookup', 'pause', 'send:ok']);
	assert.equal(s.debits, 1);
});

test('runWrite: rate limit -> wait and re-send without a lookup', async () => {
	const s = scripted(['rateLimited', 'refused', 'ok']);
	const result = await runWrite(s.flow);
	assert.equal(result.outcome, 'created');
	assert.deepEqual(s.log, ['send:rateLimited', 'pause', 'send:refused', 'pause', 'send:ok']);
});

test('runWrite: definite business error is not retried', async () => {
	const s = scripted(['business']);
	const error = await runWrite(s.flow).catch((e) => e);
	assert.ok(error instanceof WriteFlowError);
	assert.equal(error.status, 'failed');
	assert.equal(error.info.code, 224002);
	assert.deepEqual(s.log, ['send:business']);
	assert.equal(s.debits, 0);
});

test('runWrite: an order from an earlier run answers duplicate -> failed, no lookup, no debit', async () => {
	const s = scripted(['ok'], { existsBefore: true });
	const error = await runWrite(s.flow).catch((e) => e);
	assert.equal(error.status, 'failed');
	assert.equal(error.info.code, 224005);
	assert.deepEqual(s.log, ['send:ok']);
	assert.equal(s.debits, 0);
});

test('runWrite: ambiguous, lookup misses (lagging), re-send answers duplicate -> reconcile again -> already existed', async () => {
	let lookups = 0;
	const s = scripted(['timeoutAfterApply', 'ok']);
	const lookup = s.flow.lookup;
	s.flow.lookup = async () => (++lookups === 1 ? (s.log.push('lookup'), undefined) : lookup());
	const result = await runWrite(s.flow);
	assert.equal(result.outcome, 'already_existed');
	assert.deepEqual(s.log, ['send:timeoutAfterApply', 'lookup', 'pause', 'send:ok', 'lookup']);
	assert.equal(s.debits, 1);
});

test('runWrite: ambiguous twice then applied -> one debit, bounded sends', async () => {
	const s = scripted(['reset', 'http502', 'ok']);
	const result = await runWrite(s.flow);
	assert.equal(result.outcome, 'created');
	assert.equal(result.sends, 3);
	assert.equal(s.debits, 1);
});

test('runWrite: budget exhausted while nothing was applied -> failed (not created)', async () => {
	const s = scripted(['reset', 'reset', 'reset', 'reset', 'reset']);
	const error = await runWrite(s.flow).catch((e) => e);
	assert.equal(error.status, 'failed');
	assert.equal(error.notFound, true);
	assert.equal(error.sends, 4);
	assert.equal(s.log.filter((entry) => entry.startsWith('send')).length, 4);
	assert.equal(s.debits, 0);
});

test('runWrite: lookup failing -> unknown, never re-sent blindly', async () => {
	const s = scripted(['timeoutAfterApply'], { lookupFails: 1 });
	const error = await runWrite(s.flow).catch((e) => e);
	assert.equal(error.status, 'unknown');
	assert.ok(error.lookupError);
	assert.deepEqual(s.log, ['send:timeoutAfterApply', 'lookup']);
	assert.equal(s.debits, 1);
});

test('runWrite: not reconcilable (hosted checkout) ambiguous -> unknown without re-send', async () => {
	const s = scripted(['timeout']);
	s.flow.reconcilable = false;
	const error = await runWrite(s.flow).catch((e) => e);
	assert.equal(error.status, 'unknown');
	assert.deepEqual(s.log, ['send:timeout']);
});

test('runWrite: maxResends 0 -> a rate limit fails definitely', async () => {
	const s = scripted(['rateLimited']);
	s.flow.maxResends = 0;
	const error = await runWrite(s.flow).catch((e) => e);
	assert.equal(error.status, 'failed');
	assert.deepEqual(s.log, ['send:rateLimited']);
});
