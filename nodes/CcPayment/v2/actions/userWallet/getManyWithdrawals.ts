import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { optionalText } from '../../helpers/validation';
import { additionalFields, returnAllFields } from '../common';
import type { OperationExecute, V2Operation } from '../types';
import { coinFilter, commonFilters, orderIdsFilter } from './listFilters';
import { listRecords, optionalRange, timeFilters, userIdOf, userIdProperty } from './shared';

export const option: V2Operation['option'] = {
	name: 'Get Many Withdrawals',
	value: 'getManyWithdrawals',
	description: "List a user's withdrawal records, newest first",
	action: "Get many of a user's withdrawals",
};

export const properties: INodeProperties[] = [
	userIdProperty(),
	...returnAllFields,
	additionalFields([
		coinFilter,
		{
			displayName: 'Chain',
			name: 'chain',
			type: 'string',
			default: '',
			placeholder: 'e.g. POLYGON',
			description: 'Only withdrawals on this chain',
		},
		orderIdsFilter,
		{
			displayName: 'To Address',
			name: 'toAddress',
			type: 'string',
			default: '',
			description: 'Only withdrawals to this address',
		},
		...timeFilters,
	]),
];

export const execute: OperationExecute = async function (this, i, client) {
	const userId = userIdOf(this.getNodeParameter('userId', i), 'User ID', client.appId());
	const extra = this.getNodeParameter('additionalFields', i, {});
	const filters = {
		userId,
		...commonFilters(extra),
		toAddress: optionalText(extra.toAddress, 'To Address'),
		...optionalRange(this, extra),
	};
	return await listRecords(this, client, ENDPOINTS_V2.userWithdrawRecordList, filters, i);
};
