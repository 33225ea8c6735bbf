/**
 * The node's view of CCPayment for one execution: every call goes through one shared pacer (max
 * requests per second) and one semaphore (max requests in flight); reads retry transient failures
 * with jittered backoff; writes follow the money-safety policy in helpers/writePolicy.ts.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { backoffDelay } from '../execution/backoff';
import type { Clock } from '../execution/limiter';
import { limited, Pacer, Semaphore } from '../execution/limiter';
import { isDuplicateOrderError, runWrite, WriteFlowError } from '../execution/writePolicy';
import type { WriteResult } from '../execution/writePolicy';
import type { FailureInfo } from './errors';
import { descriptionFor, messageFor } from './errors';
import { ENDPOINTS } from './endpoints';
import type { Endpoint } from './endpoints';
import type { EndpointV2 } from './endpointsV2';
import { PROTOCOL_V1 } from './protocol';
import type { ProtocolDescriptor } from './protocol';
import { ccpaymentApiRequest, failureInfoOf } from './request';
import type { ApiData } from './request';

/** A path of either API version; the client's protocol decides the prefix and signing. */
export type AnyEndpoint = Endpoint | EndpointV2;

export interface RunSettings {
	maxRequestsPerSecond: number;
	maxConcurrentRequests: number;
	maxRetries: number;
	timeoutMs: number;
}

export const DEFAULT_RUN_SETTINGS: RunSettings = {
	maxRequestsPerSecond: 50,
	maxConcurrentRequests: 10,
	maxRetries: 3,
	timeoutMs: 30_000,
};

const realClock: Clock = { now: () => Date.now(), sleep };

export interface WriteTarget {
	/** The idempotency key of the write. */
	merchantOrderId: string;
	/** Whether bill/info can confirm the write (withdraw, bill/create) or not (concise/url/get). */
	reconcilable: boolean;
	/** What the user is creating, for messages: "withdrawal", "order", ... */
	what: string;
	/** Where to look the order up in the node, for messages: "Withdrawal > Get". */
	lookupHint: string;
	/**
	 * Finds the order this write would create, or undefined when CCPayment has none. v1 looks
	 * merchant order IDs up with bill/info when this is absent; v2 writes must bring their own.
	 */
	lookup?: () => Promise<IDataObject | undefined>;
}

/** Extra fields the router puts on a continueOnFail error item. */
export interface OutcomeContext {
	outcome: 'failed' | 'unknown';
	merchant_order_id: string;
}

export class CCPaymentClient {
	private readonly pacer: Pacer;

