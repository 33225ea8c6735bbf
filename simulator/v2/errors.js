// @ts-check
'use strict';

/**
 * CCPayment v2 error codes by their tip name, with the published description. Handlers throw
 * `new V2Error(tip, detail)`; the pipeline turns it into `{"code":N,"msg":"..."}` (HTTP 200). The
 * detail names the offending field or value, so a caller can tell what to fix.
 */

/** @type {Record<string, { code: number, description: string }>} */
const CODES = {
	Success: { code: 10000, description: 'success' },
	Failed: { code: 10001, description: 'Request failed' },
	InvalidArgument: { code: 11000, description: 'Invalid argument' },
	HeaderInvalidArgument: { code: 11001, description: 'Invalid argument in header' },
	Internal: { code: 11002, description: 'Server problem, please try again later' },
	NotFound: { code: 11003, description: 'Data does not exist' },
	RateLimit: { code: 11004, description: 'Reached the rate limit' },
	VerifySignFailed: { code: 11005, description: 'Signature verification failed' },
	ReqExpired: { code: 11006, description: 'Request has expired' },
	RepeatedSubmit: { code: 11007, description: 'Repeated submission' },
	QueryDurationTooMax: { code: 11008, description: 'Query time range too large' },
	ReqDailyLimit: { code: 11009, description: 'Exceeded daily request limit' },
	QueryNumMax: { code: 11010, description: 'Too many transactions queried' },
	OrderDuplicate: { code: 11011, description: 'Order ID is repeated' },
	ExpiredAtTooMax: { code: 11012, description: 'The maximum valid period is 10 days' },
	NoSupportVersion: {
		code: 11013,
		description: 'This account can only access the Version 1 interface',
	},
	UserIdNotFound: { code: 11015, description: 'userId does not exist' },
	MerchantDisabled: { code: 12000, description: 'Merchant account disabled' },
	MerchantNotFound: { code: 12001, description: 'Merchant does not exist' },
	IpNotInWhitelist: { code: 12002, description: 'IP not in whitelist' },
	MerchantApiDisabled: {
		code: 12003,
		description: 'Complete website verification on dashboard',
	},
	InvalidCoin: { code: 13000, description: 'Unsupported coin' },
	InvalidChain: { code: 13001, description: 'Unsupported network for this token' },
	BalanceInsufficient: { code: 14000, description: 'Not enough balance' },
	AddressEmptyMemo: { code: 14003, description: 'Memo for this chain cannot be empty' },
	ChainStopWithdraw: { code: 14004, description: 'Withdrawals on this chain suspended' },
	WithdrawValueLessThanLimit: { code: 14005, description: 'Below minimum withdrawal' },
	WithdrawValueMoreThanLimit: { code: 14006, description: 'Above maximum withdrawal' },
	WithdrawAddrFormat: { code: 14007, description: 'Incorrect address format' },
	WithdrawCannotSelf: { code: 14008, description: 'Cannot withdraw to own CCPayment address' },
	CoinNoSupportMemo: { code: 14009, description: 'Coin does not support memo' },
	NoSupportCoin: {
		code: 14010,
		description: 'Token not in the merchant\'s "Tokens for your business"',
	},
	CoinPrecisionLimit: { code: 14013, description: 'Exceeded coin precision' },
	SeqDuplicate: { code: 14027, description: 'Duplicate seq' },
	UnableAbort: { code: 14028, description: 'Unable to abort' },
	PaymentAddressNumTooMuch: { code: 15001, description: 'Address limit reached' },
	ChainStopDeposit: { code: 15003, description: 'Deposits for this chain suspended' },
	CoinUnavailableForSwap: { code: 16001, description: 'Coin unavailable for swap' },
	SwapAmountInTooLow: { code: 16002, description: 'Swap amount too low' },
	AmountOutMinimumTooHigh: { code: 16003, description: 'amountOutMinimum is too high' },
	UnBindingAddressDeprecated: { code: 17003, description: 'Address cannot be unbound' },
	AddressNotBelongCCP: { code: 17007, description: 'Address does not belong to CCPayment' },
};

class V2Error extends Error {
	/**
	 * @param {string} tip     key of CODES
	 * @param {string} [detail]
	 */
	constructor(tip, detail) {
		super(detail ? `${tip}: ${detail}` : tip);
		this.tip = CODES[tip] ? tip : 'Internal';
		this.detail = detail;
	}
}

/** @param {string} detail */
const invalid = (detail) => new V2Error('InvalidArgument', detail);

module.exports = { CODES, V2Error, invalid };
