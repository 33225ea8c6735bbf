import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import type { FilterSpec } from '../../helpers/lists';
import { collectPages, filterBody, filtersCollection, listLimit } from '../../helpers/lists';
import { returnAllFields } from '../common';
import type { OperationExecute, V2Operation } from '../types';

const FILTERS: FilterSpec[] = [
	{
		name: 'coinIdIn',
		displayName: 'Coin In ID',
		kind: 'coinId',
		description: 'Only swaps selling this coin',
	},
	{
		name: 'coinIdOut',
		displayName: 'Coin Out ID',
		kind: 'coinId',
		description: 'Only swaps buying this coin',
	},
	{
		name: 'orderIds',
		displayName: 'Order IDs',
		kind: 'textList',
		max: 20,
		description: 'Only these order IDs (comma-separated, at most 20)',
	},
	{
		name: 'recordIds',
		displayName: 'Record IDs',
		kind: 'textList',
		max: 20,
		description: 'Only these record IDs (comma-separated, at most 20)',
	},
	{
		name: 'startAt',
		displayName: 'Start Time',
		kind: 'date',
		description: 'Only swaps from this time (range at most 3 months)',
	},
	{
		name: 'endAt',
		displayName: 'End Time',
		kind: 'date',
		description: 'Only swaps until this time',
	},
];

export const option: V2Operation['option'] = {
	name: 'Get Many',
	value: 'getMany',
	description: 'List swaps, following the pages until done',
	action: 'Get many swaps',
};

export const properties: INodeProperties[] = [...returnAllFields, filtersCollection(FILTERS)];

export const execute: OperationExecute = async function (this, i, client) {
	const limit = listLimit(this, i);
	const filters = filterBody(this, i, FILTERS);
	return await collectPages(client, ENDPOINTS_V2.swapRecordList, filters, i, limit);
};
