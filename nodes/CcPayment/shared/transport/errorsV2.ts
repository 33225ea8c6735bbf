/**
 * CCPayment v2 error codes: what each means, how to fix it, and how the transport treats it (retry,
 * rate limit, "already exists" for the write policy). Pure, so it is tested directly.
 */
import { appIdShapeHint } from '../signerV2';
import type { FailureInfo, FailureKind } from './errors';

export interface V2ErrorEntry {
	/** CCPayment's name for the code, as shown in its reference. */
	tip: string;
	/** What happened, in plain words. */
	meaning: string;
	/** What the user should do next. */
	fix: string;
	/** How the transport treats it; plain business errors when absent. */
	kind?: Extract<FailureKind, 'rate_limited' | 'service_error'>;
	/** The order ID is already taken: the write policy's "already exists" signal. */
	duplicate?: boolean;
}

const CHECK_APP_ID =
	'Copy the App ID again from Dashboard > Developer (console.ccpayment.com/developer/config).';
const CHECK_COIN =
	'Pick the coin from the list, or check it is in "Tokens for your business" on the dashboard.';
const WITHDRAW_LATER = 'Try again later, or use another network.';

export const V2_ERRORS: Record<number, V2ErrorEntry> = {
	10001: {
		tip: 'Failed',
		meaning: 'The request failed',
		fix: 'See the message from CCPayment for the cause.',
	},
	11000: {
		tip: 'InvalidArgument',
		meaning: 'A request field is invalid',
		fix: "Check the field named in the message against the operation's rules.",
	},
	11001: {
		tip: 'HeaderInvalidArgument',
		meaning: 'A request header is invalid',
		fix: 'Check the App ID in the CCPayment V2 API credential: it must not be empty or contain spaces.',
	},
	11002: {
		tip: 'Internal',
		meaning: 'CCPayment had a server problem',
		fix: 'Try again in a moment.',
		kind: 'service_error',
	},
	11003: {
		tip: 'NotFound',
		meaning: 'The record does not exist',
		fix: 'Check the ID you looked up.',
	},
	11004: {
		tip: 'RateLimit',
		meaning: 'The rate limit was reached',
		fix: 'Lower "Max Requests per Second" in the node options, or ask your CCPayment account manager for a higher limit.',
		kind: 'rate_limited',
	},
	11005: {
		tip: 'VerifySignFailed',
		meaning: 'The signature was not accepted',
		fix: 'Check the App Secret in the CCPayment V2 API credential (copy it again from Dashboard > Developer).',
	},
	11006: {
		tip: 'ReqExpired',
		meaning: 'The request timestamp has expired',
		fix: "CCPayment accepts requests signed within 2 minutes of its clock: synchronise this machine's clock (NTP).",
	},
	11007: {
		tip: 'RepeatedSubmit',
		meaning: 'The same request was already submitted',
		fix: 'CCPayment already has this request: look the order up before sending it again.',
		duplicate: true,
	},
	11008: {
		tip: 'QueryDurationTooMax',
		meaning: 'The query time range is too large',
		fix: 'Narrow the time range.',
	},
	11009: {
		tip: 'ReqDailyLimit',
		meaning: 'The daily request limit was exceeded',
		fix: 'Try again tomorrow, or ask your CCPayment account manager for a higher limit.',
	},
	11010: {
		tip: 'QueryNumMax',
		meaning: 'Too many records were queried at once',
		fix: 'Query at most 100 at a time.',
	},
	11011: {
		tip: 'OrderDuplicate',
		meaning: 'The order ID was used before',
		fix: 'Look that order up instead of creating it again, or use a new order ID.',
		duplicate: true,
	},
	11012: {
		tip: 'ExpiredAtTooMax',
		meaning: 'The expiry is too far ahead',
		fix: 'Set an expiry at most 10 days from now.',
	},
	11013: {
		tip: 'NoSupportVersion',
		meaning: 'This App ID is a v1 account',
		fix: 'This App ID is a v1 account: use the CCPayment V1 API credential and set API Version to "V1 (Legacy)".',
	},
	11014: {
		tip: 'MaliciousReq',
		meaning: 'CCPayment blocked the requests as malicious',
		fix: `The IP and App ID may be blocked for days. ${CHECK_APP_ID} Then contact CCPayment support.`,
	},
	11015: {
		tip: 'UserIdNotFound',
		meaning: 'The user ID does not exist',
		fix: 'Check the user ID.',
	},
	11016: {
		tip: 'NotOnlineDeposit',
		meaning: 'Only on-chain deposits are supported',
		fix: 'Use an on-chain deposit for this operation.',
	},
	11017: {
		tip: 'CwalletClosed',
		meaning: 'The Cwallet account is closed',
		fix: 'Use another Cwallet account or pay to a network address.',
	},
	11018: {
		tip: 'FrequentOperation',
		meaning: 'Operations are too frequent',
		fix: 'Slow down: lower "Max Requests per Second" or "Max Concurrent Requests" in the node options.',
		kind: 'rate_limited',
	},
	12000: {
		tip: 'MerchantDisabled',
		meaning: 'The merchant account is disabled',
		fix: 'Contact CCPayment support.',
	},
	12001: {
		tip: 'MerchantNotFound',
		meaning: 'CCPayment does not know this App ID',
		fix: CHECK_APP_ID,
	},
	12002: {
		tip: 'IpNotInWhitelist',
		meaning: 'This IP is not in the whitelist',
		fix: 'Add the public IP of the n8n server to the IP whitelist on Dashboard > Developer, or clear the whitelist.',
	},
	12003: {
		tip: 'MerchantApiDisabled',
		meaning: 'The website is not verified',
		fix: 'Complete the website verification on the CCPayment dashboard; the API stays closed until then.',
	},
	13000: { tip: 'InvalidCoin', meaning: 'The coin is not supported', fix: CHECK_COIN },
	13001: {
		tip: 'InvalidChain',
		meaning: 'The network is not supported for this coin',
		fix: 'Pick the chain from the list for this coin.',
	},
	13002: {
		tip: 'AbnormalCoinPrice',
		meaning: 'The coin price is abnormal',
		fix: 'Try again later.',
	},
	13003: {
		tip: 'AbnormalCoinPriceNotSupportMode',
		meaning: 'The coin price is abnormal; only the merchant-pays-fee mode works now',
		fix: 'Let the merchant pay the network fee, or try again later.',
	},
	13004: {
		tip: 'UnstableBlockchain',
		meaning: 'Withdrawals of this coin are unavailable for now',
		fix: WITHDRAW_LATER,
	},
	13005: {
		tip: 'AbnormalCoinStatus',
		meaning: 'Trading of this coin is halted',
		fix: 'Try again later or use another coin.',
	},
	13006: {
		tip: 'CoinStopSwap',
		meaning: 'This coin is not available for swaps',
		fix: 'Use another coin.',
	},
	14000: {
		tip: 'BalanceInsufficient',
		meaning: 'The balance is not enough',
		fix: 'Top up the balance or lower the amount.',
	},
	14001: {
		tip: 'WithdrawFeeTooLow',
		meaning: 'The network fee is too low',
		fix: 'Get the current fee with Withdrawal > Get Network Fee and send again.',
	},
	14002: {
		tip: 'AddressNotActive',
		meaning: 'The receiving address is invalid or inactive',
		fix: 'Check the address (Address > Check Validity).',
	},
	14003: {
		tip: 'AddressEmptyMemo',
		meaning: 'This chain needs a memo',
		fix: 'Add the memo (tag) of the receiving address.',
	},
	14004: {
		tip: 'ChainStopWithdraw',
		meaning: 'Withdrawals on this chain are suspended',
		fix: WITHDRAW_LATER,
	},
	14005: {
		tip: 'WithdrawValueLessThanLimit',
		meaning: 'The amount is below the minimum withdrawal',
		fix: 'Check the minimum in Coin > Get Many and raise the amount.',
	},
	14006: {
		tip: 'WithdrawValueMoreThanLimit',
		meaning: 'The amount is above the maximum withdrawal',
		fix: 'Check the maximum in Coin > Get Many and split the amount.',
	},
	14007: {
		tip: 'WithdrawAddrFormat',
		meaning: 'The address format is wrong',
		fix: 'Check the address for this chain (Address > Check Validity).',
	},
	14008: {
		tip: 'WithdrawCannotSelf',
		meaning: 'You cannot withdraw to your own CCPayment address',
		fix: 'Use an address outside your CCPayment account.',
	},
	14009: {
		tip: 'CoinNoSupportMemo',
		meaning: 'This coin does not support a memo',
		fix: 'Remove the memo.',
	},
	14010: {
		tip: 'NoSupportCoin',
		meaning: 'The coin is not in "Tokens for your business"',
		fix: 'Add the coin to "Tokens for your business" on the dashboard.',
	},
	14011: {
		tip: 'WithdrawFeeBalanceNotEnough',
		meaning: 'Not enough native token for the network fee',
		fix: "Top up the chain's native token.",
	},
	14012: {
		tip: 'NotSupportMerchantTransfer',
		meaning: 'Merchant-ID transfers only work between main and sub accounts',
		fix: 'Transfer to one of your own main or sub accounts.',
	},
	14013: {
		tip: 'CoinPrecisionLimit',
		meaning: 'The amount has too many decimals for this coin',
		fix: "Round the amount to the coin's precision (Coin > Get).",
	},
	14014: {
		tip: 'NotFinishCollection',
		meaning: 'Asset aggregation fees are unpaid',
		fix: 'Pay the aggregation fees (Aggregation Fee > Get Many shows them).',
	},
	14015: {
		tip: 'WithdrawToContractAddress',
		meaning: 'You cannot withdraw to a contract address',
		fix: 'Use a wallet address.',
	},
	14016: {
		tip: 'WithdrawInvalidAddressType',
		meaning: 'Only data accounts are supported',
		fix: 'Use a data account address.',
	},
	14017: {
		tip: 'AddressInBlackList',
		meaning: 'The address is blacklisted',
		fix: 'Use another address.',
	},
	14018: {
		tip: 'DisabledWithdraw',
		meaning: 'Withdrawals are disabled',
		fix: 'Check the withdrawal settings on the dashboard.',
	},
	14019: {
		tip: 'WithdrawAmountFeeTooLittle',
		meaning: 'The amount does not cover the fee',
		fix: 'Raise the amount.',
	},
	14020: {
		tip: 'NotWhitelistDisabledWithdraw',
		meaning: 'The address is not in the withdrawal whitelist',
		fix: 'Add the address to the withdrawal whitelist on the dashboard.',
	},
	14021: {
		tip: 'NotWhitelistDisabledSwap',
		meaning: 'Swaps are limited to whitelisted addresses',
		fix: 'Check the whitelist settings on the dashboard.',
	},
	14022: {
		tip: 'TestModeLimitAmount',
		meaning: 'The test-mode limit was reached',
		fix: 'Turn the ETH test network off on the dashboard for real withdrawals.',
	},
	14023: {
		tip: 'TestModeSingleLimitAmount',
		meaning: 'A single withdrawal is limited to 10 in test mode',
		fix: 'Withdraw at most 10 in test mode.',
	},
	14024: {
		tip: 'AddressFormatErr',
		meaning: 'The address format is wrong',
		fix: 'Check the address for this chain.',
	},
	14025: {
		tip: 'AddressMemoFormatErr',
		meaning: 'The memo format is wrong',
		fix: 'Check the memo.',
	},
	14026: {
		tip: 'RiskAddress',
		meaning: 'The address is flagged as risky',
		fix: 'Use another address.',
	},
	14027: {
		tip: 'SeqDuplicate',
		meaning: 'The sequence number was used before',
		fix: 'Use a new sequence number.',
	},
	14028: {
		tip: 'UnableAbort',
		meaning: 'The batch can no longer be aborted',
		fix: 'Check the batch status.',
	},
	14029: {
		tip: 'AddressBlackList',
		meaning: 'The address is blacklisted',
		fix: 'Use another address.',
	},
	15000: {
		tip: 'GenerateAddressFailed',
		meaning: 'The address could not be generated',
		fix: 'Try again.',
	},
	15001: {
		tip: 'PaymentAddressNumTooMuch',
		meaning: 'The address limit was reached (1000 per App ID)',
		fix: 'Reuse existing addresses or unbind unused ones.',
	},
	15002: { tip: 'OrderExpired', meaning: 'The order has expired', fix: 'Create a new order.' },
	15003: {
		tip: 'ChainStopDeposit',
		meaning: 'Deposits on this chain are suspended',
		fix: 'Use another network.',
	},
	15004: {
		tip: 'OrderUrlExpired',
		meaning: 'The generated URL has expired',
		fix: 'Create a new checkout URL.',
	},
	16001: {
		tip: 'CoinUnavailableForSwap',
		meaning: 'The coin is not available for swaps',
		fix: 'Use another coin.',
	},
	16002: {
		tip: 'SwapAmountInTooLow',
		meaning: 'The swap amount is too low',
		fix: 'Raise the amount.',
	},
	16003: {
		tip: 'AmountOutMinimumTooHigh',
		meaning: 'The minimum output is too high for the current rate',
		fix: 'Lower the minimum output or get a new quote.',
	},
	16004: {
		tip: 'MerchantSwapLimit',
		meaning: 'The swap limit was reached',
		fix: 'Try a smaller amount or later.',
	},
	16005: {
		tip: 'DisabledSwap',
		meaning: 'Swaps are disabled',
		fix: 'Check the swap settings on the dashboard.',
	},
	16006: {
		tip: 'NoSupportSwap',
		meaning: 'This swap is not supported',
		fix: 'Use another coin pair.',
	},
	17000: {
		tip: 'UnUsedAddressDeprecatedNotAllowed',
		meaning: 'An unused address cannot be unbound',
		fix: 'Only unbind addresses that received deposits.',
	},
	17001: {
		tip: 'UnMatchedMerchantAddressDeprecated',
		meaning: 'The address does not belong to this merchant',
		fix: 'Check the address.',
	},
	17002: {
		tip: 'UnBindingMemoAddressDeprecated',
		meaning: 'Memo addresses cannot be unbound',
		fix: 'Keep the address.',
	},
	17003: {
		tip: 'UnBindingAddressDeprecated',
		meaning: 'The address is already unbound',
		fix: 'Nothing to do.',
	},
	17004: {
		tip: 'UnSupportedAddressDeprecated',
		meaning: 'This address cannot be unbound',
		fix: 'Keep the address.',
	},
	17005: {
		tip: 'UnSupportedChainAddress',
		meaning: 'Unbinding is not supported on this chain',
		fix: 'Keep the address.',
	},
	17006: {
		tip: 'UnbindingAddressFailed',
		meaning: 'Unbinding the address failed',
		fix: 'Try again later.',
	},
	17007: {
		tip: 'AddressNotBelongCCP',
		meaning: 'The address does not belong to CCPayment',
		fix: 'Check the address.',
	},
};

