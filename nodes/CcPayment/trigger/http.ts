/**
 * The HTTP surface both trigger versions answer through: n8n's request object with its raw body,
 * and the response object used to acknowledge or refuse a delivery directly.
 */
import type { IWebhookResponseData } from 'n8n-workflow';

import type { RawBody } from './verification';

/** The parts of n8n's request object (express + n8n's raw-body additions) this node reads. */
export interface RawRequest {
	rawBody?: RawBody;
	readRawBody?: () => Promise<void>;
	headers?: Record<string, string | string[] | undefined>;
	ip?: string;
	socket?: { remoteAddress?: string };
}

/** The parts of the response object used to refuse a delivery (express in n8n 1.x and 2.x). */
export interface ReplyTarget {
	status?: (code: number) => unknown;
	send?: (body: string) => unknown;
	statusCode?: number;
	headersSent?: boolean;
	setHeader?: (name: string, value: string) => unknown;
	end?: (body?: string) => unknown;
}

/** Answer the request ourselves with a status and a short plain-text body. */
export function reply(res: ReplyTarget, code: number, body: string): void {
	if (!res.headersSent && typeof res.setHeader === 'function') {
		res.setHeader('Content-Type', 'text/plain; charset=utf-8');
	}
	if (typeof res.status === 'function' && typeof res.send === 'function') {
		res.status(code);
		res.send(body);
	} else {
		res.statusCode = code;
		if (typeof res.end === 'function') res.end(body);
	}
}

/**
 * Refuse with a non-2xx status and a short reason, and tell n8n not to answer again and not to run
 * the workflow. CCPayment treats anything but 200 + "success" as not delivered and retries.
 */
export function refuse(res: ReplyTarget, code: number, reason: string): IWebhookResponseData {
	reply(res, code, reason);
	return { noWebhookResponse: true };
}
