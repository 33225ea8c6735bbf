// @ts-check
'use strict';

/**
 * Control routes under /__sim/ (JSON, unsigned, loopback only by default). Every route is listed in
 * simulator/README.md with a curl example.
 */

const { publicConfig } = require('./config');
const { ActionError } = require('./actions');
const { CHAINS, COINS, CWALLET_USERS } = require('./catalogue');
const pages = require('./html');

/** @param {Buffer} raw */
function parseJson(raw) {
	const text = raw.toString('utf8').trim();
	if (!text) return {};
	return JSON.parse(text);
}

function actionRoute(fn) {
	return (sim, body) => fn.call(sim.actions, body);
}

/** @type {Record<string, (sim: any, body: any, url: URL) => any>} */
const POST_ROUTES = {
	'/__sim/reset': async (sim, body) => {
		await sim.reset({ keepConfig: !!(body.keep_config || body.keepConfig) });
		return { ok: true };
	},
	'/__sim/config': (sim, body) => {
		sim.configure(body);
		return publicConfig(sim.config);
	},
	'/__sim/merchant': (sim, body) => {
		const patch = {
			webhookUrl: body.webhook_url ?? body.webhookUrl,
			notificationTiming: body.notification_timing ?? body.notificationTiming,
			enabledTokens: body.enabled_tokens ?? body.enabledTokens,
			name: body.name,
			balances: body.balances,
			ipWhitelist: body.ip_whitelist ?? body.ipWhitelist,
			websiteVerified: body.website_verified ?? body.websiteVerified,
			withdrawApproval: body.withdraw_approval ?? body.withdrawApproval,
		};
		const m = sim.setMerchant(body.app_id || body.appId, patch);
		return {
			app_id: m.appId,
			name: m.name || '',
			webhook_url: m.webhookUrl || '',
			notification_timing: m.notificationTiming || null,
			enabled_tokens: m.enabledTokens,
			protocol: m.protocol || 'v1',
			...(m.protocol === 'v2'
				? {
						ip_whitelist: m.ipWhitelist || [],
						website_verified: m.websiteVerified !== false,
						withdraw_approval: !!m.withdrawApproval,
					}
				: {}),
		};
	},
	'/__sim/faults': (sim, body) => {
		const list = Array.isArray(body) ? body : body.faults || [];
		if (!Array.isArray(body) && body.append) return sim.faults.add(list);
		return sim.faults.set(list, body.seed === undefined ? undefined : Number(body.seed));
	},
	'/__sim/webhooks/resend': actionRoute(function (body) {
		return this.resend(body);
	}),
	'/__sim/webhooks/send': actionRoute(function (body) {
		return this.sendRaw(body);
	}),
	'/__sim/orders/pay': actionRoute(function (body) {
		return this.payOrder(body);
	}),
	'/__sim/orders/expire': actionRoute(function (body) {
		return this.expireOrder(body);
	}),
	'/__sim/orders/refund': actionRoute(function (body) {
		return this.refundOrder(body);
	}),
	'/__sim/addresses/deposit': actionRoute(function (body) {
		return this.depositToAddress(body);
	}),
	'/__sim/invoices/pay': actionRoute(function (body) {
		return this.payInvoice(body);
	}),
	'/__sim/records/advance': actionRoute(function (body) {
		return this.advanceRecord(body);
	}),
	'/__sim/withdrawals/complete': actionRoute(function (body) {
		return this.completeWithdrawal(body);
	}),
	'/__sim/withdrawals/fail': actionRoute(function (body) {
		return this.completeWithdrawal({ ...body, status: 'failed' });
	}),
};

function filterDeliveries(list, q) {
	return list.filter(
		(d) =>
			(!q.get('type') || d.type === q.get('type')) &&
			(!q.get('record_id') || d.record_id === q.get('record_id')) &&
			(!q.get('state') || d.state === q.get('state')) &&
			(!q.get('app_id') || d.app_id === q.get('app_id')) &&
			(!q.get('url') || d.url === q.get('url')),
	);
}

