// @ts-check
'use strict';

/**
 * Endpoints that move or route money: permanent deposit addresses (payment/address/get),
 * withdrawals (withdraw) and webhook/resend.
 */

const dec = require('../shared/decimal');
const { COINS } = require('../shared/catalogue');
const { makeAddress, isValidAddress, isCwalletDestination } = require('../shared/addresses');
const {
	ApiError,
	invalid,
	isMissing,
	reqString,
	optString,
	optInt,
	optBool,
	optUrl,
	reqAmount,
	usableToken,
	checkDuplicate,
} = require('./fields');

const WEBHOOK_RESULTS = ['Failed', 'All Result'];
const TRANSACTION_TYPES = [
	'All Type',
	'Direct Deposit',
	'API Deposit',
	'Invoice',
	'API Withdrawal',
	'Refund',
];

/** Permanent deposit address, one per (user_id, chain), capped per App ID. */
function paymentAddressGet(ctx) {
	const b = ctx.body;
	const userId = reqString(b, 'user_id', 1000);
	const length = [...userId].length;
	if (length < 3 || length > 64) throw invalid('user_id must be 3 to 64 characters');
	const chainCode = reqString(b, 'chain');
	const notifyUrl = optUrl(b, 'notify_url');
	const chain = ctx.store.chain(chainCode);
	const hasTokens = chain && COINS.some((c) => c.tokens.some((t) => t.chain === chain.chain));
	if (!chain || !hasTokens)
		throw new ApiError('tokenNotSupported', `chain ${chainCode} is not supported`);
	if (chain.addressKind === 'lightning')
		throw new ApiError('tokenNotSupported', `chain ${chain.chain} has no permanent addresses`);
	const state = ctx.store.merchant(ctx.appId);
	const key = `${userId}\u0000${chain.chain}`;
	let entry = state.addresses.get(key);
	if (entry) {
		if (notifyUrl) entry.notify_url = notifyUrl;
		return { address: entry.address, memo: entry.memo };
	}
	if (state.addresses.size >= ctx.config.addressCapPerAppId) {
		throw new ApiError(
			'addressLimit',
			`at most ${ctx.config.addressCapPerAppId} permanent addresses per merchant`,
		);
	}
	const address = chain.memo
		? makeAddress(chain.addressKind, `shared:${ctx.appId}:${chain.chain}`)
		: makeAddress(chain.addressKind, `address:${ctx.appId}:${chain.chain}:${userId}`);
	const memo = chain.memo ? String(100000 + state.addresses.size) : '';
	entry = {
		app_id: ctx.appId,
		user_id: userId,
		chain: chain.chain,
		address,
		memo,
		notify_url: notifyUrl || '',
		created: ctx.store.nowSec(),
		deposits: [],
	};
	state.addresses.set(key, entry);
	return { address, memo };
}

