import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { runPool } from '../../shared/execution/pool';
import { InvalidParameterError } from '../helpers/validation';
import { CREDENTIAL_TYPE, failureInfoOf } from '../../shared/transport';
import type { RunSettings } from '../../shared/transport/client';
import { CCPaymentClient, DEFAULT_RUN_SETTINGS, outcomeOf } from '../../shared/transport/client';
import * as balance from './balance';
import * as blockchain from './blockchain';
import * as checkout from './checkout';
import * as coin from './coin';
import * as cwalletUser from './cwalletUser';
import * as depositAddress from './depositAddress';
import * as order from './order';
import type { OperationModule } from './types';
import * as webhook from './webhook';
import * as withdrawal from './withdrawal';

export const operations: Record<string, OperationModule> = {
	'balance:getMany': balance.getMany,
	'blockchain:getBlockHeights': blockchain.getBlockHeights,
	'checkout:createHostedUrl': checkout.createHostedUrl,
	'checkout:createNativeOrder': checkout.createNativeOrder,
	'coin:getMany': coin.getMany,
	'coin:getNetworks': coin.getNetworks,
	'coin:getRate': coin.getRate,
	'coin:getSupportedTokens': coin.getSupportedTokens,
	'cwalletUser:check': cwalletUser.check,
	'depositAddress:getPermanentAddress': depositAddress.getPermanentAddress,
	'order:get': order.get,
	'webhook:resend': webhook.resend,
	'withdrawal:create': withdrawal.create,
	'withdrawal:get': withdrawal.get,
	'withdrawal:getNetworkFee': withdrawal.getNetworkFee,
};

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

/** The json of a continueOnFail error item: { error, description, code, msg, reason, kind, ... }. */
function errorJson(original: unknown, error: NodeError): IDataObject {
	const info = failureInfoOf(error);
	const outcome = outcomeOf(error);
	const json: IDataObject = {
		error: error.message,
		description: error.description ?? undefined,
		code: info?.code,
		msg: info?.msg,
		reason: info?.reason,
		kind:
			info?.kind ?? (original instanceof InvalidParameterError ? 'invalid_parameter' : undefined),
		...(outcome ?? {}),
	};
	for (const key of Object.keys(json)) if (json[key] === undefined) delete json[key];
	return json;
}

/**
 * Runs the selected operation for every item with bounded concurrency, one rate limiter for the
 * whole execution, and output in input order with pairedItem on every item.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
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
	const credentials = await this.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE);
	const client = new CCPaymentClient(this, credentials, settings);

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
