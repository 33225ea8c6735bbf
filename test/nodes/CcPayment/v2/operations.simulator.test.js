// @ts-check
'use strict';
/**
 * Every v2 operation of the node, run through n8n-core against the simulator in the order of the
 * shared catalogue (dev/v2-operations.js). For each step: the simulator received exactly the
 * requests expected (path and raw bytes, nothing else), each one signed over those bytes and
 * answered with success, and the node's output passes the step's check. A second test holds the
 * catalogue to the node's description, so a new operation without a step fails here.
 */
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');

const { startSimulator } = require('../../../../simulator');
const { runV2 } = require('../../../helpers/v2-node');
const { prepare, steps, bodyOf, OPERATIONS } = require('../../../../dev/v2-operations');
const { CcPayment } = require('../../../../dev/dist').product('actionNode');

/** @type {any} */
let sim;
/** @type {import('../../../../dev/v2-operations').Context} */
let ctx;

before(async () => {
	sim = await startSimulator({ port: 0, webhook: { speedFactor: 0.001 } });
	ctx = await prepare(sim.url, 'opstest');
});
after(async () => {
	await sim.stop();
});

/** Whether the logged Sign is the HMAC of exactly the logged bytes. @param {any} entry */
function signedOverBytes(entry) {
	const { appId, appSecret } = sim.v2Merchant;
	const expected = crypto
		.createHmac('sha256', appSecret)
		.update(Buffer.from(`${appId}${entry.headers.timestamp}${entry.rawBody}`, 'utf8'))
		.digest('hex');
	return entry.headers.appid === appId && entry.headers.sign === expected;
}

test('every v2 operation sends exactly its bytes, signed, and returns what the simulator holds', async (t) => {
	/** @type {{ json: any }} */
	let previous = { json: {} };
	for (const s of steps(ctx)) {
		await t.test(s.name, async () => {
			const since = sim.requests.length ? sim.requests[sim.requests.length - 1].id : 0;
			const input = previous;
			previous = { json: {} };
			const { output } = await runV2(
				sim.url,
				{ apiVersion: 'v2', ...s.parameters },
				{ credentials: sim.v2Merchant, items: [input] },
			);
			const items = output[0].map((/** @type {any} */ item) => item.json);
			previous = { json: items[0] ?? {} };
			const received = sim.requests.filter((/** @type {any} */ r) => r.id > since);
			const expected = [...s.before, { endpoint: s.endpoint, body: bodyOf(s, input.json) }];
			assert.deepEqual(
				received.map((/** @type {any} */ r) => [r.path, r.rawBody]),
				expected.map((e) => [`/ccpayment/v2/${e.endpoint}`, e.body ?? '']),
			);
			for (const entry of received) {
				assert.ok(signedOverBytes(entry), `${entry.path}: Sign covers the bytes received`);
				assert.equal(entry.response?.code, 10000, `${entry.path}: ${entry.response?.msg}`);
			}
			assert.equal(s.check(items), null);
		});
	}
});

test('the catalogue covers every v2 operation of the node, and nothing else', () => {
	const described = new CcPayment().description.properties
		.filter(
			(/** @type {any} */ p) =>
				p.name === 'operation' && p.displayOptions?.show?.apiVersion?.includes('v2'),
		)
		.flatMap((/** @type {any} */ p) =>
			p.options.map((/** @type {any} */ o) => `${p.displayOptions.show.resource[0]}.${o.value}`),
		);
	assert.equal(described.length, new Set(described).size);
	assert.deepEqual([...OPERATIONS].sort(), [...described].sort());
	assert.equal(steps(ctx).length, OPERATIONS.size, 'one step per operation');
});
