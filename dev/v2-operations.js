// @ts-check
'use strict';
/**
 * Every v2 operation of the CCPayment node as one workflow step, in an order that runs top to
 * bottom on a fresh simulator (its v2 merchant): reads first, then deposits, orders, payouts,
 * batches, swaps and the wallet system. Each step names the exact bytes the node must send, so the
 * simulator's request log is the oracle. The same list drives the in-process test, the real-n8n
 * e2e scenario and the queue-mode suite.
 *
 * `prepare(simUrl)` makes what the steps need but cannot make themselves (a merchant deposit, a
 * refunded risky deposit, a funded user) through the simulator's API and control routes, and
 * returns the context `steps(ctx)` builds on. Each step runs once (executeOnce) on the first item of
 * the step before it; `$json` in a parameter therefore reads the previous step's first item.
 */
const crypto = require('node:crypto');
const { request } = require('./e2e/lib/http');
const { V2_MERCHANT } = require('../simulator');

/**
 * @typedef {{ tag: string, appId: string, paidAddress: string, depositRecordId: string, riskyRefundId: string, aliceDepositId: string, alice: string, bob: string, carol: string }} Context
 * @typedef {{ endpoint: string, body: string | null }} Expected
 * @typedef {{
 *   name: string,
 *   parameters: Record<string, unknown>,
 *   executeOnce: boolean,
 *   endpoint: string,
 *   body: string | null | ((previous: any) => string),
 *   before: Expected[],
 *   check: (items: any[]) => string | null,
 * }} Step
 */

const ADDRESS = '0x4444444444444444444444444444444444444444';
const CWALLET_USER = '9454818';
const USDT = 1280;
const TRX = 1482;
const START = '2024-03-01T00:00:00Z';
const START_AT = 1709251200;

/** The node's coin read before a money write (decimal places of the amount). */
const coinRead = { endpoint: 'getCoin', body: JSON.stringify({ coinId: USDT }) };

/** @param {string} value */
const byId = (value) => ({ __rl: true, mode: 'id', value });
const j = JSON.stringify;

/**
 * A problem text when `ok` is false.
 * @param {boolean} ok @param {string} what @param {unknown} items
 */
const expect = (ok, what, items) => (ok ? null : `${what}: ${j(items).slice(0, 400)}`);

/** A signed v2 call as the merchant (the setup the node cannot do itself). */
async function api(/** @type {string} */ simUrl, /** @type {string} */ method, body = {}) {
	const raw = j(body);
	const timestamp = String(Math.floor(Date.now() / 1000));
	const sign = crypto
		.createHmac('sha256', V2_MERCHANT.appSecret)
		.update(`${V2_MERCHANT.appId}${timestamp}${raw}`)
		.digest('hex');
	const headers = { Appid: V2_MERCHANT.appId, Timestamp: timestamp, Sign: sign };
	const res = await request('POST', `${simUrl}/ccpayment/v2/${method}`, {
		headers: { ...headers, 'content-type': 'application/json' },
		body: raw,
	});
	if (res.json?.code !== 10000) throw new Error(`${method}: ${res.text.slice(0, 300)}`);
	return res.json.data;
}

/** A control route; throws with the simulator's answer on anything but 200. */
async function control(/** @type {string} */ simUrl, /** @type {string} */ route, body = {}) {
	const res = await request('POST', simUrl + route, { body });
	if (res.status !== 200) throw new Error(`${route}: ${res.status} ${res.text.slice(0, 300)}`);
	return res.json;
}

/**
 * The simulator state the steps need, made for this run only (`tag` keeps its IDs unique).
 * @param {string} simUrl
 * @param {string} [tag] unique per run; default derived from the clock
 * @returns {Promise<Context>}
 */
