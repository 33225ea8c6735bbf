/**
 * What differs between CCPayment API versions, as far as the shared request function and client
 * care. Everything else (pacing, retries, error classes, the write policy) is the same code.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import * as signerV1 from '../signerV1';
import * as signerV2 from '../signerV2';
import { API_PREFIX, CREDENTIAL_TYPE } from './endpoints';
import { API_PREFIX_V2, CREDENTIAL_TYPE_V2 } from './endpointsV2';
import { classifyBusinessError } from './errors';
import type { FailureInfo } from './errors';
import { classifyBusinessErrorV2, withAppIdHintV2 } from './errorsV2';

export interface ProtocolDescriptor {
	version: 'v1' | 'v2';
	/** The n8n credential type that signs the requests. */
	credentialType: string;
	/** Prepended to every endpoint path, e.g. "/ccpayment/v2/". */
	pathPrefix: string;
	/** The exact bytes to send for a body; undefined means "send no body". */
	serializeBody(body: unknown): string | undefined;
	/** Whether successful responses must carry a valid signature before their data is used. */
	verifyResponses: boolean;
	/** Reads an envelope with a code other than 10000 (the error table lives here). */
	classifyBusinessError(
		path: string,
		envelope: { code: number; msg?: string; reason?: string },
	): FailureInfo;
	/** Adds what the credential tells about a business error (e.g. an App ID of the other version). */
	withCredentialHint?(info: FailureInfo, credentials: ICredentialDataDecryptedObject): FailureInfo;
}

export const PROTOCOL_V1: ProtocolDescriptor = {
	version: 'v1',
	credentialType: CREDENTIAL_TYPE,
	pathPrefix: API_PREFIX,
	serializeBody: signerV1.serializeBody,
	verifyResponses: true,
	classifyBusinessError,
};

export const PROTOCOL_V2: ProtocolDescriptor = {
	version: 'v2',
	credentialType: CREDENTIAL_TYPE_V2,
	pathPrefix: API_PREFIX_V2,
	serializeBody: signerV2.serializeBody,
	// v2 responses are not documented as signed; requiring a signature would reject real answers.
	verifyResponses: false,
	classifyBusinessError: classifyBusinessErrorV2,
	withCredentialHint: (info, credentials) => withAppIdHintV2(info, credentials.appId),
};
