// @ts-check
'use strict';
/**
 * Judges each fuzz answer and builds the per-kind table. Pure.
 *
 * Who answered: the trigger refuses with a short text/plain reason; n8n's own errors are JSON with a
 * `message` ({"code":422,"message":"Failed to parse request body"}, on 2.x {"code":400,"message":"The
 * submitted form data could not be parsed."} for a broken multipart body, {"code":0,"message":"There was a
 * problem executing the workflow"}). n8n reads the whole body (with its N8N_PAYLOAD_SIZE_MAX limit) and
 * parses it by Content-Type before any node runs, so those answers are n8n's, not the node's.
 *
 * n8n reads every XML-typed body with one shared xml2js parser. Some malformed XML (a second element
 * after the root, e.g. `<a>1</a><b>`) leaves that parser in a state where no later parse ever ends:
 * from then on every request with an XML Content-Type, to any webhook of that n8n process (the plain
 * Webhook node too), gets no answer, before any node runs. The fuzz proves that state with the plain
 * Webhook node before it attributes an XML delivery's missing answer to n8n.
 */

/** n8n's default N8N_PAYLOAD_SIZE_MAX (MiB), the raw-body limit applied before the node runs. */
const DEFAULT_PAYLOAD_MAX_MIB = 16;

/**
 * @typedef {{ status: number, contentType: string, text: string, error?: string }} Answer
 * @typedef {'node' | 'n8n-parser' | 'n8n-limit' | 'n8n-xml-stuck' | 'n8n-other' | 'network' | 'other'} By
 * @typedef {{ ok: boolean, by: By, why?: string }} Verdict
 */

/** Whether n8n reads this body with its XML parser (its own test: `/xml` or `+xml` at the end).
 * @param {Record<string, string | string[]>} headers */
function isXmlTyped(headers) {
	const raw = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
	const type = String(Array.isArray(raw) ? raw[0] : (raw ?? ''))
		.split(';')[0]
		.trim()
		.toLowerCase();
	return type.endsWith('/xml') || type.endsWith('+xml');
}

/** @param {Answer} a @returns {By} */
function answeredBy(a) {
	if (a.error) return 'network';
	if (a.contentType.startsWith('text/plain')) return 'node';
	let json;
	try {
		json = JSON.parse(a.text);
	} catch {
		return a.status === 200 ? 'node' : 'other';
	}
	if (json && typeof json.message === 'string') {
		if (a.status === 422 && /parse request body/i.test(json.message)) return 'n8n-parser';
		// n8n 2.x's multipart reader (formidable) refuses a form it cannot read before any node runs.
		if (a.status === 400 && /form data could not be parsed/i.test(json.message))
			return 'n8n-parser';
		return 'n8n-other';
	}
	return 'other';
}

/**
 * @param {{ expect: 'refuse' | 'signed', bytes: number, headers?: Record<string, string | string[]> }} delivery
 * @param {Answer} answer
 * @param {{ payloadMaxMib?: number, xmlReaderStuck?: boolean }} [opts] xmlReaderStuck: the plain
 *   Webhook node of the same n8n got no answer to well-formed XML either (see above)
 * @returns {Verdict}
 */
function judge(delivery, answer, opts = {}) {
	const limit = (opts.payloadMaxMib ?? DEFAULT_PAYLOAD_MAX_MIB) * 1024 * 1024;
	const by = answeredBy(answer);
	// n8n's raw-body reader throws "request entity too large" before the node runs; n8n 1.x and 2.x
	// wrap it into their generic execution error (HTTP 500). Only a body over the limit may get it.
	if (
		delivery.bytes > limit &&
		(answer.status === 413 || (answer.status === 500 && by === 'n8n-other') || by === 'network')
	)
		return { ok: true, by: 'n8n-limit' };
	if (answer.error && opts.xmlReaderStuck && delivery.headers && isXmlTyped(delivery.headers))
		return { ok: true, by: 'n8n-xml-stuck' };
	if (answer.error) return { ok: false, by, why: `no answer: ${answer.error}` };
	if (answer.status >= 500) return { ok: false, by, why: `HTTP ${answer.status}` };
	if (delivery.expect === 'signed') return { ok: true, by };
	if (by === 'n8n-parser') return { ok: true, by };
	if (by === 'node' && [401, 403, 413].includes(answer.status)) return { ok: true, by };
	return { ok: false, by, why: `HTTP ${answer.status} for an unverified delivery` };
}

/**
 * @typedef {{ sent: number, statuses: Record<string, number>, by: Record<string, number>, runs: number, bad: number, examples: string[] }} Row
 */

class Table {
	constructor() {
		/** @type {Map<string, Row>} */
		this.rows = new Map();
	}

	/** @param {string} kind @returns {Row} */
	row(kind) {
		let r = this.rows.get(kind);
		if (!r) {
			r = { sent: 0, statuses: {}, by: {}, runs: 0, bad: 0, examples: [] };
			this.rows.set(kind, r);
		}
		return r;
	}

	/** @param {string} kind @param {Answer} answer @param {Verdict} verdict */
	add(kind, answer, verdict) {
		const r = this.row(kind);
		r.sent++;
		const key = answer.error ? 'no-answer' : String(answer.status);
		r.statuses[key] = (r.statuses[key] ?? 0) + 1;
		r.by[verdict.by] = (r.by[verdict.by] ?? 0) + 1;
		if (!verdict.ok) {
			r.bad++;
			if (r.examples.length < 3) r.examples.push(`${verdict.why}: ${answer.text.slice(0, 120)}`);
		}
	}

	/** @param {string} kind */
	addRun(kind) {
		this.row(kind).runs++;
	}

	/** @returns {string[]} */
	format() {
		const lines = [
			`${'kind'.padEnd(24)} ${'sent'.padStart(6)}  ${'runs'.padStart(5)}  ${'bad'.padStart(4)}  statuses (answered by)`,
		];
		for (const [kind, r] of [...this.rows].sort(([a], [b]) => a.localeCompare(b))) {
			const statuses = Object.entries(r.statuses)
				.map(([s, n]) => `${s}x${n}`)
				.join(' ');
			const by = Object.entries(r.by)
				.map(([b, n]) => `${b} ${n}`)
				.join(', ');
			lines.push(
				`${kind.padEnd(24)} ${String(r.sent).padStart(6)}  ${String(r.runs).padStart(5)}  ${String(r.bad).padStart(4)}  ${statuses} (${by})`,
			);
		}
		return lines;
	}
}

module.exports = { judge, answeredBy, isXmlTyped, Table, DEFAULT_PAYLOAD_MAX_MIB };