/** The table entry for a code, if CCPayment documents it. */
export function v2ErrorEntry(code: number): V2ErrorEntry | undefined {
	return Object.prototype.hasOwnProperty.call(V2_ERRORS, code) ? V2_ERRORS[code] : undefined;
}

/** Codes that can mean the App ID belongs to the other API version. */
const CREDENTIAL_CODES = new Set([11001, 11005, 12001]);

/** Adds an App ID shape hint to the fix of credential-related codes (never refuses on shape). */
export function withAppIdHintV2(info: FailureInfo, appId: unknown): FailureInfo {
	if (info.code === undefined || !CREDENTIAL_CODES.has(info.code)) return info;
	const hint = appIdShapeHint(appId, 'v2');
	return hint ? { ...info, fix: [info.fix, hint].filter(Boolean).join(' ') } : info;
}

/** Classify a v2 envelope with `code != 10000`. */
export function classifyBusinessErrorV2(
	path: string,
	envelope: { code: number; msg?: string; reason?: string },
): FailureInfo {
	const entry = v2ErrorEntry(envelope.code);
	const base = {
		path,
		code: envelope.code,
		msg: envelope.msg,
		reason: envelope.reason,
		httpStatus: 200,
		tip: entry?.tip,
		fix: entry?.fix ?? 'CCPayment did not document this code: see its message for the cause.',
	};
	if (entry?.kind === 'rate_limited')
		return { ...base, kind: 'rate_limited', retryable: true, mayHaveBeenApplied: false };
	// A server problem: safe to repeat for reads, but a write may have been applied.
	if (entry?.kind === 'service_error')
		return { ...base, kind: 'service_error', retryable: true, mayHaveBeenApplied: true };
	return {
		...base,
		kind: 'business',
		retryable: false,
		mayHaveBeenApplied: false,
		...(entry?.duplicate ? { duplicate: true } : {}),
	};
}
