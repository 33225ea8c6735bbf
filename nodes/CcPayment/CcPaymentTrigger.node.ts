import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './shared/transport';
import { boundFor, rememberDelivery, STATIC_DATA_KEY } from './trigger/dedup';
import {
	applyFilter,
	classify,
	dedupKey,
	normalise,
	statusOf,
	toStringList,
} from './trigger/events';
import {
	DEFAULT_TIMESTAMP_TOLERANCE_SECONDS,
	isIpAllowed,
	normalizeTolerance,
	parseAllowList,
	parsePayload,
	safeHeaders,
	verifyDelivery,
} from './trigger/verification';
import type { RawBody } from './trigger/verification';

const DEFAULT_ACK_BODY = 'success';

/** The parts of n8n's request object (express + n8n's raw-body additions) this node reads. */
interface RawRequest {
	rawBody?: RawBody;
	readRawBody?: () => Promise<void>;
	headers?: Record<string, string | string[] | undefined>;
	ip?: string;
	socket?: { remoteAddress?: string };
}

/** The parts of the response object used to refuse a delivery (express in n8n 1.x and 2.x). */
interface ReplyTarget {
	status?: (code: number) => unknown;
	send?: (body: string) => unknown;
	statusCode?: number;
	headersSent?: boolean;
	setHeader?: (name: string, value: string) => unknown;
	end?: (body?: string) => unknown;
}

/** Answer the request ourselves with a status and a short plain-text body. */
function reply(res: ReplyTarget, code: number, body: string): void {
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
function refuse(res: ReplyTarget, code: number, reason: string): IWebhookResponseData {
	reply(res, code, reason);
	return { noWebhookResponse: true };
}

export class CcPaymentTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CCPayment Trigger',
		name: 'ccPaymentTrigger',
		icon: { light: 'file:../../icons/ccpayment.svg', dark: 'file:../../icons/ccpayment.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ ($parameter["events"] || []).length ? $parameter["events"].join(", ") : "any event" }}',
		description:
			'Starts the workflow on verified CCPayment v1 webhook notifications (deposits, invoices, withdrawals, refunds)',
		defaults: {
			name: 'CCPayment Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: CREDENTIAL_TYPE,
				required: true,
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// Deliveries that start a run are acknowledged by webhook() itself (see there); this
				// only matters if n8n ever answers on the node's behalf.
				responseData: '={{ $parameter["options"]["ackBody"] || "success" }}',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					'Copy the Production URL into the CCPayment dashboard (Developer page, "Webhook URL") or pass it as notify_url. The Test URL only receives while "Listen for test event" is active.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: [
					{
						name: 'API Deposit',
						value: 'api_deposit',
						description: 'Payment to an order from Hosted or Native Checkout',
					},
					{
						name: 'API Withdrawal',
						value: 'api_withdrawal',
						description: 'A withdrawal created through the API completed or failed',
					},
					{
						name: 'Direct Deposit',
						value: 'direct_deposit',
						description: 'Deposit to a permanent address of one of your users',
					},
					{
						name: 'Invoice',
						value: 'invoice',
						description: 'Payment of an invoice created in the dashboard',
					},
					{
						name: 'Refund',
						value: 'refund',
						description: 'A refund made from the dashboard completed or failed',
					},
				],
				default: ['api_deposit', 'direct_deposit', 'invoice', 'api_withdrawal', 'refund'],
				description:
					'Which notification types start the workflow. Others are acknowledged and dropped. Leave empty to accept every notification, including order types this node does not recognise.',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: [
					{
						name: 'Failed',
						value: 'failed',
						description: 'The transaction failed',
					},
					{
						name: 'Pending',
						value: 'pending',
						description:
							'Detected, not yet sent to the chain (only with a non-default notification setting)',
					},
					{
						name: 'Processing',
						value: 'processing',
						description: 'Being processed on chain (only with a non-default notification setting)',
					},
					{
						name: 'Success',
						value: 'success',
						description: 'Confirmed. The only status that means the funds moved.',
					},
				],
				default: ['success'],
				description:
					'Which pay_status values start the workflow. Others are acknowledged and dropped. Leave empty to accept every status.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Acknowledgement Body',
						name: 'ackBody',
						type: 'string',
						default: DEFAULT_ACK_BODY,
						description:
							'Plain-text body sent with HTTP 200 to every accepted, filtered or duplicate delivery. CCPayment keeps retrying unless the body contains "success".',
					},
					{
						displayName: 'Allowed IP Addresses',
						name: 'ipAllowlist',
						type: 'string',
						default: '',
						placeholder: 'e.g. 203.0.113.10, 198.51.100.0/24',
						description:
							'Comma-separated sender IPs or IPv4 CIDR ranges. Others get HTTP 403. Empty allows all; the signature remains the real check.',
					},
					{
						displayName: 'Ignore Duplicate Deliveries',
						name: 'ignoreDuplicates',
						type: 'boolean',
						default: true,
						description:
							'Whether to acknowledge a notification already accepted (same type, record ID and status) without running the workflow again',
					},
					{
						displayName: 'Include Headers',
						name: 'includeHeaders',
						type: 'boolean',
						default: false,
						description:
							'Whether to add the request headers to ccpayment.headers in the output. The Sign header and credentials-like headers are never included.',
					},
					{
						displayName: 'Require App ID Match',
						name: 'requireAppIdMatch',
						type: 'boolean',
						default: true,
						description:
							'Whether the Appid header must be present and equal the App ID of the credential. When off, the signature is still checked with the App Secret.',
					},
					{
						displayName: 'Timestamp Tolerance (Seconds)',
						name: 'timestampTolerance',
						type: 'number',
						default: DEFAULT_TIMESTAMP_TOLERANCE_SECONDS,
						typeOptions: { minValue: 0 },
						description:
							"How far the signed Timestamp may be from this machine's clock before a delivery is refused as a replay. 0 turns the check off.",
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			// CCPayment v1 has no webhook registration API: the URL is pasted into the dashboard or
			// sent per call as notify_url. There is nothing remote to look up, so report "exists"
			// and n8n will not call create().
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			// Nothing to register remotely (see checkExists); activation always succeeds.
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			// Nothing to unregister remotely. Deliveries to a deactivated workflow get HTTP 404 from
			// n8n, so CCPayment retries and then gives up; remove the URL in the dashboard to stop them.
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
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
}
