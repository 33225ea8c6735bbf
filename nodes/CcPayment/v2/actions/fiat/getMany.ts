import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { listAt } from '../common';
import type { OperationExecute, V2Operation } from '../types';

export const option: V2Operation['option'] = {
	name: 'Get Many',
	value: 'getMany',
	description: 'Get the fiat currencies prices can be set in, with their IDs and USD rates',
	action: 'Get many fiat currencies',
};

export const properties: INodeProperties[] = [];

export const execute: OperationExecute = async function (this, i, client) {
	return listAt(await client.read(ENDPOINTS_V2.fiatList, {}, i), 'fiats');
};
