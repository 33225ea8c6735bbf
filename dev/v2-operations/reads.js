// @ts-check
'use strict';
/**
 * Catalogue part: the merchant's reads (coins, prices, fiats, chains, balances, fees, utilities, a
 * swap quote) and the permanent deposit address prepare() paid into, up to unbinding it.
 */
const c = require('./common');

const { ADDRESS, CWALLET_USER, USDT, TRX, START, START_AT, TXID, NOTIFY_URL } = c;
const { j, coinRead, byId, expect, one, decimal, step } = c;

/**
 * @param {import('./common').Context} ctx
 * @returns {import('./common').Step[]}
 */
function readSteps(ctx) {
	const id = (/** @type {string} */ what) => `${ctx.tag}-${what}`;
	return [
		step('Coins', { resource: 'coin', operation: 'getMany' }, 'getCoinList', null, (items) =>
			expect(
				items.some((c) => c.coinId === USDT),
				'USDT among the coins',
				items,
			),
		),
		step(
			'Coin',
			{ resource: 'coin', operation: 'get', coinId: byId(String(USDT)) },
			'getCoin',
			j({ coinId: USDT }),
			(items) => expect(one(items, 'coinId', USDT), 'the USDT coin', items),
		),
		step(
			'Coin Prices',
			{ resource: 'coin', operation: 'getPrices', coinIds: `${USDT}, ${TRX}` },
			'getCoinUSDTPrice',
			j({ coinIds: [USDT, TRX] }),
			(items) =>
				expect(
					j(items.map((p) => p.coinId)) === j([USDT, TRX]) && items.every((p) => decimal(p.price)),
					'one decimal price per coin asked',
					items,
				),
		),
		step(
			'Main Coins',
			{ resource: 'coin', operation: 'getMainCoins' },
			'getMainCoinList',
			j({ appId: ctx.appId }),
			(items) => expect(items.length > 0, 'main coins', items),
		),
		step('Fiats', { resource: 'fiat', operation: 'getMany' }, 'getFiatList', null, (items) =>
			expect(
				items.some((f) => f.symbol === 'USD'),
				'USD among the fiats',
				items,
			),
		),
		step(
			'Chains',
			{ resource: 'chain', operation: 'getMany', chains: 'ETH, POLYGON' },
			'getChainList',
			j({ chains: ['ETH', 'POLYGON'] }),
			(items) =>
				expect(
					j(items.map((c) => c.chain).sort()) === j(['ETH', 'POLYGON']),
					'the two chains',
					items,
				),
		),
		step(
			'Balances',
			{ resource: 'balance', operation: 'getMany' },
			'getAppCoinAssetList',
			null,
			(items) =>
				expect(
					items.some((a) => a.coinId === USDT),
					'a USDT balance',
					items,
				),
		),
		step(
			'Balance',
			{ resource: 'balance', operation: 'get', coinId: byId(String(USDT)) },
			'getAppCoinAsset',
			j({ coinId: USDT }),
			(items) =>
				expect(one(items, 'coinId', USDT) && decimal(items[0].available), 'USDT balance', items),
		),
		step(
			'Address Validity',
			{ resource: 'address', operation: 'checkValidity', chain: byId('POLYGON'), address: ADDRESS },
			'checkWithdrawalAddressValidity',
			j({ chain: 'POLYGON', address: ADDRESS }),
			(items) => expect(one(items, 'addrIsValid', true), 'a valid address', items),
		),
		step(
			'Cwallet User',
			{ resource: 'cwalletUser', operation: 'check', cwalletUserId: CWALLET_USER },
			'getCwalletUserId',
			j({ cwalletUserId: CWALLET_USER }),
			(items) => expect(one(items, 'cwalletUserId', CWALLET_USER), 'the Cwallet user found', items),
		),
		step(
			'Aggregation Fees',
			{
				resource: 'aggregationFee',
				operation: 'getMany',
				startTime: START,
				endTime: '2024-03-02T00:00:00Z',
				additionalFields: { address: ADDRESS, chain: 'POLYGON' },
			},
			'getAggregationFeeRecord',
			j({
				startAt: START_AT,
				endAt: START_AT + 86400,
				limit: 50,
				chain: 'POLYGON',
				address: ADDRESS,
			}),
			(items) => expect(items.length === 0, 'no aggregation fees in the simulator', items),
		),
		step(
			'Swap Coins',
			{ resource: 'swap', operation: 'getCoins' },
			'getSwapCoinList',
			null,
			(items) =>
				expect(
					items.some((c) => c.coinId === TRX),
					'TRX swappable',
					items,
				),
		),
		step(
			'Swap Quote',
			{
				resource: 'swap',
				operation: 'quote',
				coinIdIn: String(USDT),
				amountIn: '100',
				coinIdOut: String(TRX),
				additionalFields: { extraFeeRate: '0.01' },
			},
			'estimate',
			j({ coinIdIn: USDT, amountIn: '100', coinIdOut: TRX, extraFeeRate: '0.01' }),
			(items) =>
				expect(one(items, 'amountIn', '100') && decimal(items[0].netAmountOut), 'a quote', items),
			[coinRead],
		),
		step(
			'Deposit Address',
			{
				resource: 'depositAddress',
				operation: 'getOrCreate',
				referenceId: id('paid'),
				chain: byId('POLYGON'),
				additionalFields: { notifyUrl: NOTIFY_URL },
			},
			'getOrCreateAppDepositAddress',
			j({ referenceId: id('paid'), chain: 'POLYGON', notifyUrl: NOTIFY_URL }),
			(items) => expect(one(items, 'address', ctx.paidAddress), 'the same address again', items),
		),
		step(
			'Deposit Records',
			{
				resource: 'depositRecord',
				operation: 'getMany',
				filters: {
					coinId: String(USDT),
					chain: 'POLYGON',
					referenceId: id('paid'),
					toAddress: ctx.paidAddress,
				},
			},
			'getAppDepositRecordList',
			j({ coinId: USDT, chain: 'POLYGON', referenceId: id('paid'), toAddress: ctx.paidAddress }),
			(items) => expect(one(items, 'recordId', ctx.depositRecordId), 'the one deposit', items),
		),
		step(
			'Deposit Record',
			{ resource: 'depositRecord', operation: 'get', recordId: ctx.depositRecordId },
			'getAppDepositRecord',
			j({ recordId: ctx.depositRecordId }),
			(items) => expect(one(items, 'amount', '20'), 'the deposit of 20', items),
		),
		step(
			'Block Height',
			{ resource: 'blockchain', operation: 'getBlockHeight', recordId: ctx.depositRecordId },
			'getTradeBlockHeight',
			j({ record_id: ctx.depositRecordId }),
			(items) => expect(one(items, 'chain', 'POLYGON'), 'the deposit chain', items),
		),
		step(
			'Rescan',
			{
				resource: 'depositAddress',
				operation: 'rescan',
				chain: byId('POLYGON'),
				toAddress: ctx.paidAddress,
				txId: TXID,
			},
			'rescanLostTransaction',
			j({ chain: 'POLYGON', toAddress: ctx.paidAddress, txId: TXID }),
			(items) => expect(items.length === 1 && !!items[0].description, 'rescan accepted', items),
		),
		step(
			'Unbind',
			{
				resource: 'depositAddress',
				operation: 'unbind',
				chain: byId('POLYGON'),
				address: ctx.paidAddress,
			},
			'addressUnbinding',
			j({ chain: 'POLYGON', address: ctx.paidAddress }),
			(items) => expect(items.length === 1, 'unbound', items),
		),
	];
}

module.exports = { readSteps };
