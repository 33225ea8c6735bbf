import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import {
	appKeys,
	nowSeconds,
	serializeBody,
	signedHeaders,
} from '../nodes/CcPayment/shared/signerV1';

export const DEFAULT_BASE_URL = 'https://admin.ccpayment.com';

export function normalizeBaseUrl(value: unknown): string {
	const text = typeof value === 'string' ? value.trim() : '';
	return (text || DEFAULT_BASE_URL).replace(/\/+$/, '');
}

/**
 * Signs one request: the body is serialised exactly once, that string is signed and that same
 * string is what goes on the wire. Only the hash leaves this function, never the secret.
 */
export async function signRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const { appId, appSecret } = appKeys(credentials);
	const body = serializeBody(requestOptions.body);
	return {
		...requestOptions,
		baseURL: requestOptions.baseURL || normalizeBaseUrl(credentials.baseUrl),
		body,
		headers: {
			...(requestOptions.headers ?? {}),
			'Content-Type': 'application/json',
			...signedHeaders(appId, appSecret, body, nowSeconds()),
		},
	};
}

export class CcPaymentApi implements ICredentialType {
	name = 'ccPaymentApi';

	displayName = 'CCPayment V1 API';

	icon: Icon = { light: 'file:../icons/ccpayment.svg', dark: 'file:../icons/ccpayment.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-ccpayment/n8n-nodes-ccpayment#credentials';

	properties: INodeProperties[] = [
		{
			displayName:
				'Find the App ID and App Secret on the Developer page of the CCPayment dashboard (admin.ccpayment.com/developer/config). This credential is for the v1 API (33-digit App IDs).',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 202302010636261620672405236006912',
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description:
				'Where CCPayment v1 is served. Keep the default in production; point it at the local simulator or a proxy for testing.',
		},
		{
			displayName: 'Response Timestamp Tolerance (Seconds)',
			name: 'responseTimestampTolerance',
			type: 'number',
			default: 300,
			typeOptions: { minValue: 0 },
			description:
				"How far the Timestamp of a signed CCPayment response may be from this machine's clock before the response is rejected as a replay. 0 turns the check off.",
		},
	];

	authenticate = signRequest;

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.baseUrl ? $credentials.baseUrl.replace(/\\/+$/, "") : "https://admin.ccpayment.com"}}',
			url: '/ccpayment/v1/coin/all',
			method: 'POST',
		},
		rules: [
			{
				// CCPayment answers HTTP 200 either way; only an accepted call carries `data`.
				type: 'responseSuccessBody',
				properties: {
					key: 'data',
					value: undefined,
					message:
						"CCPayment did not accept these credentials. Check that the App ID and App Secret are the ones on the Developer page (admin.ccpayment.com/developer/config) and that this machine's clock is correct. An App ID of 16 letters and digits is a v2 one: use the CCPayment V2 API credential.",
				},
			},
		],
	};
}