/** Create a withdrawal: validates, debits the balance once, journals the debit. */
function withdraw(ctx) {
	const b = ctx.body;
	const merchantOrderId = reqString(b, 'merchant_order_id');
	const address = reqString(b, 'address', 2048).trim();
	reqString(b, 'token_id');
	if (isMissing(b.value)) throw invalid('value is required');
	let memo = '';
	if (!isMissing(b.memo) && b.memo !== 0) {
		if (typeof b.memo === 'string') memo = b.memo;
		else if (typeof b.memo === 'number' && Number.isSafeInteger(b.memo)) memo = String(b.memo);
		else throw invalid('memo must be a string');
	}
	const merchantPaysFee = optBool(b, 'merchant_pays_fee') === true;
	const token = usableToken(ctx, b.token_id, 'withdraw');
	const coin = ctx.store.coinOf(token);
	const value = reqAmount(b, 'value', coin.precision);
	const existing = checkDuplicate(ctx, merchantOrderId, 'withdraw');
	if (existing) return existing;

	const chain = ctx.store.chain(token.chain);
	const internal = isCwalletDestination(address);
	let destination = address;
	if (internal) {
		const user = ctx.store.cwalletUser(address);
		if (!user) throw new ApiError('userNotFound');
		destination = address;
	} else {
		if (!chain || !isValidAddress(chain.addressKind, address)) {
			throw new ApiError('invalidAddress', `${address} is not a valid ${token.chain} address`);
		}
		if (chain.addressKind === 'lightning') {
			const used = ctx.store.merchant(ctx.appId).usedInvoices || new Set();
			ctx.store.merchant(ctx.appId).usedInvoices = used;
			if (used.has(address.toLowerCase()))
				throw new ApiError('invalidAddress', 'this Lightning invoice was already paid');
		}
	}
	const fee = internal ? '0' : ctx.store.networkFee(token);
	const debit = merchantPaysFee ? dec.add(value, fee) : value;
	const net = merchantPaysFee ? value : dec.sub(value, fee);
	if (!dec.isPositive(net))
		throw invalid(`value must be greater than the network fee (${fee} ${token.crypto})`);
	const balance = ctx.store.balance(ctx.appId, coin.coin_id);
	if (dec.cmp(balance, debit) < 0) {
		throw new ApiError(
			'insufficientBalance',
			`${coin.symbol} balance ${balance} is below ${debit}`,
		);
	}
	if (chain && chain.addressKind === 'lightning' && !internal)
		ctx.store.merchant(ctx.appId).usedInvoices.add(address.toLowerCase());

	const price = ctx.store.price(coin.coin_id);
	const now = ctx.store.nowSec();
	const w = {
		kind: 'withdrawal',
		endpoint: 'withdraw',
		app_id: ctx.appId,
		order_id: ctx.store.newId(),
		record_id: ctx.store.newId(),
		merchant_order_id: merchantOrderId,
		token_id: token.token_id,
		coin_id: coin.coin_id,
		crypto: token.crypto,
		chain: token.chain,
		contract: token.contract,
		address: destination,
		memo,
		value,
		network_fee: fee,
		debit,
		net_receivable: net,
		merchant_pays_fee: merchantPaysFee,
		internal,
		network_fee_crypto: coin.symbol,
		network_coin_id: coin.coin_id,
		network_fee_value: dec.round(dec.mul(fee, price), 6),
		token_rate: price,
		status: 'Pending',
		txid: '',
		created: now,
		completed: 0,
		response: null,
	};
	w.response = {
		order_id: w.order_id,
		network_fee: fee,
		record_id: w.record_id,
		net_receivable: net,
		network_fee_crypto: w.network_fee_crypto,
		network_coin_id: w.network_coin_id,
		network_fee_value: w.network_fee_value,
	};
	const state = ctx.store.merchant(ctx.appId);
	state.orders.set(merchantOrderId, w);
	state.byOrderId.set(w.order_id, w);
	ctx.store.post(ctx.appId, coin.coin_id, `-${debit}`, {
		type: 'withdrawal_debit',
		merchant_order_id: merchantOrderId,
		order_id: w.order_id,
		record_id: w.record_id,
	});
	const auto = ctx.config.withdrawalAutoComplete;
	if (auto === 'all' || (auto === 'internal' && internal))
		ctx.sim.actions.completeWithdrawal({
			app_id: ctx.appId,
			order_id: w.order_id,
			status: 'success',
		});
	return w.response;
}
/** Resend confirmed webhooks of a window <= 1 h; 1/min and 25/day per App ID. */
function webhookResend(ctx) {
	const b = ctx.body;
	const start = b.start_timestamp;
	if (isMissing(start) || start === 0) throw invalid('start of the resend window is required');
	if (typeof start !== 'number' || !Number.isSafeInteger(start) || start < 0)
		throw invalid('start of the resend window must be integer seconds');
	const endGiven = optInt(b, 'end_timestamp');
	if (endGiven !== undefined && endGiven < 0)
		throw invalid('end of the resend window must be integer seconds');
	const end = endGiven === undefined ? start + 3600 : endGiven;
	if (end < start) throw invalid('the resend window ends before it starts');
	if (end - start > 3600) throw invalid('the resend window must be at most 3600 seconds');
	const result = optString(b, 'webhook_result') || 'Failed';
	if (!WEBHOOK_RESULTS.includes(result))
		throw invalid(`webhook_result must be one of ${WEBHOOK_RESULTS.join(', ')}`);
	const type = optString(b, 'transaction_type') || 'All Type';
	if (!TRANSACTION_TYPES.includes(type))
		throw invalid(`transaction_type must be one of ${TRANSACTION_TYPES.join(', ')}`);

	const limits = ctx.config.resendLimits;
	const state = ctx.store.merchant(ctx.appId);
	const nowMs = Date.now();
	state.resendCalls = state.resendCalls.filter((t) => nowMs - t < 86400000);
	if (limits.enforce) {
		const lastMinute = state.resendCalls.filter((t) => nowMs - t < 60000).length;
		if (lastMinute >= limits.perMinute)
			throw new ApiError('resendLimited', `at most ${limits.perMinute} call per minute`);
		if (state.resendCalls.length >= limits.perDay)
			throw new ApiError('resendLimited', `at most ${limits.perDay} calls per day`);
	}
	state.resendCalls.push(nowMs);
	const count = ctx.sim.webhooks.resendMatching({ appId: ctx.appId, start, end, result, type });
	// The real data shape is unpublished; v2 answers {"resendCount":N}. This is a guess.
	return { resend_count: count };
}

module.exports = { paymentAddressGet, withdraw, webhookResend, WEBHOOK_RESULTS, TRANSACTION_TYPES };
