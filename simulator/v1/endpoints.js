// @ts-check
'use strict';

/**
 * The 14 CCPayment v1 API paths (bill/info serves two documented pages) and their handlers. A
 * handler gets an already authenticated request context and returns `data`, or throws an ApiError
 * that becomes an HTTP 200 error envelope (see pipeline.js).
 */

const { ApiError } = require('./fields');
const { conciseUrlGet, billCreate, billInfo, STAGE_STATUS } = require('./payments');
const {
	paymentAddressGet,
	withdraw,
	webhookResend,
	WEBHOOK_RESULTS,
	TRANSACTION_TYPES,
} = require('./wallet');
const {
	coinAll,
	tokenRate,
	assets,
	networkFee,
	networkHeight,
	checkUser,
	supportToken,
	tokenChain,
} = require('./resources');

const PREFIX = '/ccpayment/v1/';

const ENDPOINTS = [
	'concise/url/get',
	'bill/create',
	'bill/info',
	'payment/address/get',
	'withdraw',
	'coin/all',
	'token/rate',
	'assets',
	'network/fee',
	'get/network/height/info',
	'check/user',
	'support/token',
	'token/chain',
	'webhook/resend',
];

const HANDLERS = {
	'concise/url/get': conciseUrlGet,
	'bill/create': billCreate,
	'bill/info': billInfo,
	'payment/address/get': paymentAddressGet,
	withdraw,
	'coin/all': coinAll,
	'token/rate': tokenRate,
	assets,
	'network/fee': networkFee,
	'get/network/height/info': networkHeight,
	'check/user': checkUser,
	'support/token': supportToken,
	'token/chain': tokenChain,
	'webhook/resend': webhookResend,
};

module.exports = {
	PREFIX,
	ENDPOINTS,
	HANDLERS,
	ApiError,
	WEBHOOK_RESULTS,
	TRANSACTION_TYPES,
	STAGE_STATUS,
};
