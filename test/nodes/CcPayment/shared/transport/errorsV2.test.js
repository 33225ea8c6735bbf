// @ts-check
'use strict';
/**
 * The v2 error table: every code CCPayment documents has a tip, a meaning and a fix; the transport
 * classes (rate limit, transient, "already exists") come from the code, not from message text.
 */
const { test } = require('node:test');
const assert = require('node:assert/strict');

const { V2_ERRORS, v2ErrorEntry, classifyBusinessErrorV2, withAppIdHintV2 } =
	require('../../../../../dev/dist').product('errorsV2');
const { messageFor, descriptionFor, hintFor } =
	require('../../../../../dev/dist').product('errors');
const { isDuplicateOrderError, decideAfterSendFailure } =
	require('../../../../../dev/dist').product('writePolicy');

/** Every code of CCPayment's v2 error table (including the ones only its proto lists). */
const DOCUMENTED = [
	10001, 11000, 11001, 11002, 11003, 11004, 11005, 11006, 11007, 11008, 11009, 11010, 11011, 11012,
	11013, 11014, 11015, 11016, 11017, 11018, 12000, 12001, 12002, 12003, 13000, 13001, 13002, 13003,
	13004, 13005, 13006, 14000, 14001, 14002, 14003, 14004, 14005, 14006, 14007, 14008, 14009, 14010,
	14011, 14012, 14013, 14014, 14015, 14016, 14017, 14018, 14019, 14020, 14021, 14022, 14023, 14024,
	14025, 14026, 14027, 14028, 14029, 15000, 15001, 15002, 15003, 15004, 16001, 16002, 16003, 16004,
	16005, 16006, 17000, 17001, 17002, 17003, 17004, 17005, 17006, 17007,
];

const SPECIAL = {
	11002: { kind: 'service_error', retryable: true, mayHaveBeenApplied: true },
	11004: { kind: 'rate_limited', retryable: true, mayHaveBeenApplied: false },
	11018: { kind: 'rate_limited', retryable: true, mayHaveBeenApplied: false },
};

test('the table has exactly the documented codes, each with tip, meaning and fix', () => {
	assert.deepEqual(
		Object.keys(V2_ERRORS)
			.map(Number)
			.sort((a, b) => a - b),
		DOCUMENTED,
	);
	for (const code of DOCUMENTED) {
		const entry = v2ErrorEntry(code);
		assert.ok(entry, `code ${code}`);
		assert.match(entry.tip, /^[A-Z][A-Za-z]+$/, `tip of ${code}`);
		assert.ok(entry.meaning.length > 5 && entry.meaning.length < 200, `meaning of ${code}`);
		assert.ok(entry.fix.length > 5 && entry.fix.length < 200, `fix of ${code}`);
		assert.match(entry.fix, /[.)]$/, `fix of ${code} is a sentence`);
	}
	assert.equal(v2ErrorEntry(10000), undefined, 'success is not an error');
	assert.equal(v2ErrorEntry(99999), undefined);
	assert.equal(v2ErrorEntry(/** @type {any} */ ('toString')), undefined, 'no prototype keys');
});

test("tips are CCPayment's names for the codes", () => {
	const names = {
		11004: 'RateLimit',
		11005: 'VerifySignFailed',
		11006: 'ReqExpired',
		11011: 'OrderDuplicate',
		11013: 'NoSupportVersion',
		12001: 'MerchantNotFound',
		12002: 'IpNotInWhitelist',
		12003: 'MerchantApiDisabled',
		14000: 'BalanceInsufficient',
		14023: 'TestModeSingleLimitAmount',
	};
	for (const [code, tip] of Object.entries(names)) assert.equal(V2_ERRORS[code].tip, tip);
});

test('every code classifies with its message, fix and kind', () => {
	for (const code of DOCUMENTED) {
		const info = classifyBusinessErrorV2('/ccpayment/v2/getCoin', {
			code,
			msg: 'some text',
			reason: 'why',
		});
		const entry = V2_ERRORS[code];
		const special = SPECIAL[/** @type {keyof typeof SPECIAL} */ (code)] ?? {
			kind: 'business',
			retryable: false,
			mayHaveBeenApplied: false,
		};
		assert.equal(info.kind, special.kind, `kind of ${code}`);
		assert.equal(info.retryable, special.retryable, `retryable ${code}`);
		assert.equal(info.mayHaveBeenApplied, special.mayHaveBeenApplied, `applied ${code}`);
		assert.equal(info.code, code);
		assert.equal(info.tip, entry.tip);
		assert.equal(info.fix, entry.fix);
		assert.equal(info.httpStatus, 200);
		assert.equal(info.path, '/ccpayment/v2/getCoin');
		assert.equal(
			messageFor(info),
			`CCPayment rejected the request (code ${code} ${entry.tip}: some text, reason why)`,
		);
		assert.equal(hintFor(info), entry.fix);
		assert.ok(String(descriptionFor(info)).startsWith(entry.fix));
	}
});

