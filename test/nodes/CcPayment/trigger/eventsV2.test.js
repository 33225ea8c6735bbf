// @ts-check
/** v2 notification types, filters, duplicate keys and the normalised block (pure). */
const { test } = require('node:test');
const assert = require('node:assert/strict');

const { product } = require('../../../../dev/dist');
const { readEnvelope, classifyV2, isHandshake, applyFilterV2, dedupKeyV2, normaliseV2 } =
	product('eventsV2');
const { BODIES, bodyWith } = require('../../../helpers/v2-webhooks');

/** @param {string} body */
const envelope = (body) => readEnvelope(JSON.parse(body));

test('every documented type is recognised; the activation check is a handshake; unknown stays unknown', () => {
	for (const [type, body] of Object.entries(BODIES)) {
		assert.equal(classifyV2(envelope(body)), type);
		assert.equal(isHandshake(envelope(body)), false);
	}
	assert.equal(isHandshake(readEnvelope({ type: 'ActivateWebhookURL', msg: {} })), true);
	assert.equal(classifyV2(readEnvelope({ type: 'ActivateWebhookURL' })), undefined);
	assert.equal(classifyV2(readEnvelope({ type: 'SwapDone', msg: {} })), undefined);
	const risky = { chainId: 'POLYGON', address: '0xabc', riskAt: 1710000000 };
	assert.equal(classifyV2(readEnvelope({ type: 'RiskyAddress', msg: risky })), 'RiskyAddress');
	assert.equal(classifyV2(readEnvelope({ type: 'AddressRisk', msg: risky })), 'RiskyAddress');
	assert.equal(classifyV2(readEnvelope({ type: 'Whatever', msg: risky })), 'RiskyAddress');
	assert.deepEqual(readEnvelope({}), { type: '', msg: {} });
});

test('filters: unknown types only with an empty Events list; statuses match exactly; risky-address notices have no status', () => {
	const all = { events: [], statuses: [] };
	const unknown = readEnvelope({ type: 'SwapDone', msg: { status: 'Success' } });
	assert.deepEqual(applyFilterV2(unknown, all), { wanted: true });
	assert.equal(applyFilterV2(unknown, { events: ['ApiDeposit'], statuses: [] }).wanted, false);
	const deposit = envelope(BODIES.ApiDeposit);
	assert.equal(
		applyFilterV2(deposit, { events: ['ApiDeposit'], statuses: ['Success'] }).wanted,
		true,
	);
	assert.equal(applyFilterV2(deposit, { events: ['DirectDeposit'], statuses: [] }).wanted, false);
	const processing = envelope(bodyWith('ApiDeposit', { status: 'Processing' }));
	assert.equal(applyFilterV2(processing, { events: [], statuses: ['Success'] }).wanted, false);
	assert.equal(applyFilterV2(processing, { events: [], statuses: ['success'] }).wanted, false);
	const waiting = envelope(bodyWith('ApiWithdrawal', { status: 'WaitingApproval' }));
	assert.equal(applyFilterV2(waiting, { events: [], statuses: ['WaitingApproval'] }).wanted, true);
	const risky = readEnvelope({ type: 'RiskyAddress', msg: { address: 'T1', riskAt: 1 } });
	assert.equal(
		applyFilterV2(risky, { events: ['RiskyAddress'], statuses: ['Success'] }).wanted,
		true,
	);
});

test('duplicate key is type + recordId + status, so Processing then Success are two deliveries', () => {
	const a = dedupKeyV2(envelope(bodyWith('ApiDeposit', { status: 'Processing' })));
	const b = dedupKeyV2(envelope(BODIES.ApiDeposit));
	assert.equal(a, 'ApiDeposit:20240919035020188328269786624000:Processing');
	assert.equal(b, 'ApiDeposit:20240919035020188328269786624000:Success');
	assert.equal(dedupKeyV2(readEnvelope({ type: 'ApiDeposit', msg: {} })), undefined);
	const numeric = readEnvelope({ type: 'ApiDeposit', msg: { recordId: 12345, status: 'Success' } });
	assert.equal(dedupKeyV2(numeric), 'ApiDeposit:12345:Success');
	const risky = readEnvelope({
		type: 'RiskyAddress',
		msg: { chainId: 'TRX', address: 'T1', riskAt: 5 },
	});
	assert.equal(dedupKeyV2(risky), 'RiskyAddress:TRX:T1:5');
});

test('normalised block: the v1 field names, lower-case status, the record winning over the notification', () => {
	const context = { timestamp: '1710000000', appId: 'AbCdEfGh12345678', receivedAt: 'now' };
	const fromMsg = normaliseV2(envelope(BODIES.UserDeposit), context);
	assert.equal(fromMsg.eventType, 'user_deposit');
	assert.equal(fromMsg.orderType, 'UserDeposit');
	assert.equal(fromMsg.status, 'success');
	assert.equal(fromMsg.amount, '0.1');
	assert.equal(fromMsg.userId, '6322718677975328');
	assert.equal(fromMsg.crypto, 'MATIC');
	assert.equal(fromMsg.coinId, '1329');
	assert.equal(fromMsg.dedupKey, 'UserDeposit:20240313093815100000000000000003:Success');
	assert.equal(fromMsg.verified, true);
	const record = {
		status: 'Success',
		amount: '0.5',
		coin: 'TRX',
		chain: 'TRX',
		txid: 'f39a',
		userId: null,
		orderId: '1726717497',
	};
	const withRecord = normaliseV2(envelope(BODIES.ApiDeposit), { ...context, record });
	assert.equal(withRecord.eventType, 'api_deposit');
	assert.equal(withRecord.amount, '0.5');
	assert.equal(withRecord.chain, 'TRX');
	assert.equal(withRecord.txid, 'f39a');
	assert.equal(withRecord.merchantOrderId, '1726717497');
	assert.equal(withRecord.recordId, '20240919035020188328269786624000');
	assert.equal(withRecord.apiVersion, 'v2');
});
