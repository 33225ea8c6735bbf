/**
 * "Simplify" views of CCPayment responses with more than 10 fields. Pure. Amount totals are exact
 * decimal sums (no floats).
 */
import { addDecimals } from '../../shared/decimal';

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json =>
	value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
const asList = (value: unknown): Json[] => (Array.isArray(value) ? value.map(asObject) : []);

function defined(record: Json): Json {
	const result: Json = {};
	for (const [key, value] of Object.entries(record)) if (value !== undefined) result[key] = value;
	return result;
}

/** Exact sum of a decimal field over a list; undefined if any entry is not a plain decimal. */
export function sumField(list: Json[], field: string): string | undefined {
	const values = list
		.map((entry) => entry[field])
		.filter((value) => value !== undefined && value !== '');
	if (!values.every((value) => typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)))
		return undefined;
	return addDecimals(values as string[]);
}

/**
 * Deposit order (bill/info): order_detail flattened, plus totals over trade_list and refund_list:
 * paid_amount, payment_count, refunded_amount, refund_count, last_txid, last_pay_time.
 */
export function simplifyDepositOrder(entry: Json): Json {
	const detail = asObject(entry.order_detail);
	const trades = asList(entry.trade_list);
	const refunds = asList(entry.refund_list);
	const last = trades[trades.length - 1] ?? {};
	return defined({
		merchant_order_id: detail.merchant_order_id,
		order_id: detail.order_id,
		status: detail.status,
		product_name: detail.product_name,
		product_price: detail.product_price,
		denominated_currency: detail.denominated_currency,
		crypto: detail.crypto,
		chain: detail.chain,
		order_amount: detail.order_amount,
		token_rate: detail.token_rate,
		created: detail.created,
		paid_amount: sumField(trades, 'amount'),
		payment_count: trades.length,
		refunded_amount: sumField(refunds, 'refund_amount'),
		refund_count: refunds.length,
		last_txid: last.txid,
		last_pay_time: last.pay_time,
	});
}

/** Withdrawal order (bill/info): order_detail flattened with the fee and txid of its one trade. */
export function simplifyWithdrawalOrder(entry: Json): Json {
	const detail = asObject(entry.order_detail);
	const trade = asList(entry.trade_list)[0] ?? {};
	return defined({
		merchant_order_id: detail.merchant_order_id,
		order_id: detail.order_id,
		status: detail.status,
		crypto: detail.crypto,
		chain: detail.chain,
		amount: detail.order_amount,
		network_fee: trade.network_fee,
		network_fee_crypto: trade.network_fee_crypto,
		network_fee_value: trade.network_fee_value,
		service_fee: trade.service_fee,
		txid: trade.txid,
		created: detail.created,
		pay_time: trade.pay_time,
	});
}

/** Coin (coin/all): the coin's own fields, with `networks` ("TRC20 (TRX)", ...) instead of tokens[]. */
export function simplifyCoin(coin: Json): Json {
	const tokens = asList(coin.tokens);
	return defined({
		coin_id: coin.coin_id,
		symbol: coin.symbol ?? coin.crypto,
		name: coin.name,
		price: coin.price,
		min: coin.min,
		precision: coin.precision,
		status: coin.status,
		networks: tokens.map(
			(token) => `${String(token.network ?? '')} (${String(token.chain ?? '')})`,
		),
	});
}