test('a msg that only repeats the tip is not shown twice', () => {
	const info = classifyBusinessErrorV2('/p', { code: 11005, msg: 'VerifySignFailed' });
	assert.equal(messageFor(info), 'CCPayment rejected the request (code 11005 VerifySignFailed)');
});

test('11011 and 11007 are the write policy\'s "already exists"; nothing else is, whatever its text', () => {
	for (const code of DOCUMENTED) {
		const info = classifyBusinessErrorV2('/p', {
			code,
			msg: code === 11000 ? 'order id already exists' : 'x',
		});
		const expected = code === 11011 || code === 11007;
		assert.equal(info.duplicate === true, expected, `duplicate flag of ${code}`);
		if (code !== 11000)
			assert.equal(isDuplicateOrderError(info), expected, `isDuplicateOrderError ${code}`);
	}
	// After an ambiguous send of our own, "already exists" means: look the order up.
	const duplicate = classifyBusinessErrorV2('/p', { code: 11011, msg: 'OrderDuplicate' });
	assert.deepEqual(
		decideAfterSendFailure(duplicate, {
			reconcilable: true,
			hadAmbiguousSend: true,
			resendsLeft: 2,
		}),
		{ action: 'reconcile' },
	);
	assert.deepEqual(
		decideAfterSendFailure(duplicate, {
			reconcilable: true,
			hadAmbiguousSend: false,
			resendsLeft: 2,
		}),
		{ action: 'fail', status: 'failed' },
	);
});

test('rate limits are re-sent (nothing applied); 11002 is reconciled for writes', () => {
	const state = { reconcilable: true, hadAmbiguousSend: false, resendsLeft: 2 };
	assert.deepEqual(decideAfterSendFailure(classifyBusinessErrorV2('/p', { code: 11004 }), state), {
		action: 'resend',
	});
	assert.deepEqual(decideAfterSendFailure(classifyBusinessErrorV2('/p', { code: 11018 }), state), {
		action: 'resend',
	});
	assert.deepEqual(decideAfterSendFailure(classifyBusinessErrorV2('/p', { code: 11002 }), state), {
		action: 'reconcile',
	});
	assert.deepEqual(decideAfterSendFailure(classifyBusinessErrorV2('/p', { code: 14000 }), state), {
		action: 'fail',
		status: 'failed',
	});
});

test('an undocumented code is a plain business error that says so', () => {
	const info = classifyBusinessErrorV2('/p', { code: 19999, msg: 'NewThing' });
	assert.equal(info.kind, 'business');
	assert.equal(info.tip, undefined);
	assert.match(String(info.fix), /did not document this code/);
	assert.equal(messageFor(info), 'CCPayment rejected the request (code 19999: NewThing)');
});

test('the credential codes name the cause: wrong secret, App ID, clock, IP, verification, v1 account', () => {
	assert.match(V2_ERRORS[11005].fix, /App Secret/);
	assert.match(V2_ERRORS[12001].fix, /App ID/);
	assert.match(V2_ERRORS[11006].fix, /clock/);
	assert.match(V2_ERRORS[12002].fix, /whitelist/);
	assert.match(V2_ERRORS[12003].fix, /website verification/);
	assert.match(V2_ERRORS[11013].fix, /v1 account: use the CCPayment V1 API credential/);
});

test('App ID shape hints are added to credential codes only, and only when the shape suggests v1', () => {
	const v1Id = '202302010636261620672405236006912';
	for (const code of [11001, 11005, 12001]) {
		const info = withAppIdHintV2(classifyBusinessErrorV2('/p', { code }), v1Id);
		assert.match(String(info.fix), /33 digits, like a v1 App ID/, `code ${code}`);
		assert.ok(String(info.fix).startsWith(V2_ERRORS[code].fix));
		assert.deepEqual(
			withAppIdHintV2(classifyBusinessErrorV2('/p', { code }), '9uWkOaQcHcipuk6z'),
			classifyBusinessErrorV2('/p', { code }),
		);
	}
	const balance = classifyBusinessErrorV2('/p', { code: 14000 });
	assert.deepEqual(withAppIdHintV2(balance, v1Id), balance);
});
