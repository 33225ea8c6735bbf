// @ts-check
'use strict';
/**
 * Hand-made webhook deliveries for the negative cases of scenario 3. Each one carries a FRESH record_id,
 * so if the trigger accepted it a workflow run would appear; "no new execution" then really means the
 * trigger refused it (not that dedup swallowed it).
 */
const crypto = require('crypto');
const { product } = require('../../dist');

/** @type {{ signedHeaders: (appId: string, appSecret: string, body: string, ts?: string) => Record<string, string> }} */
const signer = product('signer');

/** A 33-digit record id that cannot collide with the simulator's. */
function freshRecordId() {
	return `9${crypto.randomBytes(16).readBigUInt64BE().toString().padStart(20, '0')}${Date.now()}`
		.slice(0, 33)
		.padEnd(33, '7');
}

/** A compact API Deposit webhook body (CCPayment's documented shape) for a made-up order. */
function apiDepositBody() {
	return JSON.stringify({
		pay_status: 'success',
		order_type: 'API Deposit',
		record_id: freshRecordId(),
		order_id: freshRecordId(),
		product_price: '25',
		denominated_currency: 'USD',
		order_amount: '25',
		fiat_rate: '1',
		paid_amount: '25',
		token_rate: '1',
		chain: 'TRX',
		txid: crypto.randomBytes(32).toString('hex'),
		contract: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
		crypto: 'USDT',
		extend: { merchant_order_id: `E2E-FORGED-${crypto.randomBytes(4).toString('hex')}` },
	});
}

/**
 * @param {{ appId: string, appSecret: string }} merchant the credential's merchant
 * @param {{ appId: string, appSecret: string }} other another merchant (valid keys, wrong App ID)
 * @returns {Array<{ name: string, headers: Record<string, string>, body: string }>}
 */
function badDeliveries(merchant, other) {
	const ct = { 'content-type': 'application/json; charset=utf-8' };
	const now = Math.floor(Date.now() / 1000);

	const original = apiDepositBody();
	const signed = signer.signedHeaders(merchant.appId, merchant.appSecret, original, String(now));
	const tamperedBody = original.replace('"paid_amount":"25"', '"paid_amount":"2500"');

	const staleBody = apiDepositBody();
	const staleTs = String(now - 3600);
	const stale = signer.signedHeaders(merchant.appId, merchant.appSecret, staleBody, staleTs);

	const otherBody = apiDepositBody();
	const otherSigned = signer.signedHeaders(other.appId, other.appSecret, otherBody, String(now));

	const reformatted = JSON.stringify(JSON.parse(apiDepositBody()), null, 2);
	const reformattedSigned = signer.signedHeaders(
		merchant.appId,
		merchant.appSecret,
		JSON.stringify(JSON.parse(reformatted)),
		String(now),
	);

	return [
		{
			name: 'tampered body (amount changed after signing)',
			headers: { ...ct, ...signed },
			body: tamperedBody,
		},
		{
			name: 'replayed (stale, Timestamp 1 h old, validly signed)',
			headers: { ...ct, ...stale },
			body: staleBody,
		},
		{
			name: 'wrong App ID (validly signed by another merchant)',
			headers: { ...ct, ...otherSigned },
			body: otherBody,
		},
		{
			name: 're-formatted JSON (signature over the compact bytes)',
			headers: { ...ct, ...reformattedSigned },
			body: reformatted,
		},
		{ name: 'no signature headers', headers: { ...ct }, body: apiDepositBody() },
	];
}

module.exports = { badDeliveries, apiDepositBody, freshRecordId, signer };
