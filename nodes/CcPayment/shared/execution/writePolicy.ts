/**
 * Money safety for CCPayment writes (`withdraw`, `bill/create`, `concise/url/get`). Pure: the send,
 * the reconciliation lookup and the pause are injected, so the decision table is tested directly.
 *
 * Policy (never re-send with a different merchant_order_id; never auto-generate one):
 * - definite business error                 -> fail with CCPayment's reason
 * - definitely not applied (rate limit, connection refused, HTTP 408/429)
 *                                           -> pause, re-send the same body (bounded)
 * - may have been applied (timeout, reset, 5xx, 224066, bad response, bad signature)
 *     - reconcilable (withdraw, bill/create) -> look the merchant_order_id up with bill/info:
 *         found      -> outcome "already_existed" with the order
 *         not found  -> pause, re-send the same body (bounded), else fail "not created"
 *     - not reconcilable (concise/url/get)   -> fail "unknown": check the order before retrying
 * - a duplicate-order error after one of our own sends may have been applied -> reconcile again
 * - execution cancelled                     -> fail "unknown"
 */
import type { FailureInfo } from '../transport/errors';

export type WriteAction = 'resend' | 'reconcile' | 'fail';

/** `failed`: definitely not created by this run. `unknown`: it may exist; check before retrying. */
export type FailStatus = 'failed' | 'unknown';

export interface WriteDecision {
	action: WriteAction;
	status?: FailStatus;
}

export interface WriteState {
	/** Withdrawals and native orders can be looked up by merchant_order_id; hosted checkout URLs cannot. */
	reconcilable: boolean;
	/** An earlier send of this item had an ambiguous outcome. */
	hadAmbiguousSend: boolean;
	/** How many more sends the retry budget allows. */
	resendsLeft: number;
}

const DUPLICATE_TEXT =
	/duplicate|already (exist|used|been)|exist(s|ed)? already|repeat|order id (is )?exist/i;

/** A business answer saying this merchant_order_id is already taken. */
export function isDuplicateOrderError(info: FailureInfo | undefined): boolean {
	if (!info || info.kind !== 'business') return false;
	if (info.duplicate) return true;
	return DUPLICATE_TEXT.test(`${info.msg ?? ''} ${info.reason ?? ''}`);
}

export function decideAfterSendFailure(
	info: FailureInfo | undefined,
	state: WriteState,
): WriteDecision {
	if (!info) return { action: 'fail', status: state.hadAmbiguousSend ? 'unknown' : 'failed' };
	if (info.kind === 'business') {
		if (state.reconcilable && state.hadAmbiguousSend && isDuplicateOrderError(info)) {
			return { action: 'reconcile' };
		}
		return { action: 'fail', status: 'failed' };
	}
	if (info.kind === 'cancelled') return { action: 'fail', status: 'unknown' };
	if (!info.mayHaveBeenApplied) {
		if (info.retryable && state.resendsLeft > 0) return { action: 'resend' };
		return { action: 'fail', status: 'failed' };
	}
	if (state.reconcilable) return { action: 'reconcile' };
	return { action: 'fail', status: 'unknown' };
}

export function decideAfterReconcileMiss(state: Pick<WriteState, 'resendsLeft'>): WriteDecision {
	return state.resendsLeft > 0 ? { action: 'resend' } : { action: 'fail', status: 'failed' };
}

export type WriteResult<T, O> =
	| { outcome: 'created'; data: T; sends: number }
	| { outcome: 'already_existed'; order: O; sends: number };

export class WriteFlowError extends Error {
	constructor(
		readonly status: FailStatus,
		/** The send failure that decided the outcome. */
		readonly sendError: unknown,
		readonly info: FailureInfo | undefined,
		readonly sends: number,
		/** Set when the reconciliation lookup itself failed. */
		readonly lookupError?: unknown,
		/** Set when no order was found and the retry budget ran out. */
		readonly notFound = false,
	) {
		super(status === 'unknown' ? 'write outcome unknown' : 'write not created');
		this.name = 'WriteFlowError';
	}
}

export interface WriteFlow<T, O> {
	send: () => Promise<T>;
	/** The order with this merchant_order_id, or undefined when CCPayment has none. */
	lookup: () => Promise<O | undefined>;
	failureOf: (error: unknown) => FailureInfo | undefined;
	pause: (attempt: number, info: FailureInfo | undefined) => Promise<void>;
	reconcilable: boolean;
	/** Re-sends allowed after the first send. */
	maxResends: number;
}

export async function runWrite<T, O>(flow: WriteFlow<T, O>): Promise<WriteResult<T, O>> {
	let sends = 0;
	let hadAmbiguousSend = false;
	for (;;) {
		sends++;
		let sendError: unknown;
		try {
			return { outcome: 'created', data: await flow.send(), sends };
		} catch (error) {
			sendError = error;
		}
		const info = flow.failureOf(sendError);
		const state = {
			reconcilable: flow.reconcilable,
			hadAmbiguousSend,
			resendsLeft: flow.maxResends - (sends - 1),
		};
		let decision = decideAfterSendFailure(info, state);
		if (decision.action === 'reconcile') {
			hadAmbiguousSend = true;
			const found = await lookupSafely(flow);
			if (!found.ok) throw new WriteFlowError('unknown', sendError, info, sends, found.error);
			if (found.order !== undefined)
				return { outcome: 'already_existed', order: found.order, sends };
			decision = decideAfterReconcileMiss(state);
			if (decision.action === 'fail')
				throw new WriteFlowError('failed', sendError, info, sends, undefined, true);
		}
		if (decision.action === 'fail')
			throw new WriteFlowError(decision.status ?? 'failed', sendError, info, sends);
		await flow.pause(sends, info);
	}
}

async function lookupSafely<O>(
	flow: WriteFlow<unknown, O>,
): Promise<{ ok: true; order: O | undefined } | { ok: false; error: unknown }> {
	try {
		return { ok: true, order: await flow.lookup() };
	} catch (error) {
		return { ok: false, error };
	}
}