async function prepare(simUrl, tag = `ops${Date.now().toString(36)}`) {
	const paid = await api(simUrl, 'getOrCreateAppDepositAddress', {
		referenceId: `${tag}-paid`,
		chain: 'POLYGON',
	});
	const deposit = await control(simUrl, '/__sim/v2/addresses/deposit', {
		referenceId: `${tag}-paid`,
		chain: 'POLYGON',
		coinId: USDT,
		amount: '20',
	});
	await api(simUrl, 'getOrCreateAppDepositAddress', { referenceId: `${tag}-risky`, chain: 'TRX' });
	const risky = await control(simUrl, '/__sim/v2/addresses/deposit', {
		referenceId: `${tag}-risky`,
		chain: 'TRX',
		coinId: USDT,
		amount: '30',
		risky: true,
	});
	const refund = await control(simUrl, '/__sim/v2/risky/refund', {
		recordId: risky.record.recordId,
	});
	const alice = `${tag}-alice`;
	await control(simUrl, '/__sim/v2/users/address', { user_id: alice, chain: 'TRX' });
	const funded = await control(simUrl, '/__sim/v2/users/deposit', {
		user_id: alice,
		chain: 'TRX',
		coin_id: USDT,
		amount: '100',
	});
	return {
		tag,
		appId: V2_MERCHANT.appId,
		paidAddress: paid.address,
		depositRecordId: deposit.record.recordId,
		riskyRefundId: refund.recordId,
		aliceDepositId: funded.record.recordId,
		alice,
		bob: `${tag}-bob`,
		carol: `${tag}-carol`,
	};
}

/**
 * One step. `body` is the exact JSON the node sends (null: no body at all).
 * @param {string} name @param {Record<string, unknown>} parameters @param {string} endpoint
 * @param {Step['body']} body @param {Step['check']} check @param {Expected[]} [before]
 * @returns {Step}
 */
const step = (name, parameters, endpoint, body, check, before = []) => ({
	name,
	parameters,
	executeOnce: true,
	endpoint,
	body,
	before,
	check,
});

/** A transaction hash for the rescan request (the simulator records the request only). */
const TXID = `0x${'ab'.repeat(32)}`;

/** @param {any[]} items @param {string} key @param {unknown} value */
const one = (items, key, value) => items.length === 1 && items[0]?.[key] === value;
/** @param {unknown} value */
const decimal = (value) => typeof value === 'string' && /^\d+(\.\d+)?$/.test(value);

/**
 * The merchant's operations: reads, deposits, orders, invoices, payouts, batches and swaps.
 * @param {Context} ctx
 * @returns {Step[]}
 */
