// @ts-check
'use strict';
/**
 * Scenario: the v2 CCPayment Trigger in `n8n start`, through the "crediting safely" example
 * (examples/v2-crediting-safely.json) created and activated with n8n's public API and a v2 credential
 * pointing at a local record server (CCPayment's v2 record endpoints, answers chosen per recordId).
 * Deliveries are signed here with node:crypto (HMAC-SHA256 over Appid + Timestamp + raw body), the
 * bodies as CCPayment documents them. Proves, per n8n version:
 *   - the activation check is acknowledged and runs nothing;
 *   - tampered, re-formatted, stale, wrong-App-ID and unsigned deliveries answer 401 and run nothing;
 *   - each deposit type runs once and takes "Credit account" with the record's exact amount; a risky
 *     deposit takes "Hold for review"; a redelivery runs nothing; a type the example does not select is
 *     acknowledged without a run;
 *   - a transient record-fetch failure answers 503 and runs nothing; the retry then runs once.
 */
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const path = require('path');

const { request, sleep, waitFor } = require('../lib/http');
const { ROOT } = require('../lib/pkg');

const APP = { appId: 'E2eV2App12345678', appSecret: 'e2e-v2-secret-0123456789abcdef01' };
const WEBHOOK_ID = 'ccp0de70-0000-4000-8000-0000000e2e02';
const TRIGGER = 'On CCPayment v2 notification';

const RID = {
	direct: '20261202100000000000000000000001',
	api: '20261202100000000000000000000002',
	user: '20261202100000000000000000000003',
	risky: '20261202100000000000000000000004',
	transient: '20261202100000000000000000000005',
	withdrawal: '20261202100000000000000000000006',
};

/** @type {Record<string, Record<string, unknown>>} */
const RECORDS = {
	[RID.direct]: { amount: '12.5', serviceFee: '0.0625', coinSymbol: 'USDT', referenceId: 'user-1' },
	[RID.api]: { amount: '0.123456789012345678', serviceFee: '0.0001', coinSymbol: 'POL' },
	[RID.user]: { amount: '0.1', serviceFee: '0', coinSymbol: 'MATIC', userId: 'e2e-user-7' },
	[RID.risky]: { amount: '99', serviceFee: '0.5', coinSymbol: 'USDT', isFlaggedAsRisky: true },
	[RID.transient]: { amount: '3', serviceFee: '0.015', coinSymbol: 'USDT' },
};

/** A local server answering the v2 record calls; `failing` recordIds get HTTP 502 until cleared. */
async function startRecordServer() {
	/** @type {Set<string>} */
	const failing = new Set();
	let calls = 0;
	const server = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			calls++;
			const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
			const send = (/** @type {number} */ status, /** @type {unknown} */ json) => {
				res.writeHead(status, { 'Content-Type': 'application/json' });
				res.end(typeof json === 'string' ? json : JSON.stringify(json));
			};
			if (failing.has(body.recordId)) return send(502, 'bad gateway');
			const known = RECORDS[body.recordId];
			if (
				String(req.url).endsWith('/getAppOrderInfo') ||
				String(req.url).endsWith('/getInvoiceOrderInfo')
			)
				return send(200, { code: 11003, msg: 'NotFound' });
			if (!known) return send(200, { code: 11003, msg: 'NotFound' });
			return send(200, {
				code: 10000,
				msg: 'success',
				data: {
					record: {
						recordId: body.recordId,
						status: 'Success',
						isFlaggedAsRisky: false,
						chain: 'TRX',
						txId: `0x${body.recordId.slice(-6)}`,
						...known,
					},
				},
			});
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const port = /** @type {import('net').AddressInfo} */ (server.address()).port;
	return {
		url: `http://127.0.0.1:${port}`,
		failing,
		calls: () => calls,
		stop: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve(undefined));
			}),
	};
}

/** Signed delivery headers. @param {string} body @param {{ appId?: string, ts?: number }} [o] */
function signed(body, o = {}) {
	const appId = o.appId ?? APP.appId;
	const ts = String(o.ts ?? Math.floor(Date.now() / 1000));
	const sign = crypto
		.createHmac('sha256', APP.appSecret)
		.update(`${appId}${ts}${body}`)
		.digest('hex');
	return { 'content-type': 'application/json', appid: appId, timestamp: ts, sign };
}

