// @ts-check
/**
 * v2 webhook verification on the raw bytes, against signatures computed independently in the test
 * (node:crypto HMAC-SHA256 over Appid + Timestamp + body).
 */
const { test } = require('node:test');
const assert = require('node:assert/strict');

const { product } = require('../../../../dev/dist');
const { verifyDeliveryV2, CCPAYMENT_V2_SENDER_IPS } = product('verificationV2');
const { MERCHANT_V2, BODIES, signedV2, hmacSign } = require('../../../helpers/v2-webhooks');

const NOW_MS = 1_726_717_500_000;
const TS = String(NOW_MS / 1000);

/** @param {Record<string, any>} over */
function check(over = {}) {
	const body = over.rawBody ?? BODIES.ApiDeposit;
	return verifyDeliveryV2({
		headers: over.headers ?? signedV2(body, { timestamp: TS }),
		rawBody: body,
		appId: MERCHANT_V2.appId,
		appSecret: MERCHANT_V2.appSecret,
		toleranceSeconds: 300,
		requireAppIdMatch: true,
		nowMs: NOW_MS,
		...over,
	});
}

test('an authentic delivery passes with the App ID and the Timestamp as sent', () => {
	for (const body of Object.values(BODIES)) {
		const verdict = check({ rawBody: Buffer.from(body) });
		assert.deepEqual(verdict, { ok: true, appId: MERCHANT_V2.appId, timestamp: TS });
	}
});

test('the signature is HMAC-SHA256 keyed with the App Secret (not v1 SHA-256 of the concatenation)', () => {
	const body = BODIES.DirectDeposit;
	const crypto = require('node:crypto');
	const v1Style = crypto
		.createHash('sha256')
		.update(`${MERCHANT_V2.appId}${MERCHANT_V2.appSecret}${TS}${body}`)
		.digest('hex');
	const headers = { Appid: MERCHANT_V2.appId, Timestamp: TS, Sign: v1Style };
	assert.equal(check({ rawBody: body, headers }).ok, false);
	headers.Sign = hmacSign(MERCHANT_V2.appId, MERCHANT_V2.appSecret, TS, body).toUpperCase();
	assert.equal(check({ rawBody: body, headers }).ok, true, 'upper-case hex accepted');
});

test('tampered, re-formatted, stale, future, wrong App ID, wrong secret and unsigned deliveries are 401', () => {
	const body = BODIES.ApiDeposit;
	const headers = signedV2(body, { timestamp: TS });
	const cases = {
		tampered: { rawBody: body.replace('"Success"', '"Failed"'), headers },
		reformatted: { rawBody: JSON.stringify(JSON.parse(body), null, 1), headers },
		trailingNewline: { rawBody: `${body}\n`, headers },
		stale: { headers: signedV2(body, { timestamp: String(Number(TS) - 301) }) },
		future: { headers: signedV2(body, { timestamp: String(Number(TS) + 301) }) },
		millis: { headers: signedV2(body, { timestamp: `${TS}000` }) },
		wrongAppId: { headers: signedV2(body, { timestamp: TS, appId: 'ZZZZZZZZ12345678' }) },
		wrongSecret: { headers: signedV2(body, { timestamp: TS, appSecret: 'x'.repeat(32) }) },
		unsigned: { headers: { Appid: MERCHANT_V2.appId, Timestamp: TS } },
		noHeaders: { headers: {} },
		noRawBody: { rawBody: null },
	};
	for (const [name, over] of Object.entries(cases)) {
		const verdict = check(over);
		assert.equal(verdict.ok, false, name);
		assert.equal(/** @type {any} */ (verdict).status, 401, name);
		assert.doesNotMatch(/** @type {any} */ (verdict).reason, new RegExp(MERCHANT_V2.appSecret));
	}
	assert.match(/** @type {any} */ (check(cases.stale)).reason, /300s old/);
	assert.match(/** @type {any} */ (check(cases.unsigned)).reason, /Missing header\(s\): Sign/);
});

test('window off accepts an old Timestamp; App ID check off accepts another Appid signed with the same secret', () => {
	const body = BODIES.UserDeposit;
	const old = signedV2(body, { timestamp: String(Number(TS) - 86400) });
	assert.equal(check({ rawBody: body, headers: old, toleranceSeconds: 0 }).ok, true);
	const other = signedV2(body, { timestamp: TS, appId: 'OtherApp12345678' });
	assert.equal(check({ rawBody: body, headers: other }).ok, false);
	const loose = check({ rawBody: body, headers: other, requireAppIdMatch: false });
	assert.deepEqual(loose, { ok: true, appId: 'OtherApp12345678', timestamp: TS });
});

test('the allow-list preset is the three published v2 sender IPs', () => {
	assert.deepEqual(CCPAYMENT_V2_SENDER_IPS, ['54.150.123.157', '35.72.150.75', '18.176.186.244']);
});
