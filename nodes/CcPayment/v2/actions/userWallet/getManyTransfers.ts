import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { additionalFields, returnAllFields } from '../common';
import type { OperationExecute, V2Operation } from '../types';
import { coinFilter, commonFilters, optionalUserFilter, orderIdsFilter } from './listFilters';
import { listRecords, optionalRange, timeFilters } from './shared';

export const option: V2Operation['option'] = {
	name: 'Get Many Transfers',
	value: 'getManyTransfers',
	description: 'List user-to-user transfer records, newest first',
	action: 'Get many user transfers',
};

export const properties: INodeProperties[] = [
	...returnAllFields,
	additionalFields([
		optionalUserFilter('fromUserId', 'From User ID'),
		optionalUserFilter('toUserId', 'To User ID'),
		coinFilter,
		orderIdsFilter,
		...timeFilters,
	]),
];

export const execute: OperationExecute = async function (this, i, client) {
	const extra = this.getNodeParameter('additionalFields', i, {});
	const filters = {
		fromUserId: extra.fromUserId,
		toUserId: extra.toUserId,
		...commonFilters(extra),
		...optionalRange(this, extra),
	};
	return await listRecords(this, client, ENDPOINTS_V2.userTransferRecordList, filters, i);
};
