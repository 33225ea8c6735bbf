/**
 * Runs one operation over every item, for either API version: bounded concurrency, one rate limiter
 * for the whole execution, output in input order with pairedItem on every item, and continue-on-fail
 * error items that carry CCPayment's code, tip and the failure kind.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { InvalidParameterError } from '../validation';
import { failureInfoOf } from '../transport/request';
import type { CCPaymentClient, RunSettings } from '../transport/client';
import { CCPaymentClient as Client, DEFAULT_RUN_SETTINGS, outcomeOf } from '../transport/client';
import type { ProtocolDescriptor } from '../transport/protocol';
import { runPool } from './pool';

/**
 * One operation: the runner calls `execute.call(this, itemIndex, client)` once per item, with the
 * client shared by every item of the execution. Arrays become one output item per entry.
 */
export type OperationExecute = (
	this: IExecuteFunctions,
	itemIndex: number,
	client: CCPaymentClient,
) => Promise<IDataObject | IDataObject[]>;

export interface OperationModule {
	description: INodeProperties[];
	execute: OperationExecute;
}

/** Operations by "resource:operation". */
export type OperationRegistry = Record<string, OperationModule>;

/** The throughput options both API versions offer (defaults match DEFAULT_RUN_SETTINGS). */
export const throughputOptions: INodeProperties[] = [
	{
		displayName: 'Max Concurrent Requests',
		name: 'maxConcurrentRequests',
		type: 'number',
		default: 10,
		typeOptions: { minValue: 1, maxValue: 100, numberPrecision: 0 },
		description:
			'How many requests to CCPayment may be in flight at once, across all items of this execution',
	},
	{
		displayName: 'Max Requests per Second',
		name: 'maxRequestsPerSecond',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1, maxValue: 100, numberPrecision: 0 },
		description:
			'Requests are spaced evenly so no second ever holds more than this. CCPayment allows 100 per second per IP, shared by everything on this IP.',
	},
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		default: 3,
		typeOptions: { minValue: 0, maxValue: 10, numberPrecision: 0 },
		description:
			'How often a request is retried after a transient failure. Writes are only re-sent with the same order ID, after checking CCPayment has no such order.',
	},
	{
		displayName: 'Timeout',
		name: 'timeout',
		type: 'number',
		default: 30000,
		typeOptions: { minValue: 100 },
		description: 'Time in ms to wait for each CCPayment answer',
	},
];

function setting(
	options: IDataObject,
	name: string,
	fallback: number,
	min: number,
	max: number,
	integer: boolean,
): number {
	const raw = options[name];
	if (raw === undefined || raw === null || raw === '') return fallback;
	const value = typeof raw === 'string' ? Number(raw) : raw;
	if (
		typeof value !== 'number' ||
		!Number.isFinite(value) ||
		value < min ||
		value > max ||
		(integer && !Number.isInteger(value))
	) {
		throw new InvalidParameterError(
			`Option "${name}"`,
			`must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max} (got ${JSON.stringify(raw)})`,
			`Set it to a value from ${min} to ${max}, or remove it to use ${fallback}.`,
		);
	}
	return value;
}

/** Throughput settings of one execution, from the Options of the first item. */
export function runSettings(options: IDataObject): RunSettings {
	return {
		maxRequestsPerSecond: setting(
			options,
			'maxRequestsPerSecond',
			DEFAULT_RUN_SETTINGS.maxRequestsPerSecond,
			1,
			100,
			true,
		),
		maxConcurrentRequests: setting(
			options,
			'maxConcurrentRequests',
			DEFAULT_RUN_SETTINGS.maxConcurrentRequests,
			1,
			100,
			true,
		),
		maxRetries: setting(options, 'maxRetries', DEFAULT_RUN_SETTINGS.maxRetries, 0, 10, true),
		timeoutMs: setting(options, 'timeout', DEFAULT_RUN_SETTINGS.timeoutMs, 100, 600_000, false),
	};
}

type NodeError = NodeApiError | NodeOperationError;

function toNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	if (error instanceof InvalidParameterError) {
		return new NodeOperationError(context.getNode(), `${error.message} [item ${itemIndex}]`, {
			itemIndex,
			description: error.fix,
		});
	}
	return new NodeOperationError(context.getNode(), error instanceof Error ? error : String(error), {
		itemIndex,
	});
}

/** The json of a continueOnFail error item: { error, description, code, tip, msg, reason, kind, ... }. */
function errorJson(original: unknown, error: NodeError): IDataObject {
	const info = failureInfoOf(error);
	const outcome = outcomeOf(error);
	const json: IDataObject = {
		error: error.message,
		description: error.description ?? undefined,
		code: info?.code,
		tip: info?.tip,
		msg: info?.msg,
		reason: info?.reason,
		kind:
			info?.kind ?? (original instanceof InvalidParameterError ? 'invalid_parameter' : undefined),
		...(outcome ?? {}),
	};
	for (const key of Object.keys(json)) if (json[key] === undefined) delete json[key];
	return json;
}

/** Runs the operation selected by the node's `resource` and `operation` parameters. */
export async function runOperations(
	this: IExecuteFunctions,
	operations: OperationRegistry,
	protocol: ProtocolDescriptor,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const selected = operations[`${resource}:${operation}`];
	if (!selected) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not supported for resource "${resource}"`,
		);
	}
	const continueOnFail = this.continueOnFail();

	let settings: RunSettings;
	try {
		settings = runSettings(this.getNodeParameter('options', 0, {}) as IDataObject);
	} catch (error) {
		throw toNodeError(this, error, 0);
	}
	const credentials = await this.getCredentials<ICredentialDataDecryptedObject>(
		protocol.credentialType,
	);
	const client = new Client(this, credentials, settings, undefined, protocol);

	const results = await runPool(
		items.length,
		settings.maxConcurrentRequests,
		async (i) => await selected.execute.call(this, i, client),
		{ stopOnError: !continueOnFail, shouldStop: () => client.cancelled() },
	);

	const returnData: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const result = results[i];
		if (!result) continue;
		if (result.ok) {
			returnData.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result.value), {
					itemData: { item: i },
				}),
			);
			continue;
		}
		const error = toNodeError(this, result.error, i);
		if (!continueOnFail) throw error;
		returnData.push({ json: errorJson(result.error, error), pairedItem: { item: i } });
	}
	return [returnData];
}
