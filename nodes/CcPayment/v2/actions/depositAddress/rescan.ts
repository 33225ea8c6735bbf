import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { optionalText, requiredText } from '../../helpers/validation';
import { additionalFields, chainLocator, chainOf, compact } from '../common';
import type { OperationExecute, V2Operation } from '../types';

export const option: V2Operation['option'] = {
	name: 'Rescan Lost Transaction',
	value: 'rescan',
	description: 'Ask CCPayment to look again for a deposit that was sent but not credited',
	action: 'Rescan a lost deposit transaction',
};

export const properties: INodeProperties[] = [
	chainLocator({ description: 'The network of the transaction' }),
	{
		displayName: 'To Address',
		name: 'toAddress',
		type: 'string',
		required: true,
		default: '',
		description: 'Your deposit address the transaction paid',
	},
	{
		displayName: 'Transaction Hash',
		name: 'txId',
		type: 'string',
		required: true,
		default: '',
		description: 'The on-chain transaction ID',
	},
	additionalFields([
		{
			displayName: 'Memo',
			name: 'memo',
			type: 'string',
			default: '',
			description: 'The memo or tag of the deposit, on memo networks',
		},
	]),
];

export const execute: OperationExecute = async function (this, i, client) {
	const extra = this.getNodeParameter('additionalFields', i, {});
	const body = compact({
		chain: chainOf(this, i),
		toAddress: requiredText(this.getNodeParameter('toAddress', i), 'To Address'),
		txId: requiredText(this.getNodeParameter('txId', i), 'Transaction Hash'),
		memo: optionalText(extra.memo, 'Memo'),
	});
	return await client.read(ENDPOINTS_V2.rescanLostTransaction, body, i, { onlyIfNotApplied: true });
};