function merchantSteps(ctx) {
	const id = (/** @type {string} */ what) => `${ctx.tag}-${what}`;
	const batchOrderId = id('batch');
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
			'Network Fee',
			{
				resource: 'withdrawal',
				operation: 'getNetworkFee',
				coinId: byId(String(USDT)),
				chain: byId('POLYGON'),
			},
			'getWithdrawFee',
			j({ coinId: USDT, chain: 'POLYGON' }),
			(items) => expect(items.length === 1 && decimal(items[0].fee?.amount), 'a fee', items),
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
			},
			'getAggregationFeeRecord',
			j({ startAt: START_AT, endAt: START_AT + 86400, limit: 50 }),
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
			},
			'estimate',
			j({ coinIdIn: USDT, amountIn: '100', coinIdOut: TRX }),
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
			},
			'getOrCreateAppDepositAddress',
			j({ referenceId: id('paid'), chain: 'POLYGON' }),
			(items) => expect(one(items, 'address', ctx.paidAddress), 'the same address again', items),
		),
		step(
			'Deposit Records',
			{ resource: 'depositRecord', operation: 'getMany', filters: { referenceId: id('paid') } },
			'getAppDepositRecordList',
			j({ referenceId: id('paid') }),
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
		step(
			'Order Create',
			{
				resource: 'order',
				operation: 'create',
				orderId: id('order'),
				coinId: byId(String(USDT)),
				chain: byId('TRX'),
				priceIn: 'fiat',
				fiatId: '1033',
				price: '25',
			},
			'createAppOrderDepositAddress',
			j({ orderId: id('order'), coinId: USDT, chain: 'TRX', price: '25', fiatId: 1033 }),
			(items) =>
				expect(one(items, 'outcome', 'created') && !!items[0].address, 'order created', items),
		),
		step(
			'Order Get',
			{ resource: 'order', operation: 'get', orderId: id('order') },
			'getAppOrderInfo',
			j({ orderId: id('order') }),
			(items) => expect(one(items, 'paymentState', 'Pending'), 'a pending order', items),
		),
		step(
			'Orders',
			{ resource: 'order', operation: 'getMany', orderIds: id('order') },
			'getAppOrderInfo',
			j({ orderId: id('order') }),
			(items) => expect(one(items, 'found', true), 'the order found', items),
		),
		step(
			'Invoice Create',
			{ resource: 'invoice', operation: 'create', orderId: id('invoice'), price: '10' },
			'createInvoiceUrl',
			j({ orderId: id('invoice'), price: '10', priceFiatId: 1033 }),
			(items) => expect(/^https?:\/\//.test(items[0]?.invoiceUrl ?? ''), 'an invoice URL', items),
		),
		step(
			'Invoice Get',
			{ resource: 'invoice', operation: 'get', orderId: id('invoice') },
			'getInvoiceOrderInfo',
			j({ orderId: id('invoice') }),
			(items) => expect(one(items, 'paymentState', 'Pending'), 'a pending invoice', items),
		),
		...payoutSteps(ctx, id),
		step(
			'Batch Check Addresses',
			{
				resource: 'batchWithdrawal',
				operation: 'checkAddresses',
				chain: byId('POLYGON'),
				seq: '1',
				address: ADDRESS,
			},
			'checkWithdrawAddress',
			j({ chain: 'POLYGON', addressInfoList: [{ address: ADDRESS, seq: 1 }] }),
			(items) => expect(one(items, 'valid', true), 'a valid batch address', items),
		),
		step(
			'Batch Create',
			{
				resource: 'batchWithdrawal',
				operation: 'create',
				batchOrderId,
				coinId: byId(String(USDT)),
				chain: byId('POLYGON'),
				seq: '1',
				address: ADDRESS,
				amount: '1.5',
			},
			'applyBatchWithdraw',
			j({
				batchOrderId,
				coinId: USDT,
				chain: 'POLYGON',
				orders: [{ seq: 1, address: ADDRESS, amount: '1.5' }],
				mode: 'Batch',
			}),
			(items) => expect(one(items, 'outcome', 'created'), 'batch created', items),
			[{ endpoint: 'getCoin', body: j({ coinId: USDT }) }],
		),
		step(
			'Batch Append',
			{
				resource: 'batchWithdrawal',
				operation: 'append',
				batchOrderId,
				seq: '2',
				address: ADDRESS,
				amount: '2',
			},
			'appendBatchWithdraw',
			j({ batchOrderId, orders: [{ seq: 2, address: ADDRESS, amount: '2' }] }),
			(items) => expect(one(items, 'seq', 2), 'order 2 appended', items),
		),
		step(
			'Batch Abort',
			{ resource: 'batchWithdrawal', operation: 'abort', batchOrderId, seqs: '2' },
			'abortBatchWithdraw',
			j({ batchOrderId, seqs: [2] }),
			(items) => expect(one(items, 'batchOrderId', batchOrderId), 'batch answered', items),
		),
		step(
			'Batch Confirm',
			{ resource: 'batchWithdrawal', operation: 'confirm', batchOrderId },
			'confirmBatchWithdraw',
			j({ batchOrderId }),
			(items) => expect(one(items, 'batchOrderId', batchOrderId), 'batch confirmed', items),
		),
		step(
			'Batch Get',
			{ resource: 'batchWithdrawal', operation: 'get', batchOrderId },
			'getBatchWithdrawOrder',
			j({ batchOrderId }),
			(items) =>
				expect(
					items.length === 1 && items[0].totalCount === 1 && items[0].abortedCount === 1,
					'one live order, one aborted',
					items,
				),
		),
		step(
			'Batch Records',
			{ resource: 'batchWithdrawal', operation: 'getRecords', batchOrderId },
			'getBatchWithdrawOrderRecordList',
			j({ batchOrderId }),
			(items) =>
				expect(
					j(items.map((r) => r.seq)) === '[1,2]' && items[1].status === 'Aborted',
					'seq 1 paid, seq 2 aborted',
					items,
				),
		),
		step(
			'Swap',
			{
				resource: 'swap',
				operation: 'swap',
				orderId: id('swap'),
				coinIdIn: String(USDT),
				amountIn: '100',
				coinIdOut: String(TRX),
			},
			'swap',
			j({ orderId: id('swap'), coinIdIn: USDT, amountIn: '100', coinIdOut: TRX }),
			(items) => expect(one(items, 'outcome', 'created') && !!items[0].recordId, 'swapped', items),
			[coinRead],
		),
		step(
			'Swap Get',
			{ resource: 'swap', operation: 'get', findBy: 'orderId', id: id('swap') },
			'getSwapRecord',
			j({ orderId: id('swap') }),
			(items) => expect(one(items, 'amountIn', '100'), 'the swap', items),
		),
		step(
			'Swaps',
			{ resource: 'swap', operation: 'getMany', filters: { orderIds: id('swap') } },
			'getSwapRecordList',
			j({ orderIds: [id('swap')] }),
			(items) => expect(one(items, 'orderId', id('swap')), 'the one swap', items),
		),
	];
}

