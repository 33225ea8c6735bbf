/**
 * The v2 trigger's webhook(): verify the raw bytes, acknowledge the activation check, filter, fetch
 * the record the notification points to, judge it, drop duplicates, acknowledge and run.
 *
 * Answers: 403 sender IP not allowed; 401 not verified; 400 verified but not JSON; 503 the record
 * fetch failed transiently (nothing runs, CCPayment retries); 200 + the acknowledgement otherwise.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE_V2 } from '../shared/transport/endpointsV2';
import { boundFor, isKnownDelivery, rememberDelivery, STATIC_DATA_KEY } from './dedup';
import { DEFAULT_ACK_BODY_V2 } from './descriptionV2';
import { toStringList } from './events';
import {
	applyFilterV2,
	classifyV2,
	dedupKeyV2,
	isHandshake,
	normaliseV2,
	readEnvelope,
} from './eventsV2';
import type { EnvelopeV2 } from './eventsV2';
import { fetchRecord } from './fetchRecord';
import { refuse, reply } from './http';
import type { RawRequest, ReplyTarget } from './http';
import { assessRecord, paidTotal, recordPlan } from './records';
import {
	isIpAllowed,
	normalizeTolerance,
	parseAllowList,
	parsePayload,
	safeHeaders,
} from './verification';
import { CCPAYMENT_V2_SENDER_IPS, verifyDeliveryV2 } from './verificationV2';

/** The activation check's answer: JSON that contains "success", whichever form the dashboard reads. */
const HANDSHAKE_ACK = '{"msg":"success"}';

type Json = Record<string, unknown>;

/** The extra fields of an item that cannot be credited. */
function notCreditable(creditReason: string): Json {
	return { creditable: false, creditReason, creditAmount: null, serviceFee: null, netAmount: null };
}

export async function webhookV2(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const req = this.getRequestObject() as unknown as RawRequest;
	const res = this.getResponseObject() as unknown as ReplyTarget;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const headers = this.getHeaderData() as Record<string, string | string[] | undefined>;
	const receivedAtMs = Date.now();

	// req.ip follows n8n's proxy settings (N8N_PROXY_HOPS sets Express's trust proxy).
	const allowList = [
		...parseAllowList(options.ipAllowlist),
		...(options.ccpaymentIpsOnly === true ? CCPAYMENT_V2_SENDER_IPS : []),
	];
	if (allowList.length && !isIpAllowed(req.ip ?? req.socket?.remoteAddress, allowList)) {
		return refuse(res, 403, 'Sender IP not allowed');
	}

	if (!req.rawBody && typeof req.readRawBody === 'function') {
		try {
			await req.readRawBody();
		} catch {
			return refuse(res, 401, 'Raw request body could not be read');
		}
	}

	let credentials: ICredentialDataDecryptedObject;
	try {
		credentials = await this.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE_V2);
	} catch {
		// Refused rather than thrown, so no failed execution is created for an unverified caller.
		return refuse(res, 401, 'Trigger credential unavailable');
	}

	const tolerance = normalizeTolerance(options.timestampTolerance);
	const verdict = verifyDeliveryV2({
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
	const envelope: EnvelopeV2 = readEnvelope(payload);

	if (isHandshake(envelope)) {
		reply(res, 200, HANDSHAKE_ACK);
		return { noWebhookResponse: true };
	}

	const ackBody =
		typeof options.ackBody === 'string' && options.ackBody !== ''
			? options.ackBody
			: DEFAULT_ACK_BODY_V2;

	const filter = applyFilterV2(envelope, {
		events: toStringList(this.getNodeParameter('events', [])),
		statuses: toStringList(this.getNodeParameter('statuses', [])),
	});
	if (!filter.wanted) return { webhookResponse: ackBody };

	const key = options.ignoreDuplicates !== false ? dedupKeyV2(envelope) : undefined;
	const node = this.getNode();
	const scope = `${this.getWorkflow().id ?? ''}:${node.id ?? node.name}:${this.getMode()}`;
	const staticData = this.getWorkflowStaticData('node');
	const bound = boundFor(tolerance);
	// Look before fetching (a known delivery costs no call), record only once the run is certain.
	if (key && isKnownDelivery(scope, staticData[STATIC_DATA_KEY], key, receivedAtMs, bound)) {
		return { webhookResponse: ackBody };
	}

	const type = classifyV2(envelope);
	const plan = options.fetchRecord === false ? undefined : recordPlan(type, envelope);
	let record: Json | null = null;
	let extra: Json;
	let error: IDataObject | undefined;
	let remember = true;
	let facts;
	if (!plan) {
		extra = notCreditable(
			options.fetchRecord === false
				? 'Fetch Record is off: nothing is creditable without the record'
				: 'This notification points to no payment record',
		);
	} else {
		const fetched = await fetchRecord(this, credentials, plan);
		if (!fetched.ok && fetched.transient) {
			// Nothing runs and nothing is remembered: CCPayment retries and the retry can still run.
			return refuse(res, 503, `Record not fetched, retry later: ${fetched.error.message}`);
		}
		if (!fetched.ok) {
			// A definite answer: run with the notification so it is never silently dropped. Not
			// remembered, so a resend from the dashboard runs again once the record exists.
			remember = false;
			error = { ...fetched.error } as unknown as IDataObject;
			extra = notCreditable(`The record could not be fetched: ${fetched.error.message}`);
		} else {
			record = fetched.record;
			const assessment = assessRecord(type as NonNullable<typeof type>, envelope, record);
			facts = assessment.facts;
			const { facts: _facts, ...credit } = assessment;
			void _facts;
			extra = { ...credit, recordSource: plan.record.endpoint };
			if (fetched.order) {
				extra.order = fetched.order;
				extra.orderSource = fetched.orderSource;
				extra.orderPaidTotal = paidTotal(fetched.order);
			}
		}
	}

	if (key && remember) {
		const seen = rememberDelivery(scope, staticData[STATIC_DATA_KEY], key, receivedAtMs, bound);
		// Assign (not mutate) so n8n saves it; see the v1 trigger for why the union is stored.
		if (seen.changed) staticData[STATIC_DATA_KEY] = seen.state as unknown as IDataObject;
		// A copy that arrived while this one was fetching.
		if (seen.duplicate) return { webhookResponse: ackBody };
	}

	const ccpayment = {
		...normaliseV2(envelope, {
			timestamp: verdict.timestamp,
			appId: verdict.appId,
			receivedAt: new Date(receivedAtMs).toISOString(),
			headers: options.includeHeaders === true ? safeHeaders(headers) : undefined,
			record: facts,
		}),
		...extra,
	};
	const json: IDataObject = {
		...(payload as IDataObject),
		record: record as IDataObject | null,
		ccpayment: ccpayment as IDataObject,
	};
	if (error) json.error = error;

	// Acknowledge here, as the v1 trigger does, so n8n saves the dedup key before the run starts.
	reply(res, 200, ackBody);
	return { noWebhookResponse: true, workflowData: [[{ json }]] };
}
