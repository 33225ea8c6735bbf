import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { MAX_BATCH_ORDERS, checkCount } from '../../helpers/moneyFields';
import { optionalText, requiredText } from '../../helpers/validation';
import { chainLocator, listAt, locatorValue } from '../common';
import type { OperationExecute, V2Operation } from '../types';
import { oncePerExecution, sameOnEveryItem, seqOf, seqProperty } from './shared';

export const option: V2Operation['option'] = {
	name: 'Check Addresses',
	value: 'checkAddresses',
	description: 'Check the addresses of all input items in one call before a batch',
	action: 'Check batch withdrawal addresses',
};

export const properties: INodeProperties[] = [
	chainLocator({ description: 'The network of the addresses' }),
	seqProperty,
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		required: true,
		default: '',
		description: 'The address of this item',
	},
	{
		displayName: 'Memo',
		name: 'memo',
		type: 'string',
		default: '',
		description: 'Memo or tag, on memo networks',
	},
];

export const execute: OperationExecute = async function (this, i, client) {
	const result = await oncePerExecution(client, 'batch:checkAddresses', async () => {
		const chain = sameOnEveryItem(this, 'chain', 'Chain', (raw) =>
			requiredText(locatorValue(raw), 'Chain', 'Pick a chain, e.g. POLYGON.'),
		);
		const count = this.getInputData().length;
		checkCount(count, 'Addresses (input items)', MAX_BATCH_ORDERS);
		const list: IDataObject[] = [];
		for (let j = 0; j < count; j++) {
			const entry: IDataObject = {
				address: requiredText(this.getNodeParameter('address', j), 'Address'),
			};
			const memo = optionalText(this.getNodeParameter('memo', j, ''), 'Memo');
			if (memo !== undefined) entry.memo = memo;
			entry.seq = seqOf(this.getNodeParameter('seq', j), j);
			list.push(entry);
		}
		const data = await client.read(
			ENDPOINTS_V2.batchCheckAddresses,
			{ chain, addressInfoList: list },
			0,
		);
		return { list, results: listAt(data, 'addressInfoResults') };
	});
	const entry = result.list[i];
	const found = result.results.find((r) => Number(r.seq) === entry.seq);
	const codes = Array.isArray(found?.codes) ? (found?.codes as number[]) : [];
	return { ...entry, valid: found !== undefined && codes.length === 0, codes };
};
