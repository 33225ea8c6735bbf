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
} as const;

export type EndpointV2 = (typeof ENDPOINTS_V2)[keyof typeof ENDPOINTS_V2];
