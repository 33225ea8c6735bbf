import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { requiredText } from '../../helpers/validation';
import { returnAllFields } from '../common';
import type { OperationExecute, V2Operation } from '../types';
import { listRecords } from './shared';

export const option: V2Operation['option'] = {
	name: 'Get Batch Transfer Details',
	value: 'getBatchTransferDetails',
	description: 'List the single transfers (one per receiver) of a batch transfer',
	action: 'Get the details of a batch transfer',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Record ID',
		name: 'recordId',
		type: 'string',
		required: true,
		default: '',
		description: 'The recordId of the batch transfer',
	},
	...returnAllFields,
];

export const execute: OperationExecute = async function (this, i, client) {
	const recordId = requiredText(this.getNodeParameter('recordId', i), 'Record ID');
	return await listRecords(
		this,
		client,
		ENDPOINTS_V2.userBatchTransferRecordDetail,
		{ recordId },
		i,
	);
};
