import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { findByProperties, orderOrRecordId } from '../../helpers/recordLookup';
import { objectAt } from '../common';
import type { OperationExecute, V2Operation } from '../types';

export const option: V2Operation['option'] = {
	name: 'Get',
	value: 'get',
	description: 'Get one withdrawal by its order ID or record ID',
	action: 'Get a withdrawal',
};

export const properties: INodeProperties[] = findByProperties(
	'withdrawal',
	'e.g. payout-2024-0001',
);

export const execute: OperationExecute = async function (this, i, client) {
	const body = orderOrRecordId(this, i, 'findBy', 'Find By');
	return objectAt(await client.read(ENDPOINTS_V2.withdrawRecord, body, i), 'record');
};