/** @param {string} type @param {Record<string, unknown>} msg */
const note = (type, msg) => JSON.stringify({ type, msg: { status: 'Success', ...msg } });

/**
 * A public-API key that may also create credentials and workflows (the suite's key only reads and
 * activates), made with the owner's session like the suite's own.
 * @param {import('../lib/n8n').N8nInstance} n8n
 */
async function creatorKey(n8n) {
	const session = /** @type {any} */ (n8n).session;
	const scopesRes = await session.call('GET', '/rest/api-keys/scopes');
	const available = Array.isArray(scopesRes.json?.data) ? scopesRes.json.data : [];
	const want = ['credential:create', 'workflow:create', 'workflow:read', 'workflow:activate'];
	const res = await session.call('POST', '/rest/api-keys', {
		label: 'ccpayment-e2e-v2-trigger',
		expiresAt: null,
		scopes: available.length ? want.filter((s) => available.includes(s)) : want,
	});
	const key = res.json?.data?.rawApiKey;
	if (!key) throw new Error(`API key creation failed: ${res.status} ${res.text.slice(0, 300)}`);
	return String(key);
}

/**
 * @param {import('../lib/n8n').N8nInstance} n8n @param {string} key @param {string} method @param {string} apiPath @param {unknown} [body]
 */
