// @ts-check
// Webhook test vectors for CCPayment v1 (a fixed App ID, App Secret and timestamp): the exact compact
// bodies of the five event types and their Sign values, recomputed independently in the tests.
const VECTOR_A = {
	appId: '202302010636261620672405236006912',
	appSecret: '0123456789abcdef0123456789abcdef',
	timestamp: '1700000000',
};

/** @type {Record<string, { body: string, sign: string }>} */
const WEBHOOKS = {
	api_deposit: {
		body: '{"pay_status":"success","order_type":"API Deposit","record_id":"202311140952301724307418092105728","order_id":"202311140950071724306818923245568","product_price":"25","denominated_currency":"USD","order_amount":"25","fiat_rate":"1","paid_amount":"10","token_rate":"1","chain":"TRX","txid":"9a3f0c5e7b2d4a6c8e1f3b5d7a9c0e2f4b6d8a0c2e4f6b8d0a2c4e6f8b0d2a4c","contract":"TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t","crypto":"USDT","extend":{"merchant_order_id":"ORDER-10042"}}',
		sign: '498b72483ff18f663708fe5f225749b9dcf2a727c84856153117fc60ab8db894',
	},
	direct_deposit: {
		body: '{"pay_status":"success","order_type":"Direct Deposit","record_id":"202311141012191724312345678901248","paid_amount":"666","credit_amount":"665.8002","chain":"BSC","from_address":"0x8894E0a0c962CB723c1976a4421c95949bE2D4E3","to_address":"0x3E89fcC5050bCEc6C0e1E2f1a8D9b7c6D5e4F3a2","contract":"0x55d398326f99059ff775485246999027b3197955","crypto":"USDT","txid":"0x5caafde27a8040547a169168c55f35806eb0ca68344b2d53894097b0e9d5fa89","service_fee":"0.1998","memo":"","user_id":"10192128173"}',
		sign: '7fa397d6090e8f0ea714b636b33d3c8f0b3f8bb62b9853316382d876a0dfce78',
	},
	invoice: {
		body: '{"pay_status":"success","order_type":"Invoice","record_id":"202307311012021685947477271900160","order_id":"202307310956071685943952473421795","product_price":"18","order_amount":"18","fiat_rate":"1","denominated_currency":"USD","paid_amount":"18","credit_amount":"17.946","token_rate":"1","chain":"ETH","contract":"0xdAC17F958D2ee523a2206206994597C13D831ec7","crypto":"USDT","txid":"0xd37611ed48253d30b6aefe0adf7e053b07def7557d6211a73f121a57b342dd56","network_fee":"0","service_fee":"0.054","memo":"","extend":{"invoice_id":"202307310956001685943923384046592","user_email":"buyer@example.com"}}',
		sign: '23334dbcbcc9a64ee3663998d30781bb16a0c2ff3346a7cdb07c05f308512b0e',
	},
	api_withdrawal: {
		body: '{"pay_status":"success","order_type":"API Withdrawal","order_id":"202307310832281685931420435083264","record_id":"202307310832281685931420447666176","withdraw_amount":"0.05","net_receivable":"0.05","network_fee":"0","network_fee_crypto":"USDT","network_coin_id":"8e5741cf-6e51-4892-9d04-3d40e1dd0128","network_fee_value":"0.12","chain":"POLYGON","contract":"0x2791bca1f2de4661ed88a30c99a7a9449aa84174","crypto":"USDC","to_address":"9454818","memo":"","txid":"internal transfer","merchant_order_id":"1690792347702","merchant_pays_fee":false}',
		sign: 'd3f12c96b2525545dd4deaa9ecf26c89165e0dda09c4b92d463de734c37bc0c6',
	},
	refund: {
		body: '{"pay_status":"success","order_type":"Refund","record_id":"202307310544361685889174073212928","amount":"1","net_receivable":"1","network_fee":"0","network_crypto":"USDT","network_coin_id":"8e5741cf-6e51-4892-9d04-3d40e1dd0128","chain":"ETH","contract":"0xdAC17F958D2ee523a2206206994597C13D831ec7","crypto":"USDT","to_address":"0xA9F422BFBeB46f1FbcBBaf947E15b84D8Fbba80C","memo":"","txid":"internal transfer","merchant_order_id":"test_xxxx1688370383377840"}',
		sign: '3242ccfcdbbc82eef4cb493c3bb4e37989c2349bfc6a29434a06457dc411ef6d',
	},
};

/** Negative vector: the API Deposit object pretty-printed hashes to this, not to the compact body's Sign. */
const PRETTY_API_DEPOSIT_SIGN = '7d9037c5a80617eec7f39af6f1e8894a85c245301c98952b0371c789d265bb86';

/**
 * Headers as Node delivers them (lower-cased names).
 * @param {string} sign @param {Record<string, string>} [overrides]
 */
function vectorHeaders(sign, overrides = {}) {
	return {
		'content-type': 'application/json; charset=utf-8',
		appid: VECTOR_A.appId,
		timestamp: VECTOR_A.timestamp,
		sign,
		...overrides,
	};
}

/** Milliseconds inside vector A's window. */
const VECTOR_NOW_MS = Number(VECTOR_A.timestamp) * 1000 + 5000;

module.exports = { VECTOR_A, WEBHOOKS, PRETTY_API_DEPOSIT_SIGN, vectorHeaders, VECTOR_NOW_MS };
