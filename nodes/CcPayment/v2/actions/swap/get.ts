import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { findByProperties, orderOrRecordId } from '../../helpers/recordLookup';
import { objectAt } from '../common';
import type { OperationExecute, V2Operation } from '../types';

export const option: V2Operation['option'] = {
	name: 'Get',
	value: 'get',
	description: 'Get one swap by its order ID or record ID',
	action: 'Get a swap',
};

export const properties: INodeProperties[] = findByProperties('swap', 'e.g. swap-2024-0001');

export const execute: OperationExecute = async function (this, i, client) {
	const body = orderOrRecordId(this, i, 'findBy', 'Find By');
	return objectAt(await client.read(ENDPOINTS_V2.swapRecord, body, i), 'record');
};
