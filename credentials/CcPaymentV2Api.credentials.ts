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
} from '../nodes/CcPayment/shared/signerV2';

export const DEFAULT_BASE_URL_V2 = 'https://ccpayment.com';

export function normalizeBaseUrlV2(value: unknown): string {
	const text = typeof value === 'string' ? value.trim() : '';
	return (text || DEFAULT_BASE_URL_V2).replace(/\/+$/, '');
}

/**
 * Signs one v2 request: the body is serialised exactly once, that string is signed and that same
 * string is what goes on the wire. Calls without parameters send no body and sign Appid +
 * Timestamp. Only the signature leaves this function, never the secret.
 */
export async function signRequestV2(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const { appId, appSecret } = appKeys(credentials);
	const body = serializeBody(requestOptions.body);
	const signed: IHttpRequestOptions = {
		...requestOptions,
		baseURL: requestOptions.baseURL || normalizeBaseUrlV2(credentials.baseUrl),
		headers: {
			...(requestOptions.headers ?? {}),
			'Content-Type': 'application/json',
			...signedHeaders(appId, appSecret, body, nowSeconds()),
		},
	};
	if (body === undefined) delete signed.body;
	else signed.body = body;
	return signed;
}

/**
 * Credential-test answers by CCPayment code. The rules only see the response, so the App ID shape
 * hints are worded for either case.
 */
export const V2_CREDENTIAL_TEST_MESSAGES: Array<{ code: number; message: string }> = [
	{
		code: 11005,
		message:
			'CCPayment did not accept the signature (11005): the App Secret is wrong. Copy it again from Dashboard > Developer.',
	},
	{
		code: 12001,
		message:
			'CCPayment does not know this App ID (12001). Copy it again from Dashboard > Developer. v2 App IDs have 16 letters and digits; a 33-digit App ID is a v1 one: use the CCPayment V1 API credential.',
	},
	{
		code: 11006,
		message:
			"CCPayment refused the request as expired (11006): this machine's clock is more than 2 minutes off. Synchronise it (NTP).",
	},
	{
		code: 12002,
		message:
			"This machine's IP is not in the IP whitelist (12002). Add it on Dashboard > Developer, or clear the whitelist.",
	},
	{
		code: 12003,
		message:
			'The API is closed until the website is verified (12003). Complete the website verification on the CCPayment dashboard.',
	},
	{
		code: 11013,
		message:
			'This App ID is a v1 account (11013): use the CCPayment V1 API credential, with API Version "V1 (Legacy)" on the node.',
	},
	{
		code: 11001,
		message:
			'CCPayment refused the request headers (11001). Check that the App ID has no spaces or line breaks.',
	},
	{
		code: 11014,
		message:
			'CCPayment blocked this IP and App ID for repeated unauthorised requests (11014). Check the App ID and contact CCPayment support.',
	},
	{
		code: 12000,
		message: 'The merchant account is disabled (12000). Contact CCPayment support.',
	},
];

export class CcPaymentV2Api implements ICredentialType {
	name = 'ccPaymentV2Api';

	displayName = 'CCPayment V2 API';

	icon: Icon = { light: 'file:../icons/ccpayment.svg', dark: 'file:../icons/ccpayment.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-ccpayment/n8n-nodes-ccpayment#credentials';

	properties: INodeProperties[] = [
		{
			displayName:
				'Find the App ID and App Secret on the Developer page of the CCPayment dashboard (console.ccpayment.com/developer/config). This credential is for the v2 API (16-character App IDs).',
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
			placeholder: 'e.g. 9uWkOaQcHcipuk6z',
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
			default: DEFAULT_BASE_URL_V2,
			description:
				'Where CCPayment v2 is served; the node adds /ccpayment/v2. Keep the default in production; point it at a simulator or proxy for testing.',
		},
	];

	authenticate = signRequestV2;

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.baseUrl ? $credentials.baseUrl.replace(/\\/+$/, "") : "https://ccpayment.com"}}',
			url: '/ccpayment/v2/getAppCoinAssetList',
			method: 'POST',
		},
		rules: [
			...V2_CREDENTIAL_TEST_MESSAGES.map(({ code, message }) => ({
				type: 'responseSuccessBody' as const,
				properties: { key: 'code', value: code, message },
			})),
			{
				// Every other refusal: a success always carries a `data` object.
				type: 'responseSuccessBody',
				properties: {
					key: 'data',
					value: undefined,
					message:
						'CCPayment did not accept these credentials. Check the App ID and App Secret on Dashboard > Developer; a 33-digit App ID is a v1 one: use the CCPayment V1 API credential.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'data',
					value: null,
					message:
						'CCPayment did not accept these credentials. Check the App ID and App Secret on Dashboard > Developer; a 33-digit App ID is a v1 one: use the CCPayment V1 API credential.',
				},
			},
		],
	};
}
