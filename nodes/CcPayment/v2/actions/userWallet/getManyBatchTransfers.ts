import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { additionalFields, returnAllFields } from '../common';
import type { OperationExecute, V2Operation } from '../types';
import { coinFilter, commonFilters, optionalUserFilter, orderIdsFilter } from './listFilters';
import { listRecords, optionalRange, timeFilters } from './shared';

export const option: V2Operation['option'] = {
	name: 'Get Many Batch Transfers',
	value: 'getManyBatchTransfers',
	description: 'List batch transfer records, newest first',
	action: 'Get many batch transfers',
};

export const properties: INodeProperties[] = [
	...returnAllFields,
	additionalFields([
		optionalUserFilter('userId', 'Sender User ID'),
		coinFilter,
		orderIdsFilter,
		...timeFilters,
	]),
];

export const execute: OperationExecute = async function (this, i, client) {
	const extra = this.getNodeParameter('additionalFields', i, {});
	const filters = {
		userId: extra.userId,
		...commonFilters(extra),
		...optionalRange(this, extra),
	};
	return await listRecords(this, client, ENDPOINTS_V2.userBatchTransferRecordList, filters, i);
};
