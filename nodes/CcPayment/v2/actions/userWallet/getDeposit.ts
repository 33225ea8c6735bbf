import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { requiredText } from '../../helpers/validation';
import { objectAt } from '../common';
import type { OperationExecute, V2Operation } from '../types';
import { readWallet } from './shared';

export const option: V2Operation['option'] = {
	name: 'Get Deposit',
	value: 'getDeposit',
	description: 'Get one user deposit record (e.g. after a UserDeposit webhook)',
	action: 'Get a user deposit',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Record ID',
		name: 'recordId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 20240313093815119190942031876096',
		description: 'The recordId of the deposit (from the webhook or the list)',
	},
];

export const execute: OperationExecute = async function (this, i, client) {
	const recordId = requiredText(this.getNodeParameter('recordId', i), 'Record ID');
	return objectAt(
		await readWallet(client, ENDPOINTS_V2.userDepositRecord, { recordId }, i),
		'record',
	);
};
