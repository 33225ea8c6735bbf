// @ts-check
'use strict';

/**
 * The protocol-neutral part of every API request, in this order: request log, 404 / 405, added
 * latency, rate limit per source IP, fault injection. The protocol module then authenticates and
 * answers (or shapes the refusal); socket-level faults (resets, held responses, HTTP 5xx pages)
 * are the same for every protocol and live here.
 */

const { readBody, delay } = require('./http');

/**
 * @typedef {import('../server').Simulator} Simulator
 * @typedef {import('../server').Protocol} Protocol
 * @typedef {import('../server').RequestLogEntry} RequestLogEntry
 * @typedef {import('../server').ApiResult} ApiResult
 */

/**
 * @param {Simulator} sim
 * @param {Protocol|undefined} protocol  the module whose prefix matched, if any
 * @param {import('http').IncomingMessage} req
 * @param {import('http').ServerResponse} res
 * @param {string} path
 * @param {string} ip
 */
async function handleApi(sim, protocol, req, res, path, ip) {
	const raw = await readBody(req, res);
	if (raw === null) return;
	/** @type {RequestLogEntry} */
	const entry = {
		id: ++sim.requestSeq,
		time: new Date().toISOString(),
		method: req.method || '',
		path,
		headers: { ...req.headers },
		rawBody: raw.toString('utf8'),
		ip,
		response: null,
		fault: null,
	};
	sim.requests.push(entry);
	const limit = sim.config.requestLogLimit || 10000;
	if (sim.requests.length > limit) sim.requests.splice(0, sim.requests.length - limit);
	res.setHeader('X-Sim-Request-Id', String(entry.id));

	const endpoint = protocol ? path.slice(protocol.prefix.length) : '';
	if (!protocol || !endpoint || !protocol.endpoints.includes(endpoint)) {
		entry.response = { status: 404 };
		res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
		return void res.end('404 page not found');
	}
	if (req.method !== 'POST') {
		entry.response = { status: 405 };
		res.writeHead(405, { 'Content-Type': 'text/plain; charset=utf-8', Allow: 'POST' });
		return void res.end('405 method not allowed');
	}

	if (sim.config.latencyMs > 0) await delay(sim.config.latencyMs);
	if (sim.stopping) return;
	const headerAppId = protocol.appIdOf(req.headers);
	const merchant = sim.store.merchantConfig(headerAppId);

	if (
		!sim.limiter.allow(ip, sim.config.rateLimit.perSecond, sim.config.rateLimit.windowMs || 1000)
	) {
		entry.rateLimited = true;
		entry.applied = false;
		return send(res, entry, protocol.refuse(sim, 'rateLimited', perIpLimit(sim), merchant));
	}

	const decision = sim.faults.decide(endpoint, headerAppId);
	if (decision.latencyMs > 0) {
		entry.injectedLatencyMs = decision.latencyMs;
		await delay(decision.latencyMs);
	}
	if (sim.stopping) return;
	const fault = decision.terminal;
	if (fault) entry.fault = fault.kind;

	if (fault && !fault.apply) {
		entry.applied = false;
		return injectBefore(sim, protocol, res, entry, fault, merchant);
	}
	const result = protocol.process(sim, endpoint, req.headers, raw, entry);
	if (fault) return injectAfter(sim, protocol, res, entry, fault, result, merchant);
	return send(res, entry, result);
}

/** @param {Simulator} sim */
function perIpLimit(sim) {
	return `at most ${sim.config.rateLimit.perSecond} requests per second per IP`;
}

/**
 * @param {import('http').ServerResponse} res
 * @param {RequestLogEntry} entry
 * @param {ApiResult} result
 */
function send(res, entry, result) {
	entry.response = { status: result.status, code: result.code, msg: result.msg };
	if (res.destroyed) return;
	res.writeHead(result.status, {
		...result.headers,
		'Content-Length': String(Buffer.byteLength(result.body)),
	});
	res.end(result.body);
}

/** A gateway-style HTML error page, as a proxy in front of the API would answer. */
function sendHttpError(res, entry, fault) {
	const status = { http500: 500, http502: 502, http503: 503 }[fault.kind] || 500;
	const text = {
		500: 'Internal Server Error',
		502: 'Bad Gateway',
		503: 'Service Temporarily Unavailable',
	}[status];
	const body = `<html><head><title>${status} ${text}</title></head><body><center><h1>${status} ${text}</h1></center></body></html>`;
	entry.response = { status };
	res.writeHead(status, {
		'Content-Type': 'text/html',
		'Content-Length': String(Buffer.byteLength(body)),
	});
	res.end(body);
}

/** Faults that stop the request before the server applies it. */
function injectBefore(sim, protocol, res, entry, fault, merchant) {
	switch (fault.kind) {
		case 'reset_before':
			entry.response = { status: null };
			res.socket && res.socket.destroy();
			return;
		case 'rate_limit':
			return send(res, entry, protocol.refuse(sim, 'rateLimited', perIpLimit(sim), merchant));
		case 'service_error':
			return send(res, entry, protocol.refuse(sim, 'serviceError', undefined, merchant));
		default:
			return sendHttpError(res, entry, fault);
	}
}

/** Faults that happen after the request was applied (the state change is real). */
function injectAfter(sim, protocol, res, entry, fault, result, merchant) {
	switch (fault.kind) {
		case 'reset_after':
			entry.response = { status: null, code: result.code, msg: result.msg };
			res.socket && res.socket.destroy();
			return;
		case 'timeout_after': {
			entry.response = { status: null, code: result.code, msg: result.msg };
			if (fault.hold_ms > 0) {
				const timer = setTimeout(() => {
					sim.holdTimers.delete(timer);
					if (fault.respond_late && !res.destroyed) send(res, entry, result);
					else if (res.socket) res.socket.destroy();
				}, fault.hold_ms);
				sim.holdTimers.add(timer);
			}
			// Otherwise hold until the client gives up (or stop()).
			return;
		}
		case 'malformed_json':
		case 'bad_signature':
			return send(res, entry, protocol.corrupt(sim, fault.kind, result, merchant));
		case 'rate_limit':
			return send(res, entry, protocol.refuse(sim, 'rateLimited', 'injected', merchant));
		case 'service_error':
			return send(res, entry, protocol.refuse(sim, 'serviceError', undefined, merchant));
		default:
			return sendHttpError(res, entry, fault);
	}
}

module.exports = { handleApi, send };
