import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { collectPages, filterBody, filtersCollection, listLimit } from '../../helpers/lists';
import { returnAllFields } from '../common';
import type { OperationExecute, V2Operation } from '../types';
import { RECORD_FILTERS } from './getAutoWithdrawals';

export const option: V2Operation['option'] = {
	name: 'Get Many Risky Refunds',
	value: 'getRiskyRefunds',
	description: 'List the refunds of deposits CCPayment flagged as risky',
	action: 'Get many risky refunds',
};

export const properties: INodeProperties[] = [
	...returnAllFields,
	filtersCollection(RECORD_FILTERS),
];

export const execute: OperationExecute = async function (this, i, client) {
	const limit = listLimit(this, i);
	const filters = filterBody(this, i, RECORD_FILTERS);
	return await collectPages(client, ENDPOINTS_V2.riskyRefundRecordList, filters, i, limit);
};