/**
 * Payouts from the merchant balance and their records.
 * @param {Context} ctx @param {(what: string) => string} id
 * @returns {Step[]}
 */
function payoutSteps(ctx, id) {
	return [
		step(
			'Withdraw',
			{
				resource: 'withdrawal',
				operation: 'createToNetwork',
				orderId: id('wd'),
				coinId: byId(String(USDT)),
				chain: byId('POLYGON'),
				address: ADDRESS,
				amount: '5',
			},
			'applyAppWithdrawToNetwork',
			j({ coinId: USDT, chain: 'POLYGON', address: ADDRESS, orderId: id('wd'), amount: '5' }),
			(items) =>
				expect(one(items, 'outcome', 'created') && !!items[0].recordId, 'withdrawal made', items),
			[coinRead],
		),
		step(
			'Withdraw to Cwallet',
			{
				resource: 'withdrawal',
				operation: 'createToCwallet',
				orderId: id('cw'),
				coinId: byId(String(USDT)),
				cwalletUser: CWALLET_USER,
				amount: '1',
			},
			'applyAppWithdrawToCwallet',
			j({ coinId: USDT, cwalletUser: CWALLET_USER, amount: '1', orderId: id('cw') }),
			(items) =>
				expect(one(items, 'outcome', 'created') && !!items[0].recordId, 'Cwallet payout', items),
			[coinRead],
		),
		step(
			'Withdrawal Get',
			{ resource: 'withdrawal', operation: 'get', findBy: 'orderId', id: id('wd') },
			'getAppWithdrawRecord',
			j({ orderId: id('wd') }),
			(items) =>
				expect(one(items, 'amount', '5') && items[0].toAddress === ADDRESS, 'the payout', items),
		),
		step(
			'Withdrawals',
			{
				resource: 'withdrawal',
				operation: 'getMany',
				filters: { orderIds: `${id('wd')}, ${id('cw')}` },
			},
			'getAppWithdrawRecordList',
			j({ orderIds: [id('wd'), id('cw')] }),
			(items) =>
				expect(
					j(items.map((w) => w.orderId).sort()) === j([id('cw'), id('wd')]),
					'both payouts',
					items,
				),
		),
		step(
			'Auto Withdrawals',
			{
				resource: 'withdrawal',
				operation: 'getAutoWithdrawals',
				filters: { coinId: String(USDT) },
			},
			'getAutoWithdrawRecordList',
			j({ coinId: USDT }),
			(items) => expect(items.length === 0, 'the simulator never auto-withdraws', items),
		),
		step(
			'Risky Refunds',
			{
				resource: 'withdrawal',
				operation: 'getRiskyRefunds',
				filters: { recordIds: ctx.riskyRefundId },
			},
			'getRiskyRefundRecordList',
			j({ recordIds: [ctx.riskyRefundId] }),
			(items) => expect(one(items, 'recordId', ctx.riskyRefundId), 'the refund', items),
		),
	];
}

/**
 * The wallet system: alice (funded by prepare) pays bob and carol, swaps and withdraws.
 * @param {Context} ctx
 * @returns {Step[]}
 */
