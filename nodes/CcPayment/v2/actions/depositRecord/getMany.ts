import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import type { FilterSpec } from '../../helpers/lists';
import { collectPages, filterBody, filtersCollection, listLimit } from '../../helpers/lists';
import { InvalidParameterError } from '../../helpers/validation';
import { returnAllFields } from '../common';
import type { OperationExecute, V2Operation } from '../types';

const FILTERS: FilterSpec[] = [
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
		name: 'referenceId',
		displayName: 'Reference ID',
		kind: 'text',
		description: 'Only deposits to this user’s permanent addresses',
	},
	{
		name: 'orderId',
		displayName: 'Order ID',
		kind: 'text',
		description: 'Only payments of this order',
	},
	{
		name: 'toAddress',
		displayName: 'To Address',
		kind: 'text',
		description: 'Only deposits to this address',
	},
	{
		name: 'startAt',
		displayName: 'Start Time',
		kind: 'date',
		description: 'Only deposits from this time (CCPayment default: last 90 days)',
	},
	{
		name: 'endAt',
		displayName: 'End Time',
		kind: 'date',
		description: 'Only deposits until this time',
	},
];

export const option: V2Operation['option'] = {
	name: 'Get Many',
	value: 'getMany',
	description: 'List deposits, newest first, following the pages until done',
	action: 'Get many deposit records',
};

export const properties: INodeProperties[] = [...returnAllFields, filtersCollection(FILTERS)];

export const execute: OperationExecute = async function (this, i, client) {
	const limit = listLimit(this, i);
	const filters = filterBody(this, i, FILTERS);
	if (filters.orderId !== undefined && filters.referenceId !== undefined) {
		throw new InvalidParameterError(
			'Filters',
			'set both Order ID and Reference ID, which CCPayment does not accept together',
			'Keep only one of them.',
		);
	}
	return await collectPages(client, ENDPOINTS_V2.depositRecordList, filters, i, limit);
};
