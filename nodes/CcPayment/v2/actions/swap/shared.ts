import type { INodeProperties } from 'n8n-workflow';

export const swapPairFields: INodeProperties[] = [
	{
		displayName: 'Coin In ID',
		name: 'coinIdIn',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1280',
		description: 'CCPayment coin ID of the coin to sell (Swap > Get Coins lists them)',
	},
	{
		displayName: 'Amount In',
		name: 'amountIn',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 100',
		description: 'Amount of the coin to sell, as a decimal string',
	},
	{
		displayName: 'Coin Out ID',
		name: 'coinIdOut',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1329',
		description: 'CCPayment coin ID of the coin to buy',
	},
];