	private readonly semaphore: Semaphore;

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly credentials: ICredentialDataDecryptedObject,
		readonly settings: RunSettings,
		clock: Clock = realClock,
		readonly protocol: ProtocolDescriptor = PROTOCOL_V1,
	) {
		this.pacer = new Pacer(settings.maxRequestsPerSecond, clock);
		this.semaphore = new Semaphore(settings.maxConcurrentRequests);
	}

	/** The App ID of this execution's credential (some v2 calls repeat it in the body). */
	appId(): string {
		return String(this.credentials.appId ?? '').trim();
	}

	cancelled(): boolean {
		return this.ctx.getExecutionCancelSignal?.()?.aborted === true;
	}

	/** One paced, concurrency-limited call; no retry. */
	async send(endpoint: AnyEndpoint, body: IDataObject, itemIndex: number): Promise<ApiData> {
		return await limited(
			this.semaphore,
			this.pacer,
			async () =>
				await ccpaymentApiRequest.call(this.ctx, endpoint, body, {
					itemIndex,
					timeoutMs: this.settings.timeoutMs,
					credentials: this.credentials,
					protocol: this.protocol,
				}),
		);
	}

	/**
	 * A read (or an idempotent write): retried on retryable failures with jittered backoff. With
	 * `onlyIfNotApplied`, only failures that certainly did not reach CCPayment are retried (for
	 * calls CCPayment limits, like webhook/resend).
	 */
	async read(
		endpoint: AnyEndpoint,
		body: IDataObject,
		itemIndex: number,
		options: { onlyIfNotApplied?: boolean } = {},
	): Promise<ApiData> {
		let lastError: unknown;
		for (let attempt = 0; attempt <= this.settings.maxRetries; attempt++) {
			try {
				return await this.send(endpoint, body, itemIndex);
			} catch (error) {
				lastError = error;
			}
			const info = failureInfoOf(lastError);
			if (!info?.retryable || attempt >= this.settings.maxRetries || this.cancelled()) break;
			if (options.onlyIfNotApplied && info.mayHaveBeenApplied) break;
			await sleep(backoffDelay(attempt, { rateLimited: info.kind === 'rate_limited' }));
		}
		throw lastError;
	}

	/** The bill/info entry for one merchant_order_id, or undefined when CCPayment has none. */
	async findOrder(merchantOrderId: string, itemIndex: number): Promise<IDataObject | undefined> {
		const data = await this.read(
			ENDPOINTS.orderInfo,
			{ merchant_order_ids: [merchantOrderId] },
			itemIndex,
		);
		const list = Array.isArray(data) ? data : [];
		return list.find((entry) => orderIdOf(entry) === merchantOrderId);
	}

	/** A non-idempotent write, under the money-safety policy (helpers/writePolicy.ts). */
	async write(
		endpoint: AnyEndpoint,
		body: IDataObject,
		itemIndex: number,
		target: WriteTarget,
	): Promise<WriteResult<ApiData, IDataObject>> {
		if (this.protocol.version !== 'v1' && target.reconcilable && !target.lookup) {
			// bill/info is v1 only: a v2 write that claims to be reconcilable must say how.
			throw new Error(`A reconcilable ${this.protocol.version} write needs a lookup`);
		}
		const outcome = await runWrite<ApiData, IDataObject>({
			send: async () => await this.send(endpoint, body, itemIndex),
			lookup:
				target.lookup ?? (async () => await this.findOrder(target.merchantOrderId, itemIndex)),
			failureOf: failureInfoOf,
			pause: async (attempt, info) =>
				await sleep(backoffDelay(attempt - 1, { rateLimited: info?.kind === 'rate_limited' })),
			reconcilable: target.reconcilable,
			maxResends: this.settings.maxRetries,
		}).catch((error: unknown) => error);
		if (outcome instanceof WriteFlowError) throw this.writeError(outcome, itemIndex, target);
		if (outcome instanceof Error) throw outcome;
		return outcome as WriteResult<ApiData, IDataObject>;
	}

	private writeError(failure: WriteFlowError, itemIndex: number, target: WriteTarget): Error {
		const id = target.merchantOrderId;
		const info: FailureInfo | undefined = failure.info;
		const context: OutcomeContext = { outcome: failure.status, merchant_order_id: id };
		const safeToRetry = `Running this item again with the same merchant order ID "${id}" is safe: CCPayment rejects a second order with the same ID.`;
		let error: Error;
		if (
			failure.status === 'failed' &&
			!failure.notFound &&
			failure.sendError instanceof NodeApiError
		) {
			error = failure.sendError;
			const api = failure.sendError;
			if (isDuplicateOrderError(info)) {
				api.description = [
					api.description,
					`The merchant order ID "${id}" was used before, maybe by an earlier run. See that ${target.what} with ${target.lookupHint}.`,
				]
					.filter(Boolean)
					.join(' ');
			} else if (info && info.kind !== 'business') {
				api.description = [api.description, `Nothing was created. ${safeToRetry}`]
					.filter(Boolean)
					.join(' ');
			}
		} else if (!info) {
			error =
				failure.sendError instanceof Error
					? failure.sendError
					: new Error(String(failure.sendError));
		} else {
			const cause = messageFor(info);
			let message: string;
			let description: string;
			if (failure.notFound) {
				message = `The ${target.what} "${id}" was not created: ${cause}, and CCPayment has no order with this merchant order ID`;
				description = `The node re-sent it ${failure.sends - 1} time(s) with the same merchant order ID. ${safeToRetry}`;
			} else if (!target.reconcilable) {
				message = `CCPayment may have created the ${target.what} "${id}", but its answer was lost (${cause})`;
				description = `The payment URL cannot be recovered, so the node did not send the request again. Check with ${target.lookupHint} whether CCPayment has an order with this merchant order ID: if not, run this item again; if so, its URL is lost, so create the checkout again with a new merchant order ID.`;
			} else {
				const lookup = failure.lookupError
					? `; looking it up failed too (${lookupMessage(failure.lookupError)})`
					: '';
				message = `The ${target.what} "${id}" may or may not have been created: ${cause}${lookup}`;
				description = `Check it with ${target.lookupHint} before doing anything else. ${safeToRetry}`;
			}
			const extra = descriptionFor(info);
			error = new NodeApiError(this.ctx.getNode(), { ...info } as unknown as JsonObject, {
				message,
				description: [description, extra].filter(Boolean).join(' '),
				itemIndex,
			});
		}
		(error as { ccpaymentOutcome?: OutcomeContext }).ccpaymentOutcome = context;
		return error;
	}
}

function lookupMessage(error: unknown): string {
	const info = failureInfoOf(error);
	if (info) return messageFor(info);
	return error instanceof Error ? error.message : String(error);
}

/** merchant_order_id of a bill/info entry. */
export function orderIdOf(entry: IDataObject): string | undefined {
	const detail = entry.order_detail as IDataObject | undefined;
	const id = detail?.merchant_order_id ?? entry.merchant_order_id;
	return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

export function outcomeOf(error: unknown): OutcomeContext | undefined {
	return (error as { ccpaymentOutcome?: OutcomeContext } | undefined)?.ccpaymentOutcome;
}
