import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import type { FilterSpec } from '../../helpers/lists';
import { collectPages, filterBody, filtersCollection, listLimit } from '../../helpers/lists';
import { returnAllFields } from '../common';
import type { OperationExecute, V2Operation } from '../types';

export const FILTERS: FilterSpec[] = [
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
		name: 'orderIds',
		displayName: 'Order IDs',
		kind: 'textList',
		max: 20,
		description: 'Only these order IDs (comma-separated, at most 20)',
	},
	{
		name: 'toAddress',
		displayName: 'To Address',
		kind: 'text',
		description: 'Only withdrawals to this address',
	},
	{
		name: 'startAt',
		displayName: 'Start Time',
		kind: 'date',
		description: 'Only withdrawals created from this time',
	},
	{
		name: 'endAt',
		displayName: 'End Time',
		kind: 'date',
		description: 'Only withdrawals created until this time',
	},
];

export const option: V2Operation['option'] = {
	name: 'Get Many',
	value: 'getMany',
	description: 'List withdrawals, following the pages until done',
	action: 'Get many withdrawals',
};

export const properties: INodeProperties[] = [...returnAllFields, filtersCollection(FILTERS)];

export const execute: OperationExecute = async function (this, i, client) {
	const limit = listLimit(this, i);
	const filters = filterBody(this, i, FILTERS);
	return await collectPages(client, ENDPOINTS_V2.withdrawRecordList, filters, i, limit);
};
