import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { integerId, optionalTextList } from '../../helpers/validation';
import { additionalFields, returnAllFields } from '../common';
import type { OperationExecute, V2Operation } from '../types';
import { commonFilters, optionalUserFilter, orderIdsFilter } from './listFilters';
import { listRecords, optionalRange, timeFilters } from './shared';

export const option: V2Operation['option'] = {
	name: 'Get Many Swaps',
	value: 'getManySwaps',
	description: 'List user swap records, newest first',
	action: 'Get many user swaps',
};

export const properties: INodeProperties[] = [
	...returnAllFields,
	additionalFields([
		optionalUserFilter('userId', 'User ID'),
		{
			displayName: 'Coin In ID',
			name: 'coinIdIn',
			type: 'string',
			default: '',
			description: 'Only swaps from this coin',
		},
		{
			displayName: 'Coin Out ID',
			name: 'coinIdOut',
			type: 'string',
			default: '',
			description: 'Only swaps to this coin',
		},
		orderIdsFilter,
		{
			displayName: 'Record IDs',
			name: 'recordIds',
			type: 'string',
			default: '',
			description: 'Only these record IDs (comma-separated, at most 20)',
		},
		...timeFilters,
	]),
];

export const execute: OperationExecute = async function (this, i, client) {
	const extra = this.getNodeParameter('additionalFields', i, {});
	const filters = {
		userId: extra.userId,
		...commonFilters(extra),
		coinIdIn: extra.coinIdIn ? integerId(extra.coinIdIn, 'Coin In ID') : undefined,
		coinIdOut: extra.coinIdOut ? integerId(extra.coinIdOut, 'Coin Out ID') : undefined,
		recordIds: optionalTextList(extra.recordIds, 'Record IDs'),
		...optionalRange(this, extra),
	};
	return await listRecords(this, client, ENDPOINTS_V2.userSwapRecordList, filters, i);
};
