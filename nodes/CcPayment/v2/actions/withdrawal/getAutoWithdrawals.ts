import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import type { FilterSpec } from '../../helpers/lists';
import { collectPages, filterBody, filtersCollection, listLimit } from '../../helpers/lists';
import { returnAllFields } from '../common';
import type { OperationExecute, V2Operation } from '../types';

/** Filters of the auto-withdrawal and risky-refund lists (same request shape). */
export const RECORD_FILTERS: FilterSpec[] = [
	{
		name: 'coinId',
		displayName: 'Coin ID',
		kind: 'coinId',
		description: 'Only this coin',
		placeholder: 'e.g. 1280',
	},
	{
		name: 'chain',
		displayName: 'Chain',
		kind: 'text',
		description: 'Only this chain symbol',
		placeholder: 'e.g. POLYGON',
	},
	{
		name: 'recordIds',
		displayName: 'Record IDs',
		kind: 'textList',
		max: 50,
		description: 'Only these record IDs (comma-separated)',
	},
	{
		name: 'toAddress',
		displayName: 'To Address',
		kind: 'text',
		description: 'Only records to this address',
	},
	{
		name: 'startAt',
		displayName: 'Start Time',
		kind: 'date',
		description: 'Only records created from this time',
	},
	{
		name: 'endAt',
		displayName: 'End Time',
		kind: 'date',
		description: 'Only records created until this time',
	},
];

export const option: V2Operation['option'] = {
	name: 'Get Many Auto-Withdrawals',
	value: 'getAutoWithdrawals',
	description: 'List the automatic withdrawals CCPayment made from the merchant balance',
	action: 'Get many auto withdrawals',
};

export const properties: INodeProperties[] = [
	...returnAllFields,
	filtersCollection(RECORD_FILTERS),
];

export const execute: OperationExecute = async function (this, i, client) {
	const limit = listLimit(this, i);
	const filters = filterBody(this, i, RECORD_FILTERS);
	return await collectPages(client, ENDPOINTS_V2.autoWithdrawRecordList, filters, i, limit);
};
