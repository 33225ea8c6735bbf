import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { integerId, optionalText } from '../../helpers/validation';
import { additionalFields, returnAllFields } from '../common';
import type { OperationExecute, V2Operation } from '../types';
import { listRecords, optionalRange, timeFilters, userIdOf, userIdProperty } from './shared';

export const option: V2Operation['option'] = {
	name: 'Get Many Deposits',
	value: 'getManyDeposits',
	description: "List a user's deposit records, newest first",
	action: "Get many of a user's deposits",
};

export const properties: INodeProperties[] = [
	userIdProperty(),
	...returnAllFields,
	additionalFields([
		{
			displayName: 'Coin ID',
			name: 'coinId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1280',
			description: 'Only deposits of this coin',
		},
		{
			displayName: 'Chain',
			name: 'chain',
			type: 'string',
			default: '',
			placeholder: 'e.g. POLYGON',
			description: 'Only deposits on this chain',
		},
		{
			displayName: 'To Address',
			name: 'toAddress',
			type: 'string',
			default: '',
			description: 'Only deposits to this address',
		},
		...timeFilters,
	]),
];

export const execute: OperationExecute = async function (this, i, client) {
	const userId = userIdOf(this.getNodeParameter('userId', i), 'User ID', client.appId());
	const extra = this.getNodeParameter('additionalFields', i, {});
	const filters = {
		userId,
		coinId: extra.coinId ? integerId(extra.coinId, 'Coin ID') : undefined,
		chain: optionalText(extra.chain, 'Chain'),
		toAddress: optionalText(extra.toAddress, 'To Address'),
		...optionalRange(this, extra),
	};
	return await listRecords(this, client, ENDPOINTS_V2.userDepositRecordList, filters, i);
};