/** @type {Record<string, (sim: any, url: URL) => any>} */
const GET_ROUTES = {
	'/__sim/health': (sim) => ({
		ok: true,
		url: sim.url,
		merchants: sim.config.merchants.map((m) => m.appId),
		requests: sim.requests.length,
		deliveries: sim.webhooks.deliveries.length,
		pending_deliveries: sim.webhooks.deliveries.filter(
			(d) => d.state === 'pending' || d.state === 'retrying',
		).length,
	}),
	'/__sim/config': (sim, url) => publicConfig(sim.config, url.searchParams.get('secrets') === '1'),
	'/__sim/requests': (sim, url) => {
		const q = url.searchParams;
		let list = sim.getRequests({ path: q.get('path') || '' });
		const since = Number(q.get('since_id') || 0);
		if (since) list = list.filter((r) => r.id > since);
		const limit = Number(q.get('limit') || 0);
		if (limit > 0) list = list.slice(-limit);
		return { count: list.length, requests: list };
	},
	'/__sim/ledger': (sim, url) => sim.ledger(url.searchParams.get('app_id') || undefined),
	'/__sim/faults': (sim) => sim.faults.stats(),
	'/__sim/webhooks': (sim, url) => {
		const list = filterDeliveries(sim.webhooks.deliveries, url.searchParams);
		return { count: list.length, idle: sim.webhooks.idle(), deliveries: list };
	},
	'/__sim/webhooks/events': (sim, url) => {
		const q = url.searchParams;
		const list = sim.webhooks.events.filter(
			(e) =>
				(!q.get('type') || e.type === q.get('type')) &&
				(!q.get('app_id') || e.app_id === q.get('app_id')),
		);
		return { count: list.length, events: list };
	},
	'/__sim/catalogue': () => ({ coins: COINS, chains: CHAINS, cwallet_users: CWALLET_USERS }),
};

const DELETE_ROUTES = {
	'/__sim/requests': (sim) => {
		sim.clearRequests();
		return { ok: true };
	},
	'/__sim/faults': (sim) => {
		sim.faults.clear();
		return sim.faults.stats();
	},
	'/__sim/webhooks': (sim) => {
		sim.webhooks.reset();
		return { ok: true };
	},
};

/**
 * @param {any} sim
 * @param {import('http').IncomingMessage} req
 * @param {import('http').ServerResponse} res
 * @param {URL} url
 * @param {Buffer} raw
 */
async function handle(sim, req, res, url, raw) {
	const path = url.pathname.replace(/\/+$/, '') || '/__sim';
	const method = req.method || 'GET';
	if (path === '/__sim' && method === 'GET') return sim.sendHtml(res, 200, pages.consolePage(sim));
	try {
		// Protocol modules add their own routes (e.g. /__sim/v2/...).
		const gets = { ...GET_ROUTES };
		const posts = { ...POST_ROUTES };
		for (const p of sim.protocols) {
			if (!p.controlRoutes) continue;
			Object.assign(gets, p.controlRoutes.GET);
			Object.assign(posts, p.controlRoutes.POST);
		}
		if (method === 'GET' && gets[path]) return sim.sendJson(res, 200, await gets[path](sim, url));
		if (method === 'DELETE' && DELETE_ROUTES[path])
			return sim.sendJson(res, 200, await DELETE_ROUTES[path](sim));
		if (method === 'POST' && posts[path]) {
			let body;
			try {
				body = parseJson(raw);
			} catch {
				return sim.sendJson(res, 400, { error: 'body is not valid JSON' });
			}
			if (!body || typeof body !== 'object')
				return sim.sendJson(res, 400, { error: 'body must be a JSON object' });
			return sim.sendJson(res, 200, await posts[path](sim, body, url));
		}
		const known = gets[path] || posts[path] || DELETE_ROUTES[path];
		return sim.sendJson(res, known ? 405 : 404, {
			error: known ? `method ${method} not allowed here` : `no control route ${path}`,
		});
	} catch (error) {
		if (error instanceof ActionError)
			return sim.sendJson(res, error.status, { error: error.message });
		return sim.sendJson(res, 400, {
			error: error && error.message ? error.message : String(error),
		});
	}
}

module.exports = { handle, GET_ROUTES, POST_ROUTES, DELETE_ROUTES };
