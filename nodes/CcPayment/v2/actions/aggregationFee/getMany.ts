import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { InvalidParameterError, optionalText, timeRange } from '../../helpers/validation';
import { additionalFields, compact, returnAllFields } from '../common';
import type { OperationExecute, V2Operation } from '../types';

/** CCPayment's largest page. */
const PAGE_SIZE = 100;

export const option: V2Operation['option'] = {
	name: 'Get Many',
	value: 'getMany',
	description: 'Get the fees charged for aggregating deposits into the merchant balance',
	action: 'Get many aggregation fee records',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Start of the period to return records for',
	},
	{
		displayName: 'End Time',
		name: 'endTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'End of the period to return records for',
	},
	...returnAllFields,
	additionalFields([
		{
			displayName: 'Address',
			name: 'address',
			type: 'string',
			default: '',
			placeholder: 'e.g. 0x12ac45...',
			description: 'Only records of this deposit address',
		},
		{
			displayName: 'Chain',
			name: 'chain',
			type: 'string',
			default: '',
			placeholder: 'e.g. ETH',
			description: 'Only records on this chain (chain symbol)',
		},
	]),
];

export const execute: OperationExecute = async function (this, i, client) {
	const range = timeRange(
		this.getNodeParameter('startTime', i),
		this.getNodeParameter('endTime', i),
		this.getTimezone(),
	);
	const extra = this.getNodeParameter('additionalFields', i, {});
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', i, 50) as number);
	if (!returnAll && (!Number.isInteger(limit) || limit < 1)) {
		throw new InvalidParameterError(
			'Limit',
			`must be a whole number of at least 1 (got ${JSON.stringify(limit)})`,
			'Enter e.g. 50, or turn on Return All.',
		);
	}
	const filters = compact({
		chain: optionalText(extra.chain, 'Chain'),
		address: optionalText(extra.address, 'Address'),
	});

	const records: IDataObject[] = [];
	let nextId = '';
	do {
		const pageSize = Math.min(PAGE_SIZE, limit - records.length);
		const body = { ...range, ...(nextId ? { nextId } : {}), limit: pageSize, ...filters };
		const data = await client.read(ENDPOINTS_V2.aggregationFeeRecord, body, i);
		const page =
			!Array.isArray(data) && Array.isArray(data.list) ? (data.list as IDataObject[]) : [];
		records.push(...page.slice(0, limit - records.length));
		const next = Array.isArray(data) ? '' : data.nextId;
		// Stop on the last page, and on a cursor that does not move (it would loop forever).
		nextId = typeof next === 'string' && next !== nextId && page.length ? next : '';
	} while (nextId && records.length < limit);
	return records;
};
