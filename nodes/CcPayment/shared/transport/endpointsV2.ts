export const CREDENTIAL_TYPE_V2 = 'ccPaymentV2Api';
export const API_PREFIX_V2 = '/ccpayment/v2/';

/** The v2 endpoint paths used so far, relative to API_PREFIX_V2. */
export const ENDPOINTS_V2 = {
	coinList: 'getCoinList',
	coin: 'getCoin',
	coinUsdtPrice: 'getCoinUSDTPrice',
	fiatList: 'getFiatList',
	chainList: 'getChainList',
	allChain: 'all/chain',
	mainCoinList: 'getMainCoinList',
	withdrawFee: 'getWithdrawFee',
	appCoinAssetList: 'getAppCoinAssetList',
	appCoinAsset: 'getAppCoinAsset',
	aggregationFeeRecord: 'getAggregationFeeRecord',
	cwalletUserId: 'getCwalletUserId',
	checkWithdrawalAddressValidity: 'checkWithdrawalAddressValidity',
	tradeBlockHeight: 'getTradeBlockHeight',
	swapEstimate: 'estimate',
	userCoinAssetList: 'getUserCoinAssetList',
	userCoinAsset: 'getUserCoinAsset',
	userDepositAddress: 'getOrCreateUserDepositAddress',
	userDepositRecord: 'getUserDepositRecord',
	userDepositRecordList: 'getUserDepositRecordList',
	userWithdrawToNetwork: 'applyUserWithdrawToNetwork',
	userWithdrawToCwallet: 'applyUserWithdrawToCwallet',
	userWithdrawRecord: 'getUserWithdrawRecord',
	userWithdrawRecordList: 'getUserWithdrawRecordList',
	userTransfer: 'userTransfer',
	userTransferRecord: 'getUserTransferRecord',
	userTransferRecordList: 'getUserTransferRecordList',
	userBatchTransfer: 'userBatchTransfer',
	userBatchTransferRecord: 'getUserBatchTransferRecord',
	userBatchTransferRecordList: 'getUserBatchTransferRecordList',
	userBatchTransferRecordDetail: 'getUserBatchTransferRecordDetail',
	userSwap: 'userSwap',
	userSwapRecord: 'getUserSwapRecord',
	userSwapRecordList: 'getUserSwapRecordList',
} as const;

/** The record each v2 webhook type points to (fetched by the trigger before anything is credited). */
export const RECORD_ENDPOINTS_V2 = {
	appDepositRecord: 'getAppDepositRecord',
	appOrderInfo: 'getAppOrderInfo',
	invoiceOrderInfo: 'getInvoiceOrderInfo',
	appWithdrawRecord: 'getAppWithdrawRecord',
	userDepositRecord: 'getUserDepositRecord',
	userWithdrawRecord: 'getUserWithdrawRecord',
} as const;

export type RecordEndpointV2 = (typeof RECORD_ENDPOINTS_V2)[keyof typeof RECORD_ENDPOINTS_V2];

export type EndpointV2 = (typeof ENDPOINTS_V2)[keyof typeof ENDPOINTS_V2] | RecordEndpointV2;
