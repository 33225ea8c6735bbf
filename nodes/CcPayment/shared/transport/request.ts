import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { appKeys, checkSignedMessage } from '../signerV1';
import type { HeaderBag } from '../signerV1';
import {
	classifyHttpStatus,
	classifyTransportError,
	descriptionFor,
	messageFor,
	SUCCESS_CODE,
} from './errors';
import type { FailureInfo } from './errors';
import { DEFAULT_TIMEOUT_MS } from './endpoints';
import type { Endpoint } from './endpoints';
import type { EndpointV2 } from './endpointsV2';
import { PROTOCOL_V1 } from './protocol';
import type { ProtocolDescriptor } from './protocol';

const DEFAULT_RESPONSE_TOLERANCE_S = 300;

export type RequestContext =
	| IExecuteFunctions
	| IExecuteSingleFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

export interface ApiRequestOptions {
	itemIndex?: number;
	timeoutMs?: number;
	/** Credentials already fetched for this execution (saves a decrypt per item). */
	credentials?: ICredentialDataDecryptedObject;
	/** Which API version to speak; v1 when absent. */
	protocol?: ProtocolDescriptor;
}

export type ApiData = IDataObject | IDataObject[];

/** A failure from CCPayment or on the way to it, as a NodeApiError that carries its FailureInfo. */
export function ccpaymentError(
	context: RequestContext,
	info: FailureInfo,
	itemIndex?: number,
	detail?: string,
): NodeApiError {
	const error = new NodeApiError(context.getNode(), { ...info } as unknown as JsonObject, {
		message: messageFor(info),
		description: descriptionFor(info, detail),
		httpCode: String(info.httpStatus ?? (info.kind === 'business' ? 200 : '')) || undefined,
		itemIndex,
	});
	error.context.ccpayment = { ...info } as unknown as IDataObject;
	return error;
}

/** The FailureInfo a transport error carries, if it came from here. */
export function failureInfoOf(error: unknown): FailureInfo | undefined {
	const response = (error as { errorResponse?: unknown } | undefined)?.errorResponse as
		| Partial<FailureInfo>
		| undefined;
	if (response && typeof response.kind === 'string' && typeof response.path === 'string') {
		return response as FailureInfo;
	}
	return undefined;
}

function toBytes(body: unknown): Buffer | undefined {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	return undefined;
}

function verifyResponse(
	credentials: ICredentialDataDecryptedObject,
	response: IN8nHttpFullResponse,
	bytes: Buffer,
) {
	const tolerance = Number(credentials.responseTimestampTolerance ?? DEFAULT_RESPONSE_TOLERANCE_S);
	return checkSignedMessage({
		headers: response.headers as HeaderBag,
		body: bytes,
		...appKeys(credentials),
		toleranceSeconds: Number.isFinite(tolerance) && tolerance > 0 ? tolerance : 0,
		appIdHeader: 'optional',
	});
}

function snippet(text: string): string {
	const clean = text.replace(/\s+/g, ' ').trim();
	return clean.length > 200 ? `${clean.slice(0, 200)}...` : clean;
}

/**
 * POST one CCPayment call and return its `data` (verified, where the protocol signs responses).
 *
 * The body is serialised here exactly once; the credential's `authenticate` signs that string and
 * sends it unchanged (v2 calls without parameters send no body). The response is read as raw bytes,
 * its signature checked on those bytes where the protocol has one, and only then is anything from
 * it used.
 */
export async function ccpaymentApiRequest(
	this: RequestContext,
	endpoint: Endpoint | EndpointV2,
	body: IDataObject = {},
	options: ApiRequestOptions = {},
): Promise<ApiData> {
	const protocol = options.protocol ?? PROTOCOL_V1;
	const credentialType = protocol.credentialType;
	const path = `${protocol.pathPrefix}${endpoint}`;
	const { itemIndex } = options;
	const credentials =
		options.credentials ??
		(await this.getCredentials<ICredentialDataDecryptedObject>(credentialType, itemIndex));
	const payload = protocol.serializeBody(body);

	const requestOptions: IHttpRequestOptions = {
		method: 'POST',
		url: path,
		...(payload === undefined ? {} : { body: payload }),
		json: false,
		encoding: 'arraybuffer',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
	};

	let response: IN8nHttpFullResponse;
	try {
		// Hand over the credentials already decrypted for this execution: otherwise n8n-core loads and
		// decrypts them from the database on every request, which costs CPU and adds enough jitter
		// to bunch paced requests over CCPayment's per-second limit.
		response = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			credentialType,
			requestOptions,
			{
				credentialsDecrypted: {
					id: credentialType,
					name: credentialType,
					type: credentialType,
					data: credentials,
				},
			},
		)) as IN8nHttpFullResponse;
	} catch (error) {
		throw ccpaymentError(this, classifyTransportError(path, error), itemIndex);
	}

	const bytes = toBytes(response.body);
	const text = bytes ? bytes.toString('utf8') : '';
	if (response.statusCode !== 200) {
		throw ccpaymentError(
			this,
			classifyHttpStatus(path, response.statusCode),
			itemIndex,
			text ? `Body: ${snippet(text)}` : undefined,
		);
	}
	if (!bytes) {
		throw ccpaymentError(
			this,
			{ path, kind: 'bad_response', retryable: true, mayHaveBeenApplied: true },
			itemIndex,
		);
	}

	// Verify the raw bytes first; the parsed body is only trusted once this passed.
	const verification = protocol.verifyResponses
		? verifyResponse(credentials, response, bytes)
		: undefined;

	let envelope: { code?: unknown; msg?: unknown; reason?: unknown; data?: unknown };
	try {
		envelope = JSON.parse(text);
	} catch {
		throw ccpaymentError(
			this,
			{ path, kind: 'bad_response', retryable: true, mayHaveBeenApplied: true },
			itemIndex,
			text ? `Body: ${snippet(text)}` : 'The body was empty.',
		);
	}
	if (!envelope || typeof envelope !== 'object' || typeof envelope.code !== 'number') {
		throw ccpaymentError(
			this,
			{ path, kind: 'bad_response', retryable: true, mayHaveBeenApplied: true },
			itemIndex,
			`Body: ${snippet(text)}`,
		);
	}

	if (envelope.code !== SUCCESS_CODE) {
		// CCPayment does not sign error responses, so nothing here is trusted beyond its text.
		let info = protocol.classifyBusinessError(path, {
			code: envelope.code,
			msg: typeof envelope.msg === 'string' ? envelope.msg : undefined,
			reason: typeof envelope.reason === 'string' ? envelope.reason : undefined,
		});
		if (protocol.withCredentialHint) info = protocol.withCredentialHint(info, credentials);
		throw ccpaymentError(this, info, itemIndex);
	}

	if (verification && !verification.ok) {
		throw ccpaymentError(
			this,
			{ path, kind: 'bad_signature', retryable: true, mayHaveBeenApplied: true },
			itemIndex,
			`(${verification.message}.)`,
		);
	}

	const data = envelope.data;
	if (Array.isArray(data)) return data as IDataObject[];
	if (data && typeof data === 'object') return data as IDataObject;
	return {};
}
