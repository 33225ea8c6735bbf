import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { optionalTextList } from '../../helpers/validation';
import { listAt } from '../common';
import type { OperationExecute, V2Operation } from '../types';

export const option: V2Operation['option'] = {
	name: 'Get Many',
	value: 'getMany',
	description: 'Get chains with their status, explorer and confirmations needed',
	action: 'Get many chains',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Chains',
		name: 'chains',
		type: 'string',
		default: '',
		placeholder: 'e.g. ETH, POLYGON',
		description: 'Chain symbols to return, separated by commas. Leave empty for all chains.',
	},
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: [
			{
				name: 'Chain List',
				value: 'chainList',
				description:
					'The documented endpoint (getChainList): confirmations, explorer URL pattern, memo support',
			},
			{
				name: 'All Chain',
				value: 'allChain',
				description: 'The all/chain endpoint of the SDK: confirmNum instead of confirmations',
			},
		],
		default: 'chainList',
		description: 'Which CCPayment endpoint to read the chains from',
	},
];

export const execute: OperationExecute = async function (this, i, client) {
	const chains = optionalTextList(this.getNodeParameter('chains', i, ''), 'Chains');
	const endpoint =
		this.getNodeParameter('source', i, 'chainList') === 'allChain'
			? ENDPOINTS_V2.allChain
			: ENDPOINTS_V2.chainList;
	return listAt(await client.read(endpoint, chains ? { chains } : {}, i), 'chains');
};