function walletSteps(ctx) {
	const id = (/** @type {string} */ what) => `${ctx.tag}-${what}`;
	const { alice, bob, carol } = ctx;
	const wallet = (
		/** @type {string} */ operation,
		/** @type {Record<string, unknown>} */ rest,
	) => ({
		resource: 'userWallet',
		operation,
		...rest,
	});
	const created = (/** @type {string} */ what) => (/** @type {any[]} */ items) =>
		expect(one(items, 'outcome', 'created') && !!items[0].recordId, what, items);
	return [
		step(
			'User Deposit Address',
			wallet('getDepositAddress', { userId: alice, chain: byId('TRX') }),
			'getOrCreateUserDepositAddress',
			j({ userId: alice, chain: 'TRX' }),
			(items) => expect(/^T/.test(items[0]?.address ?? ''), 'a TRX address', items),
		),
		step(
			'User Deposit',
			wallet('getDeposit', { recordId: ctx.aliceDepositId }),
			'getUserDepositRecord',
			j({ recordId: ctx.aliceDepositId }),
			(items) => expect(one(items, 'amount', '100'), 'the deposit of 100', items),
		),
		step(
			'User Deposits',
			wallet('getManyDeposits', { userId: alice }),
			'getUserDepositRecordList',
			j({ userId: alice }),
			(items) => expect(one(items, 'recordId', ctx.aliceDepositId), 'the one deposit', items),
		),
		step(
			'User Balances',
			wallet('getBalances', { userId: alice }),
			'getUserCoinAssetList',
			j({ userId: alice }),
			(items) =>
				expect(
					items.some((a) => a.coinId === USDT && a.available === '100'),
					'100 USDT',
					items,
				),
		),
		step(
			'User Balance',
			wallet('getBalance', { userId: alice, coinId: byId(String(USDT)) }),
			'getUserCoinAsset',
			j({ userId: alice, coinId: USDT }),
			(items) => expect(one(items, 'available', '100'), '100 USDT', items),
		),
		step(
			'User Transfer',
			wallet('transfer', {
				fromUserId: alice,
				recipient: 'user',
				toUserId: bob,
				orderId: id('transfer'),
				coinId: byId(String(USDT)),
				amount: '10',
			}),
			'userTransfer',
			j({ fromUserId: alice, toUserId: bob, coinId: USDT, amount: '10', orderId: id('transfer') }),
			created('transfer made'),
		),
		step(
			'User Transfer Get',
			wallet('getTransfer', { lookupBy: 'orderId', id: id('transfer') }),
			'getUserTransferRecord',
			j({ orderId: id('transfer') }),
			(items) => expect(one(items, 'amount', '10'), 'the transfer', items),
		),
		step(
			'User Transfers',
			wallet('getManyTransfers', { additionalFields: { orderIds: id('transfer') } }),
			'getUserTransferRecordList',
			j({ orderIds: [id('transfer')] }),
			(items) => expect(one(items, 'orderId', id('transfer')), 'the one transfer', items),
		),
		step(
			'User Batch Transfer',
			wallet('batchTransfer', {
				userId: alice,
				orderId: id('batch-transfer'),
				coinId: byId(String(USDT)),
				receiversFrom: 'list',
				receivers: {
					receiver: [
						{ userId: bob, amount: '1' },
						{ userId: carol, amount: '2' },
					],
				},
			}),
			'userBatchTransfer',
			j({
				orderId: id('batch-transfer'),
				userId: alice,
				toUsers: [
					{ userId: bob, amount: '1' },
					{ userId: carol, amount: '2' },
				],
				coinId: USDT,
			}),
			created('batch transfer made'),
		),
		step(
			'User Batch Transfer Details',
			wallet('getBatchTransferDetails', { recordId: '={{ $json.recordId }}' }),
			'getUserBatchTransferRecordDetail',
			(previous) => j({ recordId: previous.recordId }),
			(items) =>
				expect(
					j(items.map((r) => r.toUserId ?? r.userId).sort()) === j([bob, carol].sort()),
					'one record per receiver',
					items,
				),
		),
		step(
			'User Batch Transfer Get',
			wallet('getBatchTransfer', { lookupBy: 'orderId', id: id('batch-transfer') }),
			'getUserBatchTransferRecord',
			j({ orderId: id('batch-transfer') }),
			(items) => expect(one(items, 'orderId', id('batch-transfer')), 'the batch transfer', items),
		),
		step(
			'User Batch Transfers',
			wallet('getManyBatchTransfers', { additionalFields: { orderIds: id('batch-transfer') } }),
			'getUserBatchTransferRecordList',
			j({ orderIds: [id('batch-transfer')] }),
			(items) => expect(one(items, 'orderId', id('batch-transfer')), 'the one batch', items),
		),
		step(
			'User Swap Quote',
			wallet('getSwapQuote', {
				coinIdIn: byId(String(USDT)),
				amountIn: '10',
				coinIdOut: byId(String(TRX)),
			}),
			'estimate',
			j({ coinIdIn: USDT, amountIn: '10', coinIdOut: TRX }),
			(items) => expect(one(items, 'amountIn', '10'), 'a quote', items),
		),
		step(
			'User Swap',
			wallet('swap', {
				userId: alice,
				orderId: id('user-swap'),
				coinIdIn: byId(String(USDT)),
				amountIn: '10',
				coinIdOut: byId(String(TRX)),
			}),
			'userSwap',
			j({
				orderId: id('user-swap'),
				userId: alice,
				coinIdIn: USDT,
				amountIn: '10',
				coinIdOut: TRX,
			}),
			created('user swap made'),
		),
		step(
			'User Swap Get',
			wallet('getSwap', { lookupBy: 'orderId', id: id('user-swap') }),
			'getUserSwapRecord',
			j({ orderId: id('user-swap') }),
			(items) => expect(one(items, 'amountIn', '10'), 'the user swap', items),
		),
		step(
			'User Swaps',
			wallet('getManySwaps', { additionalFields: { orderIds: id('user-swap') } }),
			'getUserSwapRecordList',
			j({ orderIds: [id('user-swap')] }),
			(items) => expect(one(items, 'orderId', id('user-swap')), 'the one user swap', items),
		),
		step(
			'User Withdraw',
			wallet('withdrawToNetwork', {
				userId: alice,
				orderId: id('user-wd'),
				coinId: byId(String(USDT)),
				chain: byId('POLYGON'),
				address: ADDRESS,
				amount: '5',
			}),
			'applyUserWithdrawToNetwork',
			j({
				userId: alice,
				coinId: USDT,
				chain: 'POLYGON',
				address: ADDRESS,
				orderId: id('user-wd'),
				amount: '5',
			}),
			created('user withdrawal made'),
		),
		step(
			'User Withdraw to Cwallet',
			wallet('withdrawToCwallet', {
				userId: alice,
				orderId: id('user-cw'),
				coinId: byId(String(USDT)),
				cwalletUser: CWALLET_USER,
				amount: '1',
			}),
			'applyUserWithdrawToCwallet',
			j({
				userId: alice,
				coinId: USDT,
				cwalletUser: CWALLET_USER,
				amount: '1',
				orderId: id('user-cw'),
			}),
			created('user Cwallet withdrawal made'),
		),
		step(
			'User Withdrawal Get',
			wallet('getWithdrawal', { lookupBy: 'orderId', id: id('user-wd') }),
			'getUserWithdrawRecord',
			j({ orderId: id('user-wd') }),
			(items) => expect(one(items, 'amount', '5'), 'the user withdrawal', items),
		),
		step(
			'User Withdrawals',
			wallet('getManyWithdrawals', {
				userId: alice,
				additionalFields: { orderIds: `${id('user-wd')}, ${id('user-cw')}` },
			}),
			'getUserWithdrawRecordList',
			j({ userId: alice, orderIds: [id('user-wd'), id('user-cw')] }),
			(items) =>
				expect(
					j(items.map((w) => w.orderId).sort()) === j([id('user-cw'), id('user-wd')]),
					'both user withdrawals',
					items,
				),
		),
	];
}

/**
 * Every v2 operation, in running order.
 * @param {Context} ctx what prepare() returned
 * @returns {Step[]}
 */
function steps(ctx) {
	return [
		...merchantSteps(ctx),
		...walletSteps(ctx),
		step(
			'Webhook Resend',
			{ resource: 'webhook', operation: 'resend', startTime: START },
			'webhook/resend',
			j({ startTimestamp: START_AT }),
			(items) => expect(one(items, 'resendCount', 0), 'nothing to resend in that hour', items),
		),
	];
}

/** `resource.operation` of every step. */
const OPERATIONS = new Set(
	steps(/** @type {any} */ ({ tag: 'x' })).map(
		(s) => `${s.parameters.resource}.${s.parameters.operation}`,
	),
);

/**
 * The body a step must send: its own, or the one it derives from the previous step's first item.
 * @param {Step} s @param {any} previous
 */
const bodyOf = (s, previous) => (typeof s.body === 'function' ? s.body(previous) : s.body);

module.exports = { prepare, steps, bodyOf, OPERATIONS, ADDRESS };
