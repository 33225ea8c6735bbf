/**
 * Fetches the record a v2 notification points to, through the shared transport (PROTOCOL_V2) and
 * the action node's limiter. Each delivery is its own request, so the limiter is one per process:
 * a burst of notifications is paced like one execution's items.
 *
 * The outcome tells the trigger what to answer: `transient` (CCPayment or the network may succeed
 * later: answer 5xx, run nothing, let CCPayment retry) or `definite` (CCPayment answered that the
 * record does not exist, or refused the call: run with the error so nothing is silently dropped).
 */
import type { ICredentialDataDecryptedObject, IWebhookFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { backoffDelay } from '../shared/execution/backoff';
import { limited, Pacer, Semaphore } from '../shared/execution/limiter';
import { DEFAULT_RUN_SETTINGS } from '../shared/transport/client';
import { descriptionFor, messageFor } from '../shared/transport/errors';
import type { FailureInfo } from '../shared/transport/errors';
import { PROTOCOL_V2 } from '../shared/transport/protocol';
import { ccpaymentApiRequest, failureInfoOf } from '../shared/transport/request';
import { orderOf, recordOf } from './records';
import type { RecordCall, RecordPlan } from './records';

type Json = Record<string, unknown>;

/** CCPayment's "no such record" answers (NotFound, UserIdNotFound). */
const NOT_FOUND_CODES = new Set([11003, 11015]);
/** Per call: a webhook sender waits for the answer, so keep well under typical sender timeouts. */
export const RECORD_TIMEOUT_MS = 8000;
/** One quick retry of a transient failure inside the request; CCPayment's own retries do the rest. */
const RETRIES = 1;

const pacer = new Pacer(DEFAULT_RUN_SETTINGS.maxRequestsPerSecond, {
	now: () => Date.now(),
	sleep,
});
const semaphore = new Semaphore(DEFAULT_RUN_SETTINGS.maxConcurrentRequests);

export interface FetchError {
	message: string;
	description?: string;
	code?: number;
	tip?: string;
	kind: string;
	path: string;
	notFound: boolean;
}

export type FetchOutcome =
	| { ok: true; record: Json; order: Json | null; orderSource: string | null }
	| { ok: false; transient: true; error: FetchError }
	| { ok: false; transient: false; error: FetchError };

function errorOf(info: FailureInfo | undefined, error: unknown, notFound = false): FetchError {
	if (!info) {
		return {
			message: error instanceof Error ? error.message : String(error),
			kind: 'unknown',
			path: '',
			notFound,
		};
	}
	return {
		message: messageFor(info),
		description: descriptionFor(info),
		code: info.code,
		tip: info.tip,
		kind: info.kind,
		path: info.path,
		notFound,
	};
}

type CallResult =
	| { ok: true; data: unknown }
	| { ok: false; transient: boolean; notFound: boolean; error: FetchError };

async function call(
	ctx: IWebhookFunctions,
	credentials: ICredentialDataDecryptedObject,
	request: RecordCall,
	retries: number,
): Promise<CallResult> {
	for (let attempt = 0; ; attempt++) {
		try {
			const data = await limited(
				semaphore,
				pacer,
				async () =>
					await ccpaymentApiRequest.call(ctx, request.endpoint, request.body, {
						credentials,
						protocol: PROTOCOL_V2,
						timeoutMs: RECORD_TIMEOUT_MS,
					}),
			);
			return { ok: true, data };
		} catch (error) {
			const info = failureInfoOf(error);
			const notFound = info?.kind === 'business' && NOT_FOUND_CODES.has(info.code ?? 0);
			// Anything not classified is treated as transient: a 5xx keeps the notification alive.
			const transient = !info || info.retryable;
			if (!transient || attempt >= retries) {
				return { ok: false, transient, notFound, error: errorOf(info, error, notFound) };
			}
			await sleep(backoffDelay(attempt, { rateLimited: info?.kind === 'rate_limited' }));
		}
	}
}

export async function fetchRecord(
	ctx: IWebhookFunctions,
	credentials: ICredentialDataDecryptedObject,
	plan: RecordPlan,
): Promise<FetchOutcome> {
	const answer = await call(ctx, credentials, plan.record, RETRIES);
	if (!answer.ok) {
		return answer.transient
			? { ok: false, transient: true, error: answer.error }
			: { ok: false, transient: false, error: answer.error };
	}
	const record = recordOf(answer.data);
	if (!record) {
		return {
			ok: false,
			transient: false,
			error: {
				message: `CCPayment has no record ${plan.record.body.recordId ?? ''}`.trim(),
				kind: 'not_found',
				path: `${PROTOCOL_V2.pathPrefix}${plan.record.endpoint}`,
				notFound: true,
			},
		};
	}
	for (const request of plan.order) {
		const orderAnswer = await call(ctx, credentials, request, RETRIES);
		if (orderAnswer.ok) {
			const order = orderOf(orderAnswer.data);
			if (order) return { ok: true, record, order, orderSource: request.endpoint };
			continue;
		}
		if (orderAnswer.transient) return { ok: false, transient: true, error: orderAnswer.error };
		// Not an order address (or not an invoice): try the next kind. Other refusals leave the
		// record, which is what crediting depends on, without order context.
		if (!orderAnswer.notFound) break;
	}
	return { ok: true, record, order: null, orderSource: null };
}
