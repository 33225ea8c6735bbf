// @ts-check
'use strict';

/** Small HTTP helpers shared by the API pipeline, the control routes and the HTML pages. */

const BODY_LIMIT = 1024 * 1024;
const HTML_TYPE = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

/** A timer, never a busy loop: added latency must not block other requests. @param {number} ms */
function delay(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** IPv4 peers arrive as ::ffff:a.b.c.d on dual-stack sockets; the rate limit keys on a.b.c.d. */
function normaliseIp(address) {
	const ip = String(address || '');
	return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}

function isLoopback(ip) {
	return ip === '127.0.0.1' || ip === '::1' || ip.startsWith('127.');
}

/**
 * The whole request body as bytes (signatures are checked on them, never on re-serialised JSON).
 * @param {import('http').IncomingMessage} req
 * @param {import('http').ServerResponse} res
 * @returns {Promise<Buffer|null>} null when the body was too large (already answered 413).
 */
function readBody(req, res) {
	return new Promise((resolve) => {
		const chunks = [];
		let size = 0;
		let tooLarge = false;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size > BODY_LIMIT) {
				tooLarge = true;
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => {
			if (tooLarge) {
				res.writeHead(413, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
				res.end('request body too large');
				resolve(null);
				return;
			}
			resolve(Buffer.concat(chunks));
		});
		req.on('error', () => resolve(null));
	});
}

/** @param {import('http').ServerResponse} res @param {number} status @param {unknown} value */
function sendJson(res, status, value) {
	const body = JSON.stringify(value);
	res.writeHead(status, {
		'Content-Type': JSON_TYPE,
		'Content-Length': String(Buffer.byteLength(body)),
		'Cache-Control': 'no-store',
	});
	res.end(body);
}

/** @param {import('http').ServerResponse} res @param {number} status @param {string} html */
function sendHtml(res, status, html) {
	res.writeHead(status, {
		'Content-Type': HTML_TYPE,
		'Content-Length': String(Buffer.byteLength(html)),
		'Cache-Control': 'no-store',
	});
	res.end(html);
}

module.exports = { delay, normaliseIp, isLoopback, readBody, sendJson, sendHtml, BODY_LIMIT };
