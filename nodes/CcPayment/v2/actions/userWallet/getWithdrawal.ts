import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { objectAt } from '../common';
import type { OperationExecute, V2Operation } from '../types';
import { lookupBody, lookupProperties, readWallet } from './shared';

export const option: V2Operation['option'] = {
	name: 'Get Withdrawal',
	value: 'getWithdrawal',
	description: 'Get one user withdrawal record by order ID or record ID',
	action: 'Get a user withdrawal',
};

export const properties: INodeProperties[] = [...lookupProperties];

export const execute: OperationExecute = async function (this, i, client) {
	const data = await readWallet(client, ENDPOINTS_V2.userWithdrawRecord, lookupBody(this, i), i);
	return objectAt(data, 'record');
};
