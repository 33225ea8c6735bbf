// @ts-check
'use strict';
/**
 * Catalogue part: the wallet system. alice, funded by prepare(), pays bob and carol, swaps and
 * withdraws; every record is read back by its order ID.
 */
const c = require('./common');

const { ADDRESS, CWALLET_USER, USDT, TRX, NOTIFY_URL } = c;
const { j, byId, expect, one, step } = c;

/**
 * The wallet system: alice (funded by prepare) pays bob and carol, swaps and withdraws.
 * @param {import('./common').Context} ctx
 * @returns {import('./common').Step[]}
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
			wallet('getDepositAddress', {
				userId: alice,
				chain: byId('TRX'),
				additionalFields: { notifyUrl: NOTIFY_URL },
			}),
			'getOrCreateUserDepositAddress',
			j({ userId: alice, chain: 'TRX', notifyUrl: NOTIFY_URL }),
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
			wallet('getManyDeposits', {
				userId: alice,
				additionalFields: { coinId: String(USDT), chain: 'TRX' },
			}),
			'getUserDepositRecordList',
			j({ userId: alice, coinId: USDT, chain: 'TRX' }),
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
				additionalFields: { remark: 'rent' },
			}),
			'userTransfer',
			j({
				fromUserId: alice,
				toUserId: bob,
				coinId: USDT,
				amount: '10',
				orderId: id('transfer'),
				remark: 'rent',
			}),
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
			wallet('getManyTransfers', {
				additionalFields: {
					fromUserId: alice,
					toUserId: bob,
					coinId: String(USDT),
					orderIds: id('transfer'),
				},
			}),
			'getUserTransferRecordList',
			j({ fromUserId: alice, toUserId: bob, coinId: USDT, orderIds: [id('transfer')] }),
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
				additionalFields: { remark: 'bonus' },
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
				remark: 'bonus',
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
			wallet('getManyBatchTransfers', {
				additionalFields: { userId: alice, coinId: String(USDT), orderIds: id('batch-transfer') },
			}),
			'getUserBatchTransferRecordList',
			j({ userId: alice, coinId: USDT, orderIds: [id('batch-transfer')] }),
			(items) => expect(one(items, 'orderId', id('batch-transfer')), 'the one batch', items),
		),
		step(
			'User Swap Quote',
			wallet('getSwapQuote', {
				coinIdIn: byId(String(USDT)),
				amountIn: '10',
				coinIdOut: byId(String(TRX)),
				additionalFields: { extraFeeRate: '0.01' },
			}),
			'estimate',
			j({ coinIdIn: USDT, amountIn: '10', coinIdOut: TRX, extraFeeRate: '0.01' }),
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
				amountOutMinimum: '1',
				additionalFields: { extraFeeRate: '0.01' },
			}),
			'userSwap',
			j({
				orderId: id('user-swap'),
				userId: alice,
				coinIdIn: USDT,
				amountIn: '10',
				coinIdOut: TRX,
				extraFeeRate: '0.01',
				amountOutMinimum: '1',
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
			wallet('getManySwaps', {
				additionalFields: {
					userId: alice,
					coinIdIn: String(USDT),
					coinIdOut: String(TRX),
					orderIds: id('user-swap'),
				},
			}),
			'getUserSwapRecordList',
			j({ userId: alice, orderIds: [id('user-swap')], coinIdIn: USDT, coinIdOut: TRX }),
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
				additionalFields: { notifyUrl: NOTIFY_URL },
			}),
			'applyUserWithdrawToNetwork',
			j({
				userId: alice,
				coinId: USDT,
				chain: 'POLYGON',
				address: ADDRESS,
				orderId: id('user-wd'),
				amount: '5',
				notifyUrl: NOTIFY_URL,
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
				additionalFields: {
					coinId: String(USDT),
					orderIds: `${id('user-wd')}, ${id('user-cw')}`,
				},
			}),
			'getUserWithdrawRecordList',
			j({ userId: alice, coinId: USDT, orderIds: [id('user-wd'), id('user-cw')] }),
			(items) =>
				expect(
					j(items.map((w) => w.orderId).sort()) === j([id('user-cw'), id('user-wd')]),
					'both user withdrawals',
					items,
				),
		),
	];
}

module.exports = { walletSteps };
