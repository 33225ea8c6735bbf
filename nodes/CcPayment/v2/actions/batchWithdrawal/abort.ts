import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { MAX_BATCH_ORDERS, checkCount, orderIdText, textList } from '../../helpers/moneyFields';
import type { OperationExecute, V2Operation } from '../types';
import { batchOrderIdProperty, seqOf } from './shared';

export const option: V2Operation['option'] = {
	name: 'Abort',
	value: 'abort',
	description: 'Cancel orders of a batch that are not paid yet (all of them, or some seqs)',
	action: 'Abort a batch withdrawal',
};

export const properties: INodeProperties[] = [
	{ ...batchOrderIdProperty, description: 'The batch to abort' },
	{
		displayName: 'Seqs',
		name: 'seqs',
		type: 'string',
		default: '',
		placeholder: 'e.g. 3, 7',
		description: 'Only these orders (comma-separated seqs); empty aborts every unpaid order',
	},
];

export const execute: OperationExecute = async function (this, i, client) {
	const batchOrderId = orderIdText(
		this.getNodeParameter('batchOrderId', i),
		'Batch Order ID',
		'Enter the batch order ID used to create the batch.',
	);
	const seqs = textList(this.getNodeParameter('seqs', i, ''), 'Seqs').map((seq) => seqOf(seq, i));
	checkCount(seqs.length, 'Seqs', MAX_BATCH_ORDERS);
	const body = seqs.length ? { batchOrderId, seqs } : { batchOrderId };
	// Aborting twice changes nothing more, so it is retried like a read.
	return await client.read(ENDPOINTS_V2.batchAbort, body, i);
};
