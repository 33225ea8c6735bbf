export const CREDENTIAL_TYPE = 'ccPaymentApi';
export const API_PREFIX = '/ccpayment/v1/';
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Every v1 endpoint path, relative to API_PREFIX. */
export const ENDPOINTS = {
	checkoutUrl: 'concise/url/get',
	createOrder: 'bill/create',
	orderInfo: 'bill/info',
	paymentAddress: 'payment/address/get',
	withdraw: 'withdraw',
	coinAll: 'coin/all',
	tokenRate: 'token/rate',
	assets: 'assets',
	networkFee: 'network/fee',
	networkHeight: 'get/network/height/info',
	checkUser: 'check/user',
	supportToken: 'support/token',
	tokenChain: 'token/chain',
	webhookResend: 'webhook/resend',
} as const;

export type Endpoint = (typeof ENDPOINTS)[keyof typeof ENDPOINTS];
