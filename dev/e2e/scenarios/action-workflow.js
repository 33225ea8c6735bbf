// @ts-check
'use strict';
/**
 * The workflow of scenario 2: a Manual Trigger followed by one chain of CCPayment action nodes that
 * together run EVERY operation (15 resource/operation pairs), plus a business error and a validation
 * error with "On Error: Continue". Every action node has `executeOnce`, so each runs exactly once no
 * matter how many items the previous node produced; the chain only fixes the order (orders exist before
 * Order > Get, the withdrawal before Withdrawal > Get).
 * Parameter names are those of nodes/CcPayment/v1/actions/<resource>/<operation>.ts.
 */

const TOKEN_USDT_TRC20 = '0912e09a-d8e2-41d7-a0bc-a25530892988';
const COIN_USDT = '8e5741cf-6e51-4892-9d04-3d40e1dd0128';
const CWALLET_ID = '9454818';

const IDS = {
	hosted: 'E2E-HOSTED-0001',
	native: 'E2E-NATIVE-0001',
	unknownOrder: 'E2E-NO-SUCH-ORDER',
	payout: 'E2E-PAYOUT-0001',
	userId: 'e2e-user-0001',
};

/** @param {string} value */
const rl = (value) => ({ __rl: true, mode: 'id', value });

/**
 * [node name, resource, operation, parameters, extra node settings]. Order = execution order.
 * @type {Array<[string, string, string, Record<string, unknown>, Record<string, unknown>?]>}
 */
const STEPS = [
	['Coins', 'coin', 'getMany', { simplify: true }],
	['Coins raw', 'coin', 'getMany', { simplify: false }],
	['Supported tokens', 'coin', 'getSupportedTokens', {}],
	['Token networks', 'coin', 'getNetworks', { tokenId: rl(TOKEN_USDT_TRC20) }],
	['USD rate', 'coin', 'getRate', { amount: '1000', tokenId: rl(TOKEN_USDT_TRC20) }],
	['Balances', 'balance', 'getMany', {}],
	['USDT balance', 'balance', 'getMany', { filters: { coinId: rl(COIN_USDT) } }],
	['Block heights', 'blockchain', 'getBlockHeights', {}],
	['Cwallet user', 'cwalletUser', 'check', { cwalletId: CWALLET_ID }],
	[
		'Unknown Cwallet user',
		'cwalletUser',
		'check',
		{ cwalletId: '99999999' },
		{ onError: 'continueRegularOutput' },
	],
	[
		'Hosted checkout',
		'checkout',
		'createHostedUrl',
		{
			merchantOrderId: IDS.hosted,
			productPrice: '19.99',
			productName: 'E2E plan',
			additionalFields: {
				returnUrl: 'https://shop.example.com/thanks',
				customValue: 'e2e-custom',
				orderValidPeriod: 3600,
			},
		},
	],
	[
		'Native order',
		'checkout',
		'createNativeOrder',
		{
			merchantOrderId: IDS.native,
			tokenId: rl(TOKEN_USDT_TRC20),
			denominatedCurrency: 'USD',
			productPrice: '25',
			additionalFields: { remark: 'e2e' },
		},
	],
	[
		'Invalid price',
		'checkout',
		'createHostedUrl',
		{ merchantOrderId: 'E2E-INVALID-0001', productPrice: '19.999', productName: 'never sent' },
		{ onError: 'continueRegularOutput' },
	],
	[
		'Orders',
		'order',
		'get',
		// An expression returning a list, to prove expressions run inside real n8n (legacy engine on 1.x).
		{
			merchantOrderIds: `={{ ["${IDS.hosted}", "${IDS.native}", "${IDS.unknownOrder}"] }}`,
			simplify: true,
			options: { includeNotFound: true },
		},
	],
	[
		'Deposit address',
		'depositAddress',
		'getPermanentAddress',
		{ userId: IDS.userId, chain: 'TRX' },
	],
	['Network fee', 'withdrawal', 'getNetworkFee', { tokenId: rl(TOKEN_USDT_TRC20) }],
	[
		'Payout',
		'withdrawal',
		'create',
		{
			merchantOrderId: IDS.payout,
			address: CWALLET_ID,
			tokenId: rl(TOKEN_USDT_TRC20),
			value: '5',
			additionalFields: { merchantPaysFee: true },
		},
	],
	['Payout status', 'withdrawal', 'get', { merchantOrderIds: IDS.payout, simplify: false }],
	[
		'Resend webhooks',
		'webhook',
		'resend',
		{
			startTime: '={{ new Date(Date.now() - 30 * 60 * 1000).toISOString() }}',
			additionalFields: { webhookResult: 'All Result', transactionType: 'All Type' },
		},
	],
];

/**
 * @param {{ id: string, type: string, credentials: Record<string, { id: string, name: string }> }} opts
 */
function actionWorkflow({ id, type, credentials }) {
	/** @type {any[]} */
	const nodes = [
		{
			id: 'a0e2e000-0000-4000-8000-000000000000',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
	];
	/** @type {Record<string, any>} */
	const connections = {};
	let previous = 'Start';
	STEPS.forEach(([name, resource, operation, params, extra], index) => {
		nodes.push({
			id: `a0e2e000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
			name,
			type,
			typeVersion: 1,
			position: [220 * (index + 1), 0],
			executeOnce: true,
			parameters: { resource, operation, ...params },
			credentials,
			...(extra ?? {}),
		});
		connections[previous] = { main: [[{ node: name, type: 'main', index: 0 }]] };
		previous = name;
	});
	return {
		id,
		name: 'E2E every operation',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes,
		connections,
		pinData: {},
	};
}

/** Every resource:operation pair the workflow covers. */
const COVERED = [...new Set(STEPS.map(([, r, o]) => `${r}:${o}`))];

module.exports = { actionWorkflow, STEPS, COVERED, IDS, TOKEN_USDT_TRC20, COIN_USDT, CWALLET_ID };
