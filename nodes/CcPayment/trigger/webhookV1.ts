/**
 * The v1 trigger's webhook(): verify the raw bytes, filter, drop duplicates, acknowledge, emit the
 * v1 payload with the normalised block. Behaviour unchanged since node version 1.
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../shared/transport';
import { DEFAULT_ACK_BODY } from './descriptionV1';
import { boundFor, rememberDelivery, STATIC_DATA_KEY } from './dedup';
import { applyFilter, classify, dedupKey, normalise, statusOf, toStringList } from './events';
import { refuse, reply } from './http';
import type { RawRequest, ReplyTarget } from './http';
import {
	isIpAllowed,
	normalizeTolerance,
	parseAllowList,
	parsePayload,
	safeHeaders,
	verifyDelivery,
} from './verification';

export async function webhookV1(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const req = this.getRequestObject() as unknown as RawRequest;
	const res = this.getResponseObject() as unknown as ReplyTarget;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const headers = this.getHeaderData() as Record<string, string | string[] | undefined>;
	const receivedAtMs = Date.now();

	const allowList = parseAllowList(options.ipAllowlist);
	if (allowList.length && !isIpAllowed(req.ip ?? req.socket?.remoteAddress, allowList)) {
		return refuse(res, 403, 'Sender IP not allowed');
	}

	if (!req.rawBody && typeof req.readRawBody === 'function') {
		try {
			await req.readRawBody();
		} catch {
			// The stream could not be read: refuse like any unverifiable delivery (CCPayment retries).
			return refuse(res, 401, 'Raw request body could not be read');
		}
	}

	let credentials: IDataObject;
	try {
		credentials = await this.getCredentials(CREDENTIAL_TYPE);
	} catch {
		// Refused rather than thrown, so no failed execution is created for an unverified caller.
		return refuse(res, 401, 'Trigger credential unavailable');
	}

	const tolerance = normalizeTolerance(options.timestampTolerance);
	const verdict = verifyDelivery({
		headers,
		rawBody: req.rawBody,
		appId: credentials.appId,
		appSecret: credentials.appSecret,
		toleranceSeconds: tolerance,
		requireAppIdMatch: options.requireAppIdMatch !== false,
		nowMs: receivedAtMs,
	});
	if (!verdict.ok) return refuse(res, verdict.status, verdict.reason);

	const parsed = parsePayload(req.rawBody as Uint8Array | string);
	if (!parsed.ok) return refuse(res, parsed.status, parsed.reason);
	const payload = parsed.payload;

	const ackBody =
		typeof options.ackBody === 'string' && options.ackBody !== ''
			? options.ackBody
			: DEFAULT_ACK_BODY;

	const filter = applyFilter(classify(payload), statusOf(payload), {
		events: toStringList(this.getNodeParameter('events', [])),
		statuses: toStringList(this.getNodeParameter('statuses', [])),
	});
	if (!filter.wanted) return { webhookResponse: ackBody };

	if (options.ignoreDuplicates !== false) {
		const key = dedupKey(payload);
		if (key) {
			const node = this.getNode();
			const scope = `${this.getWorkflow().id ?? ''}:${node.id ?? node.name}:${this.getMode()}`;
			const staticData = this.getWorkflowStaticData('node');
			const seen = rememberDelivery(
				scope,
				staticData[STATIC_DATA_KEY],
				key,
				receivedAtMs,
				boundFor(tolerance),
			);
			// Assign (not mutate) so n8n notices the change and saves it with the workflow. The state is
			// every key this process knows for the trigger, so concurrent requests' saves lose none.
			if (seen.changed) staticData[STATIC_DATA_KEY] = seen.state as unknown as IDataObject;
			if (seen.duplicate) return { webhookResponse: ackBody };
		}
	}

	const ccpayment = normalise(payload, {
		timestamp: verdict.timestamp,
		appId: verdict.appId,
		receivedAt: new Date(receivedAtMs).toISOString(),
		headers: options.includeHeaders === true ? safeHeaders(headers) : undefined,
	});

	// Acknowledge here rather than through webhookResponse: n8n saves static data when the
	// response is handed over. With noWebhookResponse that happens before the run is created;
	// n8n 2.x otherwise creates the run first, which resets the "static data changed" flag, so
	// the new dedup key would never be saved and every redelivery would start a run.
	reply(res, 200, ackBody);
	return {
		noWebhookResponse: true,
		workflowData: [[{ json: { ...payload, ccpayment } as unknown as IDataObject }]],
	};
}