async function publicApi(n8n, key, method, apiPath, body) {
	const res = await request(method, `${n8n.base}/api/v1${apiPath}`, {
		headers: { 'X-N8N-API-KEY': key, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (res.status >= 300)
		throw new Error(`${method} ${apiPath}: ${res.status} ${res.text.slice(0, 300)}`);
	return res.json;
}

/** Items a node output in one execution. @param {any} execution @param {string} node */
const out = (execution, node) =>
	(execution?.data?.resultData?.runData?.[node]?.[0]?.data?.main?.[0] ?? []).map(
		(/** @type {any} */ i) => i.json,
	);

/**
 * @param {{ n8n: import('../lib/n8n').N8nInstance, ok: (label: string, cond: boolean, detail?: unknown) => boolean }} ctx
 */
async function run({ n8n, ok }) {
	const records = await startRecordServer();
	try {
		const key = await creatorKey(n8n);
		const credential = await publicApi(n8n, key, 'POST', '/credentials', {
			name: 'CCPayment V2 e2e',
			type: 'ccPaymentV2Api',
			// n8n 1.x's public API schema asks for its injected domain-restriction field.
			data: { ...APP, baseUrl: records.url, allowedHttpRequestDomains: 'all' },
		});
		const example = JSON.parse(
			fs.readFileSync(path.join(ROOT, 'examples', 'v2-crediting-safely.json'), 'utf8'),
		);
		for (const node of example.nodes) {
			if (node.credentials?.ccPaymentV2Api)
				node.credentials.ccPaymentV2Api = { id: credential.id, name: credential.name };
			if (node.name === TRIGGER) node.webhookId = WEBHOOK_ID;
		}
		const created = await publicApi(n8n, key, 'POST', '/workflows', {
			name: example.name,
			nodes: example.nodes,
			connections: example.connections,
			settings: example.settings,
		});
		await publicApi(n8n, key, 'POST', `/workflows/${created.id}/activate`);
		const url = `${n8n.base}/webhook/${WEBHOOK_ID}/webhook`;
		await waitFor(
			async () =>
				(
					await request('POST', url, {
						body: '{}',
						headers: { 'content-type': 'application/json' },
					})
				).status === 401,
			{ timeoutMs: 20000, intervalMs: 250, what: 'the v2 trigger webhook' },
		);
		const executions = () => n8n.executions(created.id);
		const post = (/** @type {string} */ body, headers = signed(body)) =>
			request('POST', url, { body, headers });

		const handshake = await post('{"type":"ActivateWebhookURL","msg":{}}');
		ok(
			'v2: activation check answered 200 {"msg":"success"}',
			handshake.status === 200 && /success/i.test(handshake.text),
			handshake.text,
		);

		const body = note('DirectDeposit', {
			recordId: RID.direct,
			referenceId: 'user-1',
			coinId: 1280,
			coinSymbol: 'USDT',
			isFlaggedAsRisky: false,
		});
		const old = Math.floor(Date.now() / 1000) - 600;
		const bad = {
			tampered: [body.replace('12', '13').replace('"Success"', '"Success" '), signed(body)],
			reformatted: [JSON.stringify(JSON.parse(body), null, 2), signed(body)],
			stale: [body, signed(body, { ts: old })],
			'wrong App ID': [body, signed(body, { appId: 'OtherApp12345678' })],
			unsigned: [body, { 'content-type': 'application/json' }],
		};
		for (const [name, [b, h]] of Object.entries(bad)) {
			const res = await post(/** @type {string} */ (b), /** @type {any} */ (h));
			ok(`v2: ${name} delivery answered 401`, res.status === 401, {
				status: res.status,
				body: res.text,
			});
		}
		ok(
			'v2: no record fetched and no execution for refused deliveries and the check',
			records.calls() === 0 && (await executions()).length === 0,
		);

		const good = [
			body,
			note('ApiDeposit', {
				recordId: RID.api,
				orderId: 'e2e-order-1',
				coinId: 2541,
				coinSymbol: 'POL',
				isFlaggedAsRisky: false,
			}),
			note('UserDeposit', {
				recordId: RID.user,
				userId: 'e2e-user-7',
				coinId: 1329,
				coinSymbol: 'MATIC',
				isFlaggedAsRisky: false,
			}),
			note('DirectDeposit', {
				recordId: RID.risky,
				referenceId: 'user-2',
				coinId: 1280,
				coinSymbol: 'USDT',
				isFlaggedAsRisky: true,
			}),
		];
		for (const b of good) {
			const res = await post(b);
			ok(
				`v2: ${JSON.parse(b).type} ${JSON.parse(b).msg.recordId.slice(-1)} acknowledged "Success"`,
				res.status === 200 && res.text === 'Success',
				{ status: res.status, body: res.text },
			);
		}
		const again = await post(body);
		const withdrawal = await post(
			note('ApiWithdrawal', {
				recordId: RID.withdrawal,
				orderId: 'e2e-payout-1',
				coinId: 1280,
				coinSymbol: 'USDT',
			}),
		);
		ok(
			'v2: a redelivery and an unselected type are acknowledged',
			again.text === 'Success' && withdrawal.text === 'Success',
		);

		records.failing.add(RID.transient);
		const transientBody = note('DirectDeposit', {
			recordId: RID.transient,
			referenceId: 'user-3',
			coinId: 1280,
			coinSymbol: 'USDT',
			isFlaggedAsRisky: false,
		});
		const first = await post(transientBody);
		ok('v2: transient record-fetch failure answered 503', first.status === 503, {
			status: first.status,
			body: first.text,
		});
		await sleep(1500);
		ok(
			'v2: no execution for the failed fetch',
			(await executions()).length === 4,
			(await executions()).length,
		);
		records.failing.clear();
		const retry = await post(transientBody);
		ok(
			'v2: the retry is acknowledged',
			retry.status === 200 && retry.text === 'Success',
			retry.text,
		);

		await waitFor(async () => (await executions()).length >= 5, {
			timeoutMs: 20000,
			intervalMs: 250,
			what: '5 executions',
		}).catch(() => {});
		await sleep(1500);
		const list = await executions();
		ok(
			'v2: exactly five executions (three deposits, the risky one, the retried one)',
			list.length === 5,
			list.length,
		);
		const credited = list.flatMap((e) => out(e, 'Credit account'));
		const held = list.flatMap((e) => out(e, 'Hold for review'));
		const byRecord = Object.fromEntries(credited.map((c) => [c.record_id, c]));
		ok(
			"v2: each creditable deposit credited once with the record's exact amount",
			credited.length === 4 &&
				byRecord[RID.direct]?.amount === '12.5' &&
				byRecord[RID.direct]?.account === 'user-1' &&
				byRecord[RID.api]?.amount === '0.123456789012345678' &&
				byRecord[RID.user]?.account === 'e2e-user-7' &&
				byRecord[RID.transient]?.amount === '3' &&
				byRecord[RID.direct]?.credit_key === `DirectDeposit:${RID.direct}:Success`,
			credited,
		);
		ok(
			'v2: the risky deposit is held for review, not credited',
			held.length === 1 && held[0].record_id === RID.risky && held[0].risky === true,
			held,
		);
	} finally {
		await records.stop();
	}
}

module.exports = { run };
